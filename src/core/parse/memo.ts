/**
 * Bounded memos of answers asked again and again while a vault is read (a name's compared form,
 * a heading's kind): one rule for all of them. A memo holds at most `max` answers and starts
 * afresh when full, so a vault of one-off values cannot grow it without end; its keys, and its
 * string answers, are kept as copies of their own (./detach), since a string cut from a note's
 * text would otherwise keep the whole text alive for as long as the memo holds it.
 */
import { ownString } from './detach';

export function remembered<V>(memo: Map<string, V>, max: number, key: string, compute: (key: string) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute(key);
    if (memo.size >= max) memo.clear();
    memo.set(ownString(key), typeof value === 'string' ? (ownString(value) as V) : value);
  }
  return value;
}
