/**
 * One client's notes gathered once, so the practice figures can ask "as of D" for many dates
 * without going back to the index each time.
 *
 * `analysisAt(timeline, D)` builds the same `ClientAnalysis` that `analyseClient(index, client, D)`
 * builds (tests/practice check this field by field on the demo vault and fixtures), from lists
 * fetched once: it filters sessions and commitments by date instead of asking the index again.
 * Chains are the expensive part (text similarity), so they are found once, over the sessions up
 * to the latest date asked for, and each earlier date takes every chain's links from sessions up
 * to that date. That is what `findChains` over the shorter list gives, except in one rare case:
 * a `[from:: id]` link that skips over a whole session with commitments, from a session after the
 * earlier date, can stop a text match there that `findChains` over the shorter list would make.
 */
import { findChains, type Chain } from '../analytics/chains';
import type { ClientAnalysis } from '../analytics/client-analysis';
import { completion, isClientOwned, isCoachOwned } from '../analytics/completion';
import type { RiskThresholds } from '../analytics/thresholds';
import { daysBetween } from '../dates';
import type { VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate, Session } from '../types';

export interface ClientTimeline {
  client: Client;
  /** Every session, oldest first (by date, then path), as `VaultIndex.sessionsOf` gives them. */
  sessions: Session[];
  /** Every commitment, by session date then line, as `VaultIndex.commitmentsOf` gives them. */
  commitments: Commitment[];
  /** Frontmatter key lines of each session under the spec's key names. */
  sessionLine: (path: string, key: string) => number;
  /** Chains over the commitments of sessions up to `chainsAsOf`. */
  chains: Chain[];
  chainsAsOf: IsoDate;
  /** Position of each commitment in `commitments`, to keep derived chains in findChains' order (built when first needed). */
  position: Map<Commitment, number> | null;
}

/** Gathers a client's sessions, commitments and chains (found as of `latest`, the latest date to be asked). */
export function clientTimeline(index: VaultIndex, client: Client, latest: IsoDate, similarity: number): ClientTimeline {
  const sessions = index.sessionsOf(client);
  const commitments = index.commitmentsOf(client);
  // Sessions are oldest first, and a commitment's session date is its session's date.
  const allKnown = sessions.length === 0 || sessions[sessions.length - 1].date <= latest;
  const inRange = allKnown ? commitments : commitments.filter((c) => c.sessionDate <= latest);
  return {
    client,
    sessions,
    commitments,
    sessionLine: (path: string, key: string) => index.sessionKeyLine(path, key),
    chains: findChains(inRange, similarity),
    chainsAsOf: latest,
    position: null,
  };
}

/** The chains as of an earlier date: each chain's links from sessions up to that date. */
export function chainsAt(t: ClientTimeline, asOf: IsoDate, upTo: ReadonlySet<string>): Chain[] {
  if (asOf >= t.chainsAsOf) return t.chains;
  const out: Chain[] = [];
  let reordered = false;
  for (const ch of t.chains) {
    if (ch.links.length === 1) {
      if (upTo.has(ch.links[0].session)) out.push(ch);
      continue;
    }
    const links = ch.links.filter((l) => upTo.has(l.session));
    if (links.length === 0) continue;
    if (links.length === ch.links.length) {
      out.push(ch);
      continue;
    }
    const last = links[links.length - 1];
    reordered = true;
    out.push({ links, sessions: new Set(links.map((l) => l.session)).size, by: ch.by, live: last.status !== 'done' && last.status !== 'let-go' });
  }
  // findChains lists a chain where its last link is; a shortened chain ends earlier.
  if (reordered) {
    t.position ??= new Map(t.commitments.map((c, i) => [c, i]));
    const pos = t.position;
    const at = (ch: Chain) => pos.get(ch.links[ch.links.length - 1]) ?? 0;
    out.sort((a, b) => at(a) - at(b));
  }
  return out;
}

/** The session side of `analyseClient` as of a date. */
export interface SessionsAt {
  sessions: Session[];
  held: Session[];
  lastHeld: Session | null;
  latest: Session | null;
  nextSession: IsoDate | null;
  /** Paths of the sessions up to the date. */
  upTo: Set<string>;
}

export function sessionsAt(tl: ClientTimeline, asOf: IsoDate): SessionsAt {
  const sessions: Session[] = [];
  const future: Session[] = [];
  const upTo = new Set<string>();
  for (const s of tl.sessions) {
    if (s.date <= asOf) {
      sessions.push(s);
      upTo.add(s.path);
    } else if (s.status === 'held') future.push(s);
  }
  const held = sessions.filter((s) => s.status === 'held');
  const lastHeld = held.length > 0 ? held[held.length - 1] : null;
  const latest = sessions.length > 0 ? sessions[sessions.length - 1] : null;
  const booked = [latest?.next ?? null, future[0]?.date ?? null].filter((d): d is string => d !== null && d >= asOf).sort();
  return { sessions, held, lastHeld, latest, nextSession: booked[0] ?? latest?.next ?? null, upTo };
}

/** `analyseClient(index, client, asOf, t)` from a timeline gathered once. */
export function analysisAt(tl: ClientTimeline, asOf: IsoDate, t: RiskThresholds): ClientAnalysis {
  const client = tl.client;
  const { sessions, held, lastHeld, latest, nextSession, upTo } = sessionsAt(tl, asOf);
  const commitments =
    upTo.size === 0 ? [] : upTo.size === tl.sessions.length ? tl.commitments : tl.commitments.filter((c) => upTo.has(c.session));
  const clientOwned = commitments.filter(isClientOwned);
  const coachOwned = commitments.filter(isCoachOwned);
  const recentPaths = new Set(held.slice(-t.recentSessions).map((s) => s.path));
  const released = client.status !== 'active' || (client.pausedUntil !== null && asOf <= client.pausedUntil);

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
    chains: chainsAt(tl, asOf, upTo),
    completionAll: completion(clientOwned, asOf),
    completionRecent: completion(
      clientOwned.filter((c) => recentPaths.has(c.session)),
      asOf,
    ),
    coachCompletion: completion(coachOwned, asOf),
    released,
    sessionLine: tl.sessionLine,
  };
}
