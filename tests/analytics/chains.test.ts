import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains } from '../../src/core/analytics/chains';
import type { Commitment } from '../../src/core/types';
import { findChainsByEveryPair } from './chains-reference';
import { hashOf, meaningfulTokens, namesDiffer, similarityAtLeast, textSimilarity, tokenList, tokenSimilarity, tokensOf } from '../../src/core/analytics/similarity';
import { DEFAULT_THRESHOLDS } from '../../src/core/analytics/thresholds';
import { clientNote, indexOf, sessionNote, signalNames, vault, weekly, type Files } from './fixtures';

const JANE = 'Jane Doe';
const SIM = DEFAULT_THRESHOLDS.similarity;

function chainsOf(files: Files, similarity = SIM) {
  return findChains(indexOf(files).commitmentsOf(JANE), similarity);
}

/** The chains spanning two or more sessions, as their texts oldest first. */
function carried(files: Files, similarity = SIM) {
  return chainsOf(files, similarity)
    .filter((c) => c.sessions >= 2)
    .map((c) => ({ texts: c.links.map((l) => l.text), sessions: c.sessions, by: c.by, live: c.live }));
}

const weeks = (items: string[][]) => vault(clientNote(JANE, { cadence: 'weekly' }), weekly(JANE, '2026-11-02', items));

