/**
 * A client's pasted reply ("1 done, 2 stuck: meetings ate Monday") read as check-ins on the
 * commitments a message numbered. Pure and total: any text gives a result, never an exception.
 *
 * What it reads, clause by clause (lines, sentences, commas and `1 ✅ 2 ❌` runs):
 * - the numbers the message gave (`1`, `#2`, `1 and 3`, `1+2`, `1 2 3`, `1-3`), or `all` / `everything` / `both`
 *   (with `except 2`), or words that pick out one commitment ("outreach done");
 * - a status in its common forms, with small typos (`dnoe`, `stuk`, `skiped`) and emoji:
 *   done (done, did it, finished, sent, ✅ 👍 ✔), partial (partly, half, halfway, mostly done,
 *   started, 🟡), stuck (stuck, blocked, 🚧), skipped (skip, skipped, didn't, ❌ 👎); "not yet" and
 *   "not started" say it is still open, which is no check-in (listed as not placed);
 *   `yes` / `no` count only straight after a number;
 * - the rest of the clause (after a colon or dash, else after the status) as the check-in's note;
 *   after a colon, numbers are the note's (`1 partial: 3 done, 7 to go`), never another check-in;
 *   a following piece with no number and no status continues the note.
 *
 * What it cannot place is listed with why, never guessed. A number outside the message's range
 * and a commitment named twice are problems: the caller writes nothing while there are any.
 */
import { meaningfulTokens } from '../analytics/similarity';
import { formatDue } from '../nudges/template';
import type { Commitment, IsoDate } from '../types';
import type { NumberedCommitment } from './numbering';
import { statusAt, tokenize, type ReplyStatus, type StatusHit, type Token } from './reply-words';
import { pushTo } from '../index/keys';

export type { ReplyStatus } from './reply-words';

export interface PlannedCheckIn {
  n: number;
  commitment: Commitment;
  status: ReplyStatus;
  note: string | null;
  /** The words of the reply this check-in comes from. */
  source: string;
}

export interface Unplaced {
  text: string;
  why: string;
}

export interface ReplyReading {
  /** In number order. */
  checkIns: PlannedCheckIn[];
  unplaced: Unplaced[];
  /** Reasons nothing may be written (a number out of range, a commitment named twice, an empty reply). */
  problems: string[];
}

// ---- clauses -------------------------------------------------------------------------------------
interface Clause {
  targets: number[];
  all: boolean;
  except: number[];
  status: ReplyStatus | null;
  /** Words before the status, for matching a commitment by its words. */
  words: string[];
  /** Where the note starts and the clause ends in the piece. */
  noteStart: number | null;
  end: number;
  start: number;
  /** A note was opened with a colon or dash (a following piece continues it). */
  colon: boolean;
  /** The status says the commitment is still open ("not yet"): no check-in. */
  open: boolean;
}

const JOINERS = new Set([',', '&', '+', 'and', '/', 'n']);
/** Between two numbers, a range: `1-3`, `1 to 3`. */
const RANGE = new Set(['-', '–', '—', 'to', 'through', 'thru']);
/** The most numbers a range gives (a reply numbers a handful of commitments). */
const MAX_RANGE = 50;
const SEPARATORS = new Set([':', '-', '–', '—', '.', ')', '=', '>', '→']);
const ALL_WORDS = new Set(['all', 'everything', "everything's", "all's", 'both', 'every', 'each']);
const EXCEPT_WORDS = new Set(['except', 'but', 'apart', 'besides', 'other', 'bar']);
const FILLER = new Set(['of', 'them', 'one', 'ones', 'three', 'two', 'four', 'the', 'it', 'three', 'things', 'items', 'is', 'are', 'was', 'were']);

