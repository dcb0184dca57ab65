import { beforeEach, describe, expect, it } from 'vitest';
import { App, MarkdownView, Notice, Plugin, TFile, WorkspaceLeaf } from '../fakes/obsidian';
import { checkIn } from '../../src/core/edit/check-in';
import { recommit } from '../../src/core/edit/carry';
import { renderSessionNote } from '../../src/core/edit/session-note';
import type { MultiEditResult } from '../../src/core/edit/types';
import { EditApplier, type EditVault } from '../../src/app/applier';
import { registerEditCommands, UNDO_COMMAND_ID } from '../../src/obsidian/edits/commands';
import { obsidianEditVault } from '../../src/obsidian/edits/facade';
import { PATH, seeded, session, target } from './helpers';

const NEXT = 'Sessions/2026-12-04 Jane Doe.md';
const source = session(['## Commitments', '- [ ] Send 10 outreach messages ^c7f3a', '- [ ] Draft the scorecard']);
const next = '---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-12-04\n---\n## Commitments\n';

function setup() {
  const app = new App();
  app.vault.seed(PATH, source);
  app.vault.seed(NEXT, next);
  const vault = obsidianEditVault(app as never) as unknown as EditVault<TFile>;
  const applier = new EditApplier<TFile>(vault);
  return { app, applier };
}

const done = (text: string) => checkIn(text, target(source, 'Send 10 outreach messages'), { status: 'done', today: '2026-11-28' });

function carried(into = { path: NEXT, text: next, isNew: false, defaultDue: '2026-12-16' }): MultiEditResult {
  return recommit(source, target(source, 'Send 10 outreach messages'), into, { today: '2026-11-28', random: seeded(1) });
}

beforeEach(() => {
  Notice.shown.length = 0;
});

