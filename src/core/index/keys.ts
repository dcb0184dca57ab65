/** Name keys and small map helpers the index is built on. */
import { basename } from '../parse/records';
import type { ClientNote } from '../types';
import { nameKey } from '../vault/conflicts';

export function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

export const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// A client note's keys, worked out once per parsed note (the records never change once parsed;
// the roster asks for every client's keys on every refresh).
const clientKeysOf = new WeakMap<ClientNote, readonly string[]>();
const versionKeysOf = new WeakMap<ClientNote, readonly string[]>();

/** Every name a client note answers to, as keys. */
export function clientKeys(c: ClientNote): readonly string[] {
  let out = clientKeysOf.get(c);
  if (out === undefined) {
    const keys = new Set([nameKey(basename(c.path)), nameKey(c.name), nameKey(c.path.replace(/\.md$/i, ''))]);
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
