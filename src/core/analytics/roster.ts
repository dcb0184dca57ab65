/**
 * The roster: one row per client for the two-minute scan before calls, riskiest and soonest first.
 */
import { forgetGoneClients } from '../index/keys';
import { inSequence, type Preparation } from '../index/prepare';
import { isOverdue, passFor, type ChangeMark, type KeyedPass, type VaultIndex } from '../index/vault-index';
import type { AccountabilityLevel, Client, ClientStatus, IsoDate } from '../types';
import { analyseClient, notedCoach, type ClientAnalysis } from './client-analysis';
import { coachOwnName } from '../layout/layout';
import { isLive } from './completion';
import { computeSignals, riskScore, type Signal } from './signals';
import { resolveThresholds, type RiskThresholds } from './thresholds';

export interface RosterRow {
  client: string;
  path: string | null;
  /** The client's coach; for a client note without one (or no client note), the latest session's coach. */
  coach: string | null;
  accountability: AccountabilityLevel;
  status: ClientStatus;
  cadence: number;
  pausedUntil: IsoDate | null;
  /** Released from accountability as of the roster's date (analytics/released.ts): paused, ended or within `paused_until`. */
  released: boolean;
  lastSession: IsoDate | null;
  lastSessionPath: string | null;
  daysSinceLastSession: number | null;
  nextSession: IsoDate | null;
  open: number;
  overdue: number;
  done: number;
  coachOpen: number;
  coachOverdue: number;
  /** Client-owned completion over the last held sessions and over all time (0-1, or null). */
  completionRecent: number | null;
  completionAll: number | null;
  coachCompletion: number | null;
  signals: Signal[];
  risk: number;
  /** Sorts ascending: active before released, riskiest first, then the soonest call, then name. */
  sortKey: string;
}

function sortKey(released: boolean, risk: number, next: IsoDate | null, name: string): string {
  return [released ? '1' : '0', String(999 - Math.min(risk, 999)).padStart(3, '0'), next ?? '9999-12-31', name.toLowerCase()].join('|');
}

export function rosterRow(a: ClientAnalysis, t: RiskThresholds): RosterRow {
  const c = a.client;
  const signals = computeSignals(a, t);
  const risk = riskScore(signals);
  // The counts in one pass over the client's commitments (the roster does this for every client).
  let open = 0;
  let overdue = 0;
  let done = 0;
  let coachOpen = 0;
  let coachOverdue = 0;
  for (const x of a.commitments) {
    const live = isLive(x);
    const late = isOverdue(x, a.asOf);
    if (x.owner === 'coach') {
      if (live) coachOpen++;
      if (late) coachOverdue++;
    } else {
      if (live) open++;
      if (late) overdue++;
      if (x.status === 'done') done++;
    }
  }
  return {
    client: c.name,
    path: c.path,
    coach: notedCoach(c, a.latest),
    accountability: c.accountability,
    status: c.status,
    cadence: c.cadence,
    pausedUntil: c.pausedUntil,
    released: a.released,
    lastSession: a.lastHeld?.date ?? null,
    lastSessionPath: a.lastHeld?.path ?? null,
    daysSinceLastSession: a.daysSinceLastHeld,
    nextSession: a.nextSession,
    open,
    overdue,
    done,
    coachOpen,
    coachOverdue,
    completionRecent: a.completionRecent.rate,
    completionAll: a.completionAll.rate,
    coachCompletion: a.coachCompletion.rate,
    signals,
    risk,
    sortKey: sortKey(a.released, risk, a.nextSession, c.name),
  };
}

export interface RosterOptions {
  asOf: IsoDate;
  coach?: string | null;
  thresholds?: Partial<RiskThresholds>;
  /**
   * Rows kept between calls (a live view passes the same cache each time): a client whose notes
   * have not changed since keeps its row, so after a one-note change only that client is redone.
   */
  cache?: RosterCache;
}

/** Roster rows by client, each with the index state and options it was computed for. */
export type RosterCache = Map<string, { key: string; row: RosterRow }>;

export function clientRow(index: VaultIndex, client: Client, options: RosterOptions): RosterRow {
  const t = resolveThresholds(options.thresholds);
  return rosterRow(analyseClient(index, client, options.asOf, t), t);
}

export function compareRows(a: RosterRow, b: RosterRow): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

/** A client's row through the cache (when there is one): kept while the client's notes and the options are unchanged. */
function cachedRow(index: VaultIndex, c: Client, options: RosterOptions, t: RiskThresholds, settingsKey: string): RosterRow {
  const cache = options.cache;
  if (!cache) return rosterRow(analyseClient(index, c, options.asOf, t), t);
  const key = `${settingsKey}|${c.path ?? ''}|${index.clientVersion(c)}`;
  const hit = cache.get(c.name);
  if (hit && hit.key === key) return hit.row;
  const row = rosterRow(analyseClient(index, c, options.asOf, t), t);
  cache.set(c.name, { key, row });
  return row;
}

