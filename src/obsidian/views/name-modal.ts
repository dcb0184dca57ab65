/** Asks for one name (a client's), with Enter or the button to go on. */
import { Modal, Setting, type App } from 'obsidian';

export class NameModal extends Modal {
  private value = '';

  constructor(
    app: App,
    private readonly title: string,
    private readonly label: string,
    private readonly onSubmit: (name: string) => unknown,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.titleEl.setText(this.title);
    new Setting(this.contentEl).setName(this.label).addText((t) => {
      t.setPlaceholder('First and last name').onChange((v) => (this.value = v));
      t.inputEl.addEventListener('keydown', (e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          this.submit();
        }
      });
    });
    new Setting(this.contentEl).addButton((b) => b.setButtonText('Create').setCta().onClick(() => this.submit()));
  }

  /** Test helper and the button's action: goes on with the name typed. */
  submit(): void {
    const name = this.value.trim();
    if (name === '') return;
    this.close();
    void this.onSubmit(name);
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
