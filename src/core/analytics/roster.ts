/**
 * The roster: one row per client for the two-minute scan before calls, riskiest and soonest first.
 */
import { inSequence, preparation, type Preparation } from '../index/prepare';
import { isOverdue, type VaultIndex } from '../index/vault-index';
import type { AccountabilityLevel, Client, ClientStatus, IsoDate } from '../types';
import { analyseClient, type ClientAnalysis } from './client-analysis';
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
  const notCoach = a.commitments.filter((x) => x.owner !== 'coach');
  return {
    client: c.name,
    path: c.path,
    coach: c.coach ?? a.latest?.coach ?? null,
    accountability: c.accountability,
    status: c.status,
    cadence: c.cadence,
    pausedUntil: c.pausedUntil,
    released: a.released,
    lastSession: a.lastHeld?.date ?? null,
    lastSessionPath: a.lastHeld?.path ?? null,
    daysSinceLastSession: a.daysSinceLastHeld,
    nextSession: a.nextSession,
    open: notCoach.filter(isLive).length,
    overdue: notCoach.filter((x) => isOverdue(x, a.asOf)).length,
    done: notCoach.filter((x) => x.status === 'done').length,
    coachOpen: a.coachOwned.filter(isLive).length,
    coachOverdue: a.coachOwned.filter((x) => isOverdue(x, a.asOf)).length,
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
  const cache = options.cache;
  const settingsKey = `${options.asOf}|${JSON.stringify(t)}`;
  const clients = index.clients();
  if (cache) {
    const names = new Set(clients.map((c) => c.name));
    for (const name of cache.keys()) if (!names.has(name)) cache.delete(name);
  }
  return clients
    .map((c) => cachedRow(index, c, options, t, settingsKey))
    .filter((r) => coach === null || (r.coach ?? '').toLowerCase() === coach)
    .sort(compareRows);
}

/**
 * Works the rows of `roster(index, options)` out ahead into `options.cache`, a slice at a time
 * (src/core/index/prepare.ts), so the roster that follows reads them.
 */
export function prepareRoster(index: VaultIndex, options: RosterOptions & { cache: RosterCache }): Preparation {
  const t = resolveThresholds(options.thresholds);
  const settingsKey = `${options.asOf}|${JSON.stringify(t)}`;
  // The roster model names reused block ids too: those are worked out ahead first.
  return inSequence(
    index.prepareBlockIds(),
    index.prepareSessions(),
    preparation(
      () => index.clients(),
      () => index.version,
      (c) => cachedRow(index, c, options, t, settingsKey),
    ),
  );
}
