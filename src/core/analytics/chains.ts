/**
 * Carried-over chains: one commitment followed from session to session, by `[from:: id]` links
 * (written by recommit and modify), or, where notes have no ids, by the same commitment written
 * again in the client's next session note, or by a `[>]` (recommitted) item and its rewritten
 * form in the next session note.
 */
import type { Commitment } from '../types';
import { tokensOf, tokenSimilarity, type Tokens } from './similarity';

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
  for (let i = 1; i < sessions.length; i++) {
    // Every pairing that reads as the same commitment, best match first, so a closer rewrite
    // is never beaten to its predecessor by a looser one listed earlier.
    const pairs: { p: Commitment; c: Commitment; score: number }[] = [];
    const here = sessions[i].list;
    const before = sessions[i - 1].list;
    for (let k = 0; k < here.length; k++) {
      const c = here[k];
      if (prev.has(c) || c.from !== null) continue;
      for (let j = 0; j < before.length; j++) {
        const p = before[j];
        if (hasNext.has(p) || p.status === 'done') continue;
        const score = tokenSimilarity(tok(i - 1, j), tok(i, k));
        // A `[>]` box says it was carried into the next session, so a rewritten text there is
        // enough (any real overlap); otherwise the text has to read as the same commitment.
        const bar = p.checkbox === 'recommitted' ? Number.MIN_VALUE : similarity;
        if (score >= bar) pairs.push({ p, c, score });
      }
    }
    pairs.sort((x, y) => y.score - x.score);
    for (const { p, c } of pairs) {
      if (prev.has(c) || hasNext.has(p)) continue;
      prev.set(c, { from: p, by: 'text' });
      hasNext.add(p);
    }
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
    const kinds = new Set<'id' | 'text'>();
    let cur = prev.get(c);
    const seen = new Set([c]);
    while (cur && !seen.has(cur.from)) {
      kinds.add(cur.by);
      links.unshift(cur.from);
      seen.add(cur.from);
      cur = prev.get(cur.from);
    }
    chains.push({
      links,
      sessions: new Set(links.map((l) => l.sessionKey)).size,
      by: kinds.size === 2 ? 'mixed' : kinds.has('text') ? 'text' : 'id',
      live: c.status !== 'done' && c.status !== 'let-go',
    });
  }
  return chains;
}
