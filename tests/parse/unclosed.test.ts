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

describe('a lone carriage return inside a note of ordinary line endings', () => {
  it('is one warning at its line, saying what to do', () => {
    const out = note(['## Commitments', '- [ ] Send the deck ^aa1\r    - 2026-11-28 stuck: no time\r- [x] Draft the scorecard', '- [ ] Call Bob']);
    expect(out.diagnostics.map((d) => [d.line, d.severity])).toEqual([[7, 'warning']]);
    expect(out.diagnostics[0].message).toMatch(/carriage return on its own .* save the note again with ordinary \(LF or CRLF\) line endings/);
    expect(note(['## Commitments', '- [ ] Send the deck']).diagnostics).toEqual([]);
    expect(parseNote(PATH, ['---', 'type: session', 'client: Jane', 'date: 2026-11-20', '---', '## Commitments', '- [ ] Send it', ''].join('\r\n')).diagnostics).toEqual([]);
  });
});
