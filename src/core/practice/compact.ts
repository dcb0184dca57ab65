/**
 * A client's sessions and commitments as small flat records with dates as day numbers, built once
 * per client, so eight trend points over hundreds of clients stay cheap: the per-date loops touch
 * these records only, never the index's commitment objects (which are large and scattered through
 * the heap, so walking them eight times costs more than everything else together).
 *
 * `signalsAt` answers, for a trend point, the three things the figures need from the risk
 * signals: the risk score, and whether `stalled` and `declining` are raised. It applies the rules
 * of analytics/signals.ts `computeSignals` to these records; tests/practice check that it gives
 * the same names and score as `computeSignals(analyseClient(…))` at every trend date of the
 * fixtures, the demo vault and a generated practice. The headline date uses `computeSignals`
 * itself, for the evidence.
 */
import type { Chain } from '../analytics/chains';
import type { ClientAnalysis } from '../analytics/client-analysis';
import type { Completion } from '../analytics/completion';
import { SIGNAL_WEIGHT, type SignalName } from '../analytics/signals';
import type { RiskThresholds } from '../analytics/thresholds';
import type { Client, Commitment, IsoDate, Session } from '../types';
import { chainsAt, sessionsAt, type ClientTimeline } from './client-timeline';

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
export const OWNER_OTHER = 2;

export class CompactSession {
  constructor(
    readonly day: number,
    readonly held: boolean,
    /** Cancelled or no-show. */
    readonly missed: boolean,
    readonly hasNext: boolean,
  ) {}
}

export class CompactItem {
  constructor(
    readonly commitment: Commitment,
    /** Index of its session in the client's session list. */
    readonly session: number,
    readonly sessionDay: number,
    readonly due: number,
    readonly owner: number,
    /** Open, partial or stuck: still expected (and overdue once past due). */
    readonly live: boolean,
    readonly open: boolean,
    readonly done: boolean,
    readonly partial: boolean,
    readonly outcome: boolean,
    /** Confidence under the threshold with no coping plan (the low-confidence signal's test). */
    readonly lowConfidence: boolean,
    /** A check-in dated from the due date to `followUpDays` after it (the coach-follow-up test). */
    readonly followedUp: boolean,
    readonly wentOverdue: boolean,
    readonly caught: boolean,
    /** Day of the first check-in on or after the due date, or Infinity. */
    readonly firstFollowUp: number,
    readonly onTime: boolean,
    /** Coach group key a coach-owned item is credited to. */
    readonly credit: string,
  ) {}
}

/** A chain of two or more links, as day numbers, for the carried-over test at earlier dates. */
export class CompactChain {
  constructor(
    readonly sessionDays: number[],
    readonly sessionIndex: number[],
    /** Per link: not done and not let go. */
    readonly live: boolean[],
  ) {}
}

export interface CompactClient {
  client: Client;
  sessions: CompactSession[];
  items: CompactItem[];
  /** Chains that can raise carried-over at some date (see `compactChains`). */
  chains: CompactChain[];
}

export function ownerCode(owner: string): number {
  return owner === 'client' ? OWNER_CLIENT : owner === 'coach' ? OWNER_COACH : OWNER_OTHER;
}

export function compactSessions(sessions: readonly Session[]): CompactSession[] {
  return sessions.map((s) => new CompactSession(dayNumber(s.date), s.status === 'held', s.status !== 'held', s.next !== null));
}

/** The chains worth following back in time: with carriedSessions ≤ 1 every chain, else those of 2+ links. */
export function compactChains(chains: readonly Chain[], sessionIndex: (path: string) => number, carriedSessions: number): CompactChain[] {
  const out: CompactChain[] = [];
  for (const ch of chains) {
    if (ch.links.length < 2 && carriedSessions > 1) continue;
    out.push(
      new CompactChain(
        ch.links.map((l) => dayNumber(l.sessionDate)),
        ch.links.map((l) => sessionIndex(l.session)),
        ch.links.map((l) => l.status !== 'done' && l.status !== 'let-go'),
      ),
    );
  }
  return out;
}

export interface SignalsAt {
  risk: number;
  stalled: boolean;
  declining: boolean;
  count: number;
}

/** Number of sessions dated on or before `d` (sessions are oldest first). */
export function sessionsUpTo(sessions: readonly CompactSession[], d: number): number {
  let k = sessions.length;
  while (k > 0 && sessions[k - 1].day > d) k--;
  return k;
}

