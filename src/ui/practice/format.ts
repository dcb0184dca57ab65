/**
 * How the practice view words its figures: per figure a label, a definition, the headline value
 * and the counts behind it (so "100%" of one item never hides how small the number is), and the
 * trend series its sparkline draws. Plain functions over the core's figures; no DOM.
 */
import { formatRate } from '../../core/analytics/completion';
import { trendSeries, type ClientFigures, type CoachFigures, type ResolvedPracticeOptions, type TrendFigure } from '../../core/practice/figures';
import { plural } from '../shared/format';

export type FigureKey =
  | 'activeClients'
  | 'sessionRhythm'
  | 'completion'
  | 'caughtSameWeek'
  | 'followUpLag'
  | 'coachOwnedOnTime'
  | 'escalations'
  | 'clientsAtRisk'
  | 'milestones'
  | 'outcomes';

export const FIGURE_KEYS: readonly FigureKey[] = [
  'activeClients',
  'sessionRhythm',
  'completion',
  'caughtSameWeek',
  'followUpLag',
  'coachOwnedOnTime',
  'escalations',
  'clientsAtRisk',
  'milestones',
  'outcomes',
];

/** How a sparkline scales its series: rates from 0 to 100%, counts and days from 0 to their maximum. */
export type SeriesKind = 'rate' | 'count' | 'days';

export interface FigureView {
  key: FigureKey;
  label: string;
  /** One sentence: what the figure counts (a title and the figure's description). */
  definition: string;
  /** The headline: a rate, a count or a number of days; `–` when there is nothing to measure. */
  value: string;
  /** The counts behind the value, e.g. `5 of 9.8 held`. */
  detail: string;
  /** True when there was nothing to measure (no sessions planned, nothing came due…). */
  empty: boolean;
  series: TrendFigure;
  kind: SeriesKind;
  /** The series, oldest first (one value per trend point, null where undefined). */
  values: (number | null)[];
  /** What the sparkline calls the series (`Session rhythm`, `Milestones done`). */
  seriesLabel: string;
  /** Formats one of the series' values for the sparkline's summary. */
  format: (v: number) => string;
}

export const DASH = '–';

/** `9.8`, `8`: planned sessions are fractional. */
export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function rate(r: number | null): string {
  return r === null ? DASH : formatRate(r);
}

export function daysText(n: number | null): string {
  if (n === null) return DASH;
  return `${num(Math.round(n * 10) / 10)} ${n === 1 ? 'day' : 'days'}`;
}

const pct = (v: number) => formatRate(v);
const count = (v: number) => String(v);
const dayCount = (v: number) => daysText(v);

/** Distinct clients in a list of escalations (or at-risk clients). */
export function clientCount(list: readonly { client: string }[]): number {
  return new Set(list.map((e) => e.client)).size;
}

