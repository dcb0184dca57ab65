/**
 * Keeps the core's indexes (the VaultIndex, and the agreements beside it) in step with Obsidian:
 * a full read once the layout is ready, then one note at a time on metadata-cache `changed` /
 * `deleted` and vault `rename`.
 */
import { TFile, type App, type Component } from 'obsidian';

/** What an index of notes takes; the VaultIndex and the AgreementIndex both are one. */
export interface NoteSink {
  setNotes(entries: Iterable<readonly [string, string]>): void;
  setNote(path: string, text: string): unknown;
  removeNote(path: string): unknown;
  renameNote(oldPath: string, newPath: string, text: string): void;
  clear(): void;
}

const BATCH = 250;

export class VaultIndexer {
  private ready = false;
  private readonly sinks: readonly NoteSink[];

  /** The first sink is told last, so views listening to it see the others already current. */
  constructor(
    private readonly app: App,
    ...sinks: NoteSink[]
  ) {
    this.sinks = [...sinks].reverse();
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Reads every markdown note into the indexes, a batch of reads at a time. */
  async indexAll(): Promise<void> {
    const files = this.app.vault.getMarkdownFiles();
    for (const s of this.sinks) s.clear();
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const texts = await Promise.all(batch.map((f) => this.app.vault.cachedRead(f)));
      const entries = batch.map((f, j) => [f.path, texts[j]] as const);
      for (const s of this.sinks) s.setNotes(entries);
    }
    this.ready = true;
  }

  /** Subscribes to the events that change notes; `owner` unregisters them on unload. */
  register(owner: Component): void {
    owner.registerEvent(
      this.app.metadataCache.on('changed', (file, data) => {
        if (file.extension === 'md') for (const s of this.sinks) s.setNote(file.path, data);
      }),
    );
    owner.registerEvent(
      this.app.metadataCache.on('deleted', (file) => {
        for (const s of this.sinks) s.removeNote(file.path);
      }),
    );
    owner.registerEvent(
      this.app.vault.on('rename', (file, oldPath) => {
        if (!(file instanceof TFile) || file.extension !== 'md') {
          for (const s of this.sinks) s.removeNote(oldPath);
          return;
        }
        void this.app.vault.cachedRead(file).then((text) => {
          for (const s of this.sinks) s.renameNote(oldPath, file.path, text);
        });
      }),
    );
  }
}
