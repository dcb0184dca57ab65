import { describe, expect, it } from 'vitest';
import { blockIdsIn, newBlockId } from '../../src/core/edit/block-id';
import { LineEditor, joinNote, splitNote } from '../../src/core/edit/text';
import { splitLines } from '../../src/core/parse/lines';
import { seeded } from './helpers';

describe('splitNote', () => {
  it.each([
    ['', ['']],
    ['a', ['a']],
    ['a\n', ['a', '']],
    ['a\r\nb\r\n', ['a', 'b', '']],
    ['a\r\nb\nc', ['a', 'b', 'c']],
    ['a\r', ['a']],
    ['\n\n', ['', '', '']],
  ])('splits %j into the lines the parser sees and joins back byte for byte', (text, lines) => {
    const n = splitNote(text);
    expect(n.lines).toEqual(lines);
    expect(n.lines).toEqual(splitLines(text).lines);
    expect(joinNote(n.lines, n.eols)).toBe(text);
  });

  it('knows the dominant line ending', () => {
    expect(splitNote('a\r\nb\r\nc\n').eol).toBe('\r\n');
    expect(splitNote('a\nb\r\nc\n').eol).toBe('\n');
  });
});

describe('LineEditor', () => {
  it('inserts with the note’s ending and reports the lines it wrote', () => {
    const e = new LineEditor('a\r\nb\r\nc\r\n');
    e.replace(1, 'B');
    e.insertAfter(1, ['x', 'y']);
    expect(e.text()).toBe('a\r\nB\r\nx\r\ny\r\nc\r\n');
    expect(e.changedLines()).toEqual([2, 3, 4]);
  });

  it('keeps a missing final newline missing when inserting after the last line', () => {
    const e = new LineEditor('a\nb');
    e.insertAfter(1, ['c']);
    expect(e.text()).toBe('a\nb\nc');
    expect(e.changedLines()).toEqual([3]);
  });

  it('inserts at the top and removes lines', () => {
    const e = new LineEditor('a\nb\nc');
    e.insertAfter(-1, ['top']);
    expect(e.text()).toBe('top\na\nb\nc');
    e.remove(3, 1);
    expect(e.text()).toBe('top\na\nb');
  });

  it('reports nothing when the text ends up unchanged', () => {
    const e = new LineEditor('a\nb\n');
    e.replace(0, 'a');
    expect(e.changedLines()).toEqual([]);
  });
});

describe('block ids', () => {
  it('are 6 lowercase letters and digits, start with a letter, and avoid every id in the note', () => {
    const taken = blockIdsIn('- [ ] a ^abc123\ntext ^Para-1\n');
    expect([...taken]).toEqual(['abc123', 'para-1']);
    const random = seeded(7);
    for (let i = 0; i < 200; i++) {
      const id = newBlockId(taken, random);
      expect(id).toMatch(/^[a-z][a-z0-9]{5}$/);
    }
    expect(taken.size).toBe(202);
  });

  it('terminates even with a broken random source', () => {
    const taken = new Set<string>();
    const ids = [newBlockId(taken, () => 0), newBlockId(taken, () => 0), newBlockId(taken, () => NaN)];
    expect(new Set(ids).size).toBe(3);
  });
});
