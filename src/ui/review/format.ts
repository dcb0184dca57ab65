/** Display helpers for the review queue: dates and day counts in plain words. */
import { daysBetween, isIsoDate } from '../../core/dates';
import type { IsoDate } from '../../core/types';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue 1 Dec` (the settings' default format), with the year when it differs from `reference`'s. */
export function formatShortDate(date: IsoDate, reference?: IsoDate): string {
  if (!isIsoDate(date)) return date;
  const d = new Date(`${date}T00:00:00Z`);
  const base = `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  return reference && reference.slice(0, 4) !== date.slice(0, 4) ? `${base} ${date.slice(0, 4)}` : base;
}

/** `3 days ago`, `yesterday`, `today`, `tomorrow`, `in 4 days`, counted from `asOf`. */
export function relativeDays(date: IsoDate, asOf: IsoDate): string {
  if (!isIsoDate(date) || !isIsoDate(asOf)) return '';
  const n = daysBetween(date, asOf);
  if (n === 0) return 'today';
  if (n === 1) return 'yesterday';
  if (n === -1) return 'tomorrow';
  return n > 0 ? `${n} days ago` : `in ${-n} days`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
