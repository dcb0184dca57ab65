// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../src/core/plugin-settings';
import { VIEW_CLIENT, VIEW_PRACTICE, VIEW_ROSTER } from '../../src/obsidian/host';
import { FollowThroughSettingTab } from '../../src/obsidian/settings-tab';
import { Notice } from '../fakes/obsidian';
import { content, create, demoNotes, fixToday, leafWith, PLUGIN_ID, settle, start, statusBar, until } from './harness';

beforeEach(fixToday);
afterEach(() => vi.useRealTimers());

describe('loading the plugin', () => {
  it('reads its settings from data.json, filling in defaults for missing keys', async () => {
    const { plugin } = create({ settingsVersion: 2, dueLeadDays: 3, thresholds: { stalledCadences: 4 }, rosterStatuses: ['active'] });
    plugin.load();
    await until(() => plugin.settings !== undefined);
    expect(plugin.settings.dueLeadDays).toBe(3);
    expect(plugin.settings.thresholds).toEqual({ ...DEFAULT_SETTINGS.thresholds, stalledCadences: 4 });
    expect(plugin.settings.rosterStatuses).toEqual(['active']);
    expect(plugin.settings.refreshDebounceMs).toBe(DEFAULT_SETTINGS.refreshDebounceMs);
    expect(plugin.settings.dateFormat).toBe(DEFAULT_SETTINGS.dateFormat);
    expect(plugin.index.settings.dueLeadDays).toBe(3);
    plugin.unload();
  });

  it('reads a hand-edited number outside its range as the default, and says so in a notice that stays', async () => {
    const before = Notice.shown.length;
    const { plugin } = create({ settingsVersion: SETTINGS_VERSION, dueLeadDays: 0.5, defaultCadence: 0 });
    plugin.load();
    await until(() => plugin.settings !== undefined);
    expect(plugin.settings).toMatchObject({ dueLeadDays: 1, defaultCadence: 14 });
    expect(plugin.index.settings).toMatchObject({ dueLeadDays: 1, defaultCadence: 14 });
    expect(Notice.shown.slice(before)).toEqual([
      'Follow Through settings: dueLeadDays 0.5 is not a whole number of days from 0 to 60; read as 1; defaultCadence 0 is not a whole number of days from 1 to 366; read as 14. Set them again in the settings tab.',
    ]);
    plugin.unload();
  });

  it('starts from the defaults when there is no data.json', async () => {
    const { plugin } = create();
    plugin.load();
    await until(() => plugin.settings !== undefined);
    expect(plugin.settings).toEqual(DEFAULT_SETTINGS);
    expect(plugin.settings).not.toBe(DEFAULT_SETTINGS);
    plugin.unload();
  });

  it('migrates a version 1 data.json (leadDays, headings, flat thresholds)', async () => {
    const { plugin } = create({ leadDays: 4, headings: ['Next steps'], stalledFactor: 3, carriedSessions: 5, dateFormat: 'yyyy-MM-dd' });
    plugin.load();
    await until(() => plugin.settings !== undefined);
    expect(plugin.settings).toMatchObject({ settingsVersion: SETTINGS_VERSION, dueLeadDays: 4, extraHeadings: ['Next steps'], dateFormat: 'yyyy-MM-dd' });
    expect(plugin.settings.thresholds).toMatchObject({ stalledCadences: 3, carriedSessions: 5 });
    expect(plugin.settings).not.toHaveProperty('leadDays');
    expect(plugin.index.settings.commitmentHeadings).toContain('Next steps');
    plugin.unload();
  });

  it('registers its three views, its commands, a ribbon icon and a settings tab', async () => {
    const { app, plugin } = create();
    plugin.load();
    await settle();
    expect(app.viewRegistry.types()).toEqual([VIEW_ROSTER, VIEW_CLIENT, VIEW_PRACTICE]);
    expect(Object.keys(app.commands.commands).sort()).toEqual(
      ['capture-session', 'client-calendar', 'client-progress', 'client-recap', 'client-reply', 'export-calendar', 'new-agreement', 'open-client', 'open-practice', 'open-roster', 'rescan-vault', 'review-missed', 'review-missed-client', 'set-up-from-notes', 'show-today', 'undo-last-edit', 'write-monthly-review', 'write-weekly-review'].map((id) => `${PLUGIN_ID}:${id}`),
    );
    const ribbon = app.ribbonEl.querySelectorAll('.side-dock-ribbon-action');
    expect(ribbon).toHaveLength(1);
    expect(ribbon[0].getAttribute('aria-label')).toBe('Open Follow Through roster');
    expect(ribbon[0].querySelector('svg')?.getAttribute('data-icon')).toBe('list-checks');
    expect(app.setting.pluginTabs).toHaveLength(1);
    expect(app.setting.pluginTabs[0]).toBeInstanceOf(FollowThroughSettingTab);
    // The status bar item waits for the layout (and the first index).
    expect(statusBar(app)).toBeNull();
    plugin.unload();
  });

  it('indexes the demo vault once the layout is ready, then shows the status bar item', async () => {
    const { app, plugin } = create();
    plugin.load();
    await settle();
    expect(plugin.index.size).toBe(0);
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer.isReady && statusBar(app) !== null);
    const notes = Object.keys(demoNotes());
    expect(plugin.index.size).toBe(notes.length);
    const clients = plugin.index.clients().map((c) => c.name);
    for (const name of ['Maya Chen', 'Marcus Bell', 'Elena Petrova', 'Daniel Okafor']) expect(clients).toContain(name);
    expect(plugin.index.commitments().length).toBeGreaterThan(20);
    expect(statusBar(app)!.classList.contains('status-bar-item')).toBe(true);
    plugin.unload();
  });

  it('reads the session template note named in the settings when the layout is ready', async () => {
    const h = await start({ sessionTemplatePath: 'Templates/Session template.md' });
    expect((h.plugin as unknown as { sessionTemplate: string }).sessionTemplate).toBe(demoNotes()['Templates/Session template.md']);
    h.plugin.unload();
  });
});

describe('restoring the workspace', () => {
  it('views Obsidian restores before the layout is ready show their content once the vault is indexed', async () => {
    const { app, plugin } = create();
    plugin.load();
    await settle();
    // What Obsidian does with the saved layout, before the layout is ready (the index is empty).
    const roster = app.workspace.getRightLeaf(false)!;
    await roster.setViewState({ type: VIEW_ROSTER });
    const client = app.workspace.getLeaf('tab');
    await client.setViewState({ type: VIEW_CLIENT, state: { client: 'Maya Chen' } });
    expect(content(client).textContent).toBe('No client named Maya Chen in this vault.');
    app.workspace.triggerLayoutReady();
    await leafWith(app, VIEW_ROSTER, '.ft-roster-row[data-client="Maya Chen"]');
    await leafWith(app, VIEW_CLIENT, '.ft-client[data-client="Maya Chen"]');
    expect(content(client).querySelectorAll('.ft-client')).toHaveLength(1);
    plugin.unload();
  });
});
