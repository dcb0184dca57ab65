/**
 * A client's sessions and commitments as small flat records with dates as day numbers, built once
 * per client, so eight trend points over hundreds of clients stay cheap: the per-date loops touch
 * these records only, never the index's commitment objects (which are large and scattered through
 * the heap, so walking them eight times costs more than everything else together).
 *
 * `compactClient` builds the records; `signalAnalysisAt` gives, for any trend date, the slice of a
 * `ClientAnalysis` the risk signals read, so every point evaluates the one set of signal rules
 * (analytics/signals.ts) rather than a copy of them.
 */
import type { ClientAnalysis } from '../analytics/client-analysis';
import { completionOf, isLive, type Completion } from '../analytics/completion';
import { isReleased } from '../analytics/released';
import type { RiskThresholds } from '../analytics/thresholds';
import type { Client, Commitment, IsoDate } from '../types';
import { chainsAt, sessionsAt, type ClientTimeline } from './client-timeline';
import { doneOnTime, firstFollowUp, wentOverdue } from './commitment-facts';

const DAY_MS = 86_400_000;
const dayCache = new Map<string, number>();

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (cached: a vault has a few thousand distinct dates). */
export function dayNumber(date: IsoDate): number {
  let n = dayCache.get(date);
  if (n === undefined) {
    n = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(date, n);
  }
  return n;
}

export const OWNER_CLIENT = 0;
export const OWNER_COACH = 1;
const OWNER_OTHER = 2;

/** How coach names group: case-insensitively, trimmed; '' is no coach. */
export const coachKey = (name: string | null): string => (name ?? '').trim().toLowerCase();

export interface CompactSession {
  day: number;
  held: boolean;
}

export interface CompactItem {
  commitment: Commitment;
  /** Index of its session in the client's session list (-1 when not found). */
  session: number;
  sessionDay: number;
  due: number;
  owner: number;
  /** Open, partial or stuck: still expected (and overdue once past due). */
  live: boolean;
  open: boolean;
  done: boolean;
  partial: boolean;
  /** An outcome-kind commitment. */
  outcome: boolean;
  /** Not owned by the coach, due in the follow-up cohort, and went overdue (commitment-facts.ts). */
  wentOverdue: boolean;
  /** One of those with a check-in within `catchDays` of its due date. */
  caught: boolean;
  /** Day of the first check-in on or after the due date, or Infinity. */
  firstFollowUp: number;
  /** Coach-owned, due in a window, and done on time. */
  onTime: boolean;
  /** Coach group key a coach-owned item is credited to ('' for other owners). */
  credit: string;
}

export interface CompactClient {
  client: Client;
  sessions: CompactSession[];
  items: CompactItem[];
  /**
   * The timeline with only the chains that can raise carried-over at some date (all of them when
   * `carriedSessions` ≤ 1, else those of two links or more), for `signalAnalysisAt`: the signal
   * rules read chains for that one test, and cutting back a client's many one-link chains at
   * every trend point would cost more than the rest of the point.
   */
  carryable: ClientTimeline;
}

/**
 * The due-day ranges whose per-item facts some trend point reads (outside them those facts are
 * never read, so they are not worked out): the follow-up cohort [cohortFrom, cohortTo) and the
 * coach-owned on-time window [windowFrom, last).
 */
export interface CompactRanges {
  cohortFrom: number;
  cohortTo: number;
  windowFrom: number;
  last: number;
  /** Days after the due date a check-in still catches an overdue item. */
  catchDays: number;
  /** The carried-over threshold (which chains `carryable` keeps). */
  carriedSessions: number;
}

