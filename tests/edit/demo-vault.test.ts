/**
 * Every edit kind, scripted over the whole demo vault (examples/demo-vault), through the same
 * path the plugin uses (CommitmentActions → EditApplier → Vault.process on the fake vault).
 * After each edit the notes it touched are diffed line by line against their text before it:
 * only the intended lines may differ. Finally every edit is undone and the vault must be back
 * to its original bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { App, type TFile } from '../fakes/obsidian';
import { VaultIndex } from '../../src/core/index/vault-index';
import { parseNote } from '../../src/core/parse/note';
import type { Commitment } from '../../src/core/types';
import { EditApplier, type EditVault } from '../../src/app/applier';
import { CommitmentActions } from '../../src/app/actions';
import { obsidianEditVault } from '../../src/obsidian/edits/facade';
import { lineDiff, seeded } from './helpers';

const ROOT = fileURLToPath(new URL('../../examples/demo-vault', import.meta.url));
const TODAY = '2026-12-01';

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

function loadDemo() {
  const files = walk(ROOT).map((p) => [relative(ROOT, p).split('\\').join('/'), readFileSync(p, 'utf8')] as const);
  const app = new App();
  for (const [path, text] of files) app.vault.seed(path, text);
  const index = new VaultIndex();
  index.setNotes(files);
  const applier = new EditApplier<TFile>(obsidianEditVault(app as never) as unknown as EditVault<TFile>);
  const template = files.find(([p]) => p.startsWith('Templates/'))?.[1] ?? '';
  const actions = new CommitmentActions(index, applier, {
    today: () => TODAY,
    random: seeded(2026),
    sessionNotes: () => ({ folder: 'Sessions', template, filenamePattern: '{{date}} {{client}}' }),
  });
  const snapshot = () => new Map(app.vault.getFiles().map((f) => [f.path, app.vault.text(f.path)!]));
  return { app, index, applier, actions, original: new Map(files), snapshot };
}

type Demo = ReturnType<typeof loadDemo>;

/** Applies `run`, re-indexes what it changed, and returns each note's text before and after. */
async function edit(demo: Demo, run: () => Promise<{ ok: boolean; reason?: string; changed?: string[] }>) {
  const before = demo.snapshot();
  const r = await run();
  if (!r.ok) throw new Error(r.reason);
  const after = demo.snapshot();
  for (const path of r.changed ?? []) demo.index.setNote(path, after.get(path)!);
  const touched = [...after.keys()].filter((p) => before.get(p) !== after.get(p));
  expect(touched.sort()).toEqual([...(r.changed ?? [])].sort());
  return { before, after, touched };
}

const isOpen = (c: Commitment) => c.checkbox === 'open' || c.checkbox === 'partial' || c.checkbox === 'stuck';

async function undoAll(demo: Demo) {
  while (demo.applier.canUndo) {
    const r = await demo.applier.undo();
    if (!r.ok) throw new Error(r.reason);
  }
  const now = demo.snapshot();
  expect([...now.keys()].sort()).toEqual([...demo.original.keys()].sort());
  for (const [path, text] of demo.original) expect(now.get(path), path).toBe(text);
}

