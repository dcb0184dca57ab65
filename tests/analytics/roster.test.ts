import { describe, expect, it } from 'vitest';
import { compareRows } from '../../src/core/analytics/roster';
import { clientNote, clientPath, indexOf, rosterOf, rowOf, sessionNote, sessionPath, vault } from './fixtures';

describe('a roster row', () => {
  const JANE = 'Jane Doe';
  const files = vault(
    clientNote(JANE, { coach: 'Sam Rivera', cadence: 'weekly', accountability: 'active' }),
    sessionNote(JANE, '2026-10-27', ['- [x] Z: Send the first invoice'], { next: '2026-11-03' }),
    sessionNote(JANE, '2026-11-03', ['- [x] A: Send the invoice', '- [ ] B: Draft the proposal'], { next: '2026-11-10' }),
    sessionNote(JANE, '2026-11-10', [], { status: 'cancelled', next: '2026-11-17' }),
    sessionNote(JANE, '2026-11-17', ['- [/] C: Book the venue', '- [ ] Coach: send Jane the venue list'], { next: '2026-11-24' }),
    sessionNote(JANE, '2026-11-24', ['- [ ] E: Call the printer'], { next: '2026-12-01' }),
    sessionNote(JANE, '2026-12-08', ['- [ ] F: Not written yet as of the 28th']),
  );
  const AS_OF = '2026-11-28';

  it('has the client, coach, level, status, last held session and days since, next session', () => {
    expect(rowOf(files, JANE, AS_OF)).toMatchObject({
      client: JANE,
      path: clientPath(JANE),
      coach: 'Sam Rivera',
      accountability: 'active',
      status: 'active',
      cadence: 7,
      pausedUntil: null,
      lastSession: '2026-11-24',
      lastSessionPath: sessionPath(JANE, '2026-11-24'),
      daysSinceLastSession: 4,
      nextSession: '2026-12-01',
    });
  });

  it('counts open (open, partial, stuck), overdue and done client items, and coach items apart; ignores later notes', () => {
    // Due dates default to next − 2: B 11-08, C and the coach item 11-22, E 11-29 (not yet due).
    expect(rowOf(files, JANE, AS_OF)).toMatchObject({ open: 3, overdue: 2, done: 2, coachOpen: 1, coachOverdue: 1 });
  });

  it('has completion over the last 3 held sessions and over all time', () => {
    const row = rowOf(files, JANE, AS_OF);
    expect(row.completionRecent).toBe(0.5); // A done, B not, C half (E not due)
    expect(row.completionAll).toBe(2.5 / 4); // plus Z
    expect(row.coachCompletion).toBe(0);
  });

  it('carries the current signals and a risk from them', () => {
    const row = rowOf(files, JANE, AS_OF);
    expect(row.signals.map((s) => s.name)).toEqual(['overdue', 'coach-follow-up']);
    expect(row.risk).toBeGreaterThan(0);
  });

  it('takes the next session from a note already written for a later date when it is sooner', () => {
    const f = vault(
      clientNote(JANE, { cadence: 'weekly' }),
      sessionNote(JANE, '2026-11-24', [], { next: '2026-12-10' }),
      sessionNote(JANE, '2026-12-03', []),
    );
    expect(rowOf(f, JANE, AS_OF).nextSession).toBe('2026-12-03');
    expect(rowOf(f, JANE, AS_OF).lastSession).toBe('2026-11-24');
  });

  it('a client with a note and no sessions has empty figures', () => {
    expect(rowOf(clientNote(JANE), JANE, AS_OF)).toMatchObject({
      lastSession: null,
      daysSinceLastSession: null,
      nextSession: null,
      open: 0,
      completionRecent: null,
      completionAll: null,
      signals: [],
      risk: 0,
    });
  });

  it("a client known only from sessions gets the defaults and its sessions' coach", () => {
    const f = sessionNote('Jordan Ellis', '2026-11-26', ['- [ ] Send the proposal'], { next: '2026-12-10', coach: 'Priya Nair' });
    expect(rowOf(f, 'Jordan Ellis', AS_OF)).toMatchObject({ path: null, coach: 'Priya Nair', cadence: 14, accountability: 'check-in', status: 'active' });
  });
});

