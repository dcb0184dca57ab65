/**
 * `follow-through setup VAULT [--coach NAME] [--write]`: propose the note layout from the
 * vault's notes, show what it would read, and with --write save it into the plugin's data.json
 * (keeping every other key). Never changes a note; running it twice changes nothing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { coreSettingsFrom, loadSettings, SETTINGS_VERSION } from '../../core/plugin-settings';
import { proposeLayout } from '../../core/setup/propose';
import { setupReport, setupText } from '../../core/setup/report';
import { danglingLinkReason, readText, VaultReadError } from '../read-vault';
import { NoteWriteError, writeNoteChanges } from '../write-notes';
import { isExtendedLayout, mergeLayouts, resolveLayout } from '../../core/layout/layout';
import { parseSettingsFile, SETTINGS_PATH } from '../settings';


/** A settings file's JSON object as saved (unknown keys and all), or null when there is none. */
function readJsonObject(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null;
  // Read as notes are (a regular file only: a named pipe would block the command for good).
  const read = readText(path);
  if (!('reason' in read) && read.text.trim() === '') return {};
  return parseSettingsFile(path);
}

/** A number's significant digits (`1.50e3` → `15`): equal for two spellings of one value. */
function digits(number: string): string {
  const mantissa = number.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '');
}

/**
 * The first number in a JSON text that JavaScript cannot hold as written (an id past 2^53, a
 * value past 1.8e308, twenty significant digits), so that writing the object back would change
 * it; null when every number survives.
 */
function lossyNumber(json: string): string | null {
  const token = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
  for (let m = token.exec(json); m !== null; m = token.exec(json)) {
    const t = m[0];
    if (t.charCodeAt(0) === 34 /* " */) continue;
    const v = Number(t);
    if (!Number.isFinite(v) || digits(t) !== digits(String(v).replace(/e[+-]?\d+$/, ''))) return t;
  }
  return null;
}

/** A folder Obsidian (or Templater) keeps in its own settings, if the vault has it. */
function obsidianFolder(vault: string, file: string, key: string): string | null {
  try {
    const data = readJsonObject(join(vault, '.obsidian', file));
    const v = data?.[key];
    return typeof v === 'string' ? v.replace(/^\/+|\/+$/g, '') : null;
  } catch {
    return null;
  }
}

export function setupCommand(vault: string, notes: readonly (readonly [string, string])[], options: { coach: string | null; write: boolean }): string {
  const dataPath = join(vault, SETTINGS_PATH);
  // The text the layout is written over: checked again just before writing (another program, or
  // Obsidian itself, may save the file meanwhile), so a change made since is never lost.
  const first = existsSync(dataPath) ? readText(dataPath) : null;
  const before = first !== null && 'text' in first ? first.text : null;
  const saved = readJsonObject(dataPath);
  const proposal = proposeLayout({
    notes,
    coach: options.coach,
    templatesFolder: obsidianFolder(vault, 'templates.json', 'folder') ?? obsidianFolder(vault, join('plugins', 'templater-obsidian', 'data.json'), 'templates_folder'),
    dailyNotesFolder: obsidianFolder(vault, 'daily-notes.json', 'folder'),
  });
  // What the coach already set (headings, names, folders) stays: the proposal is added to it.
  const savedLayout = saved !== null && typeof saved.layout === 'object' && saved.layout !== null && !Array.isArray(saved.layout) ? resolveLayout(saved.layout) : null;
  const layout = savedLayout !== null ? mergeLayouts(savedLayout, proposal.layout) : proposal.layout;
  const kept = savedLayout !== null && isExtendedLayout(savedLayout);
  const settings = loadSettings({ ...(saved ?? {}), layout });
  const report = setupReport(notes, coreSettingsFrom(settings));
  let written: string | null = null;
  if (options.write) {
    const next: Record<string, unknown> = { ...(saved ?? { settingsVersion: SETTINGS_VERSION }), layout };
    let text: string;
    try {
      text = JSON.stringify(next, null, 2) + '\n';
    } catch {
      throw new VaultReadError(`not saving the layout: ${dataPath} holds a value nested too deeply to write back as it was; nothing was changed. Remove that value (or the file, to start again) and run setup again`);
    }
    const lossy = before === null ? null : lossyNumber(before);
    if (lossy !== null) {
      const shown = lossy.length > 40 ? `${lossy.slice(0, 40)}…` : lossy;
      throw new VaultReadError(`not saving the layout: ${dataPath} holds the number ${shown}, which cannot be written back exactly (it would become ${JSON.stringify(Number(lossy))}); nothing was changed. Write that value as a string ("${shown}"), or set the layout in the plugin's settings`);
    }
    const dangling = danglingLinkReason(dataPath);
    if (dangling !== null) throw new VaultReadError(`not saving the layout: ${dangling}`);
    if (before !== text) {
      try {
        mkdirSync(dirname(dataPath), { recursive: true });
        writeNoteChanges(vault, [{ path: SETTINGS_PATH, before, after: text, changedLines: [] }], { during: 'the layout was prepared', what: 'the layout' });
      } catch (err) {
        if (err instanceof NoteWriteError) throw new VaultReadError(`not saving the layout: ${err.message}`);
        throw new VaultReadError(`cannot write ${dataPath}: ${(err as Error).message}`);
      }
    }
    written = dataPath;
  }
  return setupText(proposal, report, written, kept);
}
