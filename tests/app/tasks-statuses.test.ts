/** The settings tab's Tasks check: which of our boxes Tasks' statuses read as we do, and what to add. */
import { describe, expect, it } from 'vitest';
import { checkTasksStatuses } from '../../src/app/tasks-statuses';

/** Tasks' defaults: core Todo and Done; custom In Progress and Cancelled. */
const DEFAULTS = {
  coreStatuses: [
    { symbol: ' ', name: 'Todo', nextStatusSymbol: 'x', availableAsCommand: true, type: 'TODO' },
    { symbol: 'x', name: 'Done', nextStatusSymbol: ' ', availableAsCommand: true, type: 'DONE' },
  ],
  customStatuses: [
    { symbol: '/', name: 'In Progress', nextStatusSymbol: 'x', availableAsCommand: true, type: 'IN_PROGRESS' },
    { symbol: '-', name: 'Cancelled', nextStatusSymbol: ' ', availableAsCommand: true, type: 'CANCELLED' },
  ],
};

describe('checkTasksStatuses', () => {
  it("with Tasks' defaults: / is right, > and ? are missing and say what to add", () => {
    const r = checkTasksStatuses(DEFAULTS);
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual([
      '[>] is not a Tasks status: add one with symbol >, name Recommitted, next symbol (space) and type CANCELLED or NON_TASK.',
      '[?] is not a Tasks status: add one with symbol ?, name Stuck, next symbol x and type IN_PROGRESS.',
      '[/] is IN_PROGRESS in Tasks, as Follow Through reads it (Partial).',
    ]);
  });

  it('with the README table added, all match; > as NON_TASK counts too', () => {
    const custom = [...DEFAULTS.customStatuses, { symbol: '>', name: 'Recommitted', nextStatusSymbol: ' ', type: 'NON_TASK' }, { symbol: '?', name: 'Stuck', nextStatusSymbol: 'x', type: 'IN_PROGRESS' }];
    expect(checkTasksStatuses({ ...DEFAULTS, customStatuses: custom }).ok).toBe(true);
  });

  it('a symbol with the wrong type says what to change; the first status with a symbol is the one Tasks uses', () => {
    const custom = [{ symbol: '>', name: 'Forwarded', type: 'TODO' }, { symbol: '>', name: 'Later', type: 'CANCELLED' }, { symbol: '?', name: 'Question', type: 'TODO' }];
    const r = checkTasksStatuses({ ...DEFAULTS, customStatuses: [...DEFAULTS.customStatuses, ...custom] });
    expect(r.ok).toBe(false);
    expect(r.lines[0]).toBe('[>] is TODO in Tasks: change its type to CANCELLED or NON_TASK (Recommitted).');
    expect(r.lines[1]).toBe('[?] is TODO in Tasks: change its type to IN_PROGRESS (Stuck).');
  });

  it('settings that are not what Tasks saves read as nothing set up, never a crash', () => {
    for (const bad of [undefined, null, 42, 'x', { coreStatuses: 'no', customStatuses: [null, 3, { symbol: 1 }] }]) {
      const r = checkTasksStatuses(bad);
      expect(r.ok).toBe(false);
      expect(r.lines).toHaveLength(3);
    }
  });
});