describe('roster order: riskier first, then the sooner next session, released clients last', () => {
  const AS_OF = '2026-12-01';
  const files = vault(
    // Overdue, stalled and no follow-up: the riskiest.
    clientNote('Ada Active', { cadence: 'weekly' }),
    sessionNote('Ada Active', '2026-11-10', ['- [ ] Draft the proposal [due:: 2026-11-20]'], { next: '2026-12-10' }),
    // Overdue only (checked in the next day): same risk, Cal's call is sooner.
    clientNote('Ben Busy', { cadence: 'weekly' }),
    sessionNote('Ben Busy', '2026-11-24', ['- [ ] Draft the proposal [due:: 2026-11-29]', '    - 2026-11-30 stuck'], { next: '2026-12-03' }),
    clientNote('Cal Calm', { cadence: 'weekly' }),
    sessionNote('Cal Calm', '2026-11-24', ['- [ ] Draft the proposal [due:: 2026-11-29]', '    - 2026-11-30 stuck'], { next: '2026-12-02' }),
    // No next session booked: a small risk.
    clientNote('Nia Nonext', { cadence: 'weekly' }),
    sessionNote('Nia Nonext', '2026-11-24', ['- [x] Send the invoice']),
    // On track, and a client with nothing yet.
    clientNote('Dee Done', { cadence: 'weekly' }),
    sessionNote('Dee Done', '2026-11-24', ['- [x] Send the invoice'], { next: '2026-12-04' }),
    clientNote('Fay Fresh'),
    // Released, with plenty that would be risky otherwise.
    clientNote('Eve Ended', { status: 'ended' }),
    sessionNote('Eve Ended', '2026-09-01', ['- [ ] Draft the proposal']),
    clientNote('Pam Paused', { paused_until: '2026-12-20' }),
    sessionNote('Pam Paused', '2026-10-01', ['- [ ] Draft the proposal'], { next: '2026-12-16' }),
    clientNote('Abe Asleep', { status: 'paused' }),
    sessionNote('Abe Asleep', '2026-10-01', ['- [ ] Draft the proposal'], { next: '2026-12-16' }),
  );

  it('sorts the rows', () => {
    const rows = rosterOf(files, AS_OF);
    expect(rows.map((r) => r.client)).toEqual(['Ada Active', 'Cal Calm', 'Ben Busy', 'Nia Nonext', 'Dee Done', 'Fay Fresh', 'Abe Asleep', 'Pam Paused', 'Eve Ended']);
    const risk = Object.fromEntries(rows.map((r) => [r.client.split(' ')[0], r.risk]));
    expect(risk.Ada).toBeGreaterThan(risk.Cal);
    expect(risk.Cal).toBe(risk.Ben);
    expect(risk.Ben).toBeGreaterThan(risk.Nia);
    expect(risk.Nia).toBeGreaterThan(risk.Dee);
    expect([risk.Dee, risk.Fay, risk.Abe, risk.Pam, risk.Eve]).toEqual([0, 0, 0, 0, 0]);
    expect(rows.slice(-3).every((r) => r.signals.length === 0)).toBe(true);
    // The row carries the core's answer, so no view decides "released" again.
    expect(rows.filter((r) => r.released).map((r) => r.client)).toEqual(['Abe Asleep', 'Pam Paused', 'Eve Ended']);
  });

  it('sortKey sorts the same way', () => {
    const rows = rosterOf(files, AS_OF);
    const shuffled = [...rows].reverse().sort(compareRows);
    expect(shuffled.map((r) => r.client)).toEqual(rows.map((r) => r.client));
    expect([...rows.map((r) => r.sortKey)].sort()).toEqual(rows.map((r) => r.sortKey));
  });

  it('a client whose pause has ended sorts with the active ones again', () => {
    const rows = rosterOf(files, '2026-12-21');
    const pam = rows.find((r) => r.client === 'Pam Paused')!;
    expect(pam.signals.map((s) => s.name)).toContain('overdue');
    expect(rows.indexOf(pam)).toBeLessThan(rows.findIndex((r) => r.client === 'Abe Asleep'));
    expect([pam.released, rosterOf(files, '2026-12-20').find((r) => r.client === 'Pam Paused')!.released]).toEqual([false, true]);
  });
});

