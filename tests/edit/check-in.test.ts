import { describe, expect, it } from 'vitest';
import { checkIn } from '../../src/core/edit/check-in';
import { crlf, commitment, expectOnlyChanged, session, target } from './helpers';

const TODAY = '2026-11-28';

const note = session([
  '## Summary',
  'Talked about mornings.   ',
  '',
  '## Commitments',
  '- [ ] Send 10 outreach messages [due:: 2026-12-02] ^c7f3a',
  '    - When I sit down with my coffee on Monday, I’ll send the first message',
  '    - confidence: 7',
  '- [ ] Call the bank 📅 2026-11-30',
  '- [/] Draft the scorecard ^sc0re',
  '',
  '## Notes',
  'Café ☕ — ünïcödé stays.',
]);

describe('check-in', () => {
  it('adds a dated line after the last detail, indented like the others', () => {
    const t = target(note, 'Send 10 outreach messages');
    const r = checkIn(note, t, { status: 'stuck', today: TODAY, note: 'meetings ate Monday' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain('    - confidence: 7\n    - 2026-11-28 stuck: meetings ate Monday\n- [ ] Call the bank');
    expect(r.changedLines).toEqual([14]);
    expectOnlyChanged(note, r.text, r.changedLines, []);
    const c = commitment(r.text, 'Send 10 outreach messages');
    expect(c.status).toBe('stuck');
    expect(c.checkIns).toEqual([{ date: TODAY, status: 'stuck', note: 'meetings ate Monday', line: 14 }]);
  });

  it('done ticks the box and writes the done date as an inline field on a dataview line', () => {
    const t = target(note, 'Send 10 outreach messages');
    const r = checkIn(note, t, { status: 'done', today: TODAY, note: 'all ten', learned: 'mornings work' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('- [x] Send 10 outreach messages [due:: 2026-12-02] [completion:: 2026-11-28] ^c7f3a\n');
    expect(r.text).toContain('    - 2026-11-28 done: all ten\n    - learned: mornings work\n');
    expectOnlyChanged(note, r.text, r.changedLines, [11]);
    const c = commitment(r.text, 'Send 10 outreach messages');
    expect([c.status, c.doneDate, c.id, c.learned.map((l) => [l.date, l.text])]).toEqual(['done', TODAY, 'c7f3a', [[TODAY, 'mornings work']]]);
  });

  it('done writes ✅ on a line that uses Tasks emoji', () => {
    const t = target(note, 'Call the bank');
    const r = checkIn(note, t, { status: 'done', today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('- [x] Call the bank 📅 2026-11-30 ✅ 2026-11-28\n    - 2026-11-28 done\n');
    const c = commitment(r.text, 'Call the bank');
    expect([c.status, c.doneDate, c.convention]).toEqual(['done', TODAY, 'emoji']);
    expectOnlyChanged(note, r.text, r.changedLines, [14]);
  });

  it('a check-in that changes a partial box moves the box with it', () => {
    const t = target(note, 'Draft the scorecard');
    const r = checkIn(note, t, { status: 'stuck', today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('- [?] Draft the scorecard ^sc0re\n    - 2026-11-28 stuck\n');
    expect(commitment(r.text, 'Draft the scorecard').status).toBe('stuck');
  });

  it('nudged leaves the status alone', () => {
    const t = target(note, 'Draft the scorecard');
    const r = checkIn(note, t, { status: 'nudged', today: TODAY, note: 'sent a text' });
    if (!r.ok) throw new Error(r.reason);
    expect(commitment(r.text, 'Draft the scorecard').status).toBe('partial');
  });

  it('keeps CRLF line endings, including on inserted lines', () => {
    const text = crlf(note);
    const t = target(text, 'Send 10 outreach messages');
    const r = checkIn(text, t, { status: 'partial', today: TODAY, note: 'five sent', learned: 'batching helps' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(r.text).toContain('    - 2026-11-28 partial: five sent\r\n    - learned: batching helps\r\n');
    expectOnlyChanged(text, r.text, r.changedLines, []);
  });

  it('keeps a missing final newline and trailing spaces', () => {
    const text = session(['## Commitments', '- [ ] Send the invoice   ']).replace(/\n$/, '');
    const t = target(text, 'Send the invoice');
    const r = checkIn(text, t, { status: 'done', today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.endsWith('  - 2026-11-28 done')).toBe(true);
    expect(r.text).toContain('- [x] Send the invoice [completion:: 2026-11-28]   \n');
    expectOnlyChanged(text, r.text, r.changedLines, [8]);
  });

  it('indents with a tab in a note that indents with tabs', () => {
    const text = session(['## Commitments', '- [ ] Walk at lunch', '- [ ] Stretch', '\t- confidence: 6']);
    const r = checkIn(text, target(text, 'Walk at lunch'), { status: 'skipped', today: TODAY, note: 'rain' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('- [ ] Walk at lunch\n\t- 2026-11-28 skipped: rain\n- [ ] Stretch');
    expect(commitment(r.text, 'Walk at lunch').status).toBe('skipped');
  });

  it('indents by two spaces when nothing in the note says otherwise, and clears an ordered marker', () => {
    const text = session(['## Commitments', '- [ ] Walk at lunch', '10. [ ] Stretch']);
    const a = checkIn(text, target(text, 'Walk at lunch'), { status: 'done', today: TODAY });
    expect(a.ok && a.text).toContain('- [x] Walk at lunch [completion:: 2026-11-28]\n  - 2026-11-28 done\n');
    const b = checkIn(text, target(text, 'Stretch'), { status: 'done', today: TODAY });
    expect(b.ok && b.text).toContain('10. [x] Stretch [completion:: 2026-11-28]\n    - 2026-11-28 done\n');
  });

  it('goes after nested children and a fenced block inside the details', () => {
    const text = session(['## Commitments', '- [ ] Practise the pitch', '  - notes', '    - deeper', '  ```', '  code', '  ```', '', 'After.']);
    const r = checkIn(text, target(text, 'Practise the pitch'), { status: 'partial', today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('  ```\n  - 2026-11-28 partial\n\nAfter.');
  });

  it('still works when the line moved, found by block id', () => {
    const t = target(note, 'Send 10 outreach messages');
    const moved = note.replace('## Commitments\n', '## Commitments\n- [ ] Something added later\n');
    const r = checkIn(moved, t, { status: 'done', today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(commitment(r.text, 'Send 10 outreach messages').status).toBe('done');
    expectOnlyChanged(moved, r.text, r.changedLines, [12]);
  });

  it('refuses a closed commitment, and a bad date', () => {
    const done = note.replace('- [ ] Call the bank', '- [x] Call the bank');
    const r = checkIn(done, target(done, 'Call the bank'), { status: 'done', today: TODAY });
    expect(!r.ok && r.reason).toMatch(/"Call the bank" is already done/);
    const bad = checkIn(note, target(note, 'Call the bank'), { status: 'done', today: '2026-13-01' });
    expect(bad.ok).toBe(false);
  });

  it('flattens a multi-line note and learned text to one line', () => {
    const r = checkIn(note, target(note, 'Call the bank'), { status: 'stuck', today: TODAY, note: 'on hold\nfor an hour', learned: '  call early  ' });
    if (!r.ok) throw new Error(r.reason);
    const c = commitment(r.text, 'Call the bank');
    expect(c.checkIns[0].note).toBe('on hold for an hour');
    expect(c.learned[0].text).toBe('call early');
  });
});
