/**
 * Practice figures: per coach, the numbers a practice with several coaches reads to see where
 * clients are moving, where they are stuck and where a coach could use support, with eight weekly
 * trend points per figure. Pure: the index and the as-of date in, plain data out.
 *
 * ## Who counts, and for whom
 *
 * - **Coach of a client**: the client note's `coach`, else the coach of the client's latest
 *   session dated on or before the as-of date (as the roster does), else **Unassigned**. Coach
 *   names group case-insensitively; the first spelling in client order is shown. Each client
 *   belongs to one coach for every trend point (the notes do not record when a client changed
 *   coach). A session with its own `coach:` (someone covering) still counts toward the client's
 *   coach, except for coach-owned commitments (below).
 * - **Counted clients as of D** (the population every figure reads): client status `active`, not
 *   released by `paused_until` (released while D ≤ paused_until, as the signals read it), and
 *   started: no session at all yet, or a first session dated on or before D. `status` has no date,
 *   so a paused or ended client is left out of every trend point, not only the recent ones.
 * - **A coach with no clients**: named in `options.coaches`, or met only as the coach of a
 *   session with a coach-owned commitment. It gets a column with zero counts and null rates.
 *
 * ## Windows
 *
 * Every window is the `windowDays` (default 28) days *before* D: [D − 28, D − 1]. D itself is
 * left out, the way a commitment due on D is not yet overdue on D, so a session that is today
 * but not yet written does not count against anyone.
 *
 * ## The figures, as of D
 *
 * - **activeClients**: counted clients.
 * - **sessionRhythm** `{held, planned, ratio}`: `held` = sessions with status `held` in the
 *   window; `planned` = the sessions the clients' cadences call for in the window: windowDays ÷
 *   cadence (fractional) for a client whose first session is on or before the window's first day;
 *   for a client who started inside the window, the cadence slots from the first session to D − 1
 *   (⌊(D − 1 − first) ÷ cadence⌋ + 1); 0 for a client with no session yet. ratio = held ÷ planned,
 *   null when nothing was planned. Cancelled and no-show sessions are not held.
 * - **completion**: as in analytics/completion.ts (done + ½ partial, over those come due), over
 *   the client-owned commitments due in the window. Status is the note's current status.
 * - **caughtSameWeek** `{caught, wentOverdue, share}`: over the commitments not owned by the
 *   coach (client and partner) due in [D − windowDays − catchDays, D − catchDays − 1], i.e. the
 *   window moved back by a week so every item has had its full `catchDays` (7) to be caught.
 *   `wentOverdue`: not settled by its due date (no done/let-go date, and no `done` or `skipped`
 *   check-in, on or before the due date), and either still open/partial/stuck now or settled
 *   or checked in after the due date (a settled item with no date at all is given the benefit of
 *   the doubt). `caught`: one of those with a check-in of any status, `nudged` included, dated
 *   from its due date to `catchDays` after it. share = caught ÷ wentOverdue, null when none.
 * - **followUpLag** `{medianDays, count, unanswered}` (also `followUpLagDays`): over the same
 *   items that went overdue, days from the due date to the first check-in on or after it and
 *   before D; `count` items had one, `unanswered` had none by D. Median of the counted lags
 *   (the mean of the middle two for an even count), null when count is 0.
 * - **coachOwnedOnTime** `{onTime, total, share}`: coach-owned commitments due in the window,
 *   credited to the coach of the session they were written in (a covering coach's own promises
 *   are theirs). On time: status done, and its done date (the done date, else the first `done`
 *   check-in) on or before the due date; a done item with no date counts as on time unless a
 *   check-in of another status after the due date shows it was still outstanding.
 * - **escalations**: per client, `overdue` when commitments of any owner are overdue (open,
 *   partial or stuck, due < D) by more than `escalationDays` (default 14) days (D − due > 14);
 *   `stalled` and `declining` when the client's risk signal of that name is raised as of D.
 * - **clientsAtRisk**: counted clients whose risk score (the roster's signal weights) is at
 *   least `atRiskScore` (default 4: one heavy signal such as overdue or stalled plus another),
 *   with their signals.
 * - **milestones**: the counted clients' milestones as done / due soon (within `dueSoonDays`,
 *   default 14) / overdue / upcoming / undated (see milestones.ts).
 * - **outcomes**: the program's promise and outcome entries (see outcomes.ts): clients with a
 *   promise, with a numeric target, with the promise met, with an entry in the window; entries
 *   in the window; and completion of client-owned outcome-kind commitments due in the window.
 *
 * Statuses are the notes' current ones at every date (as `analyseClient` reads them); dates only
 * decide which sessions, commitments, check-ins and entries have happened by D.
 *
 * Trend points are the same figures as of D − 7k for k = weeks − 1 … 0, oldest first; the last
 * point is as of D and equals the headline figures, and each point equals the headline of
 * `practiceFigures` run as of that date (tests/practice/equivalence.test.ts). The signals behind
 * escalations and risk are `computeSignals`' as the roster's `--as-of` would show them.
 *
 * ## Cost
 *
 * Each client's sessions, commitments and chains are fetched once (chains, the text-similarity
 * part, are found once, as of D, and cut back for earlier points); commitments are then read once
 * into small flat records (compact.ts) that every point filters by date. Only the headline runs
 * `computeSignals`, for the evidence; earlier points apply the same rules to the flat records.
 * 20 coaches × 600 clients × a year of biweekly sessions: see bench/practice.ts.
 */
