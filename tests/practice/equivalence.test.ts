/**
 * The fast paths agree with the analytics they stand in for:
 * - `analysisAt` (a client's notes gathered once, filtered by date) is `analyseClient`, and
 *   `signalAnalysisAt` (the compact records) gives the same signals, at the headline date and at
 *   earlier dates (derived chains);
 * - the signal rules' tests alone (`raisedSignals`, what a trend point runs) over the compact
 *   records raise exactly the signals `computeSignals(analyseClient(…))` gives, at every trend date;
 * - each trend point equals the headline of `practiceFigures` run as of that week.
 * Checked on the demo vault, on the fixtures' weekly runs and on a generated practice.
 */
import { describe, expect, it } from 'vitest';
import { analyseClient } from '../../src/core/analytics/client-analysis';
import { computeSignals, raisedSignals, riskScore } from '../../src/core/analytics/signals';
import { resolveThresholds, type RiskThresholds } from '../../src/core/analytics/thresholds';
import { addDays } from '../../src/core/dates';
import { VaultIndex } from '../../src/core/index/vault-index';
import { analysisAt } from '../../src/core/practice/client-timeline';
import { gather } from '../../src/core/practice/client-point';
import { signalAnalysisAt } from '../../src/core/practice/compact';
import { resolvePracticeOptions } from '../../src/core/practice/figure-types';
import { practiceFigures, type FigurePoint } from '../../src/core/practice/figures';
import { practiceVault } from '../../bench/practice';
import { clientNote, D, demoEntries, sessionNote, vault, weekly } from './helpers';

function indexFrom(entries: [string, string][]): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(entries);
  return index;
}

/** The compact records of every client, built as practiceFigures builds them. */
function compactOf(index: VaultIndex, latest: string, t: RiskThresholds) {
  const data = gather(index, latest, resolvePracticeOptions({ thresholds: t }), undefined);
  return new Map(data.map((c) => [c.client.name, { tl: c.timeline, compact: c.compact }]));
}

function checkVault(index: VaultIndex, asOf: string, dates: string[], t: RiskThresholds = resolveThresholds()) {
  let compared = 0;
  const records = compactOf(index, asOf, t);
  for (const client of index.clients()) {
    const { tl, compact } = records.get(client.name)!;
    for (const d of dates) {
      const full = analyseClient(index, client, d, t);
      const exact = computeSignals(full, t);
      const mine = analysisAt(tl, d, t);
      const { sessionLine: _a, chains: chainsA, ...restMine } = mine;
      const { sessionLine: _b, chains: chainsB, ...restFull } = full;
      expect(restMine, `${client.name} analysis as of ${d}`).toEqual(restFull);
      expect(chainsA.filter((c) => c.sessions > 1), `${client.name} chains as of ${d}`).toEqual(chainsB.filter((c) => c.sessions > 1));
      expect(computeSignals(mine, t), `${client.name} as of ${d}`).toEqual(exact);
      const focused = signalAnalysisAt(tl, compact, d, t);
      expect(computeSignals(focused, t), `${client.name} focused as of ${d}`).toEqual(exact);
      expect([focused.completionAll, focused.completionRecent, focused.coachCompletion, focused.nextSession, focused.lastHeld]).toEqual([
        full.completionAll,
        full.completionRecent,
        full.coachCompletion,
        full.nextSession,
        full.lastHeld,
      ]);
      // What a trend point reads: the rules' tests alone over the compact records' analysis.
      const raised = raisedSignals(focused, t);
      expect(raised, `${client.name} raised as of ${d}`).toEqual(exact.map((s) => s.name));
      expect({ risk: riskScore(raised), count: raised.length, stalled: raised.includes('stalled'), declining: raised.includes('declining') }, `${client.name} compact as of ${d}`).toEqual({
        risk: riskScore(exact),
        count: exact.length,
        stalled: exact.some((s) => s.name === 'stalled'),
        declining: exact.some((s) => s.name === 'declining'),
      });
      compared++;
    }
  }
  return compared;
}

const weeksBack = (asOf: string, n = 8) => Array.from({ length: n }, (_, k) => addDays(asOf, -7 * (n - 1 - k)));