/** A run of numbers (`1`, `1 and 2`, `#1, #3`) followed by a status: its numbers, the status and where it ends. */
function targetRun(tokens: readonly Token[], i: number): { targets: number[]; hit: StatusHit; next: number } | null {
  if (tokens[i]?.kind !== 'number') return null;
  const targets = [tokens[i].value!];
  let j = i + 1;
  // `1 and 3`, `1, 2`, `1 2 3`, `#1 #2`, and ranges `1-3`, `1 to 3`.
  for (;;) {
    if (tokens[j]?.kind === 'number') {
      targets.push(tokens[j].value!);
      j += 1;
    } else if (j + 1 < tokens.length && JOINERS.has(tokens[j].word) && tokens[j + 1].kind === 'number') {
      targets.push(tokens[j + 1].value!);
      j += 2;
    } else if (j + 1 < tokens.length && RANGE.has(tokens[j].word) && tokens[j + 1].kind === 'number') {
      const from = targets[targets.length - 1];
      const to = tokens[j + 1].value!;
      if (to > from && to - from < MAX_RANGE) for (let n = from + 1; n <= to; n++) targets.push(n);
      else targets.push(to);
      j += 2;
    } else break;
  }
  while (j < tokens.length && SEPARATORS.has(tokens[j].word)) j++;
  const hit = statusAt(tokens, j);
  if (hit === null) return null;
  return { targets, hit, next: j + hit.length };
}

function parsePiece(piece: string): { clauses: Clause[]; leadingNumber: boolean } {
  const tokens = tokenize(piece);
  const clauses: Clause[] = [];
  let cur: Clause | null = null;
  let before: string[] = [];
  let beforeStart: number | null = null;
  const open = (start: number): Clause => ({ targets: [], all: false, except: [], status: null, words: [], noteStart: null, end: piece.length, start, colon: false, open: false });
  /** Inside a note opened by a colon (`1 partial: 3 done, 7 to go`): its numbers are the note's words, not another check-in. */
  const inColonNote = () => cur !== null && cur.colon && tokens.find((x) => x.start === cur!.noteStart)?.word === ':';
  const close = (at: number) => {
    if (cur) {
      cur.end = at;
      clauses.push(cur);
    }
    cur = null;
  };
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    const run = inColonNote() ? null : targetRun(tokens, i);
    if (run) {
      close(t.start);
      const c: Clause = open(t.start);
      c.targets = run.targets;
      c.status = run.hit.status;
      c.open = run.hit.open;
      c.words = before;
      before = [];
      beforeStart = null;
      i = run.next;
      c.noteStart = tokens[i]?.start ?? null;
      cur = c;
      continue;
    }
    if ((cur === null || cur.status === null) && ALL_WORDS.has(t.word) && !inColonNote()) {
      let j = i + 1;
      while (j < tokens.length && (FILLER.has(tokens[j].word) || SEPARATORS.has(tokens[j].word))) j++;
      const hit = statusAt(tokens, j);
      if (hit && !hit.weak) {
        close(t.start);
        const c: Clause = open(t.start);
        c.all = true;
        c.status = hit.status;
        i = j + hit.length;
        if (tokens[i] && EXCEPT_WORDS.has(tokens[i].word)) {
          let k = i + 1;
          while (k < tokens.length && (tokens[k].kind === 'number' || JOINERS.has(tokens[k].word) || tokens[k].word === 'for' || tokens[k].word === 'from' || tokens[k].word === 'number')) {
            if (tokens[k].kind === 'number') c.except.push(tokens[k].value!);
            k++;
          }
          i = k;
        }
        c.noteStart = tokens[i]?.start ?? null;
        cur = c;
        continue;
      }
    }
    if (cur === null) {
      const hit = statusAt(tokens, i);
      if (hit && !hit.weak) {
        const c: Clause = open(beforeStart ?? t.start);
        c.status = hit.status;
        c.open = hit.open;
        c.words = before;
        before = [];
        beforeStart = null;
        i += hit.length;
        c.noteStart = tokens[i]?.start ?? null;
        cur = c;
        continue;
      }
      if (t.kind === 'word') before.push(t.word);
      beforeStart ??= t.start;
    } else if (cur.noteStart !== null && t.start === cur.noteStart && (t.word === ':' || t.word === '-' || t.word === '–' || t.word === '—')) {
      cur.colon = true;
    }
    i++;
  }
  close(piece.length);
  return { clauses, leadingNumber: tokens[0]?.kind === 'number' };
}

/** The clause's note: the text after its status, without leading separators or stray marks. */
function noteOf(piece: string, c: Clause): string | null {
  if (c.noteStart === null || c.noteStart >= c.end) return null;
  const raw = piece
    .slice(c.noteStart, c.end)
    .replace(/^[\s:\-–—,.;)=>→!]+/u, '')
    .replace(/[\s,;&+]+(?:and)?\s*$/iu, '')
    .trim();
  const bare = raw.replace(/(?:\p{Extended_Pictographic}|\uFE0F|\u200D|[✓✔✗✘☑\s.!?])+/gu, '');
  if (bare === '') return null;
  return raw.replace(/^(?:\p{Extended_Pictographic}|[✓✔✗✘☑])\uFE0F?\s*/u, '').replace(/\s*[.!]+$/u, '').trim() || null;
}

