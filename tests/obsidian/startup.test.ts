// @vitest-environment happy-dom
/**
 * The start-up read (issue 11 items 6 and 7, issue 13 §1): only candidate notes are read, a note
 * that cannot be read is a diagnostic, events during the read win over what it read, the work is
 * done in slices with the UI given turns between them, and its progress is a store.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { get } from 'svelte/store';
import { App } from '../fakes/obsidian';
import { AgreementIndex } from '../../src/core/agreements/store';
import { VaultIndex } from '../../src/core/index/vault-index';
import { VaultIndexer } from '../../src/obsidian/vault-indexer';
import { MAX_NOTE_BYTES } from '../../src/core/parse/unread';
import { getAllTags } from '../fakes/obsidian';
import type { IndexProgress } from '../../src/ui/contracts';
import { create, demoNotes, fixToday, settle, start, statusBar, until, wait, type Harness } from './harness';

beforeEach(fixToday);
afterEach(() => vi.useRealTimers());

const SESSION = 'Sessions/2026-11-17 Maya Chen.md';
const session = (client: string, date: string, body: string) => `---\ntype: session\nclient: "[[${client}]]"\ndate: ${date}\n---\n## Commitments\n${body}\n`;

/** The index of every demo note read at once: what the start-up read must come to. */
function readEverything(notes: Record<string, string>, settings?: VaultIndex['settings']) {
  const index = new VaultIndex(settings);
  index.setNotes(Object.entries(notes));
  return index;
}

let h: Harness | null = null;
afterEach(() => {
  h?.plugin.unload();
  h = null;
});

/** The plugin loaded (its settings read, its indexer made), the layout not ready yet. */
async function load(notes?: Record<string, string>, data?: unknown): Promise<Harness> {
  const made = create(data, notes);
  h = made;
  made.plugin.load();
  await until(() => made.plugin.indexer !== undefined, 3000, 'onload');
  return made;
}

describe('a note that cannot be read (item 6)', () => {
  it('is a diagnostic, the rest of the vault is indexed and the status bar is set up', async () => {
    const notes = demoNotes();
    const { app, plugin } = await load(notes);
    app.vault.failReads(SESSION, "ENOENT: no such file or directory, open 'Sessions/2026-11-17 Maya Chen.md'");
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady && statusBar(app) !== null, 3000, 'the index and the status bar');

    const diag = plugin.index.diagnostics().filter((d) => d.path === SESSION);
    expect(diag).toEqual([{ path: SESSION, line: 1, severity: 'warning', message: expect.stringContaining('could not be read: ENOENT') }]);
    const { [SESSION]: _gone, ...rest } = notes;
    const expected = readEverything(rest);
    expect(plugin.index.commitments()).toEqual(expected.commitments());
    expect(plugin.index.clients()).toEqual(expected.clients());
  });

  it('a note file far larger than any note is refused by its size, never read', async () => {
    const { app, plugin } = await load(demoNotes());
    const file = app.vault.getFileByPath(SESSION)!;
    // As Obsidian's stat says of a 40 MB file; its text is never asked for.
    file.stat = { ...file.stat, size: MAX_NOTE_BYTES + 10_000_000 };
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady && statusBar(app) !== null, 3000, 'the index');
    expect(app.vault.readCounts.get(SESSION)).toBeUndefined();
    expect(app.vault.readCounts.get('Sessions/2026-11-24 Maya Chen.md')).toBe(1);
    expect(plugin.index.note(SESSION)?.commitments ?? []).toEqual([]);
    expect(plugin.index.diagnostics().filter((d) => d.path === SESSION)).toEqual([
      { path: SESSION, line: 1, severity: 'warning', message: expect.stringMatching(/^not read: the note is 40\.0 MB long, more than the 30 MB this plugin reads/) },
    ]);
  });

  it('a note deleted while the vault is read is simply gone: no diagnostic, nothing stale', async () => {
    const { app, plugin } = await load();
    const held = app.vault.holdReads();
    app.workspace.triggerLayoutReady();
    await until(() => held.pending.includes(SESSION), 3000, 'the read of the session');
    await app.vault.delete(app.vault.getFileByPath(SESSION)!);
    await settle();
    await held.release();
    await until(() => plugin.indexer.isReady && statusBar(app) !== null);
    expect(plugin.index.note(SESSION)).toBeUndefined();
    expect(plugin.index.diagnostics().filter((d) => d.path === SESSION)).toEqual([]);
  });

  it('a read that never answers is given up as a diagnostic, and the read goes on', async () => {
    const app = new App();
    app.vault.seed('Clients/Jane Doe.md', '---\ntype: client\n---\n');
    app.vault.seed('Sessions/s.md', session('Jane Doe', '2026-11-20', '- [ ] Send the deck'));
    app.vault.holdReads((p) => p === 'Sessions/s.md'); // never released
    const index = new VaultIndex();
    const indexer = new VaultIndexer(app as never, index, new AgreementIndex(), { getAllTags: getAllTags as never, readTimeoutMs: 30 });
    await indexer.indexAll();
    expect(indexer.isReady).toBe(true);
    expect(index.clients().map((c) => c.name)).toEqual(['Jane Doe']);
    expect(index.diagnostics()).toEqual([{ path: 'Sessions/s.md', line: 1, severity: 'warning', message: expect.stringContaining('no answer') }]);
  });
});

