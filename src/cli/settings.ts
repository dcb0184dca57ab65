/**
 * The vault's plugin settings for the command-line entry: `VAULT/.obsidian/plugins/follow-through/data.json`
 * when it is there, read through the plugin's own loader (`loadSettings`), so the CLI and the
 * plugin read a vault the same way. `--settings FILE` reads another file; `--no-settings` uses the
 * defaults. A file that is not a JSON object is a one-line error naming it, never a crash. Node only.
 */
import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { loadSettings, settingRepairs, type FollowThroughSettings } from '../core/plugin-settings';
import { describe, kindOf, readText, VaultReadError } from './read-vault';

/** Where Obsidian keeps this plugin's data, relative to the vault folder. */
export const SETTINGS_PATH = '.obsidian/plugins/follow-through/data.json';

export interface SettingsChoice {
  /** `--settings FILE`, or null for the vault's own data.json. */
  file: string | null;
  /** `--no-settings`: the defaults, whatever the vault holds. */
  none: boolean;
}

export interface CliSettings {
  settings: FollowThroughSettings;
  /** The file the settings came from, or null for the defaults. */
  source: string | null;
  /** One line for each saved number read as another ("settings FILE: dueLeadDays 0.5 is not…"). */
  repairs: string[];
}

function fromFile(file: string): CliSettings {
  const data = parseSettingsFile(file);
  return { settings: loadSettings(data), source: file, repairs: settingRepairs(data).map((r) => `settings ${file}: ${r}; fix it there to silence this`) };
}

export function parseSettingsFile(file: string): Record<string, unknown> {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (err) {
    throw new VaultReadError(`cannot read settings ${file}: ${describe(err)}`);
  }
  if (!st.isFile()) throw new VaultReadError(`cannot read settings ${file}: it is ${kindOf(st)}, not a settings file; give --settings the data.json file itself, or run with --no-settings`);
  const read = readText(file);
  if ('reason' in read) throw new VaultReadError(`cannot read settings ${file}: ${read.reason.replace(/^not read: /, '')}`);
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (err) {
    throw new VaultReadError(`settings ${file} is not valid JSON (${(err as Error).message.split('\n')[0]}); fix it, or run with --no-settings`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new VaultReadError(`settings ${file} is not a JSON object of settings; fix it, or run with --no-settings`);
  }
  return data as Record<string, unknown>;
}

/** The settings a command reads the vault with (see the module comment). */
export function readCliSettings(vault: string, choice: SettingsChoice): CliSettings {
  if (choice.none) return { settings: loadSettings(undefined), source: null, repairs: [] };
  if (choice.file !== null) return fromFile(choice.file);
  const file = join(vault, SETTINGS_PATH);
  let st: Stats | null;
  try {
    st = statSync(file);
  } catch {
    st = null;
  }
  // Obsidian's loadData() gives null for a missing file, and the plugin starts from the defaults.
  if (st === null) return { settings: loadSettings(null), source: null, repairs: [] };
  if (!st.isFile()) {
    // Not a file Obsidian could keep settings in: the defaults, and a word about it.
    return { settings: loadSettings(null), source: null, repairs: [`settings ${file} is ${kindOf(st)}, not a settings file, so the defaults are used; remove it (Obsidian writes the file when a setting is saved)`] };
  }
  return fromFile(file);
}
