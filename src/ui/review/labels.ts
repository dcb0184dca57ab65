/**
 * The queue's words, typed against the unions so a new reason, status or outcome cannot go
 * unlabelled. One word per idea across the views: Overdue, Paused, Carried forward, Let go.
 */
import type { CheckInStatus, CommitmentStatus } from '../../core/types';
import type { ReviewItem } from '../contracts';

/** What happened to a card in this review. */
export type Outcome = 'done' | 'partial' | 'recommitted' | 'modified' | 'let-go' | 'skipped';

export const REASON_LABEL: Record<ReviewItem['reason'], string> = {
  overdue: 'Overdue',
  stuck: 'Stuck',
  skipped: 'Skipped',
};

export const STATUS_LABEL: Record<CommitmentStatus, string> = {
  open: 'Open',
  partial: 'Partly done',
  stuck: 'Stuck',
  skipped: 'Skipped',
  done: 'Done',
  'let-go': 'Let go',
  recommitted: 'Carried forward',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  done: 'Done',
  partial: 'Partly done',
  recommitted: 'Recommitted',
  modified: 'Modified',
  'let-go': 'Let go',
  skipped: 'Skipped',
};

export const CHECK_IN_LABEL: Record<CheckInStatus, string> = {
  done: 'done',
  partial: 'partly done',
  stuck: 'stuck',
  skipped: 'skipped',
  nudged: 'nudged',
};

/** "1 done, 2 recommitted, 1 skipped": the outcomes that happened, in a fixed order. */
export function outcomeSummary(outcomes: readonly Outcome[]): string {
  const words: Record<Outcome, string> = {
    done: 'done',
    partial: 'partly done',
    recommitted: 'recommitted',
    modified: 'modified',
    'let-go': 'let go',
    skipped: 'skipped',
  };
  const order: Outcome[] = ['done', 'partial', 'recommitted', 'modified', 'let-go', 'skipped'];
  const parts = order.map((o) => [o, outcomes.filter((x) => x === o).length] as const).filter(([, n]) => n > 0);
  return parts.map(([o, n]) => `${n} ${words[o]}`).join(', ');
}
