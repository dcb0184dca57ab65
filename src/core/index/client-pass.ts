/**
 * Where a caller's pass over the clients stood (`ClientIndex.prepareEachClient`), and the one rule
 * for keeping such a pass per cache: a view that works its per-client figures out ahead keeps
 * one, so that after a finished pass only the clients a change touched are worked again.
 */
import type { ChangeMark } from './note-store';

/** Where a caller's last finished pass over the clients stood (`ClientIndex.prepareEachClient`). */
export interface ClientPass {
  doneAt: ChangeMark | null;
}

/** A caller's pass kept for one of its caches, with the index and the settings it was made under. */
export interface KeyedPass extends ClientPass {
  index: object;
  key: string;
}

/**
 * The pass `passes` keeps for `cache`: a fresh one (every client to work) when the index or the
 * settings (`key`: the date and whatever else the work depends on) differ from the kept one's.
 */
export function passFor<C extends object>(passes: WeakMap<C, KeyedPass>, cache: C, index: object, key: string): KeyedPass {
  let pass = passes.get(cache);
  if (pass?.index !== index || pass.key !== key) passes.set(cache, (pass = { index, key, doneAt: null }));
  return pass;
}
