/**
 * "The same commitment written again": token-set similarity on normalised text, so that
 * "Have the conversation with Dana" and "Have the handover conversation with Dana" match while
 * "Send the invoice" and "Send the deck" do not.
 */

const STOPWORDS = new Set(
  'a an the to of for with and or in on at by my me i your our their his her its this that these those it be is are was were will would about from into up out off over then than as so do did just some any all each every'.split(
    ' ',
  ),
);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A commitment's meaningful words in order of first use, each once (see `meaningfulTokens`). */
export type Tokens = readonly string[];

/** The words that carry a commitment's meaning, lower-cased and lightly stemmed, each once. */
export function tokenList(text: string): string[] {
  const out: string[] = [];
  // Most commitments are plain ASCII: their words are read character by character (the same
  // words as the Unicode path below, without lower-casing, normalising and splitting the text).
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 128) return unicodeTokens(text);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      addWord(out, text.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return out;
}

function addWord(out: string[], raw: string): void {
  if (raw.length === 0 || STOPWORDS.has(raw)) return;
  const w = stem(raw);
  if (!out.includes(w)) out.push(w);
}

function unicodeTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u)) addWord(out, raw);
  return out;
}

/** The same words as a set. */
export function meaningfulTokens(text: string): Set<string> {
  return new Set(tokenList(text));
}

/** Dice coefficient of two token sets: 1 for the same words, 0 for none shared. */
export function textSimilarity(a: string | Set<string> | Tokens, b: string | Set<string> | Tokens): number {
  const x = typeof a === 'string' ? tokenList(a) : a instanceof Set ? [...a] : a;
  const y = typeof b === 'string' ? tokenList(b) : b instanceof Set ? [...b] : b;
  return tokenSimilarity(x, y);
}

/** `textSimilarity` of two token lists (no sets built: lists are a handful of words). */
export function tokenSimilarity(x: Tokens, y: Tokens): number {
  if (x.length === 0 || y.length === 0) return 0;
  let shared = 0;
  for (let i = 0; i < x.length; i++) if (y.includes(x[i])) shared++;
  // One shared word between short texts ("Send the invoice" / "Send the deck") is not enough.
  if (shared < 2 && Math.min(x.length, y.length) > 1) return 0;
  return (2 * shared) / (x.length + y.length);
}
