/** The applier's view of Obsidian: the vault, notices, and saving open editors before an edit. */
import { MarkdownView, Notice, type App, type TFile } from 'obsidian';
import type { EditVault } from '../../app/applier';

/**
 * Saves every open editor showing `path`. Obsidian writes editor text to disk a moment after typing
 * stops; `Vault.process` reads the disk, so without this an edit could be computed on text older
 * than what the coach sees (and their unsaved typing would then be merged against our write).
 */
export async function saveOpenEditors(app: App, path: string): Promise<void> {
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (view instanceof MarkdownView && view.file?.path === path) await view.save();
  }
}

export function obsidianEditVault(app: App): EditVault<TFile> {
  return {
    getFileByPath: (path) => app.vault.getFileByPath(path),
    read: (file) => app.vault.read(file),
    process: (file, fn) => app.vault.process(file, fn),
    create: (path, data) => app.vault.create(path, data),
    delete: (file) => app.vault.delete(file),
    ensureFolder: async (folder) => {
      if (folder === '' || app.vault.getAbstractFileByPath(folder) !== null) return;
      await app.vault.createFolder(folder);
    },
    flushEditor: (path) => saveOpenEditors(app, path),
    notice: (message) => {
      new Notice(message);
    },
  };
}
