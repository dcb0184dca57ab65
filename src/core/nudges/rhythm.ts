/**
 * A client's recent rhythm, for fewer and better-timed nudges (reminder research favours
 * decreasing or individualised frequency over a fixed one):
 *
 * - steady: the last `thinAfterOnTime` client-owned commitments that came round were all done on
 *   or before their due dates. The schedule drops the midpoint step.
 * - stuck: the latest check-ins (at least STUCK_STREAK in a row) were stuck or skipped. The
 *   midpoint step stays, and its draft is a check-in question instead of a reminder.
 * - usual: neither; the level's schedule in full.
 *
 * A commitment "came round" when its due date is before the as-of date or it was closed (done or
 * let go) by then; carried (`[>]`) commitments are left to their later copy. A done box with no
 * done date cannot show it was on time, so it ends the run. Pure.
 */
import type { VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate } from '../types';
import type { NudgeSettings } from './settings';

export const STUCK_STREAK = 2;

export interface ClientRhythm {
  kind: 'steady' | 'stuck' | 'usual';
  /** Done on time in a row, most recent first. */
  onTime: number;
  /** The setting's N (0 = thinning off). */
  needed: number;
  /** Stuck or skipped check-ins in a row at the end of the record. */
  streak: number;
  /** The first check-in of that run. */
  since: IsoDate | null;
  /** One neutral sentence for the coach saying what this means for the nudges. */
  reason: string;
}

function cameRound(c: Commitment, asOf: IsoDate): boolean {
  if (c.status === 'recommitted') return false;
  if (c.status === 'done') return (c.doneDate ?? c.due) <= asOf || c.due < asOf;
  if (c.status === 'let-go') return (c.letGoDate ?? c.due) <= asOf || c.due < asOf;
  return c.due < asOf;
}

const first = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export function clientRhythm(index: VaultIndex, client: Client, asOf: IsoDate, settings: Pick<NudgeSettings, 'thinAfterOnTime'>): ClientRhythm {
  const needed = Math.max(0, Math.floor(settings.thinAfterOnTime ?? 0));
  const mine = index.commitmentsOf(client).filter((c) => c.owner === 'client' && c.sessionDate <= asOf);
  const round = mine
    .filter((c) => cameRound(c, asOf))
    .sort((a, b) => (a.due > b.due ? -1 : a.due < b.due ? 1 : 0) || (a.session > b.session ? -1 : a.session < b.session ? 1 : b.line - a.line));
  let onTime = 0;
  for (const c of round) {
    if (c.status === 'done' && c.doneDate !== null && c.doneDate <= c.due) onTime++;
    else break;
  }
  const checkIns = mine
    .flatMap((c) => c.checkIns.filter((k) => k.status !== 'nudged' && k.date <= asOf))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let streak = 0;
  let since: IsoDate | null = null;
  for (let i = checkIns.length - 1; i >= 0; i--) {
    const k = checkIns[i];
    if (k.status !== 'stuck' && k.status !== 'skipped') break;
    streak++;
    since = k.date;
  }
  const who = first(client.name);
  if (streak >= STUCK_STREAK) {
    return { kind: 'stuck', onTime, needed, streak, since, reason: `The last ${streak} check-ins from ${who} were stuck or skipped, so the midpoint stays, as a question rather than a reminder.` };
  }
  if (needed > 0 && onTime >= needed) {
    return { kind: 'steady', onTime, needed, streak, since, reason: `${who}'s last ${needed} commitments were done by their dates, so there is no midpoint nudge.` };
  }
  const reason =
    needed === 0
      ? 'Every step of the cadence applies (thinning is off in the settings).'
      : `Every step of the cadence applies: ${onTime} of ${who}'s latest commitments in a row were done by their dates, and ${needed} in a row drop the midpoint.`;
  return { kind: 'usual', onTime, needed, streak, since, reason };
}
