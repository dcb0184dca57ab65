/** Command-line arguments: `follow-through COMMAND VAULT [ARGS] [--options]`. */
import { parseArgs } from 'node:util';
import { isIsoDate, localToday } from '../core/dates';

export class UsageError extends Error {}

/** `--help` asked for: the usage on stdout, and success. */
export class HelpRequested extends Error {}

export interface CliOptions {
  json: boolean;
  asOf: string;
  coach: string | null;
  client: string | null;
  out: string | null;
  week: boolean;
  month: boolean;
  /** `setup --write`: save the proposed layout. */
  write: boolean;
  /** `--settings FILE`: plugin settings from FILE instead of the vault's data.json. */
  settings: string | null;
  /** `--no-settings`: the default settings, whatever the vault's data.json says. */
  noSettings: boolean;
  /** `ics --for-client NAME`: the calendar file for that client's own phone. */
  forClient: string | null;
  /** `checkin --reply TEXT`: the client's reply to read. */
  reply: string | null;
  /** `checkin --date D`: the check-ins' date (default today). */
  date: string | null;
  /** Whether `--as-of` was given (checkin numbers as of `--date` otherwise). */
  asOfGiven: boolean;
  positionals: string[];
}

/**
 * `--reply TEXT` with TEXT starting with a dash (a pasted list: `--reply "- 1 done"`) as
 * `--reply=TEXT`, which the argument parser would otherwise refuse as ambiguous. Not when TEXT is
 * one of our own options (`--reply --write`: the reply was left out, which stays an error).
 */
function replyValuesJoined(argv: string[], options: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a === '--reply' && next !== undefined && next.startsWith('-') && !(next.replace(/^--?/, '').split('=')[0] in options)) {
      out.push(`--reply=${next}`);
      i++;
    } else out.push(a);
    if (a === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
  }
  return out;
}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  'as-of': { type: 'string' },
  coach: { type: 'string' },
  client: { type: 'string' },
  out: { type: 'string' },
  week: { type: 'boolean', default: false },
  month: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  settings: { type: 'string' },
  'no-settings': { type: 'boolean', default: false },
  'for-client': { type: 'string' },
  reply: { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function parseCliArgs(argv: string[], today: () => string = () => localToday()): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: replyValuesJoined(argv, OPTIONS),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  const v = parsed.values;
  if (v.help) throw new HelpRequested('');
  const asOf = v['as-of'] ?? today();
  if (v.settings !== undefined && v['no-settings']) throw new UsageError('give --settings FILE or --no-settings, not both');
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of '${asOf}' is not a date (YYYY-MM-DD)`);
  if (v.date !== undefined && !isIsoDate(v.date)) throw new UsageError(`--date '${v.date}' is not a date (YYYY-MM-DD)`);
  return {
    json: v.json ?? false,
    asOf,
    coach: v.coach ?? null,
    client: v.client ?? null,
    out: v.out ?? null,
    week: v.week ?? false,
    month: v.month ?? false,
    write: v.write ?? false,
    settings: v.settings ?? null,
    noSettings: v['no-settings'] ?? false,
    forClient: v['for-client'] ?? null,
    reply: v.reply ?? null,
    date: v.date ?? null,
    asOfGiven: v['as-of'] !== undefined,
    positionals: parsed.positionals,
  };
}
