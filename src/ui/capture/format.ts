/** Display helpers for the capture form. */
import { plural } from '../shared/format';
import { daysBetween, isIsoDate } from '../../core/dates';
import type { IsoDate } from '../../core/types';


/** How the default due date relates to the session: `12 days after the session`. */
export function defaultDueNote(defaultDue: IsoDate, sessionDate: IsoDate): string {
  if (!isIsoDate(defaultDue) || !isIsoDate(sessionDate)) return '';
  const n = daysBetween(sessionDate, defaultDue);
  if (n <= 0) return '';
  return `${plural(n, 'day')} after the session`;
}

/**
 * The confirm shortcut's label. `mac`: the host's platform uses Cmd rather than Ctrl (macOS, and
 * iOS, which Obsidian's `Platform.isMacOS` counts too); the UI never asks the browser itself.
 */
export function confirmShortcut(mac: boolean): string {
  return mac ? '⌘ Enter' : 'Ctrl Enter';
}
