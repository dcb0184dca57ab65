import { describe, expect, it } from 'vitest';
import { doneOf, sayObservation, type Patterns } from '../../src/core/analytics/patterns';
import { clientNote, JUDGEMENT, patternsOf, sessionNote, vault, weekly, type Files } from './fixtures';

/** The observations as sentences, dates ISO. */
const says = (p: Patterns) => p.observations.map((o) => sayObservation(o));

const JANE = 'Jane Doe';
const AS_OF = '2026-12-01';

/** One held session on 2026-11-10 (next 11-17, so default due 11-15) with these items. */
const one = (items: string[]) => vault(clientNote(JANE, { cadence: 'weekly' }), sessionNote(JANE, '2026-11-10', items, { next: '2026-11-17' }));

const NOUNS = ['invoice', 'deck', 'brief', 'budget', 'roadmap', 'agenda', 'contract', 'memo', 'survey', 'pitch', 'report', 'summary', 'outline', 'proposal', 'timeline'];
/** Distinct commitments, so no two read as the same one. */
const item = (i: number, box: string, fields = '') => `- [${box}] Prepare the ${NOUNS[i]} ${fields}`.trimEnd();

/** Every fixture built in this file, for the judgement-word check at the end. */
const built: Files[] = [];
const keep = (f: Files) => (built.push(f), f);

describe('if-then plans', () => {
  // 9 with a plan (7 done), 6 without (2 done): the example sentence.
  const files = keep(
    one([
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => item(i, 'x', i % 2 ? '[trigger:: after standup]' : '[coping:: busy -> do it at lunch]')),
      item(7, ' ', '[trigger:: after standup]'),
      item(8, ' ', '[coping:: busy -> do it at lunch]'),
      ...[9, 10].map((i) => item(i, 'x')),
      ...[11, 12, 13, 14].map((i) => item(i, ' ')),
    ]),
  );

  it('splits completion by whether there is a trigger or coping plan, with counts', () => {
    const p = patternsOf(files, JANE, AS_OF);
    expect(p.ifThen.with).toMatchObject({ done: 7, total: 9 });
    expect(p.ifThen.without).toMatchObject({ done: 2, total: 6 });
    expect(says(p)).toContain('With an if-then plan Jane completed 7 of 9; without one, 2 of 6.');
  });

  it('counts a plan written as a detail line', () => {
    const p = patternsOf(one(['- [x] Prepare the invoice', '    - When I pour Monday\'s coffee, I\'ll open the sheet', '- [x] Prepare the deck', '    - If Monday fills up, then Tuesday first thing']), JANE, AS_OF);
    expect(p.ifThen.with.total).toBe(2);
  });

  it('names it only when both sides reach the minimum count', () => {
    const small = keep(one([item(0, 'x', '[trigger:: after standup]'), item(1, 'x', '[trigger:: after standup]'), item(2, 'x', '[trigger:: after standup]'), item(3, ' '), item(4, 'x')]));
    expect(says(patternsOf(small, JANE, AS_OF)).join('\n')).not.toContain('if-then');
    expect(says(patternsOf(small, JANE, AS_OF, { minCount: 2 }))).toContain('With an if-then plan Jane completed 3 of 3; without one, 1 of 2.');
  });
});

describe('process vs outcome, by owner, by weekday', () => {
  it('splits by kind with counts', () => {
    const files = keep(
      one([
        ...[0, 1, 2].map((i) => item(i, 'x', '[kind:: process]')),
        item(3, ' ', '[kind:: process]'),
        item(4, 'x', '[kind:: outcome]'),
        item(5, ' ', '[kind:: outcome]'),
        item(6, '-', '[kind:: outcome]'),
      ]),
    );
    const p = patternsOf(files, JANE, AS_OF);
    expect(p.kind.process).toMatchObject({ done: 3, total: 4 });
    expect(p.kind.outcome).toMatchObject({ done: 1, total: 3 });
    expect(says(p)).toContain('Process commitments (actions Jane controls): 3 of 4 done; outcome commitments: 1 of 3.');
  });

  it('splits by owner: client, coach and a partner, each with counts', () => {
    const p = patternsOf(
      one(['- [x] Prepare the invoice', '- [ ] Prepare the deck', '- [x] Coach: send the template', '- [ ] Check in on Friday [owner:: Alex]']),
      JANE,
      AS_OF,
    );
    expect(Object.fromEntries(p.byOwner.map((s) => [s.label, [s.completion.done, s.completion.total]]))).toEqual({ client: [1, 2], coach: [1, 1], Alex: [0, 1] });
  });

  it('splits by the weekday of the due date, Monday first, and names a weak day', () => {
    // Three due on Saturdays, none done; three due on Wednesdays and three on Thursdays, all done.
    const sat = ['2026-11-07', '2026-11-14', '2026-11-21'];
    const wed = ['2026-11-04', '2026-11-11', '2026-11-18'];
    const thu = ['2026-11-05', '2026-11-12', '2026-11-19'];
    const files = keep(
      one([
        ...sat.map((d, i) => item(i, ' ', `[due:: ${d}]`)),
        ...wed.map((d, i) => item(3 + i, 'x', `[due:: ${d}]`)),
        ...thu.map((d, i) => item(6 + i, 'x', `[due:: ${d}]`)),
      ]),
    );
    const p = patternsOf(files, JANE, AS_OF);
    expect(p.byWeekday.map((s) => [s.label, s.completion.done, s.completion.total])).toEqual([
      ['Wednesday', 3, 3],
      ['Thursday', 3, 3],
      ['Saturday', 0, 3],
    ]);
    expect(says(p)).toContain('Commitments due on a Saturday were done 0 of 3 times; due on other days, 6 of 6.');
  });
});

