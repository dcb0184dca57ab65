/**
 * The live stores over every client (roster, status bar count, Today, practice) work the
 * clients' figures out a slice at a time before they build, so a large vault never holds the UI
 * for the whole of it. Timers and the clock are fakes here: every clock read moves time on by a
 * millisecond, so a slice (12 ms) covers a few clients and the test can count the slices.
 */
import { describe, expect, it } from 'vitest';
import { get } from 'svelte/store';
import { LiveModels, type Timers } from '../../src/app/live-models';
import { roster } from '../../src/core/analytics/roster';
import { loadSettings } from '../../src/core/plugin-settings';
import { VaultIndex } from '../../src/core/index/vault-index';
import type { RosterModel } from '../../src/ui/contracts';
import type { TodayModel } from '../../src/ui/today/contracts';
import type { PracticeModel } from '../../src/ui/practice/contracts';
import { buildTodayModel } from '../../src/app/today';
import { buildPracticeModel } from '../../src/app/practice';
import { clientNote, sessionNote, vault } from '../analytics/fixtures';

const AS_OF = '2026-12-01';

function fakeTimers() {
  let next = 1;
  const queue = new Map<number, () => void>();
  const timers: Timers = {
    setTimeout: (f) => (queue.set(next, f), next++),
    clearTimeout: (id) => void queue.delete(id as number),
    setInterval: () => next++,
    clearInterval: () => undefined,
  };
  /** Runs what is queued (and what that queues) in order; returns how many callbacks ran. */
  const flush = (limit = 10_000) => {
    let ran = 0;
    while (queue.size > 0 && ran < limit) {
      const [id, f] = queue.entries().next().value!;
      queue.delete(id);
      f();
      ran++;
    }
    return ran;
  };
  return { timers, flush, pending: () => queue.size };
}

function practiceIndex(clients: number): VaultIndex {
  const notes: Record<string, string> = {};
  for (let i = 0; i < clients; i++) {
    const name = `Client ${String(i).padStart(3, '0')} Test`;
    Object.assign(notes, vault(clientNote(name), sessionNote(name, '2026-11-10', ['- [ ] Send the deck 📅 2026-11-20', '- [x] Call Ana']), sessionNote(name, '2026-11-24')));
  }
  const index = new VaultIndex();
  index.setNotes(Object.entries(notes));
  return index;
}

