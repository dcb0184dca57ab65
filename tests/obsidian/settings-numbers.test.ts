// @vitest-environment happy-dom
/** The settings tab's number fields save only what the loader would keep, and say what they take. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, Plugin, installDomHelpers } from '../fakes/obsidian';
import { FollowThroughSettingTab, TYPING_PAUSE_MS } from '../../src/obsidian/settings-tab';
import { loadSettings, type FollowThroughSettings } from '../../src/core/plugin-settings';
import { manifest } from './harness';

beforeEach(() => {
  installDomHelpers();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

function tab() {
  const app = new App();
  const saved: Partial<FollowThroughSettings>[] = [];
  const owner = { settings: loadSettings(null), updateSettings: async (c: Partial<FollowThroughSettings>) => void saved.push(c) };
  const t = new FollowThroughSettingTab(app as never, new Plugin(app, manifest) as never, owner);
  t.display();
  const field = (name: string) => {
    const item = [...(t.containerEl as HTMLElement).querySelectorAll('.setting-item')].find((s) => s.querySelector('.setting-item-name')?.textContent === name);
    return item!.querySelector('input') as HTMLInputElement;
  };
  const type = (input: HTMLInputElement, ...steps: string[]) => {
    for (const v of steps) {
      input.value = v;
      input.dispatchEvent(new Event('input'));
    }
    vi.advanceTimersByTime(TYPING_PAUSE_MS + 1);
  };
  return { saved, field, type, hide: () => t.hide() };
}

describe('number fields in the settings tab', () => {
  it('carry the range, save a value inside it, and mark one outside without saving it', () => {
    const { saved, field, type } = tab();
    const cadence = field('Default cadence (days)');
    expect([cadence.min, cadence.max, cadence.step]).toEqual(['1', '366', '1']);
    type(cadence, '2', '21');
    expect(saved).toEqual([{ defaultCadence: 21 }]);
    type(cadence, '0');
    expect(saved).toHaveLength(1);
    expect(cadence.classList.contains('ft-invalid')).toBe(true);
    expect(cadence.title).toBe('Not saved: give a whole number of days from 1 to 366.');
    type(cadence, '7');
    expect(cadence.classList.contains('ft-invalid')).toBe(false);
    expect(saved.at(-1)).toEqual({ defaultCadence: 7 });
  });

  it('drops a value typed on the way once the field holds one it refuses (deleting "14" to type "0")', () => {
    const { saved, field, type } = tab();
    type(field('Default cadence (days)'), '1', '', '0');
    expect(saved).toEqual([]);
    const lead = field('Due lead (days)');
    type(lead, '2.5');
    expect(saved).toEqual([]);
    expect(lead.title).toMatch(/whole number of days from 0 to 60/);
  });

  it('takes fractions where the threshold is a rate, inside 0-1', () => {
    const { saved, field, type, hide } = tab();
    type(field('Same-commitment similarity (0-1)'), '0.75');
    type(field('Declining under (0-1)'), '1.5');
    hide();
    expect(saved).toHaveLength(1);
    expect(saved[0].thresholds?.similarity).toBe(0.75);
  });
});
