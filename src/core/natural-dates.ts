/**
 * Dates as people type them: `by Oct 2`, `on 12/2`, `by Friday`, `in 3 days`, `2 Oct 2026`,
 * `10/02/2026`. Read with chrono-node (a maintained parser) against a reference date, in the
 * vault's day/month order. The core never reads the clock: the reference date is passed in.
 */
import * as chrono from 'chrono-node';
import { addDays, parseIsoDate } from './dates';
import type { DateOrder } from './layout/layout';
import type { IsoDate } from './types';

const parsers: Record<DateOrder, chrono.Chrono> = { mdy: chrono.en.casual, dmy: chrono.en.GB };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoOf(c: chrono.ParsedComponents): IsoDate | null {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null || m === null || d === null) return null;
  return parseIsoDate(`${y}-${pad(m)}-${pad(d)}`);
}

function refDate(date: IsoDate): Date {
  // Noon UTC on the reference day, read back as components: no time zone can move the day.
  return new Date(`${date}T12:00:00Z`);
}

export interface FoundDate {
  date: IsoDate;
  /** The words the date was read from, as written. */
  text: string;
  index: number;
}

/** Cap on what is handed to chrono: its patterns are not meant for pages of text. */
const MAX_PHRASE_INPUT = 400;

/**
 * A due date named in a commitment's own words (`by Friday`, `on 12/2`, `before next session`),
 * read forward from the session date. Never a date before the session: a phrase that would land
 * there is not a due date.
 */
export function dueFromPhrase(text: string, sessionDate: IsoDate, next: IsoDate | null, order: DateOrder, leadDays = 0): FoundDate | null {
  // readDuePhrase turns away an empty or over-long text itself; the hint is not run on a long one.
  return text.length <= MAX_PHRASE_INPUT && mayNameDue(text) ? readDuePhrase(text, sessionDate, next, order, leadDays) : null;
}

/**
 * Every phrase below holds a digit or one of these words (`by Friday`, `tomorrow`, `next week`,
 * `in two weeks`, `before next session`, `end of week`): a text with neither names no due date,
 * and is spared the patterns (the flexible layout asks of every item without a due field).
 */
const DUE_HINT = /\d|\b(?:by|before|due|until|till|later|deadline|tomorrow|next|days?|weeks?|end|eow)\b/i;

/** Whether a text can name a due date at all (see DUE_HINT); false means dueFromPhrase finds none. */
export function mayNameDue(text: string): boolean {
  return DUE_HINT.test(text);
}

