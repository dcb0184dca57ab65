/**
 * How the views name and weigh risk signals, and name a client's status. The maps are typed
 * against the unions, so a new signal or status cannot go unlabelled. One word per idea across the
 * views: Overdue, Paused, Carried forward, Let go.
 */
import { SIGNAL_NAMES, SIGNAL_WEIGHT, type Signal, type SignalName } from '../../core/analytics/signals';
import type { AccountabilityLevel, CheckInStatus, CommitmentStatus } from '../../core/types';
import { ACCOUNTABILITY } from '../../core/analytics/brief';
import { CHECK_IN_WORD, STATUS_WORD } from '../../core/words';
import type { MilestoneState } from '../../core/practice/milestones';

export { SIGNAL_NAMES };
/** The labels are the core's, so the CLI says the same words. */
export { SIGNAL_LABEL, SIGNAL_SHORT, STATUS_LABEL } from '../../core/analytics/labels';


/** A commitment's status in words (the core's words, shared with the CLI brief). */
export const COMMITMENT_STATUS_LABEL: Readonly<Record<CommitmentStatus, string>> = STATUS_WORD;

/** A check-in's status in words. */
export const CHECK_IN_LABEL: Readonly<Record<CheckInStatus, string>> = CHECK_IN_WORD;

/** An accountability level's name and what it asks of the coach. */
export const ACCOUNTABILITY_LABEL: Readonly<Record<AccountabilityLevel, { name: string; note: string }>> = ACCOUNTABILITY;

/** A milestone's state, as the client view says it (the core decides the state). */
export const MILESTONE_LABEL: Record<MilestoneState, string> = {
  done: 'Done',
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  upcoming: 'Upcoming',
  undated: 'No date',
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
