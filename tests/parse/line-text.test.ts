import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLineFields } from '../../src/core/parse/fields';

/** The block id as the pattern the parser used to run reads it: `^id` at the end of the trimmed text. */
function byPattern(text: string): string | null {
  const m = /(?:^|[ \t])\^([A-Za-z0-9-]{1,100})$/.exec(text.trimEnd());
  return m ? m[1] : null;
}

describe('a commitment line\'s block id, found by character from the end', () => {
  it('on the lines coaches write', () => {
    for (const line of [
      'Send the deck ^a1b2c',
      'Send the deck ^a1b2c  \t',
      '^only',
      'Send the deck^a1b2c',
      'Send the deck ^',
      'Send the deck ^a1b2c!',
      'Two ^ids ^here',
      `Long ^${'a'.repeat(100)}`,
      `Too long ^${'a'.repeat(101)}`,
      'Tab\t^tab-id\u00a0',
      'Dash ^-',
      'Caret in text ^x and more',
    ]) {
      expect(parseLineFields(line).id, line).toBe(byPattern(line));
    }
  });

  it('on any mix of the characters that matter', () => {
    const piece = fc.oneof(fc.constantFrom('^', ' ', '\t', '\u00a0', 'a', 'Z9', '-', '_', '!', 'é', 'x'.repeat(60)), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        // `::` and `#` would take other paths first; the id is read before them.
        fc.pre(!text.includes('::') && !text.includes('#') && !/[\u{1F4C5}\u{1F4C6}\u{1F5D3}\u2705\u274C\u23F3\u{1F6EB}\u2795]/u.test(text));
        expect(parseLineFields(text).id).toBe(byPattern(text));
      }),
      { numRuns: 5000 },
    );
  });
});

/** The text's white space as the parser used to fold it: every run into one space when any run is more than one space. */
function foldedByLoop(text: string): string {
  let prev = false;
  let needs = false;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const ws = /\s/.test(ch);
    if (ws && (prev || (c !== 32 && c !== 0x1680))) needs = true;
    prev = ws;
  }
  return (needs ? text.replace(/\s+/g, ' ') : text).trim();
}

describe('a commitment line\'s white space, folded by pattern', () => {
  it('is folded as the loop by character folded it, on any mix of white space', () => {
    const piece = fc.oneof(fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u1680', '\u2003', '\u3000', '\ufeff', 'a', 'Send', 'é', '.'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        fc.pre(!/[\^#:]|coach|[\u2705\u274C\u23F3\u2795\uD83D\u23EB\u23EC]|\uD83D/i.test(text));
        expect(parseLineFields(text).text).toBe(foldedByLoop(text));
      }),
      { numRuns: 5000 },
    );
  });
});
