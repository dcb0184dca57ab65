import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INLINE_FIELD, nextInlineField } from '../../src/core/syntax/fields';

/** Every field as the pattern finds them (global, leftmost, non-overlapping). */
function byPattern(text: string) {
  return [...text.matchAll(INLINE_FIELD)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: m[1] ?? m[3], value: m[2] ?? m[4], paren: m[1] === undefined }));
}

function byScanner(text: string) {
  const out = [];
  for (let f = nextInlineField(text); f !== null; f = nextInlineField(text, f.end)) out.push(f);
  return out;
}

describe('inline fields found by character are the ones the pattern finds', () => {
  it('on the lines coaches write', () => {
    for (const line of [
      'Send the deck [due:: 2026-12-02] [kind:: process] ^a1',
      'Call Ana (owner:: [[Ana Ruiz]]) (due:: 2026-12-02)',
      'Links [from:: [[2026-11-20 Jane#^c7f3a]]] and [x:: [y]] and [bad:: [[a]b]]',
      '[a:: b [c:: d] (e:: (f)) (g:: h)',
      '[1a:: x] [a b-c_d:: v] [:: v] [a:: ] [a::]',
      `[${'k'.repeat(41)}:: v] [${'k'.repeat(42)}:: v]`,
      `[a:: [[${'x'.repeat(300)}]]] [b:: [[${'x'.repeat(301)}]]]`,
      `(a:: ${'v'.repeat(1000)}) (b:: ${'v'.repeat(1001)})`,
      `[a:: ${'v'.repeat(1000)}] [b:: ${'v'.repeat(1001)}]`,
      '[a:: line\nbreak] (b:: line\nbreak)',
    ]) {
      expect(byScanner(line), line.slice(0, 60)).toEqual(byPattern(line));
    }
  });

  it('on any mix of the characters that matter', () => {
    const piece = fc.oneof(
      fc.constantFrom('[', ']', '(', ')', '[[', ']]', '::', ':', ' ', '\n', 'due', 'a', 'Z9', '_-', 'é', '📅'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(byScanner(text)).toEqual(byPattern(text));
      }),
      { numRuns: 5000 },
    );
  });
});