// ---- placing -------------------------------------------------------------------------------------

const GENERIC = new Set(['send', 'get', 'make', 'have', 'take', 'write', 'one', 'two', 'first', 'next', 'week', 'day', 'today', 'thing']);

function matchByWords(words: readonly string[], numbered: readonly NumberedCommitment[]): { hit: NumberedCommitment | null; tied: NumberedCommitment[] } {
  const mine = meaningfulTokens(words.join(' '));
  for (const g of GENERIC) mine.delete(g);
  if (mine.size === 0) return { hit: null, tied: [] };
  let best = 0;
  let tied: NumberedCommitment[] = [];
  for (const nc of numbered) {
    const theirs = meaningfulTokens(nc.commitment.text);
    let score = 0;
    for (const w of mine) if (theirs.has(w) || [...theirs].some((x) => x.length >= 5 && w.length >= 5 && (x.startsWith(w) || w.startsWith(x)))) score++;
    if (score > best) {
      best = score;
      tied = [nc];
    } else if (score === best && score > 0) tied.push(nc);
  }
  return tied.length === 1 ? { hit: tied[0], tied } : { hit: null, tied };
}

/** The longest reply read at once (a client's reply is a few lines; a pasted thread is not). */
const MAX_REPLY_CHARS = 10_000;

const quoteText = (t: string) => `“${t.length > 50 ? t.slice(0, 49) + '…' : t}”`;

/** Pieces: lines, `;`, sentences, then commas. */
function pieces(text: string): string[][] {
  // Sentence ends become line breaks first (no lookbehind: iOS before 16.4 has none): after ! or ?
  // the mark stays, after a full stop that follows a letter (not "1. done") it goes.
  return text
    .replace(/([!?])\s+/gu, '$1\n')
    .replace(/([^\d\s])\.\s+/gu, '$1\n')
    .split(/\r?\n|;/u)
    .map((line) => line.split(',').map((p) => p.trim()).filter((p) => p !== ''))
    .filter((line) => line.length > 0);
}

const NOISE = /^(?:hi|hey|hello|thanks|thank you|thx|cheers|ta|morning|good morning|evening|sorry)\b[\s\p{L}!.,]*$|^[\p{Extended_Pictographic}\uFE0F\u200D\s!.]*$/iu;

/**
 * Reads a reply against the numbered commitments of the message it answers. `asOf` is the date
 * that message was drafted for (it only words the problems).
 */
