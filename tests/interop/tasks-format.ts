/**
 * How the Tasks plugin reads a task line, ported for our interop tests. The regular expressions
 * are copied from the obsidian-tasks repository (github.com/obsidian-tasks-group/obsidian-tasks):
 *
 * - `TASK_REGULAR_EXPRESSIONS` from src/Task/TaskRegularExpressions.ts (class TaskRegularExpressions)
 * - `extractTaskComponents` follows `Task.extractTaskComponents` in src/Task/Task.ts
 * - `EMOJI_FORMAT` is `DEFAULT_SYMBOLS.TaskFormatRegularExpressions` from
 *   src/TaskSerializer/DefaultTaskSerializer.ts ("Tasks Emoji Format", Tasks' default)
 * - `DATAVIEW_FORMAT` is `DATAVIEW_SYMBOLS.TaskFormatRegularExpressions` with `toInlineFieldRegex`
 *   from src/TaskSerializer/DataviewTaskSerializer.ts (the "Dataview" task format setting)
 * - `deserialize` follows `DefaultTaskSerializer.deserialize`: fields are matched and removed
 *   from the END of the line, in a loop, until nothing more matches. Anything Tasks does not know
 *   (a `[trigger:: …]` after `📅 …`) stops the loop, and the fields before it stay description.
 * - `DEFAULT_STATUSES` are the statuses a fresh Tasks install has (StatusRegistry's defaults:
 *   Todo, In Progress, Done, Cancelled); an unknown symbol becomes a TODO status
 *   (`Status.createUnknownStatus`), which is why `[>]` and `[?]` count as not done.
 *
 * Dates are kept as the matched YYYY-MM-DD strings instead of moment objects.
 */

export const TASK_REGULAR_EXPRESSIONS = (() => {
  // Matches indentation before a list marker (including > for potentially nested blockquotes or Obsidian callouts)
  const indentationRegex = /^([\s\t>]*)/;
  // Matches - * and + list markers, or numbered list markers (eg 1.)
  const listMarkerRegex = /([-*+]|[0-9]+\.)/;
  // Matches a checkbox and saves the status character inside
  const checkboxRegex = /\[(.)\]/u;
  // Matches the rest of the task after the checkbox.
  const afterCheckboxRegex = / *(.*)/u;
  const taskRegex = new RegExp(indentationRegex.source + listMarkerRegex.source + ' +' + checkboxRegex.source + afterCheckboxRegex.source, 'u');
  // Match on block link at end.
  const blockLinkRegex = / \^[a-zA-Z0-9-]+$/u;
  const hashTags = /(^|\s)#[^ !@#$%^&*(),.?":{}|<>]+/g;
  const hashTagsFromEnd = new RegExp(hashTags.source + '$');
  return { indentationRegex, listMarkerRegex, checkboxRegex, afterCheckboxRegex, taskRegex, blockLinkRegex, hashTags, hashTagsFromEnd };
})();

// The allowed characters in a single task id:
const taskIdRegex = /[a-zA-Z0-9-_]+/;

export interface TaskFormatRegularExpressions {
  priorityRegex: RegExp;
  startDateRegex: RegExp;
  createdDateRegex: RegExp;
  scheduledDateRegex: RegExp;
  dueDateRegex: RegExp;
  reminderDateRegex: RegExp;
  reminderDateTimeRegex: RegExp;
  doneDateRegex: RegExp;
  cancelledDateRegex: RegExp;
  recurrenceRegex: RegExp;
  idRegex: RegExp;
  dependsOnRegex: RegExp;
}

/** Tasks Emoji Format (DefaultTaskSerializer.ts, DEFAULT_SYMBOLS.TaskFormatRegularExpressions). */
export const EMOJI_FORMAT: TaskFormatRegularExpressions = {
  // The following regex's end with `$` because they will be matched and
  // removed from the end until none are left.
  // \uFE0F? allows an optional Variant Selector 16 on emojis.
  priorityRegex: /([🔺⏫🔼🔽⏬])\uFE0F?$/u,
  startDateRegex: /🛫 *(\d{4}-\d{2}-\d{2})$/u,
  createdDateRegex: /➕ *(\d{4}-\d{2}-\d{2})$/u,
  scheduledDateRegex: /[⏳⌛] *(\d{4}-\d{2}-\d{2})$/u,
  dueDateRegex: /[📅📆🗓] *(\d{4}-\d{2}-\d{2})$/u,
  reminderDateRegex: /[⏰] *(\d{4}-\d{2}-\d{2})$/u,
  reminderDateTimeRegex: /[⏰] *(\d{4}-\d{2}-\d{2} \d{2}:\d{2})$/u,
  doneDateRegex: /✅ *(\d{4}-\d{2}-\d{2})$/u,
  cancelledDateRegex: /❌ *(\d{4}-\d{2}-\d{2})$/u,
  recurrenceRegex: /🔁 ?([a-zA-Z0-9, !]+)$/iu,
  dependsOnRegex: new RegExp('⛔\uFE0F? *(' + taskIdRegex.source + '( *, *' + taskIdRegex.source + ' *)*)$', 'iu'),
  idRegex: new RegExp('🆔 *(' + taskIdRegex.source + ')$', 'iu'),
};

