// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingTab } from '../fakes/obsidian';
import { DEFAULT_SETTINGS } from '../../src/core/plugin-settings';
import { click, fixToday, settingInput, start, type, until, type Harness } from './harness';

let h: Harness;
let tab: SettingTab;
beforeEach(async () => {
  fixToday();
  h = await start();
  tab = h.app.setting.pluginTabs[0];
  h.app.setting.openTab(tab);
});
afterEach(() => {
  h.plugin.unload();
  vi.useRealTimers();
});

const stored = async () => (await h.fake.loadData()) as Record<string, unknown> | null;

describe('the settings tab', () => {
  it('displays every setting with its current value', () => {
    const names = [...tab.containerEl.querySelectorAll('.setting-item-name')].map((e) => e.textContent);
    expect(names).toEqual(
      expect.arrayContaining(['Notes', 'Note layout', 'Set up from my notes', 'Session folders', 'Your names', 'Numeric dates', 'Dates', 'Roster', 'Nudges', 'Calendar', 'Folders', 'Due lead (days)', 'Sessions folder', 'Show ended clients', 'Stalled after (cadences)', 'Suggest nudges', 'Keep a calendar file in the vault', 'Reviews folder']),
    );
    expect(tab.containerEl.querySelectorAll('.setting-item-heading')).toHaveLength(8);
    const lead = settingInput(tab.containerEl, 'Due lead (days)') as HTMLInputElement;
    expect(lead.type).toBe('number');
    expect(lead.value).toBe(String(DEFAULT_SETTINGS.dueLeadDays));
    expect((settingInput(tab.containerEl, 'Sessions folder') as HTMLInputElement).placeholder).toBe('Sessions');
  });

  it('changing "Due lead (days)" saves the settings and re-reads the vault with them', async () => {
    const reindex = vi.spyOn(h.plugin.indexer, 'reindex');
    // A commitment with no due date of its own falls due `dueLeadDays` before the next session.
    const implied = h.plugin.index.commitments().find((c) => !/\[due::/.test(c.raw) && !/📅/.test(c.raw))!;
    expect(implied).toBeDefined();
    type(settingInput(tab.containerEl, 'Due lead (days)'), '5');
    await until(() => reindex.mock.calls.length === 1 && h.plugin.index.settings.dueLeadDays === 5);
    await until(async () => (await stored())?.dueLeadDays === 5);
    expect(await stored()).toMatchObject({ ...DEFAULT_SETTINGS, dueLeadDays: 5, thresholds: DEFAULT_SETTINGS.thresholds });
    expect(h.plugin.settings.dueLeadDays).toBe(5);
    expect(h.plugin.index.settings.dueLeadDays).toBe(5);
    const now = h.plugin.index.commitments().find((c) => c.session === implied.session && c.line === implied.line)!;
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(now.due, implied.due)).toBe(5 - DEFAULT_SETTINGS.dueLeadDays);
  });

  it('"Fewer reminders for steady clients" saves the thinning count (0 keeps every reminder)', async () => {
    const field = settingInput(tab.containerEl, 'Fewer reminders for steady clients') as HTMLInputElement;
    expect(field.type).toBe('number');
    expect(field.value).toBe(String(DEFAULT_SETTINGS.nudges.thinAfterOnTime));
    type(field, '0');
    await until(() => h.plugin.settings.nudges.thinAfterOnTime === 0);
    await until(async () => ((await stored())?.nudges as { thinAfterOnTime?: number } | undefined)?.thinAfterOnTime === 0);
    expect(h.plugin.settings.nudges.templates).toEqual(DEFAULT_SETTINGS.nudges.templates);
  });

  it('an invalid number is not saved', async () => {
    type(settingInput(tab.containerEl, 'Due lead (days)'), '-1');
    type(settingInput(tab.containerEl, 'Due lead (days)'), '');
    await new Promise((r) => setTimeout(r, 20));
    expect(await stored()).toBeNull();
  });

  it('a display-only setting saves without re-reading the vault', async () => {
    const indexAll = vi.spyOn(h.plugin.indexer, 'indexAll');
    const reindex = vi.spyOn(h.plugin.indexer, 'reindex');
    const before = h.plugin.formatDate('2026-12-01'); // builds the formatter for the format before
    type(settingInput(tab.containerEl, 'Date display format'), 'yyyy-MM-dd');
    await until(() => h.plugin.settings.dateFormat === 'yyyy-MM-dd');
    expect((await stored())?.dateFormat).toBe('yyyy-MM-dd');
    expect(h.plugin.formatDate('2026-12-01')).toBe('2026-12-01');
    expect(before).not.toBe('2026-12-01');
    expect(indexAll).not.toHaveBeenCalled();
    expect(reindex).not.toHaveBeenCalled();
  });

  it('a roster toggle changes which clients the roster shows', async () => {
    const toggle = [...tab.containerEl.querySelectorAll('.setting-item')]
      .find((s) => s.querySelector('.setting-item-name')?.textContent === 'Show ended clients')!
      .querySelector('.checkbox-container')!;
    expect(toggle.classList.contains('is-enabled')).toBe(false);
    click(toggle);
    expect(toggle.classList.contains('is-enabled')).toBe(true);
    await until(() => h.plugin.settings.rosterStatuses.includes('ended'));
    expect(h.plugin.settings.rosterStatuses).toEqual(['active', 'paused', 'ended']);
  });

  it('"Restore default thresholds" saves the defaults and shows them', async () => {
    type(settingInput(tab.containerEl, 'Recent sessions'), '6');
    await until(() => h.plugin.settings.thresholds.recentSessions === 6);
    const button = [...tab.containerEl.querySelectorAll('button')].find((b) => b.textContent === 'Restore default thresholds');
    click(button);
    await until(() => h.plugin.settings.thresholds.recentSessions === DEFAULT_SETTINGS.thresholds.recentSessions);
    await until(() => (settingInput(tab.containerEl, 'Recent sessions') as HTMLInputElement).value === String(DEFAULT_SETTINGS.thresholds.recentSessions));
    expect(tab.containerEl.querySelectorAll('.setting-item-heading')).toHaveLength(8);
  });

  it('closing the settings hides (empties) the tab', () => {
    h.app.setting.close();
    expect(tab.containerEl.childElementCount).toBe(0);
  });
});
