/**
 * Calendar export: one all-day event per open commitment on its due date, with a VALARM for each
 * step of its nudge schedule, a link back to the note, and a UID that stays the same across
 * exports so a re-import or a subscription updates events instead of duplicating them.
 *
 * The iCalendar text is written by `ical-generator` (escaping, line folding at 75 octets, DATE
 * values), which needs no Node built-ins, so the plugin can run this in Obsidian. Everything is
 * derived from the index and the as-of date: the same vault and date give the same bytes.
 *
 * - Events: live (open, partial, stuck) commitments from sessions up to the as-of date, of
 *   active clients; a client's `paused_until` releases commitments due on or before it. Coach-
 *   and partner-owned items are included unless the settings leave them out. Overdue items stay
 *   on their (past) due date: they are still open.
 * - DTSTART;VALUE=DATE is the due date, DTEND the day after; TRANSP:TRANSPARENT (not busy).
 * - Alarms fire at `alarmHour` local time on each nudge step's day, as triggers relative to the
 *   event's start (floating midnight of the due date). Steps before the as-of date are left out
 *   unless `includePastAlarms`.
 * - UID: unique per event, and the same on every run; each depends only on the notes that hold the
 *   same block id or the same text, so a change to an unrelated note never changes it.
 *   `<blockid>@follow-through` for a block id. A block id on more than one commitment (a warning
 *   in the diagnostics) keeps the plain UID for its first use in path and line order; every other
 *   use gets `<blockid>.<hash of its note's path>`, with `.2`, `.3`… for its place in that note
 *   when it is not the note's first use of the id.
 *   Without a block id: `h<hash of path and text>@follow-through`, which changes when the text or
 *   the note's path changes (the description says so); the same text again in the same note gets
 *   `-2`, `-3`… in line order.
 * - Text: control characters (NUL, BEL, …) never reach the file; SUMMARY, CATEGORIES and the
 *   calendar's name are one line each.
 * - DTSTAMP: midnight UTC of the as-of date.
 * - URL and DESCRIPTION: `obsidian://open?vault=…&file=…`, both parts percent-encoded.
 */
import { ICalAlarmRelatesTo, ICalAlarmType, ICalEventTransparency, type ICalCalendar, type ICalEventData } from 'ical-generator';
import { addDays, daysBetween } from '../dates';
import type { VaultIndex } from '../index/vault-index';
import { nudgeDraft } from '../nudges/drafts';
import { clientRhythm, type ClientRhythm } from '../nudges/rhythm';
import { nudgeSchedule, type NudgeStep } from '../nudges/schedule';
import { resolveNudgeSettings, type NudgeSettings } from '../nudges/settings';
import { formatDue } from '../nudges/template';
import { singleLine, withoutControls } from '../plain-text';
import type { Client, Commitment, IsoDate } from '../types';
import { resolveCalendarSettings, type CalendarSettings } from './settings';

export interface CalendarOptions {
  /** Only this client's commitments (name in any case). */
  client?: string | null;
  /** Only commitments from this coach's sessions (the session's coach, else the client's). */
  coach?: string | null;
  /** The vault's name, for the obsidian:// links. */
  vaultName: string;
  settings?: Partial<CalendarSettings>;
  nudges?: Partial<NudgeSettings>;
}

export interface CalendarAlarm {
  step: NudgeStep;
  /** Seconds from the event's start (local midnight of the due date); negative is before. */
  offsetSeconds: number;
  description: string;
}

export interface CalendarEvent {
  uid: string;
  /** False when the UID came from a hash of path and text (no block id). */
  stableUid: boolean;
  date: IsoDate;
  summary: string;
  description: string;
  url: string;
  client: string;
  owner: string;
  path: string;
  line: number;
  alarms: CalendarAlarm[];
}

