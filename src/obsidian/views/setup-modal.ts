/**
 * "Set up from my notes": looks at the vault's notes, shows the note layout it proposes and what
 * that layout reads (sessions per folder, clients, a sample of commitments, the notes still not
 * read and why), and saves the layout on Confirm. It never changes a note.
 */
import { ButtonComponent, Modal, Notice, Setting, TFile, type App } from 'obsidian';
import type { FollowThroughSettings } from '../../core/plugin-settings';
import { coreSettingsFrom, loadSettings } from '../../core/plugin-settings';
import { proposeLayout, type SetupProposal } from '../../core/setup/propose';
import { setupReport, setupText } from '../../core/setup/report';
import { coachOwnName, mergeLayouts, type NoteLayout } from '../../core/layout/layout';

export interface SetupHost {
  app: App;
  settings: FollowThroughSettings;
  updateSettings(change: Partial<FollowThroughSettings>): Promise<void>;
}

/** At most this many notes are looked at: enough to see a vault's layout, quick on a large one. */
const SAMPLE = 4000;

async function readNotes(app: App): Promise<[string, string][]> {
  const files = app.vault.getMarkdownFiles().slice(0, SAMPLE);
  const out: [string, string][] = [];
  for (const f of files) {
    try {
      out.push([f.path, await app.vault.cachedRead(f)]);
    } catch {
      // A note that cannot be read now is left out of the sample; the index names it.
    }
  }
  return out;
}

export class SetupModal extends Modal {
  private proposal: SetupProposal | null = null;
  private layout: NoteLayout | null = null;
  private coach: string;

  constructor(
    app: App,
    private readonly host: SetupHost,
  ) {
    super(app);
    this.coach = coachOwnName(host.settings.layout) ?? '';
  }

  override onOpen(): void {
    this.setTitle('Set up from my notes');
    void this.render();
  }

  private async render(): Promise<void> {
    const el = this.contentEl;
    el.empty();
    el.createEl('p', { text: 'Follow Through looks at your notes and proposes how to read them. No note is changed.' });
    new Setting(el)
      .setName('Your name as coach')
      .setDesc('Items you wrote for yourself (starting with me: or your first name) are counted as yours.')
      .addText((t) =>
        t.setValue(this.coach).onChange((v) => {
          this.coach = v.trim();
        }),
      );
    const status = el.createEl('p', { text: 'Reading your notes…' });
    const notes = await readNotes(this.app);
    this.proposal = proposeLayout({ notes, coach: this.coach || null });
    // Added to the layout already set (what the coach set by hand stays), as the command line's setup does.
    this.layout = mergeLayouts(this.host.settings.layout, this.proposal.layout);
    const settings = loadSettings({ ...structuredClone(this.host.settings), layout: this.layout });
    const report = setupReport(notes, coreSettingsFrom(settings));
    status.setText(`Looked at ${notes.length} notes.`);
    el.createEl('pre', { cls: 'ft-setup-report', text: setupText(this.proposal, report, null).replace(/\nNothing was saved[^]*$/, '') });
    const buttons = el.createDiv('ft-setup-buttons');
    new ButtonComponent(buttons).setButtonText('Look again').onClick(() => void this.render());
    new ButtonComponent(buttons)
      .setButtonText('Save this layout')
      .setCta()
      .onClick(() => void this.confirm());
    new ButtonComponent(buttons).setButtonText('Cancel').onClick(() => this.close());
  }

  private async confirm(): Promise<void> {
    if (!this.proposal || !this.layout) return;
    await this.host.updateSettings({ layout: this.layout });
    new Notice('Follow Through saved the note layout; your notes are being read again.');
    this.close();
  }
}

/** True when a note exists but no client was read: the first run of a vault in another layout. */
export function shouldOfferSetup(app: App, clients: number): boolean {
  return clients === 0 && app.vault.getMarkdownFiles().some((f) => f instanceof TFile);
}
