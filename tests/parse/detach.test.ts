import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detach, ownString } from '../../src/core/parse/detach';
import { parseNote } from '../../src/core/parse/note';

/** How much the heap grew across `work`, each side measured after a full collection. */
function heapGrowth(work: () => void): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  work();
  gc();
  return process.memoryUsage().heapUsed - before;
}

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
    const kept: string[] = [];
    const texts = () => {
      // 200 notes of 100 kB each (20 MB), one 40-character string kept from each.
      for (let i = 0; i < 200; i++) {
        const text = `${i} `.repeat(2) + 'x'.repeat(100_000) + ' Send the portfolio to Ana by Friday ' + 'z'.repeat(50);
        const at = text.indexOf('Send');
        kept.push(ownString(text.slice(at, at + 40)));
      }
    };
    const grew = heapGrowth(texts);
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

  it('every string field a session and a commitment keep lets go of the text (measured on the heap)', () => {
    const kept: ReturnType<typeof parseNote>[] = [];
    const read = () => {
      // 100 notes of 200 kB, each holding every kind of string a record keeps: attendees, a
      // coach, a copied item, an if-then, a coping plan, a lesson, a plain note, a from-link,
      // a recurrence, the person an item names and a block id, each of 13 characters or more.
      for (let i = 0; i < 100; i++) {
        const text = [
          '---', 'type: session', 'client: ["[[Clients/Jane Doe Longname]]", "[[Samuel Okonkwo-Bright]]"]', `coach: Coach Margaret Whitfield ${i}`, `date: 2026-11-${String((i % 28) + 1).padStart(2, '0')}`, 'next: 2026-12-24', '---',
          `Prose ${i} ${'x'.repeat(200_000)}`,
          '## Commitments',
          `- [ ] Samuel Okonkwo-Bright: send the portfolio to Ana by Friday, note ${i} [from:: [[2026-11-01 Jane Doe Longname#^earlierblockid${i}]]] 🔁 every second week on Monday ^blockidentifier${i}`,
          '  - When the kids are in bed, I will open the laptop and write',
          '  - If the evening runs late, then I will do ten minutes at lunch',
          '  - 2026-11-30 done: sent it after the standup meeting',
          '  - Learned: mornings work better than evenings for this kind of task',
          '  - Dana said she is happy to review the portfolio draft',
        ].join('\n');
        kept.push(parseNote(`Sessions/2026/2026-11-${i} Jane Doe and a long name.md`, text));
      }
    };
    const grew = heapGrowth(read);
    const c = kept[99].commitments[0];
    const s = kept[99].sessions[0];
    expect(s.clientTarget).toBe('Clients/Jane Doe Longname');
    expect(s.attendees).toEqual(['Samuel Okonkwo-Bright']);
    expect(s.coach).toBe('Coach Margaret Whitfield 99');
    expect(c.person).toBe('Samuel Okonkwo-Bright');
    expect(c.id).toBe('blockidentifier99');
    expect(c.from).toContain('earlierblockid99');
    expect(c.recurrence).toBe('every second week on Monday');
    expect(c.trigger).toContain('kids are in bed');
    expect(c.coping?.obstacle).toContain('evening runs late');
    expect(c.coping?.response).toContain('ten minutes at lunch');
    expect(c.learned[0].text).toContain('mornings work better');
    expect(c.notes[0]).toContain('happy to review');
    expect(c.checkIns[0].note).toBe('sent it after the standup meeting');
    // Views would keep all 20 MB; own copies keep a few kilobytes a note.
    expect(grew).toBeLessThan(2_000_000);
    // The fields detachNote's typed walk knows: a field added to the records must be added
    // there (keepStrings) and here, or the index keeps every note's text alive through it.
    expect(Object.keys(s).sort()).toEqual(['attendees', 'clientRef', 'clientTarget', 'coach', 'commitmentsHeadingLine', 'copies', 'date', 'key', 'keyLines', 'line', 'next', 'path', 'status', 'weak']);
    expect(Object.keys(c).sort()).toEqual([
      'checkIns', 'checkbox', 'confidence', 'convention', 'coping', 'doneDate', 'due', 'endLine', 'from', 'hasCheckbox', 'id', 'kind', 'kindIsDefault',
      'learned', 'letGoDate', 'line', 'notes', 'owner', 'person', 'raw', 'recurrence', 'sessionIndex', 'status', 'tagged', 'text', 'trigger',
    ]);
  });

  it('a parsed note keeps none of its text, and its session is still its first session (measured on the heap)', () => {
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
    const grew = heapGrowth(read);
    expect(kept[99].commitments.map((c) => c.text)).toEqual(['Send the portfolio to Ana by Friday, note 99', 'Draft the agenda for the offsite, note 99']);
    expect(kept[99].commitments[0].checkIns[0].note).toBe('sent it after the standup meeting');
    expect(kept[99].session).toBe(kept[99].sessions[0]);
    expect(kept[99].session!.path).toBe('Sessions/2026/2026-11-99 Jane Doe and a long name.md');
    // Views would keep all 20 MB; own copies keep a few hundred short strings.
    expect(grew).toBeLessThan(2_000_000);
  });

  it('the memos of headings, names and frontmatter keys keep none of the texts they were asked from (measured on the heap)', () => {
    let sessions = 0;
    const read = () => {
      // 100 notes of 200 kB, each with headings and names of its own: what the parser remembers
      // across notes (a heading's compared form, a name's) must be its own copy.
      for (let i = 0; i < 100; i++) {
        const text = [
          '---', 'type: session', `client: "[[Jane Doe the ${i}th and a long name]]"`, `date: 2026-11-${String((i % 28) + 1).padStart(2, '0')}`, `template_field_number_${i}: x`, '---',
          `Prose ${i} ${'x'.repeat(200_000)}`,
          `## 3. Notes from session ${i} with Jane, the long one`,
          `### **Reflections of week ${i} on the plan:**`,
          '## Commitments',
          `- [ ] Send the portfolio, note ${i}`,
        ].join('\n');
        sessions += parseNote(`Sessions/2026-11-${i}.md`, text).sessions.length;
      }
    };
    const grew = heapGrowth(read);
    expect(sessions).toBe(100);
    expect(grew).toBeLessThan(2_000_000);
  });
});