export const UID_DOMAIN = 'follow-through';
export const PRODUCT = { company: 'Follow Through', product: 'Follow Through', language: 'EN' };
/** The PRODID line ical-generator writes for PRODUCT: how an earlier export of ours is recognised. */
export const PRODID = `-//${PRODUCT.company}//${PRODUCT.product}//${PRODUCT.language}`;

/** True for iCalendar text that this export wrote (its PRODID), so writing over it loses nothing. */
export function isOurCalendar(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== 'BEGIN:VCALENDAR') return false;
  for (const line of lines) {
    if (line.startsWith('BEGIN:VEVENT')) break;
    if (line.trim() === `PRODID:${PRODID}`) return true;
  }
  return false;
}

/** `obsidian://open?vault=…&file=…`: the note's path without `.md`, everything percent-encoded. */
export function obsidianUrl(vaultName: string, path: string): string {
  return `obsidian://open?vault=${encodeURIComponent(vaultName)}&file=${encodeURIComponent(path.replace(/\.md$/i, ''))}`;
}

/** FNV-1a over the UTF-8 bytes, twice with different offsets: 16 hex digits. */
export function stableHash(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const byte of bytes) {
    a = Math.imul(a ^ byte, 0x01000193) >>> 0;
    b = Math.imul(b ^ byte, 0x01000193) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export function commitmentUid(c: Pick<Commitment, 'id' | 'session' | 'text'>): string {
  return c.id !== null ? `${c.id}@${UID_DOMAIN}` : `h${stableHash(`${c.session}\n${c.text}`)}@${UID_DOMAIN}`;
}

type UidKey = Pick<Commitment, 'id' | 'session' | 'text' | 'line'>;
const byPathAndLine = (x: UidKey, y: UidKey) => (x.session < y.session ? -1 : x.session > y.session ? 1 : x.line - y.line);

/**
 * The UIDs of the id-less commitments of one note, by line: `commitmentUid`, and `-2`, `-3`… for
 * the same text again in the note. They depend only on the note and on which of its commitments
 * are filed (the client list), so a builder keeps them while both stand (`UidMemo`).
 */
export interface NoteUids {
  note: object | undefined;
  clientList: number;
  byLine: Map<number, string>;
}

/** What `eventUids` may keep from one call to the next (./calendar-builder): each note's id-less UIDs, by path. */
export interface UidMemo {
  get(path: string): NoteUids | undefined;
  set(path: string, uids: NoteUids): void;
}

function idlessUids(index: VaultIndex, path: string, memo: UidMemo | undefined): Map<number, string> {
  const note = index.note(path);
  const clientList = index.changeMark().list;
  const kept = memo?.get(path);
  if (kept !== undefined && kept.note === note && kept.clientList === clientList) return kept.byLine;
  // Each id-less line's count of earlier id-less lines with its text, in its note.
  const byLine = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const x of index.commitmentsOfSession(path)) {
    if (x.id !== null) continue;
    const n = seen.get(x.text) ?? 0;
    byLine.set(x.line, n === 0 ? commitmentUid(x) : commitmentUid(x).replace(`@${UID_DOMAIN}`, `-${n + 1}@${UID_DOMAIN}`));
    seen.set(x.text, n + 1);
  }
  memo?.set(path, { note, clientList, byLine });
  return byLine;
}

/** Whether a block id is on this commitment alone: one note holds it, once. */
function idOnlyHere(index: VaultIndex, c: Commitment): boolean {
  if (index.notesHoldingBlockId(c.id!) !== 1) return false;
  let uses = 0;
  for (const x of index.note(c.session)?.commitments ?? []) if (x.id === c.id) uses++;
  return uses === 1;
}

/**
 * Each exported commitment's UID (see the module comment): `commitmentUid`, told apart by the
 * commitment's place among the vault's commitments with the same block id, or among its note's
 * commitments with the same text. Counted over all of them, exported or not, so settling one
 * never renames another. A block id one note holds once is looked up, not counted; a reused one
 * is counted over the notes that hold it, not over the whole vault.
 */
