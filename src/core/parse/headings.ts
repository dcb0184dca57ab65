/**
 * Headings and section names: what opens an action-items section (our four, or a layout's
 * prefixes), what copies earlier items forward, which template sub-sections are not items, and
 * which headings carry a date (a session per dated heading).
 */
import type { NoteLayout } from '../layout/layout';
import { findWrittenDate } from '../natural-dates';
import type { CoreSettings } from '../settings';
import { Fences } from '../syntax/fences';
import { remembered } from './memo';

// Linear-time: the title is taken whole and trimmed in code, never by a lazy group before a run of spaces.
export const HEADING = /^ {0,3}(#{1,6})(?:[ \t]([^]*))?$/;

/**
 * A line's heading level (1-6), or 0 when it is not a heading: `HEADING.test(line)`, read by
 * character, with no match to allocate (most lines the parser sees are not headings, and of those
 * that are, it needs the level and `headingTitle`).
 */
export function headingLevel(line: string): number {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  let j = i;
  while (j - i < 7 && line.charCodeAt(j) === 35 /* # */) j++;
  const level = j - i;
  if (level < 1 || level > 6) return 0;
  if (j === line.length) return level;
  const c = line.charCodeAt(j);
  return c === 32 || c === 9 ? level : 0;
}

/** A heading line's title, trimmed (`(HEADING.exec(line)[2] ?? '').trim()`); '' when it has none. */
export function headingTitle(line: string, level: number): string {
  const at = line.indexOf('#') + level + 1;
  return at < line.length ? line.slice(at).trim() : '';
}

const normalised = new Map<string, string>();

/** A heading's title as compared with the commitments headings (cached: titles repeat a lot). */
export function headingKey(title: string): string {
  // Most titles are plain words (`Action items`, `Notes`): nothing to strip, only the case.
  if (isPlainTitle(title)) return title.toLowerCase();
  // Remembered as copies: a title cut from a note's line would keep the whole note alive.
  return remembered(normalised, 10_001, title, normaliseHeading);
}

/** ASCII letters and digits in words one space apart: `normaliseHeading` only lower-cases it. */
function isPlainTitle(title: string): boolean {
  const n = title.length;
  if (n === 0 || n > 200) return false;
  for (let i = 0; i < n; i++) {
    const c = title.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) continue;
    if (c === 32 && i > 0 && i < n - 1 && title.charCodeAt(i - 1) !== 32) continue;
    return false;
  }
  return true;
}

const ENUMERATION = /^(?:\d{1,2}\uFE0F?\u20E3|(?:\d{1,2}|[ivx]{1,4})[.)](?=\s))[^\p{L}\p{N}]*/iu;

