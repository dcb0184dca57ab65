/**
 * Calendar export: "Export calendar" writes the .ics into the vault (where a calendar app can
 * subscribe to it through the coach's sync), and, when the setting is on, keeps it current after
 * every index change. Written only when the text differs, so an unchanged vault causes no sync.
 */
import { Notice, TFile, type Plugin } from 'obsidian';
import { calendarFile } from '../core/calendar/ics';
import type { Host } from './host';

async function writeIfChanged(host: Host, path: string, text: string): Promise<boolean> {
  const { vault } = host.app;
  const existing = vault.getAbstractFileByPath(path);
  if (existing instanceof TFile) {
    if ((await vault.read(existing)) === text) return false;
    await vault.modify(existing, text);
    return true;
  }
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  if (folder && !vault.getAbstractFileByPath(folder)) await vault.createFolder(folder);
  await vault.create(path, text);
  return true;
}

/** Writes the calendar file now; returns its path. */
export async function exportCalendar(host: Host): Promise<string> {
  const file = calendarFile(host.index, host.today(), {
    vaultName: host.app.vault.getName(),
    settings: host.settings.calendar,
    nudges: host.settings.nudges,
  });
  await writeIfChanged(host, file.path, file.text);
  return file.path;
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

/** While `calendar.writeToVault` is on, rewrites the file a moment after the index changes. */
export function keepCalendarFile(plugin: Plugin, host: Host): void {
  let timer: number | null = null;
  const write = () => {
    timer = null;
    if (host.settings.calendar.writeToVault) void exportCalendar(host).catch(() => undefined);
  };
  // The .ics file is not a note, so writing it never comes back here as an index change.
  const off = host.index.onChange(() => {
    if (timer !== null) window.clearTimeout(timer);
    timer = window.setTimeout(write, 2000);
  });
  plugin.register(() => {
    off();
    if (timer !== null) window.clearTimeout(timer);
  });
  write();
}