/** The risk signals' score and the two that escalate, as of day `d` (see the module comment). */
export function signalsAt(cc: CompactClient, d: number, t: RiskThresholds): SignalsAt {
  const none: SignalsAt = { risk: 0, stalled: false, declining: false, count: 0 };
  const client = cc.client;
  if (client.status !== 'active' || (client.pausedUntil !== null && d <= dayNumber(client.pausedUntil))) return none;
  const raised = new Set<SignalName>();
  const sessions = cc.sessions;
  const k = sessionsUpTo(sessions, d);

  // Held sessions up to d, and the first of the recent ones (held.slice(-recentSessions)).
  let lastHeld = -1;
  let heldCount = 0;
  for (let i = 0; i < k; i++) {
    if (!sessions[i].held) continue;
    lastHeld = i;
    heldCount++;
  }
  const recentN = t.recentSessions === 0 ? heldCount : Math.min(heldCount, t.recentSessions);
  let recentFrom = k;
  for (let i = k - 1, seen = 0; i >= 0 && seen < recentN; i--) {
    if (!sessions[i].held) continue;
    recentFrom = i;
    seen++;
  }

  if (lastHeld >= 0 && d - sessions[lastHeld].day > t.stalledCadences * client.cadence) raised.add('stalled');

  if (client.status === 'active' && k > 0 && !sessions[k - 1].hasNext) {
    let future = false;
    for (let i = k; i < sessions.length && !future; i++) if (sessions[i].held) future = true;
    if (!future) raised.add('no-next-session');
  }

  let allScore = 0;
  let allTotal = 0;
  let recentScore = 0;
  let recentTotal = 0;
  for (const it of cc.items) {
    if (it.sessionDay > d) continue;
    const overdue = it.live && it.due < d;
    if (it.owner === OWNER_CLIENT) {
      if (overdue) raised.add('overdue');
      if (!it.open || it.due < d) {
        const score = it.done ? 1 : it.partial ? 0.5 : 0;
        allTotal++;
        allScore += score;
        if (it.session >= recentFrom && it.session < k && sessions[it.session].held) {
          recentTotal++;
          recentScore += score;
        }
      }
    }
    if (it.owner !== OWNER_COACH && it.live && it.lowConfidence) raised.add('low-confidence');
    if (overdue && it.due + t.followUpDays < d && !it.followedUp) raised.add('coach-follow-up');
  }
  if (recentTotal > 0 && allTotal > 0) {
    const recent = recentScore / recentTotal;
    const all = allScore / allTotal;
    if (recent < t.decliningRate && all > recent) raised.add('declining');
  }

  for (const ch of cc.chains) {
    // The chain's links from sessions up to d (links run oldest first), as chainsAt cuts them.
    let last = -1;
    let distinct = 0;
    let prevSession = -2;
    for (let i = 0; i < ch.sessionDays.length; i++) {
      if (ch.sessionDays[i] > d) continue;
      last = i;
      if (ch.sessionIndex[i] !== prevSession) distinct++;
      prevSession = ch.sessionIndex[i];
    }
    if (last < 0 || !ch.live[last]) continue;
    if (distinct >= t.carriedSessions) {
      raised.add('carried-over');
      break;
    }
  }

  const windowFrom = t.missedWindow === 0 ? 0 : Math.max(0, k - t.missedWindow);
  let missed = 0;
  for (let i = windowFrom; i < k; i++) if (sessions[i].missed) missed++;
  if (missed >= t.missedSessions) raised.add('missed-sessions');

  let risk = 0;
  for (const name of raised) risk += SIGNAL_WEIGHT[name];
  return { risk, stalled: raised.has('stalled'), declining: raised.has('declining'), count: raised.size };
}

/**
 * The `ClientAnalysis` that `computeSignals` reads, as of a date, from the compact records. Its
 * commitment lists hold only what the signals look at (items still open, partial or stuck, and
 * client items from the recent held sessions, in the notes' order); its completions count every
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
    chains: chainsAt(tl, asOf, base.upTo),
    completionAll: all.completion(),
    completionRecent: recent.completion(),
    coachCompletion: coach.completion(),
    released: client.status !== 'active' || (client.pausedUntil !== null && asOf <= client.pausedUntil),
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
    const score = this.done + this.partial / 2;
    return { score, done: this.done, partial: this.partial, total: this.total, rate: this.total === 0 ? null : score / this.total };
  }
}