const pointOnly = (p: FigurePoint): FigurePoint => ({
  asOf: p.asOf,
  activeClients: p.activeClients,
  sessionRhythm: p.sessionRhythm,
  completion: p.completion,
  caughtSameWeek: p.caughtSameWeek,
  followUpLag: p.followUpLag,
  coachOwnedOnTime: p.coachOwnedOnTime,
  escalationCount: p.escalationCount,
  atRiskCount: p.atRiskCount,
  milestones: p.milestones,
  outcomes: p.outcomes,
});

function checkTrend(entries: [string, string][], asOf: string) {
  const index = indexFrom(entries);
  const f = practiceFigures(index, asOf);
  f.weekEnds.forEach((d, k) => {
    const then = practiceFigures(index, d);
    expect(f.total.trend[k], `practice as of ${d}`).toEqual(pointOnly(then.total));
    for (const coach of f.coaches) {
      const other = then.coaches.find((c) => c.coach === coach.coach);
      if (other) expect(coach.trend[k], `${coach.coach} as of ${d}`).toEqual(pointOnly(other));
    }
  });
}

describe('the demo vault', () => {
  const entries = demoEntries();
  const index = indexFrom(entries);

  it('analysisAt and the trend points\' signals agree with analyseClient/computeSignals at every trend date of 2026-12-01', () => {
    expect(checkVault(index, D, weeksBack(D))).toBe(80);
  });

  it('… and at dates across the whole record, daily through November', () => {
    const days = Array.from({ length: 30 }, (_, i) => addDays('2026-11-01', i));
    checkVault(index, D, [...weeksBack('2026-10-01', 6), ...days]);
  });

  it('… with other thresholds (carried over 2 sessions, 1 recent session, follow-up within 0 days)', () => {
    const t = resolveThresholds({ carriedSessions: 2, recentSessions: 1, followUpDays: 0, missedWindow: 2, missedSessions: 1, stalledCadences: 1 });
    checkVault(index, D, weeksBack(D), t);
  });

  it('each trend point equals the figures as of that week', () => {
    checkTrend(entries, D);
  });
});

describe('fixtures', () => {
  const JANE = 'Jane Doe';
  const files = vault(
    clientNote(JANE, { coach: 'Sam Rivera', cadence: 'weekly' }),
    weekly(JANE, '2026-09-29', [
      ['- [x] Send the invoice ^a1', '- [ ] Draft the proposal ^b1'],
      ['- [>] Draft the proposal [from:: b1] ^b2', '- [x] Call the printer'],
      ['- [>] Draft the proposal document [from:: b2] ^b3'],
      ['- [ ] Draft the proposal document now [from:: b3] ^b4', '- [?] Book the venue'],
      ['- [ ] Book the venue for the workshop', '- [-] Walk at lunch'],
      ['- [/] Book the venue for the workshop', '- [ ] Coach: send the venue list [due:: 2026-11-10]'],
      [],
      ['- [ ] Send the invoice reminder [confidence:: 5]'],
    ]),
    clientNote('Ken Gaps', { coach: 'Priya Nair', cadence: 'weekly' }),
    sessionNote('Ken Gaps', '2026-10-01', ['- [x] One'], { next: '2026-10-08' }),
    sessionNote('Ken Gaps', '2026-10-08', [], { status: 'cancelled', next: '2026-10-15' }),
    sessionNote('Ken Gaps', '2026-10-15', [], { status: 'no-show' }),
    sessionNote('Ken Gaps', '2026-11-12', ['- [ ] Two [due:: 2026-11-14]', '    - 2026-11-15 stuck: busy'], { next: '2026-11-26' }),
    sessionNote('Ken Gaps', '2026-12-05', ['- [ ] After D']),
  );
  const entries = Object.entries(files) as [string, string][];

  it('analysisAt and the trend points\' signals agree with analyseClient/computeSignals daily over ten weeks', () => {
    const days = Array.from({ length: 70 }, (_, i) => addDays('2026-09-25', i));
    checkVault(indexFrom(entries), D, days);
  });

  it('each trend point equals the figures as of that week', () => {
    checkTrend(entries, D);
  });
});

describe('a generated practice (3 coaches, 24 clients, half a year)', () => {
  const entries = practiceVault({ coaches: 3, clients: 24, days: 180 });
  const index = indexFrom(entries);

  it('analysisAt and the trend points\' signals agree with analyseClient/computeSignals at every trend date', () => {
    expect(checkVault(index, '2026-12-01', weeksBack('2026-12-01'))).toBe(24 * 8);
  });

  it('each trend point equals the figures as of that week', () => {
    checkTrend(entries, '2026-12-01');
  });
});
