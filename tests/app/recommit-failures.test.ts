/**
 * Recommit is a two-note edit (the next session's note and the old one). Whatever fails, and
 * wherever it fails, the vault ends in the old state or the new one, never with the old line
 * marked `[>]` and no carried line anywhere. Every vault call of the edit (and of its undo) is
 * made to fail in turn, before or after it took effect, and with the source note changed by
 * someone else at that moment.
 */
import { describe, expect, it } from 'vitest';
import { CommitmentActions } from '../../src/app/actions';
import { EditApplier, type EditVault } from '../../src/app/applier';
import { VaultIndex } from '../../src/core/index/vault-index';
import { parseNote } from '../../src/core/parse/note';
import { memoryVault } from '../fakes/memory-vault';
import { seeded } from '../edit/helpers';

const CLIENT = 'Clients/Jane Doe.md';
const S1 = 'Sessions/2026-11-20 Jane Doe.md';
const S2 = 'Sessions/2026-12-04 Jane Doe.md';
const client = '---\ntype: client\ncadence: 14\n---\n# Jane\n';
const s1 = '---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-11-20\nnext: 2026-12-04\n---\n## Commitments\n- [ ] Draft the scorecard ^sc0re\n- [ ] Book the offsite\n';
const s2 = '---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-12-04\n---\n## Commitments\n';
const TYPED = '\nTyped by the coach meanwhile.\n';

type Method = 'read' | 'process' | 'create' | 'delete' | 'ensureFolder';
type Mode = 'before' | 'after' | 'source-changed';

interface Fault {
  /** 1-based number of the vault call that fails; 0 for none. */
  at: number;
  mode: Mode;
}

/** A memory vault whose `fault.at`-th call throws (before or after taking effect). */
function faultyVault(files: Map<string, string>, fault: Fault, calls: Method[]): EditVault<string> {
  const base = memoryVault(files);
  const wrap =
    <A extends unknown[], R>(method: Method, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      calls.push(method);
      if (calls.length !== fault.at) return fn(...args);
      if (fault.mode === 'source-changed') {
        files.set(S1, files.get(S1)! + TYPED);
        return fn(...args);
      }
      if (fault.mode === 'after') await fn(...args);
      throw new Error(`${method} failed`);
    };
  return {
    ...base,
    read: wrap('read', base.read),
    process: wrap('process', base.process),
    create: wrap('create', base.create),
    delete: wrap('delete', base.delete),
    ensureFolder: wrap('ensureFolder', base.ensureFolder!),
  };
}

function setup(withNext: boolean, fault: Fault) {
  const files = new Map<string, string>([
    [CLIENT, client],
    [S1, s1],
  ]);
  if (withNext) files.set(S2, s2);
  const calls: Method[] = [];
  const vault = faultyVault(files, fault, calls);
  const index = new VaultIndex();
  index.setNotes([...files.entries()]);
  const applier = new EditApplier<string>(vault);
  const actions = new CommitmentActions(index, applier, { today: () => '2026-11-28', random: seeded(3) });
  const target = index.commitments().find((c) => c.text === 'Draft the scorecard')!;
  return { files, calls, applier, actions, target, index };
}

/** Where the vault stands: the old line's status, and whether some note carries it forward. */
function state(files: Map<string, string>) {
  const old = parseNote(S1, files.get(S1)!).commitments.find((c) => c.text === 'Draft the scorecard')!;
  const carried = [...files.entries()]
    .filter(([p]) => p !== CLIENT)
    .flatMap(([p, t]) => parseNote(p, t).commitments)
    .filter((c) => c.from === 'sc0re' && c.status === 'open');
  return { status: old.status, carried: carried.length };
}