import { addDays } from '../dates';
import type { VaultIndex } from '../index/vault-index';
import type { ClientAnalysis } from '../analytics/client-analysis';
import { isLive, type Completion } from '../analytics/completion';
import { commitmentEvidence, computeSignals, riskScore, type Evidence, type Signal } from '../analytics/signals';
import { resolveThresholds, type RiskThresholds } from '../analytics/thresholds';
import type { Client, Commitment, IsoDate, Session } from '../types';
import { clientTimeline, type ClientTimeline } from './client-timeline';
import {
  compactChains,
  CompactItem,
  compactSessions,
  dayNumber,
  ownerCode,
  OWNER_CLIENT,
  OWNER_COACH,
  signalAnalysisAt,
  signalsAt,
  type CompactClient,
} from './compact';
import {
  addMilestoneCounts,
  countMilestone,
  DEFAULT_DUE_SOON_DAYS,
  emptyMilestoneCounts,
  milestoneProgress,
  milestoneState,
  type MilestoneCounts,
  type MilestoneProgress,
} from './milestones';
import { clientOutcomes, NO_EXTRAS, readClientExtras, type ClientExtras, type ClientFrontmatter, type ClientOutcomes } from './outcomes';

export const UNASSIGNED = 'Unassigned';

export interface PracticeOptions {
  thresholds?: Partial<RiskThresholds>;
  /** Overdue by more than this many days escalates (default 14). */
  escalationDays?: number;
  /** Trend points, one per week, the last as of the as-of date (default 8). */
  weeks?: number;
  /** Length of every window, in days before the as-of date (default 28). */
  windowDays?: number;
  /** Days after the due date a check-in or nudge still catches an overdue item (default 7). */
  catchDays?: number;
  /** Milestones due within this many days are "due soon" (default 14). */
  dueSoonDays?: number;
  /** A counted client with a risk score at least this is at risk (default 4). */
  atRiskScore?: number;
  /** Coaches to show even with no clients. */
  coaches?: readonly string[];
  /** Reads a client note's frontmatter for the promise/outcomes convention (outcomes.ts). */
  clientFrontmatter?: ClientFrontmatter;
}

export interface ResolvedPracticeOptions {
  thresholds: RiskThresholds;
  escalationDays: number;
  weeks: number;
  windowDays: number;
  catchDays: number;
  dueSoonDays: number;
  atRiskScore: number;
}

