/**
 * A commitment's nudge schedule: the days the coach might follow up, worked out from the session
 * date, the due date, the client's accountability level and the settings. Pure: no clock.
 *
 *   confirm      day 0 (the session day + `confirmAfterDays`): confirm what was agreed
 *   midpoint     half way from the session to the due date
 *   before-due   the day before the due date ("24 hours before")
 *   overdue      the day after the due date: a flag to the coach, not a message to send blind
 *
 * Which steps apply comes from the client's level (or a per-client override). Steps that would
 * crowd each other on a short span are dropped: the midpoint only stands strictly between the
 * confirm step (or the session) and the before-due step (or the due date); the before-due step
 * only after the session and the confirm step. Only live (open, partial, stuck) client-owned
 * commitments of an active client get steps; coach-owned items are the coach's own to-dos and
 * partner-owned items belong to the partnership (see core/agreements). Steps on or before a
 * client's `paused_until` date are dropped: the client is released until then.
 */
import { isReleased } from '../analytics/released';
import { addDays, daysBetween } from '../dates';
import type { Client, Commitment, IsoDate } from '../types';
import { clientOverride, NUDGE_AUDIENCE, type NudgeAudience, type NudgeKind, type NudgeSettings } from './settings';

export interface NudgeStep {
  kind: NudgeKind;
  date: IsoDate;
  audience: NudgeAudience;
}

/** The commitment fields a schedule needs. */
export type SchedulableCommitment = Pick<Commitment, 'sessionDate' | 'due' | 'owner' | 'status'>;
/** The client fields a schedule needs. */
export type SchedulableClient = Pick<Client, 'name' | 'accountability' | 'status' | 'pausedUntil'>;

const LIVE = new Set(['open', 'partial', 'stuck']);

/** The step kinds a client gets: their override's, else their level's. */
export function stepsFor(client: SchedulableClient, settings: NudgeSettings): NudgeKind[] {
  const override = clientOverride(settings, client.name);
  return [...(override?.steps ?? settings.levels[client.accountability] ?? [])];
}

/**
 * `rhythm` (see rhythm.ts) thins the schedule: a steady client (their last few done on time) gets
 * no midpoint step. Without it the schedule is the level's in full.
 */
export function nudgeSchedule(
  commitment: SchedulableCommitment,
  client: SchedulableClient,
  settings: NudgeSettings,
  rhythm?: { kind: 'steady' | 'stuck' | 'usual' } | null,
): NudgeStep[] {
  if (!settings.enabled || client.status !== 'active') return [];
  if (commitment.owner !== 'client' || !LIVE.has(commitment.status)) return [];
  const kinds = new Set(stepsFor(client, settings));
  if (rhythm?.kind === 'steady') kinds.delete('midpoint');
  if (kinds.size === 0) return [];

  const start = commitment.sessionDate;
  const due = commitment.due;
  const span = daysBetween(start, due);
  const dates: Partial<Record<NudgeKind, IsoDate>> = {};

  if (kinds.has('confirm')) {
    const d = addDays(start, settings.confirmAfterDays);
    if (d <= due) dates.confirm = d;
  }
  const floor = dates.confirm ?? start; // later client steps fall strictly after this day
  if (kinds.has('before-due')) {
    const d = addDays(due, -settings.beforeDueDays);
    if (d > floor) dates['before-due'] = d;
  }
  if (kinds.has('midpoint') && span > 0) {
    const d = addDays(start, Math.floor(span * settings.midpointAt));
    const ceiling = dates['before-due'] ?? due;
    if (d > floor && d < ceiling) dates.midpoint = d;
  }
  if (kinds.has('overdue')) dates.overdue = addDays(due, settings.overdueAfterDays);

  const out: NudgeStep[] = [];
  for (const kind of ['confirm', 'midpoint', 'before-due', 'overdue'] as const) {
    const date = dates[kind];
    if (date === undefined) continue;
    if (isReleased(client, date)) continue;
    out.push({ kind, date, audience: NUDGE_AUDIENCE[kind] });
  }
  return out;
}
