/**
 * Calendar export: "Export calendar" writes the .ics into the vault (where a calendar app can
 * subscribe to it through the coach's sync), and, when the setting is on, keeps it current after
 * every index change. Written only when the text differs, so an unchanged vault causes no sync.
 */
import { Notice, TFile, normalizePath, type Plugin } from 'obsidian';
import { isOurCalendar } from '../core/calendar/ics';
import { CalendarBuilder } from '../core/calendar/calendar-builder';
import type { Host } from './host';
import { inSlices } from '../app/ui-turn';

/** The calendar file setting names something that is not ours to replace; nothing was written. */
export class CalendarPathError extends Error {}

/**
 * Writes the calendar at `path`: a new file, or over an earlier export of ours (recognised by its
 * PRODID). A note, a folder, or any other file already there is refused, so a mistyped setting can
 * never overwrite a note.
 */
async function writeIfChanged(host: Host, path: string, text: string): Promise<boolean> {
  const { vault } = host.app;
  if (/\.md$/i.test(path)) throw new CalendarPathError(`not writing the calendar to ${path}: that is a note's name. Give the calendar file setting a .ics name.`);
  const existing = vault.getAbstractFileByPath(path);
  if (existing !== null && !(existing instanceof TFile)) throw new CalendarPathError(`not writing the calendar to ${path}: that is a folder. Give the calendar file setting a .ics name.`);
  if (existing instanceof TFile) {
    const current = await vault.read(existing);
    if (current === text) return false;
    if (!isOurCalendar(current)) {
      throw new CalendarPathError(`not writing the calendar to ${path}: a file there was not exported by Follow Through. Choose another calendar file name, or delete that file first.`);
    }
    await vault.modify(existing, text);
    return true;
  }
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  if (folder && !vault.getAbstractFileByPath(folder)) await vault.createFolder(folder);
  await vault.create(path, text);
  return true;
}

/**
 * One builder per plugin: the command and the file kept current share what it keeps (each
 * client's events and each event's text), so a rewrite after a change works out only what the
 * change touched (../core/calendar/calendar-builder).
 */
const builders = new WeakMap<Host, CalendarBuilder>();

function builderOf(host: Host): CalendarBuilder {
  let builder = builders.get(host);
  if (builder === undefined) builders.set(host, (builder = new CalendarBuilder()));
  return builder;
}

function calendarOptions(host: Host) {
  return { vaultName: host.app.vault.getName(), settings: host.settings.calendar, nudges: host.settings.nudges };
}

/** Writes the calendar file now; returns its path. */
export async function exportCalendar(host: Host): Promise<string> {
  const file = builderOf(host).file(host.index, host.today(), calendarOptions(host));
  const path = normalizePath(file.path);
  await writeIfChanged(host, path, file.text);
  return path;
}

/**
 * Works out the next calendar a slice at a time, with the UI getting a turn between slices (the
 * first build after start-up writes every client's events), then calls `done`. Returns a function
 * that stops it.
 */
function prepareInSlices(host: Host, done: () => void): () => void {
  const work = builderOf(host).prepare(host.index, host.today(), calendarOptions(host));
  return inSlices(work, window, () => performance.now(), (p) => {
    if (p.finished) done();
    return true;
  });
}

export function registerCalendarCommand(plugin: Plugin, host: Host): void {
  plugin.addCommand({
    id: 'export-calendar',
    name: 'Export calendar',
    callback: async () => {
      try {
        const path = await exportCalendar(host);
        new Notice(`Follow Through: calendar written to ${path}. Subscribe to it from your calendar app through your sync.`);
      } catch (err) {
        new Notice(`Follow Through: could not write the calendar: ${(err as Error).message}`);
      }
    },
  });
}

/**
 * While `calendar.writeToVault` is on, rewrites the file a moment after the index changes: its
 * events worked out in slices first, then written.
 */
export function keepCalendarFile(plugin: Plugin, host: Host): void {
  let timer: number | null = null;
  let stopPreparing: (() => void) | null = null;
  let refused: string | null = null;
  const write = () => {
    timer = null;
    if (!host.settings.calendar.writeToVault) return;
    stopPreparing = prepareInSlices(host, () => {
      stopPreparing = null;
      exportCalendar(host).then(
        () => (refused = null),
        (err: unknown) => {
          // Said once per refusal, not on every change of the vault.
          const message = err instanceof Error ? err.message : 'the calendar could not be written';
          if (err instanceof CalendarPathError && refused !== message) new Notice(`Follow Through: ${message}`);
          refused = message;
        },
      );
    });
  };
  const stop = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    stopPreparing?.();
    stopPreparing = null;
  };
  // The .ics file is not a note, so writing it never comes back here as an index change.
  const off = host.index.onChange(() => {
    stop();
    timer = window.setTimeout(write, 2000);
  });
  plugin.register(() => {
    off();
    stop();
  });
  write();
}