/**
 * DataviewTaskSerializer.ts `toInlineFieldRegex`: `[key:: value]` or `(key:: value)`, matched at
 * the end of the line, with an optional trailing comma.
 */
function toInlineFieldRegex(innerFieldRegex: RegExp): RegExp {
  const fieldRegex = (
    [
      '(?:',
      /*     */ /(?=[^\]]+\])\[/, // Try to match '[' if there's a ']' later in the string
      /*    */ '|',
      /*     */ /(?=[^)]+\))\(/, // Otherwise, match '(' if there's a ')' later in the string
      ')',
      / */,
      innerFieldRegex,
      / */,
      /[)\]]/,
      /(?: *,)?/, // Allow trailing comma, enables workaround from #1913 for rendering issue
      /$/, // Regexes are matched from the end of the string forwards
    ] as const
  )
    .map((val) => (val instanceof RegExp ? val.source : val))
    .join('');
  return new RegExp(fieldRegex, innerFieldRegex.flags);
}

/** Tasks' "Dataview" task format (DataviewTaskSerializer.ts, DATAVIEW_SYMBOLS.TaskFormatRegularExpressions). */
export const DATAVIEW_FORMAT: TaskFormatRegularExpressions = {
  priorityRegex: toInlineFieldRegex(/priority:: *(highest|high|medium|low|lowest)/),
  startDateRegex: toInlineFieldRegex(/start:: *(\d{4}-\d{2}-\d{2})/),
  createdDateRegex: toInlineFieldRegex(/created:: *(\d{4}-\d{2}-\d{2})/),
  scheduledDateRegex: toInlineFieldRegex(/scheduled:: *(\d{4}-\d{2}-\d{2})/),
  dueDateRegex: toInlineFieldRegex(/due:: *(\d{4}-\d{2}-\d{2})/),
  reminderDateTimeRegex: toInlineFieldRegex(/reminder:: *(\d{4}-\d{2}-\d{2} \d{2}:\d{2})/),
  reminderDateRegex: toInlineFieldRegex(/reminder:: *(\d{4}-\d{2}-\d{2})/),
  doneDateRegex: toInlineFieldRegex(/completion:: *(\d{4}-\d{2}-\d{2})/),
  cancelledDateRegex: toInlineFieldRegex(/cancelled:: *(\d{4}-\d{2}-\d{2})/),
  recurrenceRegex: toInlineFieldRegex(/repeat:: *([a-zA-Z0-9, !]+)/),
  dependsOnRegex: toInlineFieldRegex(new RegExp('dependsOn:: *(' + taskIdRegex.source + '( *, *' + taskIdRegex.source + ' *)*)')),
  idRegex: toInlineFieldRegex(new RegExp('id:: *(' + taskIdRegex.source + ')')),
};

export type StatusType = 'TODO' | 'IN_PROGRESS' | 'ON_HOLD' | 'DONE' | 'CANCELLED' | 'NON_TASK';

export interface StatusConfiguration {
  symbol: string;
  name: string;
  nextStatusSymbol: string;
  type: StatusType;
}

/** A fresh Tasks install's statuses (Core: Todo, Done; Custom defaults: In Progress, Cancelled). */
export const DEFAULT_STATUSES: readonly StatusConfiguration[] = [
  { symbol: ' ', name: 'Todo', nextStatusSymbol: 'x', type: 'TODO' },
  { symbol: 'x', name: 'Done', nextStatusSymbol: ' ', type: 'DONE' },
  { symbol: '/', name: 'In Progress', nextStatusSymbol: 'x', type: 'IN_PROGRESS' },
  { symbol: '-', name: 'Cancelled', nextStatusSymbol: ' ', type: 'CANCELLED' },
];

/** StatusRegistry.bySymbolOrCreate: a registered status, else an unknown one of type TODO. */
export function statusFor(symbol: string, statuses: readonly StatusConfiguration[] = DEFAULT_STATUSES): StatusConfiguration {
  return statuses.find((s) => s.symbol === symbol) ?? { symbol, name: 'Unknown', nextStatusSymbol: 'x', type: 'TODO' };
}

/** Tasks' `not done` filter: every status type except DONE, CANCELLED and NON_TASK. */
export function isNotDone(type: StatusType): boolean {
  return type !== 'DONE' && type !== 'CANCELLED' && type !== 'NON_TASK';
}

export interface TaskComponents {
  indentation: string;
  listMarker: string;
  status: string;
  body: string;
  blockLink: string;
}

