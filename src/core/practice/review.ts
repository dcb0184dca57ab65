/**
 * Weekly and monthly review notes: per coach and per client, what moved, what is stuck,
 * escalations and exceptions, and milestones reached, with links to the notes behind each line.
 *
 * The note has a generated block between two marker lines. Running the review again for the same
 * period rewrites only that block; everything above it (the frontmatter) and below it (the
 * reader's own notes) is kept byte for byte. When the markers are missing, repeated or out of
 * order the update is refused with a reason: the note is left as it is rather than guessed at.
 *
 * ## What goes where (period P = [first day, last day], as-of date D inside or after it)
 *
 * Events count when dated in P and on or before D; states (overdue, stuck) are judged as of D.
 * - **Moved**: commitments done, carried forward (`[>]`) or let go in P. The date is the done
 *   date (or the first `done` check-in), the let-go date; without one, the date of the client's
 *   next held session after the commitment's own (when the notes say it was reviewed); a
 *   commitment with neither is not dated and not listed.
 * - **Stuck**: as of D, commitments overdue (open, partial or stuck past due) with their latest
 *   check-in, stuck ones not yet due, ones reported skipped in P, the carried-over signal's
 *   commitment, and milestones past due. Coach-owned items go under exceptions instead.
 * - **Escalations**: as in the practice figures (overdue beyond `escalationDays`, stalled,
 *   declining). **Exceptions**: sessions cancelled or missed in P, no next session booked,
 *   the coach's own commitments overdue, and a `paused_until` that ends in P.
 * - **Milestones reached**: milestones whose `done:` date is in P, outcome entries dated in P,
 *   and outcome-kind commitments done in P.
 *
 * This file lays the note out; review-client.ts gathers each client's lines, review-text.ts words
 * them, review-update.ts rewrites the block in place.
 */
import type { Evidence } from '../analytics/signals';
import type { VaultIndex } from '../index/vault-index';
import { singleLine } from '../plain-text';
import type { IsoDate } from '../types';
import { plural } from '../words';
import { practiceFigures, type ClientFigures, type CoachFigures, type PracticeFigures, type PracticeOptions } from './figures';
import { NO_EXTRAS, readClientExtras, type ClientExtras } from './outcomes';
import { periodOf, type ReviewPeriodKind } from './periods';
import { reviewClient, type ClientReview } from './review-client';
import { clientLink, commitmentLink, figuresLine, noteLink, trendLine } from './review-text';
import { REVIEW_END, REVIEW_START } from './review-update';

export { REVIEW_END, REVIEW_START };
export { updateReviewNote } from './review-update';
export const DEFAULT_REVIEWS_FOLDER = 'Reviews';

export interface ReviewOptions extends PracticeOptions {
  period: ReviewPeriodKind;
  asOf: IsoDate;
}

/** The review note's vault path: `Reviews/2026-W48.md` (ISO week) or `Reviews/2026-11.md`. */
export function reviewNotePath(period: ReviewPeriodKind, asOf: IsoDate, folder: string = DEFAULT_REVIEWS_FOLDER): string {
  const dir = folder.replace(/^\/+|\/+$/g, '');
  const name = `${periodOf(period, asOf).label}.md`;
  return dir ? `${dir}/${name}` : name;
}

// ---- the note ---------------------------------------------------------------------------------

/**
 * The most items one list of the review shows (an escalation's evidence, a client's Moved or
 * Stuck). A client with years of carried items would otherwise fill the note with the same
 * story line after line; the rest are named by count, and the client view lists them all.
 */
export const REVIEW_LIST_MAX = 10;

/** `lines` as sub-items, the first REVIEW_LIST_MAX of them and a count of the rest. */
function subItems(out: string[], lines: readonly string[], rest: string): void {
  for (const l of lines.slice(0, REVIEW_LIST_MAX)) out.push(`    - ${l}`);
  if (lines.length > REVIEW_LIST_MAX) out.push(`    - …and ${lines.length - REVIEW_LIST_MAX} more ${rest}`);
}

function section(out: string[], title: string, lines: readonly string[], client: string): void {
  if (lines.length === 0) return;
  out.push(`- ${title}:`);
  subItems(out, lines, `(${client}'s view lists them all)`);
}

