/** Display helpers for the capture form. */
import { daysBetween, isIsoDate } from '../../core/dates';
import type { IsoDate } from '../../core/types';


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
