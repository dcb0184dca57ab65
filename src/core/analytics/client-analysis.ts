/**
 * Everything the roster, the signals, the patterns and the brief need about one client as of a
 * date, gathered once. Sessions dated after the as-of date are left out, so a scan "as of" a past
 * date sees the practice as it was then.
 */
import { daysBetween } from '../dates';
import type { VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate, Session } from '../types';
import type { Chain } from './chains';
import { completion, isClientOwned, isCoachOwned, type Completion } from './completion';
import { isReleased } from './released';
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

/** The session side of an analysis as of a date. */
/**
 * The coach a client's notes name: the client note's `coach`, else that of `latest` (the latest
 * session the caller reads). Null when no note names one; the roster, the brief and the practice
 * figures then take the coach's own name from setup (`coachOwnName`), so a solo coach is never
 * "unassigned" in their own vault.
 */
export function notedCoach(client: Pick<Client, 'coach'>, latest: Pick<Session, 'coach'> | null | undefined): string | null {
  return client.coach ?? latest?.coach ?? null;
}

export interface SessionsAt {
  sessions: Session[];
  held: Session[];
  lastHeld: Session | null;
  latest: Session | null;
  nextSession: IsoDate | null;
  /** Paths of the sessions up to the date. */
  upTo: Set<string>;
}

/** A client's sessions (all of them, oldest first) as they stood on a date. */
export function sessionsAsOf(all: readonly Session[], asOf: IsoDate): SessionsAt {
  const sessions: Session[] = [];
  const future: Session[] = [];
  const upTo = new Set<string>();
  for (const s of all) {
    if (s.date <= asOf) {
      sessions.push(s);
      upTo.add(s.key);
    } else if (s.status === 'held') future.push(s);
  }
  const held = sessions.filter((s) => s.status === 'held');
  const lastHeld = held.length > 0 ? held[held.length - 1] : null;
  const latest = sessions.length > 0 ? sessions[sessions.length - 1] : null;
  const booked = [latest?.next ?? null, future[0]?.date ?? null].filter((d): d is string => d !== null && d >= asOf).sort();
  return { sessions, held, lastHeld, latest, nextSession: booked[0] ?? latest?.next ?? null, upTo };
}

/** The commitments of the sessions up to the date (all of them when no session is later). */
export function commitmentsUpTo(all: Commitment[], sessionCount: number, s: SessionsAt): Commitment[] {
  if (s.upTo.size === 0) return [];
  return s.upTo.size === sessionCount ? all : all.filter((c) => s.upTo.has(c.sessionKey));
}

/** An analysis from its parts, whoever gathered them (the index, or the practice timeline). */
export function analysisFrom(
  client: Client,
  asOf: IsoDate,
  t: RiskThresholds,
  s: SessionsAt,
  commitments: Commitment[],
  chains: Chain[],
  sessionLine: (path: string, key: string) => number,
): ClientAnalysis {
  const clientOwned = commitments.filter(isClientOwned);
  const coachOwned = commitments.filter(isCoachOwned);
  const recentPaths = new Set(s.held.slice(-t.recentSessions).map((x) => x.key));
  return {
    client,
    asOf,
    sessions: s.sessions,
    held: s.held,
    lastHeld: s.lastHeld,
    latest: s.latest,
    daysSinceLastHeld: s.lastHeld ? daysBetween(s.lastHeld.date, asOf) : null,
    nextSession: s.nextSession,
    commitments,
    clientOwned,
    coachOwned,
    chains,
    completionAll: completion(clientOwned, asOf),
    completionRecent: completion(clientOwned.filter((c) => recentPaths.has(c.sessionKey)), asOf),
    coachCompletion: completion(coachOwned, asOf),
    released: isReleased(client, asOf),
    sessionLine,
  };
}

export function analyseClient(index: VaultIndex, client: Client, asOf: IsoDate, t: RiskThresholds): ClientAnalysis {
  const all = index.sessionsOf(client);
  const s = sessionsAsOf(all, asOf);
  const known = index.chainsOf(client);
  const commitments = commitmentsUpTo(known.commitments, all.length, s);
  // The index found the chains of all the client's commitments already; reuse them when this
  // analysis sees all of them with the same similarity bar (and those up to the date otherwise).
  const chains = commitments === known.commitments && t.similarity === index.settings.chainSimilarity ? known.chains : index.chainsAsOf(client, asOf, t.similarity, commitments);
  return analysisFrom(client, asOf, t, s, commitments, chains, (path, key) => index.sessionKeyLine(path, key));
}
