/**
 * Action items kept in a markdown table are not commitments (only list items are), but the note
 * says so: one warning per table, naming its rows and showing the list item a row would be.
 */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note';

const PATH = 'Sessions/2026-11-20 Jane Doe.md';
const head = ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', '---'];
const parse = (body: string[]) => parseNote(PATH, [...head, ...body, ''].join('\n'));

describe('an action-items table', () => {
  it('gets one warning at its header row, naming the rows and an example from the task column', () => {
    const note = parse(['## Action items', '', '| Owner | Task | Due |', '|:------|------|----:|', '| Jane | Send the **proposal** | 2026-11-27 |', '| Jane | Book the venue | 2026-11-30 |', '', '## Notes', 'Fine.']);
    expect(note.commitments).toEqual([]);
    expect(note.diagnostics).toEqual([
      {
        path: PATH,
        line: 8,
        severity: 'warning',
        message: '2 action items in this table (lines 10–11) are not read: only list items are commitments; write each row as a checkbox item under the heading, e.g. "- [ ] Send the proposal", to track it',
      },
    ]);
  });

  it('says "the action item" for one row, and still reads the list items beside it', () => {
    const note = parse(['## Homework', '- [ ] Journal every morning', '', 'Task | Due', '--- | ---', 'Call the accountant | Friday']);
    expect(note.commitments.map((c) => c.text)).toEqual(['Journal every morning']);
    expect(note.diagnostics.map((d) => [d.line, d.message])).toEqual([[9, 'the action item in this table (line 11) is not read: only list items are commitments; write each row as a checkbox item under the heading, e.g. "- [ ] Call the accountant", to track it']]);
  });

  it('two tables split by a blank line are two warnings; a heading ends a table too', () => {
    const note = parse(['## Action items', '| A |', '|---|', '| one |', '', '| B |', '|---|', '| two |', '### Later', '| C |', '|---|', '| three |']);
    expect(note.diagnostics.map((d) => d.line)).toEqual([7, 11, 15]);
  });

  it('is not warned about outside an action-items section, without a separator row, or with no data rows', () => {
    expect(parse(['## Notes', '| Task | Due |', '|---|---|', '| Send it | Friday |']).diagnostics).toEqual([]);
    expect(parse(['## Action items', '| Send it | Friday |', '| Book it | Monday |']).diagnostics).toEqual([]);
    expect(parse(['## Action items', '| Task | Due |', '|---|---|']).diagnostics).toEqual([]);
  });

  it('inside a fenced block or a comment is no table', () => {
    expect(parse(['## Action items', '```', '| Task |', '|---|', '| Send it |', '```']).diagnostics).toEqual([]);
    expect(parse(['## Action items', '<!--', '| Task |', '|---|', '| Send it |', '-->']).diagnostics).toEqual([]);
  });
});

describe('a table of a template’s empty rows (jamiebono/my-brain-template’s 1:1: `|  | Kenji | ⬜/✅/🔄 |  |`)', () => {
  it('has no action item in it: no warning; a filled row among empty ones is named by its own line', () => {
    const empty = ['## Action items', '', '| Action | Owner | Status | Notes |', '|:-------|:------|:------:|:------|', '|  | Kenji | ⬜/✅/🔄 |  |', '|  | Me | ⬜/✅/🔄 |  |'];
    expect(parse(empty).diagnostics).toEqual([]);
    const one = parse([...empty, '| Book a mock VP interview | Me | ✅ | Booked |']);
    expect(one.diagnostics.map((d) => d.message)).toEqual(['the action item in this table (line 12) is not read: only list items are commitments; write each row as a checkbox item under the heading, e.g. "- [ ] Book a mock VP interview", to track it']);
  });
});
