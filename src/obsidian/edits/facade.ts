/**
 * The applier's view of Obsidian: the vault, notices, saving open editors before an edit, editing
 * a note open in an editor through that editor, frontmatter through FileManager, and deleting to
 * the coach's trash.
 */
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

/** The one change that turns `before` into `after`: the span between their common start and end. */
export function smallestChange(before: string, after: string): { from: number; to: number; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, text: after.slice(start, after.length - end) };
}

/**
 * Runs `fn` on the text of an editor showing `path` and applies the result there as one
 * transaction, then saves: the cursor, folds and undo history stay, and the file holds the result.
 * Null when no editor shows the note.
 */
export async function processInEditor(app: App, path: string, fn: (data: string) => string): Promise<string | null> {
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (!(view instanceof MarkdownView) || view.file?.path !== path) continue;
    const editor = view.editor;
    const data = editor.getValue();
    const next = fn(data);
    if (next !== data) {
      const change = smallestChange(data, next);
      editor.transaction({ changes: [{ from: editor.offsetToPos(change.from), to: editor.offsetToPos(change.to), text: change.text }] });
      await view.save();
    }
    return data;
  }
  return null;
}

export function obsidianEditVault(app: App): EditVault<TFile> {
  return {
    getFileByPath: (path) => app.vault.getFileByPath(path),
    read: (file) => app.vault.read(file),
    process: (file, fn) => app.vault.process(file, fn),
    create: (path, data) => app.vault.create(path, data),
    delete: (file) => app.fileManager.trashFile(file),
    processOpen: (path, fn) => processInEditor(app, path, fn),
    processFrontMatter: (file, fn) => app.fileManager.processFrontMatter(file, fn),
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
