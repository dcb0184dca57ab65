/**
 * Everything the roster, the signals, the patterns and the brief need about one client as of a
 * date, gathered once. Sessions dated after the as-of date are left out, so a scan "as of" a past
 * date sees the practice as it was then.
 */
import { daysBetween } from '../dates';
import type { VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate, Session } from '../types';
import { findChains, type Chain } from './chains';
import { completion, isClientOwned, isCoachOwned, type Completion } from './completion';
import type { RiskThresholds } from './thresholds';

export interface ClientAnalysis {
  client: Client;
  asOf: IsoDate;
  /** Sessions up to the as-of date, oldest first. */
  sessions: Session[];
  held: Session[];
  lastHeld: Session | null;
  latest: Session | null;
  daysSinceLastHeld: number | null;
  /** The latest session's `next`, or a session note already dated after the as-of date. */
  nextSession: IsoDate | null;
  /** Commitments from those sessions, oldest session first. */
  commitments: Commitment[];
  clientOwned: Commitment[];
  coachOwned: Commitment[];
  chains: Chain[];
  completionAll: Completion;
  completionRecent: Completion;
  coachCompletion: Completion;
  /** Released from accountability: paused, ended, or within `paused_until`. */
  released: boolean;
  /**
   * 1-based line of each session's frontmatter keys (`date`, `status`, `next`, under their spec
   * names even when an alias was written), by session path, so evidence can point at the line.
   */
  sessionLine?: (path: string, key: string) => number;
}

export function analyseClient(index: VaultIndex, client: Client, asOf: IsoDate, t: RiskThresholds): ClientAnalysis {
  const all = index.sessionsOf(client);
  const sessions = all.filter((s) => s.date <= asOf);
  const future = all.filter((s) => s.date > asOf && s.status === 'held');
  const held = sessions.filter((s) => s.status === 'held');
  const lastHeld = held.length > 0 ? held[held.length - 1] : null;
  const latest = sessions.length > 0 ? sessions[sessions.length - 1] : null;
  const booked = [latest?.next ?? null, future[0]?.date ?? null].filter((d): d is string => d !== null && d >= asOf).sort();
  const nextSession = booked[0] ?? latest?.next ?? null;

  // Sessions after the as-of date are left out, and their commitments with them.
  const mine = index.commitmentsOf(client);
  const commitments = all.length === sessions.length ? mine : mine.filter((c) => c.sessionDate <= asOf);
  const clientOwned = commitments.filter(isClientOwned);
  const coachOwned = commitments.filter(isCoachOwned);

  const recentPaths = new Set(held.slice(-t.recentSessions).map((s) => s.path));
  const released =
    client.status !== 'active' || (client.pausedUntil !== null && asOf <= client.pausedUntil);

  return {
    client,
    asOf,
    sessions,
    held,
    lastHeld,
    latest,
    daysSinceLastHeld: lastHeld ? daysBetween(lastHeld.date, asOf) : null,
    nextSession,
    commitments,
    clientOwned,
    coachOwned,
    chains: findChains(commitments, t.similarity),
    completionAll: completion(clientOwned, asOf),
    completionRecent: completion(clientOwned.filter((c) => recentPaths.has(c.session)), asOf),
    coachCompletion: completion(coachOwned, asOf),
    released,
    sessionLine: (path, key) => index.sessionKeyLine(path, key),
  };
}
