/**
 * The practice figures' options and result types (definitions: docs/practice-figures.md).
 */
import type { Completion } from '../analytics/completion';
import type { Evidence, Signal } from '../analytics/signals';
import { resolveThresholds, type RiskThresholds } from '../analytics/thresholds';
import type { Client, IsoDate } from '../types';
import { DEFAULT_DUE_SOON_DAYS, type MilestoneCounts, type MilestoneProgress } from './milestones';
import type { ClientFrontmatter, ClientOutcomes } from './outcomes';

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

const DEFAULT_PRACTICE_OPTIONS = Object.freeze({
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
