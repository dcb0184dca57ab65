/**
 * What the practice view is given: a store of the practice figures (its model) and its actions.
 * Same pattern as ../contracts.ts: plain data in, navigation and the review notes out through the
 * actions. Built by `buildPracticeModel` and `practiceActions` (src/app/practice.ts).
 */
import type { Readable } from 'svelte/store';
import type { Evidence } from '../../core/analytics/signals';
import type { PracticeFigures } from '../../core/practice/figures';
import type { ReviewPeriodKind } from '../../core/practice/periods';
import type { IsoDate } from '../../core/types';
import type { ActionResult, DateFormatter } from '../contracts';

export type { PracticeFigures, ReviewPeriodKind };

export interface PracticeModel {
  asOf: IsoDate;
  /**
   * `practiceFigures(index, asOf, options)`: one column per coach, the practice as `total`; null
   * while the first figures are still being worked out (see `preparing`).
   */
  figures: PracticeFigures | null;
  /**
   * Set while the clients' figures are worked out ahead, a slice at a time (the view says how far
   * it has got); the last figures, if any, stay shown meanwhile.
   */
  preparing?: { done: number; total: number } | null;
}

export interface PracticeActions {
  /** Opens the client's view. */
  openClient(name: string): void;
  /** Opens the note at the evidence's line (an escalation's commitment or session). */
  openEvidence(evidence: Evidence): void;
  /** Opens the roster filtered to the coach, when the host has one (shown in the drill-down). */
  openCoachRoster?(coach: string): void;
  /**
   * Writes (or updates) the weekly or monthly review note. The view shows the result's sentence
   * when one is returned. Without this action the review buttons are not shown.
   */
  writeReview?(period: ReviewPeriodKind): void | Promise<ActionResult | void>;
  /** Lets the host keep the drill-down (the coach shown, or null for every coach) across re-opens. */
  drillChanged?(coach: string | null): void;
}

export interface PracticeViewProps {
  model: Readable<PracticeModel>;
  actions: PracticeActions;
  formatDate?: DateFormatter;
  /** The coach whose clients to show on opening (null: every coach side by side). */
  initialCoach?: string | null;
}
