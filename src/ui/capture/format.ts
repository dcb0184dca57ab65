/** Display helpers for the capture form. */
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

/** How the default due date relates to the session: `12 days after the session`. */
export function defaultDueNote(defaultDue: IsoDate, sessionDate: IsoDate): string {
  if (!isIsoDate(defaultDue) || !isIsoDate(sessionDate)) return '';
  const n = daysBetween(sessionDate, defaultDue);
  if (n <= 0) return '';
  return `${n} ${n === 1 ? 'day' : 'days'} after the session`;
}

/** True on macOS and iOS, where the confirm shortcut is Cmd rather than Ctrl. */
export function isApple(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