export function eventUids(index: VaultIndex, exported: readonly Commitment[], memo?: UidMemo): Map<Commitment, string> {
  const uids = new Map<Commitment, string>();
  const counted: Commitment[] = [];
  for (const c of exported) {
    if (c.id === null) uids.set(c, idlessUids(index, c.session, memo).get(c.line) ?? commitmentUid(c));
    else if (idOnlyHere(index, c)) uids.set(c, commitmentUid(c));
    else counted.push(c);
  }
  if (counted.length === 0) return uids;
  // Each commitment's place is looked up, never searched for: the places are counted once over
  // all of them (a vault can hold thousands of lines with one id), and only for the ids counted.
  const place = (c: UidKey) => `${c.session}\u0000${c.line}`;
  const wanted = new Set<string>();
  for (const c of counted) wanted.add(c.id!);
  const byId = new Map<string, { at: number; inNote: number }>();
  for (const id of wanted) {
    const list: Commitment[] = [];
    for (const path of index.notesWithBlockId(id)) for (const x of index.commitmentsOfSession(path)) if (x.id === id) list.push(x);
    list.sort(byPathAndLine);
    let noteStart = 0;
    for (let i = 0; i < list.length; i++) {
      if (i > 0 && list[i].session !== list[i - 1].session) noteStart = i;
      byId.set(place(list[i]), { at: i, inNote: i - noteStart });
    }
  }
  for (const c of counted) {
    const found = byId.get(place(c));
    if (found === undefined || found.at === 0) uids.set(c, commitmentUid(c));
    else uids.set(c, `${c.id}.${stableHash(c.session)}${found.inNote > 0 ? `.${found.inNote + 1}` : ''}@${UID_DOMAIN}`);
  }
  return uids;
}

function ownerLabel(c: Commitment, client: Client): { summary: string; lead: string } {
  if (c.owner === 'client') return { summary: `${client.name}: ${c.text}`, lead: `${client.name} committed to: ${c.text}` };
  if (c.owner === 'coach') return { summary: `Coach: ${c.text} (${client.name})`, lead: `The coach's commitment for ${client.name}: ${c.text}` };
  return { summary: `${c.owner}: ${c.text} (${client.name})`, lead: `${c.owner} (partner of ${client.name}) committed to: ${c.text}` };
}

function alarmDescription(step: NudgeStep, c: Commitment, client: Client, nudges: NudgeSettings, asOf: IsoDate): string {
  const lead =
    step.kind === 'confirm'
      ? `Confirm with ${client.name}: ${c.text}`
      : step.kind === 'midpoint'
        ? `Midpoint check-in with ${client.name}: ${c.text}`
        : step.kind === 'before-due'
          ? `Due ${formatDue(c.due, asOf)} for ${client.name}: ${c.text}`
          : `Past its due date (${formatDue(c.due, asOf)}): ${c.text} (${client.name}). Time to follow up.`;
  return `${lead}\n\nDraft: ${nudgeDraft(step.kind, c, client, nudges, asOf).body}`;
}

function describe(c: Commitment, client: Client, lead: string, url: string, steps: NudgeStep[], settings: CalendarSettings, stableUid: boolean): string {
  const lines = [lead, `Due ${c.due}${c.dueIsDefault ? ' (the default: from the next session or the cadence)' : ''}`];
  if (c.trigger) lines.push(`Cue: ${c.trigger}`);
  if (c.coping) lines.push(c.coping.obstacle ? `If ${c.coping.obstacle}: ${c.coping.response ?? ''}`.trim() : `Plan: ${c.coping.response ?? ''}`);
  const latest = [...c.checkIns].filter((k) => k.status !== 'nudged').sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  lines.push(`Status: ${c.status}${latest ? ` (latest check-in ${latest.date} ${latest.status}${latest.note ? `: ${latest.note}` : ''})` : ''}`);
  if (steps.length > 0) {
    const hh = String(settings.alarmHour).padStart(2, '0');
    lines.push(`Nudges: ${steps.map((s) => `${s.kind} ${s.date}`).join(', ')} (alarms at ${hh}:00)`);
  }
  lines.push(`From ${c.session}, line ${c.line}`, `Open the note: ${url}`);
  if (!stableUid) {
    lines.push('This commitment has no block id, so its calendar identity comes from the note and the text: editing either makes a new event. Add a block id (^id) to keep it stable.');
  }
  return lines.join('\n');
}

