/**
 * `ics VAULT [--client NAME] [--coach NAME] [--out FILE] [--as-of D]`: the calendar export.
 * Returns the iCalendar text; `main.ts` prints it, or writes it to `--out`.
 */
import { buildCalendar } from '../../core/calendar/ics';
import type { CalendarSettings } from '../../core/calendar/settings';
import type { VaultIndex } from '../../core/index/vault-index';
import type { NudgeSettings } from '../../core/nudges/settings';
import type { IsoDate } from '../../core/types';
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
