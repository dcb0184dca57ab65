/**
 * The Today panel and the practice view work each client's part out ahead, in slices, so the
 * build that follows only reads and adds up (issue 13: no long block at start-up or on opening a
 * view). Held here: the build after the work ahead works out no client again (every kept entry
 * is still the same object after it), its answer is the answer with nothing kept, and after a
 * one-note change the work ahead redoes that note's client and no other.
 */
import { describe, expect, it } from 'vitest';
import { VaultIndex } from '../../src/core/index/vault-index';
import type { Preparation } from '../../src/core/index/prepare';
import { resolveNudgeSettings } from '../../src/core/nudges/settings';
import { nudgesDue, prepareNudges, quietNudges, type NudgeCache } from '../../src/core/nudges/today';
import { buildTodayModel } from '../../src/app/today';
import { practiceFigures } from '../../src/core/practice/figures';
import { preparePractice } from '../../src/core/practice/prepare';
import type { PracticeCache } from '../../src/core/practice/client-point';
import { DEFAULT_SYNTH_OPTIONS, SynthVault } from '../../bench/synth-vault';
import { clientNote, sessionNote, vault } from '../analytics/fixtures';

const AS_OF = '2026-12-01';
const SETTINGS = resolveNudgeSettings({ thinAfterOnTime: 1 });

function synthIndex(): { vault: SynthVault; index: VaultIndex } {
  const vault = new SynthVault({ ...DEFAULT_SYNTH_OPTIONS, clients: 30, sessionsPerClient: 12 });
  const index = new VaultIndex();
  index.setNotes(vault.batch(0, vault.noteCount));
  return { vault, index };
}

/** Steps a preparation one item at a time until it finishes; returns the steps taken. */
function finish(work: Preparation): number {
  let steps = 0;
  while (!work.step(() => true).finished) if (++steps > 100_000) throw new Error('the work ahead never finished');
  return steps + 1;
}

/** The first session note of an active client with an open box, edited (the box ticked); returns the client's name as the note gives it. */
function editOne(vault: SynthVault, index: VaultIndex): string {
  for (let i = vault.clientCount; i < vault.noteCount; i++) {
    const text = vault.noteText(i);
    const ref = index.note(vault.path(i))?.sessions[0]?.clientRef;
    if (!text.includes('- [ ] ') || ref === undefined || index.client(ref)?.status !== 'active') continue;
    index.setNote(vault.path(i), text.replace('- [ ] ', '- [x] '));
    return index.note(vault.path(i))!.sessions[0].clientRef;
  }
  throw new Error('no open box to tick');
}

describe('the Today panel worked out ahead', () => {
  it('leaves the build nothing to work out, and answers as with nothing kept', () => {
    const { index } = synthIndex();
    const cache: NudgeCache = new Map();
    expect(finish(prepareNudges(index, AS_OF, SETTINGS, { cache }))).toBeGreaterThan(index.clients().length);
    const active = index.clients().filter((c) => c.status === 'active');
    expect(active.length).toBeGreaterThan(5);
    for (const c of active) {
      expect(cache.get(c.name)?.due, c.name).toBeDefined();
      expect(cache.get(c.name)?.quiet, c.name).toBeDefined();
    }
    const entries = new Map([...cache].map(([name, entry]) => [name, { entry, due: entry.due, quiet: entry.quiet }]));
    const model = buildTodayModel(index, AS_OF, SETTINGS, { cache });
    expect(model.items.length).toBeGreaterThan(0);
    for (const [name, was] of entries) {
      expect(cache.get(name), name).toBe(was.entry);
      expect(cache.get(name)?.due).toBe(was.due);
      expect(cache.get(name)?.quiet).toBe(was.quiet);
    }
    expect(model).toEqual(buildTodayModel(index, AS_OF, SETTINGS));
    expect(nudgesDue(index, AS_OF, SETTINGS, { cache })).toEqual(nudgesDue(index, AS_OF, SETTINGS));
    expect(quietNudges(index, AS_OF, SETTINGS, { cache })).toEqual(quietNudges(index, AS_OF, SETTINGS));
  });

  it('after a one-note change, works out that client again and keeps every other', () => {
    const { vault, index } = synthIndex();
    const cache: NudgeCache = new Map();
    finish(prepareNudges(index, AS_OF, SETTINGS, { cache }));
    const before = new Map(cache);
    const changed = editOne(vault, index);
    finish(prepareNudges(index, AS_OF, SETTINGS, { cache }));
    const redone = [...cache.keys()].filter((name) => cache.get(name) !== before.get(name));
    expect(redone).toEqual([index.client(changed)!.name]);
    expect(nudgesDue(index, AS_OF, SETTINGS, { cache })).toEqual(nudgesDue(index, AS_OF, SETTINGS));
  });

  it('a new date or other settings work every client out again', () => {
    const { index } = synthIndex();
    const cache: NudgeCache = new Map();
    finish(prepareNudges(index, AS_OF, SETTINGS, { cache }));
    const before = new Map(cache);
    finish(prepareNudges(index, '2026-12-02', SETTINGS, { cache }));
    const active = index.clients().filter((c) => c.status === 'active');
    for (const c of active) expect(cache.get(c.name), c.name).not.toBe(before.get(c.name));
    expect(nudgesDue(index, '2026-12-02', SETTINGS, { cache })).toEqual(nudgesDue(index, '2026-12-02', SETTINGS));
  });

  it('with nudges off, has nothing of its own to do', () => {
    const { index } = synthIndex();
    const cache: NudgeCache = new Map();
    finish(prepareNudges(index, AS_OF, { ...SETTINGS, enabled: false }, { cache }));
    expect(cache.size).toBe(0);
  });
});

