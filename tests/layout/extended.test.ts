import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, isExtendedLayout, resolveLayout, type NoteLayout } from '../../src/core/layout/layout';

describe('isExtendedLayout (whether a layout reads beyond our own format)', () => {
  it('is false for the default layout and for a copy of it, true once any one setting differs', () => {
    expect(isExtendedLayout(DEFAULT_LAYOUT)).toBe(false);
    expect(isExtendedLayout({ ...DEFAULT_LAYOUT })).toBe(false);
    expect(isExtendedLayout(resolveLayout({}))).toBe(false);
    for (const [key, value] of Object.entries(DEFAULT_LAYOUT)) {
      const changed =
        typeof value === 'boolean' ? !value : Array.isArray(value) ? [...(value as string[]), 'Meetings/**'] : typeof value === 'string' ? `${value}x` : null;
      if (changed === null) continue;
      expect(isExtendedLayout({ ...DEFAULT_LAYOUT, [key]: changed } as NoteLayout), key).toBe(true);
    }
    // A list of the same length with another text in it differs too.
    expect(isExtendedLayout({ ...DEFAULT_LAYOUT, typeKeys: ['category'] })).toBe(true);
  });

  it('says what comparing the two layouts as JSON says, for layouts a setting or two away from the default', () => {
    const keys = Object.keys(DEFAULT_LAYOUT) as (keyof NoteLayout)[];
    const edit = fc.record({
      key: fc.constantFrom(...keys),
      list: fc.array(fc.constantFrom('type', 'category', 'Sessions/**', 'meeting', ''), { maxLength: 3 }),
      flag: fc.boolean(),
      text: fc.constantFrom('', 'Daily', 'mdy', 'dmy'),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 2 }), (edits) => {
        const l: Record<string, unknown> = { ...DEFAULT_LAYOUT };
        for (const e of edits) {
          const v = DEFAULT_LAYOUT[e.key];
          l[e.key] = Array.isArray(v) ? e.list : typeof v === 'boolean' ? e.flag : e.text;
        }
        expect(isExtendedLayout(l as unknown as NoteLayout)).toBe(JSON.stringify(l) !== JSON.stringify(DEFAULT_LAYOUT));
      }),
      { numRuns: 2000 },
    );
  });
});