export const DEFAULT_PRACTICE_OPTIONS = Object.freeze({
  escalationDays: 14,
  weeks: 8,
  windowDays: 28,
  catchDays: 7,
  dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  atRiskScore: 4,
});

export function resolvePracticeOptions(o: PracticeOptions = {}): ResolvedPracticeOptions {
  const pick = (v: number | undefined, d: number, min: number) => (v !== undefined && Number.isFinite(v) && v >= min ? Math.floor(v) : d);
  return {
    thresholds: resolveThresholds(o.thresholds),
    escalationDays: pick(o.escalationDays, DEFAULT_PRACTICE_OPTIONS.escalationDays, 0),
    weeks: pick(o.weeks, DEFAULT_PRACTICE_OPTIONS.weeks, 1),
    windowDays: pick(o.windowDays, DEFAULT_PRACTICE_OPTIONS.windowDays, 1),
    catchDays: pick(o.catchDays, DEFAULT_PRACTICE_OPTIONS.catchDays, 0),
    dueSoonDays: pick(o.dueSoonDays, DEFAULT_PRACTICE_OPTIONS.dueSoonDays, 0),
    atRiskScore: o.atRiskScore !== undefined && Number.isFinite(o.atRiskScore) ? o.atRiskScore : DEFAULT_PRACTICE_OPTIONS.atRiskScore,
  };
}

// ---- result types -------------------------------------------------------------------------------

export interface SessionRhythm {
  held: number;
  planned: number;
  ratio: number | null;
}

export interface CaughtSameWeek {
  caught: number;
  wentOverdue: number;
  share: number | null;
}

export interface FollowUpLag {
  medianDays: number | null;
  /** Items that went overdue and had a check-in on or after the due date, before the as-of date. */
  count: number;
  /** Items that went overdue with no such check-in yet. */
  unanswered: number;
}

export interface OnTime {
  onTime: number;
  total: number;
  share: number | null;
}

export interface OutcomeRollup {
  /** Counted clients. */
  clients: number;
  withPromise: number;
  withTarget: number;
  promiseMet: number;
  /** Clients with an outcome entry dated in the window. */
  withProgress: number;
  /** Outcome entries dated in the window. */
  entries: number;
  /** Client-owned outcome-kind commitments due in the window. */
  commitments: Completion;
}

export type EscalationKind = 'overdue' | 'stalled' | 'declining';

export interface Escalation {
  kind: EscalationKind;
  client: string;
  clientPath: string | null;
  coach: string;
  message: string;
  evidence: Evidence[];
}

export interface AtRiskClient {
  client: string;
  clientPath: string | null;
  coach: string;
  risk: number;
  signals: Signal[];
}

/** One point's figures (a trend point, or the headline without its lists). */
export interface FigurePoint {
  asOf: IsoDate;
  activeClients: number;
  sessionRhythm: SessionRhythm;
  completion: Completion;
  caughtSameWeek: CaughtSameWeek;
  followUpLag: FollowUpLag;
  coachOwnedOnTime: OnTime;
  escalationCount: number;
  atRiskCount: number;
  milestones: MilestoneCounts;
  outcomes: OutcomeRollup;
}

/**
 * A client's own figures as of the as-of date, for the drill-down to a coach's roster. A client
 * who is not counted shows its sessions held but nothing planned, and adds to no total.
 */
export interface ClientFigures {
  client: string;
  path: string | null;
  coach: string;
  status: Client['status'];
  /** False when the client is not counted (paused, ended, released, or not started). */
  counted: boolean;
  cadence: number;
  lastSession: IsoDate | null;
  nextSession: IsoDate | null;
  sessionRhythm: SessionRhythm;
  completion: Completion;
  caughtSameWeek: CaughtSameWeek;
  followUpLag: FollowUpLag;
  /** Coach-owned commitments written in this client's sessions (whoever held them). */
  coachOwnedOnTime: OnTime;
  signals: Signal[];
  risk: number;
  atRisk: boolean;
  escalations: Escalation[];
  milestones: MilestoneProgress;
  outcomes: ClientOutcomes & { commitments: Completion };
}

