/**
 * The fields on a commitment line, in both conventions users already know: Dataview inline
 * fields (`[due:: 2026-12-02]`, also `(due:: …)`) and Tasks emoji (`📅 2026-12-02`).
 */
import { parseIsoDate } from '../dates';
import { ANY_DATE_EMOJI, codeSpans, inSpan, MAY_HAVE_DATE_EMOJI, MAY_HAVE_TASKS_META, COMMITMENT_TAG, EMOJI_DATE, FIELDS, fieldOfEmoji, fieldOfName, nextInlineField, PRIORITY_EMOJI, RECURRENCE, SCHEDULED_EMOJI, START_EMOJI, TASKS_META, type FieldKey } from '../syntax/fields';
import type { Coping, FieldConvention, Kind, Owner } from '../types';
import { append, NONE } from './detach';
import { isSpaceCode } from './lines';


export interface LineFields {
  text: string;
  id: string | null;
  due: string | null;
  doneDate: string | null;
  letGoDate: string | null;
  trigger: string | null;
  coping: Coping | null;
  confidence: number | null;
  owner: Owner | null;
  kind: Kind | null;
  from: string | null;
  /** Tasks' scheduled (`⏳`) and start (`🛫`) dates, which a layout may read as the due date when none is given. */
  scheduled: string | null;
  start: string | null;
  /** Tasks' recurrence (`🔁 every week`), kept out of the text. */
  recurrence: string | null;
  /** The due date came from a key alias (`DueDate::`) rather than `due`. */
  convention: FieldConvention;
  tagged: boolean;
  /** Problems worth a warning, each a sentence without the note or line (the shared empty list, ./detach's NONE, until there is one). */
  problems: string[];
}

function isIdCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * A block id at the end of the text (trailing white space aside): `^` and 1 to 100 of
 * [A-Za-z0-9-], at the start or after a space or tab, as `/(?:^|[ \t])\^([A-Za-z0-9-]{1,100})$/`
 * on the trimmed text reads it; `at` is where that match starts. By character from the end: the
 * pattern, not anchored at its start, was tried at every position of every commitment line.
 */
function blockIdAtEnd(text: string): { id: string; at: number } | null {
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let s = end;
  while (s > 0 && end - s <= 100 && isIdCode(text.charCodeAt(s - 1))) s--;
  if (s === end || end - s > 100 || s === 0 || text.charCodeAt(s - 1) !== 94 /* ^ */) return null;
  const caret = s - 1;
  if (caret === 0) return { id: text.slice(s, end), at: 0 };
  const before = text.charCodeAt(caret - 1);
  return before === 32 || before === 9 ? { id: text.slice(s, end), at: caret - 1 } : null;
}
const COACH_PREFIX = /^coach[ \t]*:[ \t]*/i;

/**
 * Where each field's value goes in `LineFields`: a switch, as a store to a property named at run
 * time (a map from field to property) was a slow keyed store on every field read.
 */
function store(out: LineFields, key: FieldKey, value: unknown): void {
  switch (key) {
    case 'due':
      out.due = value as string | null;
      return;
    case 'completion':
      out.doneDate = value as string | null;
      return;
    case 'cancelled':
      out.letGoDate = value as string | null;
      return;
    case 'trigger':
      out.trigger = value as string | null;
      return;
    case 'coping':
      out.coping = value as Coping | null;
      return;
    case 'confidence':
      out.confidence = value as number | null;
      return;
    case 'owner':
      out.owner = value as Owner | null;
      return;
    case 'kind':
      out.kind = value as Kind | null;
      return;
    case 'from':
      out.from = value as string | null;
      return;
    default:
      key satisfies never;
  }
}

function problem(out: LineFields, message: string): void {
  out.problems = append(out.problems, message);
}

function readField(out: LineFields, key: FieldKey, value: string): void {
  const spec = FIELDS[key];
  const r = spec.read(value);
  if ('problem' in r) {
    problem(out, r.problem);
    if (spec.keepOnProblem) return;
  }
  store(out, key, r.value);
}

/**
 * White space other than single spaces (a run of two, a tab, any other white space character but
 * a lone U+1680), which is folded into one space. A pattern test rather than a loop by character:
 * every commitment line is asked.
 */
const NEEDS_FOLDING = /\s\s|[^\S \u1680]/;
/**
 * The runs `/\s+/g` would replace that are not already one space: the same result, without a
 * replacement per word (a line of ten words had ten).
 */
const FOLD_RUNS = /\s{2,}|[^\S ]/g;

/** A Tasks due, scheduled or start sign (a date to come), as left when no date followed it. */
const LONE_DATE_SIGN = /(?:📅|📆|🗓|⏳|🛫)\uFE0F?/u;

