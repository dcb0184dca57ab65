/**
 * A live roster (and the Today panel's nudges, and the practice figures) redo only what a change touched: after a change that leaves the client list
 * as it was, `roster` (with a cache kept between calls), `prepareRoster` and `overdueCount`
 * work out again only the clients whose notes changed (VaultIndex.clientsTouchedSince) and move
 * their rows into place. After any run of changes their answers must be those of a fresh index
 * of the same notes, whatever was kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareRoster, roster, type RosterCache } from '../../src/core/analytics/roster';
import { VaultIndex } from '../../src/core/index/vault-index';
import { resolveNudgeSettings } from '../../src/core/nudges/settings';
import { nudgesDue, prepareNudges, quietNudges, type NudgeCache } from '../../src/core/nudges/today';
import type { PracticeCache } from '../../src/core/practice/client-point';
import { practiceFigures } from '../../src/core/practice/figures';
import { preparePractice } from '../../src/core/practice/prepare';

const NAMES = ['Jane Doe', 'jane doe', 'Jane Smith', 'Ben Ode', 'Jane', 'Ben', 'Cara Lind'];
const DATES = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'];

const item = fc.record({
  box: fc.constantFrom(' ', 'x', '-', '>'),
  due: fc.option(fc.constantFrom('2026-11-05', '2026-11-20', '2026-11-28', '2026-12-04')),
  text: fc.constantFrom('Send the deck', 'Call Ana', 'Write the page', 'Walk at lunch'),
  checkIn: fc.option(fc.constantFrom('done', 'stuck', 'partial')),
});
const note = fc.record({
  kind: fc.constantFrom('session', 'session', 'session', 'client', 'other'),
  name: fc.constantFrom(...NAMES),
  slot: fc.nat(9),
  date: fc.constantFrom(...DATES),
  next: fc.option(fc.constantFrom('2026-12-02', '2026-12-09')),
  status: fc.constantFrom('active', 'active', 'paused'),
  items: fc.array(item, { maxLength: 4 }),
});
type Note = typeof note extends fc.Arbitrary<infer T> ? T : never;

function text(n: Note): [string, string] {
  if (n.kind === 'client') return [`Clients/${n.name} ${n.slot % 3}.md`, `---\ntype: client\nname: ${n.name}\nstatus: ${n.status}\ncadence: weekly\n---\n`];
  if (n.kind === 'other') return [`Notes/${n.slot}.md`, `# Reading list\n- [ ] ${n.items[0]?.text ?? 'a book'}\n`];
  const items = n.items
    .map((it) => `- [${it.box}] ${it.text}${it.due ? ` [due:: ${it.due}]` : ''}${it.checkIn ? `\n    - 2026-11-29 ${it.checkIn}: noted` : ''}`)
    .join('\n');
  return [`Sessions/${n.slot}.md`, `---\ntype: session\nclient: ${n.name}\ndate: ${n.date}\n${n.next ? `next: ${n.next}\n` : ''}---\n## Commitments\n${items}\n`];
}

/** The same session note with other items (its client and date kept): what typing in it does. */
function edited(t: string, items: Note['items']): string {
  const head = t.slice(0, t.indexOf('## Commitments'));
  return text({ kind: 'session', name: 'x', slot: 0, date: DATES[0], next: null, status: 'active', items })[1].replace(/^---[^]*?---\n/, head);
}

const NUDGES = resolveNudgeSettings({});
const THINNING = resolveNudgeSettings({ thinAfterOnTime: 1 });