export interface CoachFigures extends FigurePoint {
  coach: string;
  unassigned: boolean;
  /** `followUpLag.medianDays`. */
  followUpLagDays: number | null;
  escalations: Escalation[];
  clientsAtRisk: AtRiskClient[];
  /** Every client of the coach, counted or not, riskiest first then by name. */
  clients: ClientFigures[];
  /** `weeks` points, oldest first; the last is as of the as-of date. */
  trend: FigurePoint[];
}

export interface PracticeFigures {
  asOf: IsoDate;
  options: ResolvedPracticeOptions;
  /** The window of the headline figures, both ends inclusive. */
  window: { from: IsoDate; to: IsoDate };
  /** The as-of date of each trend point, oldest first. */
  weekEnds: IsoDate[];
  /** Coaches by name, Unassigned last. */
  coaches: CoachFigures[];
  /** The whole practice (every counted client), as one more column. */
  total: CoachFigures;
}

// ---- per-commitment facts -----------------------------------------------------------------------

const coachKey = (name: string | null) => (name ?? '').trim().toLowerCase();

/** The date a commitment was done, from its done date or its first `done` check-in. */
export function doneOn(c: Commitment): IsoDate | null {
  if (c.doneDate) return c.doneDate;
  let first: IsoDate | null = null;
  for (const k of c.checkIns) if (k.status === 'done' && (first === null || k.date < first)) first = k.date;
  return first;
}

/** True when the notes show the commitment settled (done, let go, reported skipped) by a date. */
function settledBy(c: Commitment, date: IsoDate): boolean {
  if (c.doneDate !== null && c.doneDate <= date) return true;
  if (c.letGoDate !== null && c.letGoDate <= date) return true;
  return c.checkIns.some((k) => (k.status === 'done' || k.status === 'skipped') && k.date <= date);
}

/** See the module comment: not settled by its due date, with evidence it was outstanding after. */
export function wentOverdue(c: Commitment): boolean {
  const d = c.due;
  if (settledBy(c, d)) return false;
  if (isLive(c)) return true;
  return (c.doneDate !== null && c.doneDate > d) || (c.letGoDate !== null && c.letGoDate > d) || c.checkIns.some((k) => k.date > d);
}

/** First check-in (any status, `nudged` included) dated on or after the due date. */
export function firstFollowUp(c: Commitment): IsoDate | null {
  let first: IsoDate | null = null;
  for (const k of c.checkIns) if (k.date >= c.due && (first === null || k.date < first)) first = k.date;
  return first;
}

/** A done commitment whose done date is on or before its due date (see the module comment). */
export function doneOnTime(c: Commitment): boolean {
  if (c.status !== 'done') return false;
  const on = doneOn(c);
  if (on !== null) return on <= c.due;
  return !c.checkIns.some((k) => k.date > c.due && k.status !== 'done');
}

// ---- per-client data, gathered once ------------------------------------------------------------

interface ClientData {
  client: Client;
  key: string;
  timeline: ClientTimeline;
  compact: CompactClient;
  /** Day number of the first session, or null. */
  first: number | null;
  pausedUntil: number | null;
  extras: ClientExtras;
}

