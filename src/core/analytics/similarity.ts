/**
 * "The same commitment written again": token-set similarity on normalised text, so that
 * "Have the conversation with Dana" and "Have the handover conversation with Dana" match while
 * "Send the invoice" and "Send the deck" do not.
 */
import { isSpaceCode } from '../parse/lines';

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

/**
 * A commitment's meaningful words for comparing texts, each as a number: a 53-bit hash of the
 * word (a 32-bit FNV-1a hash and 21 bits of a djb2 hash, so two different words share a number
 * with a chance of about one in 10^16), in order of first use, each once.
 */
export type Tokens = readonly number[];

const H1 = 0x811c9dc5;
const H2 = 5381;

export function hashOf(word: string): number {
  let a = H1;
  let b = H2;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 33) + c) | 0;
  }
  return (a >>> 0) * 0x200000 + (b & 0x1fffff);
}

const STOP_HASHES = new Set([...STOPWORDS].map(hashOf));

/**
 * The words of `text` as `tokenList(text).map(hashOf)` would give them, read character by
 * character for plain ASCII text (no word strings, no lower-cased copy of the text).
 */
export function tokensOf(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c >= 128) return tokenList(text).map(hashOf);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90))) {
      i++;
      continue;
    }
    // One word: hash it as it is read, remembering the hash before each of its last three characters.
    let a = H1;
    let b = H2;
    let a1 = 0, b1 = 0, a2 = 0, b2 = 0, a3 = 0, b3 = 0;
    let c1 = 0, c2 = 0, c3 = 0; // the last three characters, lower case
    const start = i;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
      a3 = a2; b3 = b2; a2 = a1; b2 = b1; a1 = a; b1 = b;
      c3 = c2; c2 = c1; c1 = c;
      a = Math.imul(a ^ c, 0x01000193);
      b = (Math.imul(b, 33) + c) | 0;
      i++;
    }
    if (i < n && text.charCodeAt(i) >= 128) return tokenList(text).map(hashOf);
    const len = i - start;
    const word = (a >>> 0) * 0x200000 + (b & 0x1fffff);
    if (STOP_HASHES.has(word)) continue;
    // stem(), on the hashes: -ing, -ed, -s (not -ss).
    let stem = word;
    if (len > 5 && c3 === 105 && c2 === 110 && c1 === 103) stem = (a3 >>> 0) * 0x200000 + (b3 & 0x1fffff);
    else if (len > 4 && c2 === 101 && c1 === 100) stem = (a2 >>> 0) * 0x200000 + (b2 & 0x1fffff);
    else if (len > 3 && c1 === 115 && c2 !== 115) stem = (a1 >>> 0) * 0x200000 + (b1 & 0x1fffff);
    if (!out.includes(stem)) out.push(stem);
  }
  return out;
}

