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

/**
 * Chains of a client's commitments (given oldest session first, as `VaultIndex.commitmentsOf`
 * returns them). Every commitment is in exactly one chain; single links are chains of one.
 */
export function findChains(commitments: readonly Commitment[], similarity: number): Chain[] {
  const byId = new Map<string, Commitment>();
  for (const c of commitments) if (c.id !== null && !byId.has(c.id)) byId.set(c.id, c);

  // Sessions in order, each with its commitments (and their words, once asked for).
  const sessions: { path: string; list: Commitment[]; tokens: (Tokens | undefined)[] }[] = [];
  for (const c of commitments) {
    const last = sessions[sessions.length - 1];
    if (last && last.path === c.sessionKey) last.list.push(c);
    else sessions.push({ path: c.sessionKey, list: [c], tokens: [] });
  }
  const tok = (i: number, k: number): Tokens => (sessions[i].tokens[k] ??= tokensOf(sessions[i].list[k].text));
  const order = new Map(sessions.map((s, i) => [s.path, i]));

  const prev = new Map<Commitment, { from: Commitment; by: 'id' | 'text' }>();
  const hasNext = new Set<Commitment>();
  for (let i = 0; i < sessions.length; i++) {
    for (const c of sessions[i].list) {
      if (c.from === null) continue;
      const p = byId.get(c.from);
      if (p && p !== c && !hasNext.has(p) && (order.get(p.sessionKey) ?? i) <= i) {
        prev.set(c, { from: p, by: 'id' });
        hasNext.add(p);
      }
    }
  }
  // Without ids, the same commitment written again in a later session: each earlier one that no
  // later line continues yet is an open end, and a session's lines pair with the open ends of the
  // nearest sessions first, best match first within a session, so a closer rewrite is never
  // beaten to its predecessor by a looser one listed earlier.
  const ends: { i: number; k: number }[] = [];
  for (let i = 0; i < sessions.length; i++) {
    const here = sessions[i].list;
    if (i > 0) {
      const pairs: { p: Commitment; c: Commitment; score: number; gap: number }[] = [];
      // This session's lines that may continue an earlier one (no id link, not joined yet), and
      // their words: the same for every open end, so found once.
      const free: Commitment[] = [];
      const freeWords: Tokens[] = [];
      for (let k = 0; k < here.length; k++) {
        const c = here[k];
        if (c.from !== null || prev.has(c)) continue;
        free.push(c);
        freeWords.push(tok(i, k));
      }
      for (const end of free.length > 0 ? ends : []) {
        const p = sessions[end.i].list[end.k];
        if (hasNext.has(p)) continue;
        // A `[>]` box says it was carried into the next session, so a rewritten text there is
        // enough (any real overlap); otherwise the text has to read as the same commitment.
        const bar = p.checkbox === 'recommitted' && end.i === i - 1 ? Number.MIN_VALUE : similarity;
        const x = tok(end.i, end.k);
        for (let j = 0; j < free.length; j++) {
          const c = free[j];
          const y = freeWords[j];
          const score = similarityAtLeast(x, y, bar);
          if (score >= bar && (bar !== similarity || (!swapsWords(x, y) && !namesDiffer(p.text, c.text)))) pairs.push({ p, c, score, gap: i - end.i });
        }
      }
      pairs.sort((x, y) => x.gap - y.gap || y.score - x.score);
      for (const { p, c } of pairs) {
        if (prev.has(c) || hasNext.has(p)) continue;
        prev.set(c, { from: p, by: 'text' });
        hasNext.add(p);
      }
    }
    // The ends still open: earlier ones not continued, and this session's (a done one ends its
    // chain); a line not written again within MAX_GAP sessions is not looked for any more.
    let kept = 0;
    for (const end of ends) if (!hasNext.has(sessions[end.i].list[end.k]) && i + 1 - end.i <= MAX_GAP) ends[kept++] = end;
    ends.length = kept;
    for (let k = 0; k < here.length; k++) if (here[k].status !== 'done' && !hasNext.has(here[k])) ends.push({ i, k });
  }

  const chains: Chain[] = [];
  for (const c of commitments) {
    if (hasNext.has(c)) continue; // not the end of its chain
    if (!prev.has(c)) {
      // Most commitments are chains of one: no sets to build.
      chains.push({ links: [c], sessions: 1, by: 'id', live: c.status !== 'done' && c.status !== 'let-go' });
      continue;
    }
    const links: Commitment[] = [c];
    let cur = prev.get(c);
    const seen = new Set([c]);
    while (cur && !seen.has(cur.from)) {
      links.unshift(cur.from);
      seen.add(cur.from);
      cur = prev.get(cur.from);
    }
    chains.push({
      links,
      sessions: new Set(links.map((l) => l.sessionKey)).size,
      by: linkedBy(links),
      live: c.status !== 'done' && c.status !== 'let-go',
    });
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
