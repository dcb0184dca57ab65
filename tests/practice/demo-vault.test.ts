/**
 * The demo vault's two coaches as of 2026-12-01 (examples/demo-vault-expected.md): Sam Rivera's
 * clients are seen on cadence, Priya Nair's slip, so the two columns show differing rhythms; and
 * each figure lands on the clients the vault was written for.
 */
import { describe, expect, it } from 'vitest';
import { practiceFigures, trendSeries } from '../../src/core/practice/figures';
import { coachOf, D, demoEntries, demoIndex } from './helpers';

const entries = demoEntries();
const f = practiceFigures(demoIndex(), D);
const sam = coachOf(f, 'Sam Rivera');
const priya = coachOf(f, 'Priya Nair');
const rhythmOf = (coach: typeof sam, client: string) => coach.clients.find((c) => c.client === client)!.sessionRhythm;

describe('demo vault practice figures as of 2026-12-01', () => {
  it('has two coach columns and no Unassigned: Jordan Ellis goes to Priya, whose sessions he had', () => {
    expect(f.coaches.map((c) => c.coach)).toEqual(['Priya Nair', 'Sam Rivera']);
    expect(priya.clients.map((c) => c.client).sort()).toEqual(['Elena Petrova', 'Hannah Lindqvist', 'Jordan Ellis', 'Marcus Bell', 'Tom Whitaker']);
    expect(sam.clients.map((c) => c.client).sort()).toEqual(['Daniel Okafor', 'Grace Adeyemi', 'Maya Chen', 'Ravi Shah', 'Sofia Alvarez']);
  });

  it('counts clients who are active and not released: Sam 3 (not Grace, Ravi), Priya 4 (not Tom)', () => {
    expect([sam.activeClients, priya.activeClients, f.total.activeClients]).toEqual([3, 4, 7]);
  });

  it('shows differing rhythms: Sam 7 of 8 sessions held (88%), Priya 5 of 9.8 (51%)', () => {
    expect(sam.sessionRhythm).toEqual({ held: 7, planned: 8, ratio: 7 / 8 });
    expect(priya.sessionRhythm.held).toBe(5);
    expect(priya.sessionRhythm.planned).toBeCloseTo(9.8, 6);
    expect(priya.sessionRhythm.ratio!).toBeLessThan(sam.sessionRhythm.ratio! - 0.3);
  });

  it('per client: Sam’s are on cadence except Sofia (no session since 11-13); Priya’s slip', () => {
    expect(rhythmOf(sam, 'Maya Chen')).toEqual({ held: 4, planned: 4, ratio: 1 }); // incl. Priya covering on 11-10
    expect(rhythmOf(sam, 'Daniel Okafor')).toEqual({ held: 2, planned: 2, ratio: 1 });
    expect(rhythmOf(sam, 'Sofia Alvarez')).toEqual({ held: 1, planned: 2, ratio: 0.5 });
    expect(rhythmOf(priya, 'Marcus Bell')).toEqual({ held: 1, planned: 4, ratio: 0.25 }); // cancelled 11-09, no-show 11-23
    expect(rhythmOf(priya, 'Elena Petrova')).toEqual({ held: 0, planned: 1, ratio: 0 }); // cancelled 11-11
    expect(rhythmOf(priya, 'Hannah Lindqvist')).toMatchObject({ held: 2, planned: 2.8 }); // every 11-13 days against 10
    expect(rhythmOf(priya, 'Jordan Ellis')).toEqual({ held: 2, planned: 2, ratio: 1 }); // started 11-12
  });

  it('and over eight weeks: Sam steady at 100% until Sofia’s gap, Priya below him on average and uneven', () => {
    const s = trendSeries(sam.trend, 'sessionRhythm') as number[];
    const p = trendSeries(priya.trend, 'sessionRhythm') as number[];
    expect(s.slice(0, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(s[7]).toBe(0.875);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(p)).toBeLessThan(mean(s) - 0.1);
    expect(Math.max(...p) - Math.min(...p)).toBeGreaterThan(0.3);
  });

  it('escalations: Priya’s Elena (overdue, stalled), Hannah (declining), Marcus (stalled); Sam’s Maya and Sofia (overdue)', () => {
    const kinds = (c: typeof sam) => c.escalations.map((e) => `${e.client}: ${e.kind}`).sort();
    // Hannah's and Marcus's long-overdue items were each written again in a later session: only
    // the latest link of a carried chain can be overdue (spec, Derived values), and theirs are recent.
    expect(kinds(priya)).toEqual([
      'Elena Petrova: overdue',
      'Elena Petrova: stalled',
      'Hannah Lindqvist: declining',
      'Marcus Bell: stalled',
    ]);
    expect(kinds(sam)).toEqual(['Maya Chen: overdue', 'Sofia Alvarez: overdue']);
    // Maya's oldest: mc2b2, due 10-25, 37 days overdue.
    const maya = sam.escalations.find((e) => e.client === 'Maya Chen')!;
    expect(maya.evidence.map((e) => [e.path, e.line])).toEqual([['Sessions/2026-10-20 Maya Chen.md', 17]]);
  });

  it('clients at risk: Marcus, Elena, Hannah for Priya; Sofia and Maya for Sam; Daniel and Jordan are not', () => {
    expect(priya.clientsAtRisk.map((r) => r.client)).toEqual(['Marcus Bell', 'Elena Petrova', 'Hannah Lindqvist']);
    expect(sam.clientsAtRisk.map((r) => r.client)).toEqual(['Sofia Alvarez', 'Maya Chen']);
    expect(priya.clientsAtRisk[0].signals.map((s) => s.name)).toContain('missed-sessions');
  });

  it('coach-owned items on time: Sam 2 of 3 due in the window (sa6f4 still open)', () => {
    expect(sam.coachOwnedOnTime).toEqual({ onTime: 2, total: 3, share: 2 / 3 });
  });

  it('overdue items caught within a week: every overdue item with a check-in had it the next day', () => {
    expect(priya.followUpLagDays).toBe(1);
    expect(sam.followUpLagDays).toBe(1);
    expect(priya.caughtSameWeek.caught).toBe(priya.followUpLag.count);
  });

  it('milestones: Sam’s clients 5 done of 9 (one due soon), Priya’s one past due (Marcus) and three undated (Hannah)', () => {
    expect(sam.milestones).toEqual({ done: 5, dueSoon: 1, overdue: 0, upcoming: 3, undated: 0, total: 9 });
    expect(priya.milestones).toEqual({ done: 0, dueSoon: 0, overdue: 1, upcoming: 2, undated: 3, total: 6 });
  });
});