describe('the practice view worked out ahead', () => {
  it('leaves the build every client gathered and every point worked, and answers as with nothing kept', () => {
    const { index } = synthIndex();
    const cache: PracticeCache = new Map();
    finish(preparePractice(index, AS_OF, { weeks: 4 }, cache));
    expect(cache.size).toBe(index.clients().length);
    const kept = new Map([...cache].map(([name, { data }]) => [name, { data, points: [...data.points] }]));
    for (const { points } of kept.values()) expect(points.filter((p) => p !== undefined)).toHaveLength(4);
    const figures = practiceFigures(index, AS_OF, { weeks: 4 }, cache);
    for (const [name, was] of kept) {
      const now = cache.get(name)!.data;
      expect(now, name).toBe(was.data);
      for (let at = 0; at < 4; at++) expect(now.points[at], `${name} at ${at}`).toBe(was.points[at]);
    }
    expect(figures).toEqual(practiceFigures(index, AS_OF, { weeks: 4 }));
  });

  it('after a one-note change, gathers that client again and keeps every other', () => {
    const { vault, index } = synthIndex();
    const cache: PracticeCache = new Map();
    finish(preparePractice(index, AS_OF, { weeks: 4 }, cache));
    const before = new Map([...cache].map(([name, { data }]) => [name, data]));
    const changed = editOne(vault, index);
    finish(preparePractice(index, AS_OF, { weeks: 4 }, cache));
    const redone = [...cache.keys()].filter((name) => cache.get(name)!.data !== before.get(name));
    expect(redone).toEqual([index.client(changed)!.name]);
    expect(practiceFigures(index, AS_OF, { weeks: 4 }, cache)).toEqual(practiceFigures(index, AS_OF, { weeks: 4 }));
  });

  it('works the points out under the names the build gives the coaches, however they are spelled, on a full pass and after a change', () => {
    const notes = {
      ...vault(clientNote('Ana Lima', { coach: 'Sam Rivera' }), sessionNote('Ana Lima', '2026-11-10', ['- [ ] Send the deck 📅 2026-11-20'])),
      ...vault(clientNote('Ben Ode', { coach: 'sam rivera' }), sessionNote('Ben Ode', '2026-11-12', ['- [x] Call Ana'], { coach: 'Priya  Nair' })),
      ...vault(clientNote('Cara Lind', { coach: 'Priya Nair' }), sessionNote('Cara Lind', '2026-11-20', ['- [ ] Walk at lunch 📅 2026-11-25'])),
      ...vault(clientNote('Dev Rao'), sessionNote('Dev Rao', '2026-11-24', ['- [ ] Write the page'])),
    };
    const index = new VaultIndex();
    index.setNotes(Object.entries(notes));
    const options = { weeks: 3, coaches: ['SAM RIVERA', 'Lee Park'] };
    const cache: PracticeCache = new Map();
    const keptPoints = () => new Map([...cache].map(([name, { data }]) => [name, [...data.points]]));
    finish(preparePractice(index, AS_OF, options, cache));
    let before = keptPoints();
    const figures = practiceFigures(index, AS_OF, options, cache);
    expect(figures.coaches.map((c) => c.coach)).toEqual(['Lee Park', 'Priya Nair', 'Sam Rivera', 'Unassigned']);
    for (const [name, points] of before) {
      expect(points.filter((p) => p !== undefined), name).toHaveLength(3);
      points.forEach((p, at) => expect(cache.get(name)!.data.points[at], `${name} at ${at}`).toBe(p));
    }
    expect(figures).toEqual(practiceFigures(index, AS_OF, options));
    // Ben's note changes: his points are worked out ahead again, under the same names.
    const [benPath, benText] = Object.entries(sessionNote('Ben Ode', '2026-11-12', ['- [ ] Call Ana'], { coach: 'Priya  Nair' }))[0];
    index.setNote(benPath, benText);
    finish(preparePractice(index, AS_OF, options, cache));
    before = keptPoints();
    expect(before.get('Ben Ode')!.filter((p) => p !== undefined)).toHaveLength(3);
    const again = practiceFigures(index, AS_OF, options, cache);
    for (const [name, points] of before) points.forEach((p, at) => expect(cache.get(name)!.data.points[at], `${name} at ${at}`).toBe(p));
    expect(again).toEqual(practiceFigures(index, AS_OF, options));
  });

  it('reading frontmatter through the caller\'s own function keeps nothing, so works nothing ahead', () => {
    const { index } = synthIndex();
    const cache: PracticeCache = new Map();
    finish(preparePractice(index, AS_OF, { weeks: 4, clientFrontmatter: () => null }, cache));
    expect(cache.size).toBe(0);
  });
});
