/** Values at the edges never make a date that is not a date (found by a hostile-vault probe). */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates';
import { scanFiles } from '../../src/core/scan';

const client = (cadence: string) => ['---', 'type: client', `cadence: ${cadence}`, '---', ''].join('\n');
const session = ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', '---', '## Commitments', '- [ ] Send it', '- [ ] Plan the year [due:: 9999-12-31]', ''].join('\n');

describe('dates at the edges', () => {
  it('a day after 9999-12-31 is 9999-12-31, a day before 0000-01-01 is 0000-01-01: never a five-digit or NaN year', () => {
    expect(addDays('9999-12-31', 1)).toBe('9999-12-31');
    expect(addDays('9999-12-01', 100_000)).toBe('9999-12-31');
    expect(addDays('0000-01-01', -1)).toBe('0000-01-01');
  });

  it.each(['1e9', '3000000', '999999999999999999999', '367'])('a cadence of %s is more than a year: a warning, the default cadence, and every due date a date', (cadence) => {
    const out = scanFiles({ 'Clients/Jane Doe.md': client(cadence), 'Sessions/2026-11-20 Jane Doe.md': session }, { asOf: '2026-12-01' });
    expect(out.clients[0].cadence).toBe(14);
    expect(out.diagnostics.map((d) => [d.path, d.severity])).toEqual([['Clients/Jane Doe.md', 'warning']]);
    expect(out.diagnostics[0].message).toMatch(/more than a year between sessions/);
    for (const c of out.commitments) expect(c.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.commitments.map((c) => [c.due, c.overdue])).toEqual([
      ['2026-12-02', false],
      ['9999-12-31', false],
    ]);
  });
});

describe('values shown in a message', () => {
  it('a YAML !!binary value is named as binary data, never as its bytes in JSON', async () => {
    const { valueText } = await import('../../src/core/plain-text');
    expect(valueText(new Uint8Array([104, 101, 108, 108, 111]))).toBe('binary data (5 bytes)');
    expect(valueText(['a', 2, null])).toBe('a, 2, ');
  });
});

describe('a Tasks date sign with no date after it', () => {
  it('is a warning on its line in our format, and a plain ✅ mark is not', async () => {
    const { parseNote } = await import('../../src/core/parse/note');
    const note = (line: string) => parseNote('Sessions/2026-11-20 Jane Doe.md', ['---', 'type: session', 'client: Jane Doe', 'date: 2026-11-20', '---', '## Commitments', line, ''].join('\n'));
    expect(note('- [ ] Draft plan 📅 tomorrow').diagnostics.map((d) => [d.line, d.message])).toEqual([[7, "'📅' has no date after it that Tasks or Follow Through can read; write it as 📅 2026-12-02 (YYYY-MM-DD), or remove it"]]);
    expect(note('- [x] Call Ana ✅').diagnostics).toEqual([]);
    expect(note('- [ ] Draft plan 📅 2026-12-02').diagnostics).toEqual([]);
  });
});
