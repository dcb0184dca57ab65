/**
 * `ics VAULT [--client NAME] [--coach NAME] [--out FILE] [--as-of D]`: the calendar export.
 * Returns the iCalendar text; `main.ts` prints it, or writes it to `--out` with `writeIcsFile`,
 * which writes a new file or over an earlier export of ours and refuses anything else.
 */
import { statSync } from 'node:fs';
import { writeFileChecked } from '../write-notes';
import { isOurCalendar } from '../../core/calendar/ics';
import { buildCalendar } from '../../core/calendar/calendar-builder';
import type { CalendarSettings } from '../../core/calendar/settings';
import type { VaultIndex } from '../../core/index/vault-index';
import type { NudgeSettings } from '../../core/nudges/settings';
import type { IsoDate } from '../../core/types';
import { danglingLinkReason, readText, VaultReadError } from '../read-vault';
import { findClient, UnknownClientError } from './analytics';

/** A `--coach` naming no coach in the vault; a kind of UnknownClientError so main exits with 1. */
export class UnknownCoachError extends UnknownClientError {}

export interface IcsCommandOptions {
  asOf: IsoDate;
  client?: string | null;
  coach?: string | null;
  /** Where main.ts writes the result; not used here (the text is returned either way). */
  out?: string | null;
  /** The vault's name for obsidian:// links: the vault folder's basename. */
  vaultName: string;
  calendar?: Partial<CalendarSettings>;
  nudges?: Partial<NudgeSettings>;
}

/** The coach names the vault knows, from client notes and sessions. */
function coaches(index: VaultIndex): string[] {
  const names = new Set<string>();
  for (const c of index.clients()) if (c.coach) names.add(c.coach);
  for (const s of index.sessions()) if (s.coach) names.add(s.coach);
  return [...names].sort();
}

export function icsCommand(index: VaultIndex, options: IcsCommandOptions): string {
  const client = options.client ? findClient(index, options.client).name : null;
  let coach: string | null = null;
  if (options.coach) {
    const all = coaches(index);
    const q = options.coach.trim().toLowerCase();
    coach = all.find((c) => c.toLowerCase() === q) ?? null;
    if (coach === null) {
      const partial = all.filter((c) => c.toLowerCase().startsWith(q) || c.toLowerCase().split(/\s+/).includes(q));
      if (partial.length === 1 && q.length > 0) coach = partial[0];
      else throw new UnknownCoachError(`no coach named '${options.coach}'${all.length ? `; coaches: ${all.join(', ')}` : ''}`);
    }
  }
  return buildCalendar(index, options.asOf, {
    client,
    coach,
    vaultName: options.vaultName,
    settings: options.calendar,
    nudges: options.nudges,
  });
}

/** `--out` naming something that is not ours to replace; main exits with 1 and the file is untouched. */
export class IcsWriteError extends VaultReadError {}

/**
 * Writes the calendar to `file`: a new file, or over an earlier export of ours (recognised by its
 * PRODID). A markdown file, a folder, anything else that exists, or a file that cannot be read to
 * tell is refused, so a note can never be overwritten by a mistyped `--out`.
 */
export function writeIcsFile(file: string, text: string): void {
  if (/\.md$/i.test(file)) throw new IcsWriteError(`not writing ${file}: it is a markdown note's name; give --out a .ics file`);
  const dangling = danglingLinkReason(file);
  if (dangling !== null) throw new IcsWriteError(`not writing ${file}: ${dangling}`);
  let exists = true;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new IcsWriteError(`not writing ${file}: it is a folder; give --out a .ics file`);
  } catch (err) {
    if (err instanceof IcsWriteError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new IcsWriteError(`not writing ${file}: ${(err as Error).message}`);
    exists = false;
  }
  let before: string | null = null;
  if (exists) {
    const read = readText(file);
    if ('reason' in read || !isOurCalendar(read.text)) {
      throw new IcsWriteError(`not writing ${file}: it exists and is not a calendar exported by Follow Through; choose a new file or delete it first`);
    }
    before = read.text;
  }
  // Guarded as a note is: still the export that was checked (or still nothing there), written whole.
  try {
    writeFileChecked(file, before, text, { during: 'the calendar was prepared', what: 'the calendar' });
  } catch (err) {
    throw new IcsWriteError(`cannot write ${file}: ${(err as Error).message}`);
  }
}
