/** Fresh block ids: 6 lowercase letters and digits, starting with a letter, unique where asked. */
import type { RandomSource } from './types';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = LETTERS + '0123456789';
const BLOCK_REF = /\^([A-Za-z0-9-]+)/g;

/** Every `^id` written anywhere in a text (lowercased), so a new id collides with none of them. */
export function blockIdsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(BLOCK_REF)) out.add(m[1].toLowerCase());
  return out;
}

function pick(alphabet: string, random: RandomSource): string {
  const r = random();
  const i = Math.min(alphabet.length - 1, Math.max(0, Math.floor((Number.isFinite(r) ? r : 0) * alphabet.length)));
  return alphabet[i];
}

/**
 * A block id none of `taken` uses (compared without case). Adds it to `taken`, so one edit that
 * needs several ids can pass the same set again.
 */
export function newBlockId(taken: Set<string>, random: RandomSource): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let id = pick(LETTERS, random);
    for (let i = 0; i < 5; i++) id += pick(ALNUM, random);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
  // A broken random source (always 0, say): count up instead of looping forever.
  for (let n = 0; ; n++) {
    const id = `ft${n.toString(36).padStart(4, '0')}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
