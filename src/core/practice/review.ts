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
 */
import { isOverdue, type VaultIndex } from '../index/vault-index';
import { formatRate } from '../analytics/completion';
import type { Evidence } from '../analytics/signals';
import type { Client, Commitment, IsoDate, Session } from '../types';
import { doneOn } from './commitment-facts';
import { practiceFigures, type CoachFigures, type ClientFigures, type FigurePoint, type PracticeOptions, type PracticeFigures } from './figures';
import { readClientExtras, NO_EXTRAS, type ClientExtras } from './outcomes';
import { periodOf, type ReviewPeriod, type ReviewPeriodKind } from './periods';
import { singleLine } from '../plain-text';

export const REVIEW_START = '<!-- follow-through:review:start -->';
export const REVIEW_END = '<!-- follow-through:review:end -->';
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

// ---- links and words --------------------------------------------------------------------------

/** Text safe inside a wikilink's alias: no pipes, no brackets, links reduced to their text. */
function aliasText(text: string): string {
  return text
    .replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')
    .replace(/[[\]|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function noteLink(path: string, text: string, block?: string | null): string {
  const target = path.replace(/\.md$/i, '');
  return `[[${target}${block ? `#^${block}` : ''}|${aliasText(text) || target}]]`;
}

function clientLink(name: string, path: string | null): string {
  return path ? noteLink(path, name) : name;
}

function commitmentLink(c: Commitment): string {
  return noteLink(c.session, c.text, c.id);
}

function sessionLink(s: Session): string {
  return noteLink(s.path, s.date);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function pct(rate: number | null): string {
  return formatRate(rate);
}

function days(n: number | null): string {
  return n === null ? '-' : `${Number.isInteger(n) ? n : n.toFixed(1)} ${n === 1 ? 'day' : 'days'}`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** One line of figures, for a coach or the practice. */
export function figuresLine(f: FigurePoint): string {
  const r = f.sessionRhythm;
  const parts = [
    `${plural(f.activeClients, 'client')} counted`,
    `sessions held ${r.held} of ${num(r.planned)} planned (${pct(r.ratio)})`,
    `client completion ${pct(f.completion.rate)} (${f.completion.done} done${f.completion.partial ? `, ${f.completion.partial} partly` : ''} of ${f.completion.total} due)`,
    `overdue items caught within a week ${f.caughtSameWeek.caught} of ${f.caughtSameWeek.wentOverdue} (${pct(f.caughtSameWeek.share)})`,
    f.followUpLag.count > 0 ? `follow-up lag ${days(f.followUpLag.medianDays)} (median of ${f.followUpLag.count})` : 'follow-up lag -',
    `coach's own items on time ${f.coachOwnedOnTime.onTime} of ${f.coachOwnedOnTime.total}`,
  ];
  return parts.join(' · ');
}

function trendLine(trend: readonly FigurePoint[]): string {
  const series = (pick: (p: FigurePoint) => number | null, fmt: (v: number) => string) =>
    trend.map((p) => {
      const v = pick(p);
      return v === null ? '-' : fmt(v);
    }).join(' ');
  const rate = (v: number) => `${Math.round(v * 100)}%`;
  return [
    `rhythm ${series((p) => p.sessionRhythm.ratio, rate)}`,
    `completion ${series((p) => p.completion.rate, rate)}`,
    `caught ${series((p) => p.caughtSameWeek.share, rate)}`,
    `at risk ${series((p) => p.atRiskCount, String)}`,
  ].join('; ');
}

// ---- per client -------------------------------------------------------------------------------

interface ClientReview {
  moved: string[];
  stuck: string[];
  exceptions: string[];
  reached: string[];
}

/** The client's next held session after a date, or null. */
function nextHeldAfter(sessions: readonly Session[], date: IsoDate): Session | null {
  for (const s of sessions) if (s.status === 'held' && s.date > date) return s;
  return null;
}

/** When a settled commitment moved, and how (see the module comment), or null. */
export function movedOn(c: Commitment, sessions: readonly Session[]): { date: IsoDate; how: 'done' | 'carried forward' | 'let go' } | null {
  const fallback = () => nextHeldAfter(sessions, c.sessionDate)?.date ?? null;
  if (c.status === 'done') {
    const date = doneOn(c) ?? fallback();
    return date ? { date, how: 'done' } : null;
  }
  if (c.status === 'let-go') {
    const date = c.letGoDate ?? fallback();
    return date ? { date, how: 'let go' } : null;
  }
  if (c.status === 'recommitted') {
    const date = fallback();
    return date ? { date, how: 'carried forward' } : null;
  }
  return null;
}

function inP(date: IsoDate | null, p: ReviewPeriod, asOf: IsoDate): boolean {
  return date !== null && date >= p.start && date <= p.end && date <= asOf;
}

function reviewClient(index: VaultIndex, client: Client, row: ClientFigures, extras: ClientExtras, p: ReviewPeriod, asOf: IsoDate): ClientReview {
  const sessions = index.sessionsOf(client);
  const known = sessions.filter((s) => s.date <= asOf);
  const knownPaths = new Set(known.map((s) => s.path));
  const commitments = index.commitmentsOf(client).filter((c) => knownPaths.has(c.session));
  const out: ClientReview = { moved: [], stuck: [], exceptions: [], reached: [] };

  const moved: { date: IsoDate; line: string }[] = [];
  for (const c of commitments) {
    const m = movedOn(c, known);
    if (m && inP(m.date, p, asOf)) {
      const who = c.owner === 'client' ? '' : c.owner === 'coach' ? ' (coach)' : ` (${c.owner})`;
      moved.push({ date: m.date, line: `${m.how} ${m.date}: ${commitmentLink(c)}${who}` });
      if (m.how === 'done' && c.kind === 'outcome' && c.owner !== 'coach') out.reached.push(`outcome done ${m.date}: ${commitmentLink(c)}`);
    }
  }
  // By date; the sort is stable, so one day's moves keep the notes' order.
  out.moved = moved.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((x) => x.line);

  if (row.counted) {
    for (const c of commitments) {
      if (c.owner === 'coach') continue;
      if (isOverdue(c, asOf)) {
        const late = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${c.due}T00:00:00Z`)) / 86_400_000);
        let last: Commitment['checkIns'][number] | undefined;
        for (const k of c.checkIns) if (k.date <= asOf && (!last || k.date >= last.date)) last = k;
        out.stuck.push(
          `${c.status === 'open' ? 'overdue' : c.status} ${plural(late, 'day')} (due ${c.due}): ${commitmentLink(c)}${last ? `, last check-in ${last.date} ${last.status}` : ', no check-in'}`,
        );
      } else if (c.status === 'stuck') {
        out.stuck.push(`stuck (due ${c.due}): ${commitmentLink(c)}`);
      } else if (c.status === 'skipped') {
        // A skip is news in the period it was reported; after that it is part of the record.
        const when = c.checkIns.filter((k) => k.status === 'skipped' && k.date <= asOf).pop()?.date ?? null;
        if (inP(when, p, asOf)) out.stuck.push(`skipped ${when} (due ${c.due}): ${commitmentLink(c)}`);
      }
    }
    const carried = row.signals.find((s) => s.name === 'carried-over');
    if (carried) out.stuck.push(`carried over: ${carried.message.replace(/\.$/, '')}`);
    for (const m of row.milestones.milestones) if (m.state === 'overdue') out.stuck.push(`milestone past due ${m.due}: ${m.name}`);

    for (const s of sessions) if ((s.status === 'cancelled' || s.status === 'no-show') && inP(s.date, p, asOf)) out.exceptions.push(`session ${s.status}: ${sessionLink(s)}`);
    if (row.signals.some((s) => s.name === 'no-next-session')) {
      const latest = known[known.length - 1];
      out.exceptions.push(`no next session booked after ${latest ? sessionLink(latest) : 'the last session'}`);
    }
    for (const c of commitments) {
      if (c.owner === 'coach' && isOverdue(c, asOf)) out.exceptions.push(`coach's own item overdue (due ${c.due}): ${commitmentLink(c)}`);
    }
  }
  if (client.pausedUntil && client.pausedUntil >= p.start && client.pausedUntil <= p.end) out.exceptions.push(`released until ${client.pausedUntil}; accountability resumes after that`);

  for (const m of row.milestones.milestones) if (m.state === 'done' && inP(m.doneOn, p, asOf)) out.reached.push(`milestone reached ${m.doneOn}: ${m.name}`);
  for (const e of extras.outcomes) {
    if (!inP(e.date, p, asOf)) continue;
    const value = e.value === null ? '' : ` ${e.value}${extras.promise?.target != null && typeof e.value === 'number' ? ` of ${extras.promise.target}` : ''}`;
    out.reached.push(`outcome ${e.date}:${value}${e.note ? `${value ? ', ' : ' '}${e.note}` : ''}`);
  }
  return out;
}

// ---- the note ---------------------------------------------------------------------------------

function section(out: string[], title: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  out.push(`- ${title}:`);
  for (const l of lines) out.push(`    - ${l}`);
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
  const escalations = coach.escalations.map((e) => [
    `- ${e.kind}: ${clientLink(e.client, e.clientPath)}: ${e.message}`,
    ...e.evidence.map((x) => `    - ${evidenceLink(x)}${x.kind === 'commitment' ? ` (due ${x.date})` : ''}`),
  ]);
  const exceptions: string[] = [];
  for (const row of coach.clients) {
    const r = reviews.get(row)!;
    for (const x of r.exceptions) exceptions.push(`${clientLink(row.client, row.path)}: ${x}`);
  }
  out.push('### Escalations and exceptions', '');
  if (escalations.length === 0 && exceptions.length === 0) out.push('None.');
  for (const e of escalations) out.push(...e);
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
    section(out, 'Moved', r.moved);
    section(out, 'Stuck', r.stuck);
    section(out, 'Milestones reached', r.reached);
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
      const c = index.commitmentsOfSession(e.path).find((x) => x.line === e.line);
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

// ---- updating in place ------------------------------------------------------------------------

export type ReviewUpdate = { ok: true; text: string; changed: boolean; created: boolean } | { ok: false; reason: string };

interface Block {
  /** Offsets of the start marker line's first character and just past the end marker's text. */
  from: number;
  to: number;
}

/** The one generated block of a note, or the reason there is not exactly one well-formed block. */
function findBlock(text: string): Block | { reason: string } {
  const starts: number[] = [];
  const ends: { from: number; to: number }[] = [];
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const raw = text.slice(at, lineEnd);
    const line = raw.replace(/\r$/, '').trim();
    if (line === REVIEW_START) starts.push(at + raw.indexOf(REVIEW_START));
    else if (line === REVIEW_END) {
      const from = at + raw.indexOf(REVIEW_END);
      ends.push({ from, to: from + REVIEW_END.length });
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  if (starts.length === 0 && ends.length === 0) return { reason: 'the note has no Follow Through review block (no start or end marker)' };
  if (starts.length === 0) return { reason: 'the review block has an end marker but no start marker' };
  if (ends.length === 0) return { reason: 'the review block has a start marker but no end marker' };
  if (starts.length > 1) return { reason: `the note has ${starts.length} start markers; expected one` };
  if (ends.length > 1) return { reason: `the note has ${ends.length} end markers; expected one` };
  if (ends[0].from < starts[0]) return { reason: 'the end marker comes before the start marker' };
  return { from: starts[0], to: ends[0].to };
}

/**
 * The note with its generated block replaced by the one in `generated` (a note or block from
 * `renderReview`/`renderReviewBlock`). Everything outside the block is kept byte for byte, and the
 * new block takes the note's line endings. With no existing note, `generated` is the note. When
 * the existing note's markers are missing, repeated or out of order nothing is changed and the
 * reason is given: the safe choice, since guessing where the generated part ends could overwrite
 * what the reader wrote.
 */
export function updateReviewNote(existing: string | null, generated: string): ReviewUpdate {
  const fresh = findBlock(generated);
  if ('reason' in fresh) return { ok: false, reason: `the generated text is not a review block: ${fresh.reason}` };
  if (existing === null) return { ok: true, text: generated, changed: true, created: true };
  const old = findBlock(existing);
  if ('reason' in old) return { ok: false, reason: `${old.reason}; the note was left unchanged` };
  let block = generated.slice(fresh.from, fresh.to).replace(/\r\n/g, '\n');
  if (/\r\n/.test(existing)) block = block.replace(/\n/g, '\r\n');
  const text = existing.slice(0, old.from) + block + existing.slice(old.to);
  return { ok: true, text, changed: text !== existing, created: false };
}