describe('the demo vault under every edit kind', () => {
  const demo0 = loadDemo();
  const sessionNotes = demo0.index.sessions().map((s) => s.path);

  it('has session notes with open commitments to work on', () => {
    expect(sessionNotes.length).toBeGreaterThan(0);
    expect(demo0.index.commitments().filter(isOpen).length).toBeGreaterThan(0);
  });

  it('capture: only uncaptured commitment lines change', async () => {
    const demo = loadDemo();
    let captured = 0;
    for (const path of sessionNotes) {
      const uncaptured = demo.index.commitmentsOfSession(path).filter((c) => !c.hasCheckbox || c.id === null);
      const { before, after, touched } = await edit(demo, () => demo.actions.capture(path));
      if (uncaptured.length === 0) {
        expect(touched).toEqual([]);
        continue;
      }
      captured += uncaptured.length;
      const d = lineDiff(before.get(path)!, after.get(path)!);
      expect(d.removed).toEqual(uncaptured.map((c) => c.line));
      expect(d.added).toEqual(uncaptured.map((c) => c.line));
      for (const c of demo.index.commitmentsOfSession(path)) expect([c.hasCheckbox, c.id !== null]).toEqual([true, true]);
      // Idempotent.
      const again = await edit(demo, () => demo.actions.capture(path));
      expect(again.touched).toEqual([]);
    }
    expect(captured).toBeGreaterThan(0);
    await undoAll(demo);
  });

  for (const status of ['done', 'partial', 'stuck', 'skipped', 'nudged'] as const) {
    it(`check-in ${status} on every open commitment: the line (at most) and the new detail lines`, async () => {
      const demo = loadDemo();
      const open = demo.index.commitments().filter(isOpen);
      for (const c0 of open) {
        const c = demo.index.commitmentsOfSession(c0.session).find((x) => x.raw === c0.raw && x.line >= c0.line)!;
        const { before, after, touched } = await edit(demo, () => demo.actions.checkIn(c, { status, note: 'scripted check-in', learned: status === 'done' ? 'it worked' : null }));
        expect(touched).toEqual([c.session]);
        const d = lineDiff(before.get(c.session)!, after.get(c.session)!);
        const inserted = status === 'done' ? [c.endLine + 1, c.endLine + 2] : [c.endLine + 1];
        const lineChanged = d.removed.length > 0;
        expect(d.removed).toEqual(lineChanged ? [c.line] : []);
        expect(d.added).toEqual(lineChanged ? [c.line, ...inserted] : inserted);
        const now = parseNote(c.session, after.get(c.session)!).commitments.find((x) => x.line === c.line)!;
        expect(now.checkIns.at(-1)).toMatchObject({ date: TODAY, status, note: 'scripted check-in' });
        if (status === 'done') expect([now.status, now.doneDate]).toEqual(['done', TODAY]);
      }
      await undoAll(demo);
    });
  }

  it('let go on every open commitment', async () => {
    const demo = loadDemo();
    for (const c0 of demo.index.commitments().filter(isOpen)) {
      const c = demo.index.commitmentsOfSession(c0.session).find((x) => x.raw === c0.raw)!;
      const { before, after } = await edit(demo, () => demo.actions.letGo(c, { reason: 'not the priority now', learned: 'say no sooner' }));
      const d = lineDiff(before.get(c.session)!, after.get(c.session)!);
      expect(d.removed).toEqual([c.line]);
      expect(d.added).toEqual([c.line, c.endLine + 1, c.endLine + 2]);
      const now = parseNote(c.session, after.get(c.session)!).commitments.find((x) => x.line === c.line)!;
      expect([now.status, now.letGoDate]).toEqual(['let-go', TODAY]);
    }
    await undoAll(demo);
  });

  for (const kind of ['recommit', 'modify'] as const) {
    it(`${kind} every open commitment into the client's next session (creating it from the template when needed)`, async () => {
      const demo = loadDemo();
      const created: string[] = [];
      for (const c0 of demo.index.commitments().filter(isOpen)) {
        const c = demo.index.commitmentsOfSession(c0.session).find((x) => x.raw === c0.raw)!;
        const { before, after, touched } = await edit(demo, () =>
          kind === 'recommit' ? demo.actions.recommit(c) : demo.actions.modify(c, { text: `${c.text}, smaller`, trigger: 'I finish lunch', due: '2026-12-10' }),
        );
        expect(touched).toContain(c.session);
        const src = lineDiff(before.get(c.session)!, after.get(c.session)!);
        const dest = touched.find((p) => p !== c.session)!;
        expect(touched).toHaveLength(2);
        expect(src).toEqual({ removed: [c.line], added: [c.line] });
        const old = parseNote(c.session, after.get(c.session)!).commitments.find((x) => x.line === c.line)!;
        expect(old.status).toBe('recommitted');
        const destNote = parseNote(dest, after.get(dest)!);
        expect(destNote.session).not.toBeNull();
        const fresh = destNote.commitments.find((x) => x.from === old.id)!;
        expect(fresh).toBeDefined();
        expect(fresh.status).toBe('open');
        expect(fresh.text).toBe(kind === 'recommit' ? c.text : `${c.text}, smaller`);
        if (before.has(dest)) {
          const d = lineDiff(before.get(dest)!, after.get(dest)!);
          expect(d.removed).toEqual([]);
          expect(d.added).toEqual([fresh.line]);
        } else {
          created.push(dest);
          expect(destNote.session!.clientRef).toBe(c.client);
        }
      }
      expect(created.length).toBeGreaterThan(0);
      await undoAll(demo);
    });
  }

  it('release accountability on every client note sets paused_until through processFrontMatter, and the note reads the same otherwise', async () => {
    const demo = loadDemo();
    for (const client of demo.index.clients().filter((c) => c.path !== null)) {
      const was = JSON.stringify({ ...demo.index.client(client.name)!, pausedUntil: null, diagnostics: undefined });
      const { before, after } = await edit(demo, () => demo.actions.releaseAccountability(client.name, '2027-01-11'));
      // Obsidian re-serializes the frontmatter block; the body is untouched.
      const body = (t: string) => t.slice(t.indexOf('\n---', 3));
      expect(body(after.get(client.path!)!)).toBe(body(before.get(client.path!)!));
      expect(demo.index.client(client.name)!.pausedUntil).toBe('2027-01-11');
      expect(JSON.stringify({ ...demo.index.client(client.name)!, pausedUntil: null, diagnostics: undefined })).toBe(was);
    }
    await undoAll(demo);
  });
});
