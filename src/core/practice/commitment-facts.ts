/**
 * Per-commitment facts the practice figures read (see docs/practice-figures.md): when it was done,
 * whether it went overdue, when someone first followed it up, whether a coach's own item was on time.
 */
import { isLive } from '../analytics/completion';
import type { Commitment, IsoDate } from '../types';

/** The date a commitment was done, from its done date or its first `done` check-in. */
export function doneOn(c: Commitment): IsoDate | null {
  if (c.doneDate) return c.doneDate;
  let first: IsoDate | null = null;
  for (const k of c.checkIns) if (k.status === 'done' && (first === null || k.date < first)) first = k.date;
  return first;
}

/** True when the notes show the commitment settled (done, let go, reported skipped) by a date. */
function settledBy(c: Commitment, date: IsoDate): boolean {
  if (c.doneDate !== null && c.doneDate <= date) return true;
  if (c.letGoDate !== null && c.letGoDate <= date) return true;
  return c.checkIns.some((k) => (k.status === 'done' || k.status === 'skipped') && k.date <= date);
}

/** Not settled by its due date, with evidence it was outstanding after (docs/practice-figures.md). */
export function wentOverdue(c: Commitment): boolean {
  const d = c.due;
  if (settledBy(c, d)) return false;
  if (isLive(c)) return true;
  return (c.doneDate !== null && c.doneDate > d) || (c.letGoDate !== null && c.letGoDate > d) || c.checkIns.some((k) => k.date > d);
}

/** First check-in (any status, `nudged` included) dated on or after the due date. */
export function firstFollowUp(c: Commitment): IsoDate | null {
  let first: IsoDate | null = null;
  for (const k of c.checkIns) if (k.date >= c.due && (first === null || k.date < first)) first = k.date;
  return first;
}

/** A done commitment whose done date is on or before its due date (docs/practice-figures.md). */
export function doneOnTime(c: Commitment): boolean {
  if (c.status !== 'done') return false;
  const on = doneOn(c);
  if (on !== null) return on <= c.due;
  return !c.checkIns.some((k) => k.date > c.due && k.status !== 'done');
}
