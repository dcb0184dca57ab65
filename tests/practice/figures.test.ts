/**
 * Each practice figure at the edges of its definition (src/core/practice/figures.ts). The as-of
 * date is D = 2026-12-01 unless a test says otherwise, so the window is 2026-11-03 … 2026-11-30
 * and the follow-up cohort is the items due 2026-10-27 … 2026-11-23.
 */
import { describe, expect, it } from 'vitest';
import { completion } from '../../src/core/analytics/completion';
import { plannedSessions } from '../../src/core/practice/client-point';
import { practiceFigures, trendSeries, UNASSIGNED, type FigurePoint } from '../../src/core/practice/figures';
import { dayNumber } from '../../src/core/practice/compact';
import { roster } from '../../src/core/analytics/roster';
import { VaultIndex } from '../../src/core/index/vault-index';
import { resolveLayout } from '../../src/core/layout/layout';
import { clientNote, coachOf, D, figuresOf, indexOf, rawClient, sessionNote, vault } from './helpers';

const pointOf = (c: FigurePoint): FigurePoint => ({
  asOf: c.asOf,
  activeClients: c.activeClients,
  sessionRhythm: c.sessionRhythm,
  completion: c.completion,
  caughtSameWeek: c.caughtSameWeek,
  followUpLag: c.followUpLag,
  coachOwnedOnTime: c.coachOwnedOnTime,
  escalationCount: c.escalationCount,
  atRiskCount: c.atRiskCount,
  milestones: c.milestones,
  outcomes: c.outcomes,
});

