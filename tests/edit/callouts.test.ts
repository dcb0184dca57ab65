/** Write-back keeps a callout's `> ` (docs/note-format.md, "Vaults in other layouts": callouts). */
import { describe, expect, it } from 'vitest';
import { checkIn } from '../../src/core/edit/check-in';
import { letGo } from '../../src/core/edit/let-go';
import { resolveLayout } from '../../src/core/layout/layout';
import { parseNote } from '../../src/core/parse/note';
import { resolveCoreSettings } from '../../src/core/settings';

const settings = resolveCoreSettings({ layout: resolveLayout({ flexibleItems: true }) });
const NOTE = ['---', 'type: session', 'client: "[[Ben Carter]]"', 'date: 2026-11-20', '---', '> [!todo] Next steps', '> - [ ] Call the bank', '> - [ ] Pay the rent', '', 'After.'].join('\n');

function target(text: string, raw: string) {
  const note = parseNote('s.md', text, settings);
  const c = note.commitments.find((x) => x.raw === raw)!;
  return { path: 's.md', line: c.line, expectedText: c.raw, id: c.id };
}

describe('items inside a callout', () => {
  it('a check-in ticks the line and writes its note inside the callout', () => {
    const r = checkIn(NOTE, target(NOTE, '> - [ ] Call the bank'), { status: 'done', note: 'called Tuesday', today: '2026-11-25', settings });
    if (!r.ok) throw new Error(r.reason);
    const lines = r.text.split('\n');
    expect(lines[6]).toBe('> - [x] Call the bank [completion:: 2026-11-25]');
    expect(lines[7]).toMatch(/^> {3,}- 2026-11-25 done: called Tuesday$/);
    expect(lines.slice(8)).toEqual(['> - [ ] Pay the rent', '', 'After.']);
    const again = parseNote('s.md', r.text, settings);
    expect(again.commitments.map((c) => [c.text, c.status])).toEqual([
      ['Call the bank', 'done'],
      ['Pay the rent', 'open'],
    ]);
  });

  it('let go keeps the > too', () => {
    const r = letGo(NOTE, target(NOTE, '> - [ ] Pay the rent'), { reason: 'moved to autopay', today: '2026-11-25', settings });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.split('\n')[7]).toMatch(/^> - \[-\] Pay the rent/);
    expect(r.text.split('\n')[8]).toMatch(/^> {3,}- 2026-11-25 let go: moved to autopay$/);
  });
});