/** A client's compact records; `coach` is the key of the client's coach (credit for coach-owned items). */
export function compactClient(timeline: ClientTimeline, coach: string, r: CompactRanges): CompactClient {
  const sessions = timeline.sessions;
  const compactS: CompactSession[] = sessions.map((s) => ({ day: dayNumber(s.date), held: s.status === 'held' }));
  let sessionIndex: Map<string, number> | null = null;
  const indexOf = (path: string): number => {
    sessionIndex ??= new Map(sessions.map((s, i) => [s.path, i]));
    return sessionIndex.get(path) ?? -1;
  };
  // Commitments come in session order, so their sessions are found by walking both lists.
  let j = 0;
  const items = timeline.commitments.map((c): CompactItem => {
    while (j < sessions.length && sessions[j].path !== c.session) j++;
    const si = j < sessions.length ? j : indexOf(c.session);
    if (j >= sessions.length) j = 0;
    const due = dayNumber(c.due);
    const owner = c.owner === 'client' ? OWNER_CLIENT : c.owner === 'coach' ? OWNER_COACH : OWNER_OTHER;
    let went = false;
    let fu: IsoDate | null = null;
    if (owner !== OWNER_COACH && due >= r.cohortFrom && due < r.cohortTo) {
      went = wentOverdue(c);
      if (went) fu = firstFollowUp(c);
    }
    const sc = owner === OWNER_COACH && si >= 0 ? sessions[si].coach : null;
    return {
      commitment: c,
      session: si,
      sessionDay: si >= 0 ? compactS[si].day : dayNumber(c.sessionDate),
      due,
      owner,
      live: isLive(c),
      open: c.status === 'open',
      done: c.status === 'done',
      partial: c.status === 'partial',
      outcome: c.kind === 'outcome',
      wentOverdue: went,
      caught: went && fu !== null && dayNumber(fu) - due <= r.catchDays,
      firstFollowUp: fu === null ? Infinity : dayNumber(fu),
      onTime: owner === OWNER_COACH && due >= r.windowFrom && due < r.last && doneOnTime(c),
      credit: owner !== OWNER_COACH ? '' : sc === null ? coach : coachKey(sc),
    };
  });
  const chains = r.carriedSessions <= 1 ? timeline.chains : timeline.chains.filter((ch) => ch.links.length >= 2);
  return { client: timeline.client, sessions: compactS, items, carryable: { ...timeline, chains, position: null } };
}

/**
 * The `ClientAnalysis` that the signal rules read, as of a date, from the compact records. Its
 * commitment lists hold only what the signals look at (items still open, partial or stuck, and
 * client items from the recent held sessions, in the notes' order; chains only those `carryable`
 * keeps); its completions count every
 * commitment, as `analyseClient`'s do. So `computeSignals` over it gives exactly what it gives over
 * `analyseClient` (tests/practice/equivalence.test.ts checks this), while touching only the few
 * commitments the signals are about. It is not a full analysis: use `analysisAt` for anything else.
 */
export function signalAnalysisAt(tl: ClientTimeline, cc: CompactClient, asOf: IsoDate, t: RiskThresholds): ClientAnalysis {
  const client = tl.client;
  const base = sessionsAt(tl, asOf);
  const d = dayNumber(asOf);
  const sessions = cc.sessions;
  const k = base.sessions.length;
  let heldCount = 0;
  for (let i = 0; i < k; i++) if (sessions[i].held) heldCount++;
  const recentN = t.recentSessions === 0 ? heldCount : Math.min(heldCount, t.recentSessions);
  let recentFrom = k;
  for (let i = k - 1, seen = 0; i >= 0 && seen < recentN; i--) {
    if (!sessions[i].held) continue;
    recentFrom = i;
    seen++;
  }

  const commitments: Commitment[] = [];
  const clientOwned: Commitment[] = [];
  const coachOwned: Commitment[] = [];
  const all = new Tally();
  const recent = new Tally();
  const coach = new Tally();
  for (const it of cc.items) {
    if (it.sessionDay > d) continue;
    const comeDue = !it.open || it.due < d;
    const inRecent = it.owner === OWNER_CLIENT && it.session >= recentFrom && it.session < k && sessions[it.session].held;
    if (comeDue) {
      if (it.owner === OWNER_CLIENT) {
        all.add(it);
        if (inRecent) recent.add(it);
      } else if (it.owner === OWNER_COACH) coach.add(it);
    }
    if (it.live || inRecent) {
      commitments.push(it.commitment);
      if (it.owner === OWNER_CLIENT) clientOwned.push(it.commitment);
      else if (it.owner === OWNER_COACH) coachOwned.push(it.commitment);
    }
  }
  return {
    client,
    asOf,
    sessions: base.sessions,
    held: base.held,
    lastHeld: base.lastHeld,
    latest: base.latest,
    daysSinceLastHeld: base.lastHeld ? d - dayNumber(base.lastHeld.date) : null,
    nextSession: base.nextSession,
    commitments,
    clientOwned,
    coachOwned,
    chains: chainsAt(cc.carryable, asOf, base.upTo),
    completionAll: all.completion(),
    completionRecent: recent.completion(),
    coachCompletion: coach.completion(),
    released: isReleased(client, asOf),
    sessionLine: tl.sessionLine,
  };
}

/** analytics/completion's counting (done + ½ partial over those come due) on compact items. */
class Tally {
  done = 0;
  partial = 0;
  total = 0;

  add(it: CompactItem): void {
    this.total++;
    if (it.done) this.done++;
    else if (it.partial) this.partial++;
  }

  completion(): Completion {
    return completionOf(this.done, this.partial, this.total);
  }
}