describe('the live roster and Today', () => {
  it('after any run of writes, edits, renames, deletes and a new date, answers as a fresh index of the same notes', () => {
    const step = fc.oneof(
      note.map((n) => ({ op: 'set' as const, n })),
      fc.tuple(fc.nat(20), fc.array(item, { maxLength: 4 })).map(([at, items]) => ({ op: 'edit' as const, at, items })),
      fc.tuple(fc.nat(20), fc.array(item, { maxLength: 4 })).map(([at, items]) => ({ op: 'edit' as const, at, items })),
      fc.nat(20).map((at) => ({ op: 'remove' as const, at })),
      fc.tuple(fc.nat(20), fc.nat(9)).map(([at, to]) => ({ op: 'rename' as const, at, to })),
      fc.constantFrom('2026-12-01', '2026-12-05').map((asOf) => ({ op: 'day' as const, asOf })),
    );
    fc.assert(
      fc.property(fc.array(note, { maxLength: 12 }), fc.array(step, { minLength: 1, maxLength: 30 }), fc.boolean(), (start, steps, prepareFirst) => {
        const index = new VaultIndex();
        const texts = new Map<string, string>();
        for (const n of start) {
          const [path, t] = text(n);
          texts.set(path, t);
        }
        index.setNotes(texts);
        const cache: RosterCache = new Map();
        const nudges: NudgeCache = new Map();
        const practice: PracticeCache = new Map();
        let asOf = '2026-12-01';
        const pick = (at: number) => [...texts.keys()].sort()[at % Math.max(1, texts.size)];
        const check = () => {
          if (prepareFirst) {
            const work = prepareRoster(index, { asOf, cache });
            while (!work.step(() => false).finished);
          }
          const fresh = new VaultIndex();
          fresh.setNotes(texts);
          expect(roster(index, { asOf, cache })).toEqual(roster(fresh, { asOf }));
          expect(roster(index, { asOf, cache, coach: null })).toEqual(roster(fresh, { asOf }));
          expect(index.overdueCount(asOf)).toBe(fresh.overdue(asOf).length);
          expect(index.clients()).toEqual(fresh.clients());
          expect(index.diagnostics()).toEqual(fresh.diagnostics());
          // Worked out ahead (for each call in turn, so the cache also meets other settings), or not.
          const ahead = (settings: typeof NUDGES, coach?: string) => {
            if (!prepareFirst) return;
            const work = prepareNudges(index, asOf, settings, { cache: nudges, coach });
            while (!work.step(() => true).finished);
          };
          ahead(NUDGES);
          expect(nudgesDue(index, asOf, NUDGES, { cache: nudges })).toEqual(nudgesDue(fresh, asOf, NUDGES));
          ahead(THINNING);
          expect(quietNudges(index, asOf, THINNING, { cache: nudges })).toEqual(quietNudges(fresh, asOf, THINNING));
          ahead(THINNING, 'sam');
          expect(nudgesDue(index, asOf, THINNING, { cache: nudges, coach: 'sam' })).toEqual(nudgesDue(fresh, asOf, THINNING, { coach: 'sam' }));
          if (prepareFirst) {
            const work = preparePractice(index, asOf, { weeks: 3 }, practice);
            while (!work.step(() => true).finished);
          }
          expect(practiceFigures(index, asOf, { weeks: 3 }, practice)).toEqual(practiceFigures(fresh, asOf, { weeks: 3 }));
        };
        check();
        for (const s of steps) {
          if (s.op === 'set') {
            const [path, t] = text(s.n);
            index.setNote(path, t);
            texts.set(path, t);
          } else if (s.op === 'edit') {
            const path = pick(s.at);
            if (path === undefined || !path.startsWith('Sessions/')) continue;
            const t = edited(texts.get(path)!, s.items);
            index.setNote(path, t);
            texts.set(path, t);
          } else if (s.op === 'remove') {
            const path = pick(s.at);
            if (path === undefined) continue;
            index.removeNote(path);
            texts.delete(path);
          } else if (s.op === 'rename') {
            const path = pick(s.at);
            const to = `Moved/${s.to}.md`;
            if (path === undefined || texts.has(to)) continue;
            const t = texts.get(path)!;
            index.renameNote(path, to, t);
            texts.delete(path);
            texts.set(to, t);
          } else asOf = s.asOf;
          check();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('which clients a change touched is the same after a full preparation built the key map as it went, and never stale', () => {
    const notes: [string, string][] = [];
    for (let i = 0; i < 30; i++) {
      notes.push([`Clients/Client ${i}.md`, `---\ntype: client\naliases: [C${i}]\n---\n`]);
      notes.push([`Sessions/${i}.md`, `---\ntype: session\nclient: C${i}\ndate: 2026-11-20\n---\n## Commitments\n- [ ] Step ${i}\n`]);
    }
    const edit = (index: VaultIndex, i: number) => index.setNote(`Sessions/${i}.md`, `---\ntype: session\nclient: C${i}\ndate: 2026-11-20\n---\n## Commitments\n- [x] Step ${i}\n`);
    const touched = (prepared: boolean, changeListMidway: boolean) => {
      const index = new VaultIndex();
      index.setNotes(notes);
      const work = prepareRoster(index, { asOf: '2026-12-01', cache: new Map() });
      if (prepared) {
        let steps = 0;
        // A few clients a step, and after a few steps a new client changes the list: the pass starts again.
        const fewAStep = () => {
          let asked = 0;
          return () => ++asked > 3;
        };
        while (!work.step(fewAStep()).finished) if (++steps === 5 && changeListMidway) index.setNote('Clients/New One.md', '---\ntype: client\n---\n');
      }
      const mark = index.changeMark();
      edit(index, 7);
      edit(index, 21);
      return index.clientsTouchedSince(mark)!.map((c) => c.name).sort();
    };
    expect(touched(false, false)).toEqual(['Client 21', 'Client 7']);
    expect(touched(true, false)).toEqual(['Client 21', 'Client 7']);
    expect(touched(true, true)).toEqual(['Client 21', 'Client 7']);
  });

  it('after an edit inside one session note, redoes only that client', () => {
    const index = new VaultIndex();
    const notes: [string, string][] = [];
    for (let i = 0; i < 40; i++) {
      notes.push([`Clients/Client ${i}.md`, `---\ntype: client\n---\n`]);
      notes.push([`Sessions/${i}.md`, `---\ntype: session\nclient: Client ${i}\ndate: 2026-11-20\n---\n## Commitments\n- [ ] Step ${i} [due:: 2026-11-25]\n`]);
    }
    index.setNotes(notes);
    const cache: RosterCache = new Map();
    const before = roster(index, { asOf: '2026-12-01', cache });
    const mark = index.changeMark();
    index.setNote('Sessions/7.md', `---\ntype: session\nclient: Client 7\ndate: 2026-11-20\n---\n## Commitments\n- [x] Step 7 [due:: 2026-11-25]\n`);
    expect(index.clientsTouchedSince(mark)!.map((c) => c.name)).toEqual(['Client 7']);
    const after = roster(index, { asOf: '2026-12-01', cache });
    // Every other row is the very object kept from before; only Client 7's is new, and in its place.
    const changed = after.filter((r) => !before.includes(r));
    expect(changed.map((r) => r.client)).toEqual(['Client 7']);
    expect(changed[0].overdue).toBe(0);
    expect(after.map((r) => r.client)).toEqual(roster(index, { asOf: '2026-12-01' }).map((r) => r.client));
    // A new client's session changes the client list: every client may be redone.
    const mark2 = index.changeMark();
    index.setNote('Sessions/new.md', `---\ntype: session\nclient: Someone New\ndate: 2026-11-20\n---\n`);
    expect(index.clientsTouchedSince(mark2)).toBeNull();
  });
});