describe('events during the start-up read win (item 7)', () => {
  it('a note changed after its read started keeps the new text', async () => {
    const { app, plugin } = await load();
    const held = app.vault.holdReads();
    app.workspace.triggerLayoutReady();
    await until(() => held.pending.includes(SESSION), 3000, 'the read of the session');
    const file = app.vault.getFileByPath(SESSION)!;
    await app.vault.modify(file, session('Maya Chen', '2026-11-17', '- [ ] Only this one now ^new01'));
    await until(() => plugin.index.commitmentsOfSession(SESSION).length === 1, 3000, 'the changed event');
    // The read that started before the change resolves with the old text, after it.
    await held.release('reverse');
    await until(() => plugin.indexer.isReady);
    await settle();
    expect(plugin.index.commitmentsOfSession(SESSION).map((c) => c.text)).toEqual(['Only this one now']);
  });

  it('a note renamed, then changed, during the read is only at its new path, with its new text', async () => {
    const { app, plugin } = await load();
    const held = app.vault.holdReads();
    app.workspace.triggerLayoutReady();
    await until(() => held.pending.includes(SESSION), 3000, 'the read of the session');
    const moved = 'Archive/Maya 2026-11-17.md';
    const file = app.vault.getFileByPath(SESSION)!;
    await app.vault.rename(file, moved);
    await app.vault.modify(file, session('Maya Chen', '2026-11-17', '- [ ] Renamed and edited'));
    await until(() => plugin.index.commitmentsOfSession(moved).length === 1, 3000, 'the changed event');
    // The rename's own read answers first, the start-up read's older one after it.
    await held.release('reverse');
    await until(() => plugin.indexer.isReady);
    await settle();
    expect(plugin.index.note(SESSION)).toBeUndefined();
    expect(plugin.index.commitmentsOfSession(moved).map((c) => c.text)).toEqual(['Renamed and edited']);
  });

  it('a note created during the read is indexed once its cache is ready', async () => {
    const { app, plugin } = await load();
    const held = app.vault.holdReads();
    app.workspace.triggerLayoutReady();
    await until(() => held.pending.length > 0);
    await app.vault.create('Sessions/2026-12-01 Maya Chen.md', session('Maya Chen', '2026-12-01', '- [ ] Fresh'));
    await settle();
    await held.release();
    await until(() => plugin.indexer.isReady);
    expect(plugin.index.commitmentsOfSession('Sessions/2026-12-01 Maya Chen.md').map((c) => c.text)).toEqual(['Fresh']);
  });
});

