/**
 * The command line's guarded write of a multi-note edit, with the applier's contract
 * (src/app/applier.ts) over plain files: every note must still hold exactly the text the edit was
 * computed from, checked for all notes before any is written; each is then written to a temporary
 * file beside it and renamed over it (so a crash never leaves half a note); if a later note
 * cannot be written, the notes already written are put back. A note is written as it was kept: a
 * link's real file (the link stays a link), its permissions, its encoding and byte-order mark; a
 * file with other hard links is written in place, and a read-only one is refused. The CLI runs synchronously, so this
 * stands in for the async EditApplier, which needs Obsidian's `Vault.process`.
 */
import { chmodSync, existsSync, lstatSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { NoteChange } from '../core/edit/types';
import { encodeNote, readTextAndEncoding, type NoteEncoding } from './read-vault';

export class NoteWriteError extends Error {}

const title = (path: string) => `"${path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '')}"`;

/** Where and how a note is written: its real file (through a link), its permissions, links and encoding. */
interface Target {
  real: string;
  mode: number | null;
  /** Other names for the same file (hard links): renaming over it would split them, so it is written in place. */
  linked: boolean;
  encoding: NoteEncoding;
}

function targetOf(full: string, encoding: NoteEncoding): Target {
  let real = full;
  try {
    if (lstatSync(full).isSymbolicLink()) real = realpathSync(full);
    const st = statSync(real);
    return { real, mode: st.mode & 0o7777, linked: st.nlink > 1, encoding };
  } catch {
    return { real, mode: null, linked: false, encoding };
  }
}

function isLink(full: string): boolean {
  try {
    return lstatSync(full).isSymbolicLink();
  } catch {
    return false;
  }
}

function writeAtomic(t: Target, text: string): void {
  const bytes = encodeNote(text, t.encoding);
  if (t.linked) {
    writeFileSync(t.real, bytes);
    return;
  }
  const tmp = `${t.real}.follow-through-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes, t.mode !== null ? { mode: t.mode } : undefined);
    if (t.mode !== null) chmodSync(tmp, t.mode);
    renameSync(tmp, t.real);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left behind to remove
    }
    throw err;
  }
}

/** What is written, for the messages (the check-ins by default). */
export interface WriteWords {
  /** `the check-ins were prepared` */
  during: string;
  /** `the check-ins` */
  what: string;
}

const CHECK_INS: WriteWords = { during: 'the check-ins were prepared', what: 'the check-ins' };

export function writeNoteChanges(vault: string, changes: readonly NoteChange[], words: WriteWords = CHECK_INS): void {
  const { during, what } = words;
  const targets = new Map<string, Target>();
  for (const c of changes) {
    const full = join(vault, c.path);
    if (c.before === null) {
      // A file to create that has appeared since (another program's): not overwritten.
      if (existsSync(full) || isLink(full)) throw new NoteWriteError(`${title(c.path)} appeared while ${during}; nothing was written. Run the command again.`);
      targets.set(c.path, { real: full, mode: null, linked: false, encoding: 'utf8' });
      continue;
    }
    const now = readTextAndEncoding(full);
    if (!('text' in now) || now.text !== c.before) {
      throw new NoteWriteError(`${title(c.path)} changed while ${during}; nothing was written. Run the command again.`);
    }
    const t = targetOf(full, now.encoding);
    if (t.mode !== null && (t.mode & 0o200) === 0) {
      throw new NoteWriteError(`${title(c.path)} is read-only; nothing was written. Make it writable (or write ${what} in Obsidian) and run the command again.`);
    }
    targets.set(c.path, t);
  }
  const done: NoteChange[] = [];
  for (const c of changes) {
    if (c.before === c.after) continue;
    try {
      writeAtomic(targets.get(c.path)!, c.after);
      done.push(c);
    } catch (err) {
      for (const d of done.reverse()) {
        try {
          if (d.before !== null) writeAtomic(targets.get(d.path)!, d.before);
        } catch {
          // put back as far as possible; the message says which note failed
        }
      }
      throw new NoteWriteError(`${title(c.path)} could not be written (${(err as Error).message}); nothing was changed.`);
    }
  }
}

/**
 * One file written through the same guard, wherever it is (`review --out`, `ics --out`): it must
 * still hold `before` (null: still not exist), and is written whole, as it was kept.
 */
export function writeFileChecked(file: string, before: string | null, after: string, words: WriteWords): void {
  writeNoteChanges(dirname(file), [{ path: basename(file), before, after, changedLines: [] }], words);
}
