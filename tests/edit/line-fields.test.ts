/**
 * One commitment line's surgery: block ids kept and spaced (issue 11 item 4), `[x]Sent` read as
 * Tasks reads it (item 12), U+2028 / U+2029 / lone CR as ordinary characters (item 13), and on
 * emoji lines the Tasks fields last, with stale done and let-go dates removed (issue 16 §2).
 */
import { describe, expect, it } from 'vitest';
import { capture } from '../../src/core/edit/capture';
import { recommit } from '../../src/core/edit/carry';
import { othersUnchanged } from '../../src/core/edit/children';
import { checkIn } from '../../src/core/edit/check-in';
import { letGo } from '../../src/core/edit/let-go';
import { hasField, joinItem, setBox, setField, splitItem, trailingIdStart, writeItem } from '../../src/core/edit/line-fields';
import { LineEditor } from '../../src/core/edit/text';
import { finishCommitmentEdit } from '../../src/core/edit/verify';
import { matchListItem, splitLines } from '../../src/core/parse/lines';
import { parseNote } from '../../src/core/parse/note';
import { DEFAULT_CORE_SETTINGS } from '../../src/core/settings';
import { commitments, PATH, seeded, session, target } from './helpers';

const TODAY = '2026-12-01';
const NEXT = 'Sessions/2026-12-04 Jane Doe.md';
const next = '---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-12-04\n---\n## Commitments\n';

/** The note's line `n` (1-based). */
const line = (text: string, n: number) => text.split('\n')[n - 1];
const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error((r as unknown as { reason: string }).reason);
  return r as Extract<T, { ok: true }>;
};

describe('a commitment with no text keeps its block id (item 4)', () => {
  const note = session(['## Commitments', '- ^abc12', '- [ ] Other ^oth1']);

  it('checked done, the fields come before the id with a space between', () => {
    const r = ok(checkIn(note, { path: PATH, line: 8, expectedText: '- ^abc12', id: 'abc12' }, { status: 'done', today: TODAY }));
    expect(line(r.text, 8)).toBe('- [x] [completion:: 2026-12-01] ^abc12');
    expect(commitments(r.text)[0]).toMatchObject({ id: 'abc12', status: 'done', doneDate: TODAY });
  });

  it('let go, likewise', () => {
    const r = ok(letGo(note, { path: PATH, line: 8, expectedText: '- ^abc12', id: 'abc12' }, { today: TODAY }));
    expect(line(r.text, 8)).toBe('- [-] [cancelled:: 2026-12-01] ^abc12');
  });

  it('joinItem always puts a space between the fields and an id that had none before it', () => {
    const p = splitItem('- ^abc12')!;
    expect(p).toMatchObject({ main: '', idPart: '^abc12', id: 'abc12' });
    expect(joinItem(p)).toBe('- ^abc12');
    setField(p, 'due', '2026-12-02', 'emoji');
    expect(joinItem(p)).toBe('- 📅 2026-12-02 ^abc12');
  });

  it('the edit check refuses when the edited line would lose or change its block id', () => {
    const before = parseNote(PATH, note);
    const editor = new LineEditor(note);
    editor.replace(7, '- [x] ^abc13');
    const r = finishCommitmentEdit(editor, before, DEFAULT_CORE_SETTINGS, 8, 8, () => null, 'x');
    expect(!r.ok && r.reason).toBe(`${PATH} line 8: block id would read back as "abc13", not "abc12"; nothing was changed.`);
  });

  it('and when any other commitment would change its block id', () => {
    const before = parseNote(PATH, note);
    const after = parseNote(PATH, note.replace('^oth1', '^oth2'));
    expect(othersUnchanged(before, after, [8], [8])).toMatch(/other commitments/);
    expect(othersUnchanged(before, parseNote(PATH, note), [8], [8])).toBeNull();
  });
});

