/** "New accountability agreement": asks for the two partners, writes the note from the template, opens it. */
import { Modal, Notice, Setting, type App } from 'obsidian';
import { agreementFileName, agreementTemplate } from '../../core/agreements/template';
import type { Host } from '../host';

export class NewAgreementModal extends Modal {
  private partners: [string, string] = ['', ''];

  constructor(
    app: App,
    private readonly host: Host,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.titleEl.setText('New accountability agreement');
    const el = this.contentEl;
    el.createEl('p', {
      cls: 'ft-muted',
      text: 'Two partners, their goals, how they check in, how they like to be supported, what happens on a miss, and when to recalibrate.',
    });
    new Setting(el).setName('First partner').addText((t) => t.setPlaceholder('Alex').onChange((v) => (this.partners[0] = v)));
    new Setting(el).setName('Second partner').addText((t) => t.setPlaceholder('Jordan').onChange((v) => (this.partners[1] = v)));
    new Setting(el).addButton((b) => b.setButtonText('Create').setCta().onClick(() => void this.create()));
  }

  private async create(): Promise<void> {
    const [a, b] = this.partners.map((p) => p.trim());
    if (!a || !b) {
      new Notice('Follow Through: name both partners.');
      return;
    }
    const path = agreementFileName([a, b], this.host.settings.agreementsFolder);
    const { vault } = this.app;
    if (vault.getAbstractFileByPath(path)) {
      new Notice(`Follow Through: ${path} already exists; open it instead.`);
      return;
    }
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (folder && !vault.getAbstractFileByPath(folder)) await vault.createFolder(folder);
    const coach = this.host.index.client(a)?.coach ?? this.host.index.client(b)?.coach ?? null;
    await vault.create(path, agreementTemplate({ partners: [a, b], coach, date: this.host.today() }));
    this.close();
    await this.host.nav.openNoteAt(path, 1);
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
