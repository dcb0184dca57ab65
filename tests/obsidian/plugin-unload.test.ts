// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnregisteredView, type WorkspaceLeaf } from '../fakes/obsidian';
import { VIEW_CLIENT, VIEW_ROSTER } from '../../src/obsidian/host';
import { ClientLeafView } from '../../src/obsidian/views/client-view';
import { RosterView } from '../../src/obsidian/views/roster-view';
import { click, content, create, fixToday, leafWith, run, settle, statusBar, trackIntervals, until, type Harness } from './harness';

let intervals: ReturnType<typeof trackIntervals>;
beforeEach(() => {
  fixToday();
  intervals = trackIntervals();
});
afterEach(() => {
  intervals.restore();
  vi.useRealTimers();
});

const listeners = (h: Harness) => ({
  vault: h.app.vault.listenerCount(),
  metadataCache: h.app.metadataCache.listenerCount(),
  workspace: h.app.workspace.listenerCount(),
});

/** Loads the plugin and opens both views; returns the leaves and the listener counts before loading. */
async function loadWithViews() {
  const h = create();
  const before = listeners(h);
  h.plugin.load();
  h.app.workspace.triggerLayoutReady();
  await until(() => h.plugin.indexer?.isReady && statusBar(h.app));
  run(h.app, 'open-roster');
  const roster = await leafWith(h.app, VIEW_ROSTER, '.ft-roster-row');
  click(content(roster).querySelector('.ft-roster-row[data-client="Maya Chen"] .ft-roster-name'));
  const client = await leafWith(h.app, VIEW_CLIENT, '.ft-client');
  return { h, before, roster, client };
}

describe('unloading the plugin', () => {
  it('closes its views: the components are unmounted and the leaves keep a placeholder', async () => {
    const { h, roster, client } = await loadWithViews();
    const rosterView = roster.view as unknown as RosterView;
    const clientView = client.view as unknown as ClientLeafView;
    h.plugin.unload();
    await until(() => rosterView.contentEl.childElementCount === 0 && clientView.contentEl.childElementCount === 0);
    expect(rosterView.isMounted).toBe(false);
    expect(clientView.isMounted).toBe(false);
    // As when Obsidian disables a plugin: the leaves stay, showing "Plugin no longer active".
    expect(roster.view).toBeInstanceOf(UnregisteredView);
    expect(client.view).toBeInstanceOf(UnregisteredView);
    expect(client.getViewState()).toMatchObject({ type: VIEW_CLIENT, state: { client: 'Maya Chen' } });
    expect(h.app.viewRegistry.types()).toEqual([]);
  });

  it('removes every vault, metadata cache and workspace listener it added', async () => {
    const { h, before } = await loadWithViews();
    expect(h.app.metadataCache.listenerCount()).toBeGreaterThan(before.metadataCache);
    expect(h.app.vault.listenerCount()).toBeGreaterThan(before.vault);
    expect(h.app.workspace.listenerCount()).toBeGreaterThan(before.workspace);
    h.plugin.unload();
    await settle();
    expect(listeners(h)).toEqual(before);
  });

  it('clears its intervals (the live models’ day checks) and pending refreshes', async () => {
    const { h } = await loadWithViews();
    // One per live store: the status bar; the roster and its Today panel; the client view and its
    // agreement panel.
    expect(intervals.live.size).toBe(5);
    h.plugin.unload();
    await settle();
    expect(intervals.live.size).toBe(0);
  });

  it('leaves no command, ribbon icon, status bar item or settings tab behind', async () => {
    const { h } = await loadWithViews();
    h.plugin.unload();
    expect(h.app.commands.commands).toEqual({});
    expect(h.fake.commands.size).toBe(0);
    expect(h.app.ribbonEl.childElementCount).toBe(0);
    expect(h.app.statusBarEl.childElementCount).toBe(0);
    expect(h.app.setting.pluginTabs).toEqual([]);
  });

  it('loading it again brings its views back in the same leaves', async () => {
    const { h, roster, client } = await loadWithViews();
    h.plugin.unload();
    await settle();
    h.plugin.load();
    await until(() => roster.view instanceof RosterView && client.view instanceof ClientLeafView);
    await leafWith(h.app, VIEW_CLIENT, '.ft-client[data-client="Maya Chen"]');
    expect(h.app.workspace.getLeavesOfType(VIEW_ROSTER)).toEqual([roster]);
    h.plugin.unload();
  });
});

describe('unloading early', () => {
  it('while the first index is still being read leaves no status bar item or live model behind', async () => {
    const h = create();
    h.plugin.load();
    await settle();
    h.app.workspace.triggerLayoutReady();
    h.plugin.unload();
    await settle(10);
    expect(h.app.statusBarEl.childElementCount).toBe(0);
    expect(intervals.live.size).toBe(0);
  });
});

describe('closing a view', () => {
  it('unmounts its component and stops its live model', async () => {
    const { h, roster } = await loadWithViews();
    const view = roster.view as unknown as RosterView;
    roster.detach();
    await (roster as WorkspaceLeaf).whenClosed();
    expect(view.contentEl.childElementCount).toBe(0);
    expect(h.app.workspace.getLeavesOfType(VIEW_ROSTER)).toEqual([]);
    // Left: the status bar's, and the client view's two (client and agreements).
    expect(intervals.live.size).toBe(3);
    h.plugin.unload();
  });
});