function gather(index: VaultIndex, asOf: IsoDate, o: ResolvedPracticeOptions, frontmatter: ClientFrontmatter | undefined): ClientData[] {
  const out: ClientData[] = [];
  const t = o.thresholds;
  // The due dates any trend point's windows reach: per-item facts outside them are never read.
  const last = dayNumber(asOf);
  const first = last - 7 * (o.weeks - 1);
  const cohortFrom = first - o.windowDays - o.catchDays;
  const cohortTo = last - o.catchDays;
  const windowFrom = first - o.windowDays;
  for (const client of index.clients()) {
    const timeline = clientTimeline(index, client, asOf, t.similarity);
    const sessions = timeline.sessions;
    let latest: Session | null = null;
    for (const s of sessions) if (s.date <= asOf) latest = s;
    const key = coachKey(client.coach ?? latest?.coach ?? null);
    const compactS = compactSessions(sessions);
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
      const owner = ownerCode(c.owner);
      const live = isLive(c);
      let followedUp = false;
      if (live) {
        for (const k of c.checkIns) {
          const lag = dayNumber(k.date) - due;
          if (lag >= 0 && lag <= t.followUpDays) followedUp = true;
        }
      }
      let went = false;
      let fu: IsoDate | null = null;
      if (owner !== OWNER_COACH && due >= cohortFrom && due < cohortTo) {
        went = wentOverdue(c);
        if (went) fu = firstFollowUp(c);
      }
      const sc = owner === OWNER_COACH && si >= 0 ? sessions[si].coach : null;
      return new CompactItem(
        c,
        si,
        si >= 0 ? compactS[si].day : dayNumber(c.sessionDate),
        due,
        owner,
        live,
        c.status === 'open',
        c.status === 'done',
        c.status === 'partial',
        c.kind === 'outcome',
        live && c.confidence !== null && c.confidence < t.lowConfidence && c.coping === null,
        followedUp,
        went,
        went && fu !== null && dayNumber(fu) - due <= o.catchDays,
        fu === null ? Infinity : dayNumber(fu),
        owner === OWNER_COACH && due >= windowFrom && due < last && doneOnTime(c),
        owner !== OWNER_COACH ? '' : sc === null ? key : coachKey(sc),
      );
    });
    const compact: CompactClient = {
      client,
      sessions: compactS,
      items,
      chains: compactChains(timeline.chains, indexOf, t.carriedSessions),
    };
    let extras: ClientExtras = NO_EXTRAS;
    if (frontmatter && client.path) {
      try {
        extras = readClientExtras(frontmatter(client.path), index.settings);
      } catch {
        extras = NO_EXTRAS;
      }
    }
    out.push({
      client,
      key,
      timeline,
      compact,
      first: sessions.length ? dayNumber(sessions[0].date) : null,
      pausedUntil: client.pausedUntil === null ? null : dayNumber(client.pausedUntil),
      extras,
    });
  }
  return out;
}

// ---- one client as of one date -----------------------------------------------------------------

interface Counts {
  done: number;
  partial: number;
  total: number;
}

