/**
 * The client's side of the loop from the command line:
 *
 *   recap VAULT CLIENT [--as-of D]                     the recap the client keeps
 *   progress VAULT CLIENT [--as-of D]                  "Progress so far", for a session-end email
 *   ics VAULT --for-client CLIENT [--out F] [--as-of D] the calendar file for the client's phone
 *   checkin VAULT CLIENT --reply TEXT [--date D] [--as-of D] [--write]
 *                                                      the client's reply read as check-ins
 *
 * `checkin` shows which number is which commitment (numbered as of `--as-of`, else `--date`, else
 * today: the date the message was drafted for), the check-ins it would write and what it could not
 * place. With `--write` it writes them: the core's guarded check-in edits on each note's current
 * text, all or nothing, and each note is written only if it still holds the text the edit was
 * computed from (see write-notes.ts). A problem (a number out of range, a commitment named twice)
 * writes nothing and exits 1.
 */
import { existsSync } from 'node:fs';
import { buildClientCalendar } from '../../core/calendar/client-ics';
import type { CalendarSettings } from '../../core/calendar/settings';
import { numberCommitments } from '../../core/client-loop/numbering';
import { progressText } from '../../core/client-loop/progress';
import { recapMessage } from '../../core/client-loop/recap';
import { readReply, type ReplyReading } from '../../core/client-loop/reply';
import { checkInChanges } from '../../core/client-loop/write';
import type { Agreement } from '../../core/agreements/parse';
import type { VaultIndex } from '../../core/index/vault-index';
import type { NudgeSettings } from '../../core/nudges/settings';
import { formatDue } from '../../core/nudges/template';
import type { IsoDate } from '../../core/types';
import { readText } from '../read-vault';
import { findClient } from './analytics';
import { writeNoteChanges } from '../write-notes';
import { plural } from '../format';

export class CheckInProblem extends Error {}

export function recapCommand(index: VaultIndex, name: string, asOf: IsoDate, nudges?: Partial<NudgeSettings>, agreements?: readonly Agreement[]): string {
  const client = findClient(index, name);
  const m = recapMessage(index, client, asOf, { nudges, agreements });
  return `Subject: ${m.subject}\n\n${m.body}\n`;
}

export function progressCommand(index: VaultIndex, name: string, asOf: IsoDate): string {
  return progressText(index, findClient(index, name), asOf).body + '\n';
}

export interface ClientIcsOptions {
  asOf: IsoDate;
  out: string | null;
  calendar?: Partial<CalendarSettings>;
  nudges?: Partial<NudgeSettings>;
}

/** The client's calendar; SEQUENCE follows the `--out` file when it is an earlier export of ours. */
export function clientIcsCommand(index: VaultIndex, name: string, o: ClientIcsOptions): string {
  const client = findClient(index, name);
  let previous: string | null = null;
  if (o.out && existsSync(o.out)) {
    const r = readText(o.out);
    if ('text' in r) previous = r.text;
  }
  return buildClientCalendar(index, client, o.asOf, { settings: o.calendar, nudges: o.nudges, previous });
}

const STATUS_WORD = { done: 'done', partial: 'partly done', stuck: 'stuck', skipped: 'skipped' } as const;

function readingText(reading: ReplyReading, numberedLines: string[], asOf: IsoDate): string {
  const lines = [`Numbers as of ${formatDue(asOf)} ${asOf.slice(0, 4)}:`, ...numberedLines, ''];
  if (reading.checkIns.length > 0) {
    lines.push('Check-ins to write:');
    for (const k of reading.checkIns) lines.push(`  ${k.n}. ${k.commitment.text}: ${STATUS_WORD[k.status]}${k.note ? ` (${k.note})` : ''}`);
  } else lines.push('No check-ins to write.');
  if (reading.unplaced.length > 0) {
    lines.push('', 'Not placed (nothing is written for these):');
    for (const u of reading.unplaced) lines.push(`  "${u.text}": ${u.why}`);
  }
  if (reading.problems.length > 0) {
    lines.push('', 'Problems (nothing is written until the reply is fixed):');
    for (const p of reading.problems) lines.push(`  ${p}`);
  }
  return lines.join('\n') + '\n';
}

export interface CheckinOptions {
  reply: string;
  /** The check-ins' date. */
  date: IsoDate;
  /** The date the message being answered was drafted for (its numbering). */
  asOf: IsoDate;
  write: boolean;
  vault: string;
}

export function checkinCommand(index: VaultIndex, name: string, o: CheckinOptions): string {
  const client = findClient(index, name);
  const numbered = numberCommitments(index, client, o.asOf);
  const reading = readReply(o.reply, numbered, o.asOf);
  const numberedLines = numbered.length > 0 ? numbered.map((x) => `  ${x.n}. ${x.commitment.text}`) : ['  (none: nothing was live for this client then)'];
  const shown = readingText(reading, numberedLines, o.asOf);
  if (reading.problems.length > 0) throw new CheckInProblem(`${shown}\nNothing was written.`.trimEnd());
  if (!o.write) return shown + (reading.checkIns.length > 0 ? '\nRun again with --write to write these check-ins.\n' : '');
  const paths = [...new Set(reading.checkIns.map((k) => k.commitment.session))];
  const texts = new Map<string, string | null>();
  for (const p of paths) {
    const r = readText(`${o.vault}/${p}`);
    texts.set(p, 'text' in r ? r.text : null);
  }
  const result = checkInChanges(
    texts,
    reading.checkIns.map((k) => ({ commitment: k.commitment, status: k.status, note: k.note })),
    o.date,
    index.settings,
    `Logged ${plural(reading.checkIns.length, 'check-in')} for ${client.name} dated ${formatDue(o.date)}.`,
  );
  if (!result.ok) throw new CheckInProblem(`${shown}\n${result.reason}`);
  writeNoteChanges(o.vault, result.changes);
  return `${shown}\n${result.summary}\n`;
}
