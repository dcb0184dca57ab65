/** Name keys and small map helpers the index is built on. */
import { basename } from '../parse/records';
import type { Client, ClientNote } from '../types';
import { nameKey } from '../vault/conflicts';

export function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** Appends `value` to `key`'s list (no copy of the list: building a grouping stays linear). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Drops the entries of clients no longer in `clients` from a cache keyed by client name, once it
 * holds more entries than there are clients (before that, a gone client's entry costs little).
 */
export function forgetGoneClients(cache: Map<string, unknown>, clients: readonly Client[]): void {
  if (cache.size <= clients.length) return;
  const names = new Set(clients.map((c) => c.name));
  for (const name of cache.keys()) if (!names.has(name)) cache.delete(name);
}

export function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * Values by key where almost every key has one value (a block id and the note that holds it):
 * a key with one value keeps it as it is, and only a key with more gets a set, so a vault's
 * hundred thousand ids cost a map entry each rather than a map entry and a set.
 */
export class SparseMultiMap {
  private readonly map = new Map<string, string | Set<string>>();

  add(key: string, value: string): void {
    const had = this.map.get(key);
    if (had === undefined) this.map.set(key, value);
    else if (typeof had === 'string') {
      if (had !== value) this.map.set(key, new Set([had, value]));
    } else had.add(value);
  }

  remove(key: string, value: string): void {
    const had = this.map.get(key);
    if (had === undefined) return;
    if (typeof had === 'string') {
      if (had === value) this.map.delete(key);
      return;
    }
    had.delete(value);
    if (had.size === 1) this.map.set(key, had.values().next().value!);
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** How many values the key has. */
  count(key: string): number {
    const had = this.map.get(key);
    return had === undefined ? 0 : typeof had === 'string' ? 1 : had.size;
  }

  values(key: string): readonly string[] {
    const had = this.map.get(key);
    return had === undefined ? [] : typeof had === 'string' ? [had] : [...had];
  }

  clear(): void {
    this.map.clear();
  }
}

export const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// A client note's keys, worked out once per parsed note (the records never change once parsed;
// the roster asks for every client's keys on every refresh).
const clientKeysOf = new WeakMap<ClientNote, readonly string[]>();
const versionKeysOf = new WeakMap<ClientNote, readonly string[]>();

/** The keys of a client note's own names: its name, its file's name and its path (not its aliases). */
export function ownClientKeys(c: ClientNote): string[] {
  return [nameKey(basename(c.path)), nameKey(c.name), nameKey(c.path.replace(/\.md$/i, ''))].filter((k) => k !== '');
}

/** Every name a client note answers to, as keys: its own names, then its aliases. */
export function clientKeys(c: ClientNote): readonly string[] {
  let out = clientKeysOf.get(c);
  if (out === undefined) {
    const keys = new Set(ownClientKeys(c));
    for (const a of c.aliases ?? []) keys.add(nameKey(a));
    clientKeysOf.set(c, (out = [...keys].filter((k) => k !== '')));
  }
  return out;
}

export function firstName(key: string): string {
  const i = key.indexOf(' ');
  return i < 0 ? key : key.slice(0, i);
}

/** The keys a client's cached figures depend on: its names and the first name a session may use. */
export function versionKeys(c: ClientNote): readonly string[] {
  let out = versionKeysOf.get(c);
  if (out === undefined) {
    const keys = clientKeys(c);
    versionKeysOf.set(c, (out = [...new Set([...keys, ...keys.map(firstName)])]));
  }
  return out;
}
