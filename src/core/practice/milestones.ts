/**
 * Milestone progress: each client-note milestone as done, overdue, due soon, upcoming or undated
 * as of a date, and the counts a coach's roll-up adds together.
 */
import { addDays } from '../dates';
import type { Client, IsoDate, Milestone } from '../types';

export type MilestoneState = 'done' | 'overdue' | 'due-soon' | 'upcoming' | 'undated';

export interface MilestoneStatus extends Milestone {
  state: MilestoneState;
  /** The date it was done, when `done:` was written as a date; else null. */
  doneOn: IsoDate | null;
}

export interface MilestoneCounts {
  done: number;
  /** Not done, due between the as-of date and `dueSoonDays` after it (both inclusive). */
  dueSoon: number;
  /** Not done, due before the as-of date. */
  overdue: number;
  /** Not done, due later than `dueSoonDays` after the as-of date. */
  upcoming: number;
  /** Not done, no due date. */
  undated: number;
  total: number;
}

export interface MilestoneProgress extends MilestoneCounts {
  client: string;
  milestones: MilestoneStatus[];
}

export interface MilestoneOptions {
  /** How far ahead "due soon" looks, in days (default 14). */
  dueSoonDays?: number;
  /** Done dates by lower-cased milestone name (see `ClientExtras.milestoneDone`). */
  doneDates?: ReadonlyMap<string, IsoDate>;
}

export const DEFAULT_DUE_SOON_DAYS = 14;

export function emptyMilestoneCounts(): MilestoneCounts {
  return { done: 0, dueSoon: 0, overdue: 0, upcoming: 0, undated: 0, total: 0 };
}

/**
 * The state of one milestone as of a date. A milestone marked done counts as done at every date,
 * unless its done date is known and later than the as-of date (then it was not done yet).
 */
export function milestoneState(m: Milestone, doneOn: IsoDate | null, asOf: IsoDate, dueSoonDays = DEFAULT_DUE_SOON_DAYS, soonUntil?: IsoDate): MilestoneState {
  if (m.done && (doneOn === null || doneOn <= asOf)) return 'done';
  if (m.due === null) return 'undated';
  if (m.due < asOf) return 'overdue';
  return m.due <= (soonUntil ?? addDays(asOf, dueSoonDays)) ? 'due-soon' : 'upcoming';
}

const COUNT_KEY: Record<MilestoneState, keyof MilestoneCounts> = {
  done: 'done',
  overdue: 'overdue',
  'due-soon': 'dueSoon',
  upcoming: 'upcoming',
  undated: 'undated',
};

export function countMilestone(counts: MilestoneCounts, state: MilestoneState): void {
  counts[COUNT_KEY[state]]++;
  counts.total++;
}

export function addMilestoneCounts(into: MilestoneCounts, from: MilestoneCounts): void {
  into.done += from.done;
  into.dueSoon += from.dueSoon;
  into.overdue += from.overdue;
  into.upcoming += from.upcoming;
  into.undated += from.undated;
  into.total += from.total;
}

/** A client's milestones with their progress as of a date. */
export function milestoneProgress(client: Client, asOf: IsoDate, options: MilestoneOptions = {}): MilestoneProgress {
  const soon = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const counts = emptyMilestoneCounts();
  const milestones = client.milestones.map((m): MilestoneStatus => {
    const doneOn = m.done ? options.doneDates?.get(m.name.toLowerCase()) ?? null : null;
    const state = milestoneState(m, doneOn, asOf, soon);
    countMilestone(counts, state);
    return { ...m, state, doneOn };
  });
  return { client: client.name, milestones, ...counts };
}