describe('only candidate notes are read (issue 13 §1)', () => {
  const plain = (i: number) => `# Recipe ${i}\n\nSome #idea text with [[links]] and a ## heading.\n\n## Ingredients\n- flour\n- [ ] buy eggs\n`;

  it('reads client, session and agreement notes, notes with #commitment or a commitments heading, and nothing else', async () => {
    const notes = demoNotes();
    for (let i = 0; i < 40; i++) notes[`Kitchen/Recipe ${i}.md`] = plain(i);
    notes['Journal/tagged.md'] = 'Today:\n- [ ] call the bank #commitment\n';
    notes['Journal/headed.md'] = '# Monday\n### Action items:\n- [ ] tidy\n';
    notes['Journal/aliased.md'] = '---\nkind: Session\n---\ntext\n';
    notes['Journal/tag-in-frontmatter.md'] = '---\ntags: [project, commitment]\n---\ntext\n';
    const { app, plugin } = await load(notes, { keyAliases: { type: ['kind'] } });
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady && statusBar(app) !== null);

    const read = [...app.vault.readCounts.keys()];
    expect(read.filter((p) => p.startsWith('Kitchen/'))).toEqual([]);
    expect(read).toEqual(expect.arrayContaining(['Journal/tagged.md', 'Journal/headed.md', 'Journal/aliased.md', 'Journal/tag-in-frontmatter.md', 'Agreements/Alex and Jordan.md', SESSION, 'Clients/Maya Chen.md']));
    expect([...app.vault.readCounts.values()].every((n) => n === 1)).toBe(true);
    // And the index is what reading every note gives.
    const expected = readEverything(notes, plugin.index.settings);
    expect(plugin.index.commitments()).toEqual(expected.commitments());
    expect(plugin.index.clients()).toEqual(expected.clients());
    expect(plugin.index.diagnostics()).toEqual(expected.diagnostics());
    expect(plugin.agreements.list().map((a) => a.path)).toEqual(['Agreements/Alex and Jordan.md']);
  });

  it('notes under the sessions folder are read when the folder counts', async () => {
    const notes = { 'Clients/Jane Doe.md': '---\ntype: client\n---\n', 'Sessions/no type.md': '---\nclient: "[[Jane Doe]]"\ndate: 2026-11-20\n---\n## Commitments\n- [ ] Ship it\n', 'Elsewhere/no type.md': 'plain' };
    const { app, plugin } = await load(notes, { sessionsFolder: 'Sessions', sessionsFolderIsSessions: true });
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady);
    expect([...app.vault.readCounts.keys()].sort()).toEqual(['Clients/Jane Doe.md', 'Sessions/no type.md']);
    expect(plugin.index.commitments().map((c) => c.text)).toEqual(['Ship it']);
  });

  it('a note whose metadata is not ready is read when its changed event comes', async () => {
    const h0 = create(undefined, {});
    h = h0;
    const { app, plugin } = h0;
    app.vault.seed('Clients/Jane Doe.md', '---\ntype: client\n---\n');
    const text = session('Jane Doe', '2026-11-20', '- [ ] Draft the scorecard');
    app.vault.seed('Sessions/late.md', text, { cached: false });
    plugin.load();
    await until(() => plugin.indexer !== undefined);
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady);
    expect(app.vault.readCounts.has('Sessions/late.md')).toBe(false);
    expect(plugin.index.note('Sessions/late.md')).toBeUndefined();
    app.vault.indexLater('Sessions/late.md');
    expect(plugin.index.commitments().map((c) => c.text)).toEqual(['Draft the scorecard']);
  });
});

