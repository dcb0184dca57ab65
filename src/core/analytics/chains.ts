/**
 * Carried-over chains: one commitment followed from session to session, by `[from:: id]` links
 * (written by recommit and modify), or, where notes have no ids, by the same commitment written
 * again in a later session note of the client's (the nearest first), or by a `[>]`
 * (recommitted) item and its rewritten form in the next session note.
 */
import type { Commitment } from '../types';
import { namesDiffer, similarityAtLeast, swapsWords, tokensOf, type Tokens } from './similarity';

export interface Chain {
  /** Oldest first; the last is the current form of the commitment. */
  links: Commitment[];
  /** Distinct sessions the commitment has been written in. */
  sessions: number;
  /** How the links were found. */
  by: 'id' | 'text' | 'mixed';
  /** The latest link is still expected (not done or let go). */
  live: boolean;
}

/**
 * How many sessions later a line without an id may be written again and still carry the earlier
 * one: a year of weekly sessions. It bounds the work for a client with thousands of sessions.
 */
export const MAX_GAP = 52;

/** A line that may continue an open end: `gap` sessions later, `k` the end's place, `j` the line's; `p` and `c` their places in the list. */
interface Pair {
  p: number;
  c: number;
  score: number;
  gap: number;
  k: number;
  j: number;
}

/**
 * A client's commitments by session, oldest first, with each commitment's words once asked for
 * (`words`). A commitment is named by its place in the list (`n`): session `i`'s `k`th is
 * `sessions[i].start + k`, and `sessionOf[n]` is its session.
 */
export interface SessionLines {
  sessions: { path: string; start: number; list: Commitment[]; tokens: (Tokens | undefined)[] }[];
  sessionOf: Int32Array;
  /** The words of session `i`'s `k`th commitment. */
  readonly words: (i: number, k: number) => Tokens;
}

/**
 * Which commitment continues which, by place in the list: `prev[n]` is the place of the one `n`
 * continues (-1 for none), and `hasNext[n]` is 1 when something continues `n`. Arrays rather
 * than maps keyed by commitment: a cold roster finds the chains of every client.
 */
export interface Links {
  prev: Int32Array;
  hasNext: Uint8Array;
}

/**
 * Chains of a client's commitments (given oldest session first, as `VaultIndex.commitmentsOf`
 * returns them). Every commitment is in exactly one chain; single links are chains of one.
 */
export function findChains(commitments: readonly Commitment[], similarity: number): Chain[] {
  const lines = sessionLines(commitments);
  const links = linkByIds(commitments, lines);
  linkByText(lines, links, similarity);
  return chainsFromLinks(commitments, links, lines);
}

/** The commitments by session (they come grouped, oldest session first). */
export function sessionLines(commitments: readonly Commitment[]): SessionLines {
  const sessions: SessionLines['sessions'] = [];
  const sessionOf = new Int32Array(commitments.length);
  for (let n = 0; n < commitments.length; n++) {
    const c = commitments[n];
    const last = sessions[sessions.length - 1];
    if (last && last.path === c.sessionKey) last.list.push(c);
    else sessions.push({ path: c.sessionKey, start: n, list: [c], tokens: [] });
    sessionOf[n] = sessions.length - 1;
  }
  // A commitment carried without an id is written again word for word in later sessions, so a
  // client's texts repeat: each distinct text is cut into words once.
  const byText = new Map<string, Tokens>();
  const wordsOf = (text: string): Tokens => {
    let words = byText.get(text);
    if (words === undefined) byText.set(text, (words = tokensOf(text)));
    return words;
  };
  return { sessions, sessionOf, words: (i, k) => (sessions[i].tokens[k] ??= wordsOf(sessions[i].list[k].text)) };
}

/** The links written as `[from:: id]`: a line continues the first commitment of that id, in its session or an earlier one. */
export function linkByIds(commitments: readonly Commitment[], { sessions }: SessionLines): Links {
  // The first commitment of each block id, asked for by a line that names one (`from`). Few lines
  // do, so the first few are found by a look along the list, and a map is built only for a client
  // with many.
  let byId: Map<string, number> | null = null;
  let looks = 0;
  const withId = (id: string): number => {
    if (byId === null && looks++ < 16) {
      for (let n = 0; n < commitments.length; n++) if (commitments[n].id === id) return n;
      return -1;
    }
    if (byId === null) {
      byId = new Map();
      for (let n = 0; n < commitments.length; n++) {
        const c = commitments[n];
        if (c.id !== null && !byId.has(c.id)) byId.set(c.id, n);
      }
    }
    return byId.get(id) ?? -1;
  };

  const prev = new Int32Array(commitments.length).fill(-1);
  const hasNext = new Uint8Array(commitments.length);
  let order: Map<string, number> | null = null;
  for (let i = 0; i < sessions.length; i++) {
    const { list, start } = sessions[i];
    for (let k = 0; k < list.length; k++) {
      const c = list[k];
      if (c.from === null) continue;
      const p = withId(c.from);
      if (p < 0 || p === start + k || hasNext[p] === 1) continue;
      order ??= new Map(sessions.map((s, at) => [s.path, at]));
      if ((order.get(commitments[p].sessionKey) ?? i) <= i) {
        prev[start + k] = p;
        hasNext[p] = 1;
      }
    }
  }
  return { prev, hasNext };
}