describe('counted clients (activeClients)', () => {
  const files = vault(
    clientNote('Ann Active', { coach: 'Sam Rivera' }), // no session yet: counted
    clientNote('Bo Paused', { coach: 'Sam Rivera', status: 'paused' }),
    clientNote('Cy Ended', { coach: 'Sam Rivera', status: 'ended' }),
    clientNote('Di Released', { coach: 'Sam Rivera', paused_until: D }), // released through D
    clientNote('Ed Back', { coach: 'Sam Rivera', paused_until: '2026-11-30' }), // released until yesterday
    clientNote('Fay Later', { coach: 'Sam Rivera' }),
    sessionNote('Fay Later', '2026-12-02'), // starts after D
    clientNote('Gil Today', { coach: 'Sam Rivera' }),
    sessionNote('Gil Today', D), // starts on D
  );
  const sam = coachOf(figuresOf(files), 'Sam Rivera');

  it('counts active, unreleased, started clients: no session yet, released until yesterday, first session on D', () => {
    expect(sam.activeClients).toBe(3);
    expect(sam.clients.filter((c) => c.counted).map((c) => c.client).sort()).toEqual(['Ann Active', 'Ed Back', 'Gil Today']);
  });

  it('still lists the clients it does not count, for the drill-down, with nothing planned', () => {
    expect(sam.clients).toHaveLength(7);
    const bo = sam.clients.find((c) => c.client === 'Bo Paused')!;
    expect(bo).toMatchObject({ counted: false, status: 'paused', sessionRhythm: { planned: 0 } });
    // Counted clients come first.
    expect(sam.clients.slice(0, 3).every((c) => c.counted)).toBe(true);
  });

  it('groups clients with no coach under Unassigned, last; a session coach names a note-less client’s coach', () => {
    const f = figuresOf(
      vault(
        clientNote('Zed Nocoach'),
        sessionNote('Zed Nocoach', '2026-11-20'),
        sessionNote('Nora Notenote', '2026-11-20', [], { coach: 'Priya Nair' }),
        clientNote('Abe Coached', { coach: 'Sam Rivera' }),
      ),
    );
    expect(f.coaches.map((c) => c.coach)).toEqual(['Priya Nair', 'Sam Rivera', UNASSIGNED]);
    expect(coachOf(f, UNASSIGNED).unassigned).toBe(true);
    expect(coachOf(f, UNASSIGNED).clients.map((c) => c.client)).toEqual(['Zed Nocoach']);
    expect(coachOf(f, 'Priya Nair').clients.map((c) => c.client)).toEqual(['Nora Notenote']);
    expect(f.total.activeClients).toBe(3);
  });

  it('files a client no note gives a coach under the set-up coach’s own name, not Unassigned (a solo coach’s vault)', () => {
    const files = vault(
      clientNote('Zed Nocoach'),
      sessionNote('Zed Nocoach', '2026-11-20'),
      clientNote('Abe Coached', { coach: 'Sam Rivera' }),
      clientNote('Cleo Mine', { coach: 'priya nair' }),
    );
    const index = new VaultIndex({ layout: resolveLayout({ coachNames: ['Me', 'Priya Nair', 'Priya'] }) });
    index.setNotes(Object.entries(files));
    const f = practiceFigures(index, D);
    expect(f.coaches.map((c) => c.coach)).toEqual(['Priya Nair', 'Sam Rivera']);
    expect(coachOf(f, 'Priya Nair')).toMatchObject({ unassigned: false, activeClients: 2 });
    expect(coachOf(f, 'Priya Nair').clients.map((c) => c.client).sort()).toEqual(['Cleo Mine', 'Zed Nocoach']);
    // The drill-down to the roster finds the same clients.
    expect(roster(index, { asOf: D, coach: 'Priya Nair' }).map((r) => r.client).sort()).toEqual(['Cleo Mine', 'Zed Nocoach']);
    // Only "Me"/"I" in the layout: no own name, so Unassigned as before.
    const anon = new VaultIndex({ layout: resolveLayout({ coachNames: ['Me', 'I'] }) });
    anon.setNotes(Object.entries(files));
    expect(practiceFigures(anon, D).coaches.map((c) => c.coach)).toEqual(['priya nair', 'Sam Rivera', UNASSIGNED]);
  });

  it('groups coach names case-insensitively under the first spelling in client order', () => {
    const f = figuresOf(vault(clientNote('Al One', { coach: 'Sam Rivera' }), clientNote('Bea Two', { coach: 'sam rivera' })));
    expect(f.coaches.map((c) => [c.coach, c.activeClients])).toEqual([['Sam Rivera', 2]]);
  });

  it('shows a coach with no clients (options.coaches) with zero counts, null rates and 8 empty points', () => {
    const f = figuresOf(clientNote('Al One', { coach: 'Sam Rivera' }), D, { coaches: ['Robin Adler'] });
    const robin = coachOf(f, 'Robin Adler');
    expect(robin).toMatchObject({
      activeClients: 0,
      sessionRhythm: { held: 0, planned: 0, ratio: null },
      completion: { total: 0, rate: null },
      caughtSameWeek: { caught: 0, wentOverdue: 0, share: null },
      followUpLagDays: null,
      coachOwnedOnTime: { onTime: 0, total: 0, share: null },
      escalations: [],
      clientsAtRisk: [],
      clients: [],
    });
    expect(robin.trend).toHaveLength(8);
    expect(robin.trend.every((p) => p.activeClients === 0)).toBe(true);
  });
});

