/**
 * One client as of one date: the per-client half of the practice figures (docs/practice-figures.md).
 * `gather` reads each client's notes once; `clientPoint` works out a client's figures at a date
 * from those records, for the headline and for every trend point.
 */
import { notedCoach, type ClientAnalysis } from '../analytics/client-analysis';
import { coachOwnName } from '../layout/layout';
import { isReleased } from '../analytics/released';
import { commitmentEvidence, computeSignals, raisedSignals, riskScore, type Signal } from '../analytics/signals';
import { forgetGoneClients } from '../index/keys';
import type { VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate, Session } from '../types';
import { plural } from '../words';
import { clientTimeline, type ClientTimeline } from './client-timeline';
import { coachKey, compactClient, dayNumber, OWNER_CLIENT, OWNER_COACH, signalAnalysisAt, type CompactClient } from './compact';
import type { Escalation, ResolvedPracticeOptions } from './figure-types';
import { countMilestone, emptyMilestoneCounts, milestoneState, type MilestoneCounts } from './milestones';
import { clientOutcomes, NO_EXTRAS, readClientExtras, type ClientExtras, type ClientFrontmatter, type ClientOutcomes } from './outcomes';

// ---- per-client data, gathered once ------------------------------------------------------------

export interface ClientData {
  client: Client;
  /** The coach's group key (compact.ts `coachKey`). */
  key: string;
  timeline: ClientTimeline;
  compact: CompactClient;
  /** Day number of the first session, or null. */
  first: number | null;
  extras: ClientExtras;
  /** The client's last session on or before the as-of date, or null. */
  latest: Session | null;
  /** The coaches its sessions name (`coach:` on a session), each once. */
  sessionCoaches: readonly string[];
  /**
   * Its points, by the position of their date among the trend dates (which the as-of date and the
   * options, part of the cache key, fix), kept with the data while it is kept; for the coach name
   * they were worked out under (a new name starts them again).
   */
  points: (ClientPoint | undefined)[];
  pointsCoach: string | null;
}

/**
 * Each client's gathered data and its points (by date and coach name), kept between calls: a
 * client whose notes have not changed since keeps them, so a live practice view redoes only the
 * clients a change touched. Keyed on the client version, the date and the options.
 */
/** Per client (by name): what `gather` worked out at a client version (its points kept in it). */
export type PracticeCache = Map<string, { options: string; key: string; data: ClientData }>;

export function gather(index: VaultIndex, asOf: IsoDate, o: ResolvedPracticeOptions, frontmatter: ClientFrontmatter | undefined, cache?: PracticeCache): ClientData[] {
  const clients = index.clients();
  if (cache) forgetGoneClients(cache, clients);
  const one = gatherer(index, asOf, o, frontmatter, cache);
  const out: ClientData[] = [];
  for (const client of clients) out.push(one(client));
  return out;
}

/** The options' part of a client's cache key: the date, the options and the coach's own name. */
export function practiceKey(index: VaultIndex, asOf: IsoDate, o: ResolvedPracticeOptions): string {
  return `${asOf}|${JSON.stringify(o)}|${coachOwnName(index.settings.layout) ?? ''}`;
}

/** `gather` for one client at a time (through `cache`, when given): for the work done ahead, client by client. */
export function gatherer(index: VaultIndex, asOf: IsoDate, o: ResolvedPracticeOptions, frontmatter: ClientFrontmatter | undefined, cache?: PracticeCache): (client: Client) => ClientData {
  const own = coachOwnName(index.settings.layout);
  const optionsKey = cache ? practiceKey(index, asOf, o) : '';
  // The due dates any trend point's windows reach: per-item facts outside them are never read.
  const last = dayNumber(asOf);
  const first = last - 7 * (o.weeks - 1);
  const ranges = {
    cohortFrom: first - o.windowDays - o.catchDays,
    cohortTo: last - o.catchDays,
    windowFrom: first - o.windowDays,
    last,
    catchDays: o.catchDays,
    carriedSessions: o.thresholds.carriedSessions,
  };
  return (client) => {
    // The options' part apart from the client's, so a look-up builds no long key per client.
    const key = cache ? `${client.path ?? ''}|${index.clientVersion(client)}` : '';
    const kept = cache?.get(client.name);
    if (kept?.key === key && kept.options === optionsKey) return kept.data;
    const timeline = clientTimeline(index, client, asOf, o.thresholds.similarity);
    const sessions = timeline.sessions;
    let latest: Session | null = null;
    for (const s of sessions) if (s.date <= asOf) latest = s;
    const group = coachKey(notedCoach(client, latest) ?? own);
    let extras: ClientExtras = NO_EXTRAS;
    if (frontmatter && client.path) {
      try {
        extras = readClientExtras(frontmatter(client.path), index.settings);
      } catch {
        extras = NO_EXTRAS;
      }
    }
    const data: ClientData = {
      client,
      key: group,
      timeline,
      compact: compactClient(timeline, group, ranges),
      first: sessions.length ? dayNumber(sessions[0].date) : null,
      extras,
      latest,
      sessionCoaches: [...new Set(sessions.flatMap((s) => (s.coach ? [s.coach] : [])))],
      points: [],
      pointsCoach: null,
    };
    cache?.set(client.name, { options: optionsKey, key, data });
    return data;
  };
}

