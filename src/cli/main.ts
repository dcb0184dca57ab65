/**
 * The command-line entry over a vault folder: the same core the plugin runs, read from disk.
 * Exit codes: 0 done, 1 the vault or a note could not be read, 2 the command line was wrong.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { VaultIndex } from '../core/index/vault-index';
import { parseCliArgs, UsageError, type CliOptions } from './args';
import { briefCommand, patternsCommand, rosterCommand, rosterText, UnknownClientError } from './commands/analytics';
import { icsCommand } from './commands/ics';
import { reviewCommand, reviewPeriod, ReviewWriteError } from './commands/review';
import { scanJson, scanSummary } from './commands/scan';
import { roster } from '../core/analytics/roster';
import { readVault, VaultReadError } from './read-vault';
import { setupCommand } from './commands/setup';

export const USAGE = `usage: follow-through COMMAND VAULT [options]

commands:
  scan VAULT [--json] [--as-of D]                 clients, sessions, commitments (and roster)
  roster VAULT [--as-of D] [--json] [--coach NAME] one row per client, riskiest first
  patterns VAULT CLIENT [--as-of D] [--json]      what gets done, what keeps being carried over
  brief VAULT CLIENT [--as-of D]                  the pre-session brief, as markdown
  review VAULT --week|--month [--as-of D] [--out FILE]
                                                  the weekly or monthly practice review note
  ics VAULT [--client NAME] [--coach NAME] [--out FILE] [--as-of D]
                                                  an iCalendar file of open commitments and nudges
  setup VAULT [--coach NAME] [--write]            propose the note layout from your notes; --write saves it
  demo VAULT [--as-of D]                          the practice summary and roster

options:
  --json             print the scan contract's JSON object
  --as-of DATE       the date to judge by, YYYY-MM-DD (default: today)
  --coach NAME       only this coach's clients
  --client NAME      only this client
  --out FILE         write to FILE instead of printing
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  today?: () => string;
}

/** Writes a command's output file, as a one-line error when it cannot. */
function writeOut(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new VaultReadError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

function loadIndex(vault: string): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(readVault(vault));
  return index;
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
      const index = loadIndex(vault);
      io.out(opts.json ? scanJson(index, opts.asOf) + '\n' : scanSummary(index, opts.asOf, basename(resolve(vault))));
      return 0;
    }
    case 'roster': {
      const index = loadIndex(needVault(opts, command));
      io.out(rosterCommand(index, opts.asOf, opts.coach, opts.json));
      return 0;
    }
    case 'patterns':
    case 'brief': {
      const vault = needVault(opts, command);
      const name = opts.positionals[2];
      if (!name) throw new UsageError(`${command} needs a client name`);
      const index = loadIndex(vault);
      io.out(command === 'brief' ? briefCommand(index, name, opts.asOf) : patternsCommand(index, name, opts.asOf, opts.json));
      return 0;
    }
    case 'review': {
      const vault = needVault(opts, command);
      io.out(reviewCommand(loadIndex(vault), { period: reviewPeriod(opts), asOf: opts.asOf, out: opts.out }));
      return 0;
    }
    case 'ics': {
      const vault = needVault(opts, command);
      const index = loadIndex(vault);
      const ics = icsCommand(index, { asOf: opts.asOf, client: opts.client, coach: opts.coach, vaultName: basename(resolve(vault)) });
      if (opts.out) {
        writeOut(opts.out, ics);
        io.err(`follow-through: wrote ${opts.out}\n`);
      } else io.out(ics);
      return 0;
    }
    case 'setup': {
      const vault = needVault(opts, command);
      io.out(setupCommand(vault, readVault(vault), { coach: opts.coach, write: opts.write }));
      return 0;
    }
    case 'demo': {
      const vault = needVault(opts, command);
      const index = loadIndex(vault);
      io.out(scanSummary(index, opts.asOf, basename(resolve(vault))));
      io.out('\n' + rosterText(roster(index, { asOf: opts.asOf }), opts.asOf));
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
    if (err instanceof UsageError) {
      if (err.message) io.err(`follow-through: ${err.message}\n`);
      io.err(USAGE);
      return 2;
    }
    if (err instanceof VaultReadError || err instanceof UnknownClientError || err instanceof ReviewWriteError) {
      io.err(`follow-through: ${err.message}\n`);
      return 1;
    }
    io.err(`follow-through: ${(err as Error).message ?? String(err)}\n`);
    return 1;
  }
}
