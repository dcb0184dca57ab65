/**
 * A whole-vault re-read (new reading settings, or a rescan) built aside: notes parsed into a
 * store of their own while the index goes on answering with what it holds, then swapped in at
 * once (`VaultIndex.stage` and `replaceWith`).
 */
import { noteWithout } from '../parse/unread';
import { NoteStore } from './note-store';

/** A re-read being built aside (`VaultIndex.stage`). */
export interface StagedRead {
  /** Parses a note's text (a later add for the same path replaces it). */
  add(path: string, text: string): void;
  /** A note that could not be read: a diagnostic saying why, no records. */
  unreadable(path: string, message: string): void;
  /** A note gone since it was read. */
  drop(path: string): void;
}

/** The store a re-read is built in: notes filed as they come, nobody listening. */
export class Aside extends NoteStore implements StagedRead {
  add(path: string, text: string): void {
    this.file(path, this.parse(path, text), text);
  }

  unreadable(path: string, message: string): void {
    this.file(path, noteWithout(path, 'warning', message), null);
  }

  drop(path: string): void {
    this.forget(path);
  }
}