/**
 * `clientPoint` at the trend date in position `at`, kept with the client's data when `kept` says
 * the data is kept between calls (gather filled it from that cache).
 */
export function keptClientPoint(kept: boolean, data: ClientData, at: number, ctx: DateCtx, coachName: string, o: ResolvedPracticeOptions): ClientPoint {
  if (!kept) return clientPoint(data, ctx, coachName, o);
  if (data.pointsCoach !== coachName) {
    data.pointsCoach = coachName;
    data.points = [];
  }
  return (data.points[at] ??= clientPoint(data, ctx, coachName, o));
}

// ---- one client as of one date -----------------------------------------------------------------

export interface Counts {
  done: number;
  partial: number;
  total: number;
}

/** One as-of date, with the window bounds every client needs, worked out once. */
export interface DateCtx {
  date: IsoDate;
  day: number;
  headline: boolean;
  /** First day of the window (inclusive); the window ends the day before `day`. */
  from: IsoDate;
  fromDay: number;
  /** The follow-up cohort's due dates: [catchFrom, catchTo). */
  catchFrom: number;
  catchTo: number;
  soonUntil: IsoDate;
}

export interface ClientPoint {
  counted: boolean;
  held: number;
  planned: number;
  completion: Counts;
  caught: number;
  wentOverdue: number;
  lags: number[];
  unanswered: number;
  /** Coach-owned items by credited coach key: [onTime, total]. */
  coachOwned: Map<string, [number, number]>;
  escalationCount: number;
  /** The escalations with their evidence (the headline date only). */
  escalations: Escalation[];
  /** The headline date only: the signals' view of the client (see compact.ts signalAnalysisAt). */
  analysis: ClientAnalysis | null;
  /** The headline date only; trend points carry the score. */
  signals: Signal[];
  risk: number;
  atRisk: boolean;
  milestones: MilestoneCounts;
  outcomes: ClientOutcomes;
  outcomeCommitments: Counts;
}

/**
 * Sessions the cadence calls for in the `windowDays` before `d` (docs/practice-figures.md). Days
 * are day numbers: `first` the first session's, `from` the window's first day.
 */
export function plannedSessions(first: number | null, cadence: number, from: number, d: number, windowDays: number): number {
  if (first === null || first >= d) return 0;
  if (first <= from) return windowDays / cadence;
  return Math.floor((d - 1 - first) / cadence) + 1;
}

/** Shared empties (never written to): most clients at most dates have no lags and no coach items. */
const NO_LAGS: number[] = [];
const NO_COACH_ITEMS = new Map<string, [number, number]>();

function emptyPoint(data: ClientData, ctx: DateCtx, o: ResolvedPracticeOptions): ClientPoint {
  const none = { done: 0, partial: 0, total: 0 };
  return {
    counted: false,
    held: 0,
    planned: 0,
    completion: none,
    caught: 0,
    wentOverdue: 0,
    lags: NO_LAGS,
    unanswered: 0,
    coachOwned: NO_COACH_ITEMS,
    escalationCount: 0,
    escalations: [],
    analysis: null,
    signals: [],
    risk: 0,
    atRisk: false,
    milestones: emptyMilestoneCounts(),
    outcomes: clientOutcomes(data.extras, ctx.date, o.windowDays, ctx.from),
    outcomeCommitments: none,
  };
}

