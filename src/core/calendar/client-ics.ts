/**
 * The calendar file for one client's own phone: their commitments written to them, with
 * reminders on their nudge cadence, and nothing about anyone else. No server: the coach sends
 * the file (or saves it where the client's calendar can read it); importing an updated file
 * updates events rather than duplicating them.
 *
 * - Events: the client's own (client-owned) commitments from sessions up to the as-of date.
 *   Live ones (open, partial, stuck, skipped) are all-day events on the due date, summary in the
 *   client's words, description with the when, the if-then plan and the date in words. Done ones
 *   closed within CLOSED_WINDOW_DAYS stay, as "Done: …" with no reminders. Let-go and carried
 *   (`[>]`) ones closed within the window are `STATUS:CANCELLED`, so the client's calendar drops
 *   them; so is any event of the previous file that is no longer in the notes.
 * - Reminders: VALARMs at `alarmHour` on the days of the client's client-facing nudge steps
 *   (midpoint, before-due; the confirm step is the recap itself), thinned for a steady client
 *   as the Today panel is, none before the as-of date. A paused or ended client, or one released
 *   until a date, gets no reminders (until that date), and the calendar's description says so.
 * - UIDs: the coach's calendar's rules (calendar/ics.ts) with their own domain
 *   (`<id>@client.follow-through`), so the coach's and the client's calendars never collide.
 * - SEQUENCE: derived from the previous file sent, which the caller passes in (the CLI reads the
 *   `--out` file it is about to replace; the plugin reads the file it saved in the vault): an
 *   event whose date, status or summary changed since that file gets its SEQUENCE + 1, an
 *   unchanged one keeps it, a new one starts at 0. The notes cannot tell an in-place due-date
 *   edit, so the previous file is the record; the same notes and the same previous file give
 *   the same bytes.
 * - Privacy: no vault name, paths, obsidian:// links, client names or partner items: only the
 *   client's own words and dates, and the coach's name.
 */
import { calendarText } from './ics-text';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { addDays, daysBetween } from '../dates';
import type { VaultIndex } from '../index/vault-index';
import { dueLine, ifThenLine, whenLine } from '../client-loop/recap';
import { firstName } from '../nudges/drafts';
import { clientRhythm } from '../nudges/rhythm';
import { nudgeSchedule } from '../nudges/schedule';
import { resolveNudgeSettings, type NudgeSettings } from '../nudges/settings';
import { formatDue } from '../nudges/template';
import { singleLine, withoutControls } from '../plain-text';
import type { Client, Commitment, IsoDate } from '../types';
import { addAllDayEvent, eventUids, isOurCalendar, PRODUCT, UID_DOMAIN } from './ics';
import { resolveCalendarSettings, type CalendarSettings } from './settings';

export const CLIENT_UID_DOMAIN = `client.${UID_DOMAIN}`;
/** How long after closing a done, let-go or carried commitment stays in the file (as done or cancelled). */
export const CLOSED_WINDOW_DAYS = 42;

export interface ClientCalendarOptions {
  settings?: Partial<CalendarSettings>;
  nudges?: Partial<NudgeSettings>;
  /** The file last sent to this client (an earlier export of ours), for SEQUENCE and cancellations. */
  previous?: string | null;
}

export interface ClientCalendarEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  status: 'CONFIRMED' | 'CANCELLED';
  sequence: number;
  alarms: { date: IsoDate; offsetSeconds: number; description: string }[];
}

export interface ClientCalendar {
  client: string;
  name: string;
  /** The calendar's description: who it is from, and whether reminders are off and why. */
  description: string;
  /** False for a paused, ended or released client. */
  reminders: boolean;
  events: ClientCalendarEvent[];
}

export interface PreviousEvent {
  uid: string;
  date: IsoDate | null;
  sequence: number;
  status: string;
  summary: string;
}

/** `<uid>@follow-through` → `<uid>@client.follow-through`. */
export function clientUid(coachUid: string): string {
  return coachUid.endsWith(`@${UID_DOMAIN}`) ? `${coachUid.slice(0, -UID_DOMAIN.length)}${CLIENT_UID_DOMAIN}` : coachUid;
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_a, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The events of an earlier export of ours, by UID; empty for anything else. Total. */
export function readPreviousEvents(text: string | null | undefined): Map<string, PreviousEvent> {
  const out = new Map<string, PreviousEvent>();
  if (typeof text !== 'string' || !isOurCalendar(text)) return out;
  const lines = text.replace(/^\uFEFF/, '').replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  let cur: Partial<PreviousEvent> | null = null;
  let depth = 0;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') {
      cur = { sequence: 0, status: 'CONFIRMED', summary: '', date: null };
      depth = 0;
      continue;
    }
    if (cur === null) continue;
    if (line.startsWith('BEGIN:')) depth++;
    else if (line.startsWith('END:') && line !== 'END:VEVENT') depth--;
    else if (line === 'END:VEVENT') {
      if (cur.uid) out.set(cur.uid, cur as PreviousEvent);
      cur = null;
    } else if (depth === 0) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).split(';')[0].toUpperCase();
      const value = line.slice(colon + 1);
      if (name === 'UID') cur.uid = value.trim();
      else if (name === 'SEQUENCE') cur.sequence = /^\d+$/.test(value.trim()) ? Number(value.trim()) : 0;
      else if (name === 'STATUS') cur.status = value.trim().toUpperCase();
      else if (name === 'SUMMARY') cur.summary = unescapeText(value);
      else if (name === 'DTSTART') {
        const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
        cur.date = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
      }
    }
  }
  return out;
}

const LIVE = new Set(['open', 'partial', 'stuck', 'skipped']);
const one = (t: string) => singleLine(withoutControls(t)).trim();