describe('similarity', () => {
  it('matches the same commitment reworded, not two commitments sharing one verb', () => {
    expect(textSimilarity('Have the conversation with Dana', 'Have the handover conversation with Dana')).toBeGreaterThanOrEqual(SIM);
    expect(textSimilarity('Send my portfolio to three designers for feedback', 'Send portfolio to three designers for feedback')).toBe(1);
    expect(textSimilarity('Send the invoice', 'Send the deck')).toBe(0);
    expect([...meaningfulTokens('Sending the Invoices!')]).toEqual(['send', 'invoice']);
    // The ASCII fast path splits as the Unicode path does.
    expect([...meaningfulTokens('Call Zoë & Ana (re: Q3) — 2x!')]).toEqual(['call', 'zoe', 'ana', 're', 'q3', '2x']);
    expect([...meaningfulTokens('Call Zoe & Ana (re: Q3) -- 2x!')]).toEqual(['call', 'zoe', 'ana', 're', 'q3', '2x']);
  });

  it('reads the same words character by character as the word lists give (tokensOf = hashes of tokenList)', () => {
    const piece = fc.oneof(
      fc.constantFrom('Send', 'SENDING', 'the', 'Invoices', 'boss', 'ss', 'ing', 'Bring', 'asked', 'Ed', 'is', 'Zoë', 'İ', 'K', '2x', 'q3', 'meetings', 'ring', 'Things'),
      fc.string({ maxLength: 6 }),
      fc.constantFrom(' ', '  ', ', ', '-', '!', '\t', '’'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(tokensOf(text)).toEqual(tokenList(text).map(hashOf));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('chains by id ([from:: id])', () => {
  it('follows from-links even when the text is rewritten every time', () => {
    const files = weeks([
      ['- [>] Have the conversation with Dana ^d1'],
      ['- [>] Write Dana an email proposing a time [from:: d1] ^d2'],
      ['- [ ] Ask her for twenty minutes on Thursday [from:: d2] ^d3'],
    ]);
    expect(carried(files)).toEqual([
      {
        texts: ['Have the conversation with Dana', 'Write Dana an email proposing a time', 'Ask her for twenty minutes on Thursday'],
        sessions: 3,
        by: 'id',
        live: true,
      },
    ]);
    expect(signalNames(files, JANE, '2026-11-17')).toContain('carried-over');
  });

  it('puts every commitment in exactly one chain', () => {
    const files = weeks([
      ['- [>] Have the conversation with Dana ^d1', '- [x] Send the invoice'],
      ['- [ ] Write Dana an email [from:: d1] ^d2', '- [x] Book the venue'],
    ]);
    const chains = chainsOf(files);
    const all = chains.flatMap((c) => c.links);
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(4);
    expect(chains.map((c) => c.links.length).sort()).toEqual([1, 1, 2]);
  });
});

describe('chains by [>] and a rewritten text', () => {
  // 0.5 apart: below the similarity bar for two unrelated items, but a [>] box says it went on.
  const a = 'Have the conversation with Dana about the handover';
  const b = 'Talk to Dana about the handover plan';
  const c = 'Book a slot with Dana for the handover';

  it('the rewrites are below the bar on text alone', () => {
    expect(textSimilarity(a, b)).toBeLessThan(SIM);
    expect(textSimilarity(b, c)).toBeLessThan(SIM);
  });

  it('links a [>] item to its rewritten form in the next session', () => {
    const files = weeks([[`- [>] ${a}`, '- [x] Send the invoice'], [`- [>] ${b}`, '- [x] Book the venue'], [`- [ ] ${c}`]]);
    expect(carried(files)).toEqual([{ texts: [a, b, c], sessions: 3, by: 'text', live: true }]);
    expect(signalNames(files, JANE, '2026-11-17')).toContain('carried-over');
  });

  it('without the [>] box the same rewrites are separate commitments', () => {
    const files = weeks([[`- [ ] ${a}`], [`- [ ] ${b}`], [`- [ ] ${c}`]]);
    expect(carried(files)).toEqual([]);
  });

  it('a [>] item still needs some overlap: an unrelated next commitment is not its continuation', () => {
    const files = weeks([[`- [>] ${a}`], ['- [ ] Send the invoice to Kinfolk']]);
    expect(carried(files)).toEqual([]);
  });
});

describe('chains by text only (no ids)', () => {
  it('links the same commitment written again in consecutive sessions', () => {
    const files = weeks([
      ['- [ ] Send my portfolio to three designers for feedback', '    - 2026-11-06 skipped'],
      ['- [/] Send the portfolio to 3 designers and ask for feedback'],
      ['- [ ] Send portfolio to three designers for feedback'],
    ]);
    expect(carried(files)).toEqual([
      {
        texts: [
          'Send my portfolio to three designers for feedback',
          'Send the portfolio to 3 designers and ask for feedback',
          'Send portfolio to three designers for feedback',
        ],
        sessions: 3,
        by: 'text',
        live: true,
      },
    ]);
  });

  it('a recurring habit that gets done each time is not a chain', () => {
    const files = weeks([
      ['- [x] Journal for ten minutes each morning'],
      ['- [x] Journal for ten minutes each morning'],
      ['- [x] Journal for ten minutes each morning'],
      ['- [ ] Journal for ten minutes each morning'],
    ]);
    expect(carried(files)).toEqual([]);
    expect(signalNames(files, JANE, '2026-11-24')).not.toContain('carried-over');
  });

  it('done by check-in counts as done too', () => {
    const files = weeks([
      ['- [ ] Journal for ten minutes each morning', '    - 2026-11-06 done'],
      ['- [ ] Journal for ten minutes each morning', '    - 2026-11-13 done'],
      ['- [ ] Journal for ten minutes each morning'],
    ]);
    expect(carried(files)).toEqual([]);
  });

  it('finds it in any later session, not only the next: a session in between without it does not break the chain', () => {
    const files = weeks([['- [ ] Draft the pricing page copy'], ['- [ ] Call the accountant'], ['- [ ] Draft the pricing page copy']]);
    expect(carried(files)).toEqual([{ texts: ['Draft the pricing page copy', 'Draft the pricing page copy'], sessions: 2, by: 'text', live: true }]);
  });

  it('pairs with the nearest earlier session that has it', () => {
    const files = weeks([['- [ ] Draft the pricing page copy'], ['- [ ] Draft the pricing page copy'], ['- [ ] Call the accountant'], ['- [ ] Draft the pricing page copy']]);
    expect(carried(files)).toEqual([{ texts: ['Draft the pricing page copy', 'Draft the pricing page copy', 'Draft the pricing page copy'], sessions: 3, by: 'text', live: true }]);
  });

  it('a word swapped for another makes another commitment: chapter 3 and chapter 4, mum and dad, Acme and Globex', () => {
    for (const [before, after] of [
      ['Read chapter 3', 'Read chapter 4'],
      ['Call mum on Sunday', 'Call dad on Sunday'],
      ['Pay the March invoice', 'Pay the April invoice'],
      ['Send the proposal to Acme', 'Send the proposal to Globex'],
    ]) {
      expect(carried(weeks([[`- [ ] ${before}`], [`- [ ] ${after}`]])), before).toEqual([]);
    }
    // A word added, or three words still in common, reads as the same commitment written again.
    expect(carried(weeks([['- [ ] Send the invoice'], ['- [ ] Send the invoice to Dana']]))).toHaveLength(1);
    expect(carried(weeks([['- [ ] Walk 20 minutes every day'], ['- [ ] Walk 30 minutes every day']]))).toHaveLength(1);
  });

  it('another name in place of a name makes another commitment, however many words are shared', () => {
    for (const [before, after] of [
      ['Email Sarah about the new pricing offer', 'Email John about the new pricing offer'],
      ['Send the updated onboarding deck to Priya', 'Send the updated onboarding deck to Marcus'],
    ]) {
      expect(carried(weeks([[`- [ ] ${before}`], [`- [ ] ${after}`]])), before).toEqual([]);
    }
    // The same name, a day moved or a name added reads as the same commitment written again.
    expect(carried(weeks([['- [ ] Email Sarah about the new pricing offer'], ['- [ ] Email Sarah about the new pricing offer on Friday']]))).toHaveLength(1);
    expect(carried(weeks([['- [ ] Call the accountant about the quarterly filing on Monday'], ['- [ ] Call the accountant about the quarterly filing on Tuesday']]))).toHaveLength(1);
    expect(carried(weeks([['- [ ] Send the updated onboarding deck'], ['- [ ] Send the updated onboarding deck to Priya']]))).toHaveLength(1);
  });

  it('tells names apart as the plain expression does, with or without its quick look for a capital', () => {
    // namesDiffer skips the expression for ASCII texts with no capital after a space or an
    // opening mark; this reference always runs it.
    const names = (t: string) => {
      const out = new Set<string>();
      for (const m of t.matchAll(/[\s(,;"“'‘[](\p{Lu}[\p{Ll}\p{M}'’-]+)/gu)) {
        const w = m[1].toLowerCase();
        if (!/^(i|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(w)) out.add(w);
      }
      return out;
    };
    const reference = (a: string, b: string) => {
      const x = names(a);
      const y = names(b);
      return x.size > 0 && y.size > 0 && [...x].some((w) => !y.has(w)) && [...y].some((w) => !x.has(w));
    };
    const piece = fc.constantFrom('Sarah', 'John', 'ANA', 'Zoë', 'Élodie', 'O\'Neil', 'Jean-Luc', 'Monday', 'I', 'send', 'the', 'deck', ' ', '  ', '\t', '(', ',', ';', '"', "'", '[', '“', '‘', '-', 'X', 'é', '\u00a0', 'Ça');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(text, text, (a, b) => namesDiffer(a, b) === reference(a, b)), { numRuns: 3000 });
  });

  it('a cancelled session in between (no commitments) does not break it', () => {
    // As in the demo vault (Marcus Bell): the sessions held are still consecutive.
    const files = vault(
      clientNote(JANE, { cadence: 'weekly' }),
      sessionNote(JANE, '2026-11-02', ['- [ ] Draft the pricing page copy'], { next: '2026-11-09' }),
      sessionNote(JANE, '2026-11-09', [], { status: 'cancelled', next: '2026-11-16' }),
      sessionNote(JANE, '2026-11-16', ['- [ ] Draft the pricing page copy'], { next: '2026-11-23' }),
      sessionNote(JANE, '2026-11-23', ['- [ ] Draft the pricing page copy'], { next: '2026-11-30' }),
    );
    expect(carried(files)).toMatchObject([{ sessions: 3, by: 'text' }]);
  });

  it('links the closest rewrite even when a looser one is listed first', () => {
    const files = weeks([
      ['- [ ] Draft the pricing page copy'],
      ['- [ ] Draft the pricing page copy and the FAQ', '- [ ] Draft the pricing page copy'],
    ]);
    expect(carried(files).map((c) => c.texts)).toEqual([['Draft the pricing page copy', 'Draft the pricing page copy']]);
    const recommitted = weeks([
      ['- [>] Call the bank about the loan'],
      ['- [ ] Call the accountant about the loan paperwork', '- [ ] Call the bank about the loan'],
    ]);
    expect(carried(recommitted).map((c) => c.texts)).toEqual([['Call the bank about the loan', 'Call the bank about the loan']]);
  });

  it('does not join two commitments that share only a verb', () => {
    expect(carried(weeks([['- [ ] Send the invoice'], ['- [ ] Send the deck']]))).toEqual([]);
  });

  it('follows a custom similarity bar', () => {
    const files = weeks([['- [ ] Have the conversation with Dana'], ['- [ ] Have the handover conversation with Dana']]);
    expect(carried(files)).toHaveLength(1);
    expect(carried(files, 0.95)).toEqual([]);
  });

  it('ends a chain with done or let-go as not live, and carries on the id chain by text (mixed)', () => {
    const files = weeks([
      ['- [>] Draft the pricing page copy ^p1'],
      ['- [ ] Draft the pricing page copy, first section [from:: p1] ^p2', '    - 2026-11-12 stuck'],
      ['- [x] Draft the pricing page copy, first section'],
    ]);
    expect(carried(files)).toEqual([
      { texts: ['Draft the pricing page copy', 'Draft the pricing page copy, first section', 'Draft the pricing page copy, first section'], sessions: 3, by: 'mixed', live: false },
    ]);
    expect(signalNames(files, JANE, '2026-11-17')).not.toContain('carried-over');
  });
});

describe('chains up to a date, kept with the client\'s figures', () => {
  // Three weekly sessions carrying one commitment, and a session already written for a later week.
  const files = weeks([['- [ ] Send the deck to Dana'], ['- [ ] Send the deck to Dana'], ['- [ ] Send the deck to Dana'], ['- [ ] Book the offsite venue']]);
  const asOf = '2026-11-20'; // after the third session, before the fourth

  it('are the chains of the commitments held by then, found once for the date and again after a change', async () => {
    const { analyseClient } = await import('../../src/core/analytics/client-analysis');
    const index = indexOf(files);
    const jane = () => index.client(JANE)!;
    const t = { ...DEFAULT_THRESHOLDS };
    const first = analyseClient(index, jane(), asOf, t);
    expect(first.commitments.map((c) => c.text)).toEqual(['Send the deck to Dana', 'Send the deck to Dana', 'Send the deck to Dana']);
    expect(first.chains).toEqual(findChains(first.commitments, SIM));
    expect(first.chains.filter((c) => c.sessions === 3)).toHaveLength(1);
    // The same date again: the same chains, not found again.
    expect(analyseClient(index, jane(), asOf, t).chains).toBe(first.chains);
    // Another date: found for that date.
    const later = analyseClient(index, jane(), '2026-11-30', t);
    expect(later.commitments).toHaveLength(4);
    expect(later.chains).toEqual(findChains(later.commitments, SIM));
    // A change to one of the client's notes: found again, from the note as it now is.
    const path = Object.keys(files).find((p) => p.includes('2026-11-09'))!;
    index.setNote(path, files[path].replace('Send the deck to Dana', 'Plan the quarterly review'));
    const changed = analyseClient(index, jane(), asOf, t);
    expect(changed.chains).not.toBe(first.chains);
    expect(changed.chains).toEqual(findChains(changed.commitments, SIM));
    expect(changed.chains.filter((c) => c.sessions === 3)).toHaveLength(0);
  });
});

describe('similarity with a bar', () => {
  it('is the similarity when it reaches the bar and 0 when it does not, for any two word lists and bar', () => {
    const words = fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 8 });
    const bar = fc.oneof(fc.constant(Number.MIN_VALUE), fc.constant(0.6), fc.double({ min: 0.1, max: 1, noNaN: true }));
    fc.assert(
      fc.property(words, words, bar, (x, y, b) => {
        // Dice of the two word sets, with one shared word between texts of several words counting for nothing.
        const shared = x.filter((w) => y.includes(w)).length;
        const s = x.length === 0 || y.length === 0 || (shared < 2 && Math.min(x.length, y.length) > 1) ? 0 : (2 * shared) / (x.length + y.length);
        expect(tokenSimilarity(x, y)).toBe(s);
        expect(similarityAtLeast(x, y, b)).toBe(s >= b ? s : 0);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('the search by words (chains.ts) against trying every pair (chains-reference.ts)', () => {
  const WORDS = ['send', 'the', 'deck', 'Dana', 'call', 'mum', 'draft', 'invoice', 'walk', 'twenty', 'minutes', 'Sarah', 'review', 'budget', 'plan', 'Monday'];
  const STATUSES = ['open', 'done', 'partial', 'stuck', 'let-go', 'recommitted'] as const;
  const line = fc.record({
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 }),
    status: fc.constantFrom(...STATUSES),
    carried: fc.boolean(),
    id: fc.option(fc.constantFrom('a1', 'b2', 'c3', 'd4'), { nil: null, freq: 4 }),
    from: fc.option(fc.constantFrom('a1', 'b2', 'c3', 'd4', 'zz'), { nil: null, freq: 4 }),
  });
  const history = fc.array(fc.array(line, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 70 });

  /** A client's commitments, oldest session first, with what findChains reads of them. */
  function commitments(sessions: (typeof line extends fc.Arbitrary<infer L> ? L : never)[][]): Commitment[] {
    const out: Commitment[] = [];
    sessions.forEach((lines, s) =>
      lines.forEach((l, k) =>
        out.push({ sessionKey: `S${s}`, text: l.words.join(' '), status: l.status, checkbox: l.carried ? 'recommitted' : 'open', id: l.id, from: l.from, line: k + 1 } as unknown as Commitment),
      ),
    );
    return out;
  }

  it('finds the same chains, in the same order, for any history and bar', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(0.1, 0.35, SIM, 0.8, 1), (sessions, similarity) => {
        const list = commitments(sessions);
        expect(findChains(list, similarity)).toEqual(findChainsByEveryPair(list, similarity));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same chains for a client of hundreds of distinct words, then for small clients, then for it again', () => {
    // Past the open ends' first table (256 words), so the search grows it, and clients after it
    // start from the grown table with nothing of the big client's left in it.
    let seed = 3;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 8) % n;
    const big = Array.from({ length: 300 }, (_, s) =>
      Array.from({ length: 4 }, (_, k) => ({
        words: [`topic${s}x${k}`, `step${rnd(40)}`, `with${rnd(300)}`, WORDS[rnd(WORDS.length)]],
        status: STATUSES[rnd(STATUSES.length)],
        carried: rnd(8) === 0,
        id: null,
        from: null,
      })),
    );
    const small = [[{ words: ['send', 'deck'], status: 'open' as const, carried: false, id: null, from: null }], [{ words: ['send', 'the', 'deck'], status: 'open' as const, carried: false, id: null, from: null }]];
    for (const sessions of [big, small, small, big, small]) {
      const list = commitments(sessions);
      const found = findChains(list, 0.35);
      expect(found).toEqual(findChainsByEveryPair(list, 0.35));
      if (sessions === small) expect(found.map((c) => c.links.length)).toEqual([2]);
    }
    expect(findChains(commitments(big), 0.35).some((c) => c.sessions > 1)).toBe(true);
  });

  it('finds the same chains for every client of a vault of real-looking notes', () => {
    const index = indexOf(
      vault(
        clientNote(JANE, { cadence: 'weekly' }),
        weekly(JANE, '2025-01-06', Array.from({ length: 80 }, (_, w) => [`- [${w % 4 === 0 ? 'x' : ' '}] Send the deck to Dana ${w % 3 === 0 ? 'and Sarah' : ''}`, `- [${w % 7 === 0 ? '>' : ' '}] ${w % 2 ? 'Walk twenty minutes at lunch' : 'Walk 20 minutes after lunch'}`, `- [ ] Review chapter ${w % 5}`])),
      ),
    );
    const list = index.commitmentsOf(JANE);
    expect(list.length).toBeGreaterThan(200);
    expect(findChains(list, SIM)).toEqual(findChainsByEveryPair(list, SIM));
    expect(findChains(list, SIM).some((c) => c.sessions > 2)).toBe(true);
  });
});