function released(client: Client, c: Commitment): boolean {
  return client.status !== 'active' || (client.pausedUntil !== null && c.due <= client.pausedUntil);
}

const LIVE = new Set(['open', 'partial', 'stuck']);

/** An event before its UID, which depends on the other notes with its block id or text (`eventUids`). */
export type ClientEvent = Omit<CalendarEvent, 'uid'>;

/** One client's exported commitments and their events, as `calendarEvents` works them out. */
export type ClientRows = readonly { c: Commitment; event: ClientEvent }[];

/**
 * What `calendarEvents` may reuse from an earlier call on the same as-of date and options
 * (./calendar-builder): a client's rows, kept by the client's version (`VaultIndex.clientVersion`),
 * which moves whenever anything they are worked out from changes.
 */
export interface ClientRowsMemo {
  rowsOf(client: Client, version: string): ClientRows | undefined;
  keep(client: Client, version: string, rows: ClientRows): void;
}

/** A client's live commitments as events (see the module comment), in no particular order. */
function clientRows(index: VaultIndex, named: Client, asOf: IsoDate, options: CalendarOptions, settings: CalendarSettings, nudges: NudgeSettings): ClientRows {
  const onlyCoach = options.coach?.trim().toLowerCase() || null;
  const sessions = new Map(index.sessionsOf(named).map((s) => [s.path, s]));
  const rows: { c: Commitment; event: ClientEvent }[] = [];
  // A name is one line wherever the calendar shows it (a frontmatter value can hold a line break).
  const client = { ...named, name: singleLine(named.name) };
  let rhythm: ClientRhythm | null = null;
  for (const c of index.commitmentsOf(named)) {
    const s = sessions.get(c.session);
    if (!s || s.date > asOf || !LIVE.has(c.status) || released(named, c)) continue;
    if (onlyCoach !== null && (s.coach ?? '').toLowerCase() !== onlyCoach) continue;
    if (c.owner === 'coach' && !settings.includeCoachItems) continue;
    if (c.owner !== 'coach' && c.owner !== 'client' && !settings.includePartnerItems) continue;
    // The same thinning as the Today panel: a steady client's events carry no midpoint alarm.
    rhythm ??= clientRhythm(index, named, asOf, nudges);
    rows.push({ c, event: eventOf(c, client, asOf, options, settings, nudges, rhythm) });
  }
  return rows;
}

function eventOf(c: Commitment, client: Client, asOf: IsoDate, options: CalendarOptions, settings: CalendarSettings, nudges: NudgeSettings, rhythm: ClientRhythm): ClientEvent {
  const stableUid = c.id !== null;
  const url = obsidianUrl(options.vaultName, c.session);
  const steps = nudgeSchedule(c, client, nudges, rhythm);
  const alarmSteps = settings.includePastAlarms ? steps : steps.filter((s) => s.date >= asOf);
  const { summary, lead } = ownerLabel(c, client);
  return {
    stableUid,
    date: c.due,
    summary: singleLine(summary),
    description: withoutControls(describe(c, client, lead, url, steps, settings, stableUid)),
    url,
    client: client.name,
    owner: c.owner,
    path: c.session,
    line: c.line,
    alarms: alarmSteps.map((step) => ({
      step,
      offsetSeconds: daysBetween(c.due, step.date) * 86_400 + settings.alarmHour * 3_600,
      description: withoutControls(alarmDescription(step, c, client, nudges, asOf)),
    })),
  };
}