function coachSection(
  out: string[],
  coach: CoachFigures,
  reviews: Map<ClientFigures, ClientReview>,
  extras: (row: ClientFigures) => ClientExtras,
  evidenceLink: (e: Evidence) => string,
): void {
  out.push(`## ${coach.coach}`, '');
  out.push(figuresLine(coach), '');
  out.push(`Last ${coach.trend.length} weeks, oldest first: ${trendLine(coach.trend)}`, '');

  // Each escalation is its line and the lines of its evidence.
  const escalations = coach.escalations.map((e) => {
    const lines = [`- ${e.kind}: ${clientLink(e.client, e.clientPath)}: ${e.message}`];
    subItems(
      lines,
      e.evidence.map((x) => `${evidenceLink(x)}${x.kind === 'commitment' ? ` (due ${x.date})` : ''}`),
      `(${e.client}'s view lists them all)`,
    );
    return lines;
  });
  const exceptions: string[] = [];
  for (const row of coach.clients) {
    const r = reviews.get(row)!;
    for (const x of r.exceptions) exceptions.push(`${clientLink(row.client, row.path)}: ${x}`);
  }
  out.push('### Escalations and exceptions', '');
  if (escalations.length === 0 && exceptions.length === 0) out.push('None.');
  for (const e of escalations) for (const x of e) out.push(x);
  for (const e of exceptions) out.push(`- ${e}`);
  out.push('');

  out.push('### Clients', '');
  const quiet: string[] = [];
  const notCounted: string[] = [];
  for (const row of coach.clients) {
    const r = reviews.get(row)!;
    if (!row.counted && r.moved.length === 0 && r.reached.length === 0) {
      notCounted.push(`${clientLink(row.client, row.path)} (${row.status === 'active' ? 'released or not started' : row.status})`);
      continue;
    }
    if (r.moved.length === 0 && r.stuck.length === 0 && r.reached.length === 0) {
      quiet.push(clientLink(row.client, row.path));
      continue;
    }
    const facts = [
      row.atRisk ? `at risk (${row.signals.map((s) => s.name).join(', ')})` : null,
      row.lastSession ? `last session ${row.lastSession}` : 'no session held yet',
      row.nextSession ? `next ${row.nextSession}` : null,
      extras(row).promise ? `promise: ${extras(row).promise!.text}` : null,
    ].filter((x): x is string => x !== null);
    out.push(`#### ${clientLink(row.client, row.path)}`, '');
    out.push(`- ${facts.join(' · ')}`);
    section(out, 'Moved', r.moved, row.client);
    section(out, 'Stuck', r.stuck, row.client);
    section(out, 'Milestones reached', r.reached, row.client);
    out.push('');
  }
  if (quiet.length) out.push(`Nothing moved or stuck: ${quiet.join(', ')}.`, '');
  if (notCounted.length) out.push(`Not counted: ${notCounted.join(', ')}.`, '');
}

/** The generated block, markers included, for a period (see the module comment). */
export function renderReviewBlock(index: VaultIndex, options: ReviewOptions, figures?: PracticeFigures): string {
  const p = periodOf(options.period, options.asOf);
  const f = figures ?? practiceFigures(index, options.asOf, options);
  const byKey = new Map(index.clients().map((c) => [`${c.path ?? ''}|${c.name}`, c]));
  const extrasCache = new Map<ClientFigures, ClientExtras>();
  const extras = (row: ClientFigures): ClientExtras => {
    let x = extrasCache.get(row);
    if (!x) {
      const raw = row.path ? (options.clientFrontmatter ?? ((path: string) => index.clientFrontmatter(path)))(row.path) : null;
      extrasCache.set(row, (x = raw ? readClientExtras(raw, index.settings) : NO_EXTRAS));
    }
    return x;
  };
  const reviews = new Map<ClientFigures, ClientReview>();
  for (const coach of f.coaches) {
    for (const row of coach.clients) {
      const client = byKey.get(`${row.path ?? ''}|${row.client}`);
      if (client) reviews.set(row, reviewClient(index, client, row, extras(row), p, options.asOf));
      else reviews.set(row, { moved: [], stuck: [], exceptions: [], reached: [] });
    }
  }

  const kind = options.period === 'week' ? 'Weekly' : 'Monthly';
  const out: string[] = [REVIEW_START];
  out.push(`# ${kind} review: ${p.label} (${p.start} to ${p.end})`, '');
  const partial = options.asOf < p.end ? `, ${p.label} so far` : '';
  out.push(
    `_As of ${options.asOf}${partial}. Written by Follow Through from the notes; running the review again for ${p.label} rewrites everything between the markers. Write your own notes below the end marker._`,
    '',
  );
  out.push('## Practice', '');
  out.push(figuresLine(f.total), '');
  out.push(`${plural(f.total.escalations.length, 'escalation')}, ${plural(f.total.clientsAtRisk.length, 'client')} at risk. Each coach's figures are for support: where a coach's clients are stuck is where the practice can help.`, '');
  // Evidence points at a note and line; a commitment's block id makes the link land on it.
  const evidenceLink = (e: Evidence): string => {
    if (e.kind === 'commitment') {
      const c = index.commitmentAt(e.path, e.line);
      if (c) return commitmentLink(c);
    }
    return noteLink(e.path, e.text);
  };
  for (const coach of f.coaches) coachSection(out, coach, reviews, extras, evidenceLink);
  while (out[out.length - 1] === '') out.pop();
  out.push(REVIEW_END);
  // Every entry is one line. Names and texts come from frontmatter, where a value can hold a line
  // break (`name: "Jane\nDoe"`); written as it is, a break could split a heading or a list item,
  // or start a line that reads as a marker, and the next update would refuse the note for good.
  return out.map(singleLine).join('\n');
}

/** A fresh review note: frontmatter, the generated block, and a heading for the reader's notes. */
export function renderReview(index: VaultIndex, options: ReviewOptions, figures?: PracticeFigures): string {
  const p = periodOf(options.period, options.asOf);
  return ['---', 'type: review', `period: ${p.label}`, `from: ${p.start}`, `to: ${p.end}`, '---', renderReviewBlock(index, options, figures), '', '## Notes', '', ''].join('\n');
}