export function readReply(reply: string, numbered: readonly NumberedCommitment[], asOf: IsoDate): ReplyReading {
  const whole = typeof reply === 'string' ? reply.normalize('NFC') : '';
  const text = whole.slice(0, MAX_REPLY_CHARS);
  const unplaced: Unplaced[] = [];
  // The rest of a very long reply is not read: said where the coach sees what was not placed.
  if (whole.length > MAX_REPLY_CHARS) unplaced.push({ text: `${whole.slice(MAX_REPLY_CHARS, MAX_REPLY_CHARS + 40).trim()}…`, why: `the reply is longer than ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters and only the first ${MAX_REPLY_CHARS.toLocaleString('en-US')} were read; log the rest as a reply of its own` });
  const problems: string[] = [];
  const found: { n: number; status: ReplyStatus; note: string | null; source: string; explicit: boolean }[] = [];
  if (text.trim() === '') return { checkIns: [], unplaced, problems: ['The reply is empty: paste what the client wrote back.'] };
  const max = numbered.length;
  const range = max === 0 ? `no commitments were live on ${formatDue(asOf)}` : max === 1 ? `the message numbered one commitment (as of ${formatDue(asOf)})` : `the message numbered 1 to ${max} (as of ${formatDue(asOf)})`;

  for (const line of pieces(text)) {
    let last: { entries: typeof found; colon: boolean } | null = null;
    for (const piece of line) {
      const { clauses, leadingNumber } = parsePiece(piece);
      if (clauses.length === 0) {
        if (last && NOISE.test(piece) === false) {
          for (const e of last.entries) e.note = e.note ? `${e.note}, ${piece}` : piece;
          for (const e of last.entries) e.source += `, ${piece}`;
          continue;
        }
        if (NOISE.test(piece)) continue;
        unplaced.push({
          text: piece,
          why: leadingNumber
            ? 'it gives a number but no status (done, partly, stuck or skipped)'
            : 'it names no number and no status (done, partly, stuck or skipped)',
        });
        continue;
      }
      for (const c of clauses) {
        const source = piece.slice(c.start, c.end).trim().replace(/[,;]+$/, '');
        const note = noteOf(piece, c);
        const entries: typeof found = [];
        if (c.open) {
          // "2 not yet": still open, which is no check-in (a skip would leave the overdue count).
          unplaced.push({ text: source, why: 'it says the commitment is still open (not yet, not started, n/a), which is no check-in, so nothing is logged for it; if it was let slide this time, say skipped' });
          last = { entries, colon: c.colon };
          continue;
        }
        if (c.all) {
          for (const nc of numbered) if (!c.except.includes(nc.n)) entries.push({ n: nc.n, status: c.status!, note, source, explicit: false });
          for (const n of c.except) if (n < 1 || n > max) problems.push(`There is no ${n} to leave out in “${source}”: ${range}.`);
          if (numbered.length === 0) unplaced.push({ text: source, why: range });
        } else if (c.targets.length > 0) {
          for (const n of c.targets) {
            if (!Number.isInteger(n) || n < 1 || n > max) problems.push(`There is no ${n} in “${source}”: ${range}.`);
            else entries.push({ n, status: c.status!, note, source, explicit: true });
          }
        } else {
          const { hit, tied } = matchByWords([...c.words, ...(note ?? '').split(/\s+/)], numbered);
          if (hit) entries.push({ n: hit.n, status: c.status!, note, source, explicit: true });
          else if (tied.length > 1) unplaced.push({ text: source, why: `its words fit ${tied.map((t) => t.n).join(' and ')} equally; add the number` });
          else if (numbered.length === 1) entries.push({ n: 1, status: c.status!, note, source, explicit: true });
          else if (last && !last.colon && c.words.length === 0) {
            // "2 stuck, didn't get to it": the status word belongs to the previous clause's note.
            for (const e of last.entries) e.note = e.note ? `${e.note}, ${source}` : source;
            continue;
          } else unplaced.push({ text: source, why: numbered.length === 0 ? range : 'it names no number and no words that pick out one commitment' });
        }
        for (const e of entries) found.push(e);
        last = { entries, colon: c.colon };
      }
    }
  }

  // An explicit number wins over "all"; a commitment named explicitly twice is a problem.
  const byN = new Map<number, (typeof found)[number]>();
  const named = new Map<number, string[]>();
  for (const e of found) if (e.explicit) pushTo(named, e.n, e.source);
  for (const [n, sources] of named) {
    if (sources.length > 1) {
      const c = numbered.find((x) => x.n === n)!;
      problems.push(`${n} (${quoteText(c.commitment.text)}) is named twice: ${sources.map((s) => `“${s}”`).join(' and ')}. Say which one it is.`);
    }
  }
  for (const e of found) {
    const had = byN.get(e.n);
    if (had === undefined || (e.explicit && !had.explicit)) byN.set(e.n, e);
  }
  const checkIns = [];
  for (const e of [...byN.values()].sort((a, b) => a.n - b.n)) {
    const commitment = numbered.find((x) => x.n === e.n)!.commitment;
    // Closed in the note since the message (ticked, or this reply logged before): a "done" says
    // what the note already says, so there is nothing to log; anything else cannot be logged on it.
    if (commitment.status === 'done' || commitment.status === 'let-go') {
      const was = commitment.status === 'done' ? 'done' : 'let go';
      if (e.status === 'done' && commitment.status === 'done') unplaced.push({ text: e.source, why: `${e.n} (${quoteText(commitment.text)}) is already marked done in the note, so there is nothing to log` });
      else problems.push(`${e.n} (${quoteText(commitment.text)}) is already ${was} in the note, so a check-in saying ${e.status} cannot be logged on it; if it is open again, open its box in the note first, or leave ${e.n} out of the reply.`);
      continue;
    }
    checkIns.push({ n: e.n, commitment, status: e.status, note: e.note, source: e.source });
  }
  if (checkIns.length === 0 && problems.length === 0 && unplaced.length === 0) problems.push('Nothing in the reply reads as a check-in.');
  return { checkIns, unplaced, problems };
}
