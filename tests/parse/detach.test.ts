import { describe, expect, it } from 'vitest';
import { detach, ownString } from '../../src/core/parse/detach';
import { parseNote } from '../../src/core/parse/note';

describe('detach: the records keep no view into the note text', () => {
  it('copies every string of plain records and arrays, and leaves the values equal', () => {
    const text = 'x'.repeat(40) + ' the commitment text that is long enough ' + 'y'.repeat(40);
    const cut = text.slice(40, 80);
    const record = { a: cut, list: [cut, 'short', { deep: cut }], n: 3, none: null, date: new Date(0) };
    const before = JSON.stringify(record);
    expect(detach(record)).toBe(record);
    expect(JSON.stringify(record)).toBe(before);
    expect(record.date).toBeInstanceOf(Date);
  });

  it('ownString returns the same characters, for short, long and non-Latin text', () => {
    for (const s of ['', 'abc', 'a'.repeat(12), 'a'.repeat(13), 'Send the portfolio 📅 2026-12-02 — Zoë']) expect(ownString(s)).toBe(s);
  });

  it('a parsed note is the same before and after detaching (parseNote detaches)', () => {
    const note = ['---', 'type: session', 'client: Jane Doe', 'date: 2026-11-24', '---', '## Commitments', '- [ ] Send the deck to Ana [due:: 2026-11-30] ^a1b2c', '  - Trigger: after standup'].join('\n');
    const parsed = parseNote('Sessions/2026-11-24 Jane Doe.md', note);
    expect(parsed.commitments[0].text).toBe('Send the deck to Ana');
    expect(parsed.commitments[0].raw).toBe('- [ ] Send the deck to Ana [due:: 2026-11-30] ^a1b2c');
    expect(parsed.commitments[0].trigger).toBe('after standup');
    expect(JSON.stringify(detach(structuredClone(parsed)))).toBe(JSON.stringify(parsed));
  });
});
