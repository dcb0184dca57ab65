/**
 * The command-line entry over a vault folder: the same core the plugin runs, read from disk with
 * the vault's plugin settings (see settings.ts). A note that cannot be read is a diagnostic and the
 * command goes on. Exit codes: 0 done; 1 the vault folder or its settings could not be read, a
 * client was not found, or an output file was refused; 2 the command line was wrong.
 */
import { basename, resolve } from 'node:path';
import { daysBetween, localToday } from '../core/dates';
import type { IsoDate } from '../core/types';
import { VaultIndex } from '../core/index/vault-index';
import { coreSettingsFrom, type FollowThroughSettings } from '../core/plugin-settings';
import { HelpRequested, parseCliArgs, UsageError, type CliOptions } from './args';
import { briefCommand, patternsCommand, rosterCommand, rosterRows, rosterText, UnknownClientError } from './commands/analytics';
import { displayDates } from '../core/display-dates';
import { icsCommand, writeIcsFile } from './commands/ics';
import { reviewCommand, reviewPeriod, ReviewWriteError } from './commands/review';
import { scanJsonChunks, scanSummary } from './commands/scan';
import { listVaultFolder, readVaultFolder, readVaultNotes, VaultReadError } from './read-vault';
import { readCliSettings, SETTINGS_PATH } from './settings';
import { setupCommand } from './commands/setup';
import { agreementsFrom } from '../core/agreements/store';
import { checkinCommand, CheckInProblem, clientIcsCommand, progressCommand, recapCommand } from './commands/client-loop';
import { NoteWriteError } from './write-notes';
import { setYamlParser } from '../core/parse/yaml';
import { yamlPackageParser } from './yaml';
import { coachOwnName } from '../core/layout/layout';

// The command line reads frontmatter with the `yaml` package (the plugin uses Obsidian's parseYaml).
setYamlParser(yamlPackageParser);