/** One as-of date, with the window bounds every client needs, worked out once. */
interface DateCtx {
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

interface ClientPoint {
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

/** A counted client as of a date (see the module comment). */
export function isCounted(client: Client, firstSession: IsoDate | null, d: IsoDate): boolean {
  if (client.status !== 'active') return false;
  if (client.pausedUntil !== null && d <= client.pausedUntil) return false;
  return firstSession === null || firstSession <= d;
}

/**
 * Sessions the cadence calls for in the `windowDays` before `d` (see the module comment). Days
 * are day numbers: `first` the first session's, `from` the window's first day.
 */
export function plannedSessions(first: number | null, cadence: number, from: number, d: number, windowDays: number): number {
  if (first === null || first >= d) return 0;
  if (first <= from) return windowDays / cadence;
  return Math.floor((d - 1 - first) / cadence) + 1;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
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

function clientPoint(data: ClientData, ctx: DateCtx, coachName: string, o: ResolvedPracticeOptions): ClientPoint {
  const { client, compact } = data;
  const d = ctx.day;
  const counted =
    client.status === 'active' && (data.pausedUntil === null || d > data.pausedUntil) && (data.first === null || data.first <= d);
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
    const at = signalsAt(compact, d, o.thresholds);
    risk = at.risk;
    stalled = at.stalled;
    declining = at.declining;
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

// ---- adding clients up -------------------------------------------------------------------------

class Acc {
  active = 0;
  held = 0;
  planned = 0;
  comp: Counts = { done: 0, partial: 0, total: 0 };
  caught = 0;
  went = 0;
  lags: number[] = [];
  unanswered = 0;
  onTime = 0;
  coachTotal = 0;
  escalationCount = 0;
  escalations: Escalation[] = [];
  atRiskCount = 0;
  atRisk: AtRiskClient[] = [];
  milestones = emptyMilestoneCounts();
  outcomes = { withPromise: 0, withTarget: 0, promiseMet: 0, withProgress: 0, entries: 0 };
  outcomeComp: Counts = { done: 0, partial: 0, total: 0 };

  addClient(p: ClientPoint, client: Client, coachName: string, headline: boolean): void {
    if (!p.counted) return;
    this.active++;
    this.held += p.held;
    this.planned += p.planned;
    addCounts(this.comp, p.completion);
    this.caught += p.caught;
    this.went += p.wentOverdue;
    for (const l of p.lags) this.lags.push(l);
    this.unanswered += p.unanswered;
    this.escalationCount += p.escalationCount;
    if (headline) for (const e of p.escalations) this.escalations.push(e);
    if (p.atRisk) {
      this.atRiskCount++;
      if (headline) this.atRisk.push({ client: client.name, clientPath: client.path, coach: coachName, risk: p.risk, signals: p.signals });
    }
    addMilestoneCounts(this.milestones, p.milestones);
    const oc = p.outcomes;
    if (oc.promise) this.outcomes.withPromise++;
    if (oc.promise && oc.promise.target !== null) this.outcomes.withTarget++;
    if (oc.promiseMet === true) this.outcomes.promiseMet++;
    if (oc.inWindow > 0) this.outcomes.withProgress++;
    this.outcomes.entries += oc.inWindow;
    addCounts(this.outcomeComp, p.outcomeCommitments);
  }

  addCoachOwned(onTime: number, total: number): void {
    this.onTime += onTime;
    this.coachTotal += total;
  }

  point(asOf: IsoDate): FigurePoint {
    return {
      asOf,
      activeClients: this.active,
      sessionRhythm: rhythm(this.held, this.planned),
      completion: toCompletion(this.comp),
      caughtSameWeek: { caught: this.caught, wentOverdue: this.went, share: this.went > 0 ? this.caught / this.went : null },
      followUpLag: { medianDays: median(this.lags), count: this.lags.length, unanswered: this.unanswered },
      coachOwnedOnTime: { onTime: this.onTime, total: this.coachTotal, share: this.coachTotal > 0 ? this.onTime / this.coachTotal : null },
      escalationCount: this.escalationCount,
      atRiskCount: this.atRiskCount,
      milestones: { ...this.milestones },
      outcomes: { clients: this.active, ...this.outcomes, commitments: toCompletion(this.outcomeComp) },
    };
  }
}

function rhythm(held: number, planned: number): SessionRhythm {
  return { held, planned: Math.round(planned * 1000) / 1000, ratio: planned > 0 ? held / planned : null };
}

function addCounts(into: Counts, from: Counts): void {
  into.done += from.done;
  into.partial += from.partial;
  into.total += from.total;
}

function toCompletion(c: Counts): Completion {
  const score = c.done + c.partial / 2;
  return { score, done: c.done, partial: c.partial, total: c.total, rate: c.total === 0 ? null : score / c.total };
}

/** The median of a list of numbers (the mean of the middle two for an even count), or null. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

// ---- the practice ------------------------------------------------------------------------------

/** The as-of dates of the trend points, oldest first, the last being `asOf`. */
export function trendDates(asOf: IsoDate, weeks: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let k = weeks - 1; k >= 0; k--) out.push(addDays(asOf, -7 * k));
  return out;
}

function dateCtx(date: IsoDate, headline: boolean, o: ResolvedPracticeOptions): DateCtx {
  const from = addDays(date, -o.windowDays);
  const day = dayNumber(date);
  return {
    date,
    day,
    headline,
    from,
    fromDay: day - o.windowDays,
    catchFrom: day - o.windowDays - o.catchDays,
    catchTo: day - o.catchDays,
    soonUntil: addDays(date, o.dueSoonDays),
  };
}

function clientFigures(data: ClientData, p: ClientPoint, coachName: string, o: ResolvedPracticeOptions, asOf: IsoDate): ClientFigures {
  let onTime = 0;
  let total = 0;
  for (const [, [a, b]] of p.coachOwned) {
    onTime += a;
    total += b;
  }
  return {
    client: data.client.name,
    path: data.client.path,
    coach: coachName,
    status: data.client.status,
    counted: p.counted,
    cadence: data.client.cadence,
    lastSession: p.analysis?.lastHeld?.date ?? null,
    nextSession: p.analysis?.nextSession ?? null,
    sessionRhythm: rhythm(p.held, p.planned),
    completion: toCompletion(p.completion),
    caughtSameWeek: { caught: p.caught, wentOverdue: p.wentOverdue, share: p.wentOverdue > 0 ? p.caught / p.wentOverdue : null },
    followUpLag: { medianDays: median(p.lags), count: p.lags.length, unanswered: p.unanswered },
    coachOwnedOnTime: { onTime, total, share: total > 0 ? onTime / total : null },
    signals: p.signals,
    risk: p.risk,
    atRisk: p.atRisk,
    escalations: p.escalations,
    milestones: milestoneProgress(data.client, asOf, { dueSoonDays: o.dueSoonDays, doneDates: data.extras.milestoneDone }),
    outcomes: { ...p.outcomes, commitments: toCompletion(p.outcomeCommitments) },
  };
}

/**
 * Per-coach practice figures as of a date, with `weeks` weekly trend points each, and the whole
 * practice as `total`. See the module comment for every figure's definition.
 */
export function practiceFigures(index: VaultIndex, asOf: IsoDate, options: PracticeOptions = {}): PracticeFigures {
  const o = resolvePracticeOptions(options);
  const data = gather(index, asOf, o, options.clientFrontmatter ?? ((path) => index.clientFrontmatter(path)));
  const dates = trendDates(asOf, o.weeks);

  // Coach columns: display names, the first spelling in client order.
  const names = new Map<string, string>();
  const nameOf = (key: string, spelled?: string | null) => {
    if (key === '') return UNASSIGNED;
    if (!names.has(key)) names.set(key, (spelled ?? key).trim());
    return names.get(key)!;
  };
  for (const c of data) {
    let latest: Session | null = null;
    for (const s of c.timeline.sessions) if (s.date <= asOf) latest = s;
    nameOf(c.key, c.client.coach ?? latest?.coach ?? null);
  }
  const sessionCoaches = new Set<string>();
  for (const c of data) for (const s of c.timeline.sessions) if (s.coach) sessionCoaches.add(s.coach);
  for (const name of sessionCoaches) nameOf(coachKey(name), name);
  const keys = new Set<string>(data.map((c) => c.key));
  for (const n of options.coaches ?? []) {
    if (!n.trim()) continue;
    nameOf(coachKey(n), n);
    keys.add(coachKey(n));
  }

  const trends = new Map<string, FigurePoint[]>();
  const totalTrend: FigurePoint[] = [];
  let headGroups = new Map<string, Acc>();
  let headTotal = new Acc();
  const headPoints = new Map<ClientData, ClientPoint>();

  for (const date of dates) {
    const ctx = dateCtx(date, date === asOf, o);
    const groups = new Map<string, Acc>();
    const group = (key: string) => {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = new Acc()));
      return g;
    };
    for (const k of keys) group(k);
    const total = new Acc();
    for (const c of data) {
      const name = nameOf(c.key);
      const p = clientPoint(c, ctx, name, o);
      if (ctx.headline) headPoints.set(c, p);
      if (!p.counted) continue;
      group(c.key).addClient(p, c.client, name, ctx.headline);
      total.addClient(p, c.client, name, ctx.headline);
      for (const [key, [onTime, count]] of p.coachOwned) {
        group(key).addCoachOwned(onTime, count);
        total.addCoachOwned(onTime, count);
      }
    }
    for (const [key, g] of groups) {
      keys.add(key);
      if (!trends.has(key)) trends.set(key, []);
      trends.get(key)!.push(g.point(date));
    }
    totalTrend.push(total.point(date));
    if (ctx.headline) {
      headGroups = groups;
      headTotal = total;
    }
  }

