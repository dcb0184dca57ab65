/**
 * What becomes of a note that is not read: a record holding no records, only the diagnostic
 * saying why (unreadable, too large, a copy), and the size past which a note is not read at all.
 */
import type { ParsedNote, Severity } from '../types';

/** A note that holds no records, only the one diagnostic saying why (not read, unreadable, a copy). */
export function noteWithout(path: string, severity: Severity, message: string): ParsedNote {
  return { path, type: null, client: null, session: null, sessions: [], commitments: [], diagnostics: [{ path, line: 1, severity, message }] };
}

/**
 * The longest note read, in characters (10 MB of plain text). Session notes are a few kilobytes;
 * a larger file is a paste, an export or a hostile note, and reading it would hold the app (and,
 * with a commitment on every line, its memory) for seconds. The readers skip files whose size in
 * bytes could not be under it (`MAX_NOTE_BYTES`) without reading them.
 */
export const MAX_NOTE_CHARS = 10_000_000;
/** A file of more bytes than this cannot be under `MAX_NOTE_CHARS` (UTF-8 takes at most 3 bytes per character). */
export const MAX_NOTE_BYTES = 3 * MAX_NOTE_CHARS;

/** Why a note that large is not read, and what to do. */
export function tooLargeMessage(size: number, unit: 'characters' | 'bytes'): string {
  const mb = (size / 1e6).toFixed(1);
  const limit = unit === 'bytes' ? `${MAX_NOTE_BYTES / 1e6} MB` : `${MAX_NOTE_CHARS / 1e6} million characters`;
  return `not read: the note is ${unit === 'bytes' ? `${mb} MB` : `${mb} million characters`} long, more than the ${limit} this plugin reads (session notes are a few kilobytes); split it, or move it out of the vault's coaching notes`;
}