/** The words that carry a commitment's meaning, lower-cased and lightly stemmed, each once. */
export function tokenList(text: string): string[] {
  const out: string[] = [];
  const words = ASCII.test(text) ? text.toLowerCase().split(ASCII_SEPARATORS) : text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u);
  for (const raw of words) {
    if (raw.length === 0 || STOPWORDS.has(raw)) continue;
    const w = stem(raw);
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

const ASCII = /^\p{ASCII}*$/u;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

/** The same words as a set. */
export function meaningfulTokens(text: string): Set<string> {
  return new Set(tokenList(text));
}

/** Dice coefficient of two texts' words: 1 for the same words, 0 for none shared. */
export function textSimilarity(a: string | Set<string>, b: string | Set<string>): number {
  const x = typeof a === 'string' ? tokensOf(a) : [...a].map(hashOf);
  const y = typeof b === 'string' ? tokensOf(b) : [...b].map(hashOf);
  return tokenSimilarity(x, y);
}

/**
 * How many of `x`'s words `y` holds (each list holds a word once). A loop of comparisons rather
 * than `includes`: the chains compare every open commitment of a client with every later one.
 */
function sharedCount(x: Tokens, y: Tokens): number {
  let shared = 0;
  for (let i = 0; i < x.length; i++) if (holds(y, x[i])) shared++;
  return shared;
}

/** Whether a word list holds a word. */
function holds(words: Tokens, w: number): boolean {
  for (let j = 0; j < words.length; j++) if (words[j] === w) return true;
  return false;
}

/** `textSimilarity` of two token lists (no sets built: lists are a handful of words). */
export function tokenSimilarity(x: Tokens, y: Tokens): number {
  return similarityAtLeast(x, y, 0);
}

/**
 * `tokenSimilarity(x, y)` when it is at least `bar`, else 0: counting stops once the words left
 * in `x` could no longer lift the score to `bar` (the chains ask it of every open commitment
 * against every later one, and most pairs share nothing).
 */
export function similarityAtLeast(x: Tokens, y: Tokens, bar: number): number {
  const n = x.length + y.length;
  if (x.length === 0 || y.length === 0) return 0;
  let shared = 0;
  for (let i = 0; i < x.length; i++) {
    // The best this pair can still score, computed as the score itself is.
    if ((2 * (shared + x.length - i)) / n < bar) return 0;
    if (holds(y, x[i])) shared++;
  }
  // One shared word between short texts ("Send the invoice" / "Send the deck") is not enough.
  if (shared < 2 && Math.min(x.length, y.length) > 1) return 0;
  const score = (2 * shared) / n;
  return score >= bar ? score : 0;
}

/**
 * Whether two texts differ by a word swapped for another ("Read chapter 3" / "Read chapter 4",
 * "Call mum" / "Call dad", "to Acme" / "to Globex") with fewer than three words still in common:
 * then they are two commitments, however similar. A word added or dropped is a rewrite.
 */
export function swapsWords(x: Tokens, y: Tokens): boolean {
  const shared = sharedCount(x, y);
  return shared < 3 && shared < x.length && shared < y.length;
}

/** Capitalised words that are no one's name: days, months, and the pronoun. */
const NOT_NAMES = new Set(
  'i monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

const NO_NAMES: ReadonlySet<string> = new Set();

/** The names in a text: capitalised words other than its first and other than days and months, lower-cased. */
function namesIn(text: string): ReadonlySet<string> {
  if (!mayNameSomeone(text)) return NO_NAMES;
  const out = new Set<string>();
  // The character before a word is matched, not looked behind at (iOS before 16.4 has no lookbehind).
  const re = /[\s(,;"“'‘[](\p{Lu}[\p{Ll}\p{M}'’-]+)/gu;
  for (const m of text.matchAll(re)) {
    const w = m[1].toLowerCase();
    if (!NOT_NAMES.has(w)) out.add(w);
  }
  return out;
}

/**
 * Whether `namesIn` could find a name: false for a text of ASCII characters with no capital after
 * a space or an opening mark, as most commitments are ("Send the deck"), so those cost no match
 * and no set. Any other character leaves it to the expression.
 */
function mayNameSomeone(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return true;
    if (c >= 65 && c <= 90 && i > 0) {
      const b = text.charCodeAt(i - 1);
      // \s ( , ; " ' [ before it, and a lower-case letter, an apostrophe or a hyphen after it
      if ((isSpaceCode(b) || b === 40 || b === 44 || b === 59 || b === 34 || b === 39 || b === 91) && i + 1 < text.length) {
        const a = text.charCodeAt(i + 1);
        if ((a >= 97 && a <= 122) || a === 39 || a === 45 || a >= 128) return true;
      }
    }
  }
  return false;
}

/**
 * Whether two texts name different people or things where the other has its own ("Email Sarah
 * about the new pricing offer" / "Email John about the new pricing offer"): each names someone
 * the other does not, so they are two commitments however many words they share. A name added
 * or dropped ("Send the deck" / "Send the deck to Ana") is a rewrite.
 */
export function namesDiffer(a: string, b: string): boolean {
  const x = namesIn(a);
  if (x.size === 0) return false;
  const y = namesIn(b);
  if (y.size === 0) return false;
  let onlyX = false;
  for (const w of x) if (!y.has(w)) onlyX = true;
  if (!onlyX) return false;
  for (const w of y) if (!x.has(w)) return true;
  return false;
}