  // A coach first met at a later point (a covering coach's own items) gets empty earlier points.
  for (const key of keys) {
    const list = trends.get(key) ?? [];
    const have = new Set(list.map((p) => p.asOf));
    trends.set(
      key,
      dates.map((d) => (have.has(d) ? list.find((p) => p.asOf === d)! : new Acc().point(d))),
    );
  }

  const rowsByKey = new Map<string, ClientFigures[]>();
  const allRows: ClientFigures[] = [];
  for (const c of data) {
    const row = clientFigures(c, headPoints.get(c)!, nameOf(c.key), o, asOf);
    if (!rowsByKey.has(c.key)) rowsByKey.set(c.key, []);
    rowsByKey.get(c.key)!.push(row);
    allRows.push(row);
  }
  const sortRows = (rows: ClientFigures[]) =>
    rows.sort((a, b) => Number(b.counted) - Number(a.counted) || b.risk - a.risk || byName(a.client, b.client));

  const column = (key: string | null, acc: Acc, trend: FigurePoint[], rows: ClientFigures[]): CoachFigures => {
    const point = acc.point(asOf);
    return {
      ...point,
      coach: key === null ? 'Practice' : nameOf(key),
      unassigned: key === '',
      followUpLagDays: point.followUpLag.medianDays,
      escalations: acc.escalations,
      clientsAtRisk: acc.atRisk.sort((a, b) => b.risk - a.risk || byName(a.client, b.client)),
      clients: sortRows(rows),
      trend,
    };
  };

