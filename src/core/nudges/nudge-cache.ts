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

/** Each client's parts by list name, with the client version, date, settings and coach they were worked out for. */
export type PartCache<P> = Map<string, { key: string } & Partial<P>>;

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
  // Everything but the client: the date, the coach filter and the settings.
  const callKey = cache ? `${asOf}|${options.coach?.trim().toLowerCase() ?? ''}|${JSON.stringify(settings)}` : '';
  for (const { client, commitments } of clients) {
    let items: P[K][number][];
    if (!cache) items = work(index, client, commitments, asOf, settings);
    else {
      const key = `${callKey}|${client.path ?? ''}|${index.clientVersion(client)}`;
      let entry = cache.get(client.name);
      if (entry?.key !== key) cache.set(client.name, (entry = { key } as { key: string } & Partial<P>));
      const parts: Partial<P> = entry;
      items = parts[part] ??= work(index, client, commitments, asOf, settings) as P[K];
    }
    for (const x of items) out.push(x);
  }
  return out;
}
