/** The command palette, the ribbon and the editor menu. */
import { Notice, type Plugin, type TFile } from 'obsidian';
import type { Host } from './host';
import { ICON } from './host';
import { registerCalendarCommand } from './calendar';
import { ClientPicker } from './views/client-picker';
import { NewAgreementModal } from './views/new-agreement-modal';
import { openTodayModal } from './views/today-modal';
import { pickClientFor } from './views/client-loop-modals';
import { writeReview } from './views/practice-view';

/** The active note, when it is a session note the index knows. */
function activeSession(host: Host): TFile | null {
  const file = host.app.workspace.getActiveFile();
  return file && host.index.note(file.path)?.session ? file : null;
}

/** The client of the active note (a session or client note), if any. */
function activeClient(host: Host): string | null {
  const file = host.app.workspace.getActiveFile();
  const note = file ? host.index.note(file.path) : undefined;
  if (note?.client) return note.client.name;
  if (note?.session) return host.index.clientOfSession(note.session).name;
  return null;
}

export function registerCommands(plugin: Plugin, host: Host, rescan: () => Promise<void>): void {
  plugin.addRibbonIcon(ICON, 'Open Follow Through roster', () => void host.nav.openRoster());

  plugin.addCommand({ id: 'open-roster', name: 'Open roster', callback: () => void host.nav.openRoster() });
  plugin.addCommand({
    id: 'open-client',
    name: 'Open client',
    callback: () => new ClientPicker(host.app, host.index.clients(), (c) => host.nav.openClient(c.name)).open(),
  });
  plugin.addCommand({ id: 'review-missed', name: 'Review missed commitments', callback: () => host.nav.openReview(null) });
  plugin.addCommand({
    id: 'review-missed-client',
    name: "Review missed commitments for this note's client",
    checkCallback: (checking) => {
      const client = activeClient(host);
      if (!client) return false;
      if (!checking) host.nav.openReview(client);
      return true;
    },
  });
  plugin.addCommand({
    id: 'capture-session',
    name: 'Capture commitments from this session',
    checkCallback: (checking) => {
      const file = activeSession(host);
      if (!file) return false;
      if (!checking) host.nav.openCapture(file.path);
      return true;
    },
  });
  plugin.addCommand({ id: 'open-practice', name: 'Open practice view', callback: () => void host.nav.openPractice() });
  for (const period of ['week', 'month'] as const) {
    plugin.addCommand({
      id: `write-${period}ly-review`,
      name: `Write the ${period}ly review note`,
      callback: async () => {
        const r = await writeReview(host, period);
        new Notice(`Follow Through: ${r.ok ? r.summary : r.reason}`);
      },
    });
  }
  plugin.addCommand({ id: 'show-today', name: "Show today's nudges", callback: () => openTodayModal(host) });
  plugin.addCommand({ id: 'new-agreement', name: 'New accountability agreement', callback: () => new NewAgreementModal(host.app, host).open() });
  registerCalendarCommand(plugin, host);
  // The client's side of the loop: each picks a client, then opens its modal.
  plugin.addCommand({ id: 'client-reply', name: "Log a client's reply", callback: () => pickClientFor(host, 'reply') });
  plugin.addCommand({ id: 'client-recap', name: 'Recap for client', callback: () => pickClientFor(host, 'recap') });
  plugin.addCommand({ id: 'client-progress', name: 'Progress so far', callback: () => pickClientFor(host, 'progress') });
  plugin.addCommand({ id: 'client-calendar', name: 'Calendar file for the client', callback: () => pickClientFor(host, 'calendar') });
  plugin.addCommand({
    id: 'rescan-vault',
    name: 'Rescan vault for commitments',
    callback: async () => {
      await rescan();
      new Notice(`Follow Through: indexed ${host.index.size} notes.`);
    },
  });

  plugin.registerEvent(
    host.app.workspace.on('editor-menu', (menu, _editor, info) => {
      const path = info.file?.path;
      if (!path || !host.index.note(path)?.session) return;
      menu.addItem((item) =>
        item
          .setTitle('Capture commitments from this session')
          .setIcon(ICON)
          .onClick(() => host.nav.openCapture(path)),
      );
    }),
  );
}
