import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indentWidth, matchListItem } from '../../src/core/parse/lines';

// The patterns the character reader replaced (they were the definition of a list item).
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+([^]*)|[ \t]*$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const CHECKBOX = /^\[([^])\][ \t]*([^]*)$/;

function byPattern(line: string) {
  const m = LIST_ITEM.exec(line);
  if (!m || THEMATIC_BREAK.test(line)) return null;
  const rest = m[3] ?? '';
  const cb = CHECKBOX.exec(rest);
  return { indent: indentWidth(line), markerStart: m[1].length, content: cb ? cb[2] : rest, box: cb ? cb[1] : null };
}

describe('list items read by character are the ones the patterns read', () => {
  it('on the lines notes have', () => {
    for (const line of ['- [ ] Send', '  * [x]Sent', '\t+ plain', '1. [/] half', '123456789) x', '1234567890. x', '-', '- ', '-x', '---', ' - - -', '    ---', '\t---', '* * *', '- * *', '1.', '1.x', '- [', '- []', '- [ab] x', '- [\u2028] x', '', '   ', 'text', '_ _ _', '-\u00a0x']) {
      expect(matchListItem(line), JSON.stringify(line)).toEqual(byPattern(line));
    }
  });

  it('on any mix of the characters that matter', () => {
    const piece = fc.oneof(fc.constantFrom(' ', '  ', '\t', '-', '*', '+', '_', '1', '9', '.', ')', '[', ']', 'x', ' ', '\u2028', '\r', 'a'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const line = parts.join('');
        expect(matchListItem(line)).toEqual(byPattern(line));
      }),
      { numRuns: 10000 },
    );
  });
});
