import type { CheckInStatus, CommitmentStatus } from './types';

/** How the views and the brief say each commitment status in words (typed: a new status cannot go unsaid). */
export const STATUS_WORD: Readonly<Record<CommitmentStatus, string>> = Object.freeze({
  open: 'open',
  done: 'done',
  partial: 'partly done',
  stuck: 'stuck',
  skipped: 'skipped',
  'let-go': 'let go',
  recommitted: 'carried forward',
});

/** How the views and the brief say a check-in's status. */
export const CHECK_IN_WORD: Readonly<Record<CheckInStatus, string>> = Object.freeze({
  done: 'done',
  partial: 'partly done',
  stuck: 'stuck',
  skipped: 'skipped',
  nudged: 'nudged',
});

/** A count with its noun: `1 commitment`, `3 commitments` (`many` for irregular plurals). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