/** dueFromPhrase without its first test: exported for the test that holds DUE_HINT to the patterns. */
export function readDuePhrase(text: string, sessionDate: IsoDate, next: IsoDate | null, order: DateOrder, leadDays = 0): FoundDate | null {
  if (text.length === 0 || text.length > MAX_PHRASE_INPUT) return null;
  // "Before next session" means by the day the note says the next session is.
  const before = /\b(?:before|by|ahead of)\s+(?:the\s+|our\s+|your\s+)?next\s+(?!week\b|month\b|year\b|time\b)(?:session|meeting|call|1:1|1-1|one-on-one|check-in|circle|catch-up|sync|appointment|coaching)\b/i.exec(text);
  if (before) {
    if (next === null) return null;
    void leadDays;
    return { date: next, text: before[0], index: before.index };
  }
  // Only words that say when something is due: "by Friday", "due 12/2", "on Oct 2", "next Tuesday",
  // "in 3 days". A weekday after "on" or alone ("no closes on Tuesday", "every Friday") is a
  // habit, not a deadline, and is not read.
  // A date inside a condition (`If it rains tomorrow, take the bus`) is when the plan applies, not a deadline.
  const condition = CONDITION.exec(text);
  const conditionEnd = condition ? condition[0].length : 0;
  for (const p of DUE_PHRASES) {
    const m = p.exec(text);
    if (!m) continue;
    if (m.index < conditionEnd) continue;
    if (/\bevery\s+$/i.test(text.slice(Math.max(0, m.index - 7), m.index))) continue;
    const phrase = m[1];
    let results: chrono.ParsedResult[];
    try {
      results = parsers[order].parse(phrase, { instant: refDate(sessionDate), timezone: 0 }, { forwardDate: true });
    } catch {
      continue;
    }
    const r = results[0];
    if (!r) continue;
    let date = isoOf(r.start);
    // `by Friday` written on a Friday is next Friday: chrono, reading forward, names the day itself.
    if (date === sessionDate && WEEKDAY_ONLY.test(phrase)) date = addDays(sessionDate, 7);
    // A phrase never names a day before (or the day of) the session it was written in.
    // A date without a year that would only fall after the session in the next year (`by 16/10`
    // written on 23/10) names a day already past, not a deadline.
    if (date === null || !inReach(date, sessionDate)) continue;
    return { date, text: m[0], index: m.index };
  }
  const foreign = foreignDue(text, sessionDate, conditionEnd);
  if (foreign !== null) return foreign;
  const eow = /\b(?:by\s+)?(?:the\s+)?end of (?:the )?week\b|\beow\b/i.exec(text);
  if (eow) {
    const d = new Date(`${sessionDate}T00:00:00Z`).getUTCDay();
    return { date: addDays(sessionDate, (5 - d + 7) % 7 || 7), text: eow[0], index: eow.index };
  }
  return null;
}

/** Whether a phrase's date can be a due date: after the session, and within 200 days of it. */
function inReach(date: IsoDate, sessionDate: IsoDate): boolean {
  return date > sessionDate && date <= addDays(sessionDate, 200);
}

/**
 * "By" before a numeric date in Spanish, Portuguese, French, German and Dutch (`para el 13/10`,
 * `até 16/10`, `pour le 13/10`, `bis 14.10.`, `voor 13-10`), and an `@` before an ISO date
 * (`(@2026-10-10)`). These languages write the day first, whatever the vault's order.
 */
