/**
 * Action items as other templates write them (layout `flexibleItems` and `duePhrases`): owners
 * as `Ben:`, `@Ben`, `(Owner: Ben)` or `(assigned to me)`; `(Due: 2026-10-20)`; a struck-through
 * item (`~~Send it~~ done 9/30`) as done or let go; and due dates in the item's own words
 * (`by Friday`). Applied to the text the line's fields left (a Tasks recurrence is one of those
 * fields, read in every layout: ../syntax/fields).
 */
import { dueFromPhrase, parseWrittenDate } from '../natural-dates';
import { codeSpans, inSpan } from '../syntax/fields';
import { MY_OTHER_WORDS } from './headings';
import type { NoteLayout } from '../layout/layout';
import type { CheckboxStatus, IsoDate } from '../types';
import { isSpaceCode } from './lines';
import { ownString } from './detach';
import { remembered } from './memo';

export interface ItemContext {
  layout: NoteLayout;
  sessionDate: IsoDate;
  next: IsoDate | null;
  leadDays: number;
  /** Names of the session's client(s), as written: an owner naming one of them is the client. */
  clients: readonly string[];
}

export interface FlexibleItem {
  text: string;
  /** `coach`, `client`, another person's name, or null when the line names none. */
  owner: string | null;
  /** A client of a group session the line names as its owner. */
  person: string | null;
  due: IsoDate | null;
  /** The due date was read from the item's words rather than a field. */
  duePhrase: boolean;
  status: CheckboxStatus | null;
  doneDate: IsoDate | null;
  /**
   * The item names the session's one client after its first word (`Send Grace the chapter`,
   * `Introduce Jordan to the Infra director`): the note's writer, the coach, does it for them.
   */
  addressesClient: boolean;
}

/** Words that end with a colon at the start of an item without being a person. */
const NOT_A_NAME = new Set(
  (
    'note notes idea ideas todo to-do done update updates follow-up followup action actions next goal goals question ' +
    'questions task tasks homework reminder fyi optional stretch bonus priority important urgent tbd q1 q2 q3 q4 ' +
    'status blocked blocker risk decision decisions outcome result why what how when where who context summary ' +
    'topic agenda discuss discussed review plan step steps option options focus theme win wins challenge challenges ' +
    'read watch listen try practice practise exercise journal reflection intention ' +
    // A meeting's details, not a person: `Date: 2026-10-27`, `Time: 17:00`, `Datum:`, `Fecha:`.
    'date time location place datum zeit ort fecha hora lugar data local heure lieu'
  ).split(' '),
);