describe('roster --coach', () => {
  const files = vault(
    clientNote('Maya Chen', { coach: 'Sam Rivera' }),
    sessionNote('Maya Chen', '2026-11-24', [], { next: '2026-12-08', coach: 'Priya Nair' }), // Priya covering
    clientNote('Hannah Lindqvist', { coach: 'Priya Nair' }),
    clientNote('Solo Client'),
    sessionNote('Jordan Ellis', '2026-11-26', [], { next: '2026-12-10', coach: 'Priya Nair' }), // no client note
  );

  it("keeps one coach's clients, by the client's coach, else the latest session's; any case", () => {
    expect(rosterOf(files, '2026-12-01', 'Sam Rivera').map((r) => r.client)).toEqual(['Maya Chen']);
    expect(rosterOf(files, '2026-12-01', 'priya nair').map((r) => r.client).sort()).toEqual(['Hannah Lindqvist', 'Jordan Ellis']);
    expect(rosterOf(files, '2026-12-01', 'Nobody')).toEqual([]);
    expect(rosterOf(files, '2026-12-01')).toHaveLength(4);
  });

  it('has one row per client', () => {
    const index = indexOf(files);
    expect(rosterOf(index, '2026-12-01').map((r) => r.client).sort()).toEqual(index.clients().map((c) => c.name).sort());
  });
});

describe('roster cache', () => {
  it('reuses the rows of clients whose notes did not change, and redoes the changed one', async () => {
    const { VaultIndex } = await import('../../src/core/index/vault-index');
    const { roster } = await import('../../src/core/analytics/roster');
    const index = new VaultIndex();
    const note = (client: string, box: string) =>
      `---\ntype: session\nclient: "[[${client}]]"\ndate: 2026-11-20\nnext: 2026-12-04\n---\n## Commitments\n- [${box}] Send the deck [due:: 2026-11-25] ^${client[0].toLowerCase()}1\n`;
    index.setNotes([
      ['Sessions/a.md', note('Ann', ' ')],
      ['Sessions/b.md', note('Ben', ' ')],
    ]);
    const cache = new Map();
    const first = roster(index, { asOf: '2026-12-01', cache });
    const again = roster(index, { asOf: '2026-12-01', cache });
    expect(again.find((r) => r.client === 'Ann')).toBe(first.find((r) => r.client === 'Ann'));
    index.setNote('Sessions/a.md', note('Ann', 'x'));
    const after = roster(index, { asOf: '2026-12-01', cache });
    expect(after.find((r) => r.client === 'Ann')!.overdue).toBe(0);
    expect(after.find((r) => r.client === 'Ann')).not.toBe(first.find((r) => r.client === 'Ann'));
    expect(after.find((r) => r.client === 'Ben')).toBe(first.find((r) => r.client === 'Ben'));
    // Another date, another row; a removed client leaves the cache.
    expect(roster(index, { asOf: '2026-12-02', cache }).find((r) => r.client === 'Ben')).not.toBe(first.find((r) => r.client === 'Ben'));
    index.removeNote('Sessions/b.md');
    roster(index, { asOf: '2026-12-02', cache });
    expect([...cache.keys()]).toEqual(['Ann']);
    // Uncached, the same rows.
    expect(roster(index, { asOf: '2026-12-02' })).toEqual(roster(index, { asOf: '2026-12-02', cache }));
  });
});