export function clientPoint(data: ClientData, ctx: DateCtx, coachName: string, o: ResolvedPracticeOptions): ClientPoint {
  const { client, compact } = data;
  const d = ctx.day;
  const counted = !isReleased(client, ctx.date) && (data.first === null || data.first <= d);
  if (!counted && !ctx.headline) return emptyPoint(data, ctx, o);

  let held = 0;
  for (const s of compact.sessions) if (s.held && s.day >= ctx.fromDay && s.day < d) held++;
  const planned = counted ? plannedSessions(data.first, client.cadence, ctx.fromDay, d, o.windowDays) : 0;

  const comp: Counts = { done: 0, partial: 0, total: 0 };
  const outcome: Counts = { done: 0, partial: 0, total: 0 };
  let caught = 0;
  let went = 0;
  let unanswered = 0;
  let lags: number[] = NO_LAGS;
  let coachOwned: Map<string, [number, number]> = NO_COACH_ITEMS;
  const overdueLong: Commitment[] = [];
  let anyOverdueLong = false;
  for (const it of compact.items) {
    if (it.sessionDay > d) continue;
    const inWindow = it.due >= ctx.fromDay && it.due < d;
    if (inWindow && it.owner === OWNER_CLIENT) {
      // Everything due in the window has come due (due < d), so every item counts.
      comp.total++;
      if (it.done) comp.done++;
      else if (it.partial) comp.partial++;
      if (it.outcome) {
        outcome.total++;
        if (it.done) outcome.done++;
        else if (it.partial) outcome.partial++;
      }
    } else if (inWindow && it.owner === OWNER_COACH) {
      if (coachOwned === NO_COACH_ITEMS) coachOwned = new Map();
      let slot = coachOwned.get(it.credit);
      if (!slot) coachOwned.set(it.credit, (slot = [0, 0]));
      slot[1]++;
      if (it.onTime) slot[0]++;
    }
    if (it.owner !== OWNER_COACH && it.wentOverdue && it.due >= ctx.catchFrom && it.due < ctx.catchTo) {
      went++;
      if (it.caught) caught++;
      if (it.firstFollowUp < d) {
        if (lags === NO_LAGS) lags = [];
        lags.push(it.firstFollowUp - it.due);
      }
      else unanswered++;
    }
    if (it.live && d - it.due > o.escalationDays) {
      anyOverdueLong = true;
      if (ctx.headline) overdueLong.push(it.commitment);
    }
  }

  let analysis: ClientAnalysis | null = null;
  let signals: Signal[] = [];
  let risk: number;
  let stalled: boolean;
  let declining: boolean;
  if (ctx.headline) {
    analysis = signalAnalysisAt(data.timeline, compact, ctx.date, o.thresholds);
    signals = computeSignals(analysis, o.thresholds);
    risk = riskScore(signals);
    stalled = signals.some((s) => s.name === 'stalled');
    declining = signals.some((s) => s.name === 'declining');
  } else {
    const raised = raisedSignals(signalAnalysisAt(data.timeline, compact, ctx.date, o.thresholds), o.thresholds);
    risk = riskScore(raised);
    stalled = raised.includes('stalled');
    declining = raised.includes('declining');
  }

  const escalations: Escalation[] = [];
  let escalationCount = 0;
  if (counted) {
    escalationCount = (anyOverdueLong ? 1 : 0) + (stalled ? 1 : 0) + (declining ? 1 : 0);
    if (ctx.headline) {
      const base = { client: client.name, clientPath: client.path, coach: coachName };
      if (overdueLong.length > 0) {
        overdueLong.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
        escalations.push({
          ...base,
          kind: 'overdue',
          message: `${plural(overdueLong.length, 'commitment')} overdue by more than ${o.escalationDays} days (the oldest due ${overdueLong[0].due}).`,
          evidence: overdueLong.map(commitmentEvidence),
        });
      }
      for (const s of signals) {
        if (s.name === 'stalled' || s.name === 'declining') escalations.push({ ...base, kind: s.name, message: s.message, evidence: s.evidence });
      }
    }
  }

  const milestones = emptyMilestoneCounts();
  for (const m of client.milestones) {
    const on = m.done ? data.extras.milestoneDone.get(m.name.toLowerCase()) ?? null : null;
    countMilestone(milestones, milestoneState(m, on, ctx.date, o.dueSoonDays, ctx.soonUntil));
  }

  return {
    counted,
    held,
    planned,
    completion: comp,
    caught,
    wentOverdue: went,
    lags,
    unanswered,
    coachOwned,
    escalationCount,
    escalations,
    analysis,
    signals,
    risk,
    atRisk: counted && risk > 0 && risk >= o.atRiskScore,
    milestones,
    outcomes: clientOutcomes(data.extras, ctx.date, o.windowDays, ctx.from),
    outcomeCommitments: outcome,
  };
}