function expectOldOrNew(files: Map<string, string>, ok: boolean, sourceChanged: boolean, withNext: boolean): void {
  const s = state(files);
  if (ok) {
    expect(s).toEqual({ status: 'recommitted', carried: 1 });
    return;
  }
  // Refused: exactly the old state (with the coach's typing, if any, kept).
  expect(s).toEqual({ status: 'open', carried: 0 });
  expect(files.get(S1)).toBe(sourceChanged ? s1 + TYPED : s1);
  if (withNext) expect(files.get(S2)).toBe(s2);
  else expect([...files.keys()].filter((p) => p.startsWith('Sessions/')).sort()).toEqual([S1]);
}

describe.each([
  ['an existing next session note', true],
  ['a next session note to create', false],
])('recommit into %s', (_, withNext) => {
  const clean = setup(withNext, { at: 0, mode: 'before' });
  it('succeeds without faults (and shows how many vault calls there are to fail)', async () => {
    const r = await clean.actions.recommit(clean.target);
    expect(r.ok).toBe(true);
    expect(clean.calls.length).toBeGreaterThanOrEqual(3);
    expect(state(clean.files)).toEqual({ status: 'recommitted', carried: 1 });
  });

  for (const mode of ['before', 'after', 'source-changed'] as const) {
    it(`leaves the old state or the new one when call k fails (${mode})`, async () => {
      const probe = setup(withNext, { at: 0, mode });
      await probe.actions.recommit(probe.target);
      const total = probe.calls.length;
      for (let k = 1; k <= total; k++) {
        const { files, actions, target, calls } = setup(withNext, { at: k, mode });
        const r = await actions.recommit(target);
        const sourceChanged = mode === 'source-changed' && calls.length >= k;
        if (!r.ok) expect(r.reason, `call ${k} (${calls[k - 1]})`).toMatch(/"[^"]+" \(Sessions\/[^)]+\.md\)|Sessions\/\S+\.md/);
        try {
          expectOldOrNew(files, r.ok, sourceChanged && files.get(S1)!.includes(TYPED), withNext);
        } catch (e) {
          throw new Error(`failing call ${k} (${calls[k - 1]}, ${mode}): ${(e as Error).message}\n${r.ok ? 'ok' : r.reason}`);
        }
      }
    });

    it(`undo leaves the new state or the old one when call k fails (${mode}), and a refused undo can be retried`, async () => {
      const probe = setup(withNext, { at: 0, mode });
      await probe.actions.recommit(probe.target);
      const start = probe.calls.length;
      await probe.applier.undo();
      const total = probe.calls.length - start;
      for (let k = 1; k <= total; k++) {
        const fault: Fault = { at: 0, mode };
        const { files, actions, applier, target, calls } = setup(withNext, fault);
        expect((await actions.recommit(target)).ok).toBe(true);
        const applied = new Map(files);
        fault.at = calls.length + k;
        const u = await applier.undo();
        const s = state(files);
        if (u.ok) {
          expect(s, `undo call ${k}`).toEqual({ status: 'open', carried: 0 });
          expect(applier.canUndo).toBe(false);
          continue;
        }
        // Refused: never carried to nowhere; the entry is kept.
        expect(s.status === 'recommitted' ? s.carried : 1, `undo call ${k} (${mode})`).toBe(1);
        expect(applier.canUndo).toBe(true);
        expect(u.reason).toMatch(/^Cannot undo ".*": .*"2026-1\d-\d\d Jane Doe" \(Sessions\/.*\.md\).*undo again/);
        if (mode === 'source-changed' && files.get(S1)!.includes(TYPED)) {
          // The coach puts the note back as the edit left it, and the retried undo goes through.
          files.set(S1, files.get(S1)!.replace(TYPED, ''));
        }
        if (files.get(S1) === applied.get(S1) && [...applied.keys()].every((p) => files.get(p) === applied.get(p))) {
          const again = await applier.undo();
          expect(again.ok, `retry after undo call ${k} (${mode})`).toBe(true);
          expect(state(files)).toEqual({ status: 'open', carried: 0 });
        }
      }
    });
  }
});