  const coaches = [...keys]
    .map((key) => column(key, headGroups.get(key) ?? new Acc(), trends.get(key)!, rowsByKey.get(key) ?? []))
    .sort((a, b) => Number(a.unassigned) - Number(b.unassigned) || byName(a.coach, b.coach));

  return {
    asOf,
    options: o,
    window: { from: addDays(asOf, -o.windowDays), to: addDays(asOf, -1) },
    weekEnds: dates,
    coaches,
    total: column(null, headTotal, totalTrend, allRows),
  };
}

// ---- trend series for charts -------------------------------------------------------------------

export type TrendFigure =
  | 'activeClients'
  | 'sessionRhythm'
  | 'completion'
  | 'caughtSameWeek'
  | 'followUpLag'
  | 'coachOwnedOnTime'
  | 'escalations'
  | 'clientsAtRisk'
  | 'milestonesDone'
  | 'milestonesOverdue'
  | 'outcomeEntries';

/** One figure's value at each trend point (rates 0-1, lag in days), null where undefined. */
export function trendSeries(trend: readonly FigurePoint[], figure: TrendFigure): (number | null)[] {
  return trend.map((p) => {
    switch (figure) {
      case 'activeClients':
        return p.activeClients;
      case 'sessionRhythm':
        return p.sessionRhythm.ratio;
      case 'completion':
        return p.completion.rate;
      case 'caughtSameWeek':
        return p.caughtSameWeek.share;
      case 'followUpLag':
        return p.followUpLag.medianDays;
      case 'coachOwnedOnTime':
        return p.coachOwnedOnTime.share;
      case 'escalations':
        return p.escalationCount;
      case 'clientsAtRisk':
        return p.atRiskCount;
      case 'milestonesDone':
        return p.milestones.done;
      case 'milestonesOverdue':
        return p.milestones.overdue;
      case 'outcomeEntries':
        return p.outcomes.entries;
    }
  });
}
