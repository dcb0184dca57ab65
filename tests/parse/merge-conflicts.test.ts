/**
 * A note left with merge-conflict markers (the spec's "What is a note"): it gets a warning, and no
 * commitment is counted twice from its two sides.
 */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note';

const FM = ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', '---'];
const read = (body: string[], head = FM) => parseNote('Sessions/2026-11-20 Jane.md', [...head, ...body].join('\n'));
const items = (n: ReturnType<typeof read>) => n.commitments.map((c) => `${c.line} ${c.text} ${c.status}`);

describe('merge-conflict markers', () => {
  it('counts an item written on both sides once, as the first side has it, and warns with the lines', () => {
    const n = read(['## Commitments', '<<<<<<< HEAD', '- [ ] Send 10 outreach messages ^a1', '- [ ] Draft the scorecard ^a2', '=======', '- [x] Send 10 outreach messages ^a1', '- [ ] Draft the scorecard ^a2', '>>>>>>> origin/main']);
    expect(items(n)).toEqual(['8 Send 10 outreach messages open', '9 Draft the scorecard open']);
    expect(n.diagnostics).toHaveLength(1);
    expect(n.diagnostics[0]).toMatchObject({ line: 7, severity: 'warning' });
    expect(n.diagnostics[0].message).toMatch(/^merge-conflict markers \(lines 7–13\).*delete the marker lines$/);
  });

  it('without block ids matches by text (case and spacing aside), and keeps an item only one side has', () => {
    const n = read(['## Commitments', '<<<<<<< ours', '- [ ] Send 10 outreach  messages', '=======', '- [/] send 10 outreach messages', '- [ ] Book the dentist', '>>>>>>> theirs', '- [ ] After the conflict']);
    expect(items(n)).toEqual(['8 Send 10 outreach messages open', '11 Book the dentist open', '13 After the conflict open']);
  });

  it("does not read diff3's base section, and keeps each side's details with its item", () => {
    const n = read(['## Commitments', '<<<<<<< ours', '- [ ] Walk at lunch ^w1', '  - 2026-11-22 done: twice', '||||||| base', '- [ ] Old wording ^old', '=======', '- [ ] Walk at lunch ^w1', '- [ ] Stretch daily ^s1', '>>>>>>> theirs']);
    expect(items(n)).toEqual(['8 Walk at lunch done', '14 Stretch daily open']);
    expect(n.diagnostics.map((d) => d.message).join(' ')).not.toMatch(/block id/);
  });

  it('reads the first side of a conflict in the frontmatter, without a duplicate-key error', () => {
    const n = read(['## Commitments', '- [ ] Send the deck'], ['---', 'type: session', 'client: "[[Jane Doe]]"', '<<<<<<< HEAD', 'date: 2026-11-20', '=======', 'date: 2026-11-21', '>>>>>>> theirs', '---']);
    expect(n.session?.date).toBe('2026-11-20');
    expect(n.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(items(n)).toEqual(['11 Send the deck open']);
  });

  it('leaves markers in fenced code, and markers that make no region, as text (the latter with a warning)', () => {
    const fenced = read(['## Notes', '```', '<<<<<<< HEAD', 'a', '=======', 'b', '>>>>>>> x', '```', '## Commitments', '- [ ] One']);
    expect(fenced.diagnostics).toEqual([]);
    const partial = read(['## Commitments', '<<<<<<< HEAD', '- [ ] One', '- [ ] Two']);
    expect(partial.diagnostics.map((d) => [d.line, d.message.slice(0, 50)])).toEqual([[7, 'merge-conflict marker <<<<<<< here has no ======= ']]);
    expect(items(partial)).toEqual(['8 One open', '9 Two open']);
  });
});

describe('markers left half there', () => {
  it.each([
    [['## Commitments', '<<<<<<< ours', '- [ ] Walk at lunch', '=======', '- [ ] Walk at noon'], '>>>>>>>'],
    [['## Commitments', '<<<<<<< ours', '- [ ] Walk at lunch', '- [ ] Walk at noon', '>>>>>>> theirs'], '======='],
  ])('a <<<<<<< with no %s after it is a warning at its line saying both sides are read', (body, missing) => {
    const n = read(body as string[]);
    const w = n.diagnostics.filter((d) => d.message.startsWith('merge-conflict marker'));
    expect(w.map((d) => [d.line, d.severity])).toEqual([[7, 'warning']]);
    expect(w[0].message).toContain(`has no ${missing} after it, so both sides of the conflict are read as they stand`);
  });
});
