/**
 * The practice view's model and actions. The model is the core's `practiceFigures` as of a date:
 * one column per coach (Unassigned last), the practice as a whole, eight weekly trend points per
 * figure, and each coach's clients for the drill-down. The actions open clients and the notes
 * behind an escalation through the views' navigator, and write the weekly or monthly review note
 * through the same guarded applier as every other edit (so it can be undone).
 *
 * No `obsidian` import: the plugin and the browser tests call the same functions.
 */
import type { VaultIndex } from '../core/index/vault-index';
import { practiceFigures, type PracticeFigures, type PracticeOptions } from '../core/practice/figures';
import type { PracticeCache } from '../core/practice/client-point';
import { periodOf, type ReviewPeriodKind } from '../core/practice/periods';
import { DEFAULT_REVIEWS_FOLDER, renderReview, reviewNotePath, updateReviewNote } from '../core/practice/review';
import type { IsoDate } from '../core/types';
import type { ActionResult } from '../ui/contracts';
import type { PracticeActions, PracticeModel } from '../ui/practice/contracts';
import type { Applier } from './applier';
import type { Navigator } from './view-actions';

export type { PracticeActions, PracticeModel, PracticeOptions, ReviewPeriodKind };

/** The practice figures as of a date (see src/core/practice/figures.ts for every figure). */
export function buildPracticeModel(index: VaultIndex, asOf: IsoDate, options: PracticeOptions = {}, cache?: PracticeCache): PracticeModel & { figures: PracticeFigures } {
  const figures: PracticeFigures = practiceFigures(index, asOf, options, cache);
  return { asOf, figures };
}

/** What the host adds beyond the views' navigator; each is optional (the view hides what is missing). */
export interface PracticeHostActions {
  /** Opens the roster filtered to one coach. */
  openCoachRoster?(coach: string): void;
  /** Writes the review note (see `writeReviewNote`), e.g. and then opens it. */
  writeReview?(period: ReviewPeriodKind): void | Promise<ActionResult | void>;
  /** Keeps the drill-down across re-opens. */
  drillChanged?(coach: string | null): void;
}

export function practiceActions(nav: Pick<Navigator, 'openClient' | 'openEvidence'>, host: PracticeHostActions = {}): PracticeActions {
  return {
    openClient: (name) => nav.openClient(name),
    openEvidence: (e) => nav.openEvidence(e),
    ...(host.openCoachRoster ? { openCoachRoster: (coach: string) => host.openCoachRoster!(coach) } : {}),
    ...(host.writeReview ? { writeReview: (period: ReviewPeriodKind) => host.writeReview!(period) } : {}),
    ...(host.drillChanged ? { drillChanged: (coach: string | null) => host.drillChanged!(coach) } : {}),
  };
}

// ---- the review note ---------------------------------------------------------------------------

export interface WriteReviewOptions {
  period: ReviewPeriodKind;
  asOf: IsoDate;
  /** Folder for review notes (default `Reviews`; '' is the vault root). */
  folder?: string;
  /** The same options the view's figures were built with. */
  practice?: PracticeOptions;
}

export type WriteReviewResult = ({ ok: true; summary: string } | { ok: false; reason: string }) & { path: string };

/** 1-based lines of `after` that differ from `before` at the same line (every line when created). */
function changedLines(before: string | null, after: string): number[] {
  const a = after.split('\n');
  const b = before === null ? null : before.split('\n');
  const out: number[] = [];
  a.forEach((line, i) => {
    if (b === null || b[i] !== line) out.push(i + 1);
  });
  return out;
}

/**
 * Writes the weekly or monthly review note (`Reviews/2026-W49.md`, `Reviews/2026-12.md`), or
 * updates its generated block in place, keeping everything the reader wrote outside it. A note
 * whose markers are missing or out of order is refused and left alone. The write goes through the
 * applier: it is refused if the note changed since it was read, and it can be undone.
 */
export async function writeReviewNote(
  index: VaultIndex,
  applier: Pick<Applier, 'read' | 'applyChanges'>,
  options: WriteReviewOptions,
): Promise<WriteReviewResult> {
  const path = reviewNotePath(options.period, options.asOf, options.folder ?? DEFAULT_REVIEWS_FOLDER);
  const label = periodOf(options.period, options.asOf).label;
  const word = options.period === 'week' ? 'weekly' : 'monthly';
  const existing = await applier.read(path);
  const generated = renderReview(index, { ...(options.practice ?? {}), period: options.period, asOf: options.asOf });
  const update = updateReviewNote(existing, generated);
  if (!update.ok) return { ok: false, reason: `Did not write the ${word} review ${path}: ${update.reason}`, path };
  if (!update.changed) return { ok: true, summary: `The ${label} review is already up to date.`, path };
  const summary = update.created ? `Wrote the ${word} review ${path}` : `Updated the ${word} review ${path}; your notes below it are unchanged`;
  const r = await applier.applyChanges({
    ok: true,
    summary,
    changes: [{ path, before: existing, after: update.text, changedLines: changedLines(existing, update.text) }],
  });
  return r.ok ? { ok: true, summary: `${summary}.`, path } : { ok: false, reason: r.reason, path };
}

