import * as v8 from 'node:v8';
import * as vm from 'node:vm';
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
    for (const s of ['', 'abc', 'a'.repeat(12), 'a'.repeat(13), 'Send the portfolio 📅 2026-12-02 — Zoë', '100% done, %E0%A4%A a half escape', 'lone \ud800 surrogate here']) expect(ownString(s)).toBe(s);
  });

  it('lets go of the text the strings were cut from (measured on the heap)', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const kept: string[] = [];
    const texts = () => {
      // 200 notes of 100 kB each (20 MB), one 40-character string kept from each.
      for (let i = 0; i < 200; i++) {
        const text = `${i} `.repeat(2) + 'x'.repeat(100_000) + ' Send the portfolio to Ana by Friday ' + 'z'.repeat(50);
        const at = text.indexOf('Send');
        kept.push(ownString(text.slice(at, at + 40)));
      }
    };
    gc();
    const before = process.memoryUsage().heapUsed;
    texts();
    gc();
    const grew = process.memoryUsage().heapUsed - before;
    expect(kept[199]).toBe('Send the portfolio to Ana by Friday zzzz');
    // Views would keep all 20 MB; own copies keep 200 short strings.
    expect(grew).toBeLessThan(2_000_000);
  });

  it('a parsed note is the same before and after detaching (parseNote detaches)', () => {
    const note = ['---', 'type: session', 'client: Jane Doe', 'date: 2026-11-24', '---', '## Commitments', '- [ ] Send the deck to Ana [due:: 2026-11-30] ^a1b2c', '  - Trigger: after standup'].join('\n');
    const parsed = parseNote('Sessions/2026-11-24 Jane Doe.md', note);
    expect(parsed.commitments[0].text).toBe('Send the deck to Ana');
    expect(parsed.commitments[0].raw).toBe('- [ ] Send the deck to Ana [due:: 2026-11-30] ^a1b2c');
    expect(parsed.commitments[0].trigger).toBe('after standup');
    expect(JSON.stringify(detach(structuredClone(parsed)))).toBe(JSON.stringify(parsed));
  });

  it('a parsed note keeps none of its text, and its session is still its first session (measured on the heap)', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const kept: ReturnType<typeof parseNote>[] = [];
    const read = () => {
      // 100 session notes of 200 kB each (20 MB of text), each with two commitments and a plan.
      for (let i = 0; i < 100; i++) {
        const text = [
          '---', 'type: session', 'client: "[[Jane Doe]]"', `date: 2026-11-${String((i % 28) + 1).padStart(2, '0')}`, '---',
          `Prose ${i} ${'x'.repeat(200_000)}`,
          '## Commitments',
          `- [ ] Send the portfolio to Ana by Friday, note ${i} [due:: 2026-12-02] ^id${i}`,
          '  - When the kids are in bed, I will open the laptop',
          '  - 2026-11-30 done: sent it after the standup meeting',
          `- [x] Draft the agenda for the offsite, note ${i} 📅 2026-12-03 ✅ 2026-12-01`,
        ].join('\n');
        kept.push(parseNote(`Sessions/2026/2026-11-${i} Jane Doe and a long name.md`, text));
      }
    };
    gc();
    const before = process.memoryUsage().heapUsed;
    read();
    gc();
    const grew = process.memoryUsage().heapUsed - before;
    expect(kept[99].commitments.map((c) => c.text)).toEqual(['Send the portfolio to Ana by Friday, note 99', 'Draft the agenda for the offsite, note 99']);
    expect(kept[99].commitments[0].checkIns[0].note).toBe('sent it after the standup meeting');
    expect(kept[99].session).toBe(kept[99].sessions[0]);
    expect(kept[99].session!.path).toBe('Sessions/2026/2026-11-99 Jane Doe and a long name.md');
    // Views would keep all 20 MB; own copies keep a few hundred short strings.
    expect(grew).toBeLessThan(2_000_000);
  });
});
