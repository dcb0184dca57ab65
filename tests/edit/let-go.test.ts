import { describe, expect, it } from 'vitest';
import { letGo } from '../../src/core/edit/let-go';
import { crlf, commitment, expectOnlyChanged, session, target } from './helpers';

const TODAY = '2026-12-01';
const note = session([
  '## Commitments',
  '- [ ] Redo the product photos [due:: 2026-11-28] ^sa2b3',
  '    - confidence: 4',
  '- [?] Build a pros and cons spreadsheet 📅 2026-11-25',
  '- [x] Already done ^done1',
]);

describe('let go', () => {
  it('marks [-], adds the let-go date, the reason and what was learned', () => {
    const r = letGo(note, target(note, 'Redo the product photos'), { today: TODAY, reason: 'not the bottleneck', learned: 'the photos are fine' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain(
      '- [-] Redo the product photos [due:: 2026-11-28] [cancelled:: 2026-12-01] ^sa2b3\n    - confidence: 4\n    - 2026-12-01 let go: not the bottleneck\n    - learned: the photos are fine\n',
    );
    expectOnlyChanged(note, r.text, r.changedLines, [8]);
    const c = commitment(r.text, 'Redo the product photos');
    expect([c.status, c.letGoDate, c.notes, c.learned.map((l) => l.text)]).toEqual([
      'let-go',
      TODAY,
      ['2026-12-01 let go: not the bottleneck'],
      ['the photos are fine'],
    ]);
  });

  it('writes ❌ on an emoji line, in CRLF', () => {
    const text = crlf(note);
    const r = letGo(text, target(text, 'Build a pros and cons spreadsheet'), { today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('- [-] Build a pros and cons spreadsheet 📅 2026-11-25 ❌ 2026-12-01\r\n- [x] Already done');
    expect(r.changedLines).toEqual([10]);
    expectOnlyChanged(text, r.text, r.changedLines, [10]);
  });

  it('refuses a commitment that is already done', () => {
    const r = letGo(note, target(note, 'Already done'), { today: TODAY });
    expect(!r.ok && r.reason).toMatch(/is already done/);
  });
});
