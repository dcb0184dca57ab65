/**
 * With Tasks' "Dataview" task format, Tasks reads `[due:: …]`, `[completion:: …]` and
 * `[cancelled:: …]`, but (as with emoji) only from the end of the line (see ./tasks-format.ts,
 * DataviewTaskSerializer). So on Dataview-style lines too, our own fields ([trigger:: …],
 * [confidence:: …], [from:: …]) must come before the date fields:
 * `- [ ] Update the headline [from:: lin1] [due:: 2026-12-16] ^tlkt5w`.
 *
 * Every Dataview-style line form our edits write must show Tasks (in that format) the due date
 * Follow Through reads.
 */
import { describe, expect, it } from 'vitest';
import { readAsTasks } from './tasks-format';
import { writtenLines } from './written-lines';

describe("Dataview-style lines keep the date fields last, so Tasks' Dataview format sees the due date", () => {
  const lines = writtenLines('dataview');

  it.each(lines.map((w) => [w.form, w] as const))('%s', (_form, w) => {
    expect(w.read.due).not.toBeNull();
    const t = readAsTasks(w.line, 'dataview');
    expect(t, w.line).not.toBeNull();
    expect({ line: w.line, due: t!.dueDate }).toEqual({ line: w.line, due: w.read.due });
  });
});