/**
 * One client's events (UIDs aside), in no particular order: the kept ones while the client's
 * version stands, when `memo` keeps them. The `client` option is the caller's to apply.
 */
export function clientEvents(
  index: VaultIndex,
  client: Client,
  asOf: IsoDate,
  options: CalendarOptions,
  memo?: ClientRowsMemo,
  settings = resolveCalendarSettings(options.settings),
  nudges = resolveNudgeSettings(options.nudges),
): ClientRows {
  const version = memo ? index.clientVersion(client) : '';
  let mine = memo?.rowsOf(client, version);
  if (mine === undefined) {
    mine = clientRows(index, client, asOf, options, settings, nudges);
    memo?.keep(client, version, mine);
  }
  return mine;
}

/**
 * The events as plain data, in due-date, path and line order. With `memo`, a client whose
 * version has not moved since it was kept keeps its rows, and a note its id-less UIDs (the
 * caller keeps one memo per as-of date and options).
 */
export function calendarEvents(index: VaultIndex, asOf: IsoDate, options: CalendarOptions, memo?: { rows: ClientRowsMemo; uids: UidMemo }): CalendarEvent[] {
  const settings = resolveCalendarSettings(options.settings);
  const nudges = resolveNudgeSettings(options.nudges);
  const onlyClient = options.client?.trim().toLowerCase() || null;
  const rows: { c: Commitment; event: ClientEvent }[] = [];
  for (const client of index.clients()) {
    if (onlyClient !== null && client.name.toLowerCase() !== onlyClient) continue;
    for (const r of clientEvents(index, client, asOf, options, memo?.rows, settings, nudges)) rows.push(r);
  }
  rows.sort(
    (x, y) =>
      (x.c.due < y.c.due ? -1 : x.c.due > y.c.due ? 1 : 0) ||
      (x.c.session < y.c.session ? -1 : x.c.session > y.c.session ? 1 : 0) ||
      x.c.line - y.c.line,
  );
  const uids = eventUids(index, rows.map((r) => r.c), memo?.uids);
  return rows.map(({ c, event }) => ({ uid: uids.get(c)!, ...event }));
}

const utcMidnight = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

/** What the coach's and the client's calendars both write for an event. */
export interface AllDayEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  alarms: readonly { description: string; offsetSeconds: number }[];
}

/**
 * One all-day, free-time event on `cal` with its display alarms, as both calendar files write
 * them; `extra` adds what only one of them has (a URL and category, a status and sequence).
 */
export function addAllDayEvent(cal: ICalCalendar, asOf: IsoDate, e: AllDayEvent, extra: Partial<ICalEventData> = {}): void {
  const event = cal.createEvent({
    id: e.uid,
    start: utcMidnight(e.date),
    end: utcMidnight(addDays(e.date, 1)),
    allDay: true,
    stamp: utcMidnight(asOf),
    summary: e.summary,
    description: e.description,
    transparency: ICalEventTransparency.TRANSPARENT,
    ...extra,
  });
  for (const a of e.alarms) {
    const alarm = event.createAlarm({ type: ICalAlarmType.display, description: a.description });
    // `trigger(n)` is n seconds before the start; `relatesTo` must be set after it, and START
    // keeps an after-the-start trigger from being read against the end of the all-day event.
    if (a.offsetSeconds < 0) alarm.trigger(-a.offsetSeconds);
    else alarm.triggerAfter(a.offsetSeconds);
    alarm.relatesTo(ICalAlarmRelatesTo.start);
  }
}

export function calendarName(settings: CalendarSettings, options: CalendarOptions): string {
  const parts = [options.client?.trim(), options.coach?.trim() ? `${options.coach.trim()}'s clients` : null].filter((p): p is string => !!p);
  return singleLine(parts.length > 0 ? `${settings.calendarName}: ${parts.join(', ')}` : settings.calendarName);
}
