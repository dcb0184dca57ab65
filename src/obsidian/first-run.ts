/**
 * The roster's first-run and diagnostic actions: set up from existing notes, a new client note,
 * a new session note from the template, and opening the note a diagnostic names.
 */
import { Notice } from 'obsidian';
import { renderSessionNote, sessionNotePath } from '../core/edit/session-note';
import type { Diagnostic } from '../core/types';
import type { Host } from './host';
import { NameModal } from './views/name-modal';

export const SET_UP_COMMAND = 'follow-through:set-up-from-notes';

/** Characters Obsidian will not have in a note name. */
const BAD_NAME = /[\\/:*?"<>|#^[\]]/;

/** Obsidian's command registry (`app.commands`) is not in the public API. */
interface CommandRegistry {
  findCommand(id: string): unknown;
  executeCommandById(id: string): boolean;
}

export function runSetUp(host: Host): void {
  const commands = (host.app as unknown as { commands?: CommandRegistry }).commands;
  if (commands?.findCommand(SET_UP_COMMAND) && commands.executeCommandById(SET_UP_COMMAND)) return;
  new Notice('Follow Through: "Set up from my notes" is not available in this version yet. Add type: client or type: session to a note to begin.');
}

async function createNote(host: Host, path: string, text: string): Promise<boolean> {
  const { vault } = host.app;
  if (vault.getAbstractFileByPath(path)) {
    new Notice(`Follow Through: ${path} already exists; open it instead.`);
    return false;
  }
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  if (folder && !vault.getAbstractFileByPath(folder)) await vault.createFolder(folder);
  await vault.create(path, text);
  await host.nav.openNoteAt(path, 1);
  return true;
}

function validName(name: string): boolean {
  if (!BAD_NAME.test(name)) return true;
  new Notice('Follow Through: a name cannot contain \\ / : * ? " < > | # ^ [ or ].');
  return false;
}

/** Asks for a name and creates `Clients/NAME.md` with `type: client` (refused when it exists). */
export function createClientNote(host: Host): NameModal {
  const modal = new NameModal(host.app, 'New client note', 'Client name', async (name: string) => {
    if (validName(name)) await createNote(host, `Clients/${name}.md`, '---\ntype: client\n---\n');
  });
  modal.open();
  return modal;
}

/** Asks for the client and creates today's session note for them from the session template. */
export function insertSessionTemplate(host: Host): NameModal {
  const modal = new NameModal(host.app, 'New session note', 'Client', async (client: string) => {
    if (!validName(client)) return;
    const date = host.today();
    const template = host.sessionTemplateText();
    const path = sessionNotePath({ folder: host.settings.sessionsFolder, template, filenamePattern: host.settings.sessionFileName }, client, date);
    await createNote(host, path, renderSessionNote({ client, date, template, settings: host.index.settings }));
  });
  modal.open();
  return modal;
}

export function openDiagnostic(host: Host, d: Diagnostic): void {
  void host.nav.openNoteAt(d.path, d.line);
}