/** The figures of a coach column (or the practice's), in the view's order. */
export function figureViews(c: CoachFigures, o: Pick<ResolvedPracticeOptions, 'windowDays' | 'catchDays' | 'escalationDays' | 'dueSoonDays'>): FigureView[] {
  const w = `the last ${o.windowDays} days`;
  const trend = c.trend;
  const r = c.sessionRhythm;
  const comp = c.completion;
  const caught = c.caughtSameWeek;
  const lag = c.followUpLag;
  const own = c.coachOwnedOnTime;
  const m = c.milestones;
  const out = c.outcomes;
  const notStarted = c.clients.filter((x) => !x.counted && x.status === 'active' && x.lastSession === null).length;
  const released = c.clients.filter((x) => !x.counted).length - notStarted;
  const escalated = clientCount(c.escalations);
  const view = (v: Omit<FigureView, 'values'>): FigureView => ({ ...v, values: trendSeries(trend, v.series) });
  const lagDetail =
    lag.count === 0 && lag.unanswered === 0
      ? 'nothing went overdue'
      : [lag.count > 0 ? `median of ${lag.count}` : 'none followed up', lag.unanswered > 0 ? `${lag.unanswered} not yet` : null]
          .filter(Boolean)
          .join(' · ');
  const outcomeParts = [
    `${out.withProgress} of ${out.clients} with progress`,
    out.withPromise > 0 ? `${out.promiseMet} of ${plural(out.withPromise, 'promise')} met` : null,
    out.commitments.total > 0 ? `${out.commitments.done} of ${out.commitments.total} outcome steps done` : null,
  ].filter(Boolean);

  return [
    view({
      key: 'activeClients',
      label: 'Active clients',
      definition: 'Clients who are active, not paused and have started.',
      value: String(c.activeClients),
      detail:
        released + notStarted > 0
          ? [released > 0 ? `${released} paused or ended` : null, notStarted > 0 ? `${notStarted} not started` : null].filter(Boolean).join(' · ')
          : c.clients.length === 0
            ? 'no clients yet'
            : 'every client active',
      empty: false,
      series: 'activeClients',
      kind: 'count',
      seriesLabel: 'Active clients',
      format: count,
    }),
    view({
      key: 'sessionRhythm',
      label: 'Session rhythm',
      definition: `Sessions held in ${w}, against the sessions each client's cadence plans.`,
      value: rate(r.ratio),
      detail: r.planned === 0 && r.held === 0 ? 'none planned' : `${r.held} of ${num(r.planned)} held`,
      empty: r.ratio === null,
      series: 'sessionRhythm',
      kind: 'rate',
      seriesLabel: 'Session rhythm',
      format: pct,
    }),
    view({
      key: 'completion',
      label: 'Client completion',
      definition: `Client commitments due in ${w} that are done (partly done counts half).`,
      value: rate(comp.rate),
      detail: comp.total === 0 ? 'nothing came due' : `${comp.done}${comp.partial ? ` + ${comp.partial} partly` : ''} of ${comp.total} done`,
      empty: comp.rate === null,
      series: 'completion',
      kind: 'rate',
      seriesLabel: 'Client completion',
      format: pct,
    }),
    view({
      key: 'caughtSameWeek',
      label: 'Caught within a week',
      definition: `Overdue client commitments followed up (a check-in or a nudge) within ${o.catchDays} days of their due date.`,
      value: rate(caught.share),
      detail: caught.wentOverdue === 0 ? 'nothing went overdue' : `${caught.caught} of ${caught.wentOverdue} overdue caught`,
      empty: caught.share === null,
      series: 'caughtSameWeek',
      kind: 'rate',
      seriesLabel: 'Overdue caught within a week',
      format: pct,
    }),
    view({
      key: 'followUpLag',
      label: 'Follow-up lag',
      definition: 'Days from a missed due date to the first check-in: the median, and how many are not followed up yet.',
      value: daysText(lag.medianDays),
      detail: lagDetail,
      empty: lag.medianDays === null,
      series: 'followUpLag',
      kind: 'days',
      seriesLabel: 'Follow-up lag (median days)',
      format: dayCount,
    }),
    view({
      key: 'coachOwnedOnTime',
      label: 'Coach items on time',
      definition: `What the coach promised in sessions, due in ${w} and done by its date.`,
      value: rate(own.share),
      detail: own.total === 0 ? 'none came due' : `${own.onTime} of ${own.total} on time`,
      empty: own.share === null,
      series: 'coachOwnedOnTime',
      kind: 'rate',
      seriesLabel: 'Coach items on time',
      format: pct,
    }),
    view({
      key: 'escalations',
      label: 'Escalations',
      definition: `Commitments overdue by more than ${o.escalationDays} days, a stalled rhythm or declining completion.`,
      value: String(c.escalationCount),
      detail: c.escalationCount === 0 ? 'none' : `${plural(escalated, 'client')}`,
      empty: false,
      series: 'escalations',
      kind: 'count',
      seriesLabel: 'Escalations',
      format: count,
    }),
    view({
      key: 'clientsAtRisk',
      label: 'Clients at risk',
      definition: 'Clients whose signals add up to a risk worth a conversation.',
      value: String(c.atRiskCount),
      detail: c.activeClients === 0 ? 'no active clients' : `of ${plural(c.activeClients, 'active client')}`,
      empty: false,
      series: 'clientsAtRisk',
      kind: 'count',
      seriesLabel: 'Clients at risk',
      format: count,
    }),
    view({
      key: 'milestones',
      label: 'Milestones',
      definition: `Milestones done, due within ${o.dueSoonDays} days, and past their date.`,
      value: m.total === 0 ? DASH : `${m.done} of ${m.total} done`,
      detail: m.total === 0 ? 'none set' : `${m.dueSoon} due soon · ${m.overdue} overdue`,
      empty: m.total === 0,
      series: 'milestonesDone',
      kind: 'count',
      seriesLabel: 'Milestones done',
      format: count,
    }),
    view({
      key: 'outcomes',
      label: 'Outcomes',
      definition: `Outcome entries logged in ${w}, clients with progress, promises met and outcome-kind commitments done.`,
      value: plural(out.entries, 'entry', 'entries'),
      detail: out.clients === 0 ? 'no active clients' : outcomeParts.join(' · '),
      empty: false,
      series: 'outcomeEntries',
      kind: 'count',
      seriesLabel: 'Outcome entries',
      format: count,
    }),
  ];
}

