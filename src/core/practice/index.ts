/** The practice view's core: per-coach figures with trends, milestones, outcomes and review notes. */
export {
  practiceFigures,
  trendSeries,
  trendDates,
  resolvePracticeOptions,
  plannedSessions,
  isCounted,
  wentOverdue,
  firstFollowUp,
  doneOn,
  doneOnTime,
  median,
  UNASSIGNED,
  DEFAULT_PRACTICE_OPTIONS,
} from './figures';
export type {
  PracticeOptions,
  ResolvedPracticeOptions,
  PracticeFigures,
  CoachFigures,
  ClientFigures,
  FigurePoint,
  SessionRhythm,
  CaughtSameWeek,
  FollowUpLag,
  OnTime,
  OutcomeRollup,
  Escalation,
  EscalationKind,
  AtRiskClient,
  TrendFigure,
} from './figures';
export { milestoneProgress, milestoneState, DEFAULT_DUE_SOON_DAYS } from './milestones';
export type { MilestoneProgress, MilestoneStatus, MilestoneState, MilestoneCounts, MilestoneOptions } from './milestones';
export { readClientExtras, clientOutcomes, NO_EXTRAS } from './outcomes';
export type { ClientFrontmatter, ClientExtras, ClientOutcomes, OutcomeEntry, ProgramPromise } from './outcomes';
export { periodOf, isoWeek, inPeriod } from './periods';
export type { ReviewPeriod, ReviewPeriodKind } from './periods';
export {
  renderReview,
  renderReviewBlock,
  reviewNotePath,
  updateReviewNote,
  movedOn,
  figuresLine,
  REVIEW_START,
  REVIEW_END,
  DEFAULT_REVIEWS_FOLDER,
} from './review';
export type { ReviewOptions, ReviewUpdate } from './review';
export { analysisAt, clientTimeline } from './client-timeline';
export type { ClientTimeline } from './client-timeline';
