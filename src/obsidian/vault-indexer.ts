/**
 * Keeps the core's VaultIndex in step with Obsidian: a full read once the layout is ready, then
 * one note at a time on metadata-cache `changed` / `deleted` and vault `rename`.
 */
import { TFile, type App, type Component } from 'obsidian';
import type { VaultIndex } from '../core/index/vault-index';

const BATCH = 250;

export class VaultIndexer {
  private ready = false;

  constructor(
    private readonly app: App,
    private readonly index: VaultIndex,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** Reads every markdown note into the index, a batch of reads at a time. */
  async indexAll(): Promise<void> {
    const files = this.app.vault.getMarkdownFiles();
    this.index.clear();
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const texts = await Promise.all(batch.map((f) => this.app.vault.cachedRead(f)));
      this.index.setNotes(batch.map((f, j) => [f.path, texts[j]] as const));
    }
    this.ready = true;
  }

  /** Subscribes to the events that change notes; `owner` unregisters them on unload. */
  register(owner: Component): void {
    owner.registerEvent(
      this.app.metadataCache.on('changed', (file, data) => {
        if (file.extension === 'md') this.index.setNote(file.path, data);
      }),
    );
    owner.registerEvent(
      this.app.metadataCache.on('deleted', (file) => {
        this.index.removeNote(file.path);
      }),
    );
    owner.registerEvent(
      this.app.vault.on('rename', (file, oldPath) => {
        if (!(file instanceof TFile) || file.extension !== 'md') {
          this.index.removeNote(oldPath);
          return;
        }
        void this.app.vault.cachedRead(file).then((text) => this.index.renameNote(oldPath, file.path, text));
      }),
    );
  }
}
