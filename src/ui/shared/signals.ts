/**
 * How the views name and weigh risk signals, and name a client's status. The maps are typed
 * against the unions, so a new signal or status cannot go unlabelled. One word per idea across the
 * views: Overdue, Paused, Carried forward, Let go.
 */
import { SIGNAL_NAMES, SIGNAL_WEIGHT, type Signal, type SignalName } from '../../core/analytics/signals';
import type { ClientStatus } from '../../core/types';

export { SIGNAL_NAMES };

/** Full names, for selects, popovers and screen readers. */
export const SIGNAL_LABEL: Record<SignalName, string> = {
  overdue: 'Overdue',
  stalled: 'Stalled',
  'no-next-session': 'No next session',
  'carried-over': 'Carried forward',
  declining: 'Declining',
  'low-confidence': 'Low confidence',
  'missed-sessions': 'Missed sessions',
  'coach-follow-up': 'Coach follow-up',
};

/** Compact names for tight labels (each is contained in the full name, so a label keeps its accessible name). */
export const SIGNAL_SHORT: Record<SignalName, string> = {
  overdue: 'overdue',
  stalled: 'stalled',
  'no-next-session': 'no next',
  'carried-over': 'carried',
  declining: 'declining',
  'low-confidence': 'low confidence',
  'missed-sessions': 'missed',
  'coach-follow-up': 'follow-up',
};

/** A client's status, in the views' words. */
export const STATUS_LABEL: Record<ClientStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  ended: 'Ended',
};

export type Severity = 'high' | 'medium' | 'low';

/** Severity from the signal's weight in the risk order: 3 high, 2 medium, 1 low. */
export function signalSeverity(name: SignalName): Severity {
  const w = SIGNAL_WEIGHT[name] ?? 1;
  return w >= 3 ? 'high' : w === 2 ? 'medium' : 'low';
}

/** Heaviest first; the core's order within the same weight. */
export function bySeverity(signals: readonly Signal[]): Signal[] {
  return signals
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (SIGNAL_WEIGHT[b.s.name] ?? 0) - (SIGNAL_WEIGHT[a.s.name] ?? 0) || a.i - b.i)
    .map((x) => x.s);
}
