/**
 * On emoji-style lines, Tasks reads its fields only from the end of the line (see ./tasks-format.ts,
 * DefaultTaskSerializer.deserialize). So the Tasks-readable part (📅, ✅, ❌) must come last, just
 * before the block id, with our inline fields ([trigger:: …], [confidence:: …], [from:: …]) before
 * it: `- [ ] Draft the hiring scorecard [trigger:: after standup] [confidence:: 6] 📅 2026-11-26 ^a7kh0t`.
 *
 * Every emoji-style line form our edits write must show Tasks the due date Follow Through reads.
 */
import { describe, expect, it } from 'vitest';
import { readAsTasks } from './tasks-format';
import { writtenLines } from './written-lines';

describe('emoji-style lines keep the Tasks fields last, so Tasks sees the due date', () => {
  const lines = writtenLines('emoji');

  it.each(lines.map((w) => [w.form, w] as const))('%s', (_form, w) => {
    expect(w.read.due).not.toBeNull();
    const t = readAsTasks(w.line, 'tasksPluginEmoji');
    expect(t, w.line).not.toBeNull();
    expect({ line: w.line, due: t!.dueDate }).toEqual({ line: w.line, due: w.read.due });
    // Nothing Tasks would show as part of the description is left after its fields.
    expect(t!.description, w.line).not.toMatch(/📅|✅|❌/u);
  });
});