describe('carried-over chains', () => {
  const files = keep(
    vault(
      clientNote(JANE, { cadence: 'weekly' }),
      weekly(JANE, '2026-11-03', [
        ['- [>] Have the conversation with Dana ^d1', '- [x] Prepare the invoice'],
        ['- [>] Have the conversation with Dana [from:: d1] ^d2', '- [ ] Prepare the deck'],
        ['- [ ] Have the conversation with Dana [from:: d2] ^d3', '- [ ] Prepare the deck'],
      ]),
    ),
  );

  it('lists chains of 2 or more sessions, longest first, with each link', () => {
    const p = patternsOf(files, JANE, '2026-11-18');
    expect(p.chains.map((c) => [c.text, c.sessions, c.by, c.live])).toEqual([
      ['Have the conversation with Dana', 3, 'id', true],
      ['Prepare the deck', 2, 'text', true],
    ]);
    expect(p.chains[0].links.map((l) => [l.sessionDate, l.status, l.id])).toEqual([
      ['2026-11-03', 'recommitted', 'd1'],
      ['2026-11-10', 'recommitted', 'd2'],
      ['2026-11-17', 'open', 'd3'],
    ]);
  });

  it("names those carried 3 sessions or more: the issue's sentence", () => {
    const p = patternsOf(files, JANE, '2026-11-18');
    expect(says(p)).toContain("'Have the conversation with Dana' has been carried over 3 sessions running.");
    expect(says(p).join('\n')).not.toContain("'Prepare the deck'");
  });
});

describe('the past four weeks', () => {
  it("says in how many recent sessions the previous session's commitments were not done", () => {
    const files = keep(
      vault(
        clientNote(JANE, { cadence: 'weekly' }),
        weekly(JANE, '2026-11-03', [
          ['- [ ] Prepare the invoice', '- [-] Prepare the deck'],
          ['- [ ] Prepare the brief', '- [x] Prepare the budget', '- [ ] Prepare the roadmap'],
          ['- [x] Prepare the agenda', '- [/] Prepare the contract'],
          ['- [ ] Prepare the memo'],
        ]),
      ),
    );
    const p = patternsOf(files, JANE, AS_OF);
    expect(says(p)).toContain('Over the past 4 weeks Jane had 3 sessions; in 2 of them the commitments from the session before were not done.');
  });

  it('says nothing when they were done', () => {
    const files = keep(
      vault(clientNote(JANE, { cadence: 'weekly' }), weekly(JANE, '2026-11-03', [['- [x] Prepare the invoice'], ['- [x] Prepare the brief'], ['- [x] Prepare the agenda'], ['- [ ] Prepare the memo']])),
    );
    expect(says(patternsOf(files, JANE, AS_OF)).join('\n')).not.toContain('past 4 weeks');
  });
});

