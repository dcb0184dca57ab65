// @vitest-environment happy-dom
/** The settings tab detects Tasks and says whether its statuses read our boxes as we do. */
import { beforeEach, describe, expect, it } from 'vitest';
import { App, Plugin, installDomHelpers } from '../fakes/obsidian';
import { FollowThroughSettingTab } from '../../src/obsidian/settings-tab';
import { loadSettings } from '../../src/core/plugin-settings';
import { manifest } from './harness';

const CORE = [
  { symbol: ' ', name: 'Todo', nextStatusSymbol: 'x', availableAsCommand: true, type: 'TODO' },
  { symbol: 'x', name: 'Done', nextStatusSymbol: ' ', availableAsCommand: true, type: 'DONE' },
];
const IN_PROGRESS = { symbol: '/', name: 'In Progress', nextStatusSymbol: 'x', availableAsCommand: true, type: 'IN_PROGRESS' };

let app: App;
beforeEach(() => installDomHelpers());

function tab(tasks?: unknown): HTMLElement {
  app = new App();
  if (tasks !== undefined) Object.assign(app, { plugins: { plugins: { 'obsidian-tasks-plugin': tasks } } });
  const owner = { settings: loadSettings(null), updateSettings: async () => undefined };
  const t = new FollowThroughSettingTab(app as never, new Plugin(app, manifest) as never, owner);
  t.display();
  return t.containerEl as HTMLElement;
}

const setting = (el: HTMLElement, name: RegExp) => [...el.querySelectorAll('.setting-item')].find((s) => name.test(s.querySelector('.setting-item-name')?.textContent ?? '')) as HTMLElement | undefined;

describe('the Tasks section of the settings tab', () => {
  it('without Tasks, says there is nothing to set up', () => {
    expect(setting(tab(), /^Tasks statuses$/)?.textContent).toContain('Tasks is not enabled');
  });

  it("with Tasks' defaults, names what to add", () => {
    const s = setting(tab({ settings: { statusSettings: { coreStatuses: CORE, customStatuses: [IN_PROGRESS] } } }), /^Tasks statuses to add$/);
    expect(s?.textContent).toContain('[>] is not a Tasks status: add one with symbol >, name Recommitted');
    expect(s?.textContent).toContain('[/] is IN_PROGRESS in Tasks, as Follow Through reads it');
  });

  it('with the statuses added, says they match', () => {
    const custom = [IN_PROGRESS, { symbol: '>', name: 'Recommitted', type: 'CANCELLED' }, { symbol: '?', name: 'Stuck', type: 'IN_PROGRESS' }];
    expect(setting(tab({ settings: { statusSettings: { coreStatuses: CORE, customStatuses: custom } } }), /^Tasks statuses match$/)).toBeDefined();
  });
});
