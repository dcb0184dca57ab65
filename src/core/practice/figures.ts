/**
 * Practice figures: per coach, the numbers a practice with several coaches reads to see where
 * clients are moving, where they are stuck and where a coach could use support, with eight weekly
 * trend points per figure. Pure: the index and the as-of date in, plain data out. Every figure is
 * defined in docs/practice-figures.md; this file adds clients up into coach columns and trends
 * (client-point.ts works out one client at one date).
 */
import { notedCoach } from '../analytics/client-analysis';
import { completionOf, type Completion } from '../analytics/completion';
import { coachOwnName } from '../layout/layout';
import { addDays } from '../dates';
import type { VaultIndex } from '../index/vault-index';
import type { Client, IsoDate } from '../types';
import { gather, keptClientPoint, type ClientData, type ClientPoint, type Counts, type DateCtx, type PracticeCache } from './client-point';
import { coachKey, dayNumber } from './compact';
import {
  resolvePracticeOptions,
  UNASSIGNED,
  type AtRiskClient,
  type ClientFigures,
  type CoachFigures,
  type Escalation,
  type FigurePoint,
  type PracticeFigures,
  type PracticeOptions,
  type ResolvedPracticeOptions,
  type SessionRhythm,
} from './figure-types';
import { addMilestoneCounts, emptyMilestoneCounts, milestoneProgress } from './milestones';

export { UNASSIGNED };
export type { ClientFigures, CoachFigures, FigurePoint, PracticeFigures, PracticeOptions, ResolvedPracticeOptions };

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
  return completionOf(c.done, c.partial, c.total);
}

/** The median of a list of numbers (the mean of the middle two for an even count), or null. */
function median(values: readonly number[]): number | null {
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

export function dateCtx(date: IsoDate, headline: boolean, o: ResolvedPracticeOptions): DateCtx {
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
 * A key's display name: the first spelling it is asked with (`spelled`, else the key), the set-up
 * coach's own spelling asked first; the empty key is Unassigned.
 */
export function coachNamer(index: VaultIndex): (key: string, spelled?: string | null) => string {
  const names = new Map<string, string>();
  const nameOf = (key: string, spelled?: string | null) => {
    if (key === '') return UNASSIGNED;
    if (!names.has(key)) names.set(key, (spelled ?? key).trim());
    return names.get(key)!;
  };
  const own = coachOwnName(index.settings.layout);
  if (own !== null) nameOf(coachKey(own), own);
  return nameOf;
}

/**
 * Coach columns: each group key's display name, the first spelling in client order (the set-up
 * coach's own spelling first, then the clients' coaches, then the sessions' and the options'),
 * and the keys of the columns there are.
 */
export function coachNames(index: VaultIndex, data: readonly ClientData[], options: PracticeOptions): { nameOf: (key: string, spelled?: string | null) => string; keys: Set<string> } {
  const own = coachOwnName(index.settings.layout);
  const nameOf = coachNamer(index);
  for (const c of data) nameOf(c.key, notedCoach(c.client, c.latest) ?? own);
  const sessionCoaches = new Set<string>();
  for (const c of data) for (const name of c.sessionCoaches) sessionCoaches.add(name);
  for (const name of sessionCoaches) nameOf(coachKey(name), name);
  const keys = new Set<string>(data.map((c) => c.key));
  for (const n of options.coaches ?? []) {
    if (!n.trim()) continue;
    nameOf(coachKey(n), n);
    keys.add(coachKey(n));
  }
  return { nameOf, keys };
}

/**
 * Per-coach practice figures as of a date, with `weeks` weekly trend points each, and the whole
 * practice as `total`. Every figure is defined in docs/practice-figures.md.
 */
export function practiceFigures(index: VaultIndex, asOf: IsoDate, options: PracticeOptions = {}, cache?: PracticeCache): PracticeFigures {
  const o = resolvePracticeOptions(options);
  // Frontmatter read by a caller's own function may change without a new client version: not kept then.
  const kept = options.clientFrontmatter ? undefined : cache;
  const data = gather(index, asOf, o, options.clientFrontmatter ?? ((path) => index.clientFrontmatter(path)), kept);
  const dates = trendDates(asOf, o.weeks);

  const { nameOf, keys } = coachNames(index, data, options);

  const trends = new Map<string, FigurePoint[]>();
  const totalTrend: FigurePoint[] = [];
  let headGroups = new Map<string, Acc>();
  let headTotal = new Acc();
  const headPoints = new Map<ClientData, ClientPoint>();

  for (let at = 0; at < dates.length; at++) {
    const date = dates[at];
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
      const p = keptClientPoint(kept !== undefined, c, at, ctx, name, o);
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
