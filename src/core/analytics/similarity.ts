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

/** The words that carry a commitment's meaning, lower-cased and lightly stemmed. */
export function meaningfulTokens(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  // Most commitments are plain ASCII: split them without Unicode normalisation (same words).
  const words = ASCII.test(lower) ? lower.split(ASCII_SEPARATORS) : lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u);
  for (const raw of words) {
    if (raw.length === 0 || STOPWORDS.has(raw)) continue;
    out.add(stem(raw));
  }
  return out;
}

const ASCII = /^\p{ASCII}*$/u;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

/** Dice coefficient of two token sets: 1 for the same words, 0 for none shared. */
export function textSimilarity(a: string | Set<string>, b: string | Set<string>): number {
  const x = typeof a === 'string' ? meaningfulTokens(a) : a;
  const y = typeof b === 'string' ? meaningfulTokens(b) : b;
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  // One shared word between short texts ("Send the invoice" / "Send the deck") is not enough.
  if (shared < 2 && Math.min(x.size, y.size) > 1) return 0;
  return (2 * shared) / (x.size + y.size);
}