const FOREIGN_DUE = /(?:^|[\s(])(?:para el|hasta el|antes del|para|hasta|até|ate|antes de|pour le|avant le|d['’]ici le|bis zum|bis|spätestens|voor|uiterlijk)[ \t]+(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d/-])/i;
const AT_ISO = /(?:^|[\s(])@(\d{4}-\d{1,2}-\d{1,2})(?![\d-])/;

function foreignDue(text: string, sessionDate: IsoDate, from: number): FoundDate | null {
  const at = AT_ISO.exec(text);
  if (at && at.index >= from) {
    const date = parseIsoDate(at[1]);
    if (date !== null && date > sessionDate) return { date, text: at[0].trim(), index: at.index };
  }
  const m = FOREIGN_DUE.exec(text);
  if (!m || m.index < from) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const years = m[3] ? [m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])] : [Number(sessionDate.slice(0, 4)), Number(sessionDate.slice(0, 4)) + 1];
  for (const y of years) {
    const date = parseIsoDate(`${y}-${pad(month)}-${pad(day)}`);
    if (date !== null && inReach(date, sessionDate)) return { date, text: m[0].trim(), index: m.index };
  }
  return null;
}

const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?';
/** A leading condition, up to its comma: `If …,`, `When …,`, `In case …,` (and `Si …,`, `Se …,`, `Wenn …,`, `Als …,`). */
const CONDITION = /^[ \t]*(?:if|when|whenever|in case|unless|si|se|wenn|falls|als)\b[^,;]{0,120}[,;]/i;

/** A phrase that is a weekday and nothing more (`Friday`, `this Friday`). */
const WEEKDAY_ONLY = new RegExp(`^(?:this\\s+)?${WEEKDAY}$`, 'i');
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DUE_WORD = '(?:by|before|due(?:\\s+(?:on|by))?|until|till|no later than|deadline:?)';
const DUE_PHRASES: RegExp[] = [
  new RegExp(`\\b(?:${DUE_WORD}|on)\\s+(\\d{4}-\\d{1,2}-\\d{1,2})(?![\\w/-])`, 'i'),
  new RegExp(`\\b${DUE_WORD}\\s+((?:next\\s+|this\\s+)?${WEEKDAY})\\b`, 'i'),
  new RegExp(`\\b(?:${DUE_WORD}\\s+|on\\s+)?(${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:\\s+\\d{4})?)(?![\\w/])`, 'i'),
  new RegExp(`\\b(?:${DUE_WORD}|on)\\s+(\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?)(?![\\w/])`, 'i'),
  new RegExp(`\\b(?:${DUE_WORD}\\s+)?(tomorrow|next\\s+${WEEKDAY}|next\\s+week|in\\s+(?:\\d+|a|one|two|three)\\s+(?:days?|weeks?))\\b`, 'i'),
  new RegExp(`\\b(?:${DUE_WORD}|on)\\s+(the\\s+\\d{1,2}(?:st|nd|rd|th))\\b`, 'i'),
];

/** Spellings chrono does not know, as it knows them: `tues` → `tue`, `wks` → `weeks`, `eom`. */
const TYPED_SPELLINGS: [RegExp, string][] = [
  [/\btues\b/g, 'tue'],
  [/\bweds\b/g, 'wed'],
  [/\bthur\b/g, 'thu'],
  [/\b(\d+)\s*wks?\b/g, '$1 weeks'],
  [/\b(\d+)\s*w\b/g, '$1 weeks'],
  [/\beom\b/g, 'end of month'],
];

/** Words that point back in time: read these without chrono's forward-only rule. */
const BACKWARD = /\b(?:last|ago|yesterday|previous|past)\b/;

/**
 * A date typed into a form, read as Tasks' edit modal reads one (chrono-node, forward from
 * today): `fri`, `next tue`, `in 3 days`, `tomorrow`, `dec 4`, `4 dec`, `12/4` or `12.4` in the
 * vault's date order, `the 5th`, `end of week`, `2026-12-04`; a leading `by`, `on`, `due` or
 * `before` is allowed. Null when the whole input does not read as one date (`fri blah`, `3pm`,
 * `banana`): a form shows "not a date" rather than guess.
 */
export function parseTypedDate(input: string, today: IsoDate, order: DateOrder): IsoDate | null {
  let t = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '' || t.length > 60 || parseIsoDate(today) === null) return null;
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (iso) return parseIsoDate(`${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`);
  t = t.replace(/^(?:due(?: on| by)?|by|on|before|until)\s+/, '').replace(/[.,;!]+$/, '');
  if (t === '') return null;
  for (const [from, to] of TYPED_SPELLINGS) t = t.replace(from, to);
  // `12.4`, `12-4`, `12.4.27`: the vault's numeric order with another separator.
  const numeric = /^(\d{1,2})[.-](\d{1,2})(?:[.-](\d{2}|\d{4}))?$/.exec(t);
  if (numeric) t = `${numeric[1]}/${numeric[2]}${numeric[3] ? `/${numeric[3]}` : ''}`;
  // `the 5th`: the next 5th of a month, today included.
  const ordinal = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)$/.exec(t);
  if (ordinal) return nextDayOfMonth(Number(ordinal[1]), today);
  if (/^(?:(?:the )?end of (?:the |this )?week|eow)$/.test(t)) {
    const d = new Date(`${today}T00:00:00Z`).getUTCDay();
    return addDays(today, (5 - d + 7) % 7);
  }
  let results: chrono.ParsedResult[];
  try {
    results = parsers[order].parse(t, { instant: refDate(today), timezone: 0 }, { forwardDate: !BACKWARD.test(t) });
  } catch {
    return null;
  }
  if (results.length !== 1) return null;
  const r = results[0];
  // The whole input is the date (not `fri blah`), and it names a day, not only a time (`3pm`).
  if (r.index !== 0 || r.text.length !== t.length) return null;
  if (!r.start.isCertain('day') && !r.start.isCertain('weekday') && !r.start.isCertain('month')) return null;
  return isoOf(r.start);
}

