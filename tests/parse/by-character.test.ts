/**
 * The readers by character (a heading's `headingLevel` and `headingTitle`, a frontmatter key
 * line's `keyColon`) against the regular expressions they stand in for, on lines built from the
 * pieces such lines are made of.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_LINE, keyColon } from '../../src/core/parse/frontmatter-fast';
import { HEADING, headingLevel, headingTitle } from '../../src/core/parse/headings';
import { sameName } from '../../src/core/parse/flexible';

/** sameName as it was written with splits: what the version without them must answer. */
function sameNameBySplit(a: string, b: string): boolean {
  const x = a.trim().replace(/^@(?=\S)/, '').toLowerCase();
  const y = b.trim().replace(/^@(?=\S)/, '').toLowerCase();
  if (x === '' || y === '') return false;
  return x === y || x === y.split(/\s+/)[0] || y === x.split(/\s+/)[0];
}

function byRegex(line: string): { level: number; title: string } {
  const h = HEADING.exec(line);
  return h ? { level: h[1].length, title: (h[2] ?? '').trim() } : { level: 0, title: '' };
}

function byChar(line: string): { level: number; title: string } {
  const level = headingLevel(line);
  return { level, title: level > 0 ? headingTitle(line, level) : '' };
}

describe('a heading read by character', () => {
  it('is what the HEADING expression reads, on any line of heading pieces', () => {
    const piece = fc.constantFrom('#', '##', '###', ' ', '  ', '\t', 'Action items', '#tag', 'a', '\u00a0', '\u3000', '-', '>', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        expect(byChar(line)).toEqual(byRegex(line));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on the cases that decide it', () => {
    const cases: [string, number, string][] = [
      ['# Title', 1, 'Title'],
      ['###### Six', 6, 'Six'],
      ['####### Seven', 0, ''],
      ['   ## Three spaces', 2, 'Three spaces'],
      ['    ## Four spaces (code)', 0, ''],
      ['\t## Tab first', 0, ''],
      ['##\tTab after', 2, 'Tab after'],
      ['##', 2, ''],
      ['## ', 2, ''],
      ['#tag', 0, ''],
      ['## Action items ##', 2, 'Action items ##'],
      ['', 0, ''],
    ];
    for (const [line, level, title] of cases) {
      expect(byChar(line), line).toEqual({ level, title });
      expect(byRegex(line), line).toEqual({ level, title });
    }
  });
});

describe('a frontmatter key line read by character', () => {
  const byRegex = (line: string) => {
    const m = KEY_LINE.exec(line);
    return m ? { key: m[1], value: (m[2] ?? '').trim() } : null;
  };
  const byChar = (line: string) => {
    const colon = keyColon(line);
    if (colon < 0) return null;
    let end = colon;
    while (line[end - 1] === ' ' || line[end - 1] === '\t') end--;
    return { key: line.slice(0, end), value: colon + 2 <= line.length ? line.slice(colon + 2).trim() : '' };
  };

  it('finds the colon KEY_LINE finds, on any line of key pieces', () => {
    const piece = fc.oneof(
      fc.constantFrom('type', 'client', '_x', 'a.b-c', '9', ':', ': ', ':\t', ' ', '\t', ' '.repeat(49), ' '.repeat(51), '"', '[[Jane]]', 'é', '-', 'k'.repeat(200), '#'),
      fc.string({ maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const line = parts.join('');
        expect(byChar(line)).toEqual(byRegex(line));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on the lengths that decide it', () => {
    for (const line of ['k'.repeat(201) + ': v', 'k'.repeat(202) + ': v', 'key' + ' '.repeat(50) + ': v', 'key' + ' '.repeat(51) + ': v', 'key:', 'key: ', 'key:value', 'key :\tv ']) {
      expect(byChar(line), line).toEqual(byRegex(line));
    }
  });
});

describe('two names compared without splitting them', () => {
  it('answers as the split-based comparison, on names built from name pieces', () => {
    const piece = fc.constantFrom('Jane', 'jane', 'JANE', 'Doe', 'Ben', 'Ben Carter', '@', '@Jane', ' ', '  ', '\t', '\u00a0', '\u3000', 'Zoë', 'ZOË', 'İ', '-', "O'Neil", '');
    const name = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sameName(a, b)).toBe(sameNameBySplit(a, b));
        expect(sameName(a, b)).toBe(sameName(b, a));
      }),
      { numRuns: 20_000 },
    );
    expect(sameName('Jane', 'jane doe')).toBe(true);
    expect(sameName('@Ben', 'Ben Carter')).toBe(true);
    expect(sameName('Jane Doe', 'Jane Smith')).toBe(false);
    expect(sameName('Jane Doe', 'Jane Doe Smith')).toBe(false);
  });
});
