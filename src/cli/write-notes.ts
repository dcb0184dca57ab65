/**
 * The command line's guarded write of a multi-note edit, with the applier's contract
 * (src/app/applier.ts) over plain files: every note must still hold exactly the text the edit was
 * computed from, checked for all notes before any is written; each is then written to a temporary
 * file beside it and renamed over it (so a crash never leaves half a note); if a later note
 * cannot be written, the notes already written are put back. The CLI runs synchronously, so this
 * stands in for the async EditApplier, which needs Obsidian's `Vault.process`.
 */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoteChange } from '../core/edit/types';
import { readText } from './read-vault';

export class NoteWriteError extends Error {}

const title = (path: string) => `"${path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '')}"`;

function writeAtomic(full: string, text: string): void {
  const tmp = `${full}.follow-through-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, full);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left behind to remove
    }
    throw err;
  }
}

export function writeNoteChanges(vault: string, changes: readonly NoteChange[]): void {
  for (const c of changes) {
    if (c.before === null) continue;
    const now = readText(join(vault, c.path));
    if (!('text' in now) || now.text !== c.before) {
      throw new NoteWriteError(`${title(c.path)} changed while the check-ins were prepared; nothing was written. Run the command again.`);
    }
  }
  const done: NoteChange[] = [];
  for (const c of changes) {
    if (c.before === c.after) continue;
    try {
      writeAtomic(join(vault, c.path), c.after);
      done.push(c);
    } catch (err) {
      for (const d of done.reverse()) {
        try {
          if (d.before !== null) writeAtomic(join(vault, d.path), d.before);
        } catch {
          // put back as far as possible; the message says which note failed
        }
      }
      throw new NoteWriteError(`${title(c.path)} could not be written (${(err as Error).message}); nothing was changed.`);
    }
  }
}
