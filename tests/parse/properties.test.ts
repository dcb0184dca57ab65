import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note';
import { parseLineFields } from '../../src/core/parse/fields';
import { matchListItem, splitLines } from '../../src/core/parse/lines';

/** Lines a coach's session note is made of, good and bad, including the awkward ones. */
const bodyLine = fc.oneof(
  fc.constantFrom(
    '## Commitments',
    '### Action items',
    '# homework',
    '## Between Sessions:',
    '## Notes',
    '# Summary',
    '```',
    '~~~md',
    '<!--',
    '-->',
    '<!-- - [ ] hidden -->',
    '%%',
    '',
    '   ',
    '---',
    '- ',
    '- [ ]',
    '* * *',
  ),
  fc
    .record({
      indent: fc.constantFrom('', '', '  ', '    ', '\t', '\t\t', ' '),
      marker: fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', ''),
      box: fc.constantFrom('', '[ ] ', '[x] ', '[/] ', '[?] ', '[-] ', '[>] ', '[X] ', '[!] '),
      text: fc.string({ maxLength: 30 }),
      field: fc.constantFrom(
        '',
        ' [due:: 2026-12-02]',
        ' 📅 2026-12-02',
        ' ✅ 2026-11-30',
        ' [confidence:: 7]',
        ' [coping:: a -> b]',
        ' [owner:: coach]',
        ' [due:: 2026-02-30]',
        ' (kind:: outcome)',
        ' #commitment',
        ' [from:: ab12c]',
      ),
      id: fc.constantFrom('', ' ^c7f3a', ' ^x9k2', ' ^'),
    })
    .map(({ indent, marker, box, text, field, id }) => `${indent}${marker}${box}${text}${field}${id}`),
  fc.constantFrom(
    '  - When I sit down with my coffee on Monday, I\'ll send the first message',
    '  - If Monday gets swallowed by meetings, then I\'ll do it first thing Tuesday',
    '  - 2026-11-28 stuck: meetings ate Monday',
    '\t- 2026-11-29 done',
    '  - learned: mornings work',
    '  - confidence 7/10',
    '  - confidence: 42',
    '  - coping: a -> b',
  ),
  fc.string({ maxLength: 40 }),
);

const frontmatter = fc.oneof(
  fc.constant('---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-11-20\nnext: 2026-12-04\n---'),
  fc.constant('---\ntype: session\nclient: Jane Doe\ndate: 2026-11-20T10:00\n---'),
  fc.constant('---\ntype: session\nclient: [[Jane Doe]]\ndate: 2026-11-20\ntags:\n  - coaching\n---'),
  fc.constant('---\ntype: session\ndate: 2026-11-20\n---'),
  fc.constant('---\ntype: session\nclient: x\ndate: nope\n---'),
  fc.constant('---\ntype: session\nclient: "unterminated\n---'),
  fc.constant('---\ntype: client\ncadence: weekly\nmilestones:\n  - name: a\n    due: 2026-12-01\n---'),
  fc.constant('---\ntype: session\nclient: Jane'),
  fc.constant(''),
);

const note = fc
  .record({ fm: frontmatter, body: fc.array(bodyLine, { maxLength: 40 }), eol: fc.constantFrom('\n', '\r\n'), finalEol: fc.boolean() })
  .map(({ fm, body, eol, finalEol }) => [fm, ...body].join(eol) + (finalEol ? eol : ''));

describe('parser properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(note, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const parsed = parseNote('Sessions/x.md', text);
        expect(parsed.path).toBe('Sessions/x.md');
        expect(parsed.diagnostics.every((d) => d.line >= 1)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it("puts every commitment's line on the line that really holds it", () => {
    fc.assert(
      fc.property(note, (text) => {
        const { lines } = splitLines(text);
        for (const c of parseNote('Sessions/x.md', text).commitments) {
          expect(c.line).toBeGreaterThanOrEqual(1);
          expect(lines[c.line - 1]).toBe(c.raw);
          // Comments on the line (`<!-- -->`, `%% %%`) are not part of what it says.
          const visible = c.raw.replace(/<!--.*?(?:-->|$)/g, '').replace(/%%.*?(?:%%|$)/g, '');
          const item = matchListItem(visible);
          expect(item).not.toBeNull();
          const again = parseLineFields(item!.content);
          expect(again.text).toBe(c.text);
          expect(again.id).toBe(c.id);
          expect(c.endLine).toBeGreaterThanOrEqual(c.line);
          expect(c.endLine).toBeLessThanOrEqual(lines.length);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('reads a note the same with LF and CRLF line endings', () => {
    fc.assert(
      fc.property(note, (text) => {
        const lf = text.replace(/\r\n/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const a = parseNote('x.md', lf);
        const b = parseNote('x.md', crlf);
        expect(b.commitments.map(({ raw: _r, ...c }) => c)).toEqual(a.commitments.map(({ raw: _r, ...c }) => c));
        expect(b.session).toEqual(a.session);
      }),
      { numRuns: 500 },
    );
  });
});
