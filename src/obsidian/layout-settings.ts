/**
 * The settings tab's "Note layout" section: every layout rule a coach can see and change, the
 * "Set up from my notes" button, and the notes not read (each opening the note at its line).
 */
import { Setting } from 'obsidian';
import { DEFAULT_LAYOUT, type NoteLayout } from '../core/layout/layout';
import type { Diagnostic } from '../core/types';

export interface LayoutSettingsHost {
  layout(): NoteLayout;
  setLayout(change: Partial<NoteLayout>): Promise<void>;
  /** Saves a text field once typing pauses. */
  afterTyping(save: (value: string) => unknown): (value: string) => void;
  setUp(): void;
  notRead(): Diagnostic[];
  openDiagnostic(d: Diagnostic): void;
}

const LISTS: [keyof NoteLayout, string, string][] = [
  ['sessionTypes', 'Session types', 'Values of the type keys that make a note a session (session, meeting, 1-1…).'],
  ['clientTypes', 'Client types', 'Values that make a note a client (person) note.'],
  ['typeKeys', 'Type keys', 'Frontmatter keys that say what a note is (type, category, kind).'],
  ['sessionTags', 'Session tags', 'Tags that make a note a session.'],
  ['sessionFolders', 'Session folders', 'Folder globs whose notes are sessions: Coaching/** (anything below), 1-1s/*/ (a sub-folder per client).'],
  ['ignoreFolders', 'Folders never read as sessions', 'The templates folder, for example Templates/**.'],
  ['clientKeys', 'Client keys', 'More frontmatter keys naming the client (coachee, person, with).'],
  ['attendeeKeys', 'Attendee keys', 'Keys listing the people present; the one person besides you is the client.'],
  ['dateKeys', 'Date keys', 'More frontmatter keys for the session date (meeting_date, created).'],
  ['nextKeys', 'Next-session keys', 'More keys for the next session (next_meeting).'],
  ['actionHeadings', 'More action-item headings', 'Headings whose items are commitments, beyond the built-in ones.'],
  ['coachNames', 'Your names', 'Items starting with one of these (Me, I, your first name) are yours, not the client’s.'],
];

const SWITCHES: [keyof NoteLayout, string, string][] = [
  ['clientFromBody', 'Client from a line in the note', 'Client:: [[X]], **Coachee**: X, an attendees list.'],
  ['clientFromFolder', 'Client from the folder', '1-1s/ben-carter/… when a client note matches.'],
  ['clientFromFilename', 'Client from the file name', 'Hugo Brandt - 2026-10-08, 2026-11-20 Jane.'],
  ['clientFromTitle', 'Client from the title’s link', '# 1:1 with [[Ben Carter]].'],
  ['dateFromFilename', 'Date from the file name', ''],
  ['dateFromBody', 'Date from a Date: line or a dated heading', ''],
  ['datedSections', 'A session per dated heading', 'One note per client with a ## 2026-11-20 heading per session.'],
  ['flexibleItems', 'Action items as other templates write them', 'Ben: / @Ben / (Owner: Ben) owners, (Due: …), ~~done~~, callouts, outstanding-items copies.'],
  ['duePhrases', 'Due dates in words', 'by Friday, on 12/2, before next session.'],
];

function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function layoutSettings(el: HTMLElement, host: LayoutSettingsHost): void {
  new Setting(el).setName('Note layout').setHeading();
  new Setting(el)
    .setName('Set up from my notes')
    .setDesc('Looks at your notes, proposes how to read the layout you already use, and shows what it would read. No note is changed.')
    .addButton((b) => b.setButtonText('Set up from my notes').onClick(() => host.setUp()));
  const notRead = host.notRead();
  const details = el.createEl('details', { cls: 'ft-settings-not-read' });
  details.createEl('summary', { text: notRead.length === 0 ? 'Every note was read.' : `Notes not read or read with a warning (${notRead.length})` });
  const ul = details.createEl('ul');
  for (const d of notRead.slice(0, 200)) {
    const li = ul.createEl('li');
    const a = li.createEl('a', { text: d.path.replace(/\.md$/i, ''), href: '#' });
    a.addEventListener('click', (e) => {
      e.preventDefault();
      host.openDiagnostic(d);
    });
    li.appendText(`: ${d.message}`);
  }
  for (const [key, name, desc] of LISTS) {
    new Setting(el)
      .setName(name)
      .setDesc(desc)
      .addTextArea((t) =>
        t
          .setPlaceholder((DEFAULT_LAYOUT[key] as readonly string[]).join(', '))
          .setValue((host.layout()[key] as readonly string[]).join(', '))
          .onChange(host.afterTyping((v) => host.setLayout({ [key]: list(v) }))),
      );
  }
  for (const [key, name, desc] of SWITCHES) {
    new Setting(el)
      .setName(name)
      .setDesc(desc)
      .addToggle((t) => t.setValue(host.layout()[key] as boolean).onChange((v) => void host.setLayout({ [key]: v })));
  }
  new Setting(el)
    .setName('Daily notes folder')
    .setDesc('Daily notes whose sections name a client hold sessions (empty: none).')
    .addText((t) => t.setValue(host.layout().dailyNotesFolder).onChange(host.afterTyping((v) => host.setLayout({ dailyNotesFolder: v.trim() }))));
  new Setting(el)
    .setName('Numeric dates')
    .setDesc('How 12/2 reads.')
    .addDropdown((d) =>
      d
        .addOption('mdy', 'Month first (12/2 is December 2)')
        .addOption('dmy', 'Day first (12/2 is 12 February)')
        .setValue(host.layout().dateOrder)
        .onChange((v) => void host.setLayout({ dateOrder: v === 'dmy' ? 'dmy' : 'mdy' })),
    );
}