/** Task.extractTaskComponents. */
export function extractTaskComponents(line: string): TaskComponents | null {
  const regexMatch = line.match(TASK_REGULAR_EXPRESSIONS.taskRegex);
  if (regexMatch === null) return null;
  const indentation = regexMatch[1];
  const listMarker = regexMatch[2];
  const status = regexMatch[3];
  let body = regexMatch[4].trim();
  const blockLinkMatch = body.match(TASK_REGULAR_EXPRESSIONS.blockLinkRegex);
  const blockLink = blockLinkMatch !== null ? blockLinkMatch[0] : '';
  if (blockLink !== '') body = body.replace(TASK_REGULAR_EXPRESSIONS.blockLinkRegex, '').trim();
  return { indentation, listMarker, status, body, blockLink };
}

export interface TaskDetails {
  description: string;
  priority: string | null;
  startDate: string | null;
  createdDate: string | null;
  scheduledDate: string | null;
  dueDate: string | null;
  reminderDate: string | null;
  doneDate: string | null;
  cancelledDate: string | null;
  recurrenceRule: string;
  id: string;
  dependsOn: string[];
}

/** DefaultTaskSerializer.deserialize, for either format's regular expressions. */
export function deserialize(body: string, re: TaskFormatRegularExpressions): TaskDetails {
  let line = body;
  let matched: boolean;
  const out: TaskDetails = {
    description: '',
    priority: null,
    startDate: null,
    createdDate: null,
    scheduledDate: null,
    dueDate: null,
    reminderDate: null,
    doneDate: null,
    cancelledDate: null,
    recurrenceRule: '',
    id: '',
    dependsOn: [],
  };
  let trailingTags = '';
  const maxRuns = 20;
  let runs = 0;
  const take = (regex: RegExp): string | null => {
    const m = line.match(regex);
    if (m === null) return null;
    line = line.replace(regex, '').trim();
    matched = true;
    return m[1];
  };
  do {
    matched = false;
    out.priority = take(re.priorityRegex) ?? out.priority;
    out.doneDate = take(re.doneDateRegex) ?? out.doneDate;
    out.cancelledDate = take(re.cancelledDateRegex) ?? out.cancelledDate;
    out.dueDate = take(re.dueDateRegex) ?? out.dueDate;
    if (line.match(re.reminderDateTimeRegex) !== null) out.reminderDate = take(re.reminderDateTimeRegex);
    else out.reminderDate = take(re.reminderDateRegex) ?? out.reminderDate;
    out.scheduledDate = take(re.scheduledDateRegex) ?? out.scheduledDate;
    out.startDate = take(re.startDateRegex) ?? out.startDate;
    out.createdDate = take(re.createdDateRegex) ?? out.createdDate;
    const recurrence = take(re.recurrenceRegex);
    if (recurrence !== null) out.recurrenceRule = recurrence.trim();
    const tagsMatch = line.match(TASK_REGULAR_EXPRESSIONS.hashTagsFromEnd);
    if (tagsMatch != null) {
      line = line.replace(TASK_REGULAR_EXPRESSIONS.hashTagsFromEnd, '').trim();
      matched = true;
      const tagName = tagsMatch[0].trim();
      trailingTags = trailingTags.length > 0 ? [tagName, trailingTags].join(' ') : tagName;
    }
    const id = take(re.idRegex);
    if (id !== null) out.id = id.trim();
    const dependsOn = take(re.dependsOnRegex);
    if (dependsOn !== null) out.dependsOn = dependsOn.replace(/ /g, '').split(',').filter((item) => item !== '');
    runs++;
  } while (matched && runs <= maxRuns);
  if (trailingTags.length > 0) line += ' ' + trailingTags;
  out.description = line;
  return out;
}

export type TaskFormat = 'tasksPluginEmoji' | 'dataview';

/** What Tasks shows for one line: its status, dates and block link; null when it is not a task. */
export interface TasksView extends TaskDetails {
  status: StatusConfiguration;
  blockLink: string;
}

/** Reads one markdown line as Tasks does (Task.fromLine, without the global filter). */
export function readAsTasks(line: string, format: TaskFormat = 'tasksPluginEmoji', statuses: readonly StatusConfiguration[] = DEFAULT_STATUSES): TasksView | null {
  const c = extractTaskComponents(line);
  if (c === null) return null;
  const details = deserialize(c.body, format === 'dataview' ? DATAVIEW_FORMAT : EMOJI_FORMAT);
  return { ...details, status: statusFor(c.status, statuses), blockLink: c.blockLink };
}

/**
 * The custom statuses the README tells a coach to add in Tasks (Settings → Tasks → Task Statuses →
 * Custom Statuses → "Add New Task Status"), on top of the defaults.
 */
export const FOLLOW_THROUGH_STATUSES: readonly StatusConfiguration[] = [
  ...DEFAULT_STATUSES.filter((s) => s.symbol !== '/'),
  { symbol: '/', name: 'Partial', nextStatusSymbol: 'x', type: 'IN_PROGRESS' },
  { symbol: '?', name: 'Stuck', nextStatusSymbol: 'x', type: 'IN_PROGRESS' },
  { symbol: '>', name: 'Recommitted', nextStatusSymbol: ' ', type: 'CANCELLED' },
];