const NAME = "[\\p{Lu}][\\p{L}'’.-]{0,30}(?:[ \\t][\\p{Lu}][\\p{L}'’.-]{0,30}){0,2}";
/** `@them — Draft the script`: the person the note is with. */
const THEM_WORDS = 'them|they|client|coachee|mentee';
const THEM = new RegExp(`^@(?:${THEM_WORDS})$`);
const PREFIX_OWNER = new RegExp(`^(?:@)?(${NAME}|[Mm]e|I|[Cc]oach|COACH|ME|@(?:${THEM_WORDS}))[ \\t]{0,5}(?::|[–—-][ \\t])[ \\t]{0,5}`, 'u');
const AT_OWNER = new RegExp(`(?:^|[ \\t])@(${NAME.replace(/\[ \\t\]/g, '_')})(?=$|[ \\t.,;:!?)])`, 'u');
const PAREN_OWNER = /[ \t]{0,5}[([](?:owner|assigned to|assignee|who|for)[ \t]{0,5}:?[ \t]{0,5}([^()[\]\n]{1,60})[)\]]/i;
/** `Send the deck → Jordan`, `… -> Me` (a template's `{{Action}} → {{Owner}}`): the owner after an arrow, at the end. */
const ARROW_OWNER = new RegExp(`[ \\t]{0,5}(?:→|->|⟶|=>)[ \\t]{0,5}(${NAME}|me|myself|@(?:${THEM_WORDS}))[ \\t]*$`, 'u');
/** `Review the draft (me)`, `… — me`: a bare name at the end, taken only for the coach or a client of the note. */
const END_NAME = new RegExp(`(?:[ \\t]{0,5}[([](${NAME}|me|myself)[)\\]]|[ \\t]{1,5}[–—][ \\t]{1,5}(${NAME}|me|myself))[ \\t]*$`, 'u');
/** ` - Owner - 14.10.2026` at the end (the owner is read from the ` — Owner` left after the date goes). */
const OWNER_DATE = new RegExp(`[ \\t]+[-–—][ \\t]+(${NAME}|me)[ \\t]+[-–—][ \\t]+(\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4})$`, 'u');
const PAREN_DUE = /[ \t]{0,5}[([](?:due|due date|deadline|by)[ \t]{0,5}:?[ \t]{0,5}([^()[\]\n]{1,40})[)\]]/i;
const TRAIL_DUE = /[ \t]{1,5}(?:[–—-][ \t]{1,5})?(?:due|deadline)[ \t]{0,5}:[ \t]{0,5}([^\n]{1,40})$/i;
const BARE_DUE_FIELD = /[ \t]{0,5}\b(?:due ?date|due_date|due|deadline)::[ \t]{0,5}(\d{4}-\d{1,2}-\d{1,2})/i;
const STRUCK = /^~~([^~\n]{1,2000})~~([^~\n]{0,200})$/;
const DROPPED = /\b(?:dropped|cancel(?:l)?ed|won'?t do|not doing|let go|abandoned|skip(?:ped)?|no longer|parked|deferred|postponed|shelved|on hold|put aside)\b/i;
const DONE_REMARK = /\b(?:done|completed|finished|sent|did it)\b[ \t]{0,5}:?[ \t]{0,5}(\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?/i;

/** Names as sameName compares them, by the name as written: the same few (the clients, the coach's names) are asked of every item. */
const NAME_FORMS = new Map<string, string>();

function nameForm(s: string): string {
  return remembered(NAME_FORMS, 4096, s, (n) => n.trim().replace(/^@(?=\S)/, '').toLowerCase());
}

/** Whether `word` (no white space in it) is `s`'s first word, as `s.split(/\s+/)[0] === word`, without the split. */
function isFirstWord(word: string, s: string): boolean {
  if (!s.startsWith(word)) return false;
  if (s.length === word.length) return true;
  if (!isSpaceCode(s.charCodeAt(word.length))) return false;
  for (let i = 0; i < word.length; i++) if (isSpaceCode(word.charCodeAt(i))) return false;
  return true;
}

/** Two ways of naming a person are the same person: equal (case, a leading `@` and spaces aside), or one is the other's first name. */
export function sameName(a: string, b: string): boolean {
  const x = nameForm(a);
  const y = nameForm(b);
  if (x === '' || y === '') return false;
  return x === y || isFirstWord(x, y) || isFirstWord(y, x);
}

/** Answers of isCoachName by name, per list of coach names (a layout keeps its list). */
const COACH_ANSWERS = new WeakMap<readonly string[], Map<string, boolean>>();

function isCoachName(name: string, layout: NoteLayout): boolean {
  let answers = COACH_ANSWERS.get(layout.coachNames);
  if (answers === undefined) COACH_ANSWERS.set(layout.coachNames, (answers = new Map<string, boolean>()));
  return remembered(answers, 4096, name, (who) => {
    const n = who.trim().toLowerCase();
    return n === 'coach' || n === 'me' || n === 'i' || n === 'myself' || layout.coachNames.some((c) => sameName(c, n));
  });
}

/** A short date without a year (`9/30`) read against the session. */
function shortDate(raw: string, ctx: ItemContext): IsoDate | null {
  const full = parseWrittenDate(raw, ctx.layout.dateOrder);
  if (full) return full;
  return dueFromPhrase(`on ${raw}`, ctx.sessionDate, ctx.next, ctx.layout.dateOrder)?.date ?? null;
}

/**
 * An item's text as other templates write it: owner, due date and status read off it. `hasDue`
 * says the line's own fields gave a due date already, which then stands (a phrase in the words is
 * not read for one).
 */
export function readFlexibleItem(input: string, ctx: ItemContext, hasDue = false): FlexibleItem {
  const out: FlexibleItem = { text: input, owner: null, person: null, due: null, duePhrase: false, status: null, doneDate: null, addressesClient: false };
  const layout = ctx.layout;
  let text = input.trim();
  if (text.length > 2000) return out;

  // Each pattern below is tried only when the character it cannot match without is in the text:
  // most items are plain words, and the unanchored ones were tried at every position of every item.
  const struck = text.startsWith('~~') ? STRUCK.exec(text) : null;
  if (struck) {
    const remark = struck[2].trim();
    text = struck[1].trim();
    if (DROPPED.test(remark) || DROPPED.test(text)) out.status = 'let-go';
    else {
      out.status = 'done';
      const d = DONE_REMARK.exec(remark);
      if (d?.[1]) out.doneDate = shortDate(d[1], ctx);
    }
  }

  const bare = text.includes('::') ? BARE_DUE_FIELD.exec(text) : null;
  // Not inside backticks (code, as the line's own fields are read: ../syntax/fields), and only a date that is one.
  const bareDue = bare && !(text.includes('`') && inSpan(codeSpans(text), bare.index + bare[0].length - bare[1].length)) ? parseWrittenDate(bare[1], layout.dateOrder) : null;
  if (bare && bareDue !== null) {
    out.due = bareDue;
    text = (text.slice(0, bare.index) + text.slice(bare.index + bare[0].length)).trim();
  }
  const paren = text.includes('(') || text.includes('[') ? PAREN_DUE.exec(text) : null;
  if (paren) {
    const d = parseWrittenDate(paren[1], layout.dateOrder) ?? dueFromPhrase(`by ${paren[1]}`, ctx.sessionDate, ctx.next, layout.dateOrder, ctx.leadDays)?.date ?? null;
    if (d) {
      out.due ??= d;
      text = (text.slice(0, paren.index) + text.slice(paren.index + paren[0].length)).trim();
    }
  }
  // `Artikel schicken - Priya - 14.10.2026`: a template's `Task - Owner - Date`.
  const ownerDate = text.length > 12 && /\d$/.test(text) ? OWNER_DATE.exec(text) : null;
  if (ownerDate && !NOT_A_NAME.has(ownerDate[1].toLowerCase())) {
    const d = parseWrittenDate(ownerDate[2], layout.dateOrder);
    if (d) {
      out.due ??= d;
      text = `${text.slice(0, ownerDate.index).trim()} — ${ownerDate[1]}`;
    }
  }
  const trail = text.includes(':') ? TRAIL_DUE.exec(text) : null;
  if (trail) {
    const d = parseWrittenDate(trail[1], layout.dateOrder) ?? dueFromPhrase(`by ${trail[1]}`, ctx.sessionDate, ctx.next, layout.dateOrder, ctx.leadDays)?.date ?? null;
    if (d) {
      out.due ??= d;
      // `… - 📅 Due: 2026-10-14`: the calendar sign that led the due date goes with it.
      text = text.slice(0, trail.index).replace(/[ \t]*(?:📅|📆|🗓)\uFE0F?$/u, '').trim();
    }
  }

  // Owners: a prefix, an (Owner: X) remark, an @mention. A bold owner (`**@Sofía** - …`) is read as a plain one.
  // Only an @mention or the coach's or a client's own name: `**Medications:** None.` (a SOAP plan's field) names no owner.
  if (text.startsWith('**') || text.startsWith('__')) {
    const bold = /^(\*\*|__)(@?[^*_\n]{1,40}?)\1/.exec(text);
    const who = bold ? bold[2].replace(/^@/, '').replace(/[ \t]*:$/, '') : '';
    if (bold && (bold[2].startsWith('@') || isCoachName(who, layout) || ctx.clients.some((c) => sameName(c, who)))) text = bold[2] + text.slice(bold[0].length);
  }
  let owner: string | null = null;
  const pre = PREFIX_OWNER.exec(text);
  if (pre && !NOT_A_NAME.has(pre[1].toLowerCase()) && text.length > pre[0].length) {
    owner = pre[1];
    text = text.slice(pre[0].length);
  }
  if (owner === null) {
    const p = text.includes('(') || text.includes('[') ? PAREN_OWNER.exec(text) : null;
    if (p) {
      owner = p[1].trim();
      text = (text.slice(0, p.index) + text.slice(p.index + p[0].length)).trim();
    }
  }
  if (owner === null && (text.includes('>') || text.includes('→') || text.includes('⟶'))) {
    const a = ARROW_OWNER.exec(text);
    if (a && !NOT_A_NAME.has(a[1].toLowerCase())) {
      owner = a[1];
      text = text.slice(0, a.index).trim();
    }
  }
  if (owner === null && (text.endsWith(')') || text.endsWith(']') || /[–—]/.test(text))) {
    const e = END_NAME.exec(text);
    const who = e ? (e[1] ?? e[2]) : null;
    if (e && who && (isCoachName(who, layout) || ctx.clients.some((c) => sameName(c, who)))) {
      owner = who;
      text = text.slice(0, e.index).trim();
    }
  }
  // `[[Oscar Lindqvist]] run the interviews`, `Jonas to draft the goals`: a client or the coach named first.
  if (owner === null) {
    const link = /^\[\[([^\]|#]{1,80})(?:\|[^\]]*)?\]\][ \t]*(?::[ \t]*)?/.exec(text);
    if (link && (ctx.clients.some((c) => sameName(c, link[1])) || isCoachName(link[1], layout))) {
      owner = link[1];
      text = text.slice(link[0].length);
    } else {
      const to = /^([\p{Lu}][\p{L}'’-]{1,30})[ \t]+to[ \t]+/u.exec(text);
      if (to && (ctx.clients.some((c) => sameName(c, to[1])) || isCoachName(to[1], layout))) {
        owner = to[1];
        text = text.slice(to[0].length);
      } else {
        // `Priya ask the infra team for the logs`: the coach's own name, then a verb in lower case.
        const lead = /^([\p{Lu}][\p{L}'’-]{1,30}(?:[ \t]+[\p{Lu}][\p{L}'’-]{1,30}){0,2})[ \t]+(?=\p{Ll}{2,}[ \t])/u.exec(text);
        if (lead && isCoachName(lead[1], layout) && !/^(?:i|me|coach)$/i.test(lead[1])) {
          owner = lead[1];
          text = text.slice(lead[0].length);
        }
      }
    }
  }
  if (owner === null && text.includes('@')) {
    const at = AT_OWNER.exec(text);
    if (at) {
      owner = at[1].replace(/_/g, ' ');
      const start = at.index + (at[0].startsWith('@') ? 0 : 1);
      text = (text.slice(0, start) + text.slice(start + at[1].length + 1)).replace(/[ \t]{2,}/g, ' ').trim();
    }
  }
  if (owner !== null) {
    if (THEM.test(owner)) out.owner = 'client';
    else if (isCoachName(owner, layout)) out.owner = 'coach';
    else {
      const client = ctx.clients.find((c) => sameName(c, owner));
      if (client !== undefined) {
        out.owner = 'client';
        if (ctx.clients.length > 1) out.person = client;
      } else out.owner = owner;
    }
  }

  if (out.due === null && !hasDue && layout.duePhrases) {
    const found = dueFromPhrase(text, ctx.sessionDate, ctx.next, layout.dateOrder, ctx.leadDays);
    if (found) {
      out.due = found.date;
      out.duePhrase = true;
    }
  }
  if (owner === null && ctx.clients.length === 1) out.addressesClient = namesAfterFirstWord(text, ctx.clients[0]);
  out.text = tidyItemText(text);
  return out;
}

/** Runs of spaces folded, and a dash, colon or comma left at either end (where an owner or date was) gone. */
function tidyItemText(text: string): string {
  let t = text.includes('  ') || text.includes('\t') ? text.replace(/[ \t]{2,}/g, ' ') : text;
  t = t.replace(/^[-–—:,;]+[ \t]*/, '');
  // Only a text ending in one of them can lose a tail (the pattern is tried at every position).
  if (/[-–—:,;]$/.test(t)) t = t.replace(/[ \t]*[-–—:,;]+$/, '');
  return t.trim();
}

/** A client's name as namesAfterFirstWord looks for it: the full name, then the first name alone; null when it is no capitalised name. */
const CLIENT_NAMES = new Map<string, readonly string[] | null>();

function clientNames(client: string): readonly string[] | null {
  return remembered(CLIENT_NAMES, 4096, client, (c) => {
    const full = ownString(c.trim().replace(/^@(?=\S)/, ''));
    const first = full.split(/\s+/)[0];
    return first.length < 2 || !/^\p{Lu}/u.test(first) ? null : first === full ? [full] : [full, first];
  });
}

/** `Send Grace the chapter`: the client's full or first name, capitalised, after the first word and not as `Grace's`. */
function namesAfterFirstWord(text: string, client: string): boolean {
  const names = clientNames(client);
  if (names === null) return false;
  // Only the item itself, not a remark after it (`… — dropped, Jordan read it already`).
  const cut = /[ \t](?:[–—-]|\()[ \t]?|;/.exec(text);
  const item = cut ? text.slice(0, cut.index) : text;
  for (const name of names) {
    let at = item.indexOf(name, 1);
    while (at > 0) {
      const before = item.charCodeAt(at - 1);
      const after = item.slice(at + name.length, at + name.length + 2);
      const wordStart = before === 32 || before === 9 || before === 40 /* ( */ || before === 91 /* [ */;
      if (wordStart && !/^[\p{L}\p{N}'’]/u.test(after)) return true;
      at = item.indexOf(name, at + 1);
    }
  }
  return false;
}

/** Words that say when or what a label's items are, not whose (`This week's`, `Today's`, `Project`). */
const NOT_AN_OWNER = new Set(
  (
    'this next last today tomorrow tonight yesterday week weeks weekly month months monthly year yearly quarter day days daily ' +
    'session sessions meeting meetings call calls team everyone everybody all group project projects its priority urgent'
  ).split(' '),
);

/** "My" and "our" in Spanish, Portuguese, French, German and Dutch (./headings). */
const MY_OTHER = new RegExp(`^(?:${MY_OTHER_WORDS})$`);
/** `Mis tareas`, `Meus follow-ups`, `Minhas tarefas`, `Mes actions`, `Meine Aufgaben`, `Mijn acties`: the coach's own. */
const MY_OTHER_LIST = new RegExp(`^(${MY_OTHER_WORDS})[ \\t]+(?:tareas|acciones|compromisos|pendientes|tarefas|ações|acoes|compromissos|pendências|pendencias|actions|tâches|taches|engagements|aufgaben|maßnahmen|massnahmen|acties|taken|actiepunten|follow-?ups?|to-?dos?)$`, 'i');

/** A sub-heading or bold label inside an action-items section that names whose items follow. */
export function ownerOfLabel(label: string, ctx: ItemContext): { owner: string; person: string | null } | null {
  const t = label.replace(/\*\*|__|[:：]$/g, '').replace(/:$/, '').trim();
  if (t.length > 80) return null;
  const m =
    /^(?:for|from|owner|assigned to)[ \t]+(.+)$/i.exec(t) ??
    /^(?:commitments?|action items?|actions?|tasks?|to-?dos?|next steps?|homework|follow-?ups?|items?)[ \t]+(?:made[ \t]+)?(?:by|for|from|of)[ \t]+(.+)$/i.exec(t) ??
    /^(.+?)(?:'s|’s|s'|’)[ \t]+(?:commitments?|action items?|actions?|tasks?|to-?dos?|next steps?|homework|follow-?ups?|items?)$/i.exec(t) ??
    /^(my|our)[ \t]+(?:commitments?|action items?|actions?|tasks?|to-?dos?|next steps?|follow-?ups?|items?)$/i.exec(t) ??
    MY_OTHER_LIST.exec(t) ??
    /^(coach|client|coachee|mentee|consultant|mentor|therapist|counsel?lor)(?:'s|’s)?[ \t]+(?:follow-?ups?[ \t]+)?(?:commitments?|action items?|actions?|tasks?|to-?dos?|next steps?|homework|follow-?ups?|items?)$/i.exec(t);
  if (!m) return null;
  const who = m[1].replace(/\[\[|\]\]/g, '').trim();
  const lower = who.toLowerCase();
  // `This week's action items`, `Today's tasks`, `Session's next steps`: a time or a thing, not whose.
  if (lower.split(/\s+/).some((w) => NOT_AN_OWNER.has(w))) return null;
  if (/^(?:my|our|coach|consultant|mentor|therapist|counsel?lor)$/.test(lower) || MY_OTHER.test(lower) || isCoachName(who, ctx.layout)) return { owner: 'coach', person: null };
  if (/^(?:client|coachee|mentee|report|direct report|employee|patient|customer|the client|the coachee)$/.test(lower)) return { owner: 'client', person: null };
  const client = ctx.clients.find((c) => sameName(c, who));
  if (client !== undefined) return { owner: 'client', person: ctx.clients.length > 1 ? client : null };
  return { owner: who, person: null };
}

/** A detail line naming the item's due date (`- Due: 2026-11-27`, `- Deadline: Friday`, `- By: 14.10.`). */
const DUE_DETAIL = /^(?:\*\*|__)?(?:due(?: date)?|deadline|by when|by|fecha límite|fecha limite|prazo|échéance|echeance|frist|fällig)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(.{1,40})$/i;

/**
 * The due date a detail line gives, as templates write one under the item (`- Due: 2026-11-27`):
 * a written date, or a phrase read forward from the session; null when the line is not one.
 */
export function dueOfDetail(note: string, ctx: ItemContext): IsoDate | null {
  const m = DUE_DETAIL.exec(note.trim());
  if (!m) return null;
  const value = m[1].trim();
  return parseWrittenDate(value, ctx.layout.dateOrder) ?? dueFromPhrase(`by ${value}`, ctx.sessionDate, ctx.next, ctx.layout.dateOrder, ctx.leadDays)?.date ?? null;
}