describe('check-ins over time', () => {
  const files = keep(
    one([
      '- [ ] Prepare the invoice',
      '    - 2026-11-11 done: first half',
      '    - 2026-11-20 skipped',
      '- [ ] Prepare the deck',
      '    - 2026-11-13 stuck: no numbers',
      '    - 2026-11-18 nudged: texted',
      '    - 2026-11-22 stuck: still no numbers',
    ]),
  );

  it('lists them by date, with the current stuck/skipped streak (nudges left out of it)', () => {
    const p = patternsOf(files, JANE, AS_OF);
    expect(p.checkIns.map((k) => `${k.date} ${k.status}`)).toEqual([
      '2026-11-11 done',
      '2026-11-13 stuck',
      '2026-11-18 nudged',
      '2026-11-20 skipped',
      '2026-11-22 stuck',
    ]);
    expect(p.streak).toEqual({ status: 'stuck', length: 3, since: '2026-11-13' });
    expect(p.longestStreak).toBe(3);
    expect(says(p)).toContain("Jane's last 3 check-ins were stuck or skipped, since 2026-11-13.");
  });

  it('a done check-in ends the streak; check-ins after the as-of date are left out', () => {
    const p = patternsOf(
      one(['- [ ] Prepare the invoice', '    - 2026-11-11 stuck', '    - 2026-11-12 skipped', '    - 2026-11-20 done', '    - 2026-12-05 stuck']),
      JANE,
      AS_OF,
    );
    expect(p.checkIns).toHaveLength(3);
    expect(p.streak).toBeNull();
    expect(p.longestStreak).toBe(2);
  });
});

describe('observation sentences', () => {
  it('use no judgement words, over every fixture here', () => {
    expect(built.length).toBeGreaterThan(5);
    let n = 0;
    for (const files of built) {
      for (const o of says(patternsOf(files, JANE, AS_OF))) {
        expect(o).not.toMatch(JUDGEMENT);
        // About the client in the third person, never "you" or "we".
        expect(o).not.toMatch(/\b(you|your|we|we've)\b/i);
        n++;
      }
    }
    expect(n).toBeGreaterThan(5);
  });

  it('say nothing for a client with no sessions', () => {
    const p = patternsOf(clientNote(JANE), JANE, AS_OF);
    expect(p.observations).toEqual([]);
    expect(p.chains).toEqual([]);
    expect(p.streak).toBeNull();
  });
});

describe('bars and counts', () => {
  it('counts agree with the rate: partly done ones are named beside the done count', () => {
    expect(doneOf({ done: 10, partial: 1, total: 12 })).toBe('10 of 12 (+1 partly)');
    expect(doneOf({ done: 10, partial: 0, total: 11 })).toBe('10 of 11');
  });

  it('a sentence with a partly done commitment says so, so its count and the rate agree', () => {
    const files = one([
      ...[0, 1, 2].map((i) => item(i, 'x', '[trigger:: after standup]')),
      item(3, '/', '[trigger:: after standup]'),
      ...[4, 5].map((i) => item(i, 'x')),
      item(6, ' '),
    ]);
    const p = patternsOf(files, JANE, AS_OF);
    expect(p.ifThen.with).toMatchObject({ done: 3, partial: 1, total: 4, rate: 3.5 / 4 });
    expect(says(p)).toContain('With an if-then plan Jane completed 3 of 4 (+1 partly); without one, 2 of 3.');
  });

  it('offers a bar only with at least the minimum count behind it, and says how many it left out', () => {
    // 4 with a plan, 2 without; all process; due on one weekday.
    const files = one([...[0, 1, 2, 3].map((i) => item(i, 'x', '[trigger:: after standup]')), item(4, 'x'), item(5, ' ')]);
    const p = patternsOf(files, JANE, AS_OF);
    expect(p.bars.minCount).toBe(3);
    const labels = p.bars.groups.map((g) => [g.heading, g.bars.map((b) => b.label)]);
    expect(labels).toEqual([
      ['If-then plan', ['With a plan']],
      ['Kind', ['Process']],
      ['By weekday due', [p.byWeekday[0].label]],
    ]);
    expect(p.bars.hidden).toBe(1);
    for (const g of p.bars.groups) for (const b of g.bars) expect(b.completion.total).toBeGreaterThanOrEqual(p.bars.minCount);
    // With a lower threshold the small split is drawn too.
    expect(patternsOf(files, JANE, AS_OF, { minCount: 2 }).bars.groups[0].bars.map((b) => b.label)).toEqual(['With a plan', 'Without']);
  });

  it('keeps dates in observations as dates, for the view to format', () => {
    const files = one(['- [ ] Prepare the invoice', '    - 2026-11-13 stuck', '    - 2026-11-20 skipped']);
    const o = patternsOf(files, JANE, AS_OF).observations.find((x) => x.kind === 'streak')!;
    expect(o.parts).toContainEqual({ date: '2026-11-13' });
    expect(sayObservation(o, (d) => `<${d}>`)).toBe("Jane's last 2 check-ins were stuck or skipped, since <2026-11-13>.");
  });
});