/**
 * The links found by text, added to `links`: where there are no ids, the same commitment written
 * again in a later session, or a `[>]` item and its rewritten form in the next session.
 */
function linkByText({ sessions, sessionOf, words: tok }: SessionLines, { prev, hasNext }: Links, similarity: number): void {
  // Without ids, the same commitment written again in a later session: each earlier one that no
  // later line continues yet is an open end, and a session's lines pair with the open ends of the
  // nearest sessions first, best match first within a session, so a closer rewrite is never
  // beaten to its predecessor by a looser one listed earlier.
  //
  // A pair needs a word in common (every bar is above 0), so the open ends are found by their
  // words: `byWord` lists, for each word, the ends that have it (by place in the list), oldest
  // first. An end continued, or more than MAX_GAP sessions back, is dropped from a list when the
  // list is next read. (Trying every open end against every line was most of a cold roster: a
  // client with a year of sessions has dozens of open ends, and most pairs share no word.)
  const floor = Math.max(similarity, Number.MIN_VALUE);
  const byWord = ENDS_BY_WORD;
  byWord.start();
  /** The line each end was last tried against (a number per line), so a line tries it once. */
  const seen = new Int32Array(sessionOf.length);
  let stamp = 0;
  for (let i = 0; i < sessions.length; i++) {
    const { list: here, start } = sessions[i];
    if (i > 0) {
      const pairs: Pair[] = [];
      for (let j = 0; j < here.length; j++) {
        const c = here[j];
        // Only lines that may continue an earlier one: no id link, not joined yet.
        if (c.from !== null || prev[start + j] >= 0) continue;
        const y = tok(i, j);
        stamp++;
        for (let w = 0; w < y.length; w++) {
          const slot = byWord.find(keyOf(y[w]));
          if (slot < 0) continue;
          // Along the word's list, dropping the ends that are continued or too far back.
          let before = -1;
          for (let node = byWord.head[slot]; node >= 0; node = byWord.next[node]) {
            const end = byWord.end[node];
            const at = sessionOf[end];
            if (hasNext[end] === 1 || i - at > MAX_GAP) {
              byWord.unlink(slot, before, node);
              continue;
            }
            before = node;
            if (seen[end] === stamp) continue; // met under another of the line's words
            seen[end] = stamp;
            const k = end - sessions[at].start;
            const p = sessions[at].list[k];
            // A `[>]` box says it was carried into the next session, so a rewritten text there is
            // enough (any real overlap); otherwise the text has to read as the same commitment.
            const bar = p.checkbox === 'recommitted' && at === i - 1 ? Number.MIN_VALUE : floor;
            const x = tok(at, k);
            const score = similarityAtLeast(x, y, bar);
            if (score >= bar && (bar !== floor || (!swapsWords(x, y) && !namesDiffer(p.text, c.text)))) pairs.push({ p: end, c: start + j, score, gap: i - at, k, j });
          }
        }
      }
      // Nearest session first, then best match, then as the lines stand (the earlier line of the
      // earlier session note first): the order the search by every pair found them in.
      pairs.sort((x, y) => x.gap - y.gap || y.score - x.score || x.k - y.k || x.j - y.j);
      for (const { p, c } of pairs) {
        if (prev[c] >= 0 || hasNext[p] === 1) continue;
        prev[c] = p;
        hasNext[p] = 1;
      }
    }
    // This session's open ends (a done one ends its chain), each listed once under each of its words.
    for (let k = 0; k < here.length; k++) {
      const end = start + k;
      if (here[k].status === 'done' || hasNext[end] === 1) continue;
      const words = tok(i, k);
      for (let w = 0; w < words.length; w++) if (words.indexOf(words[w]) === w) byWord.append(keyOf(words[w]), end);
    }
  }
}

/** A word's key among the open ends: a small integer (its low 30 bits); words that share one only share a list, and every pair is still scored on its words. */
function keyOf(word: number): number {
  return (word | 0) & 0x3fffffff;
}

/**
 * `linkByText`'s open ends by word: for each word's key a list of ends (places in the client's
 * list), oldest first, held in typed arrays (a hash table of keys, and the lists' links) that
 * the next client's search reuses. A list per word as an array was most of what a cold roster
 * allocated: a client's commitments have a couple of hundred distinct words, most of them listed
 * once or twice. Not reentrant, and needs none: the search calls nothing that searches.
 */
class EndsByWord {
  /** The table, open addressing: a slot is in use while `gen` holds this search's number. */
  private keys = new Int32Array(512);
  private gen = new Int32Array(512);
  head = new Int32Array(512);
  private tail = new Int32Array(512);
  private shift = 32 - 9;
  private used = 0;
  private search = 0;
  /** The lists' links: each node's end, and the next node (-1 at the end). */
  end = new Int32Array(2048);
  next = new Int32Array(2048);
  private nodes = 0;