function closedOn(c: Commitment): IsoDate {
  if (c.status === 'done') return c.doneDate ?? c.due;
  if (c.status === 'let-go') return c.letGoDate ?? c.due;
  // Carried: the later session took it over; the note does not date the carry itself.
  return c.due;
}

function remindersOff(client: Client, asOf: IsoDate, nudges: NudgeSettings): string | null {
  if (client.status === 'ended') return 'Coaching has ended, so this calendar has no reminders.';
  if (client.status === 'paused') return 'Coaching is paused, so this calendar has no reminders for now.';
  if (!nudges.enabled) return 'Reminders are turned off, so this calendar has none.';
  if (client.pausedUntil !== null && client.pausedUntil >= asOf) return `Reminders are paused until after ${formatDue(client.pausedUntil, asOf)}.`;
  return null;
}

/** The client's calendar as plain data. */
export function clientCalendar(index: VaultIndex, client: Client, asOf: IsoDate, options: ClientCalendarOptions = {}): ClientCalendar {
  const settings = resolveCalendarSettings(options.settings);
  const nudges = resolveNudgeSettings(options.nudges);
  const previous = readPreviousEvents(options.previous);
  const sessions = new Map(index.sessionsOf(client).map((s) => [s.path, s]));
  const from = addDays(asOf, -CLOSED_WINDOW_DAYS);
  const chosen = index
    .commitmentsOf(client)
    .filter((c) => c.owner === 'client' && (sessions.get(c.session)?.date ?? c.sessionDate) <= asOf)
    .filter((c) => LIVE.has(c.status) || closedOn(c) >= from)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || (a.session < b.session ? -1 : a.session > b.session ? 1 : 0) || a.line - b.line);
  const uids = eventUids(index, chosen);
  const off = remindersOff(client, asOf, nudges);
  const rhythm = clientRhythm(index, client, asOf, nudges);
  const coach = client.coach ? one(client.coach) : null;
  const tell = coach ? `When you have news, tell ${firstName(coach)} how it went.` : 'When you have news, tell your coach how it went.';

  const events: ClientCalendarEvent[] = [];
  const seen = new Set<string>();
  for (const c of chosen) {
    const uid = clientUid(uids.get(c)!);
    seen.add(uid);
    const text = one(c.text);
    const live = LIVE.has(c.status);
    const status: ClientCalendarEvent['status'] = c.status === 'let-go' || c.status === 'recommitted' ? 'CANCELLED' : 'CONFIRMED';
    const summary = c.status === 'done' ? `Done: ${text}` : text;
    const lines: string[] = [];
    if (status === 'CANCELLED') lines.push(c.status === 'let-go' ? 'Let go: no longer on your list.' : 'Carried forward: the new version has its own date.');
    else if (c.status === 'done') lines.push(`Done${c.doneDate ? ` on ${formatDue(c.doneDate, asOf)}` : ''}.`);
    const when = whenLine(c);
    if (when) lines.push(when);
    const ifThen = ifThenLine(c);
    if (ifThen) lines.push(ifThen);
    lines.push(dueLine(c, asOf));
    if (live) lines.push(tell);
    const steps = live && off === null ? nudgeSchedule(c, client, nudges, rhythm).filter((s) => s.audience === 'client' && s.kind !== 'confirm' && s.date >= asOf) : [];
    const alarms = steps.map((s) => ({
      date: s.date,
      offsetSeconds: daysBetween(c.due, s.date) * 86_400 + settings.alarmHour * 3_600,
      description: one(`${s.kind === 'midpoint' ? 'Half way' : 'Tomorrow'}: ${text} (${dueLine(c, asOf).replace(/^By /, 'by ')})`),
    }));
    const prev = previous.get(uid);
    const changed = prev !== undefined && (prev.date !== c.due || prev.status !== status || prev.summary !== summary);
    events.push({
      uid,
      date: c.due,
      summary,
      description: withoutControls(lines.join('\n')),
      status,
      sequence: prev === undefined ? 0 : prev.sequence + (changed ? 1 : 0),
      alarms,
    });
  }
  // Whatever the client was sent before and the notes no longer hold: cancelled, so it goes.
  for (const prev of [...previous.values()].sort((a, b) => (a.uid < b.uid ? -1 : 1))) {
    if (seen.has(prev.uid) || !prev.uid.endsWith(`@${CLIENT_UID_DOMAIN}`) || prev.date === null) continue;
    const wasCancelled = prev.status === 'CANCELLED';
    events.push({
      uid: prev.uid,
      date: prev.date,
      summary: one(prev.summary) || 'Removed',
      description: 'No longer on your list.',
      status: 'CANCELLED',
      sequence: prev.sequence + (wasCancelled ? 0 : 1),
      alarms: [],
    });
  }

  const description = [coach ? `Your commitments from coaching with ${coach}.` : 'Your commitments from coaching.', `Updated ${formatDue(asOf)} ${asOf.slice(0, 4)}.`, off ?? 'Reminders come on the days your coach would check in.'].join(' ');
  return { client: client.name, name: 'My coaching commitments', description, reminders: off === null, events };
}

/** The client's calendar as iCalendar text (CRLF, folded at 75 octets; METHOD:PUBLISH). */
export function buildClientCalendar(index: VaultIndex, client: Client, asOf: IsoDate, options: ClientCalendarOptions = {}): string {
  const data = clientCalendar(index, client, asOf, options);
  const cal = ical({
    prodId: PRODUCT,
    name: data.name,
    description: data.description,
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const e of data.events) {
    addAllDayEvent(cal, asOf, e, { status: e.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED, sequence: e.sequence });
  }
  return calendarText(cal);
}
