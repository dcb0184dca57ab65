/**
 * The calendar text is written by ical-generator except for folding the events' lines, which
 * src/core/calendar/ics-text.ts does itself (the library's fold encodes every character with a
 * new TextEncoder: 31 s for 150,000 events). It must be byte for byte the library's own text.
 */
import fc from 'fast-check';
import ical, { foldLines as libraryFold, ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { buildCalendar, CalendarBuilder } from '../../src/core/calendar/calendar-builder';
import { buildClientCalendar } from '../../src/core/calendar/client-ics';
import { calendarText, foldLines } from '../../src/core/calendar/ics-text';
import { VaultIndex } from '../../src/core/index/vault-index';
import { readVault } from '../../src/cli/read-vault';

/** Text with what folding has to get right: emoji (surrogate pairs), accents, CJK, lone surrogates, long runs. */
const hostileText = fc.array(
  fc.oneof(
    fc.string({ maxLength: 90 }),
    fc.constantFrom('😀', '👩🏽‍💻', 'é', 'ß', '漢字', 'Ω', '\ud83d', '\ude00', '\u200b', '\\', ',', ';', '\n'),
    fc.string({ unit: 'binary', maxLength: 20 }),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(''));

function calendar(texts: string[], method = false) {
  const cal = ical({ prodId: '//Follow Through//Test//EN', name: `Commitments ${texts[0] ?? ''}`, ...(method ? { method: ICalCalendarMethod.PUBLISH } : {}) });
  texts.forEach((t, i) =>
    cal
      .createEvent({ id: `e${i}@test`, start: new Date(Date.UTC(2026, 11, 1 + i)), allDay: true, summary: t, description: `${t} ${t}`, stamp: new Date(Date.UTC(2026, 10, 30)) })
      .createAlarm({ type: ICalAlarmType.display, trigger: 3600, description: t }),
  );
  return cal;
}

describe('calendar text', () => {
  it('folds every line as ical-generator does, whatever the characters', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 4 }), (lines) => {
        const text = lines.join('\r\n');
        expect(foldLines(text)).toBe(libraryFold(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("is ical-generator's own toString(), byte for byte, for any events, with the last line's CRLF RFC 5545 asks for", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 6 }), fc.boolean(), (texts, method) => {
        expect(calendarText(calendar(texts, method))).toBe(`${calendar(texts, method).toString()}\r\n`);
      }),
      { numRuns: 300 },
    );
  });

  it("writes the demo vault's calendars whole and folded: the coach's and each client's", () => {
    const index = new VaultIndex();
    index.setNotes(readVault(new URL('../../examples/demo-vault', import.meta.url).pathname));
    const asOf = '2026-12-01';
    const text = buildCalendar(index, asOf, { vaultName: 'Demo' });
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(5);
    expect(text).toMatch(/\r\nEND:VCALENDAR\r\n$/);
    // Unfolded, every line is a property or a BEGIN/END, and the events come before END:VCALENDAR.
    const lines = text.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
    expect(lines.every((l) => /^[A-Z-]+[;:]/.test(l))).toBe(true);
    expect(lines.lastIndexOf('END:VEVENT')).toBeLessThan(lines.indexOf('END:VCALENDAR'));
    expect(new CalendarBuilder().file(index, asOf, { vaultName: 'Demo' }).text).toBe(text);
    for (const client of index.clients().slice(0, 4)) {
      const own = buildClientCalendar(index, client, asOf);
      expect(own.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(own.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    }
  });
});
