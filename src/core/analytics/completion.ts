/**
 * Completion: done ÷ commitments that have come due (due date passed, or status no longer open),
 * partial counting as half. Let-go and recommitted are in the denominator as not done.
 */
import { isOverdue } from '../index/vault-index';
import type { Commitment, IsoDate } from '../types';

export interface Completion {
  /** done + partial/2 */
  score: number;
  done: number;
  partial: number;
  /** Commitments that count: due date passed or no longer open. */
  total: number;
  /** score ÷ total, or null when nothing has come due. */
  rate: number | null;
}

/** True when a commitment counts toward completion as of a date. */
export function hasComeDue(c: Commitment, asOf: IsoDate): boolean {
  return c.status !== 'open' || c.due < asOf;
}

export function completion(list: readonly Commitment[], asOf: IsoDate): Completion {
  let done = 0;
  let partial = 0;
  let total = 0;
  for (const c of list) {
    if (!hasComeDue(c, asOf)) continue;
    total++;
    if (c.status === 'done') done++;
    else if (c.status === 'partial') partial++;
  }
  return completionOf(done, partial, total);
}

/** The completion formula: done + ½ partial, over those come due (null rate when none has). */
export function completionOf(done: number, partial: number, total: number): Completion {
  const score = done + partial / 2;
  return { score, done, partial, total, rate: total === 0 ? null : score / total };
}

export const isClientOwned = (c: Commitment) => c.owner === 'client';
export const isCoachOwned = (c: Commitment) => c.owner === 'coach';
/** Still expected of someone: open, partly done or stuck. */
export const isLive = (c: Commitment) => c.status === 'open' || c.status === 'partial' || c.status === 'stuck';
/** Missed: overdue, stuck or skipped; the review queue's input. */
export const isMissed = (c: Commitment, asOf: IsoDate) => isOverdue(c, asOf) || c.status === 'stuck' || c.status === 'skipped';

export function formatRate(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}
