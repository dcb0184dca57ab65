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
import { findChains, linkedBy, type Chain } from '../analytics/chains';
import { analysisFrom, commitmentsUpTo, sessionsAsOf, type ClientAnalysis, type SessionsAt } from '../analytics/client-analysis';
import type { RiskThresholds } from '../analytics/thresholds';
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
    out.push({ links, sessions: new Set(links.map((l) => l.session)).size, by: linkedBy(links), live: last.status !== 'done' && last.status !== 'let-go' });
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

/** The session side of `analyseClient` as of a date, from a timeline. */
export function sessionsAt(tl: ClientTimeline, asOf: IsoDate): SessionsAt {
  return sessionsAsOf(tl.sessions, asOf);
}

/** `analyseClient(index, client, asOf, t)` from a timeline gathered once. */
export function analysisAt(tl: ClientTimeline, asOf: IsoDate, t: RiskThresholds): ClientAnalysis {
  const at = sessionsAt(tl, asOf);
  const commitments = commitmentsUpTo(tl.commitments, tl.sessions.length, at);
  return analysisFrom(tl.client, asOf, t, at, commitments, chainsAt(tl, asOf, at.upTo), tl.sessionLine);
}