/** Adds `piece` to `pieces` without its surrounding white space, unless nothing is left. */
function pushTrimmed(pieces: string[], piece: string): void {
  const t = piece.trim();
  if (t !== '') pieces.push(t);
}

/** Reads a commitment line's text (after the list marker and checkbox) into its fields. */
export function parseLineFields(content: string, dueAliases = false): LineFields {
  const out: LineFields = {
    text: '',
    id: null,
    due: null,
    doneDate: null,
    letGoDate: null,
    trigger: null,
    coping: null,
    confidence: null,
    owner: null,
    kind: null,
    from: null,
    scheduled: null,
    start: null,
    recurrence: null,
    convention: 'dataview',
    tagged: false,
    problems: NONE,
  };
  let text = content;

  const block = text.includes('^') ? blockIdAtEnd(text) : null;
  if (block) {
    out.id = block.id;
    text = text.slice(0, block.at);
  }

  if (text.includes('::')) {
    // The text around the fields, joined once: a string built with `+` is a rope that every
    // later step (the emoji test, the trim) would first have to copy flat. Each piece is
    // trimmed, so the join's spaces are the only ones between pieces and most lines need no
    // folding of white space after.
    let pieces: string[] | null = null;
    let at = 0;
    const code = text.includes('`') ? codeSpans(text) : null;
    for (let f = nextInlineField(text); f !== null; f = nextInlineField(text, f.end)) {
      // `[due:: …]` inside backticks is shown as code (an example of the syntax), as Dataview reads it.
      if (code !== null && inSpan(code, f.start)) continue;
      const key = fieldOfName(f.key.trim().toLowerCase(), dueAliases);
      // Other inline fields are someone else's; they leave the text all the same.
      if (key !== null) readField(out, key, f.value.trim());
      pushTrimmed((pieces ??= []), text.slice(at, f.start));
      at = f.end;
    }
    if (pieces !== null) {
      pushTrimmed(pieces, text.slice(at));
      text = pieces.join(' ');
    }
  }

  if (MAY_HAVE_DATE_EMOJI.test(text) && ANY_DATE_EMOJI.test(text)) {
    // Each date sign and its date leave the text; read in line order, after the inline fields.
    const pieces: string[] = [];
    let at = 0;
    EMOJI_DATE.lastIndex = 0;
    for (let m = EMOJI_DATE.exec(text); m !== null; m = EMOJI_DATE.exec(text)) {
      const emoji = m[1];
      const date = m[3];
      const key = fieldOfEmoji(emoji);
      if (key !== null) {
        readField(out, key, date);
        out.convention = 'emoji';
      } else if (emoji === SCHEDULED_EMOJI) out.scheduled = parseIsoDate(date);
      else if (emoji === START_EMOJI) out.start = parseIsoDate(date);
      // the created date is Tasks' own
      pushTrimmed(pieces, text.slice(at, m.index));
      at = m.index + m[0].length;
    }
    if (at > 0) {
      pushTrimmed(pieces, text.slice(at));
      text = pieces.join(' ');
    }
  }

  // A Tasks date sign left with no date after it (`📅 tomorrow`, `📅 99999-01-01`): Tasks reads no
  // date there either. Said in our own format; other layouts read `📅 Due: …` their own way.
  // (✅, ❌ and ➕ alone are often a plain mark: only the signs that stand for a date to come.)
  const lone = !dueAliases && MAY_HAVE_DATE_EMOJI.test(text) ? LONE_DATE_SIGN.exec(text) : null;
  if (lone) {
    const sign = lone[0];
    problem(out, `'${sign}' has no date after it that Tasks or Follow Through can read; write it as ${sign} 2026-12-02 (YYYY-MM-DD), or remove it`);
  }

  // Tasks' priority, id, dependencies, on-completion and recurrence: never the commitment's words.
  if (MAY_HAVE_TASKS_META.test(text)) {
    text = text.replace(PRIORITY_EMOJI, ' ').replace(TASKS_META, ' ');
    const rec = RECURRENCE.exec(text);
    if (rec) {
      out.recurrence = rec[1].trim();
      text = text.slice(0, rec.index) + ' ' + text.slice(rec.index + rec[0].length);
    }
  }

  if (text.includes('#')) {
    text = text.replace(COMMITMENT_TAG, (_m, lead: string) => {
      out.tagged = true;
      return lead;
    });
  }

  if (NEEDS_FOLDING.test(text)) text = text.replace(FOLD_RUNS, ' ');
  text = text.trim();
  const coach = text.length > 5 && (text.charCodeAt(0) | 32) === 99 /* c */ ? COACH_PREFIX.exec(text) : null;
  if (coach) {
    text = text.slice(coach[0].length);
    if (out.owner === null) out.owner = 'coach';
  }
  out.text = text;
  return out;
}
