// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { get } from 'svelte/store';
import { MarkdownView, MarkdownRenderer, type WorkspaceLeaf } from '../fakes/obsidian';
import { VIEW_CLIENT, VIEW_ROSTER } from '../../src/obsidian/host';
import { ClientLeafView } from '../../src/obsidian/views/client-view';
import { RosterView } from '../../src/obsidian/views/roster-view';
import { AS_OF, click, content, fixToday, leafWith, run, settle, start, until, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  fixToday();
  h = await start();
});
afterEach(() => {
  h.plugin.unload();
  vi.useRealTimers();
});

async function openRoster(): Promise<WorkspaceLeaf> {
  run(h.app, 'open-roster');
  return leafWith(h.app, VIEW_ROSTER, '.ft-roster-row');
}

async function openClientFromRoster(name: string): Promise<WorkspaceLeaf> {
  const roster = await openRoster();
  click(content(roster).querySelector(`.ft-roster-row[data-client="${name}"] .ft-roster-name`));
  return leafWith(h.app, VIEW_CLIENT, `.ft-client[data-client="${name}"]`);
}

describe('the roster view', () => {
  it('"Open roster" opens the roster in a right sidebar leaf, one row per client', async () => {
    const leaf = await openRoster();
    expect(leaf.side).toBe('right');
    expect(leaf.view).toBeInstanceOf(RosterView);
    expect(h.app.workspace.revealed).toContain(leaf);
    const rows = [...content(leaf).querySelectorAll('.ft-roster-row')].map((r) => r.getAttribute('data-client'));
    expect(rows).toEqual(get(h.plugin.models.roster()).rows.map((r) => r.client));
    expect(rows).toContain('Maya Chen');
    expect(content(leaf).querySelector('.ft-roster-review')?.textContent).toContain(`${h.plugin.index.overdue(AS_OF).length} overdue`);
  });

  it('opening it again reveals the same leaf', async () => {
    const leaf = await openRoster();
    run(h.app, 'open-roster');
    await until(() => h.app.workspace.revealed.length === 2);
    expect(h.app.workspace.getLeavesOfType(VIEW_ROSTER)).toEqual([leaf]);
    expect(h.app.workspace.revealed).toEqual([leaf, leaf]);
  });

  it('the ribbon icon opens it too', async () => {
    click(h.app.ribbonEl.querySelector('.side-dock-ribbon-action'));
    await leafWith(h.app, VIEW_ROSTER, '.ft-roster-row');
  });

  it('a signal’s evidence opens the note in the main area at its line (eState line 0-based)', async () => {
    const roster = await openRoster();
    click(content(roster).querySelector('.ft-roster-row .ft-signal-button'));
    await until(() => content(roster).querySelector('.ft-evidence'));
    const evidence = content(roster).querySelector<HTMLElement>('.ft-evidence')!;
    const path = evidence.dataset.path!;
    const line = Number(evidence.dataset.line);
    click(evidence);
    await until(() => h.app.workspace.getLeavesOfType('markdown').length === 1);
    const note = h.app.workspace.getLeavesOfType('markdown')[0];
    expect(note.side).toBe('main');
    const view = note.view as MarkdownView;
    expect(view.file?.path).toBe(path);
    expect(view.eState).toEqual({ line: line - 1 });
    expect(h.app.workspace.getActiveFile()?.path).toBe(path);
  });
});

