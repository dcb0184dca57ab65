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
  const byWord = new Map<number, number[]>();
  /** A word's key in `byWord`: a small integer (a faster key than the word's 53-bit number); words that share one only share a list, and every pair is still scored on its words. */
  const keyOf = (word: number) => (word | 0) & 0x3fffffff;
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
          const ends = byWord.get(keyOf(y[w]));
          if (ends === undefined) continue;
          let kept = 0;
          for (let e = 0; e < ends.length; e++) {
            const end = ends[e];
            const at = sessionOf[end];
            if (hasNext[end] === 1 || i - at > MAX_GAP) continue;
            ends[kept++] = end;
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
          ends.length = kept;
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
      for (let w = 0; w < words.length; w++) {
        if (words.indexOf(words[w]) < w) continue;
        const key = keyOf(words[w]);
        const ends = byWord.get(key);
        if (ends === undefined) byWord.set(key, [end]);
        else if (ends[ends.length - 1] !== end) ends.push(end);
      }
    }
  }
}

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
    const links: Commitment[] = [];
    let sessions = 0;
    for (let q = places.length - 1; q >= 0; q--) {
      const at = places[q];
      links.push(commitments[at]);
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
