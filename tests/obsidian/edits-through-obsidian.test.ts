// @vitest-environment happy-dom
/**
 * The applier through Obsidian's own APIs, as the review asks: a note open in an editor is edited
 * through the editor (cursor, folds and undo survive) with the same guard; deleting goes to the
 * coach's trash (FileManager.trashFile); a frontmatter key change goes through
 * FileManager.processFrontMatter after the core's text edit has checked it; paths typed in
 * settings are normalized.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { App, MarkdownView, installDomHelpers, parseYaml, stringifyYaml, type TFile } from '../fakes/obsidian';
import { EditApplier } from '../../src/app/applier';
import { obsidianEditVault, smallestChange } from '../../src/obsidian/edits/facade';
import { userPath } from '../../src/obsidian/settings-tab';
import { hostRewriteKeeps, releaseAccountability } from '../../src/core/edit/frontmatter-edit';
import { readFrontmatter } from '../../src/core/parse/frontmatter';
import { refuse, type EditResult } from '../../src/core/edit/types';
import { setYamlParser } from '../../src/core/parse/yaml';
import { obsidianYaml } from '../../src/obsidian/yaml';

const PATH = 'Sessions/2026-11-20 Jane Doe.md';
const NOTE = ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', '---', '## Commitments', '- [ ] Send the deck ^a1b2c3', '- [ ] Call the bank ^d4e5f6', ''].join('\n');

/** Marks `line` done, refusing (the guard) when the note does not hold it as expected. */
function markDone(line: string): (text: string) => EditResult {
  return (text) =>
    text.includes(`- [ ] ${line}`)
      ? { ok: true, text: text.replace(`- [ ] ${line}`, `- [x] ${line}`), changedLines: [], summary: `Done: ${line}` }
      : refuse(`the line '${line}' is not as expected; nothing was changed.`);
}

let app: App;
let file: TFile;
let applier: EditApplier<TFile>;
beforeEach(() => {
  installDomHelpers();
  app = new App();
  file = app.vault.seed(PATH, NOTE);
  applier = new EditApplier(obsidianEditVault(app as never) as never);
});

async function openInEditor(): Promise<MarkdownView> {
  await app.workspace.getLeaf(true).openFile(file);
  return app.workspace.getLeavesOfType('markdown')[0].view as MarkdownView;
}

describe('a note open in an editor', () => {
  it('is edited through the editor: one transaction, the cursor stays on its text, the file holds the result', async () => {
    const view = await openInEditor();
    // The cursor sits in "Call the bank", below the edited line.
    view.editor.setCursor({ line: 7, ch: 8 });
    const r = await applier.applyEdit(PATH, markDone('Send the deck'));
    expect(r).toMatchObject({ ok: true, changed: [PATH] });
    expect(view.editor.getValue()).toContain('- [x] Send the deck ^a1b2c3');
    expect(view.editor.undoSteps).toBe(1);
    expect(view.editor.setValueCount).toBe(0);
    expect(view.editor.getCursor()).toEqual({ line: 7, ch: 8 });
    expect(app.vault.text(PATH)).toBe(view.editor.getValue());
    expect(view.dirty).toBe(false);
    // Undo goes through the editor too.
    expect((await applier.undo()).ok).toBe(true);
    expect(view.editor.getValue()).toBe(NOTE);
    expect(app.vault.text(PATH)).toBe(NOTE);
    expect(view.editor.undoSteps).toBe(2);
  });

  it('keeps the guard: when the editor text is not what the edit expects, nothing is written', async () => {
    const view = await openInEditor();
    view.type(NOTE.replace('- [ ] Send the deck', '- [ ] Send the deck to Ana'));
    const r = await applier.applyEdit(PATH, markDone('Send the deck ^'));
    expect(r.ok).toBe(false);
    expect(view.editor.undoSteps).toBe(0);
    expect(view.editor.getValue()).toContain('Send the deck to Ana');
    // The coach's unsaved typing was saved first (so nothing is lost), and nothing else changed.
    expect(app.vault.text(PATH)).toBe(view.editor.getValue());
  });

  it('a note not open in an editor is edited through Vault.process', async () => {
    const r = await applier.applyEdit(PATH, markDone('Send the deck'));
    expect(r.ok).toBe(true);
    expect(app.vault.writes.at(-1)).toEqual({ method: 'process', path: PATH });
  });
});

describe('deleting', () => {
  it('undoing an edit that created a note sends the note to the coach’s trash', async () => {
    const created = 'Sessions/2026-12-04 Jane Doe.md';
    const r = await applier.applyChanges({ ok: true, summary: 'Carried', changes: [{ path: created, before: null, after: '---\ntype: session\n---\n', changedLines: [] }] });
    expect(r.ok).toBe(true);
    expect(app.vault.getFileByPath(created)).not.toBeNull();
    expect((await applier.undo()).ok).toBe(true);
    expect(app.fileManager.trashed).toEqual([created]);
    expect(app.vault.getFileByPath(created)).toBeNull();
  });
});

