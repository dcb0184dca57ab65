/**
 * The calendar file for a client's own phone, read back with two real parsers (ical.js and
 * node-ical): their own commitments as all-day events with reminders on their cadence, let-go and
 * carried ones cancelled, SEQUENCE raised when a due date moves (counted from the previous file),
 * stable UIDs, no other client's data (every demo client), and no reminders for a paused, ended
 * or released client, with the calendar's description saying so.
 */
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildClientCalendar, clientCalendar, readPreviousEvents } from '../../src/core/calendar/client-ics';
import { isOurCalendar } from '../../src/core/calendar/ics';
import { clientNote, demoIndex, indexOf, sessionNote, vault } from '../nudges/helpers';

const AS_OF = '2026-12-01';
const demo = demoIndex();

interface Read {
  uid: string;
  summary: string;
  description: string;
  date: string;
  status: string;
  sequence: number;
  alarms: string[];
}

function withIcalJs(text: string): { name: string; description: string; events: Read[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      date: e.startDate.toString(),
      status: String(v.getFirstPropertyValue('status')),
      sequence: e.sequence,
      alarms: v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
    };
  });
  return { name: String(cal.getFirstPropertyValue('x-wr-calname')), description: String(cal.getFirstPropertyValue('x-wr-caldesc')), events };
}

function withNodeIcal(text: string) {
  return Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT');
}

describe('the demo clients', () => {
  const names = demo.clients().map((c) => c.name);
  for (const client of demo.clients()) {
    it(`${client.name}: only their own commitments, read by ical.js and node-ical alike`, () => {
      const text = buildClientCalendar(demo, client, AS_OF);
      expect(isOurCalendar(text)).toBe(true);
      const a = withIcalJs(text);
      const b = withNodeIcal(text);
      expect(b.map((e) => e.uid)).toEqual(a.events.map((e) => e.uid));
      expect(new Set(a.events.map((e) => e.uid)).size).toBe(a.events.length);
      for (const [i, e] of b.entries()) {
        expect(String(e.summary)).toBe(a.events[i].summary);
        expect(e.start.dateOnly).toBe(true);
        expect(e.status).toBe(a.events[i].status);
        expect(Number(e.sequence ?? 0)).toBe(a.events[i].sequence);
      }
      // Their own client-owned commitments, nothing else: no other client's name anywhere, no paths or links.
      const own = new Set(demo.commitmentsOf(client).filter((c) => c.owner === 'client').map((c) => c.text.trim()));
      for (const e of a.events) expect(own.has(e.summary.replace(/^Done: /, ''))).toBe(true);
      for (const other of names.filter((n) => n !== client.name)) {
        expect(text).not.toContain(other);
        expect(text.replace(/\r\n[ \t]/g, '')).not.toContain(other);
      }
      expect(text).not.toMatch(/obsidian:\/\/|Sessions\/|\.md\b/);
      expect(a.events.every((e) => e.uid.endsWith('@client.follow-through'))).toBe(true);
    });
  }

  it("Marcus's: the same bytes each time, with reminders at 09:00 on his cadence", () => {
    const marcus = demo.client('Marcus Bell')!;
    expect(buildClientCalendar(demo, marcus, AS_OF)).toBe(buildClientCalendar(demo, marcus, AS_OF));
    const cal = clientCalendar(demo, marcus, AS_OF);
    expect(cal.reminders).toBe(true);
    expect(cal.description).toBe('Your commitments from coaching with Priya Nair. Updated Tuesday 1 December 2026. Reminders come on the days your coach would check in.');
    const cancelled = cal.events.filter((e) => e.status === 'CANCELLED');
    expect(cancelled.map((e) => e.summary)).toContain('Send portfolio to three designers for feedback');
    expect(cancelled.every((e) => e.alarms.length === 0)).toBe(true);
  });

  it('paused, ended and released clients get no reminders, and the file says why', () => {
    for (const [name, says] of [
      ['Tom Whitaker', 'Coaching is paused, so this calendar has no reminders for now.'],
      ['Ravi Shah', 'Coaching has ended, so this calendar has no reminders.'],
      ['Grace Adeyemi', 'Reminders are paused until after Thursday 10 December.'],
    ] as const) {
      const text = buildClientCalendar(demo, demo.client(name)!, AS_OF);
      expect(text).not.toContain('BEGIN:VALARM');
      expect(withIcalJs(text).description).toContain(says);
    }
  });
});