describe('a box without a space after it is a box, as in Tasks (item 12)', () => {
  it('reads `- [x]Sent the invoice` as a done box with text', () => {
    expect(matchListItem('- [x]Sent the invoice')).toMatchObject({ box: 'x', content: 'Sent the invoice' });
    expect(matchListItem('- [ ]')).toMatchObject({ box: ' ', content: '' });
    expect(matchListItem('- [[Dana]] call')).toMatchObject({ box: null, content: '[[Dana]] call' });
    expect(splitItem('- [x]Sent the invoice')).toMatchObject({ box: 'x', boxGap: '', main: 'Sent the invoice' });
    const c = commitments(session(['## Commitments', '- [x]Sent the invoice']))[0];
    expect([c.text, c.status]).toEqual(['Sent the invoice', 'done']);
  });

  it('capture gives it an id and a space after the box, never `- [ ] [x]Sent…`', () => {
    const note = session(['## Commitments', '- [x]Sent the invoice']);
    const r = ok(capture(note, PATH, { random: seeded(1), defaultDue: '2026-12-02' }));
    expect(line(r.text, 8)).toMatch(/^- \[x\] Sent the invoice \^[a-z][a-z0-9]{5}$/);
  });
});

describe('U+2028, U+2029 and a lone CR are ordinary characters inside a line (item 13)', () => {
  for (const [name, ch] of [
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
    ['a lone CR', '\r'],
  ] as const) {
    it(`${name}: one line, a list item with its id, and edits go through`, () => {
      const raw = `- [ ] Send${ch}the report [due:: 2026-12-04] ^abc12`;
      const note = session(['## Commitments', raw, '- [ ] Other']);
      expect(splitLines(note).lines).toHaveLength(session(['## Commitments', 'x', '- [ ] Other']).split('\n').length);
      expect(matchListItem(raw)).toMatchObject({ box: ' ', content: `Send${ch}the report [due:: 2026-12-04] ^abc12` });
      expect(splitItem(raw)).toMatchObject({ box: ' ', main: `Send${ch}the report [due:: 2026-12-04]`, id: 'abc12' });
      const c = commitments(note)[0];
      expect([c.id, c.due]).toEqual(['abc12', '2026-12-04']);
      const r = ok(checkIn(note, { path: PATH, line: 8, expectedText: raw, id: 'abc12' }, { status: 'done', today: TODAY }));
      expect(line(r.text, 8)).toBe(`- [x] Send${ch}the report [due:: 2026-12-04] [completion:: 2026-12-01] ^abc12`);
    });
  }
});

describe('emoji lines keep the Tasks fields last (issue 16 §2)', () => {
  it('capture writes inline fields before the Tasks emoji', () => {
    const note = session(['## Commitments', '- [ ] Draft the scorecard 📅 2026-11-26 ^a7kh0t']);
    const r = ok(capture(note, PATH, { items: [{ target: target(note, 'Draft the scorecard'), fields: { trigger: 'after standup', confidence: 6 } }], random: seeded(1) }));
    expect(line(r.text, 8)).toBe('- [ ] Draft the scorecard [trigger:: after standup] [confidence:: 6] 📅 2026-11-26 ^a7kh0t');
  });

  it('recommit writes `[from:: …]` before the due date on an emoji line', () => {
    const note = session(['## Commitments', '- [ ] Draft the scorecard 📅 2026-11-26 ^x9k2a']);
    const r = ok(recommit(note, target(note, 'Draft the scorecard'), { path: NEXT, text: next, isNew: false, defaultDue: '2026-12-16' }, { today: TODAY, random: seeded(2) }));
    expect(r.changes[0].after).toMatch(/\n- \[ \] Draft the scorecard \[from:: x9k2a\] 📅 2026-12-16 \^[a-z][a-z0-9]{5}\n$/);
  });

  it('a line in the old order is put in Tasks order when an edit writes it; both orders read the same', () => {
    const old = session(['## Commitments', '- [ ] Draft 📅 2026-11-26 [from:: x9k2a] ^d1']);
    const now = session(['## Commitments', '- [ ] Draft [from:: x9k2a] 📅 2026-11-26 ^d1']);
    const read = (t: string) => commitments(t).map((c) => [c.text, c.due, c.from, c.id]);
    expect(read(old)).toEqual(read(now));
    const r = ok(checkIn(old, { path: PATH, line: 8, expectedText: '- [ ] Draft 📅 2026-11-26 [from:: x9k2a] ^d1', id: 'd1' }, { status: 'done', today: TODAY }));
    expect(line(r.text, 8)).toBe('- [x] Draft [from:: x9k2a] 📅 2026-11-26 ✅ 2026-12-01 ^d1');
    const p = splitItem('- [ ] Draft 📅 2026-11-26 [from:: x9k2a]')!;
    expect([hasField(p, 'due'), hasField(p, 'from')]).toEqual([true, true]);
  });

  it('text between emoji fields is left where it is (only the all-fields end of a line is reordered)', () => {
    const p = splitItem('- [ ] Call 📅 2026-11-26 mom ^c1')!;
    setField(p, 'trigger', 'after lunch', 'emoji');
    expect(joinItem(p)).toBe('- [ ] Call 📅 2026-11-26 mom [trigger:: after lunch] ^c1');
  });

  it("dataview lines keep the date fields last too (Tasks' Dataview format reads them from the end)", () => {
    const p = splitItem('- [ ] Draft [due:: 2026-11-26]')!;
    setField(p, 'trigger', 'after lunch', 'dataview');
    expect(joinItem(p)).toBe('- [ ] Draft [trigger:: after lunch] [due:: 2026-11-26]');
  });
});

