/** One commitment line and its detail children, finished into a ParsedCommitment. */
import type { CoreSettings } from '../settings';
import type { CheckboxStatus, CommitmentStatus, CopiedItem, ParsedCommitment, Severity } from '../types';
import { classifyKind } from './classify';
import type { Details } from './details';
import { parseLineFields } from './fields';
import { dueOfDetail, readFlexibleItem, type ItemContext } from './flexible';
import type { ListItem } from './lines';
import { BODY_NEXT_OTHER } from './session-meta';

export const BOX_STATUS: Record<string, CheckboxStatus> = {
  ' ': 'open',
  x: 'done',
  X: 'done',
  '/': 'partial',
  '?': 'stuck',
  '-': 'let-go',
  '>': 'recommitted',
};

export interface Open {
  item: ListItem;
  line: number; // 1-based
  raw: string;
  tagged: boolean;
  details: Details;
  endLine: number;
}

export function deriveStatus(box: CheckboxStatus, details: Details): CommitmentStatus {
  if (box !== 'open') return box;
  let latest = null as (typeof details.checkIns)[number] | null;
  for (const c of details.checkIns) {
    if (c.status === 'nudged') continue;
    if (latest === null || c.date >= latest.date) latest = c;
  }
  return latest ? (latest.status as Exclude<typeof latest.status, 'nudged'>) : 'open';
}

export function applyFlexible(c: ParsedCommitment, ctx: ItemContext, owner: { owner: string; person: string | null } | null): void {
  // A due date from the line's fields stands: the words are not read for another.
  const f = readFlexibleItem(c.text, ctx, c.due !== null);
  c.text = f.text;
  if (f.owner !== null && c.owner === 'client') c.owner = f.owner;
  else if (owner !== null && c.owner === 'client') c.owner = owner.owner;
  else if (owner === null && f.addressesClient && c.owner === 'client') c.owner = 'coach';
  c.person = f.person ?? owner?.person ?? null;
  if (c.due === null && f.due !== null) c.due = f.due;
  if (c.due === null && c.notes.length > 0) {
    // `- Due: 2026-11-27` on a line of its own under the item: its due date, no longer a note.
    for (let i = 0; i < c.notes.length; i++) {
      const due = dueOfDetail(c.notes[i], ctx);
      if (due === null) continue;
      c.due = due;
      c.notes = c.notes.filter((_, k) => k !== i);
      break;
    }
  }
  if (f.status !== null && c.checkbox === 'open') {
    c.checkbox = f.status;
    c.status = f.status;
    if (f.status === 'done') c.doneDate ??= f.doneDate;
  }
  if (c.owner === 'coach' || c.owner === 'client') return;
}

function staleDateMessage(what: 'done' | 'let-go', date: string): string {
  return `the box is open, so the ${what} date ${date} left on the line (un-ticked in Tasks?) is ignored; the next edit of this line removes it`;
}

export function finishCommitment(open: Open, diag: (line: number, severity: Severity, message: string) => void, settings?: CoreSettings): ParsedCommitment | null {
  const { item, details } = open;
  const flexible = settings?.layout.flexibleItems ?? false;
  const f = parseLineFields(item.content, flexible);
  if (f.text === '' && f.id === null && item.content.trim() === '') return null; // an empty bullet
  for (const p of f.problems) diag(open.line, 'warning', p);
  for (const p of details.problems) diag(p.line, 'warning', p.message);
  let checkbox: CheckboxStatus = 'open';
  if (item.box !== null) {
    const s = BOX_STATUS[item.box];
    if (s === undefined) diag(open.line, 'warning', `checkbox [${item.box}] is not a status this plugin knows; read as open (use [ ], [x], [/], [?], [-] or [>])`);
    else checkbox = s;
  }
  if (f.text === '') diag(open.line, 'warning', 'commitment has no text; write what will be done after the box, or delete the empty item');
  // Un-ticking a box in Tasks leaves its done (or let-go) date behind: a box that says open wins.
  const boxOpen = checkbox === 'open' || checkbox === 'partial' || checkbox === 'stuck';
  const staleDone = boxOpen && f.doneDate !== null ? f.doneDate : null;
  const staleLetGo = boxOpen && f.letGoDate !== null ? f.letGoDate : null;
  if (staleDone !== null) diag(open.line, 'info', staleDateMessage('done', staleDone));
  if (staleLetGo !== null) diag(open.line, 'info', staleDateMessage('let-go', staleLetGo));
  const kind = f.kind ?? classifyKind(f.text);
  return {
    id: f.id,
    line: open.line,
    raw: open.raw,
    endLine: open.endLine,
    text: f.text,
    owner: f.owner ?? 'client',
    kind,
    kindIsDefault: f.kind === null,
    checkbox,
    hasCheckbox: item.box !== null,
    status: deriveStatus(checkbox, details),
    due: f.due ?? (flexible ? (f.scheduled ?? f.start) : null),
    doneDate: staleDone === null ? f.doneDate : null,
    letGoDate: staleLetGo === null ? f.letGoDate : null,
    trigger: f.trigger ?? details.trigger,
    coping: f.coping ?? details.coping,
    confidence: f.confidence ?? details.confidence,
    from: f.from,
    checkIns: details.checkIns,
    learned: details.learned,
    notes: details.notes,
    convention: f.convention,
    tagged: open.tagged,
    sessionIndex: 0,
    person: null,
    recurrence: f.recurrence,
  };
}

/**
 * An item in a later note's copy of earlier items, as the check-in on the original it is:
 * `✅ Did the thing: it went well`, an outcome line, marks the earlier item by its emoji.
 */
export function copiedItem(c: ParsedCommitment): CopiedItem {
  const mark = /^(✅|✔️?|☑️?|❌|✖️?|🤔|🟡|🔶|➖)\uFE0F?[ \t]*/u.exec(c.text);
  const status: CopiedItem['status'] = mark
    ? /^[✅✔☑]/u.test(mark[1]) ? 'done' : /^[❌✖]/u.test(mark[1]) ? 'let-go' : 'partial'
    : c.status === 'skipped' ? 'open' : c.checkbox;
  const text = mark ? c.text.slice(mark[0].length).replace(/[ \t]*(?::|[–—]|\s-\s)[^]*$/, '').trim() : c.text;
  return mark ? { line: c.line, text, status, outcome: true } : { line: c.line, text, status };
}

/** A bold field of a meeting's details, as an item's whole text (`**Datum:** 26.10.2026`). */
const MEETING_FIELD = /^(?:\*\*|__)(?:date|datum|time|zeit|uhrzeit|ort|location|place|where|when|fecha|hora|lugar|data|horário|horario|local|heure|lieu|tijd|plaats|agenda|agenda-punkte|agenda items?|topics?)[ \t]*:?(?:\*\*|__)[ \t]*:?/i;

/**
 * A list item of another template that is no commitment: a placeholder (`{{item}}`), the next
 * session or its fields (`Next 1:1 on 2026-11-17`, `- **Datum:** 26.10.2026`, `Próxima mentoria:
 * 27/10/2026`), the date or the attendees.
 */
export function notAnItem(text: string): boolean {
  if (/\{\{[^}]*\}\}/.test(text)) return true;
  if (/^(?:(?:next|follow-?up) (?:session|meeting|1:1|1-1|call|check-in|appointment|visit)|date|time|attendees?)\b(?:[^:]{0,30}:|[ \t]+(?:is[ \t]+)?(?:on|booked for|set for|scheduled for)[ \t]+\S)/i.test(text)) return true;
  return MEETING_FIELD.test(text) || BODY_NEXT_OTHER.test(text);
}
