/**
 * The Today panel's lists (`nudgesDue`, `quietNudges`) are worked out client by client; a live
 * view keeps each client's part between refreshes, so after a one-note change only that client
 * is worked out again, not every commitment of the vault.
 */
import { forgetGoneClients } from '../index/keys';
import type { VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate } from '../types';
import type { NudgeSettings } from './settings';

/** A commitment of a session held by the date, with the session's coach. */
export type HeldCommitment = { c: Commitment; sessionCoach: string | null };

/** One client's part of a list, from their held commitments. */
export type ClientPart<T> = (index: VaultIndex, client: Client, commitments: Iterable<HeldCommitment>, asOf: IsoDate, settings: NudgeSettings) => T[];

/**
 * Each client's parts by list name, with what they were worked out for: `call` the date, coach
 * filter and settings (one string for every client, see `callKeys`), `key` the client's path and version.
 */
export type PartCache<P> = Map<string, { key: string; call: string } & Partial<P>>;

/**
 * The call key each cache was last asked with: a refresh with the same date, filter and settings
 * reuses that very string, so each client's entry is checked by identity rather than by comparing
 * a long string (the settings' JSON) once per client.
 */
const callKeys = new WeakMap<object, string>();

/**
 * The call key for `cache`: everything but the client (the date, the coach filter and the
 * settings), the very string of the cache's last call when it is unchanged.
 */
export function callKeyFor(cache: PartCache<object>, asOf: IsoDate, settings: NudgeSettings, coach: string | null | undefined): string {
  const callKey = `${asOf}|${coach?.trim().toLowerCase() ?? ''}|${JSON.stringify(settings)}`;
  const last = callKeys.get(cache);
  if (last === callKey) return last;
  callKeys.set(cache, callKey);
  return callKey;
}

/** A client's part `part`, from `cache` when it was worked out for this call and the client's version, else worked out and kept. */
export function keptPart<P extends Record<K, unknown[]>, K extends keyof P & string>(index: VaultIndex, cache: PartCache<P>, callKey: string, client: Client, part: K, work: () => P[K]): P[K] {
  const key = `${client.path ?? ''}|${index.clientVersion(client)}`;
  let entry = cache.get(client.name);
  if (entry?.call !== callKey || entry.key !== key) cache.set(client.name, (entry = { key, call: callKey } as { key: string; call: string } & Partial<P>));
  const parts: Partial<P> = entry;
  return (parts[part] ??= work());
}

/**
 * Every client's part of the list `part`, concatenated in client order (the caller sorts),
 * through `cache` when there is one: a client whose key is unchanged keeps its part.
 */
export function eachClientsPart<P extends Record<K, unknown[]>, K extends keyof P & string>(
  index: VaultIndex,
  asOf: IsoDate,
  settings: NudgeSettings,
  options: { coach?: string | null; cache?: PartCache<P> },
  part: K,
  clients: Iterable<{ client: Client; commitments: Iterable<HeldCommitment> }>,
  work: ClientPart<P[K][number]>,
): P[K][number][] {
  const cache = options.cache;
  const out: P[K][number][] = [];
  if (cache) forgetGoneClients(cache, index.clients());
  const callKey = cache ? callKeyFor(cache, asOf, settings, options.coach) : '';
  for (const { client, commitments } of clients) {
    const items = cache ? keptPart(index, cache, callKey, client, part, () => work(index, client, commitments, asOf, settings) as P[K]) : work(index, client, commitments, asOf, settings);
    for (const x of items) out.push(x);
  }
  return out;
}