describe('the start-up read keeps the UI responsive and shows its progress', () => {
  function bigVault(n: number): Record<string, string> {
    const notes: Record<string, string> = {};
    for (let c = 0; c < 20; c++) notes[`Clients/Client ${c}.md`] = '---\ntype: client\ncadence: weekly\n---\n';
    for (let i = 0; i < n; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const lines = Array.from({ length: 12 }, (_, k) => `- [ ] Commitment ${i}.${k} with a little text to parse [due:: 2026-11-${day}]\n    - When Monday comes, then I'll start`).join('\n');
      notes[`Sessions/s${i}.md`] = session(`Client ${i % 20}`, `2026-10-${day}`, lines);
    }
    return notes;
  }

  it('yields to other work between slices, and counts candidates read of all', async () => {
    const { app, plugin } = await load(bigVault(1500));
    const seen: (IndexProgress | null)[] = [];
    const unsubscribe = plugin.indexer.progress.subscribe((p) => seen.push(p));
    // Something else that wants the thread (a keystroke, a paint): a turn every time it is given one.
    let turns = 0;
    let during = 0;
    let running = true;
    const other = () => {
      turns++;
      if (get(plugin.indexer.progress) !== null) during++;
      if (running) setTimeout(other, 0);
    };
    setTimeout(other, 0);
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady, 10_000);
    running = false;
    unsubscribe();
    expect(plugin.index.commitments()).toHaveLength(1500 * 12);
    expect(during).toBeGreaterThan(3);
    expect(turns).toBeGreaterThan(during - 1);
    const progress = seen.filter((p): p is IndexProgress => p !== null);
    expect(progress.at(-1)).toEqual({ read: 1520, total: 1520 });
    expect(progress.some((p) => p.total === 1520 && p.read > 0 && p.read < 1520)).toBe(true);
    expect(seen.at(-1)).toBeNull();
  });

  it('reads the next batch of notes while it parses this one, so the disk and the parse overlap', async () => {
    const { app, plugin } = await load(bigVault(450));
    const { vault } = app;
    // What had been asked of the disk each time the indexer parsed.
    const askedAtParse: number[] = [];
    const setNotes = plugin.index.setNotes.bind(plugin.index);
    vi.spyOn(plugin.index, 'setNotes').mockImplementation((entries) => {
      askedAtParse.push(vault.readCounts.size);
      return setNotes(entries);
    });
    const held = vault.holdReads();
    app.workspace.triggerLayoutReady();
    await until(() => held.pending.length > 0, 3000, 'the first reads');
    await wait(20);
    // One batch at a time is asked for, not the whole vault at once.
    expect(held.pending.length).toBeLessThan(470);
    expect(askedAtParse).toEqual([]);
    await held.release();
    await until(() => plugin.indexer.isReady, 10_000);
    // By the first parse the second batch had been asked for too.
    expect(askedAtParse[0]).toBeGreaterThan(held.pending.length);
    expect(askedAtParse[0]).toBeGreaterThanOrEqual(400);
    expect(vault.readCounts.size).toBe(470);
    expect(plugin.index.commitments()).toHaveLength(450 * 12);
  });

  it('with reads that take disk time, the start-up read comes to the same index', async () => {
    const notes = bigVault(450);
    const { app, plugin } = await load(notes);
    app.vault.simulateDisk({ readUs: 200, lanes: 2 });
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady, 10_000);
    app.vault.simulateDisk(null);
    const expected = readEverything(notes, plugin.index.settings);
    expect(plugin.index.commitments()).toEqual(expected.commitments());
  });

  it('whatever changes, moves, comes and goes while the vault is read from disk, the index ends as a fresh read of the vault', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      let x = seed * 7919;
      const rnd = (n: number) => ((x = (x * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
      const { app, plugin } = await load(bigVault(520));
      const { vault } = app;
      vault.simulateDisk({ readUs: 150, lanes: 2 });
      app.workspace.triggerLayoutReady();
      let made = 0;
      // Edits land while batches are read, parsed and read ahead.
      while (!plugin.indexer.isReady) {
        const files = vault.getMarkdownFiles().filter((f) => f.path.startsWith('Sessions/'));
        const file = files[rnd(files.length)];
        const op = rnd(4);
        if (op === 0) await vault.modify(file, session(`Client ${rnd(20)}`, '2026-11-02', `- [ ] Edited ${seed}.${made++}\n- [x] Done ${made}`));
        else if (op === 1) await vault.rename(file, `Sessions/moved/${seed}-${made++}.md`);
        else if (op === 2) await vault.delete(file);
        else await vault.create(`Sessions/new-${seed}-${made++}.md`, session(`Client ${rnd(20)}`, '2026-11-03', `- [ ] New ${made}`));
        await wait(rnd(4));
      }
      vault.simulateDisk(null);
      await settle(6);
      const now = Object.fromEntries(vault.getMarkdownFiles().map((f) => [f.path, vault.text(f.path)!]));
      const fresh = readEverything(now, plugin.index.settings);
      const view = (i: VaultIndex) => i.commitments().map((c) => `${c.session}:${c.line} ${c.status} ${c.text}`);
      expect(made, `seed ${seed}: edits during the read`).toBeGreaterThan(3);
      expect(plugin.index.size, `seed ${seed}`).toBe(fresh.size);
      expect(view(plugin.index), `seed ${seed}`).toEqual(view(fresh));
      plugin.unload();
      h = null;
    }
  });

  it('a re-read (new reading settings) parses in slices too, the index answering from what it held until the swap', async () => {
    const { app, plugin } = await load(bigVault(1500));
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady, 10_000);
    let turns = 0;
    let running = true;
    const sizes: number[] = [];
    const other = () => {
      turns++;
      sizes.push(plugin.index.size);
      if (running) setTimeout(other, 0);
    };
    setTimeout(other, 0);
    const changes: number[] = [];
    const off = plugin.index.onChange(() => changes.push(plugin.index.size));
    await plugin.indexer.reindex({ ...plugin.index.settings, dueLeadDays: plugin.index.settings.dueLeadDays + 1 });
    running = false;
    off();
    expect(turns).toBeGreaterThan(3);
    // Never empty or half-read while it ran: one change, at the swap.
    expect(new Set(sizes)).toEqual(new Set([1520]));
    expect(changes).toEqual([1520]);
    expect(plugin.index.settings.dueLeadDays).toBe(3);
    expect(plugin.index.commitments()).toHaveLength(1500 * 12);
  });

  it('the roster gets the progress store as `indexing`', async () => {
    h = await start();
    await h.plugin.nav.openRoster();
    const leaf = h.app.workspace.getLeavesOfType('follow-through-roster')[0];
    const parts = (leaf.view as unknown as { parts(): { props: Record<string, unknown> }[] }).parts();
    expect(parts[1].props.indexing).toBeDefined();
    expect(parts[1].props.indexing).toBe(h.plugin.indexer.progress);
    await wait(0);
  });
});