export const USAGE = `usage: follow-through COMMAND VAULT [options]

commands:
  scan VAULT [--json] [--as-of D]                 clients, sessions, commitments (and roster)
  roster VAULT [--as-of D] [--json] [--coach NAME] one row per client, riskiest first
  patterns VAULT CLIENT [--as-of D] [--json]      what gets done, what keeps being carried over
  brief VAULT CLIENT [--as-of D] [--json]         the pre-session brief, as markdown (or its model)
  review VAULT --week|--month [--as-of D] [--out FILE]
                                                  the weekly or monthly practice review note
  ics VAULT [--client NAME] [--coach NAME] [--out FILE] [--as-of D]
                                                  an iCalendar file of open commitments and nudges
  ics VAULT --for-client NAME [--out FILE] [--as-of D]
                                                  the calendar file for one client's own phone
  recap VAULT CLIENT [--as-of D]                  the recap the client keeps, numbered, with the reply key
  progress VAULT CLIENT [--as-of D]               "Progress so far", in neutral words, for the client
  checkin VAULT CLIENT --reply TEXT [--date D] [--as-of D] [--write]
                                                  read the client's reply as check-ins; --write writes them
  setup VAULT [--coach NAME] [--write]            propose the note layout from your notes; --write saves it
  demo VAULT [--as-of D]                          the practice summary and roster

options:
  --json             print the scan contract's JSON object
  --as-of DATE       the date to judge by, YYYY-MM-DD (default: today)
  --coach NAME       only this coach's clients
  --client NAME      only this client
  --out FILE         write to FILE instead of printing
  --for-client NAME  ics: the client's own calendar (their words, their reminders, no one else's)
  --reply TEXT       checkin: the client's reply, e.g. "1 done, 2 stuck: meetings ate Monday"
  --date DATE        checkin: the check-ins' date (default: today; not after today, at most a year back)
  --settings FILE    read the notes with the plugin settings in FILE
                     (default: VAULT/${SETTINGS_PATH} when it is there)
  --no-settings      read the notes with the default settings
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  today?: () => string;
}

interface Loaded {
  index: VaultIndex;
  settings: FollowThroughSettings;
  /** Every note's `[path, text]`, when `keepTexts` asked for them (else empty). */
  notes: [string, string][];
}

/**
 * The vault read as the plugin reads it: its settings, every note, and a diagnostic for each note
 * that could not be read. The notes go into the index a batch at a time as they are read, so
 * their texts are let go as they go, unless `keepTexts` asks for them.
 */
function loadVault(vault: string, opts: CliOptions, io: Io, keepTexts = false): Loaded {
  const listing = listVaultFolder(vault);
  const { settings, repairs } = readCliSettings(vault, { file: opts.settings, none: opts.noSettings });
  for (const r of repairs) io.err(`follow-through: ${r}\n`);
  const index = new VaultIndex(coreSettingsFrom(settings));
  const notes: [string, string][] = [];
  const unreadable = readVaultNotes(listing, (batch) => {
    index.setNotes(batch);
    if (keepTexts) for (const entry of batch) notes.push(entry);
  });
  for (const u of unreadable) index.setUnreadable(u.path, u.message, u.severity);
  return { index, settings, notes };
}

function needVault(opts: CliOptions, command: string): string {
  const vault = opts.positionals[1];
  if (!vault) throw new UsageError(`${command} needs a vault folder`);
  return vault;
}

function run(argv: string[], io: Io): number {
  const opts = parseCliArgs(argv, io.today);
  const command = opts.positionals[0];
  switch (command) {
    case 'scan': {
      const vault = needVault(opts, command);
      const { index, settings } = loadVault(vault, opts, io);
      const thresholds = settings.thresholds;
      if (!opts.json) io.out(scanSummary(index, opts.asOf, basename(resolve(vault))));
      else {
        for (const piece of scanJsonChunks(index, opts.asOf, thresholds)) io.out(piece);
        io.out('\n');
      }
      return 0;
    }
    case 'roster': {
      const { index, settings } = loadVault(needVault(opts, command), opts, io);
      io.out(rosterCommand(index, { asOf: opts.asOf, coach: opts.coach, json: opts.json, thresholds: settings.thresholds, statuses: settings.rosterStatuses }));
      return 0;
    }
    case 'patterns':
    case 'brief': {
      const vault = needVault(opts, command);
      const name = opts.positionals[2];
      if (!name) throw new UsageError(`${command} needs a client name`);
      const { index, settings } = loadVault(vault, opts, io);
      const t = settings.thresholds;
      io.out(
        command === 'brief'
          ? briefCommand(index, name, opts.asOf, t, displayDates(settings.dateFormat, () => opts.asOf), opts.json)
          : patternsCommand(index, name, opts.asOf, opts.json, t),
      );
      return 0;
    }
    case 'review': {
      const vault = needVault(opts, command);
      const period = reviewPeriod(opts);
      const { index, settings } = loadVault(vault, opts, io);
      io.out(reviewCommand(index, { period, asOf: opts.asOf, out: opts.out, practice: { thresholds: settings.thresholds } }));
      return 0;
    }
    case 'ics': {
      const vault = needVault(opts, command);
      const { index, settings } = loadVault(vault, opts, io);
      if (opts.forClient !== null) {
        if (opts.client || opts.coach) throw new UsageError('ics --for-client takes no --client or --coach');
        const text = clientIcsCommand(index, opts.forClient, { asOf: opts.asOf, out: opts.out, calendar: settings.calendar, nudges: settings.nudges });
        if (opts.out) {
          writeIcsFile(opts.out, text);
          io.err(`follow-through: wrote ${opts.out}\n`);
        } else io.out(text);
        return 0;
      }
      const ics = icsCommand(index, {
        asOf: opts.asOf,
        client: opts.client,
        coach: opts.coach,
        vaultName: basename(resolve(vault)),
        calendar: settings.calendar,
        nudges: settings.nudges,
      });
      if (opts.out) {
        writeIcsFile(opts.out, ics);
        io.err(`follow-through: wrote ${opts.out}\n`);
      } else io.out(ics);
      return 0;
    }
    case 'recap':
    case 'progress':
    case 'checkin': {
      const vault = needVault(opts, command);
      const name = opts.positionals[2];
      if (!name) throw new UsageError(`${command} needs a client name`);
      if (command === 'checkin' && (opts.reply === null || opts.reply.trim() === '')) throw new UsageError('checkin needs --reply TEXT (the client\'s reply, in quotes)');
      const { index, settings, notes } = loadVault(vault, opts, io, command === 'recap');
      if (command === 'recap') io.out(recapCommand(index, name, opts.asOf, settings.nudges, agreementsFrom(notes)));
      else if (command === 'progress') io.out(progressCommand(index, name, opts.asOf));
      else {
        const today = (io.today ?? (() => localToday()))();
        const date = opts.date ?? today;
        checkInDateInReach(date, today);
        const asOf = opts.asOfGiven ? opts.asOf : (opts.date ?? opts.asOf);
        io.out(checkinCommand(index, name, { reply: opts.reply!, date, asOf, write: opts.write, vault }));
      }
      return 0;
    }
    case 'setup': {
      const vault = needVault(opts, command);
      io.out(setupCommand(vault, readVaultFolder(vault).notes, { coach: opts.coach, write: opts.write }));
      return 0;
    }
    case 'demo': {
      const vault = needVault(opts, command);
      const { index, settings } = loadVault(vault, opts, io);
      io.out(scanSummary(index, opts.asOf, basename(resolve(vault))));
      io.out('\n' + rosterText(rosterRows(index, { asOf: opts.asOf, thresholds: settings.thresholds, statuses: settings.rosterStatuses }), opts.asOf, coachOwnName(index.settings.layout)));
      return 0;
    }
    case undefined:
      throw new UsageError('');
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

export function main(argv: string[], io: Io): number {
  try {
    return run(argv, io);
  } catch (err) {
    if (err instanceof HelpRequested) {
      io.out(USAGE);
      return 0;
    }
    if (err instanceof UsageError) {
      if (err.message) io.err(`follow-through: ${err.message}\n`);
      io.err(USAGE);
      return 2;
    }
    if (err instanceof CheckInProblem) {
      io.err(`${err.message}\n`);
      return 1;
    }
    if (err instanceof VaultReadError || err instanceof UnknownClientError || err instanceof ReviewWriteError || err instanceof NoteWriteError) {
      io.err(`follow-through: ${err.message}\n`);
      return 1;
    }
    io.err(`follow-through: ${(err as Error).message ?? String(err)}\n`);
    return 1;
  }
}

/**
 * A check-in records what the client said, so its date is not after today (a day's grace for
 * time zones), and a year back at most: `--date 2062-11-30` or `2006-11-30` is a typo, which
 * would be written into the note as a check-in no view shows where it belongs.
 */
function checkInDateInReach(date: IsoDate, today: IsoDate): void {
  const ahead = daysBetween(today, date);
  if (ahead > 1) throw new UsageError(`--date ${date} is after today (${today}); a check-in records a reply already given, so date it today or earlier`);
  if (ahead < -366) throw new UsageError(`--date ${date} is more than a year before today (${today}); if that is right, write the check-in into the note by hand (\`- ${date} done: …\` under the item)`);
}