describe('live models over every client', () => {
  it('the roster works its rows out in slices, showing how far it has got, then the rows', () => {
    // Enough clients that working them out spans more than one progress interval on this clock
    // (a tick per reading), so a count is shown between the slices.
    const index = practiceIndex(300);
    const { timers, flush } = fakeTimers();
    let clock = 0;
    const settings = { ...loadSettings(null), refreshDebounceMs: 50 };
    const models = new LiveModels(index, { today: () => AS_OF, settings: () => settings, timers, now: () => clock++ });
    const seen: RosterModel[] = [];
    const stop = models.roster().subscribe((m) => seen.push(m));
    // At once: the clients being worked out, no rows yet (and so no first-run screen).
    expect(seen).toHaveLength(1);
    expect(seen[0].rows).toEqual([]);
    // The block ids come first (not counted yet), then the clients, counted.
    expect(seen[0].preparing).toEqual({ done: 0, total: 0 });
    const slices = flush();
    expect(slices).toBeGreaterThan(3);
    const counted = seen.filter((m) => (m.preparing?.total ?? 0) > 0).map((m) => m.preparing!);
    expect(counted.length).toBeGreaterThan(0);
    for (const p of counted) expect(p.total === 300 && p.done > 0 && p.done < 300).toBe(true);
    const final = seen[seen.length - 1];
    expect(final.preparing ?? null).toBeNull();
    expect(final.rows.map((r) => [r.client, r.open, r.overdue, r.done])).toEqual(
      roster(index, { asOf: AS_OF, thresholds: settings.thresholds }).filter((r) => settings.rosterStatuses.includes(r.status)).map((r) => [r.client, r.open, r.overdue, r.done]),
    );
    expect(final.rows).toHaveLength(300);
    stop();
  });

  it('notes arriving in an empty roster show "working out" at once, not the first-run screen, until the rows come', () => {
    const index = new VaultIndex();
    const { timers, flush } = fakeTimers();
    const settings = { ...loadSettings(null), refreshDebounceMs: 50 };
    const models = new LiveModels(index, { today: () => AS_OF, settings: () => settings, timers, now: () => 0 });
    const seen: RosterModel[] = [];
    const stop = models.roster().subscribe((m) => seen.push(m));
    expect(seen.map((m) => [m.rows.length, m.preparing ?? null])).toEqual([[0, null]]);
    index.setNotes(Object.entries(vault(clientNote('Ana Lima'), sessionNote('Ana Lima', '2026-11-10', ['- [ ] Send the deck']))));
    index.setNote('Notes/other.md', '# nothing');
    expect(seen.map((m) => [m.rows.length, m.preparing ?? null])).toEqual([[0, null], [0, { done: 0, total: 0 }]]);
    flush();
    expect(seen.at(-1)!.rows.map((r) => r.client)).toEqual(['Ana Lima']);
    expect(seen.at(-1)!.preparing ?? null).toBeNull();
    // With rows showing, a change keeps them until the new ones are ready.
    index.setNote('Notes/other.md', '# still nothing');
    expect(seen.at(-1)!.rows).toHaveLength(1);
    expect(seen.at(-1)!.preparing ?? null).toBeNull();
    stop();
  });

  it('the Today panel and the practice view, opened on a large vault, say they are working out, then show what a build with nothing kept shows', () => {
    const index = practiceIndex(300);
    // Something due tomorrow for a few clients: nudges before the due date today.
    for (let i = 0; i < 20; i++) index.setNotes(Object.entries(sessionNote(`Client ${String(i).padStart(3, '0')} Test`, '2026-11-26', ['- [ ] Draft the page 📅 2026-12-02'])));
    const { timers, flush } = fakeTimers();
    let clock = 0;
    const settings = { ...loadSettings(null), refreshDebounceMs: 50 };
    const models = new LiveModels(index, { today: () => AS_OF, settings: () => settings, timers, now: () => clock++ });
    const today: TodayModel[] = [];
    const practice: PracticeModel[] = [];
    const stopToday = models.today().subscribe((m) => today.push(m));
    const stopPractice = models.practice().subscribe((m) => practice.push(m));
    // At once: nothing yet, and how far the work has got; no "no nudges" and no empty figures.
    expect(today).toHaveLength(1);
    expect(today[0].items).toEqual([]);
    expect(today[0].preparing).toBeDefined();
    expect(practice).toHaveLength(1);
    expect(practice[0].figures).toBeNull();
    expect(practice[0].preparing).toBeDefined();
    expect(flush()).toBeGreaterThan(3);
    // Both count the clients as they go.
    for (const list of [today, practice]) {
      const counted = list.map((m) => m.preparing).filter((p) => (p?.total ?? 0) > 0);
      expect(counted.length).toBeGreaterThan(0);
      for (const p of counted) expect(p!.total === 300 && p!.done > 0 && p!.done < 300).toBe(true);
    }
    const lastToday = today.at(-1)!;
    const lastPractice = practice.at(-1)!;
    expect(lastToday.preparing ?? null).toBeNull();
    expect(lastPractice.preparing ?? null).toBeNull();
    expect(lastToday).toEqual(buildTodayModel(index, AS_OF, settings.nudges));
    expect(lastToday.items.length).toBeGreaterThan(0);
    expect(lastPractice).toEqual(buildPracticeModel(index, AS_OF, {}));
    // After a change, the figures stay shown while the work is redone.
    index.setNote('Sessions/extra.md', '---\ntype: session\nclient: Client 000 Test\ndate: 2026-11-30\n---\n## Commitments\n- [ ] One more 📅 2026-12-01\n');
    flush();
    expect(practice.slice(practice.indexOf(lastPractice)).every((m) => m.figures !== null)).toBe(true);
    expect(practice.at(-1)).toEqual(buildPracticeModel(index, AS_OF, {}));
    expect(today.at(-1)).toEqual(buildTodayModel(index, AS_OF, settings.nudges));
    stopToday();
    stopPractice();
  });

  it('with nudges off, the Today panel never says it is working them out', () => {
    const index = practiceIndex(300);
    const { timers, flush } = fakeTimers();
    let clock = 0;
    const base = loadSettings(null);
    const settings = { ...base, refreshDebounceMs: 50, nudges: { ...base.nudges, enabled: false } };
    const models = new LiveModels(index, { today: () => AS_OF, settings: () => settings, timers, now: () => clock++ });
    const today: TodayModel[] = [];
    const stop = models.today().subscribe((m) => today.push(m));
    flush();
    expect(today.length).toBeGreaterThan(0);
    for (const m of today) expect([m.enabled, m.preparing ?? null]).toEqual([false, null]);
    stop();
  });

  it('a small vault builds at once, in the first slice', () => {
    const index = practiceIndex(2);
    const { timers, flush } = fakeTimers();
    const settings = { ...loadSettings(null), refreshDebounceMs: 50 };
    const models = new LiveModels(index, { today: () => AS_OF, settings: () => settings, timers, now: () => 0 });
    const model = get(models.roster());
    expect(model.rows.map((r) => r.client)).toEqual(['Client 000 Test', 'Client 001 Test']);
    expect(model.preparing ?? null).toBeNull();
    expect(flush()).toBe(0);
  });

  it('after a change, the count works ahead in slices and keeps its last value meanwhile; a change mid-way starts it again', () => {
    const index = practiceIndex(40);
    const { timers, flush } = fakeTimers();
    let clock = 0;
    const settings = { ...loadSettings(null), refreshDebounceMs: 50 };
    const models = new LiveModels(index, { today: () => AS_OF, settings: () => settings, timers, now: () => clock++ });
    const seen: number[] = [];
    const stop = models.overdueCount().subscribe((n) => seen.push(n));
    expect(seen).toEqual([40]); // the first value at once, whatever it costs
    // A re-read: every client's figures are stale.
    index.configure({});
    index.setNotes(Object.entries(vault(...Array.from({ length: 40 }, (_, i) => [clientNote(`Other ${i} Person`), sessionNote(`Other ${i} Person`, '2026-11-10', ['- [ ] Send the deck 📅 2026-11-20', '- [ ] Call Ana 📅 2026-11-21'])]).flat())));
    flush(2); // the debounce, then one slice
    expect(seen).toEqual([40]);
    index.setNote('Sessions/extra.md', '---\ntype: session\nclient: Other 0 Person\ndate: 2026-11-12\n---\n## Commitments\n- [ ] One more 📅 2026-11-20\n');
    flush();
    expect(seen).toEqual([40, 81]);
    expect(index.overdueCount(AS_OF)).toBe(81);
    stop();
  });
});
