import { describe, expect, it } from 'vitest';
import { completion, formatRate, hasComeDue } from '../../src/core/analytics/completion';
import { analysis, clientNote, indexOf, rowOf, sessionNote, vault, weekly } from './fixtures';

const AS_OF = '2026-12-01';
const PAST = '2026-11-25';
const LATER = '2026-12-05';

/** One client, one held session on 2026-11-20 with these items. */
function one(items: string[]) {
  return vault(clientNote('Jane Doe', { cadence: 'weekly' }), sessionNote('Jane Doe', '2026-11-20', items, { next: '2026-11-27' }));
}

describe('completion = done ÷ commitments come due, partial = 0.5', () => {
  it('counts a partial as half a done', () => {
    const a = analysis(
      one([`- [x] Send the invoice [due:: ${PAST}]`, `- [/] Draft the proposal [due:: ${PAST}]`, `- [ ] Call the printer [due:: ${PAST}]`]),
      'Jane Doe',
      AS_OF,
    );
    expect(a.completionAll).toEqual({ score: 1.5, done: 1, partial: 1, total: 3, rate: 0.5 });
  });

  it('puts let-go and recommitted in the denominator as not done', () => {
    const a = analysis(
      one([`- [x] Send the invoice [due:: ${PAST}]`, `- [-] Redo the photos [due:: ${PAST}]`, `- [>] Call the printer [due:: ${PAST}]`]),
      'Jane Doe',
      AS_OF,
    );
    expect(a.completionAll.total).toBe(3);
    expect(a.completionAll.rate).toBeCloseTo(1 / 3);
  });

  it('leaves out open commitments that are not due yet, and counts a done one early', () => {
    const a = analysis(
      one([
        `- [x] Send the invoice [due:: ${LATER}]`, // done before its due date: counts
        `- [ ] Draft the proposal [due:: ${LATER}]`, // open, not due: left out
        `- [ ] Book the venue [due:: ${AS_OF}]`, // due today has not passed: left out
        `- [ ] Call the printer [due:: 2026-11-30]`, // due yesterday: counts, not done
      ]),
      'Jane Doe',
      AS_OF,
    );
    expect(a.completionAll).toMatchObject({ done: 1, total: 2, rate: 0.5 });
  });

  it('counts an open box whose latest check-in is stuck or skipped as come due, not done', () => {
    // "Status no longer open": the derived status (stuck, skipped) is not `open`, so these count
    // even before their due date. That is the literal reading of the definition.
    const a = analysis(
      one([
        `- [x] Send the invoice [due:: ${LATER}]`,
        `- [ ] Draft the proposal [due:: ${LATER}]`,
        `    - 2026-11-24 stuck: no numbers yet`,
        `- [ ] Book the venue [due:: ${LATER}]`,
        `    - 2026-11-24 skipped`,
      ]),
      'Jane Doe',
      AS_OF,
    );
    expect(a.completionAll).toMatchObject({ done: 1, total: 3 });
  });

  it('measures coach-owned commitments separately (Coach: prefix and [owner:: coach])', () => {
    const files = one([
      `- [x] Send the invoice [due:: ${PAST}]`,
      `- [ ] Draft the proposal [due:: ${PAST}]`,
      `- [x] Coach: send Jane the template [due:: ${PAST}]`,
      `- [x] Share the reading list [owner:: coach] [due:: ${PAST}]`,
      `- [ ] Coach: book the follow-up call [due:: ${PAST}]`,
    ]);
    const a = analysis(files, 'Jane Doe', AS_OF);
    expect(a.completionAll).toMatchObject({ done: 1, total: 2, rate: 0.5 });
    expect(a.coachCompletion).toMatchObject({ done: 2, total: 3 });
    const row = rowOf(files, 'Jane Doe', AS_OF);
    expect(row.completionAll).toBe(0.5);
    expect(row.coachCompletion).toBeCloseTo(2 / 3);
    expect(row).toMatchObject({ open: 1, overdue: 1, done: 1, coachOpen: 1, coachOverdue: 1 });
  });

  it("keeps a partner's commitments out of the client's rate", () => {
    // Reading: the client's completion is the client's own follow-through; a partner's items
    // (any owner other than client or coach) are neither the client's nor the coach's.
    const a = analysis(
      one([`- [x] Send the invoice [due:: ${PAST}]`, `- [ ] Check in with Jane on Friday [owner:: Alex] [due:: ${PAST}]`]),
      'Jane Doe',
      AS_OF,
    );
    expect(a.completionAll).toMatchObject({ done: 1, total: 1, rate: 1 });
    expect(a.coachCompletion.total).toBe(0);
  });

  it('is null, shown as "-", when nothing has come due', () => {
    const a = analysis(one([`- [ ] Draft the proposal [due:: ${LATER}]`]), 'Jane Doe', AS_OF);
    expect(a.completionAll.rate).toBeNull();
    expect(formatRate(a.completionAll.rate)).toBe('-');
    expect(formatRate(2 / 3)).toBe('67%');
  });

  it('hasComeDue: passed due date or status no longer open', () => {
    const index = indexOf(one([`- [ ] A thing [due:: ${AS_OF}]`, `- [ ] B thing [due:: 2026-11-30]`, `- [-] C thing [due:: ${LATER}]`]));
    const [a, b, c] = index.commitmentsOf('Jane Doe');
    expect([hasComeDue(a, AS_OF), hasComeDue(b, AS_OF), hasComeDue(c, AS_OF)]).toEqual([false, true, true]);
    expect(completion([a, b, c], AS_OF)).toMatchObject({ total: 2, done: 0, rate: 0 });
  });
});

describe('recent completion: the last 3 held sessions', () => {
  it('uses only the last 3 held sessions; cancelled ones are not among the 3', () => {
    const files = vault(
      clientNote('Jane Doe', { cadence: 'weekly' }),
      weekly('Jane Doe', '2026-10-06', [
        ['- [ ] Old open item'], // 10-06: overdue, not done; only in the all-time rate
        ['- [x] Item two'], // 10-13
        ['- [x] Item three'], // 10-20
        ['- [ ] Item four'], // 10-27
      ]),
      sessionNote('Jane Doe', '2026-11-03', [], { status: 'cancelled', next: '2026-11-10' }),
    );
    const a = analysis(files, 'Jane Doe', AS_OF);
    expect(a.held.map((s) => s.date)).toEqual(['2026-10-06', '2026-10-13', '2026-10-20', '2026-10-27']);
    expect(a.completionRecent).toMatchObject({ done: 2, total: 3 });
    expect(a.completionAll).toMatchObject({ done: 2, total: 4, rate: 0.5 });
  });

  it('follows a custom recentSessions setting', () => {
    const files = vault(
      clientNote('Jane Doe', { cadence: 'weekly' }),
      weekly('Jane Doe', '2026-10-06', [['- [x] One'], ['- [x] Two'], ['- [ ] Three']]),
    );
    expect(analysis(files, 'Jane Doe', AS_OF, { recentSessions: 1 }).completionRecent).toMatchObject({ done: 0, total: 1 });
    expect(analysis(files, 'Jane Doe', AS_OF, { recentSessions: 2 }).completionRecent).toMatchObject({ done: 1, total: 2 });
  });
});
