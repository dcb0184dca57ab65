/**
 * The search by text as it was before the word index (src/core/analytics/chains.ts `linkByText`):
 * every open end tried against every later line, kept as the reference the faster search must
 * agree with. The rest of the chains (sessions, id links, the chains the links make) is chains.ts's own.
 */
import type { Commitment } from '../../src/core/types';
import { chainsFromLinks, linkByIds, MAX_GAP, sessionLines, type Chain } from '../../src/core/analytics/chains';
import { namesDiffer, similarityAtLeast, swapsWords, type Tokens } from '../../src/core/analytics/similarity';

export function findChainsByEveryPair(commitments: readonly Commitment[], similarity: number): Chain[] {
  const lines = sessionLines(commitments);
  const { sessions, words: tok } = lines;
  const links = linkByIds(commitments, lines);
  const { prev, hasNext } = links;
  // Without ids, the same commitment written again in a later session: each earlier one that no
  // later line continues yet is an open end, and a session's lines pair with the open ends of the
  // nearest sessions first, best match first within a session, so a closer rewrite is never
  // beaten to its predecessor by a looser one listed earlier.
  const ends: { i: number; k: number }[] = [];
  const place = (i: number, k: number) => sessions[i].start + k;
  for (let i = 0; i < sessions.length; i++) {
    const here = sessions[i].list;
    if (i > 0) {
      const pairs: { p: number; c: number; score: number; gap: number }[] = [];
      // This session's lines that may continue an earlier one (no id link, not joined yet), and
      // their words: the same for every open end, so found once.
      const free: number[] = [];
      const freeWords: Tokens[] = [];
      for (let k = 0; k < here.length; k++) {
        if (here[k].from !== null || prev[place(i, k)] >= 0) continue;
        free.push(k);
        freeWords.push(tok(i, k));
      }
      for (const end of free.length > 0 ? ends : []) {
        const p = sessions[end.i].list[end.k];
        if (hasNext[place(end.i, end.k)] === 1) continue;
        // A `[>]` box says it was carried into the next session, so a rewritten text there is
        // enough (any real overlap); otherwise the text has to read as the same commitment.
        const bar = p.checkbox === 'recommitted' && end.i === i - 1 ? Number.MIN_VALUE : similarity;
        const x = tok(end.i, end.k);
        for (let j = 0; j < free.length; j++) {
          const c = here[free[j]];
          const y = freeWords[j];
          const score = similarityAtLeast(x, y, bar);
          if (score >= bar && (bar !== similarity || (!swapsWords(x, y) && !namesDiffer(p.text, c.text)))) pairs.push({ p: place(end.i, end.k), c: place(i, free[j]), score, gap: i - end.i });
        }
      }
      pairs.sort((x, y) => x.gap - y.gap || y.score - x.score);
      for (const { p, c } of pairs) {
        if (prev[c] >= 0 || hasNext[p] === 1) continue;
        prev[c] = p;
        hasNext[p] = 1;
      }
    }
    // The ends still open: earlier ones not continued, and this session's (a done one ends its
    // chain); a line not written again within MAX_GAP sessions is not looked for any more.
    let kept = 0;
    for (const end of ends) if (hasNext[place(end.i, end.k)] === 0 && i + 1 - end.i <= MAX_GAP) ends[kept++] = end;
    ends.length = kept;
    for (let k = 0; k < here.length; k++) if (here[k].status !== 'done' && hasNext[place(i, k)] === 0) ends.push({ i, k });
  }

  return chainsFromLinks(commitments, links, lines);
}