describe('a frontmatter key change', () => {
  const CLIENT = 'Clients/Jane Doe.md';
  const CLIENT_NOTE = '---\ntype: client\ncadence: weekly\n---\n# Jane Doe\n';
  const release = (until: string | null) => (fm: Record<string, unknown>) => {
    if (until === null) delete fm.paused_until;
    else fm.paused_until = until;
  };

  it('goes through FileManager.processFrontMatter, checked first by the text edit, and can be undone', async () => {
    setYamlParser(obsidianYaml);
    app.vault.seed(CLIENT, CLIENT_NOTE);
    const r = await applier.applyFrontmatter(CLIENT, release('2026-12-20'), (text) => releaseAccountability(text, CLIENT, '2026-12-20'));
    expect(r).toMatchObject({ ok: true, changed: [CLIENT] });
    const text = app.vault.text(CLIENT)!;
    expect(text.endsWith('---\n# Jane Doe\n')).toBe(true);
    const fm = readFrontmatter(text.split('\n'))!;
    expect(fm.error).toBeNull();
    expect(fm.data).toMatchObject({ type: 'client', cadence: 'weekly' });
    // Obsidian's YAML reads an unquoted date as a Date; the core reads it as the same day.
    expect(String(fm.data.paused_until instanceof Date ? fm.data.paused_until.toISOString().slice(0, 10) : fm.data.paused_until)).toBe('2026-12-20');
    expect((await applier.undo()).ok).toBe(true);
    expect(app.vault.text(CLIENT)).toBe(CLIENT_NOTE);
  });

  it('is written as the text edit when writing the frontmatter out again would change it (comments, quotes, dates, lists)', async () => {
    setYamlParser(obsidianYaml);
    const note = [
      '---',
      'type: client # a coaching client',
      'coach: "[[Alex Morgan]]"',
      'started: 2025-03-24',
      '',
      'aliases: [Jay, J.D.]',
      'goals:',
      '- First paying client',
      '---',
      '# Jane Doe',
      '',
    ].join('\n');
    app.vault.seed(CLIENT, note);
    const expected = releaseAccountability(note, CLIENT, '2026-12-20');
    expect(expected.ok).toBe(true);
    const r = await applier.applyFrontmatter(CLIENT, release('2026-12-20'), (text) => releaseAccountability(text, CLIENT, '2026-12-20'));
    expect(r).toMatchObject({ ok: true, changed: [CLIENT] });
    // Every line the coach wrote is still there, as written; one line was added.
    expect(app.vault.text(CLIENT)).toBe(expected.ok ? expected.text : '');
    expect(app.vault.text(CLIENT)!.split('\n')).toEqual([...note.split('\n').slice(0, 8), 'paused_until: 2026-12-20', ...note.split('\n').slice(8)]);
    // Through the host's serializer the comment, the blank line and the date's form would have gone.
    const roundTrip = `---\n${stringifyYaml(parseYaml(note.split('\n').slice(1, 8).join('\n')))}---`;
    expect(roundTrip).not.toContain('# a coaching client');
    expect((await applier.undo()).ok).toBe(true);
    expect(app.vault.text(CLIENT)).toBe(note);
  });

  it('hostRewriteKeeps says yes only for frontmatter the host writes back line for line', () => {
    const plain = ['type: client', 'cadence: weekly', 'status: on hold', 'accountability: light', 'sessions: 12', "name: Jane O'Neil", 'coach_name: Alex Morgan'];
    const other = ['coach: "[[Alex Morgan]]"', 'started: 2025-03-24', 'tags: [a, b]', 'note: |', 'type: client # mine', 'active: yes', 'count: 007', 'time: 12:30', 'title: a  b', "label: 'x'", 'empty:', 'x: 1.5', '  - item', 'ratio: 1e3'];
    const fm = (lines: string[]) => ['---', ...lines, '---', '# Body', ''].join('\n');
    const writtenBack = (lines: string[]) => stringifyYaml(parseYaml(lines.join('\n'))).trimEnd().split('\n');
    // Every plain line, alone and all together: yes, and the host's round trip is the identity.
    for (const lines of [...plain.map((l) => [l]), plain]) {
      expect(hostRewriteKeeps(fm(lines)), lines.join(' | ')).toBe(true);
      expect(writtenBack(lines)).toEqual(lines);
    }
    // Any other line among them: no.
    for (const line of other) expect(hostRewriteKeeps(fm([...plain.slice(0, 2), line])), line).toBe(false);
    expect(hostRewriteKeeps('# No frontmatter\n')).toBe(true);
    expect(hostRewriteKeeps('---\ntype: client\n')).toBe(false);
    expect(hostRewriteKeeps('---\r\ntype: client\r\n---\r\n')).toBe(false);
  });

  it('is refused, writing nothing, when the text edit refuses (a date that is not one)', async () => {
    app.vault.seed(CLIENT, CLIENT_NOTE);
    const writes = app.vault.writes.length;
    const r = await applier.applyFrontmatter(CLIENT, release('someday'), (text) => releaseAccountability(text, CLIENT, 'someday'));
    expect(r.ok).toBe(false);
    expect(app.vault.writes.length).toBe(writes);
    expect(app.vault.text(CLIENT)).toBe(CLIENT_NOTE);
  });
});

describe('paths typed in settings', () => {
  it('go through normalizePath; an empty one stays empty', () => {
    expect(userPath('  Sessions//2026/ ')).toBe('Sessions/2026');
    expect(userPath('Coaching\\Reviews')).toBe('Coaching/Reviews');
    expect(userPath('   ')).toBe('');
  });
});

describe('smallestChange', () => {
  it('is the span between the common start and end', () => {
    expect(smallestChange('- [ ] a ^x', '- [x] a ^x')).toEqual({ from: 3, to: 4, text: 'x' });
    expect(smallestChange('abc', 'abc')).toEqual({ from: 3, to: 3, text: '' });
    expect(smallestChange('aa', 'aaa')).toEqual({ from: 2, to: 2, text: 'a' });
    expect(smallestChange('abcabc', 'abc')).toEqual({ from: 3, to: 6, text: '' });
  });
});
