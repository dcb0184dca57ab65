import { describe, it, expect } from 'vitest';
import { clientNote, commitmentsNote, only, scan, scanOne, SESSION_PATH, type Frontmatter } from './helpers';

function single(items: string[], fm: Frontmatter = { next: '2026-12-04' }, asOf = '2026-12-03') {
  return only(scanOne(commitmentsNote(items, fm), asOf));
}

describe('derived status', () => {
  it("an open box with a check-in takes the check-in's status", () => {
    const c = single(['- [ ] Send 10 outreach messages', '    - 2026-11-28 stuck: meetings ate Monday']);
    expect(c.status).toBe('stuck');
  });

  it.each(['done', 'partial', 'stuck', 'skipped'])('an open box with a `%s` check-in is %s', (word) => {
    const c = single(['- [ ] Send 10 outreach messages', `    - 2026-11-28 ${word}: noted`]);
    expect(c.status).toBe(word);
  });

  it('an open box with several check-ins takes the latest', () => {
    const c = single([
      '- [ ] Send 10 outreach messages',
      '    - 2026-11-24 stuck: no time',
      '    - 2026-11-26 partial: sent four',
      '    - 2026-11-30 done: all ten',
    ]);
    expect(c.status).toBe('done');
  });

  it('"latest" is by date, even when a check-in is written out of order', () => {
    // Ambiguity: "the latest check-in" could mean the last line. Reading chosen: the latest date,
    // since a coach may add a forgotten earlier check-in below a later one.
    const c = single([
      '- [ ] Send 10 outreach messages',
      '    - 2026-11-30 partial: sent six',
      '    - 2026-11-25 stuck: meetings ate Monday',
    ]);
    expect(c.status).toBe('partial');
  });

  it('a plain bullet counts as an open box', () => {
    const c = single(['- Send 10 outreach messages', '    - 2026-11-28 partial: sent four']);
    expect(c.status).toBe('partial');
  });

  it('an open box without check-ins is open', () => {
    expect(single(['- [ ] Send 10 outreach messages']).status).toBe('open');
  });

  it.each([
    ['x', 'stuck', 'done'],
    ['X', 'partial', 'done'],
    ['/', 'done', 'partial'],
    ['?', 'done', 'stuck'],
    ['-', 'partial', 'let-go'],
    ['>', 'done', 'recommitted'],
  ])('a `[%s]` box ignores a `%s` check-in: status %s', (char, word, status) => {
    const c = single([`- [${char}] Send 10 outreach messages`, `    - 2026-11-28 ${word}: noted`]);
    expect(c.status).toBe(status);
    // The check-in is still kept.
    expect(c.checkIns).toEqual([expect.objectContaining({ date: '2026-11-28', status: word })]);
  });
});