describe('an edit that writes an open box removes stale done and let-go dates (issue 16 §2)', () => {
  it('a check-in that leaves the box open drops a ✅ date left by un-ticking in Tasks', () => {
    const raw = '- [ ] Draft 📅 2026-11-26 ✅ 2026-11-20 ^d1';
    const note = session(['## Commitments', raw]);
    const r = ok(checkIn(note, { path: PATH, line: 8, expectedText: raw, id: 'd1' }, { status: 'partial', today: TODAY }));
    expect(line(r.text, 8)).toBe('- [ ] Draft 📅 2026-11-26 ^d1');
    expect(commitments(r.text)[0]).toMatchObject({ status: 'partial', doneDate: null });
  });

  it('capture drops `[completion:: …]` and `[cancelled:: …]` from an open line', () => {
    const raw = '- [ ] Draft [due:: 2026-11-26] [completion:: 2026-11-20] [cancelled:: 2026-11-21]';
    const note = session(['## Commitments', raw]);
    const r = ok(capture(note, PATH, { random: seeded(4) }));
    expect(line(r.text, 8)).toMatch(/^- \[ \] Draft \[due:: 2026-11-26\] \^[a-z][a-z0-9]{5}$/);
  });

  it('a done box drops a let-go date, a let-go box a done date; [>] keeps what it has', () => {
    const p = (l: string, box: string) => {
      const parts = splitItem(l)!;
      setBox(parts, box);
      return writeItem(parts);
    };
    expect(p('- [ ] A ❌ 2026-11-20 ^a', 'x')).toBe('- [x] A ^a');
    expect(p('- [ ] A [completion:: 2026-11-20] ^a', '-')).toBe('- [-] A ^a');
    expect(p('- [ ] A ✅ 2026-11-20 ^a', '>')).toBe('- [>] A ✅ 2026-11-20 ^a');
  });
});

describe('trailingIdStart', () => {
  it('finds an id at the start or after whitespace only', () => {
    expect(trailingIdStart('^abc')).toBe(0);
    expect(trailingIdStart('text \t^abc-1')).toBe(4);
    expect(trailingIdStart('text^abc')).toBe(-1);
    expect(trailingIdStart('text ^ab c')).toBe(-1);
    expect(trailingIdStart('text ^')).toBe(-1);
  });
});

describe('an inline field shown as code is text, for the reader and the writer alike', () => {
  it('`[due:: …]` in backticks is no due date, stays in the text, and an edit setting the due date leaves it and adds the real one', () => {
    const line = '- [ ] Explain the `[due:: 2026-12-01]` syntax to Ana';
    const note = ['---', 'type: session', 'client: Ana Ruiz', 'date: 2026-11-24', '---', '## Commitments', line, ''].join('\n');
    const c = parseNote('Sessions/2026-11-24 Ana Ruiz.md', note).commitments[0];
    expect([c.due, c.text]).toEqual([null, 'Explain the `[due:: 2026-12-01]` syntax to Ana']);
    const p = splitItem(line)!;
    expect(hasField(p, 'due')).toBe(false);
    setField(p, 'due', '2026-12-05', 'dataview');
    expect(joinItem(p)).toBe('- [ ] Explain the `[due:: 2026-12-01]` syntax to Ana [due:: 2026-12-05]');
    // Outside the backticks, a field is read as ever, and a line of many backtick runs costs one pass.
    expect(parseNote('S.md', note.replace(line, '- [ ] Read `a` and `b` [due:: 2026-12-04]')).commitments[0].due).toBe('2026-12-04');
  });
});
