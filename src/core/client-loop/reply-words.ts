/**
 * The reply reader's words: tokens, and the status words in their common forms (phrases, emoji,
 * small typos). `reply.ts` reads clauses with them.
 */
import type { CheckInStatus } from '../types';

/** The statuses a reply can give (a client does not nudge). */
export type ReplyStatus = Exclude<CheckInStatus, 'nudged'>;

// ---- tokens --------------------------------------------------------------------------------------

export interface Token {
  text: string;
  /** Lower case, curly apostrophes straightened. */
  word: string;
  start: number;
  end: number;
  kind: 'number' | 'word' | 'emoji' | 'punct';
  value?: number;
}

const TOKEN = /#?\d+(?:[.,]\d+)?%?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*|[✓✔✗✘☑]\uFE0F?|\S/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const word = raw.toLowerCase().replace(/’/g, "'");
    let kind: Token['kind'];
    if (/^#?\d+$/.test(raw)) kind = 'number';
    else if (/^[\p{L}\p{M}]/u.test(raw)) kind = 'word';
    else if (/^(?:\p{Extended_Pictographic}|[✓✔✗✘☑])/u.test(raw)) kind = 'emoji';
    else kind = 'punct';
    const t: Token = { text: raw, word: word.replace(/\uFE0F/g, ''), start, end: start + raw.length, kind };
    if (kind === 'number') t.value = Number(raw.replace('#', ''));
    out.push(t);
  }
  return out;
}

// ---- status words ----------------------------------------------------------------------------------

interface Phrase {
  words: string[];
  status: ReplyStatus;
  /** Counts only straight after a number ("1 yes, 2 no"). */
  weak?: boolean;
  /** Says the commitment is still open ("not yet"): read, so its words are not taken for another status, but no check-in. */
  open?: boolean;
}

const PHRASES: Phrase[] = [
  // negations and qualified forms first: they contain the plain words
  // Still open, not a check-in: "not yet" is no skip (a skip leaves the overdue count).
  // "n/a" (not this time): read whole, or its "n" would be a "no".
  { words: ['n', '/', 'a'], status: 'skipped' as const, open: true },
  ...['not yet', 'not started', "didn't start", "haven't started", 'havent started', 'not begun', 'still to do'].map((p) => ({ words: p.split(' '), status: 'skipped' as const, open: true })),
  ...["didn't", 'didnt', 'did not', "haven't", 'havent', 'have not', "hadn't", "couldn't", 'could not', "wasn't able", 'not done', 'no go'].map(
    (p) => ({ words: p.split(' '), status: 'skipped' as const }),
  ),
  ...['half done', 'halfway done', 'half way', 'mostly done', 'almost done', 'nearly done', 'partly done', 'partially done', 'in progress', 'some of it', 'part of it', 'getting there', 'on it'].map(
    (p) => ({ words: p.split(' '), status: 'partial' as const }),
  ),
  ...['all done', 'did it', 'did that', 'did this', 'got it done', 'nailed it', 'ticked off', 'checked off', 'done and dusted'].map((p) => ({
    words: p.split(' '),
    status: 'done' as const,
  })),
  ...['done', 'finished', 'complete', 'completed', 'sent', 'booked', 'shipped'].map((w) => ({ words: [w], status: 'done' as const })),
  ...['partly', 'partial', 'partially', 'half', 'halfway', 'started', 'some', 'mostly'].map((w) => ({ words: [w], status: 'partial' as const })),
  ...['stuck', 'blocked', 'stalled', 'struggling'].map((w) => ({ words: [w], status: 'stuck' as const })),
  ...['skip', 'skipped', 'missed', 'dropped', 'nope', 'nah'].map((w) => ({ words: [w], status: 'skipped' as const })),
  ...['yes', 'yep', 'yup', 'yeah', 'y', 'ok', 'okay'].map((w) => ({ words: [w], status: 'done' as const, weak: true })),
  ...['no', 'n'].map((w) => ({ words: [w], status: 'skipped' as const, weak: true })),
];

const EMOJI: Record<string, ReplyStatus> = {
  '✅': 'done',
  '✔': 'done',
  '✓': 'done',
  '☑': 'done',
  '👍': 'done',
  '🎉': 'done',
  '💪': 'done',
  '🙌': 'done',
  '🟡': 'partial',
  '🟠': 'partial',
  '🤏': 'partial',
  '🚧': 'stuck',
  '🛑': 'stuck',
  '😩': 'stuck',
  '😫': 'stuck',
  '❌': 'skipped',
  '✗': 'skipped',
  '✘': 'skipped',
  '👎': 'skipped',
  '⏭': 'skipped',
};

/** Single words typos are forgiven for: a letter missing, one extra, or two swapped. */
const FUZZY: [string, ReplyStatus][] = [
  ['done', 'done'],
  ['finished', 'done'],
  ['complete', 'done'],
  ['completed', 'done'],
  ['partly', 'partial'],
  ['partial', 'partial'],
  ['partially', 'partial'],
  ['halfway', 'partial'],
  ['started', 'partial'],
  ['stuck', 'stuck'],
  ['blocked', 'stuck'],
  ['skipped', 'skipped'],
  ['skip', 'skipped'],
];

/** True when `a` becomes `b` by one deletion, one insertion or one swap of neighbours. */
function nearly(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

export interface StatusHit {
  status: ReplyStatus;
  length: number;
  weak: boolean;
  /** See Phrase.open. */
  open: boolean;
}

export function statusAt(tokens: readonly Token[], i: number): StatusHit | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'emoji') {
    const s = EMOJI[t.word.replace(/\u200D.*$/u, '')];
    return s ? { status: s, length: 1, weak: false, open: false } : null;
  }
  if (t.kind !== 'word') return null;
  for (const p of PHRASES) {
    if (p.words.every((w, k) => tokens[i + k]?.word === w && (tokens[i + k].kind === 'word' || (k > 0 && tokens[i + k].kind === 'punct')))) return { status: p.status, length: p.words.length, weak: p.weak === true, open: p.open === true };
  }
  if (t.word.length >= 4) {
    for (const [w, status] of FUZZY) if (nearly(t.word, w)) return { status, length: 1, weak: false, open: false };
  }
  return null;
}
