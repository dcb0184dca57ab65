/**
 * The practice view's model over the demo vault (as of 2026-12-01, the vault's "today"), its
 * actions, the review note written through the real EditApplier over an in-memory vault, the live
 * store, and how the view words and sorts the figures.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { get } from 'svelte/store';
import { EditApplier } from '../../src/app/applier';
import { buildPracticeModel, practiceActions, writeReviewNote } from '../../src/app/practice';
import { LiveModels } from '../../src/app/live-models';
import { loadSettings } from '../../src/core/plugin-settings';
import { readVault } from '../../src/cli/read-vault';
import { VaultIndex } from '../../src/core/index/vault-index';
import { REVIEW_END, REVIEW_START } from '../../src/core/practice/review';
import { UNASSIGNED } from '../../src/core/practice/figures';
import { figureViews, movingAndStuck, sortForFigure, statusText } from '../../src/ui/practice/format';
import { clientNote, sessionNote, vault } from '../analytics/fixtures';
import { memoryVault } from '../fakes/memory-vault';

const DEMO = fileURLToPath(new URL('../../examples/demo-vault', import.meta.url));
const AS_OF = '2026-12-01';
const entries = readVault(DEMO);

function indexOf(files: Iterable<readonly [string, string]>): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(files);
  return index;
}


const model = buildPracticeModel(indexOf(entries), AS_OF);
const coach = (name: string) => model.figures.coaches.find((c) => c.coach === name)!;

describe('buildPracticeModel over the demo vault as of 2026-12-01', () => {
  it('has the as-of date, eight weekly points and the two coaches (no Unassigned column: every client has a coach)', () => {
    expect(model.asOf).toBe(AS_OF);
    expect(model.figures.asOf).toBe(AS_OF);
    expect(model.figures.weekEnds).toHaveLength(8);
    expect(model.figures.weekEnds[7]).toBe(AS_OF);
    expect(model.figures.coaches.map((c) => c.coach)).toEqual(['Priya Nair', 'Sam Rivera']);
    expect(model.figures.coaches.some((c) => c.unassigned)).toBe(false);
    for (const c of model.figures.coaches) expect(c.trend).toHaveLength(8);
  });

  it('shows differing rhythms: Sam 7 of 8 sessions held, Priya 5 of 9.8', () => {
    const sam = coach('Sam Rivera');
    const priya = coach('Priya Nair');
    expect(sam.sessionRhythm).toEqual({ held: 7, planned: 8, ratio: 0.875 });
    expect(priya.sessionRhythm.held).toBe(5);
    expect(priya.sessionRhythm.planned).toBeCloseTo(9.8, 6);
    expect(priya.sessionRhythm.ratio!).toBeLessThan(sam.sessionRhythm.ratio! - 0.3);
    expect([sam.activeClients, priya.activeClients, model.figures.total.activeClients]).toEqual([3, 4, 7]);
  });

  it('has each coach’s clients for the drill-down, riskiest first, released ones last', () => {
    expect(coach('Priya Nair').clients.map((c) => c.client)).toEqual(['Marcus Bell', 'Elena Petrova', 'Hannah Lindqvist', 'Jordan Ellis', 'Tom Whitaker']);
    expect(coach('Sam Rivera').clients.map((c) => [c.client, c.counted])).toEqual([
      ['Sofia Alvarez', true],
      ['Maya Chen', true],
      ['Daniel Okafor', true],
      ['Grace Adeyemi', false],
      ['Ravi Shah', false],
    ]);
  });

  it('reads the outcome convention from the client notes (Sam’s Maya and Daniel have promises)', () => {
    expect(coach('Sam Rivera').outcomes).toMatchObject({ withPromise: 2, withTarget: 1, entries: 3 });
  });

  it('puts an Unassigned column last when a client has no coach', () => {
    const files = vault(
      clientNote('Zed Nocoach'),
      sessionNote('Zed Nocoach', '2026-11-20'),
      clientNote('Abe Coached', { coach: 'Sam Rivera' }),
    );
    const m = buildPracticeModel(indexOf(Object.entries(files)), AS_OF, { coaches: ['Priya Nair'] });
    expect(m.figures.coaches.map((c) => [c.coach, c.unassigned])).toEqual([
      ['Priya Nair', false],
      ['Sam Rivera', false],
      [UNASSIGNED, true],
    ]);
  });

  it('passes the options through (a 14-day window, 4 trend points)', () => {
    const m = buildPracticeModel(indexOf(entries), AS_OF, { windowDays: 14, weeks: 4 });
    expect(m.figures.options.windowDays).toBe(14);
    expect(m.figures.weekEnds).toEqual(['2026-11-10', '2026-11-17', '2026-11-24', '2026-12-01']);
  });
});

describe('practiceActions', () => {
  it('opens clients and evidence through the navigator', () => {
    const nav = { openClient: vi.fn(), openEvidence: vi.fn() };
    const a = practiceActions(nav);
    a.openClient('Maya Chen');
    const e = { kind: 'commitment' as const, path: 'Sessions/2026-10-20 Maya Chen.md', line: 17, text: 'Book 5 investor coffees', date: '2026-10-25' };
    a.openEvidence(e);
    expect(nav.openClient).toHaveBeenCalledWith('Maya Chen');
    expect(nav.openEvidence).toHaveBeenCalledWith(e);
    // Without the host's extras, the view hides what they would do.
    expect(a.openCoachRoster).toBeUndefined();
    expect(a.writeReview).toBeUndefined();
    expect(a.drillChanged).toBeUndefined();
  });

  it('adds the host’s roster, review and drill-down hooks when given', async () => {
    const host = { openCoachRoster: vi.fn(), writeReview: vi.fn(async () => ({ ok: true as const, summary: 'done' })), drillChanged: vi.fn() };
    const a = practiceActions({ openClient: vi.fn(), openEvidence: vi.fn() }, host);
    a.openCoachRoster!('Priya Nair');
    expect(await a.writeReview!('month')).toEqual({ ok: true, summary: 'done' });
    a.drillChanged!(null);
    expect(host.openCoachRoster).toHaveBeenCalledWith('Priya Nair');
    expect(host.writeReview).toHaveBeenCalledWith('month');
    expect(host.drillChanged).toHaveBeenCalledWith(null);
  });
});

describe('writeReviewNote', () => {
  function setup() {
    const files = new Map(entries);
    const index = indexOf(files);
    const memory = memoryVault(files);
    const applier = new EditApplier<string>(memory);
    return { files, index, memory, applier };
  }

  it('writes the weekly review, says it is up to date the second time, and keeps the reader’s notes', async () => {
    const { files, index, memory, applier } = setup();
    const first = await writeReviewNote(index, applier, { period: 'week', asOf: AS_OF });
    expect(first).toEqual({ ok: true, summary: 'Wrote the weekly review Reviews/2026-W49.md.', path: 'Reviews/2026-W49.md' });
    const text = files.get('Reviews/2026-W49.md')!;
    expect(text).toContain('period: 2026-W49');
    expect(text).toContain(REVIEW_START);
    expect(text).toContain(REVIEW_END);
    expect(text).toContain('Priya Nair');
    expect(memory.folders).toEqual(['Reviews']);
    expect(applier.canUndo).toBe(true);

    const again = await writeReviewNote(index, applier, { period: 'week', asOf: AS_OF });
    expect(again).toEqual({ ok: true, summary: 'The 2026-W49 review is already up to date.', path: 'Reviews/2026-W49.md' });

    // The reader writes below the block; a rewrite a day later keeps it byte for byte.
    files.set('Reviews/2026-W49.md', `${text}My own notes.\n`);
    const later = await writeReviewNote(index, applier, { period: 'week', asOf: '2026-12-02' });
    expect(later.ok).toBe(true);
    expect(later.ok && later.summary).toBe('Updated the weekly review Reviews/2026-W49.md; your notes below it are unchanged.');
    expect(files.get('Reviews/2026-W49.md')!.endsWith('My own notes.\n')).toBe(true);
  });

  it('writes the monthly review into the folder given, and can be undone', async () => {
    const { files, index, applier } = setup();
    const r = await writeReviewNote(index, applier, { period: 'month', asOf: AS_OF, folder: 'Practice/Reviews' });
    expect(r).toMatchObject({ ok: true, path: 'Practice/Reviews/2026-12.md' });
    expect(files.has('Practice/Reviews/2026-12.md')).toBe(true);
    await applier.undo();
    expect(files.has('Practice/Reviews/2026-12.md')).toBe(false);
  });

  it('refuses a note whose markers are missing, and leaves it alone', async () => {
    const { files, index, applier } = setup();
    files.set('Reviews/2026-W49.md', '# My week\n\nNo markers here.\n');
    const r = await writeReviewNote(index, applier, { period: 'week', asOf: AS_OF });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^Did not write the weekly review Reviews\/2026-W49\.md: /);
    expect(files.get('Reviews/2026-W49.md')).toBe('# My week\n\nNo markers here.\n');
  });
});

describe('the live practice model', () => {
  it('builds on subscribe, rebuilds after index changes (debounced) and stops listening when unsubscribed', async () => {
    vi.useFakeTimers();
    try {
      const files = new Map(entries);
      const index = indexOf(files);
      let today = AS_OF;
      const settings = { ...loadSettings(null), refreshDebounceMs: 50 };
      const store = new LiveModels(index, { today: () => today, settings: () => settings, timers: globalThis }).practice();
      const seen: string[] = [];
      const stop = store.subscribe((m) => seen.push(`${m.asOf}:${m.figures?.total.activeClients ?? 'working out'}`));
      expect(seen).toEqual(['2026-12-01:7']);

      // A new client for Sam: after the debounce, 8 active.
      const more = vault(clientNote('Nia New', { coach: 'Sam Rivera' }), sessionNote('Nia New', '2026-11-25'));
      for (const [p, t] of Object.entries(more)) files.set(p, t);
      index.setNotes(files);
      expect(seen).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(60);
      expect(seen).toEqual(['2026-12-01:7', '2026-12-01:8']);

      // The day rolls over.
      today = '2026-12-02';
      await vi.advanceTimersByTimeAsync(60_000);
      expect(seen[seen.length - 1].startsWith('2026-12-02:')).toBe(true);

      stop();
      const count = seen.length;
      index.setNotes(entries);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(seen).toHaveLength(count);
      expect(get(store).asOf).toBe('2026-12-02');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('how the view words the figures', () => {
  const o = model.figures.options;
  const text = (name: string) => Object.fromEntries(figureViews(coach(name), o).map((f) => [f.key, `${f.value} | ${f.detail}`]));

  it('shows counts beside every rate, so small numbers stay visible', () => {
    expect(text('Priya Nair')).toEqual({
      activeClients: '4 | 1 paused or ended',
      sessionRhythm: '51% | 5 of 9.8 held',
      // A carried link counts as not done at the link where it was dropped (Hannah's partial four
      // mornings was carried), and only a chain's latest link can be overdue.
      completion: '50% | 8 + 1 partly of 17 done',
      caughtSameWeek: '71% | 5 of 7 overdue caught',
      followUpLag: '1 day | median of 5 · 2 not yet',
      coachOwnedOnTime: '– | none came due',
      escalations: '4 | 3 clients',
      clientsAtRisk: '3 | of 4 active clients',
      milestones: '0 of 6 done | 0 due soon · 1 overdue',
      outcomes: '0 entries | 0 of 4 with progress · 3 of 4 outcome steps done',
    });
    expect(text('Sam Rivera').sessionRhythm).toBe('88% | 7 of 8 held');
    expect(text('Sam Rivera').coachOwnedOnTime).toBe('67% | 2 of 3 on time');
  });

  it('gives every figure its eight-point series', () => {
    for (const f of figureViews(coach('Sam Rivera'), o)) expect(f.values).toHaveLength(8);
    const rhythm = figureViews(coach('Sam Rivera'), o).find((f) => f.key === 'sessionRhythm')!;
    expect(rhythm.values).toEqual([1, 1, 1, 1, 1, 1, 1, 0.875]);
    expect(rhythm.kind).toBe('rate');
  });

  it('counts clients moving and stuck (an escalation or at risk)', () => {
    expect(movingAndStuck(coach('Priya Nair'))).toEqual({ moving: 1, stuck: 3 });
    expect(movingAndStuck(coach('Sam Rivera'))).toEqual({ moving: 1, stuck: 2 });
  });

  it('sorts a coach’s clients for a figure, counted ones first', () => {
    const names = (key: Parameters<typeof sortForFigure>[1]) => sortForFigure(coach('Priya Nair').clients, key).map((c) => c.client);
    expect(names(null)).toEqual(['Marcus Bell', 'Elena Petrova', 'Hannah Lindqvist', 'Jordan Ellis', 'Tom Whitaker']);
    // Rhythm, lowest first: Elena 0%, Marcus 25%, Hannah 71%, Jordan 100%.
    expect(names('sessionRhythm')).toEqual(['Elena Petrova', 'Marcus Bell', 'Hannah Lindqvist', 'Jordan Ellis', 'Tom Whitaker']);
    // Completion, lowest first: Hannah 25%, Marcus 60%, Elena 67%, Jordan 83%.
    expect(names('completion')).toEqual(['Hannah Lindqvist', 'Marcus Bell', 'Elena Petrova', 'Jordan Ellis', 'Tom Whitaker']);
  });

  it('names a released client’s status', () => {
    const tom = coach('Priya Nair').clients.find((c) => c.client === 'Tom Whitaker')!;
    expect(statusText(tom)).toBe('Paused');
    expect(statusText(coach('Priya Nair').clients[0])).toBeNull();
  });
});
