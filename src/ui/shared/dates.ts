/**
 * Date display helpers for the views. Dates stay `YYYY-MM-DD` strings; nothing here reads the
 * clock (the views pass the model's `asOf`).
 */
import { daysBetween, isIsoDate, weekday, WEEKDAY_NAMES } from '../../core/dates';
import type { IsoDate } from '../../core/types';
import type { DateFormatter } from '../contracts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue 1 Dec` (the settings' default format, `EEE d MMM`), with the year when it differs from `reference`'s. */
export function formatShortDate(date: IsoDate, reference?: IsoDate): string {
  if (!isIsoDate(date)) return date;
  const [, m, d] = date.split('-').map(Number);
  const base = `${WEEKDAY_NAMES[weekday(date)].slice(0, 3)} ${d} ${MONTHS[m - 1]}`;
  return reference && reference.slice(0, 4) !== date.slice(0, 4) ? `${base} ${date.slice(0, 4)}` : base;
}

/** The settings' default display format, for when no formatter is given. */
export const defaultFormatDate: DateFormatter = (date: IsoDate) => formatShortDate(date);

/** `today`, `tomorrow`, `in 3 days`, `yesterday`, `15 days ago`. */
export function relativeDay(date: IsoDate, asOf: IsoDate): string {
  const n = daysBetween(asOf, date);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

/** `15d` style, for tight spaces; `today` for zero. */
export function shortDays(n: number): string {
  return n === 0 ? 'today' : `${n}d`;
}

/** The file name of a vault path without folder or `.md`. */
export function noteName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.md$/i, '');
}

const SAID_DATE = /\b(due|until|on|by|dated|from|after|since) (\d{4}-\d{2}-\d{2})\b/g;
const QUOTED = /("[^"]*"|“[^”]*”)/;

/**
 * A message from the core ("Recommitted "Send the deck" to 2026-12-01 Maya Chen, due 2026-12-09")
 * as the views say it: a date after due, until, on, by, dated, from, after or since in the display format
 * ("due Wed 9 Dec"). Quoted words (the coach's own) and note titles are left as written.
 */
export function withDisplayDates(message: string, fmt: DateFormatter): string {
  return message
    .split(QUOTED)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(SAID_DATE, (whole, word: string, date: string) => (isIsoDate(date) ? `${word} ${fmt(date)}` : whole))))
    .join('');
}
