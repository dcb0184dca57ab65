import { describe, expect, it } from 'vitest';
import { capture, defaultDueDate } from '../../src/core/edit/capture';
import { crlf, commitment, commitments, expectOnlyChanged, PATH, seeded, session, target, targetOf } from './helpers';

const note = session([
  '## Summary',
  '- not a commitment, not under the heading',
  '',
  '## Commitments',
  '- Send 10 outreach messages',
  '    - When I sit down with my coffee on Monday, I’ll send the first message',
  '- [ ] Coach: send the worksheet',
  '* Land three new clients  ',
  '- [x] Booked the venue ^venue',
  '',
  '## Notes',
  'Anything else.',
]);

describe('defaultDueDate', () => {
  it('is the next session minus the lead, else the session date plus cadence minus the lead', () => {
    expect(defaultDueDate({ date: '2026-11-20', next: '2026-12-04' }, 14, 2)).toBe('2026-12-02');
    expect(defaultDueDate({ date: '2026-11-20', next: null }, 7, 2)).toBe('2026-11-25');
  });
});

describe('capture', () => {
  it('without items: gives every uncaptured commitment a checkbox, a block id and the default due date', () => {
    const r = capture(note, PATH, { random: seeded(1), defaultDue: '2026-12-02' });
    if (!r.ok) throw new Error(r.reason);
    const lines = r.text.split('\n');
    expect(lines[10]).toMatch(/^- \[ \] Send 10 outreach messages \[due:: 2026-12-02\] \^[a-z][a-z0-9]{5}$/);
    expect(lines[12]).toMatch(/^- \[ \] Coach: send the worksheet \[due:: 2026-12-02\] \^[a-z][a-z0-9]{5}$/);
    expect(lines[13]).toMatch(/^\* \[ \] Land three new clients \[due:: 2026-12-02\] \^[a-z][a-z0-9]{5}  $/);
    expect(lines[14]).toBe('- [x] Booked the venue ^venue');
    expect(r.changedLines).toEqual([11, 13, 14]);
    expectOnlyChanged(note, r.text, r.changedLines, [11, 13, 14]);
    const cs = commitments(r.text);
    expect(cs.map((c) => [c.hasCheckbox, c.due, c.owner])).toEqual([
      [true, '2026-12-02', 'client'],
      [true, '2026-12-02', 'coach'],
      [true, '2026-12-02', 'client'],
      [true, null, 'client'],
    ]);
    expect(new Set(cs.map((c) => c.id)).size).toBe(4);
  });

  it('is idempotent', () => {
    const once = capture(note, PATH, { random: seeded(1), defaultDue: '2026-12-02' });
    if (!once.ok) throw new Error(once.reason);
    const twice = capture(once.text, PATH, { random: seeded(2), defaultDue: '2026-12-02' });
    expect(twice).toMatchObject({ ok: true, text: once.text, changedLines: [] });
  });

  it('with items: writes the confirmed fields, and the same items again change nothing', () => {
    const items = [
      {
        target: target(note, 'Send 10 outreach messages'),
        fields: {
          due: '2026-11-30',
          coping: { obstacle: 'Monday gets swallowed by meetings', response: 'first thing Tuesday' },
          confidence: 7,
          kind: 'process' as const,
        },
      },
      { target: target(note, 'Land three new clients'), fields: { owner: '[[Alex Moreau]]', trigger: 'after the [weekly] review' } },
    ];
    const r = capture(note, PATH, { items, random: seeded(3), defaultDue: '2026-12-02' });
    if (!r.ok) throw new Error(r.reason);
    const a = commitment(r.text, 'Send 10 outreach messages');
    expect([a.due, a.coping, a.confidence, a.kind, a.kindIsDefault, a.trigger]).toEqual([
      '2026-11-30',
      { obstacle: 'Monday gets swallowed by meetings', response: 'first thing Tuesday' },
      7,
      'process',
      false,
      'I sit down with my coffee on Monday',
    ]);
    const b = commitment(r.text, 'Land three new clients');
    expect([b.owner, b.trigger, b.due]).toEqual(['Alex Moreau', 'after the (weekly) review', '2026-12-02']);
    expect(commitment(r.text, 'send the worksheet').hasCheckbox).toBe(true); // not named: left alone
    expect(commitment(r.text, 'send the worksheet').id).toBeNull();
    expectOnlyChanged(note, r.text, r.changedLines, [11, 14]);

    const again = capture(r.text, PATH, { items, random: seeded(4), defaultDue: '2026-12-02' });
    expect(again).toMatchObject({ ok: true, text: r.text, changedLines: [] });
  });

  it('keeps CRLF and a missing final newline', () => {
    const text = crlf(note).replace(/\r\n$/, '');
    const r = capture(text, PATH, { random: seeded(5), defaultDue: '2026-12-02' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.endsWith('Anything else.')).toBe(true);
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
    expectOnlyChanged(text, r.text, r.changedLines, [11, 13, 14]);
  });

  it('writes a due date in emoji on a line that already uses emoji', () => {
    const text = session(['## Commitments', '- [ ] Call the bank ⏳ 2026-11-22 📅 2026-11-25', '- Email Sam']);
    const r = capture(text, PATH, { items: [{ target: target(text, 'Call the bank'), fields: { due: '2026-11-29' } }], random: seeded(6) });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toMatch(/- \[ \] Call the bank ⏳ 2026-11-22 📅 2026-11-29 \^[a-z0-9]{6}\n/);
  });

  it('never reuses a block id from the note or the vault', () => {
    const text = session(['## Commitments', '- A', '- B', 'para ^abcdef']);
    const ids = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const r = capture(text, PATH, { random: () => 0, reservedIds: ['zzzzzz'] });
      if (!r.ok) throw new Error(r.reason);
      for (const c of commitments(r.text)) ids.add(c.id!);
      expect(commitments(r.text).map((c) => c.id)).not.toContain('abcdef');
    }
    expect(ids.size).toBe(2);
  });

  it('refuses bad confirmations and items that cannot be found', () => {
    const t = target(note, 'Send 10 outreach messages');
    expect(capture(note, PATH, { items: [{ target: t, fields: { confidence: 11 } }], random: seeded() }).ok).toBe(false);
    expect(capture(note, PATH, { items: [{ target: t, fields: { due: 'next week' } }], random: seeded() }).ok).toBe(false);
    expect(capture(note, PATH, { items: [{ target: t }, { target: t }], random: seeded() }).ok).toBe(false);
    const gone = note.replace('- Send 10 outreach messages', '- Send 12 outreach messages');
    const r = capture(gone, PATH, { items: [{ target: t }], random: seeded() });
    expect(!r.ok && r.reason).toMatch(/line 11 no longer reads "- Send 10 outreach messages"/);
  });

  it('finds an uncaptured line that moved, by its text when that is unique', () => {
    const t = target(note, 'Send 10 outreach messages');
    const moved = note.replace('## Commitments\n', '## Commitments\n- [ ] Something new\n');
    const r = capture(moved, PATH, { items: [{ target: t }], random: seeded() });
    if (!r.ok) throw new Error(r.reason);
    expect(commitment(r.text, 'Send 10 outreach messages').hasCheckbox).toBe(true);
  });
});

describe('capture with edited text', () => {
  it('rewrites the text in place, keeping the fields around it, and reads back', () => {
    const n = session(['## Commitments', '- Send 10 outreach messages [confidence:: 6]']);
    const c = commitment(n, 'Send 10 outreach messages');
    const r = capture(n, PATH, { random: seeded(3), items: [{ target: targetOf(c), fields: { text: 'Send 12 outreach messages  by Friday' } }] });
    if (!r.ok) throw new Error(r.reason);
    const after = commitment(r.text, 'Send 12 outreach messages by Friday');
    expect(after.confidence).toBe(6);
    expect(after.hasCheckbox).toBe(true);
    expectOnlyChanged(n, r.text, r.changedLines, [c.line]);
  });

  it('refuses an empty text', () => {
    const n = session(['## Commitments', '- Send 10 outreach messages']);
    const r = capture(n, PATH, { random: seeded(3), items: [{ target: target(n, 'Send 10 outreach messages'), fields: { text: '   ' } }] });
    expect(r.ok).toBe(false);
  });
});
