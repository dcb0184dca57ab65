/**
 * Un-checking a box in Tasks leaves its done date (`✅ …`, `[completion:: …]`) or let-go date
 * (`❌ …`, `[cancelled:: …]`) on the line. Follow Through reads what the box says: an open box wins,
 * the date is ignored with an info diagnostic (not a problem in the not-read list), and the next
 * edit of the line removes it (writeItem; see tests/edit/line-fields.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note';

const PATH = 'Sessions/2026-11-20 Jane Doe.md';
const note = (line: string) => ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', '---', '## Commitments', line, ''].join('\n');

describe('an open box wins over a stale done or let-go date', () => {
  it.each([
    ['- [ ] Draft the scorecard 📅 2026-11-26 ✅ 2026-11-24 ^d1', 'done', '2026-11-24'],
    ['- [ ] Draft the scorecard [due:: 2026-11-26] [completion:: 2026-11-24] ^d1', 'done', '2026-11-24'],
    ['- [ ] Draft the scorecard 📅 2026-11-26 ❌ 2026-11-24 ^d1', 'let-go', '2026-11-24'],
    ['- [/] Draft the scorecard [due:: 2026-11-26] [cancelled:: 2026-11-24] ^d1', 'let-go', '2026-11-24'],
  ])('%s', (line, what, date) => {
    const n = parseNote(PATH, note(line));
    const c = n.commitments[0];
    expect(c.doneDate).toBeNull();
    expect(c.letGoDate).toBeNull();
    expect(['open', 'partial']).toContain(c.status);
    expect(c.due).toBe('2026-11-26');
    const info = n.diagnostics.filter((d) => d.severity === 'info');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ line: 7 });
    expect(info[0].message).toContain(`${what} date ${date}`);
    expect(n.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('a done box keeps its done date, with no diagnostic', () => {
    const n = parseNote(PATH, note('- [x] Draft the scorecard 📅 2026-11-26 ✅ 2026-11-24 ^d1'));
    expect(n.commitments[0].doneDate).toBe('2026-11-24');
    expect(n.diagnostics).toEqual([]);
  });
});
