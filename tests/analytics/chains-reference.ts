/**
 * The chains as they were found before the word index (src/core/analytics/chains.ts): every open
 * end against every later line, kept as the reference the faster search must agree with.
 */
import type { Commitment } from '../../src/core/types';
import { linkedBy, MAX_GAP, type Chain } from '../../src/core/analytics/chains';
import { namesDiffer, similarityAtLeast, swapsWords, tokensOf, type Tokens } from '../../src/core/analytics/similarity';

export function findChainsByEveryPair(commitments: readonly Commitment[], similarity: number): Chain[] {
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