describe('derived due', () => {
  it('an explicit due date wins and is not a default', () => {
    const c = single(['- [ ] Send 10 outreach messages [due:: 2026-11-27]']);
    expect(c.due).toBe('2026-11-27');
    expect(c.dueIsDefault).toBe(false);
  });

  it('an explicit 📅 due date wins and is not a default', () => {
    const c = single(['- [ ] Send 10 outreach messages 📅 2026-11-27']);
    expect(c.due).toBe('2026-11-27');
    expect(c.dueIsDefault).toBe(false);
  });

  it("without one: the session's `next` minus 2 days", () => {
    const c = single(['- [ ] Send 10 outreach messages'], { next: '2026-12-04' });
    expect(c.due).toBe('2026-12-02');
    expect(c.dueIsDefault).toBe(true);
  });

  it.each([
    ['2026-12-01', '2026-11-29'],
    ['2027-01-01', '2026-12-30'],
    ['2027-03-01', '2027-02-27'],
    ['2028-03-01', '2028-02-28'],
  ])('next %s gives due %s (month, year and leap-year boundaries)', (next, due) => {
    const c = single(['- [ ] Send 10 outreach messages'], { date: '2026-11-20', next });
    expect(c.due).toBe(due);
    expect(c.dueIsDefault).toBe(true);
  });

  it("`next` beats the client's cadence", () => {
    const out = scan({
      'Clients/Jane Doe.md': clientNote({ cadence: 'monthly' }),
      [SESSION_PATH]: commitmentsNote(['- [ ] Send 10 outreach messages'], { next: '2026-12-04' }),
    });
    expect(only(out).due).toBe('2026-12-02');
  });

  it.each([
    ['7', '2026-11-25'],
    ['weekly', '2026-11-25'],
    ['biweekly', '2026-12-02'],
    ['21', '2026-12-09'],
    ['monthly', '2026-12-16'],
  ])("without next: session date + the client note's cadence (%s) − 2 days = %s", (cadence, due) => {
    const out = scan({
      'Clients/Jane Doe.md': clientNote({ cadence }),
      [SESSION_PATH]: commitmentsNote(['- [ ] Send 10 outreach messages'], { date: '2026-11-20' }),
    });
    const c = only(out);
    expect(c.due).toBe(due);
    expect(c.dueIsDefault).toBe(true);
  });

  it('the cadence is found through an aliased, path-qualified client link', () => {
    const out = scan({
      'Clients/Jane Doe.md': clientNote({ cadence: 'weekly' }),
      [SESSION_PATH]: commitmentsNote(['- [ ] Send 10 outreach messages'], { client: '"[[Clients/Jane Doe|Jane]]"', date: '2026-11-20' }),
    });
    expect(only(out).due).toBe('2026-11-25');
  });

  it('without next, with a client note that has no cadence: the default 14 days', () => {
    const out = scan({
      'Clients/Jane Doe.md': clientNote({ coach: 'Sam' }),
      [SESSION_PATH]: commitmentsNote(['- [ ] Send 10 outreach messages'], { date: '2026-11-20' }),
    });
    expect(only(out)).toMatchObject({ due: '2026-12-02', dueIsDefault: true });
  });

  it('without next and without a client note: the default 14 days', () => {
    const c = single(['- [ ] Send 10 outreach messages'], { date: '2026-11-20' });
    expect(c).toMatchObject({ due: '2026-12-02', dueIsDefault: true });
  });

  it.each([
    ['2026-12-30', '2027-01-11'],
    ['2028-02-20', '2028-03-03'],
    ['2026-10-25', '2026-11-06'],
    ['2026-03-08', '2026-03-20'],
  ])('session %s + 14 − 2 = %s (year, leap-year and daylight-saving boundaries)', (date, due) => {
    const c = single(['- [ ] Send 10 outreach messages'], { date });
    expect(c.due).toBe(due);
  });

  it('each session note uses its own next date', () => {
    const out = scan({
      'Sessions/2026-11-06 Jane.md': commitmentsNote(['- [ ] Send 5 outreach messages'], { date: '2026-11-06', next: '2026-11-20' }),
      'Sessions/2026-11-20 Jane.md': commitmentsNote(['- [ ] Send 10 outreach messages'], { date: '2026-11-20', next: '2026-12-04' }),
    });
    expect(out.commitments.map((c) => [c.text, c.sessionDate, c.due])).toEqual([
      ['Send 5 outreach messages', '2026-11-06', '2026-11-18'],
      ['Send 10 outreach messages', '2026-11-20', '2026-12-02'],
    ]);
  });
});