/** Every client's row (or one coach's clients), sorted by `sortKey`. */
export function roster(index: VaultIndex, options: RosterOptions): RosterRow[] {
  const t = resolveThresholds(options.thresholds);
  const coach = options.coach?.trim().toLowerCase() ?? null;
  const settingsKey = `${options.asOf}|${JSON.stringify(t)}`;
  const rows = options.cache ? keptRows(index, options, t, settingsKey, options.cache) : index.clients().map((c) => cachedRow(index, c, options, t, settingsKey)).sort(compareRows);
  // Fresh either way (keptRows hands out a copy): without a coach to pick, no second copy of every row.
  if (coach === null) return rows;
  // A client no note gives a coach is the set-up coach's own (as the brief and the practice view say).
  const own = coachOwnName(index.settings.layout) ?? '';
  return rows.filter((r) => (r.coach ?? own).toLowerCase() === coach);
}

/** The sorted rows a cache last gave, and what they are for. */
interface KeptRoster {
  index: VaultIndex;
  settingsKey: string;
  mark: ChangeMark;
  rows: RosterRow[];
  byName: Map<string, RosterRow>;
  /** Each client's place in the client list: the order of rows with the same sort key, as a stable sort leaves them. */
  order: Map<string, number>;
}

const kept = new WeakMap<RosterCache, KeptRoster>();
/** Where the last finished `prepareRoster` pass over a cache stood, and for what. */
const passes = new WeakMap<RosterCache, KeyedPass>();

/**
 * Every client's row through the cache, sorted. After a change that leaves the client list as it
 * was, only the clients it touched are redone and moved to their place (a binary search), so a
 * live roster of thousands of clients refreshes in the time of one client's row, not a sort.
 */
function keptRows(index: VaultIndex, options: RosterOptions, t: RiskThresholds, settingsKey: string, cache: RosterCache): RosterRow[] {
  const last = kept.get(cache);
  const touched = last !== undefined && last.index === index && last.settingsKey === settingsKey ? index.clientsTouchedSince(last.mark) : null;
  if (last !== undefined && touched !== null) {
    const cmp = (a: RosterRow, b: RosterRow) => compareRows(a, b) || (last.order.get(a.client) ?? 0) - (last.order.get(b.client) ?? 0);
    for (const c of touched) {
      const row = cachedRow(index, c, options, t, settingsKey);
      const old = last.byName.get(c.name);
      if (old === row) continue;
      if (old !== undefined) {
        let at = lowerBound(last.rows, old, cmp);
        if (last.rows[at] !== old) at = last.rows.indexOf(old);
        if (at >= 0) last.rows.splice(at, 1);
      }
      last.rows.splice(lowerBound(last.rows, row, cmp), 0, row);
      last.byName.set(c.name, row);
    }
    last.mark = index.changeMark();
    return last.rows.slice();
  }
  const clients = index.clients();
  forgetGoneClients(cache, clients);
  const order = new Map<string, number>();
  clients.forEach((c, i) => order.set(c.name, i));
  const byName = new Map<string, RosterRow>();
  const rows = clients.map((c) => {
    const row = cachedRow(index, c, options, t, settingsKey);
    byName.set(c.name, row);
    return row;
  });
  rows.sort(compareRows); // stable: rows with one sort key stay in client-list order
  kept.set(cache, { index, settingsKey, mark: index.changeMark(), rows, byName, order });
  return rows.slice();
}

/** The first place in sorted `rows` where `row` may go. */
function lowerBound(rows: readonly RosterRow[], row: RosterRow, cmp: (a: RosterRow, b: RosterRow) => number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(rows[mid], row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Works the rows of `roster(index, options)` out ahead into `options.cache`, a slice at a time
 * (src/core/index/prepare.ts), so the roster that follows reads them.
 */
export function prepareRoster(index: VaultIndex, options: RosterOptions & { cache: RosterCache }): Preparation {
  const t = resolveThresholds(options.thresholds);
  const settingsKey = `${options.asOf}|${JSON.stringify(t)}`;
  // Where the last finished pass over this cache stood (kept across preparations: a live view
  // starts one per refresh), for these settings.
  const pass = passFor(passes, options.cache, index, settingsKey);
  // The roster model names reused block ids too: those are worked out ahead first.
  return inSequence(
    index.prepareBlockIds(),
    index.prepareSessions(),
    // After a change, only the clients it touched (see VaultIndex.clientsTouchedSince).
    index.prepareEachClient(pass, (c) => cachedRow(index, c, options, t, settingsKey)),
  );
}