export function normaliseHeading(title: string): string {
  // A heading longer than this is prose, not a section name; capping it keeps the work per line bounded.
  return title
    .slice(0, 200)
    .replace(/[ \t]+#+$/, '')
    .replace(/[*_`]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    // A template's numbering (`## 4. Next steps`, `## 4) …`, `## IV. …`, `## 4️⃣ …`) is not part of the name.
    .replace(ENUMERATION, '')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const headingSets = new WeakMap<readonly string[], Set<string>>();

const prefixLists = new WeakMap<readonly string[], string[]>();

/** Action-item headings of other templates (`Next steps`, `To do`…), matched as a prefix of the title. */
const LAYOUT_ACTION_HEADINGS = ['next steps', 'next actions', 'action items', 'action points', 'actions', 'to do', 'to-do', 'todo', 'todos', 'takeaways', 'follow-ups', 'follow ups', 'followups', 'plan', 'homework', 'commitments', 'between sessions', 'tasks', 'assignments', 'agreed actions', 'follow-up items', 'follow-up actions', 'follow-up tasks', 'action steps', 'goals for next week', 'goals for the next week', 'goals for the week', 'goals for this week', 'next week goals', 'weekly goals',
  // The GROW model's last step (Goal, Reality, Options, Will / Way forward), as its templates head it.
  'will', 'way forward', 'w – will', 'w - will', 'w: will', 'w – way forward', 'w - way forward', 'w: way forward',
  // The same in the languages vaults are kept in: Spanish, Portuguese, French, German, Dutch.
  'acciones', 'acciones comprometidas', 'próximos pasos', 'proximos pasos', 'tareas', 'compromisos', 'acuerdos',
  'ações', 'acoes', 'próximos passos', 'proximos passos', 'tarefas', 'compromissos',
  'prochaines étapes', 'prochaines etapes', 'actions à mener', 'engagements', 'tâches', 'taches',
  'nächste schritte', 'naechste schritte', 'aufgaben', 'vereinbarungen', 'maßnahmen', 'massnahmen',
  'volgende stappen', 'actiepunten', 'acties', 'afspraken', 'taken'];

/** Headings that copy earlier items forward ("Outstanding action items", "Last time's action items"). */
const COPY_HEADING = /\b(?:outstanding|open|previous|prior|last (?:time|session|week|meeting|1:1)|from (?:the )?(?:last|previous)|carried(?: over| forward)?|review(?:ing)? (?:of )?(?:last|previous|prior))\b[^]{0,60}\b(?:action items?|actions?|commitments?|tasks?|to-?dos?|next steps?|homework|items?)\b|^(?:carried over|carried forward|outstanding)$|^(?:review vorheriger|offene|vorherige|revisión de|acciones pendientes|pendientes|revisão d[eao]s?|ações pendentes|pendentes|revue des|actions précédentes|openstaande)\b/;

function layoutPrefixes(settings: CoreSettings): string[] {
  const extra = settings.layout.actionHeadings;
  let list = prefixLists.get(extra);
  if (!list) prefixLists.set(extra, (list = [...new Set([...LAYOUT_ACTION_HEADINGS, ...extra.map(normaliseHeading)])]));
  return list;
}

/**
 * Answers already given, per heading lists (the settings' and the layout's, which are what the
 * answer depends on, kept as the other caches here are) and reading: the same headings (`Notes`,
 * `Commitments`, `Next steps`) come back in every note, and a flexible reading tries a hundred
 * prefixes and two long patterns on each. Bounded, as a vault of one-off headings would grow it.
 */
const kinds = new WeakMap<readonly string[], WeakMap<readonly string[], [Map<string, SectionKind>, Map<string, SectionKind>]>>();
const MAX_KINDS = 20_000;
type SectionKind = 'action' | 'copy' | null;

/** Whether a heading title opens an action-items section under this layout, and of which kind. */
export function sectionKind(key: string, settings: CoreSettings, flexible: boolean): SectionKind {
  let byAction = kinds.get(settings.commitmentHeadings);
  if (byAction === undefined) kinds.set(settings.commitmentHeadings, (byAction = new WeakMap()));
  let pair = byAction.get(settings.layout.actionHeadings);
  if (pair === undefined) byAction.set(settings.layout.actionHeadings, (pair = [new Map<string, SectionKind>(), new Map<string, SectionKind>()]));
  return remembered(pair[flexible ? 1 : 0], MAX_KINDS, key, (k) => sectionKindUncached(k, settings, flexible));
}

function sectionKindUncached(key: string, settings: CoreSettings, flexible: boolean): SectionKind {
  if (flexible && COPY_HEADING.test(key)) return 'copy';
  if (headingSet(settings).has(key)) return 'action';
  if (!flexible && settings.layout.actionHeadings.length === 0) return null;
  const prefixes = flexible ? layoutPrefixes(settings) : settings.layout.actionHeadings.map(normaliseHeading);
  if (startsWithPrefix(key, prefixes)) return 'action';
  // `Client Action Items`, `Coach's Follow-up Tasks`, `Kenji's Commitments`: whose items, then the words.
  if (flexible) {
    const owner = OWNER_LEAD.exec(key);
    if (owner !== null && startsWithPrefix(key.slice(owner[0].length).replace(/^follow-?ups? /, ''), prefixes)) return 'action';
  }
  return null;
}

function startsWithPrefix(key: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) {
    if (key === p) return true;
    if (key.startsWith(p) && /^[\s(:&/,-]/.test(key.slice(p.length))) return true;
  }
  return false;
}

/** "My" and "our" in Spanish, Portuguese, French, German and Dutch, as a pattern's alternatives: a heading or label led by one is the coach's own list. */
export const MY_OTHER_WORDS = 'mis|mi|nuestr[oa]s?|meus|minhas|meu|minha|nossos|nossas|mes|mon|ma|nos|meine|mein|unsere|mijn|onze';

/** Words before an action heading's own that say whose items it holds (see ownerOfLabel). */
const OWNER_LEAD = new RegExp(String.raw`^(?:(?:the )?(?:client|coachee|mentee|coach|consultant|mentor|therapist|counsel?lor|my|our|shared)|${MY_OTHER_WORDS}|[\p{L}][\p{L}.' -]{0,40}(?:'s|’s|s'|’))(?:'s|’s)? `, 'u');

/** The settings' heading names, normalised once per settings object rather than once per note. */
export function headingSet(settings: CoreSettings): Set<string> {
  let set = headingSets.get(settings.commitmentHeadings);
  if (!set) headingSets.set(settings.commitmentHeadings, (set = new Set(settings.commitmentHeadings.map(normaliseHeading))));
  return set;
}

/** How many headings carry a full date. */
export function datedHeadings(lines: string[], from: number, layout: NoteLayout): number {
  let n = 0;
  for (let i = from; i < lines.length && i < from + 5000; i++) {
    const l = lines[i];
    if (l.charCodeAt(0) !== 35 && !l.startsWith(' ')) continue;
    if (l.length > 200) continue;
    const h = HEADING.exec(l);
    if (h && findWrittenDate(h[2] ?? '', layout.dateOrder)) n++;
  }
  return n;
}

/** A summary or an email draft of the meeting, which restates its action items (`📧 Meeting Summary (Email Draft)`, `Recap`). */
export const SUMMARY_HEADING = /\b(?:e-?mail|summary|recap)\b/;

/** Sections that name actions only through their sub-headings (a SOAP note's `Plan`); `Follow-up Items` names them itself. */
export const WEAK_SECTION = /^(?:plan|takeaways|follow-?ups?)\b(?! (?:items?|actions?|tasks?)\b)/;

/** A label line or bullet (`**Action items**:`, `- Follow-ups:`) opening a list of action items. */
const LABEL_WORDS = 'action items?|actions?|action points|next steps?|follow-?ups?(?: needed)?|homework|to-?dos?|commitments?|tasks?|assignments?|experiments?|between sessions';
/** Also a pair such as `Homework/experiments` or `Actions & next steps`, led by one of the words. */
const LABEL = `(?:${LABEL_WORDS})(?:[ \\t]*(?:/|&|\\+|,|and\\b)[ \\t]*[a-z][a-z -]{0,30})?`;
export const LABEL_ACTIONS = new RegExp(`^${LABEL}$`, 'i');
const LABEL_LINE = new RegExp(`^[ \\t]*(?:[-*+][ \\t]+)?(?:\\*\\*|__)?${LABEL}(?:\\*\\*|__)?[ \\t]*:?(?:\\*\\*|__)?[ \\t]*:?[ \\t]*$`, 'i');

/** Template sub-sections inside an action-items section that are not action items (`### Next 1:1`). */
export const NOT_ACTIONS = /^(?:next (?:1:1|1-1|one-on-one|meeting|session|touchpoint|call|check-in)|follow-?ups? (?:&|and) check-?ins?|check-?ins?|notes?|discussion|agenda|summary|questions?|decisions?|parking lot|reflections?|insights?|wins?|feedback|context|topics?|updates?|blockers?|risks?|transcript|original transcript|task views?|tasks? (?:view|query)|queries|dataview)\b/;

export const LOOKS_LIKE_ACTIONS = /^(?:commitments?|action items?|action points|next steps|next actions|to ?-?do|todos|takeaways|follow-?ups|homework|between sessions|tasks)\b/;

/** The code of a line's first character after spaces and tabs (NaN for a blank line). */
function firstCode(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return c;
  }
  return NaN;
}

export function hasActionHeading(lines: string[], from: number, settings: CoreSettings): boolean {
  // An action heading counts when a list item follows it before the next heading (a heading over
  // a Dataview query block is not where the items are).
  let pending = false;
  /** The level of the action heading `pending` is under: its sub-headings (`### Kenji's Commitments`) stay in it. */
  let pendingLevel = 0;
  const code = new Fences();
  for (let i = from; i < lines.length && i < from + 5000; i++) {
    const l = lines[i];
    if (code.isCode(l) || l.length > 200) continue;
    // Only a line whose first character (after indentation) is `#` can be a heading, and only one
    // starting `>` a callout: a test of one character spares most lines the patterns below.
    const first = firstCode(l);
    const h = first === 35 /* # */ ? HEADING.exec(l) : null;
    if (h) {
      const level = h[1].length;
      if (pending && level > pendingLevel) continue;
      pending = sectionKind(headingKey((h[2] ?? '').trim()), settings, true) !== null;
      pendingLevel = level;
      continue;
    }
    if (pending && /^[ \t]*(?:>[ \t]?)*[-*+][ \t]+\S/.test(l)) return true;
    if (first === 62 /* > */) {
      if (/^[ \t]*>[ \t]?\[!(?:todo|tasks?|actions?)\]/i.test(l)) return true;
      const callout = /^[ \t]*>[ \t]?\[![\w-]{1,30}\][+-]?[ \t]*(.*)$/.exec(l);
      if (callout && sectionKind(headingKey(callout[1].trim()), settings, true) !== null) return true;
    }
    if (LABEL_LINE.test(l)) return true;
  }
  return false;
}
