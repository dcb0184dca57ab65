/**
 * A calendar's iCalendar text, as `ICalCalendar.toString()` writes it, in linear time with a
 * small constant.
 *
 * ical-generator 10.2 folds the whole calendar's text at 75 octets by encoding every character
 * with a new `TextEncoder`. For 150,000 events (52 MB) that took 31 s of the export's 35 s.
 * Upstream fixed it in 11.x (sebbo2002/ical-generator#765), but 11.x needs Node 22, and this
 * project runs on Node 20. Here the library still writes every line: the calendar without its
 * events (folded by the library, a few lines), and each event unfolded (`ICalEvent.toString()`).
 * Only the events' lines are folded here, by the same rule: a line break and a space before the
 * character that would take the line past 74 octets, counting UTF-8 octets as TextEncoder does.
 * tests/calendar/ics-text.test.ts holds the result to `toString()` byte for byte.
 */
import type { ICalCalendar } from 'ical-generator';

/** UTF-8 octets of one character as ical-generator reads it: one code unit, or a high surrogate and the unit after it. */
function octets(s: string, at: number, units: number): number {
  const c = s.charCodeAt(at);
  if (units === 2) {
    const d = s.charCodeAt(at + 1);
    // A surrogate pair is one 4-octet character; a high surrogate before anything else is U+FFFD (3) and that unit's own.
    if (d >= 0xdc00 && d <= 0xdfff) return 4;
    return 3 + octets(s, at + 1, 1);
  }
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  return 3; // the rest of the BMP, and a lone surrogate (U+FFFD)
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** One line folded as ical-generator 10.2 folds it. */
function foldLine(line: string): string {
  // Nothing to fold: every character takes at least one octet.
  if (line.length <= 74 && isAscii(line)) return line;
  let out = '';
  let n = 0;
  for (let r = 0; r < line.length; r++) {
    const c = line.charCodeAt(r);
    const units = c >= 0xd800 && c <= 0xdbff && r + 1 < line.length ? 2 : 1;
    const a = octets(line, r, units);
    n += a;
    if (n > 74) {
      out += '\r\n ';
      n = a;
    }
    out += units === 2 ? line.slice(r, r + 2) : line[r];
    r += units - 1;
  }
  return out;
}

/** Folds every CRLF line of `text`. */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

/**
 * `cal.toString()`, quickly (see the module comment). Empties the calendar of its events: call
 * it last, on a calendar built for this text.
 */
export function calendarText(cal: ICalCalendar): string {
  const events = cal.events();
  // toString writes a calendar's own X- lines after the events; ours have none, and one that has gets the library's text.
  if (events.length === 0 || cal.x().length > 0) return withFinalBreak(cal.toString());
  const parts: string[] = [];
  for (const e of events) parts.push(foldLines(e.toString()));
  return calendarTextOf(cal.clear(), parts);
}

/**
 * The text of `shell`, a calendar with no events and no X- lines, with `events` (each an event's
 * folded text, `foldLines(event.toString())`) in its place for them, as `calendarText` writes it.
 */
export function calendarTextOf(shell: ICalCalendar, events: readonly string[]): string {
  const text = shell.toString();
  const end = text.lastIndexOf('END:VCALENDAR');
  return withFinalBreak(text.slice(0, end) + events.join('') + text.slice(end));
}

/**
 * RFC 5545 ends every content line with CRLF, the last (`END:VCALENDAR`) too; the library leaves
 * it off, and a strict reader (or `cat` of two files) then runs the next text into that line.
 */
function withFinalBreak(text: string): string {
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
