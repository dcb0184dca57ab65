/**
 * The numbers a client's messages give their commitments, so a reply like "1 done, 2 stuck"
 * finds the right lines. The numbering depends only on the notes and the as-of date the message
 * was drafted for, never on the clock or on what was logged since: a commitment that was live on
 * that date keeps its number even after a check-in the next day closes it.
 *
 * Live on a date D: a client-owned commitment from a session held on or before D whose box is
 * open, partial or stuck (or skipped), or that was done or let go on D or later (a reply logged
 * the same day as the message keeps its numbers). Carried (`[>]`) commitments are not numbered:
 * their later copy is.
 *
 * Order: the latest session first (what was just agreed comes first in a recap), then the note's
 * path, then line order within the note.
 */
import type { VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate } from '../types';

export interface NumberedCommitment {
  /** 1-based. */
  n: number;
  commitment: Commitment;
}

const LIVE = new Set(['open', 'partial', 'stuck', 'skipped']);

/** The date a commitment stopped being live, or null while it still is (or when the notes do not say). */
function closedOn(c: Commitment): IsoDate | null {
  if (c.status === 'done') {
    if (c.doneDate) return c.doneDate;
    const k = c.checkIns.filter((x) => x.status === 'done').map((x) => x.date).sort();
    return k.length > 0 ? k[k.length - 1] : null;
  }
  if (c.status === 'let-go') return c.letGoDate;
  return null;
}

/** Whether `c` was live on `asOf` (see the module comment). */
export function liveOn(c: Commitment, asOf: IsoDate): boolean {
  if (c.owner !== 'client' || c.sessionDate > asOf) return false;
  if (LIVE.has(c.status)) return true;
  if (c.status === 'done' || c.status === 'let-go') {
    const closed = closedOn(c);
    return closed !== null && closed >= asOf;
  }
  return false;
}

export function numberCommitments(index: VaultIndex, client: Client, asOf: IsoDate): NumberedCommitment[] {
  const list = index.commitmentsOf(client).filter((c) => liveOn(c, asOf));
  list.sort(
    (a, b) =>
      (a.sessionDate > b.sessionDate ? -1 : a.sessionDate < b.sessionDate ? 1 : 0) ||
      (a.session < b.session ? -1 : a.session > b.session ? 1 : 0) ||
      a.line - b.line,
  );
  return list.map((commitment, i) => ({ n: i + 1, commitment }));
}

/**
 * The one-line reply key a message ends with, using the numbers it shows:
 * `Reply like '1 done, 2 stuck: meetings ate Monday'`.
 */
export function replyKey(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  if (numbers.length === 1) return `Reply like '${numbers[0]} done' or '${numbers[0]} stuck: what got in the way'.`;
  return `Reply like '${numbers[0]} done, ${numbers[1]} stuck: meetings ate Monday'.`;
}