  /** A fresh search: every list empty, nothing to clear. */
  start(): void {
    this.search++;
    this.used = 0;
    this.nodes = 0;
  }

  /** The slot of a key's list, or -1 when no end has been listed under it. */
  find(key: number): number {
    const s = this.slot(key);
    return this.gen[s] === this.search && this.keys[s] === key ? s : -1;
  }

  /** Lists `end` last under `key` (once: an end is not listed twice in a row under one key). */
  append(key: number, end: number): void {
    if (2 * (this.used + 1) > this.keys.length) this.grow();
    const s = this.slot(key);
    if (this.gen[s] !== this.search) {
      this.take(s, key, -1, -1);
      this.used++;
    } else if (this.head[s] >= 0 && this.end[this.tail[s]] === end) return;
    const node = this.node(end);
    if (this.head[s] < 0) this.head[s] = node;
    else this.next[this.tail[s]] = node;
    this.tail[s] = node;
  }

  /**
   * Where `key` is in the table, or the free slot where it would go. At most half the slots are
   * in use (see `append`), so a free one ends the look; the count only bounds it should that
   * ever not hold.
   */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (let looks = 0; looks < mask && this.gen[s] === this.search && this.keys[s] !== key; looks++) s = (s + 1) & mask;
    return s;
  }

  /** Slot `s` in use by this search, for `key`'s list from `head` to `tail`. */
  private take(s: number, key: number, head: number, tail: number): void {
    this.gen[s] = this.search;
    this.keys[s] = key;
    this.head[s] = head;
    this.tail[s] = tail;
  }

  /** Drops `node` from slot `s`'s list; `before` is the node ahead of it (-1 when it is the first). */
  unlink(s: number, before: number, node: number): void {
    const after = this.next[node];
    if (before < 0) this.head[s] = after;
    else this.next[before] = after;
    if (this.tail[s] === node) this.tail[s] = before;
  }

  private node(end: number): number {
    if (this.nodes === this.end.length) {
      this.end = grown(this.end);
      this.next = grown(this.next);
    }
    const node = this.nodes++;
    this.end[node] = end;
    this.next[node] = -1;
    return node;
  }

  /** Twice the slots, this search's keys placed again. */
  private grow(): void {
    const { keys, gen, head, tail } = this;
    const size = keys.length * 2;
    this.keys = new Int32Array(size);
    this.gen = new Int32Array(size);
    this.head = new Int32Array(size);
    this.tail = new Int32Array(size);
    this.shift--;
    for (let old = 0; old < keys.length; old++) if (gen[old] === this.search) this.take(this.slot(keys[old]), keys[old], head[old], tail[old]);
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const ENDS_BY_WORD = new EndsByWord();

/** The chains the links make, each ending at a commitment nothing continues, in the commitments' order. */
export function chainsFromLinks(commitments: readonly Commitment[], { prev, hasNext }: Links, { sessionOf }: SessionLines): Chain[] {
  const chains: Chain[] = [];
  // Marks by chain (its end's place plus one), so a walk back stops at a link it met already
  // (two ids naming each other) and a session is counted once, with no set per chain.
  const walked = new Int32Array(commitments.length);
  const counted = new Int32Array(commitments.length);
  for (let n = 0; n < commitments.length; n++) {
    if (hasNext[n] === 1) continue; // not the end of its chain
    const c = commitments[n];
    const live = c.status !== 'done' && c.status !== 'let-go';
    if (prev[n] < 0) {
      // Most commitments are chains of one.
      chains.push({ links: [c], sessions: 1, by: 'id', live });
      continue;
    }
    const mark = n + 1;
    const places = [n];
    walked[n] = mark;
    for (let at = prev[n]; at >= 0 && walked[at] !== mark; at = prev[at]) {
      walked[at] = mark;
      places.push(at);
    }
    // Exactly as long as the chain: the index keeps every client's chains, and a list grown by
    // `push` keeps room for more.
    const links = new Array<Commitment>(places.length);
    let sessions = 0;
    for (let q = places.length - 1; q >= 0; q--) {
      const at = places[q];
      links[places.length - 1 - q] = commitments[at];
      if (counted[sessionOf[at]] !== mark) {
        counted[sessionOf[at]] = mark;
        sessions++;
      }
    }
    chains.push({ links, sessions, by: linkedBy(links), live });
  }
  return chains;
}

/**
 * How a run of links was found, read off the links themselves: a link joined by id names the
 * one before it (`from`); one joined by its text names none. For a chain cut at a date.
 */
export function linkedBy(links: readonly Commitment[]): Chain['by'] {
  let id = false;
  let text = false;
  for (let k = 1; k < links.length; k++) {
    if (links[k].from !== null && links[k].from === links[k - 1].id) id = true;
    else text = true;
  }
  return id && text ? 'mixed' : text ? 'text' : 'id';
}