/** The practice totals the header shows (a subset, in the header's order). */
export const HEADER_FIGURES: readonly FigureKey[] = ['activeClients', 'sessionRhythm', 'completion', 'caughtSameWeek', 'clientsAtRisk', 'escalations'];

// ---- the drill-down ----------------------------------------------------------------------------

/** Sorts a coach's clients for a figure, the ones the figure points at first; the core's order otherwise. */
export function sortForFigure(rows: readonly ClientFigures[], key: FigureKey | null): ClientFigures[] {
  const indexed = rows.map((row, i) => ({ row, i }));
  const lowFirst = (v: number | null) => (v === null ? Infinity : v);
  const highFirst = (v: number | null) => (v === null ? Infinity : -v);
  const score = (x: ClientFigures): number => {
    switch (key) {
      case 'sessionRhythm':
        return lowFirst(x.sessionRhythm.ratio);
      case 'completion':
        return lowFirst(x.completion.rate);
      case 'caughtSameWeek':
        return lowFirst(x.caughtSameWeek.share);
      case 'followUpLag':
        return x.followUpLag.unanswered > 0 ? -1000 - x.followUpLag.unanswered : highFirst(x.followUpLag.medianDays);
      case 'coachOwnedOnTime':
        return lowFirst(x.coachOwnedOnTime.share);
      case 'escalations':
        return -x.escalations.length;
      case 'clientsAtRisk':
        return x.atRisk ? -x.risk : 0;
      case 'milestones':
        return x.milestones.total === 0 ? Infinity : -(x.milestones.overdue * 100 + x.milestones.dueSoon * 10 + x.milestones.done);
      case 'outcomes':
        return x.outcomes.promise || x.outcomes.entries.length ? -(x.outcomes.inWindow + 1) : Infinity;
      default:
        return 0;
    }
  };
  return indexed
    .sort((a, b) => Number(b.row.counted) - Number(a.row.counted) || score(a.row) - score(b.row) || a.i - b.i)
    .map((x) => x.row);
}

/** A released client's status in the drill-down (`Paused`, `Ended`, `Not started`). */
export function statusText(row: Pick<ClientFigures, 'status' | 'counted' | 'lastSession'>): string | null {
  if (row.counted) return null;
  if (row.status === 'ended') return 'Ended';
  if (row.status === 'paused') return 'Paused';
  if (row.status === 'active' && row.lastSession === null) return 'Not started';
  return 'Released';
}

/**
 * Where a coach's counted clients are: moving (no escalation, not at risk) or stuck (an
 * escalation or at risk: the clients where support could help).
 */
export function movingAndStuck(c: Pick<CoachFigures, 'clients'>): { moving: number; stuck: number } {
  let moving = 0;
  let stuck = 0;
  for (const x of c.clients) {
    if (!x.counted) continue;
    if (x.atRisk || x.escalations.length > 0) stuck++;
    else moving++;
  }
  return { moving, stuck };
}