describe('derived kind', () => {
  it.each([
    'Send 10 outreach messages',
    'Practice the pitch out loud',
    'Schedule a coffee with the recruiter',
    'Draft the proposal for Acme',
    'Call three former colleagues',
    'Journal for ten minutes every evening',
  ])('"%s" (an action the client fully controls) is process', (text) => {
    expect(single([`- [ ] ${text}`]).kind).toBe('process');
  });

  it.each(['Land three clients', 'Get promoted', 'Lose 5 kg', 'Close the deal', 'Get a new job', 'Find a new job', 'Reach 10k subscribers', 'Get the grant', 'Make partner', 'Run a marathon under 4h', 'Pass the bar exam'])(
    '"%s" (a result the client can only influence) is outcome',
    (text) => {
      expect(single([`- [ ] ${text}`]).kind).toBe('outcome');
    },
  );

  it.each([
    ['Land three new clients by January', 'outcome'],
    ['Get promoted to team lead', 'outcome'],
    ['Close the deal with Acme', 'outcome'],
    ['Send the proposal to Acme', 'process'],
    ['Reach out to three former colleagues', 'process'],
    ['Run 3 times a week', 'process'],
    ['Find a quiet hour for the budget', 'process'],
    ['Make time to review the budget', 'process'],
  ])('"%s" is %s', (text, kind) => {
    expect(single([`- [ ] ${text}`]).kind).toBe(kind);
  });

  it('an explicit kind beats the classification', () => {
    expect(single(['- [ ] Land three clients [kind:: process]']).kind).toBe('process');
    expect(single(['- [ ] Send 10 outreach messages [kind:: outcome]']).kind).toBe('outcome');
  });
});

describe('overdue (as of a date)', () => {
  const asOf = '2026-12-03';

  it.each([
    [' ', '2026-12-02', true],
    [' ', '2026-12-03', false],
    [' ', '2026-12-04', false],
    [' ', '2026-11-01', true],
    ['/', '2026-12-02', true],
    ['/', '2026-12-03', false],
    ['?', '2026-12-02', true],
    ['?', '2026-12-03', false],
    ['x', '2026-12-02', false],
    ['X', '2026-11-01', false],
    ['-', '2026-12-02', false],
    ['>', '2026-12-02', false],
  ])('`[%s]` due %s as of 2026-12-03: overdue %s', (char, due, overdue) => {
    const c = single([`- [${char}] Send 10 outreach messages [due:: ${due}]`], { next: '2026-12-04' }, asOf);
    expect(c.overdue).toBe(overdue);
  });

  it('a plain bullet past its due date is overdue', () => {
    expect(single(['- Send 10 outreach messages 📅 2026-12-01'], { next: '2026-12-04' }, asOf).overdue).toBe(true);
  });

  it('uses the derived status: open box + stuck check-in past due is overdue', () => {
    const c = single(['- [ ] Send 10 outreach messages [due:: 2026-12-02]', '    - 2026-11-28 stuck: meetings ate Monday'], { next: '2026-12-04' }, asOf);
    expect(c.overdue).toBe(true);
  });

  it('uses the derived status: open box + done check-in is not overdue', () => {
    const c = single(['- [ ] Send 10 outreach messages [due:: 2026-12-02]', '    - 2026-11-30 done: all ten sent'], { next: '2026-12-04' }, asOf);
    expect(c.status).toBe('done');
    expect(c.overdue).toBe(false);
  });

  it('uses the derived status: open box + skipped check-in is not overdue', () => {
    // The contract lists only open, partial and stuck as statuses that can be overdue.
    const c = single(['- [ ] Send 10 outreach messages [due:: 2026-12-02]', '    - 2026-11-30 skipped: sick all week'], { next: '2026-12-04' }, asOf);
    expect(c.status).toBe('skipped');
    expect(c.overdue).toBe(false);
  });

  it('works on the default due date too', () => {
    const text = commitmentsNote(['- [ ] Send 10 outreach messages'], { date: '2026-11-20', next: '2026-12-04' });
    expect(only(scanOne(text, '2026-12-02')).overdue).toBe(false);
    expect(only(scanOne(text, '2026-12-03')).overdue).toBe(true);
  });

  it('depends on the as-of date only', () => {
    const text = commitmentsNote(['- [/] Send 10 outreach messages [due:: 2026-12-02]']);
    expect(only(scanOne(text, '2026-11-25')).overdue).toBe(false);
    expect(only(scanOne(text, '2026-12-02')).overdue).toBe(false);
    expect(only(scanOne(text, '2026-12-03')).overdue).toBe(true);
    expect(only(scanOne(text, '2027-06-01')).overdue).toBe(true);
  });
});
