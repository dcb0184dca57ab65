import { describe, expect, it } from 'vitest';
import { closesFence, Fences } from '../../src/core/syntax/fences';

describe('fenced code blocks, one rule for every reader', () => {
  it('closes a block only at the same character, at least as many, and nothing else on the line', () => {
    expect(closesFence('```', '```')).toBe(true);
    expect(closesFence('  ````  ', '```')).toBe(true);
    expect(closesFence('``', '```')).toBe(false);
    expect(closesFence('~~~', '```')).toBe(false);
    expect(closesFence('```js', '```')).toBe(false);
  });

  it('marks the fence lines and everything between them as code', () => {
    const lines = ['- [ ] before', '```dataview', 'LIST FROM #meeting', '```js', '~~~', '```', '- [ ] after'];
    const code = new Fences();
    expect(lines.map((l) => code.isCode(l))).toEqual([false, true, true, true, true, true, false]);
  });
});