describe('EditApplier', () => {
  it('applies a single-note edit with Vault.process, computed on the current text', async () => {
    const { app, applier } = setup();
    const r = await applier.applyEdit(PATH, done);
    expect(r).toMatchObject({ ok: true, changed: [PATH] });
    expect(app.vault.writes).toEqual([{ method: 'process', path: PATH }]);
    expect(app.vault.text(PATH)).toContain('- [x] Send 10 outreach messages [completion:: 2026-11-28] ^c7f3a');
    expect(Notice.shown).toEqual([]);
  });

  it('a refused edit writes nothing and shows a notice with the reason', async () => {
    const { app, applier } = setup();
    await app.vault.modify(app.vault.getFileByPath(PATH)!, source.replace(' ^c7f3a', ''));
    app.vault.writes.length = 0;
    const r = await applier.applyEdit(PATH, done);
    expect(r.ok).toBe(false);
    expect(app.vault.writes).toEqual([]);
    expect(Notice.shown).toHaveLength(1);
    expect(Notice.shown[0]).toMatch(/has changed since it was read.*nothing was changed/);
    expect(applier.canUndo).toBe(false);
  });

  it('notices a missing note', async () => {
    const { applier } = setup();
    const r = await applier.applyEdit('Sessions/gone.md', done);
    expect(r.ok).toBe(false);
    expect(Notice.shown[0]).toMatch(/does not exist/);
  });

  it('saves an open editor’s unsaved text first, then edits through that editor, so the edit sees it', async () => {
    const { app, applier } = setup();
    const file = app.vault.getFileByPath(PATH)!;
    const view = new MarkdownView(app, file, source);
    app.workspace.leaves.push(new WorkspaceLeaf(view));
    // The coach typed a line above the commitment a moment ago; it is only in the editor.
    view.type(source.replace('## Commitments\n', '## Commitments\n- [ ] Typed just now\n'));
    const order: string[] = [];
    const origProcess = app.vault.process.bind(app.vault);
    app.vault.process = async (f, fn) => {
      order.push(`process (saved: ${!view.dirty})`);
      return origProcess(f, fn);
    };
    const r = await applier.applyEdit(PATH, done);
    expect(r.ok).toBe(true);
    // Saved before the edit (the coach's typing), and again after the editor's transaction.
    expect(view.saves).toEqual([PATH, PATH]);
    expect(order).toEqual([]);
    expect(view.editor.undoSteps).toBe(1);
    const text = app.vault.text(PATH)!;
    expect(text).toContain('- [ ] Typed just now\n- [x] Send 10 outreach messages [completion:: 2026-11-28] ^c7f3a');
  });

  it('applies a multi-note edit to both notes, each through process', async () => {
    const { app, applier } = setup();
    const r = await applier.applyChanges(carried());
    // The carried line first, then the old line marked [>].
    expect(r).toMatchObject({ ok: true, changed: [NEXT, PATH] });
    expect(app.vault.writes).toEqual([
      { method: 'process', path: NEXT },
      { method: 'process', path: PATH },
    ]);
    expect(app.vault.text(PATH)).toContain('- [>] Send 10 outreach messages ^c7f3a');
    expect(app.vault.text(NEXT)).toMatch(/- \[ \] Send 10 outreach messages \[from:: c7f3a\] \[due:: 2026-12-16\] \^[a-z0-9]{6}\n$/);
  });

  it('aborts the whole edit when a note changed since the edit was prepared, and rolls back the first', async () => {
    const { app, applier } = setup();
    const edit = carried();
    await app.vault.modify(app.vault.getFileByPath(PATH)!, source + 'more\n');
    app.vault.writes.length = 0;
    const r = await applier.applyChanges(edit);
    expect(r.ok).toBe(false);
    expect(Notice.shown[0]).toMatch(/"2026-11-20 Jane Doe" \(Sessions\/2026-11-20 Jane Doe\.md\) has changed since the edit was prepared; nothing was changed/);
    expect(app.vault.text(PATH)).toBe(source + 'more\n');
    expect(app.vault.text(NEXT)).toBe(next);
    // The carried line written, then taken out again: both through process.
    expect(app.vault.writes).toEqual([
      { method: 'process', path: NEXT },
      { method: 'process', path: NEXT },
    ]);
    expect(applier.canUndo).toBe(false);
  });

  it('aborts without writing when the first note changed', async () => {
    const { app, applier } = setup();
    const edit = carried();
    await app.vault.modify(app.vault.getFileByPath(NEXT)!, next + '- [ ] Added meanwhile\n');
    app.vault.writes.length = 0;
    const r = await applier.applyChanges(edit);
    expect(r.ok).toBe(false);
    expect(app.vault.writes).toEqual([]);
  });

  it('creates a new session note, and deletes it again when a later step fails', async () => {
    const { app, applier } = setup();
    const NEW = 'Sessions/2026-12-18 Jane Doe.md';
    const text = renderSessionNote({ client: 'Jane Doe', date: '2026-12-18' });
    const edit = carried({ path: NEW, text, isNew: true, defaultDue: '2026-12-30' });
    const r = await applier.applyChanges(edit);
    expect(r.ok).toBe(true);
    expect(app.vault.writes.map((w) => w.method)).toEqual(['create', 'process']);
    expect(app.vault.text(NEW)).toContain('[from:: c7f3a]');

    // Undo deletes the created note and restores the source.
    const u = await applier.undo();
    expect(u.ok).toBe(true);
    expect(app.vault.getFileByPath(NEW)).toBeNull();
    expect(app.vault.text(PATH)).toBe(source);

    // Same edit, but the new note's path got taken in between: the source is rolled back.
    await app.vault.create(NEW, 'someone else');
    const again = await applier.applyChanges(edit);
    expect(again.ok).toBe(false);
    expect(Notice.shown.at(-1)).toMatch(/already exists/);
    expect(app.vault.text(PATH)).toBe(source);
    expect(app.vault.text(NEW)).toBe('someone else');
  });

  it('rolls back when the vault throws mid-way', async () => {
    const { app, applier } = setup();
    const NEW = 'Sessions/2026-12-18 Jane Doe.md';
    app.vault.create = async () => {
      throw new Error('disk full');
    };
    const edit = carried({ path: NEW, text: renderSessionNote({ client: 'Jane Doe', date: '2026-12-18' }), isNew: true, defaultDue: '2026-12-30' });
    const r = await applier.applyChanges(edit);
    expect(!r.ok && r.reason).toMatch(/"2026-12-18 Jane Doe" \(Sessions\/2026-12-18 Jane Doe\.md\) could not be written \(disk full\); nothing was changed/);
    expect(app.vault.text(PATH)).toBe(source);
  });

  it('undoes only while the note still holds what the edit wrote', async () => {
    const { app, applier } = setup();
    await applier.applyEdit(PATH, done);
    const after = app.vault.text(PATH)!;
    expect(applier.history.map((h) => h.summary)).toEqual(['Checked in on "Send 10 outreach messages": done']);

    await app.vault.modify(app.vault.getFileByPath(PATH)!, after + 'typed later\n');
    const r = await applier.undo();
    expect(r.ok).toBe(false);
    expect(Notice.shown.at(-1)).toMatch(/^Cannot undo "Checked in on .*": .*has changed since/);
    expect(app.vault.text(PATH)).toBe(after + 'typed later\n');
  });

  it('a refused undo keeps its entry, names the note and says what to do; after the note is put back it can be retried', async () => {
    const { app, applier } = setup();
    await applier.applyEdit(PATH, done);
    const after = app.vault.text(PATH)!;
    await app.vault.modify(app.vault.getFileByPath(PATH)!, after + 'typed later\n');
    const r = await applier.undo();
    expect(!r.ok && r.reason).toBe(
      'Cannot undo "Checked in on \"Send 10 outreach messages\": done": "2026-11-20 Jane Doe" (Sessions/2026-11-20 Jane Doe.md) has changed since the edit was made; nothing was changed. ' +
        'The edit stays in the undo history: put the note back as the edit left it and undo again, or change the note by hand.',
    );
    expect(applier.canUndo).toBe(true);
    expect(applier.history.map((h) => h.summary)).toEqual(['Checked in on "Send 10 outreach messages": done']);
    await app.vault.modify(app.vault.getFileByPath(PATH)!, after);
    expect((await applier.undo()).ok).toBe(true);
    expect(app.vault.text(PATH)).toBe(source);
    expect(applier.canUndo).toBe(false);
  });

  it('undoes a multi-note edit newest first, and nothing is left to undo afterwards', async () => {
    const { app, applier } = setup();
    await applier.applyChanges(carried());
    await applier.applyEdit(NEXT, (t) => ({ ok: true, text: t + 'x\n', changedLines: [], summary: 'append' }));
    expect((await applier.undo()).ok).toBe(true);
    expect((await applier.undo()).ok).toBe(true);
    expect(app.vault.text(PATH)).toBe(source);
    expect(app.vault.text(NEXT)).toBe(next);
    const none = await applier.undo();
    expect(none.ok).toBe(false);
    expect(Notice.shown.at(-1)).toMatch(/no Follow Through edit to undo/);
  });

  it('does not record an edit that changed nothing, and caps the undo history', async () => {
    const { applier } = setup();
    await applier.applyEdit(PATH, (t) => ({ ok: true, text: t, changedLines: [], summary: 'nothing' }));
    expect(applier.canUndo).toBe(false);
    const small = new EditApplier<TFile>(obsidianEditVault(setup().app as never) as unknown as EditVault<TFile>, { undoLimit: 2 });
    for (let i = 0; i < 4; i++) await small.applyEdit(PATH, (t) => ({ ok: true, text: t + i, changedLines: [], summary: `e${i}` }));
    expect(small.history.map((h) => h.summary)).toEqual(['e2', 'e3']);
  });

  it('runs edits one at a time, so a double click cannot apply a stale edit twice', async () => {
    const { app, applier } = setup();
    const [a, b] = await Promise.all([applier.applyEdit(PATH, done), applier.applyEdit(PATH, done)]);
    expect(a.ok).toBe(true);
    expect(!b.ok && b.reason).toMatch(/is already done/);
    expect(app.vault.text(PATH)!.match(/2026-11-28 done/g)).toHaveLength(1);
  });

  it('the undo command is available only when there is something to undo', async () => {
    const { app, applier } = setup();
    const plugin = new Plugin(app, { id: 'follow-through', name: 'Follow Through', version: '0', minAppVersion: '0' });
    plugin.load();
    registerEditCommands(plugin as never, applier);
    const cmd = plugin.commands.get(UNDO_COMMAND_ID)!;
    expect(cmd.checkCallback!(true)).toBe(false);
    await applier.applyEdit(PATH, done);
    expect(cmd.checkCallback!(true)).toBe(true);
    cmd.checkCallback!(false);
    await applier.read(PATH); // waits for the queued undo
    expect(app.vault.text(PATH)).toBe(source);
    plugin.unload();
    expect(plugin.commands.size).toBe(0);
  });
});
