/**
 * The "write dates for" setting: capture writes a bare line's dates for Tasks (emoji) or for
 * Dataview (inline fields), `auto` following what the vault's dated lines already use; a line that
 * already has fields keeps its own convention. Either way Tasks (in the matching format) reads the
 * due date we wrote.
 */
import { describe, expect, it } from 'vitest';
import { capture } from '../../src/core/edit/capture';
import { resolveDateStyle, vaultDateConvention } from '../../src/core/edit/date-style';
import { loadSettings } from '../../src/core/plugin-settings';
import { readAsTasks } from './tasks-format';

const PATH = 'Sessions/2026-11-20 Jane Doe.md';
const note = (line: string) => ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', '---', '## Commitments', line, ''].join('\n');
let n = 0;
const random = () => ((n = (n * 9301 + 49297) % 233280) / 233280);

function captured(line: string, fieldStyle?: 'emoji' | 'dataview'): string {
  const r = capture(note(line), PATH, { defaultDue: '2026-12-02', random, fieldStyle });
  if (!r.ok) throw new Error(r.reason);
  return r.text.split('\n')[6];
}

describe('capture writes a bare line for the chosen tool', () => {
  it('for Tasks: an emoji due date Tasks reads', () => {
    const line = captured('- Draft the scorecard', 'emoji');
    expect(line).toMatch(/^- \[ \] Draft the scorecard 📅 2026-12-02 \^[a-z0-9]{6}$/);
    expect(readAsTasks(line)?.dueDate).toBe('2026-12-02');
  });

  it("for Dataview: an inline due field Tasks' Dataview format reads", () => {
    const line = captured('- Draft the scorecard', 'dataview');
    expect(line).toMatch(/^- \[ \] Draft the scorecard \[due:: 2026-12-02\] \^[a-z0-9]{6}$/);
    expect(readAsTasks(line, 'dataview')?.dueDate).toBe('2026-12-02');
  });

  it('a line that already has fields keeps its own convention', () => {
    expect(captured('- Draft the scorecard [trigger:: after standup]', 'emoji')).toMatch(/\[trigger:: after standup\] \[due:: 2026-12-02\]/);
    // Tasks' scheduled date alone is no field of ours: the chosen style decides, Tasks' fields last.
    expect(captured('- Draft the scorecard ⏳ 2026-11-30', 'emoji')).toMatch(/⏳ 2026-11-30 📅 2026-12-02 \^/);
  });
});

describe('auto follows the vault', () => {
  const line = (convention: 'emoji' | 'dataview', due: string | null) => ({ convention, due, doneDate: null, letGoDate: null });
  it('the convention most dated lines use; Dataview on a tie or an undated vault', () => {
    expect(vaultDateConvention([line('emoji', '2026-12-02'), line('emoji', '2026-12-03'), line('dataview', '2026-12-04')])).toBe('emoji');
    expect(vaultDateConvention([line('emoji', '2026-12-02'), line('dataview', '2026-12-04')])).toBe('dataview');
    // Undated lines read as Dataview's convention by default; they do not count.
    expect(vaultDateConvention([line('emoji', '2026-12-02'), line('dataview', null), line('dataview', null)])).toBe('emoji');
    expect(vaultDateConvention([])).toBe('dataview');
  });

  it('the setting: tasks and dataview are fixed, anything else is auto; the saved default is auto', () => {
    expect(resolveDateStyle('tasks', () => 'dataview')).toBe('emoji');
    expect(resolveDateStyle('dataview', () => 'emoji')).toBe('dataview');
    expect(resolveDateStyle('auto', () => 'emoji')).toBe('emoji');
    expect(resolveDateStyle('sideways', () => 'emoji')).toBe('emoji');
    expect(loadSettings(null).dateStyle).toBe('auto');
    expect(loadSettings({ dateStyle: 'sideways' }).dateStyle).toBe('auto');
    expect(loadSettings({ dateStyle: 'tasks' }).dateStyle).toBe('tasks');
  });
});
