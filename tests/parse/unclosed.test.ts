/** A code block or comment that never closes hides the rest of the note, as Obsidian shows it: the note says so. */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note';

const PATH = 'Sessions/2026-11-20 Jane Doe.md';
const note = (body: string[]) => parseNote(PATH, ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', '---', ...body, ''].join('\n'));

describe('an unclosed code block or comment', () => {
  it.each([
    ['<!-- notes for me', 'an HTML comment (<!--) opens here and is never closed, so the 2 checkbox items after it are hidden and not read; add the closing --> where it should end'],
    ['%% private', 'an Obsidian comment (%%) opens here and is never closed, so the 2 checkbox items after it are hidden and not read; add the closing %% where it should end'],
    ['~~~dataview', 'a code block opens here and is never closed, so the 2 checkbox items after it are hidden and not read; add a closing ~~~ line where it should end'],
  ])('%s: one warning at its line, counting the items it hides', (opener, message) => {
    const out = note(['## Notes', opener, 'more', '## Commitments', '- [ ] Send the deck', '- [x] Book the room']);
    expect(out.commitments).toEqual([]);
    expect(out.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([[7, 'warning', message]]);
  });

  it('is not warned about when it hides no item, or when it closes', () => {
    expect(note(['## Commitments', '- [ ] Send the deck', '```', 'TASK']).diagnostics).toEqual([]);
    expect(note(['<!-- a', 'b -->', '## Commitments', '- [ ] Send the deck']).diagnostics).toEqual([]);
    expect(note(['## Commitments', '- [ ] Send the deck %% aside %%']).commitments.map((c) => c.text)).toEqual(['Send the deck']);
  });
});