describe('one client, step by step', () => {
  const client = clientNote('Jane Doe', { accountability: 'active', coach: 'Sam Rivera' });
  const note = (lines: string[]) => vault(client, sessionNote('Jane Doe', '2026-11-24', lines, { next: '2026-12-08' }), clientNote('Other Person'), sessionNote('Other Person', '2026-11-24', ['- [ ] Other Person secret plan [due:: 2026-12-04] ^oth1']));
  const open = [
    '- [ ] Send 10 outreach messages [due:: 2026-12-06] ^out1',
    '    - When I sit down with my coffee on Monday, I\'ll send the first message',
    '    - If Monday gets swallowed by meetings, then I\'ll do it first thing Tuesday',
    '- [ ] Draft the hiring scorecard [due:: 2026-12-04] ^hir1',
  ];

  it('an all-day event on the due date, in the client\'s words, with the when, the if-then and reminders', () => {
    const i = indexOf(note(open));
    const text = buildClientCalendar(i, i.client('Jane Doe')!, '2026-11-24');
    const ev = withIcalJs(text).events.find((e) => e.summary === 'Send 10 outreach messages')!;
    expect(ev.date).toBe('2026-12-06');
    expect(ev.uid).toBe('out1@client.follow-through');
    expect(ev.status).toBe('CONFIRMED');
    expect(ev.description).toBe(
      "When I sit down with my coffee on Monday\nIf Monday gets swallowed by meetings, then I'll do it first thing Tuesday\nBy Sunday 6 December\nWhen you have news, tell Sam how it went.",
    );
    // midpoint 2026-11-30 and the day before, 2026-12-05, at 09:00: -6 days + 9h and -1 day + 9h
    expect(ev.alarms).toEqual(['-P5DT15H', '-PT15H']);
    expect(text).not.toContain('Other Person');
  });

  it('a let-go or carried commitment is sent as STATUS:CANCELLED with a raised SEQUENCE, so the calendar drops it', () => {
    const i1 = indexOf(note(open));
    const first = buildClientCalendar(i1, i1.client('Jane Doe')!, '2026-11-24');
    const i2 = indexOf(note(['- [-] Send 10 outreach messages [due:: 2026-12-06] [cancelled:: 2026-11-27] ^out1', '- [>] Draft the hiring scorecard [due:: 2026-12-04] ^hir1']));
    const second = buildClientCalendar(i2, i2.client('Jane Doe')!, '2026-11-28', { previous: first });
    const byUid = new Map(withNodeIcal(second).map((e) => [e.uid, e]));
    expect(byUid.get('out1@client.follow-through')?.status).toBe('CANCELLED');
    expect(byUid.get('hir1@client.follow-through')?.status).toBe('CANCELLED');
    expect(Number(byUid.get('out1@client.follow-through')?.sequence)).toBe(1);
    expect(second).not.toContain('BEGIN:VALARM');
  });

  it('SEQUENCE goes up when a due date moves, stays when nothing changed, and is counted from the previous file', () => {
    const i1 = indexOf(note(open));
    const jane = () => i1.client('Jane Doe')!;
    const v1 = buildClientCalendar(i1, jane(), '2026-11-24');
    expect(readPreviousEvents(v1).get('hir1@client.follow-through')).toMatchObject({ date: '2026-12-04', sequence: 0, status: 'CONFIRMED' });
    const same = buildClientCalendar(i1, jane(), '2026-11-24', { previous: v1 });
    expect(withIcalJs(same).events.map((e) => e.sequence)).toEqual([0, 0]);
    const moved = indexOf(note([...open.slice(0, 3), '- [ ] Draft the hiring scorecard [due:: 2026-12-07] ^hir1']));
    const v2 = buildClientCalendar(moved, moved.client('Jane Doe')!, '2026-11-25', { previous: same });
    const byUid2 = new Map(withIcalJs(v2).events.map((e) => [e.uid, e]));
    expect(byUid2.get('hir1@client.follow-through')).toMatchObject({ date: '2026-12-07', sequence: 1 });
    expect(byUid2.get('out1@client.follow-through')).toMatchObject({ sequence: 0 });
    const v3 = buildClientCalendar(moved, moved.client('Jane Doe')!, '2026-11-25', { previous: v2 });
    expect(new Map(withNodeIcal(v3).map((e) => [e.uid, Number(e.sequence)])).get('hir1@client.follow-through')).toBe(1);
    // and a second move raises it again
    const again = indexOf(note([...open.slice(0, 3), '- [ ] Draft the hiring scorecard [due:: 2026-12-09] ^hir1']));
    const v4 = buildClientCalendar(again, again.client('Jane Doe')!, '2026-11-25', { previous: v3 });
    expect(new Map(withIcalJs(v4).events.map((e) => [e.uid, e.sequence])).get('hir1@client.follow-through')).toBe(2);
  });

  it('an event sent before that the notes no longer hold is cancelled', () => {
    const i1 = indexOf(note(open));
    const v1 = buildClientCalendar(i1, i1.client('Jane Doe')!, '2026-11-24');
    const i2 = indexOf(note(open.slice(0, 3)));
    const v2 = withIcalJs(buildClientCalendar(i2, i2.client('Jane Doe')!, '2026-11-24', { previous: v1 }));
    expect(v2.events.find((e) => e.uid === 'hir1@client.follow-through')).toMatchObject({ status: 'CANCELLED', sequence: 1, date: '2026-12-04', summary: 'Draft the hiring scorecard' });
  });

  it('a previous file that is not ours is ignored', () => {
    expect(readPreviousEvents('BEGIN:VCALENDAR\r\nPRODID:-//Other//EN\r\nBEGIN:VEVENT\r\nUID:out1@client.follow-through\r\nSEQUENCE:7\r\nEND:VEVENT\r\nEND:VCALENDAR').size).toBe(0);
    expect(readPreviousEvents(null).size).toBe(0);
  });

  it('a coach- or partner-owned item never reaches the client file', () => {
    const i = indexOf(note([...open, '- [ ] Coach: send Jane the article ^coa1', '- [ ] Ask Alex for the intro [owner:: Alex] ^alx1']));
    const text = buildClientCalendar(i, i.client('Jane Doe')!, '2026-11-24');
    expect(text).not.toContain('article');
    expect(text).not.toContain('Alex');
  });
});
