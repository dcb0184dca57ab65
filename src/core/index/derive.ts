/**
 * What the index derives for a client's commitments from more than one note: default due dates,
 * copies of earlier items read as check-ins, and the carried-chain rule (spec, Derived values).
 */
import type { Chain } from '../analytics/chains';
import { namesDiffer, tokensOf, tokenSimilarity, type Tokens } from '../analytics/similarity';
import { addDays } from '../dates';
import { basename } from '../parse/records';
import type { CheckIn, Commitment, CommitmentStatus, IsoDate, ParsedNote, SessionNote } from '../types';
import { withStatus } from './commitment-record';

/** The spec's default due date: the next session minus the lead, else the session date plus cadence minus the lead. */
export function defaultDueDate(session: { date: IsoDate; next: IsoDate | null }, cadence: number, leadDays: number): IsoDate {
  return session.next ? addDays(session.next, -leadDays) : addDays(session.date, cadence - leadDays);
}

/** True for a commitment that is still expected and past its due date. */
export function isOverdue(c: Pick<Commitment, 'status' | 'due'>, asOf: IsoDate): boolean {
  return (c.status === 'open' || c.status === 'partial' || c.status === 'stuck') && c.due < asOf;
}

/** A session of a note, as the index keeps it. */
export interface SessionEntry {
  note: ParsedNote;
  s: SessionNote;
  index: number;
}

/**
 * "Outstanding action items" in a later note copy earlier items: each copy is a check-in on the
 * earlier commitment it names (the best text match among the client's earlier sessions), not a
 * commitment of its own. A copy marked done or let go closes the original.
 */
export function applyCopies(entries: SessionEntry[], list: Commitment[], similarity: number): void {
  if (!entries.some((e) => e.s.copies.length > 0)) return;
  const words = new Map<Commitment, Tokens>();
  const wordsOf = (c: Commitment): Tokens => {
    let w = words.get(c);
    if (w === undefined) words.set(c, (w = tokensOf(c.text)));
    return w;
  };
  for (const e of entries) {
    for (const copy of e.s.copies) {
      const tokens = tokensOf(copy.text);
      let best: Commitment | null = null;
      let bestScore = 0;
      for (const c of list) {
        // A copy names an earlier session's item; an outcome line may name its own session's.
        if (c.sessionKey === e.s.key ? !copy.outcome : c.sessionDate >= e.s.date) continue;
        const score = c.text.toLowerCase() === copy.text.toLowerCase() ? 1 : tokenSimilarity(wordsOf(c), tokens);
        // A copy naming someone else (`Email John…` against `Email Sarah…`) is not that item's copy.
        if (score >= similarity && score > bestScore && (score === 1 || !namesDiffer(c.text, copy.text))) {
          best = c;
          bestScore = score;
        }
      }
      if (best === null) continue;
      const status = copy.status;
      const checkIn: CheckIn | null =
        status === 'done' ? { date: e.s.date, status: 'done', note: `marked done in ${basename(e.s.path)}`, line: copy.line }
        : status === 'partial' ? { date: e.s.date, status: 'partial', note: `marked partly done in ${basename(e.s.path)}`, line: copy.line }
        : status === 'stuck' ? { date: e.s.date, status: 'stuck', note: `marked stuck in ${basename(e.s.path)}`, line: copy.line }
        : null;
      // Copy on write: the cached commitment object is shared with earlier answers.
      const target = withStatus(best, best.status);
      list[list.indexOf(best)] = target;
      if (checkIn) {
        target.checkIns = [...target.checkIns, checkIn];
        if (best.checkbox === 'open') target.status = checkIn.status as CommitmentStatus;
        if (status === 'done') target.doneDate ??= e.s.date;
      } else if (status === 'let-go' && best.checkbox === 'open') {
        target.status = 'let-go';
        target.letGoDate ??= e.s.date;
      }
    }
  }
}

/**
 * The carried-chain rule: an earlier link of a chain that is not done or let go is `recommitted`
 * (carried forward), whatever its checkbox says; only the latest link can be open or overdue.
 * Sets the status in place: the links are the commitments the caller has just made for this
 * client's figures (nothing else holds them yet), so the chains and `list` see the change alike,
 * with no copy of either.
 */
export function carryChains(found: readonly Chain[]): void {
  for (const ch of found) {
    for (let i = 0; i < ch.links.length - 1; i++) {
      const l = ch.links[i];
      if (l.status !== 'done' && l.status !== 'let-go') l.status = 'recommitted';
    }
  }
}
