/**
 * The calendar export, parsed back with ical.js (a separate, independent iCalendar library): the
 * events, their DATE values, alarms, UIDs, links, and the text-level rules of RFC 5545 (CRLF,
 * folding at 75 octets, escaping of commas, semicolons, backslashes and newlines, UTF-8).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { icsCommand, UnknownCoachError } from '../../src/cli/commands/ics';
import { UnknownClientError } from '../../src/cli/commands/analytics';
import { calendarEvents, commitmentUid, obsidianUrl, stableHash } from '../../src/core/calendar/ics';
import { buildCalendar, CalendarBuilder } from '../../src/core/calendar/calendar-builder';
import { DEFAULT_CALENDAR_SETTINGS, resolveCalendarSettings } from '../../src/core/calendar/settings';
import { isOverdue } from '../../src/core/index/vault-index';
import { clientNote, demoIndex, indexOf, lineOf, sessionNote, sessionPath, vault, type Files } from '../nudges/helpers';

interface Parsed {
  uid: string;
  summary: string;
  description: string;
  url: string;
  start: string;
  startIsDate: boolean;
  end: string;
  stamp: string;
  categories: string[];
  alarms: { seconds: number; related: string | null; action: string; description: string }[];
}

function parse(ics: string): { calendar: ICAL.Component; events: Parsed[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      url: String(v.getFirstPropertyValue('url')),
      start: e.startDate.toString(),
      startIsDate: e.startDate.isDate,
      end: e.endDate.toString(),
      stamp: (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toString(),
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
      alarms: v.getAllSubcomponents('valarm').map((a) => {
        const trigger = a.getFirstProperty('trigger')!;
        return {
          seconds: (trigger.getFirstValue() as ICAL.Duration).toSeconds(),
          related: (trigger.getParameter('related') as string | undefined) ?? null,
          action: String(a.getFirstPropertyValue('action')),
          description: String(a.getFirstPropertyValue('description')),
        };
      }),
    };
  });
  return { calendar, events };
}

const LONG = 'Write the long-form essay about pricing, discounts; and what "value" means to a 👩‍🎨 studio owner — in full, with examples';
const FILES: Files = vault(
  clientNote('Maya Chen', { accountability: 'active', coach: 'Sam Rivera', sms: '+15555550142' }),
  clientNote('José Núñez', { accountability: 'consequences', coach: 'Priya Nair' }),
  clientNote('Tom Whitaker', { accountability: 'active', status: 'paused' }),
  sessionNote('Maya Chen', '2026-11-24', [
    '- [ ] Send 10 outreach messages, then follow up; no discounts [due:: 2026-12-01] ^mc1',
    `- [ ] ${LONG} [due:: 2026-12-03] ^mc2`,
    '- [x] Book the investor coffees [due:: 2026-11-27] ^mc3',
    '- [ ] Coach: send Maya the pricing chapter [due:: 2026-11-30] ^mc4',
    '- [ ] Check in with Maya on Friday [owner:: Alex] [due:: 2026-11-28] ^mc5',
    '- [ ] Call the bank \\ ask about the loan [due:: 2026-12-02]',
  ]),
  sessionNote('José Núñez', '2026-11-20', ['- [?] Draft the #2 proposal 🎉 [due:: 2026-11-27] ^jn1']),
  sessionNote('Tom Whitaker', '2026-11-24', ['- [ ] Close the kitchen one night [due:: 2026-12-01] ^tw1']),
);
const AS_OF = '2026-11-25';
const VAULT = 'Coaching vault, 2026; "main"';

describe('buildCalendar', () => {
  const ics = buildCalendar(indexOf(FILES), AS_OF, { vaultName: VAULT });
  const unfolded = ics.replace(/\r\n /g, '');
  const { calendar, events } = parse(ics);
  const byUid = (uid: string) => events.find((e) => e.uid === uid)!;

  it('is a VCALENDAR 2.0 with a product id and a name', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Follow Through//Follow Through//EN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Follow Through');
  });

  it('has one all-day event per open commitment, on its due date, for active clients only', () => {
    expect(events.map((e) => [e.start, e.summary])).toEqual([
      ['2026-11-27', 'José Núñez: Draft the #2 proposal 🎉'],
      ['2026-11-28', 'Alex: Check in with Maya on Friday (Maya Chen)'],
      ['2026-11-30', 'Coach: send Maya the pricing chapter (Maya Chen)'],
      ['2026-12-01', 'Maya Chen: Send 10 outreach messages, then follow up; no discounts'],
      ['2026-12-02', 'Maya Chen: Call the bank \\ ask about the loan'],
      ['2026-12-03', `Maya Chen: ${LONG}`],
    ]);
    for (const e of events) {
      expect(e.startIsDate).toBe(true);
      expect(e.end).toBe(new Date(Date.parse(`${e.start}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
      expect(e.stamp).toBe('2026-11-25T00:00:00Z');
    }
    expect(ics).toContain('DTSTART;VALUE=DATE:20261201\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20261202\r\n');
    expect(ics).toContain('DTSTAMP:20261125T000000Z\r\n');
    expect(ics).toContain('TRANSP:TRANSPARENT\r\n');
  });

  it('takes UIDs from block ids, or a hash of path and text (and says so)', () => {
    expect(events.map((e) => e.uid)).toEqual([
      'jn1@follow-through',
      'mc5@follow-through',
      'mc4@follow-through',
      'mc1@follow-through',
      `h${stableHash(`${sessionPath('Maya Chen', '2026-11-24')}\nCall the bank \\ ask about the loan`)}@follow-through`,
      'mc2@follow-through',
    ]);
    expect(events[4].uid).toMatch(/^h[0-9a-f]{16}@follow-through$/);
    expect(events[4].description).toMatch(/no block id/);
    expect(byUid('mc1@follow-through').description).not.toMatch(/no block id/);
  });

  it('escapes commas, semicolons, backslashes and newlines so they parse back exactly', () => {
    expect(unfolded).toContain('SUMMARY:Maya Chen: Send 10 outreach messages\\, then follow up\\; no discounts\r\n');
    expect(unfolded).toContain('SUMMARY:Maya Chen: Call the bank \\\\ ask about the loan\r\n');
    const d = byUid('mc1@follow-through').description;
    expect(d.split('\n')[0]).toBe('Maya Chen committed to: Send 10 outreach messages, then follow up; no discounts');
    expect(d).toContain(`\nFrom Sessions/2026-11-24 Maya Chen.md, line ${lineOf(FILES[sessionPath('Maya Chen', '2026-11-24')], 'Send 10 outreach')}\n`);
    // Inside the raw text, the description's newlines are the two characters \n.
    expect(unfolded).toMatch(/DESCRIPTION:Maya Chen committed to: Send 10 outreach messages\\, then follow up\\; no discounts\\nDue 2026-12-01\\n/);
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, and uses CRLF throughout', () => {
    // Every content line ends with CRLF, the last one too (RFC 5545 3.1).
    expect(ics.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    for (const l of lines) expect(new TextEncoder().encode(l).length, l).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    // Every line is valid UTF-8 on its own: no multi-byte character cut in half.
    for (const l of lines) expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(l))).toBe(l);
    expect(byUid('mc2@follow-through').summary).toBe(`Maya Chen: ${LONG}`);
    expect(byUid('jn1@follow-through').summary).toBe('José Núñez: Draft the #2 proposal 🎉');
  });

  it('links back to the note with obsidian://open, vault and file percent-encoded', () => {
    const e = byUid('mc1@follow-through');
    expect(e.url).toBe('obsidian://open?vault=Coaching%20vault%2C%202026%3B%20%22main%22&file=Sessions%2F2026-11-24%20Maya%20Chen');
    expect(e.description).toContain(`Open the note: ${e.url}`);
    const u = new URL(byUid('jn1@follow-through').url);
    expect(u.protocol).toBe('obsidian:');
    expect(u.searchParams.get('vault')).toBe(VAULT);
    expect(u.searchParams.get('file')).toBe('Sessions/2026-11-20 José Núñez');
    // A URI value is not TEXT: nothing in it may need escaping.
    expect(unfolded).toMatch(/URL;VALUE=URI:obsidian:\/\/open\?vault=Coaching%20vault%2C%202026%3B%20%22main%22&file=Sessi/);
  });

  it('puts a VALARM on each coming nudge step, at 09:00 on its day, relative to the start', () => {
    // Maya is active: confirm 11-24 (past), midpoint 11-27, before-due 11-30 for mc1 (due 12-01).
    const mc1 = byUid('mc1@follow-through');
    expect(mc1.alarms.map((a) => [a.seconds, a.related, a.action])).toEqual([
      [-4 * 86_400 + 9 * 3_600, 'START', 'DISPLAY'],
      [-1 * 86_400 + 9 * 3_600, 'START', 'DISPLAY'],
    ]);
    expect(mc1.alarms[0].description).toMatch(/^Midpoint check-in with Maya Chen: Send 10 outreach messages, then follow up; no discounts\n\nDraft: Hi Maya, /);
    // José is at consequences: the overdue flag fires the day after the due date.
    const jn1 = byUid('jn1@follow-through');
    expect(jn1.alarms.map((a) => a.seconds)).toEqual([-1 * 86_400 + 9 * 3_600, 86_400 + 9 * 3_600]);
    expect(jn1.alarms[1].description).toMatch(/^Past its due date \(Friday 27 November\): Draft the #2 proposal 🎉 \(José Núñez\)\. Time to follow up\./);
    expect(ics).toContain('TRIGGER;RELATED=START:P1DT9H\r\n');
    expect(ics).toContain('TRIGGER;RELATED=START:-PT15H\r\n');
    // Coach- and partner-owned items get an event but no nudges.
    expect(byUid('mc4@follow-through').alarms).toEqual([]);
    expect(byUid('mc5@follow-through').alarms).toEqual([]);
  });

  it('keeps past alarms when asked, at another hour when asked', () => {
    const { events: all } = parse(buildCalendar(indexOf(FILES), AS_OF, { vaultName: VAULT, settings: { includePastAlarms: true, alarmHour: 7 } }));
    expect(all.find((e) => e.uid === 'mc1@follow-through')!.alarms.map((a) => a.seconds)).toEqual([
      -7 * 86_400 + 7 * 3_600,
      -4 * 86_400 + 7 * 3_600,
      -1 * 86_400 + 7 * 3_600,
    ]);
  });

  it('is deterministic: the same vault and date give the same bytes', () => {
    expect(buildCalendar(indexOf(FILES), AS_OF, { vaultName: VAULT })).toBe(ics);
  });
});

describe('calendar filters and identity', () => {
  it('filters by client and by coach (the session coach, else the client coach)', () => {
    const index = indexOf(FILES);
    const uids = (o: { client?: string; coach?: string }) => calendarEvents(index, AS_OF, { vaultName: 'v', ...o }).map((e) => e.uid);
    expect(uids({ client: 'josé núñez' })).toEqual(['jn1@follow-through']);
    expect(uids({ coach: 'Priya Nair' })).toEqual(['jn1@follow-through']);
    expect(uids({ coach: 'sam rivera' })).toHaveLength(5);
    expect(uids({ client: 'Nobody' })).toEqual([]);
    const ics = buildCalendar(index, AS_OF, { vaultName: 'v', coach: 'Priya Nair' });
    expect(parse(ics).calendar.getFirstPropertyValue('x-wr-calname')).toBe("Follow Through: Priya Nair's clients");
  });

  it('leaves out coach- or partner-owned items when the settings say so', () => {
    const index = indexOf(FILES);
    const owners = (s: object) => calendarEvents(index, AS_OF, { vaultName: 'v', settings: s }).map((e) => e.owner);
    expect(owners({})).toEqual(['client', 'Alex', 'coach', 'client', 'client', 'client']);
    expect(owners({ includeCoachItems: false, includePartnerItems: false })).toEqual(['client', 'client', 'client', 'client']);
  });

  it('a block-id UID survives edits to the text and moves in the note; a hashed one does not', () => {
    const path = sessionPath('Maya Chen', '2026-11-24');
    const edited = { ...FILES, [path]: FILES[path].replace('## Commitments', '## Commitments\n- [ ] A new first item\n').replace('Send 10 outreach messages', 'Send 12 outreach messages').replace('Call the bank', 'Ring the bank') };
    const before = calendarEvents(indexOf(FILES), AS_OF, { vaultName: 'v' });
    const after = calendarEvents(indexOf(edited), AS_OF, { vaultName: 'v' });
    expect(after.find((e) => e.summary.includes('Send 12'))!.uid).toBe('mc1@follow-through');
    expect(before.find((e) => e.summary.includes('Call the bank'))!.uid).not.toBe(after.find((e) => e.summary.includes('Ring the bank'))!.uid);
  });

  it('a block id used twice still gives two distinct UIDs, the first keeping the plain one', () => {
    const files = vault(FILES, sessionNote('José Núñez', '2026-11-22', ['- [ ] Send the invoice [due:: 2026-11-29] ^jn1']));
    const uids = calendarEvents(indexOf(files), AS_OF, { vaultName: 'v', client: 'José Núñez' }).map((e) => e.uid);
    expect(uids[0]).toBe('jn1@follow-through');
    expect(uids[1]).toMatch(/^jn1\.[0-9a-f]{16}@follow-through$/);
  });

  it('one block id on three lines of one note, and one text three times, give distinct UIDs counted over the whole note', () => {
    const items = [
      '- [ ] Call the bank [due:: 2026-11-29] ^dup',
      '- [ ] Book the venue [due:: 2026-11-30] ^dup',
      '- [ ] Pay the deposit [due:: 2026-12-01] ^dup',
      '- [ ] Journal every evening [due:: 2026-11-27]',
      '- [ ] Journal every evening [due:: 2026-11-28]',
      '- [ ] Journal every evening [due:: 2026-11-29]',
    ];
    const files = vault(clientNote('Ana Lee'), sessionNote('Ana Lee', '2026-11-20', items));
    const uids = (f: Files) => calendarEvents(indexOf(f), AS_OF, { vaultName: 'v', client: 'Ana Lee' }).map((e) => `${e.summary} ${e.date} ${e.uid}`);
    const first = uids(files);
    expect(new Set(first.map((x) => x.split(' ').pop())).size).toBe(6);
    const hash = stableHash(sessionPath('Ana Lee', '2026-11-20'));
    expect(first).toContain(`Ana Lee: Call the bank 2026-11-29 dup@follow-through`);
    expect(first).toContain(`Ana Lee: Book the venue 2026-11-30 dup.${hash}.2@follow-through`);
    expect(first).toContain(`Ana Lee: Pay the deposit 2026-12-01 dup.${hash}.3@follow-through`);
    const journal = first.filter((x) => x.includes('Journal')).map((x) => x.split(' ').pop()!);
    expect(journal[1]).toBe(journal[0].replace('@', '-2@'));
    expect(journal[2]).toBe(journal[0].replace('@', '-3@'));
    // Settling the first copy of each renames neither of the others; an unrelated note changes nothing.
    const path = sessionPath('Ana Lee', '2026-11-20');
    const settled = { ...files, [path]: files[path].replace('- [ ] Call', '- [x] Call').replace('- [ ] Journal every evening [due:: 2026-11-27]', '- [x] Journal every evening [due:: 2026-11-27]') };
    const after = uids(vault(settled, clientNote('Ben Ode'), sessionNote('Ben Ode', '2026-11-19', ['- [ ] Journal every evening [due:: 2026-11-29] ^dup'])));
    expect(after).toEqual(first.filter((x) => !x.includes('Call the bank') && !x.includes('2026-11-27')));
  });

  it('keeps control characters out of every text, and the summary and category on one line', () => {
    const files = vault(
      { 'Clients/Ana.md': '---\ntype: client\nname: "Ana\\nLee\\a"\n---\n' },
      sessionNote('Ana', '2026-11-20', ['- [ ] Ring\u0007 the\u0000 bank\u001b today [due:: 2026-11-29] ^cc1']),
    );
    const ics = buildCalendar(indexOf(files), AS_OF, { vaultName: 'v', settings: { calendarName: 'Mine\u0007' } });
    expect(ics.split('\r\n').filter((l) => /[\u0000-\u0008\u000a-\u001f\u007f]/.test(l))).toEqual([]);
    const { events } = parse(ics);
    expect(events[0].summary).toBe('Ana Lee: Ring the bank today');
    expect(events[0].categories).toEqual(['Ana Lee']);
    expect(events[0].description.split('\n')[0]).toBe('Ana Lee committed to: Ring the bank today');
  });

  it('a client paused until a date is released for commitments due up to then', () => {
    const files = vault(
      clientNote('Grace Adeyemi', { accountability: 'active', paused_until: '2026-12-10' }),
      sessionNote('Grace Adeyemi', '2026-10-07', ['- [ ] Plan the return [due:: 2026-11-27] ^g1', '- [ ] Book the first session back [due:: 2026-12-14] ^g2']),
    );
    const e = calendarEvents(indexOf(files), '2026-11-20', { vaultName: 'v' });
    expect(e.map((x) => x.uid)).toEqual(['g2@follow-through']);
    expect(e[0].alarms.map((a) => a.step.kind)).toEqual(['before-due']); // confirm and midpoint fall in the pause
  });

  it('helpers: URL, UID, settings', () => {
    expect(obsidianUrl('My Vault', 'Sessions/A #1 & B.md')).toBe('obsidian://open?vault=My%20Vault&file=Sessions%2FA%20%231%20%26%20B');
    expect(commitmentUid({ id: 'abc', session: 'x', text: 'y' })).toBe('abc@follow-through');
    expect(commitmentUid({ id: null, session: 'x', text: 'y' })).toBe(commitmentUid({ id: null, session: 'x', text: 'y' }));
    expect(commitmentUid({ id: null, session: 'x', text: 'y' })).not.toBe(commitmentUid({ id: null, session: 'x', text: 'z' }));
    expect(Object.isFrozen(DEFAULT_CALENDAR_SETTINGS)).toBe(true);
    expect(resolveCalendarSettings({ vaultPath: '/Calendars/coaching', alarmHour: 25 })).toMatchObject({ vaultPath: 'Calendars/coaching.ics', alarmHour: 9 });
    expect(new CalendarBuilder().file(indexOf(FILES), AS_OF, { vaultName: 'v' }).path).toBe('Follow Through.ics');
  });
});

describe('the demo vault as a calendar', () => {
  const index = demoIndex();
  const AS = '2026-12-01';

  it('parses back with one event per live commitment of an active, unreleased client', () => {
    const { events } = parse(buildCalendar(index, AS, { vaultName: 'demo-vault' }));
    const expected = index
      .clients()
      .filter((c) => c.status === 'active')
      .flatMap((c) => index.commitmentsOf(c).filter((x) => ['open', 'partial', 'stuck'].includes(x.status) && !(c.pausedUntil && x.due <= c.pausedUntil)));
    expect(events).toHaveLength(expected.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // Jordan's partner item (Alex) is on it, on its default due date.
    const je2b2 = events.find((e) => e.uid === 'je2b2@follow-through')!;
    expect([je2b2.start, je2b2.summary]).toEqual(['2026-12-08', 'Alex: Send Jordan the Friday check-in prompt (Jordan Ellis)']);
    // Tom (paused) is not; Grace's item due before her paused_until is not either.
    expect(events.some((e) => e.uid === 'tw4d1@follow-through')).toBe(false);
    expect(events.some((e) => e.uid === 'ga3c2@follow-through')).toBe(false);
    // Overdue items stay on their past due date.
    const overdue = expected.filter((x) => isOverdue(x, AS) && x.id);
    for (const x of overdue) expect(events.find((e) => e.uid === `${x.id}@follow-through`)?.start).toBe(x.due);
  });
});

describe('icsCommand', () => {
  const index = indexOf(FILES);

  it('returns the calendar, resolving a partial client or coach name', () => {
    expect(icsCommand(index, { asOf: AS_OF, vaultName: 'v' })).toBe(buildCalendar(index, AS_OF, { vaultName: 'v' }));
    expect(icsCommand(index, { asOf: AS_OF, vaultName: 'v', client: 'josé' })).toBe(buildCalendar(index, AS_OF, { vaultName: 'v', client: 'José Núñez' }));
    expect(icsCommand(index, { asOf: AS_OF, vaultName: 'v', coach: 'priya', out: 'x.ics' })).toBe(
      buildCalendar(index, AS_OF, { vaultName: 'v', coach: 'Priya Nair' }),
    );
  });

  it('refuses an unknown client or coach with the names it knows', () => {
    expect(() => icsCommand(index, { asOf: AS_OF, vaultName: 'v', client: 'Mayya' })).toThrow(UnknownClientError);
    expect(() => icsCommand(index, { asOf: AS_OF, vaultName: 'v', coach: 'Dana' })).toThrow(UnknownCoachError);
    expect(() => icsCommand(index, { asOf: AS_OF, vaultName: 'v', coach: 'Dana' })).toThrow(/coaches: Priya Nair, Sam Rivera/);
  });
});
