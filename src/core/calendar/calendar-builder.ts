/**
 * The coach's calendar file, built again after every change of the vault without doing again
 * what did not change. With "Keep a calendar file in the vault" on, the plugin rewrites the file
 * a moment after each change; built from nothing, a vault of 2,000 clients (31,000 open
 * commitments, 28 MB of iCalendar) took 1.7 s of the main thread each time.
 *
 * A builder keeps, for the as-of date and options it last built:
 * - each client's events (`ClientRowsMemo`), by the client's version: only the clients a change
 *   touched are worked out again;
 * - each note's UIDs for its commitments without a block id, while the note and the client list
 *   stand;
 * - each event's iCalendar text, by its UID, with the event it was written from: an event equal
 *   in every field is not written again.
 * The text is byte for byte `buildCalendar`'s (which is a builder used once).
 */
import ical, { type ICalCalendar } from 'ical-generator';
import { inSequence, preparation, type Preparation } from '../index/prepare';
import type { VaultIndex } from '../index/vault-index';
import type { Client, IsoDate } from '../types';
import { calendarTextOf, foldLines } from './ics-text';
import { addAllDayEvent, calendarEvents, calendarName, clientEvents, eventUids, PRODUCT, type CalendarEvent, type CalendarOptions, type ClientRows, type ClientRowsMemo, type NoteUids } from './ics';
import { resolveCalendarSettings } from './settings';

/** Whether two events write the same iCalendar text (every field the text is written from). */
function sameEvent(a: CalendarEvent, b: CalendarEvent): boolean {
  if (a.uid !== b.uid || a.date !== b.date || a.summary !== b.summary || a.description !== b.description || a.url !== b.url || a.client !== b.client) return false;
  if (a.alarms.length !== b.alarms.length) return false;
  for (let i = 0; i < a.alarms.length; i++) {
    if (a.alarms[i].offsetSeconds !== b.alarms[i].offsetSeconds || a.alarms[i].description !== b.alarms[i].description) return false;
  }
  return true;
}

/**
 * What one build (and the work done ahead of it) asked for, kept for the next: an entry asked
 * for or set since the last `turn` is kept, any other is let go at it.
 */
class KeptByLastBuild<K, V> {
  private kept = new Map<K, V>();
  private used = new Map<K, V>();

  get(key: K): V | undefined {
    const v = this.used.get(key) ?? this.kept.get(key);
    if (v !== undefined) this.used.set(key, v);
    return v;
  }

  set(key: K, value: V): void {
    this.used.set(key, value);
  }

  /** Ends a build: what it did not ask for is let go. */
  turn(): void {
    this.kept = this.used;
    this.used = new Map();
  }
}

/** Each client's events, by the client's version (a client list worked out again has new objects, and the old ones go). */
class RowsByClient extends KeptByLastBuild<Client, { version: string; rows: ClientRows }> implements ClientRowsMemo {
  rowsOf(client: Client, version: string): ClientRows | undefined {
    const k = this.get(client);
    return k !== undefined && k.version === version ? k.rows : undefined;
  }

  keep(client: Client, version: string, rows: ClientRows): void {
    this.set(client, { version, rows });
  }
}

/** An event's folded text, written through `addAllDayEvent` (as the client's calendar writes its events too) on a scratch calendar, emptied after. */
function eventText(cal: ICalCalendar, asOf: IsoDate, e: CalendarEvent): string {
  addAllDayEvent(cal, asOf, e, { url: e.url, categories: [{ name: e.client }] });
  const events = cal.events();
  const text = foldLines(events[events.length - 1].toString());
  cal.clear();
  return text;
}

export class CalendarBuilder {
  /** What the kept parts were worked out for: the as-of date and the options. */
  private keptFor = '';
  private rows = new RowsByClient();
  /** Each note's UIDs for its lines without a block id, by path. */
  private uids = new KeptByLastBuild<string, NoteUids>();
  /** Each event's text, by UID, with the event it was written from. */
  private texts = new KeptByLastBuild<string, { event: CalendarEvent; text: string }>();
  /** Event texts the last build had to write (the rest it had kept). */
  written = 0;

  /** Starts afresh when the as-of date or the options are not the ones the kept parts are for. */
  private keepFor(asOf: IsoDate, options: CalendarOptions): void {
    const key = JSON.stringify([asOf, options]);
    if (key === this.keptFor) return;
    this.keptFor = key;
    this.rows = new RowsByClient();
    this.uids = new KeptByLastBuild();
    this.texts = new KeptByLastBuild();
  }

  /** The event's kept text, or its text written now (and kept). */
  private textOf(scratch: ICalCalendar, asOf: IsoDate, e: CalendarEvent): string {
    let kept = this.texts.get(e.uid);
    if (kept === undefined || !sameEvent(kept.event, e)) {
      kept = { event: e, text: eventText(scratch, asOf, e) };
      this.texts.set(e.uid, kept);
      this.written++;
    }
    return kept.text;
  }

  /** The calendar's iCalendar text (CRLF line endings, folded at 75 octets; see the module comment). */
  build(index: VaultIndex, asOf: IsoDate, options: CalendarOptions): string {
    this.keepFor(asOf, options);
    this.written = 0;
    const events = calendarEvents(index, asOf, options, { rows: this.rows, uids: this.uids });
    const name = calendarName(resolveCalendarSettings(options.settings), options);
    const scratch = ical({ prodId: PRODUCT, name });
    const parts: string[] = [];
    for (const e of events) parts.push(this.textOf(scratch, asOf, e));
    this.rows.turn();
    this.uids.turn();
    this.texts.turn();
    return calendarTextOf(ical({ prodId: PRODUCT, name }), parts);
  }

  /**
   * The next build's work done ahead, a client at a time (the caller's slices, ../index/prepare):
   * each client's events, their UIDs and their texts, so that the build after it only puts the
   * kept texts in order. A change of the index starts it again from the first client (the
   * clients already done are kept parts, cheap to pass again).
   */
  prepare(index: VaultIndex, asOf: IsoDate, options: CalendarOptions): Preparation {
    this.keepFor(asOf, options);
    const scratch = ical({ prodId: PRODUCT, name: '' });
    const only = options.client?.trim().toLowerCase() || null;
    // The block ids the UIDs look up are built first, in slices of their own.
    return inSequence(index.prepareBlockIds(), preparation(
      () => index.clients(),
      () => index.version,
      (client) => {
        if (only !== null && client.name.toLowerCase() !== only) return;
        const rows = clientEvents(index, client, asOf, options, this.rows);
        if (rows.length === 0) return;
        const uids = eventUids(index, rows.map((r) => r.c), this.uids);
        for (const { c, event } of rows) this.textOf(scratch, asOf, { uid: uids.get(c)!, ...event });
      },
    ));
  }

  /** The file to keep in the vault for a calendar subscription: its path and text. */
  file(index: VaultIndex, asOf: IsoDate, options: CalendarOptions): { path: string; text: string } {
    return { path: resolveCalendarSettings(options.settings).vaultPath, text: this.build(index, asOf, options) };
  }
}

/** The iCalendar text of the calendar, built once. */
export function buildCalendar(index: VaultIndex, asOf: IsoDate, options: CalendarOptions): string {
  return new CalendarBuilder().build(index, asOf, options);
}