describe('the client view', () => {
  it('clicking a client in the roster opens their view in a main-area tab, with their state', async () => {
    const leaf = await openClientFromRoster('Maya Chen');
    expect(leaf.side).toBe('main');
    expect(leaf.view).toBeInstanceOf(ClientLeafView);
    expect(leaf.getViewState()).toMatchObject({ type: VIEW_CLIENT, state: { client: 'Maya Chen' }, active: true });
    expect(leaf.getDisplayText()).toBe('Maya Chen · Follow Through');
    const el = content(leaf);
    expect(el.querySelector('.ft-client-name')?.textContent).toBe('Maya Chen');
    expect(el.querySelectorAll('.ft-commitment').length).toBe(get(h.plugin.models.client('Maya Chen'))!.open.length);
    // The brief is a component drawn from the brief model, never markdown through Obsidian's renderer.
    expect([...el.querySelectorAll('.ft-brief .ft-brief-head')].map((x) => x.textContent)).toContain('Since the last session');
    expect(MarkdownRenderer.rendered.filter((r) => el.contains(r.el))).toEqual([]);
  });

  it('opening another client reuses the leaf and shows the new client', async () => {
    const first = await openClientFromRoster('Maya Chen');
    const second = await openClientFromRoster('Marcus Bell');
    expect(second).toBe(first);
    expect(h.app.workspace.getLeavesOfType(VIEW_CLIENT)).toHaveLength(1);
    expect(content(first).querySelectorAll('.ft-client')).toHaveLength(1);
    expect(first.getViewState().state).toEqual({ client: 'Marcus Bell' });
  });

  it('"Open client" picks a client from a fuzzy list', async () => {
    run(h.app, 'open-client');
    await until(() => h.app.modals.length === 1);
    const picker = h.app.modals[0] as unknown as import('../fakes/obsidian').FuzzySuggestModal<unknown>;
    expect(picker.inputEl.placeholder).toBe('Open a client…');
    await picker.choose('elena');
    expect(h.app.modals).toHaveLength(0);
    await leafWith(h.app, VIEW_CLIENT, '.ft-client[data-client="Elena Petrova"]');
  });

  it('a check-in writes the note through Vault.process, with the new line under the commitment', async () => {
    const leaf = await openClientFromRoster('Maya Chen');
    const model = get(h.plugin.models.client('Maya Chen'))!;
    const c = model.open[0];
    const item = [...content(leaf).querySelectorAll<HTMLElement>('.ft-commitment')].find((li) => li.querySelector('.ft-commitment-text')?.textContent === c.text)!;
    item.querySelector<HTMLInputElement>('.ft-checkin-note')!.value = 'sent four';
    item.querySelector<HTMLInputElement>('.ft-checkin-note')!.dispatchEvent(new Event('input', { bubbles: true }));
    const before = h.app.vault.text(c.session)!;
    click(item.querySelector('.ft-checkin-button[data-status="partial"]'));
    await until(() => h.app.vault.writes.length > 0);
    expect(h.app.vault.writes).toEqual([{ method: 'process', path: c.session }]);
    // One line added, after the commitment's last check-in, indented as the note indents them.
    const after = h.app.vault.text(c.session)!.split('\n');
    const at = c.checkIns.at(-1)?.line ?? c.line; // 1-based: the new line's 0-based index
    expect(after[at]).toBe(`    - ${AS_OF} partial: sent four`);
    expect([...after.slice(0, at), ...after.slice(at + 1)]).toEqual(before.split('\n'));
    expect(after[c.line - 1]).toBe(c.raw);
    await until(() => content(leaf).querySelector('.ft-checkin-result[data-ok="true"]'));
  });

  it('a commitment’s source link opens its session note at the line', async () => {
    const leaf = await openClientFromRoster('Maya Chen');
    const c = get(h.plugin.models.client('Maya Chen'))!.open[0];
    click(content(leaf).querySelector('.ft-commitment .ft-commitment-source'));
    await until(() => h.app.workspace.getLeavesOfType('markdown').length === 1);
    const view = h.app.workspace.getLeavesOfType('markdown')[0].view as MarkdownView;
    expect(view.file?.path).toBe(c.session);
    expect(view.eState).toEqual({ line: c.line - 1 });
    // A note never replaces the plugin's view: it opens in a leaf of its own.
    expect(view.leaf).not.toBe(leaf);
    expect(leaf.view).toBeInstanceOf(ClientLeafView);
    await settle();
  });
});