/** The next `day` of a month on or after `today` (skipping months too short for it). */
function nextDayOfMonth(day: number, today: IsoDate): IsoDate | null {
  if (day < 1 || day > 31) return null;
  let [y, m] = today.split('-').map(Number);
  for (let i = 0; i < 13; i++) {
    const d = parseIsoDate(`${y}-${pad(m)}-${pad(day)}`);
    if (d !== null && d >= today) return d;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const NUMERIC = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$/;
const MONTH_FIRST = /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DAY_FIRST = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;

/**
 * A full calendar date written out (`2026-10-01`, `2026/10/01`, `10/01/2026`, `Oct 1, 2026`,
 * `1 October 2026`, `Thursday, October 1, 2026`), for dates in frontmatter, file names and
 * `Date:` lines. No year, no date: those are read as phrases, against a session.
 */
export function parseWrittenDate(value: string, order: DateOrder): IsoDate | null {
  const v = value.trim().replace(/\*\*|__|\[\[|\]\]/g, '').trim();
  if (v.length > 40) return null;
  const iso = parseIsoDate(v);
  if (iso !== null) return iso;
  let m = NUMERIC.exec(v.split(/[T ]/)[0]);
  if (m) {
    const [a, b, c] = [m[1], m[2], m[3]];
    if (a.length === 4) return parseIsoDate(`${a}-${pad(Number(b))}-${pad(Number(c))}`);
    if (c.length !== 4) return null;
    // Dots (`14.10.2026`) are written day first wherever they are used; slashes follow the vault's order.
    const dayFirst = order === 'dmy' || /^\d{1,2}\.\d{1,2}\.\d{4}/.test(v);
    const [month, day] = dayFirst ? [Number(b), Number(a)] : [Number(a), Number(b)];
    return parseIsoDate(`${c}-${pad(month)}-${pad(day)}`);
  }
  m = MONTH_FIRST.exec(v);
  if (m && MONTHS[m[1].slice(0, 3).toLowerCase()]) return parseIsoDate(`${m[3]}-${pad(MONTHS[m[1].slice(0, 3).toLowerCase()])}-${pad(Number(m[2]))}`);
  m = DAY_FIRST.exec(v);
  if (m && MONTHS[m[2].slice(0, 3).toLowerCase()]) return parseIsoDate(`${m[3]}-${pad(MONTHS[m[2].slice(0, 3).toLowerCase()])}-${pad(Number(m[1]))}`);
  return null;
}

/** The first full date anywhere in a short text (a file name, a heading), with where it was. */
export function findWrittenDate(text: string, order: DateOrder): FoundDate | null {
  if (text.length > 300) return null;
  const iso = /(\d{4})[-_./](\d{1,2})[-_./](\d{1,2})/.exec(text);
  if (iso) {
    const d = parseIsoDate(`${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`);
    if (d) return { date: d, text: iso[0], index: iso.index };
  }
  const num = /\b(\d{1,2})([-_./])(\d{1,2})\2(\d{4})\b/.exec(text);
  if (num) {
    const d = parseWrittenDate(`${num[1]}${num[2] === '.' ? '.' : '/'}${num[3]}${num[2] === '.' ? '.' : '/'}${num[4]}`, order);
    if (d) return { date: d, text: num[0], index: num.index };
  }
  const words = /\b(?:[a-z]+,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4})\b/i.exec(text);
  if (words) {
    const d = parseWrittenDate(words[0], order);
    if (d) return { date: d, text: words[0], index: words.index };
  }
  return null;
}