describe('sessionRhythm: held vs planned by cadence over the 28 days before D', () => {
  const files = vault(
    clientNote('Wendy Weekly', { coach: 'Sam Rivera', cadence: 'weekly' }),
    sessionNote('Wendy Weekly', '2026-10-06'),
    sessionNote('Wendy Weekly', '2026-11-02'), // D − 29: before the window
    sessionNote('Wendy Weekly', '2026-11-03'), // D − 28: first day of the window
    sessionNote('Wendy Weekly', '2026-11-10'),
    sessionNote('Wendy Weekly', '2026-11-17', [], { status: 'cancelled' }),
    sessionNote('Wendy Weekly', '2026-11-24', [], { status: 'held' }),
    sessionNote('Wendy Weekly', '2026-11-27', [], { status: 'no-show' }),
    sessionNote('Wendy Weekly', D), // D itself: not yet counted
    clientNote('Nina New', { coach: 'Priya Nair', cadence: 'biweekly' }),
    sessionNote('Nina New', '2026-11-20'),
    clientNote('Mo Monthly', { coach: 'Priya Nair', cadence: 'monthly' }),
    sessionNote('Mo Monthly', '2026-09-01'),
    clientNote('Tess Ten', { coach: 'Priya Nair', cadence: 10 }),
    sessionNote('Tess Ten', '2026-09-01'),
    sessionNote('Tess Ten', '2026-11-12'),
    sessionNote('Tess Ten', '2026-11-22'),
  );
  const f = figuresOf(files);
  const row = (coach: string, client: string) => coachOf(f, coach).clients.find((c) => c.client === client)!;

  it('counts held sessions from D − 28 through D − 1; cancelled, no-show and D itself are not held', () => {
    expect(row('Sam Rivera', 'Wendy Weekly').sessionRhythm).toEqual({ held: 3, planned: 4, ratio: 0.75 });
  });

  it('plans windowDays ÷ cadence for an established client (monthly 1, cadence 10 → 2.8)', () => {
    expect(row('Priya Nair', 'Mo Monthly').sessionRhythm).toEqual({ held: 0, planned: 1, ratio: 0 });
    expect(row('Priya Nair', 'Tess Ten').sessionRhythm).toMatchObject({ held: 2, planned: 2.8 });
  });

  it('plans the cadence slots from the first session for a client who started in the window', () => {
    expect(row('Priya Nair', 'Nina New').sessionRhythm).toEqual({ held: 1, planned: 1, ratio: 1 });
  });

  it('adds up per coach: held and planned summed, ratio of the sums', () => {
    const priya = coachOf(f, 'Priya Nair').sessionRhythm;
    expect(priya.held).toBe(3);
    expect(priya.planned).toBeCloseTo(4.8, 6);
    expect(priya.ratio).toBeCloseTo(3 / 4.8, 6);
  });

  it('plannedSessions at its edges (day numbers)', () => {
    const d = dayNumber(D);
    const from = d - 28;
    expect(plannedSessions(null, 7, from, d, 28)).toBe(0); // no session yet
    expect(plannedSessions(d, 7, from, d, 28)).toBe(0); // first session on D
    expect(plannedSessions(d - 1, 7, from, d, 28)).toBe(1); // started yesterday
    expect(plannedSessions(d - 7, 7, from, d, 28)).toBe(1); // D − 7 only; D is not in the window
    expect(plannedSessions(d - 8, 7, from, d, 28)).toBe(2);
    expect(plannedSessions(from + 1, 7, from, d, 28)).toBe(4); // started the window's second day
    expect(plannedSessions(from, 7, from, d, 28)).toBe(4); // established on the window's first day
    expect(plannedSessions(from - 100, 14, from, d, 28)).toBe(2);
  });

  it('moves with the trend points: a session counts in the four points whose window holds it', () => {
    const one = vault(clientNote('Ona Once', { coach: 'Sam Rivera', cadence: 'weekly' }), sessionNote('Ona Once', '2026-09-01'), sessionNote('Ona Once', '2026-11-03'));
    const sam = coachOf(figuresOf(one), 'Sam Rivera');
    expect(sam.trend.map((p) => p.asOf)).toEqual(['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24', D]);
    expect(sam.trend.map((p) => p.sessionRhythm.held)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(trendSeries(sam.trend, 'sessionRhythm')).toEqual([0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25]);
  });
});

describe('completion: client-owned commitments due in the window', () => {
  const items = [
    '- [x] A due on the window’s first day [due:: 2026-11-03]',
    '- [/] B partly done, due the day before D [due:: 2026-11-30]',
    '- [ ] C due on D: not yet due [due:: 2026-12-01]',
    '- [x] D due the day before the window [due:: 2026-11-02]',
    '- [-] E let go in the window [due:: 2026-11-10]',
    '- [x] Coach: F the coach’s own [due:: 2026-11-10]',
    '- [ ] G a partner’s [owner:: Alex] [due:: 2026-11-10]',
    '- [ ] H open and past due [due:: 2026-11-20]',
  ];
  const files = vault(clientNote('Cleo Comp', { coach: 'Sam Rivera' }), sessionNote('Cleo Comp', '2026-10-20', items, { next: '2026-12-15' }));

  it('counts due D − 28 … D − 1, client-owned only; partial is half; let go and open count as not done', () => {
    const c = coachOf(figuresOf(files), 'Sam Rivera').completion;
    expect(c).toEqual({ score: 1.5, done: 1, partial: 1, total: 4, rate: 1.5 / 4 });
  });

  it('is analytics/completion over the same commitments', () => {
    const index = indexOf(files);
    const list = index.commitmentsOf('Cleo Comp').filter((c) => c.owner === 'client' && c.due >= '2026-11-03' && c.due < D);
    expect(coachOf(practiceFigures(index, D), 'Sam Rivera').completion).toEqual(completion(list, D));
  });
});

describe('caughtSameWeek and followUpLag: overdue items followed up within 7 days', () => {
  const items = [
    '- [ ] A due D − 35, checked in 7 days later [due:: 2026-10-27]',
    '    - 2026-11-03 partial: half',
    '- [ ] B due D − 36: before the cohort [due:: 2026-10-26]',
    '- [ ] C due D − 8, nudged 8 days later on D [due:: 2026-11-23]',
    '    - 2026-12-01 nudged: texted',
    '- [ ] D2 due D − 7: its week is not over [due:: 2026-11-24]',
    '- [x] E done on its due date [due:: 2026-11-10] [completion:: 2026-11-10]',
    '- [x] F done two days late [due:: 2026-11-10] [completion:: 2026-11-12]',
    '- [x] G done, no date [due:: 2026-11-10]',
    '- [ ] H stuck, checked in on the due date [due:: 2026-11-10]',
    '    - 2026-11-10 stuck: no time',
    '- [ ] I reported done before its due date [due:: 2026-11-10]',
    '    - 2026-11-05 done: early',
    '- [-] J let go after its due date [due:: 2026-11-10] [cancelled:: 2026-11-15]',
    '- [ ] K skipped on the day before it was due [due:: 2026-11-10]',
    '    - 2026-11-09 skipped: away',
    '- [ ] Coach: L the coach’s own [due:: 2026-11-10]',
    '- [ ] M a partner’s, nudged the next day [owner:: Alex] [due:: 2026-11-10]',
    '    - 2026-11-11 nudged: reminded Alex',
  ];
  const files = vault(clientNote('Otto Over', { coach: 'Sam Rivera' }), sessionNote('Otto Over', '2026-10-01', items, { next: '2026-12-15' }));
  const sam = coachOf(figuresOf(files), 'Sam Rivera');

  it('went overdue: A, C, F (done late), H, J (let go late), M; caught within 7 days of due: A (+7), H (+0), M (+1)', () => {
    expect(sam.caughtSameWeek).toEqual({ caught: 3, wentOverdue: 6, share: 0.5 });
  });

  it('lag: days from due to the first check-in before D, median of those; the rest are unanswered', () => {
    expect(sam.followUpLag).toEqual({ medianDays: 1, count: 3, unanswered: 3 }); // lags 7, 0, 1
    expect(sam.followUpLagDays).toBe(1);
  });

  it('the median of an even count is the mean of the middle two', () => {
    const f = figuresOf(
      vault(
        clientNote('Pia Pair', { coach: 'Sam Rivera' }),
        sessionNote('Pia Pair', '2026-10-01', ['- [ ] A [due:: 2026-11-01]', '    - 2026-11-02 stuck: x', '- [ ] B [due:: 2026-11-01]', '    - 2026-11-05 partial: y'], {
          next: '2026-12-15',
        }),
      ),
    );
    expect(coachOf(f, 'Sam Rivera').followUpLag).toEqual({ medianDays: 2.5, count: 2, unanswered: 0 });
  });

  it('a coach with nothing gone overdue has a null share and a null lag', () => {
    const f = figuresOf(vault(clientNote('Quin Quiet', { coach: 'Sam Rivera' }), sessionNote('Quin Quiet', '2026-11-20')));
    expect(coachOf(f, 'Sam Rivera')).toMatchObject({ caughtSameWeek: { caught: 0, wentOverdue: 0, share: null }, followUpLagDays: null });
  });
});

describe('coachOwnedOnTime: the coach’s own commitments due in the window', () => {
  const files = vault(
    clientNote('Cora Coach', { coach: 'Sam Rivera' }),
    sessionNote(
      'Cora Coach',
      '2026-10-20',
      [
        '- [x] Coach: A done on the due date [due:: 2026-11-10] [completion:: 2026-11-10]',
        '- [x] Coach: B done a day late [due:: 2026-11-10] [completion:: 2026-11-11]',
        '- [x] Coach: C done, no date [due:: 2026-11-10]',
        '- [x] Coach: D ticked, but a check-in after due says it was still partial [due:: 2026-11-10]',
        '    - 2026-11-12 partial: half sent',
        '- [ ] Coach: E still open [due:: 2026-11-10]',
        '- [ ] Coach: F done per check-in before due [due:: 2026-11-10]',
        '    - 2026-11-09 done: sent',
        '- [x] Coach: G due on D [due:: 2026-12-01]',
        '- [x] Coach: H due before the window [due:: 2026-11-02]',
        '- [x] I the client’s own [due:: 2026-11-10]',
      ],
      { next: '2026-12-15' },
    ),
    sessionNote('Cora Coach', '2026-11-05', ['- [x] Coach: J from the covering coach [due:: 2026-11-10] [completion:: 2026-11-09]'], {
      coach: 'Priya Nair',
      next: '2026-12-15',
    }),
  );
  const f = figuresOf(files);

  it('on time: done by the due date (done date, first done check-in, or undated with nothing saying otherwise)', () => {
    expect(coachOf(f, 'Sam Rivera').coachOwnedOnTime).toEqual({ onTime: 3, total: 6, share: 0.5 });
  });

  it('credits a covering coach’s own item to that coach, who gets a column without clients', () => {
    const priya = coachOf(f, 'Priya Nair');
    expect(priya.activeClients).toBe(0);
    expect(priya.coachOwnedOnTime).toEqual({ onTime: 1, total: 1, share: 1 });
    expect(f.total.coachOwnedOnTime).toEqual({ onTime: 4, total: 7, share: 4 / 7 });
  });

  it('the client’s drill-down row counts every coach item written in its sessions', () => {
    expect(coachOf(f, 'Sam Rivera').clients[0].coachOwnedOnTime).toEqual({ onTime: 4, total: 7, share: 4 / 7 });
  });
});

describe('escalations', () => {
  const files = vault(
    clientNote('Esme Esc', { coach: 'Sam Rivera' }),
    sessionNote(
      'Esme Esc',
      '2026-10-01',
      [
        '- [ ] A overdue exactly 14 days [due:: 2026-11-17]',
        '    - 2026-11-18 partial: started',
        '- [ ] B overdue 15 days [due:: 2026-11-16]',
        '    - 2026-11-17 stuck: blocked',
        '- [ ] Coach: C the coach’s own, overdue 21 days [due:: 2026-11-10]',
      ],
      { next: '2026-12-08' },
    ),
    sessionNote('Esme Esc', '2026-11-24', [], { next: '2026-12-08' }),
    clientNote('Stan Stalled', { coach: 'Sam Rivera', cadence: 'weekly' }),
    sessionNote('Stan Stalled', '2026-11-20', [], { next: '2026-12-04' }),
    clientNote('Rae Released', { coach: 'Sam Rivera', paused_until: '2026-12-10' }),
    sessionNote('Rae Released', '2026-09-01', ['- [ ] Way overdue [due:: 2026-09-10]']),
  );

  it('overdue: more than escalationDays (14) past due, any owner, one per client with the items oldest first', () => {
    const esc = coachOf(figuresOf(files), 'Sam Rivera').escalations.filter((e) => e.kind === 'overdue');
    expect(esc).toHaveLength(1);
    expect(esc[0].client).toBe('Esme Esc');
    expect(esc[0].evidence.map((e) => e.text)).toEqual(['C the coach’s own, overdue 21 days', 'B overdue 15 days']);
    expect(esc[0].message).toBe('2 commitments overdue by more than 14 days (the oldest due 2026-11-10).');
  });

  it('escalationDays is an option: with 13, the item exactly 14 days overdue escalates too', () => {
    const esc = coachOf(figuresOf(files, D, { escalationDays: 13 }), 'Sam Rivera').escalations.find((e) => e.kind === 'overdue')!;
    expect(esc.evidence).toHaveLength(3);
  });

  it('stalled: the signal as of D (11 days since a weekly session > 10.5), with its evidence', () => {
    const esc = coachOf(figuresOf(files), 'Sam Rivera').escalations.filter((e) => e.kind === 'stalled');
    expect(esc.map((e) => e.client)).toEqual(['Stan Stalled']);
    expect(esc[0].evidence[0].path).toBe('Sessions/2026-11-20 Stan Stalled.md');
  });

  it('a released client escalates nothing', () => {
    expect(coachOf(figuresOf(files), 'Sam Rivera').escalations.some((e) => e.client === 'Rae Released')).toBe(false);
  });

  it('declining: the signal as of D', () => {
    const f = figuresOf(
      vault(
        clientNote('Dee Decline', { coach: 'Sam Rivera', cadence: 'weekly' }),
        ...['2026-10-06', '2026-10-13', '2026-10-20'].map((d) => sessionNote('Dee Decline', d, ['- [x] Done thing', '- [x] Another done thing'])),
        ...['2026-10-27', '2026-11-03', '2026-11-10'].map((d) =>
          sessionNote('Dee Decline', d, ['- [-] Let go thing', '- [-] Another let go'], { next: d === '2026-11-10' ? '2026-11-24' : undefined }),
        ),
        sessionNote('Dee Decline', '2026-11-24', [], { next: '2026-12-03' }),
      ),
    );
    expect(coachOf(f, 'Sam Rivera').escalations.map((e) => e.kind)).toContain('declining');
  });
});

describe('clientsAtRisk', () => {
  const quiet = vault(
    clientNote('Una Once', { coach: 'Sam Rivera' }),
    sessionNote('Una Once', '2026-11-10', ['- [/] Overdue but checked on [due:: 2026-11-20]', '    - 2026-11-21 partial: half'], { next: '2026-11-24' }),
    sessionNote('Una Once', '2026-11-24', [], { next: '2026-12-08' }),
  );

  it('needs a risk score of at least 4: one overdue item (3) is not enough', () => {
    const f = figuresOf(quiet);
    expect(coachOf(f, 'Sam Rivera').clients[0].signals.map((s) => s.name)).toEqual(['overdue']);
    expect(coachOf(f, 'Sam Rivera').clientsAtRisk).toEqual([]);
  });

  it('atRiskScore is an option; an at-risk client comes with its signals', () => {
    const risk = coachOf(figuresOf(quiet, D, { atRiskScore: 3 }), 'Sam Rivera').clientsAtRisk;
    expect(risk).toHaveLength(1);
    expect(risk[0]).toMatchObject({ client: 'Una Once', risk: 3, coach: 'Sam Rivera' });
    expect(risk[0].signals[0].evidence[0].path).toBe('Sessions/2026-11-10 Una Once.md');
  });

  it('overdue plus no next session (3 + 1) is at risk', () => {
    const f = figuresOf(
      vault(
        clientNote('Vic Vanish', { coach: 'Sam Rivera' }),
        sessionNote('Vic Vanish', '2026-11-10', ['- [/] Overdue but checked on [due:: 2026-11-20]', '    - 2026-11-21 partial: half']),
      ),
    );
    expect(coachOf(f, 'Sam Rivera').clientsAtRisk.map((r) => [r.client, r.risk])).toEqual([['Vic Vanish', 4]]);
  });
});

describe('trend points', () => {
  it('are 8 points a week apart, oldest first, and the last one is the headline', () => {
    const files = vault(
      clientNote('Tia Trend', { coach: 'Sam Rivera', cadence: 'weekly' }),
      ...['2026-10-06', '2026-10-13', '2026-10-20', '2026-11-03', '2026-11-17'].map((d) =>
        sessionNote('Tia Trend', d, ['- [x] Something done', '- [ ] Something open [due:: 2026-11-01]'], { next: '2026-12-08' }),
      ),
    );
    const f = figuresOf(files);
    expect(f.weekEnds).toEqual(['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24', D]);
    const sam = coachOf(f, 'Sam Rivera');
    expect(sam.trend).toHaveLength(8);
    expect(sam.trend[7]).toEqual(pointOf(sam));
    expect(f.total.trend[7]).toEqual(pointOf(f.total));
  });

  it('weeks is an option', () => {
    const f = figuresOf(clientNote('Al One', { coach: 'Sam Rivera' }), D, { weeks: 3 });
    expect(f.weekEnds).toEqual(['2026-11-17', '2026-11-24', D]);
    expect(coachOf(f, 'Sam Rivera').trend).toHaveLength(3);
  });
});

describe('milestones and outcomes roll up per coach', () => {
  const files = vault(
    rawClient('Mia Mile', [
      'coach: Sam Rivera',
      'milestones:',
      '  - {name: "Launch", due: 2026-11-20, done: 2026-11-18}',
      '  - {name: "First client", due: 2026-11-25, done: false}',
      '  - {name: "Workshop", due: 2026-12-10, done: false}',
      '  - {name: "Book", due: 2027-03-01, done: false}',
      '  - Someday',
      'promise: {text: "Land 3 new clients", target: 3, by: 2027-03-31}',
      'outcomes:',
      '  - {date: 2026-10-01, value: 1, note: "first"}',
      '  - {date: 2026-11-10, value: 3, note: "third"}',
      '  - "2026-12-01: signed today"',
    ]),
    rawClient('Pat Promise', ['coach: Sam Rivera', 'promise: Feel at home in the new role']),
    sessionNote('Mia Mile', '2026-10-20', ['- [x] Close the deal with Northwind [due:: 2026-11-10]', '- [ ] Land one more client [kind:: outcome] [due:: 2026-11-12]'], {
      next: '2026-12-08',
    }),
  );
  const sam = coachOf(figuresOf(files), 'Sam Rivera');

  it('milestones: done, due soon (within 14 days), overdue, upcoming, undated', () => {
    expect(sam.milestones).toEqual({ done: 1, dueSoon: 1, overdue: 1, upcoming: 1, undated: 1, total: 5 });
    expect(sam.trend[1].asOf).toBe('2026-10-20'); // Mia's first session: she is counted from here
    expect(sam.trend[1].milestones).toMatchObject({ done: 0, overdue: 0, total: 5 }); // "Launch" was done on 11-18
  });

  it('outcomes: promises, targets met, entries in the window, outcome-kind commitments', () => {
    expect(sam.outcomes).toEqual({
      clients: 2,
      withPromise: 2,
      withTarget: 1,
      promiseMet: 1,
      withProgress: 1,
      entries: 1, // 11-10; the entry dated D is after the window
      commitments: { score: 1, done: 1, partial: 0, total: 2, rate: 0.5 },
    });
    const mia = sam.clients.find((c) => c.client === 'Mia Mile')!;
    expect(mia.outcomes).toMatchObject({ promise: { text: 'Land 3 new clients', target: 3 }, latestValue: 3, promiseMet: true });
    expect(mia.outcomes.latest?.note).toBe('signed today');
  });

  it('with a frontmatter reader that finds nothing, no promise and no entries, and outcome commitments still count', () => {
    const f = practiceFigures(indexOf(files), D, { clientFrontmatter: () => null });
    expect(coachOf(f, 'Sam Rivera').outcomes).toMatchObject({ withPromise: 0, entries: 0, commitments: { total: 2 } });
    // Done dates of milestones come from the reader too; without them a done milestone is done throughout.
    expect(coachOf(f, 'Sam Rivera').trend[1].milestones.done).toBe(1);
  });
});
