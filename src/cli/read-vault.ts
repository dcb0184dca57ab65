/**
 * Reads a vault folder's markdown notes for the command-line entry, as the contract's "What is a
 * note" says and as Obsidian does: every `.md` file, except inside dot-folders and except
 * dot-files; only regular files (a FIFO, socket or device named `x.md` is never opened, so
 * reading never blocks); symbolic links followed, link loops seen once. A note that cannot be
 * read, or whose bytes are not text, is returned as unreadable with a one-line reason, and the
 * rest is read. Only a vault folder that cannot be opened is an error. Node only.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { MAX_NOTE_BYTES, tooLargeMessage } from '../core/parse/unread';
import type { Severity } from '../core/types';

export class VaultReadError extends Error {}

/** A note (or folder) that is in the vault but could not be read: the index records it as a diagnostic. */
export interface UnreadableNote {
  path: string;
  message: string;
  severity: Severity;
}

export interface VaultRead {
  /** `[vault-relative path with '/', text]`, in path order. */
  notes: [string, string][];
  unreadable: UnreadableNote[];
}

/** Folders tools keep their own files in, never notes, besides every dot-folder. */
const SKIP_DIRS = new Set(['node_modules']);

/** Obsidian's rule: a file or folder whose name starts with a dot is not part of the vault. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** A file-system error in a few words. */
export function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)';
    default:
      return e.message ?? String(err);
  }
}

/** What to do about a note that could not be read, by the reason. */
function advice(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'it is a symbolic link to a file that is not there; fix or delete the link';
    case 'EACCES':
    case 'EPERM':
      return "give your user permission to read it";
    case 'ELOOP':
      return 'fix the symbolic link';
    default:
      return 'check the file';
  }
}

/** What a folder entry or a file's status says it is (a `Dirent` or `Stats`). */
type FileKind = Pick<Stats, 'isDirectory' | 'isFile' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

export function kindOf(st: FileKind): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'a special file';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true });

/**
 * A note's bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16 LE/BE when it starts with
 * its byte-order mark. UTF-32 (its mark) and anything else is a reason not to read it, never text with replacement
 * characters: invalid UTF-8, and bytes that are mostly NULs (UTF-16 without a byte-order mark, or
 * a binary file).
 */
export function decodeNote(bytes: Uint8Array): { text: string } | { problem: string } {
  // UTF-32 starts with a UTF-16 mark and two NULs (LE), or the reverse (BE): no note editor writes it.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    return { problem: 'not read: it is UTF-32 text (it starts with a UTF-32 byte-order mark); save it again as UTF-8' };
  }
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: UTF16LE.decode(bytes) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: UTF16BE.decode(bytes) };
  } catch {
    return { problem: 'not read: it starts with a UTF-16 byte-order mark but is not valid UTF-16; save it again as UTF-8' };
  }
  // Counted only when there is one: a note nearly never holds a NUL, and the search is native.
  let nuls = 0;
  if (bytes.indexOf(0) >= 0) for (const b of bytes) if (b === 0) nuls++;
  if (nuls > 0 && nuls * 10 >= bytes.length) {
    return { problem: 'not read: it is mostly NUL bytes (UTF-16 without a byte-order mark, or not a text file); save it as UTF-8' };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { problem: 'not read: it is not valid UTF-8 text (another encoding?); save it again as UTF-8' };
  }
}

/** How a note's bytes hold its text, so a write keeps it so: its encoding and byte-order mark. */
export type NoteEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export function encodingOf(bytes: Uint8Array): NoteEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8-bom';
  return 'utf8';
}

/** A note's text as bytes in the encoding (and with the byte-order mark) it was read in. */
export function encodeNote(text: string, encoding: NoteEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

/** A regular file's text and how it was encoded, or why it cannot be read as text. */
export function readTextAndEncoding(full: string): { text: string; encoding: NoteEncoding } | { reason: string; severity: Severity } {
  const read = readRegular(full);
  if ('reason' in read) return read;
  const decoded = decodeNote(read.bytes);
  return 'problem' in decoded ? { reason: decoded.problem, severity: 'warning' } : { text: decoded.text, encoding: encodingOf(read.bytes) };
}

/**
 * Why a file the command line would create must not be written: it is a symbolic link to nothing
 * (writing would create a file wherever the link points, a note in the vault for all it knows).
 */
export function danglingLinkReason(file: string): string | null {
  try {
    if (!lstatSync(file).isSymbolicLink()) return null;
  } catch {
    return null;
  }
  try {
    statSync(file);
    return null;
  } catch {
    let target = '?';
    try {
      target = readlinkSync(file);
    } catch {
      // the link's target is only for the message
    }
    return `it is a symbolic link to ${target}, which does not exist; give a file that is not a link`;
  }
}

/** Checks that a path is a readable folder, with a one-line reason when it is not. */
export function checkVaultFolder(root: string): void {
  let st;
  try {
    st = statSync(root);
  } catch (err) {
    throw new VaultReadError(`cannot open vault ${root}: ${describe(err)}`);
  }
  if (!st.isDirectory()) throw new VaultReadError(`${root} is not a folder`);
}

/** O_NONBLOCK where the platform has it: opening a FIFO that appeared after the check returns at once. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a file already seen to be regular, or why not. The file is opened without blocking
 * and checked again through its descriptor, so one swapped for a FIFO in between is not read.
 */
function readRegular(full: string): { bytes: Buffer } | { reason: string; severity: Severity } {
  let fd: number;
  try {
    fd = openSync(full, OPEN_FLAGS);
  } catch (err) {
    return { reason: `not read: ${describe(err)}; ${advice(err)}`, severity: 'error' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { reason: `not read: it is ${kindOf(st)}, not a note; move or delete it`, severity: 'warning' };
    if (st.size > MAX_NOTE_BYTES) return { reason: tooLargeMessage(st.size, 'bytes'), severity: 'warning' };
    return { bytes: readAll(fd, st.size) };
  } catch (err) {
    return { reason: `not read: ${describe(err)}; ${advice(err)}`, severity: 'error' };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of an open file of `size` bytes (its status just read), read to that size as
 * `readFileSync(fd)` does, without it asking for the status again (50 ms of 52,000 notes' reading).
 * A file that says it is empty (some file systems say so of a file with text) is read to its end.
 */
function readAll(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const n = readSync(fd, bytes, at, size - at, null);
    if (n === 0) return bytes.subarray(0, at); // it shrank meanwhile
    at += n;
  }
  return bytes;
}

/** A regular file's text (see `readRegular` and `decodeNote`), or why it cannot be read as text. */
export function readText(full: string): { text: string } | { reason: string; severity: Severity } {
  const read = readRegular(full);
  if ('reason' in read) return read;
  const decoded = decodeNote(read.bytes);
  return 'problem' in decoded ? { reason: decoded.problem, severity: 'warning' } : decoded;
}

/** How far a walk goes: a vault of a million files and folders, 64 folders deep, is far beyond any coach's. */
const MAX_ENTRIES = 1_000_000;
const MAX_DEPTH = 64;
const SYSTEM_FOLDER = /^\/(?:proc|sys|dev|run)(?:\/|$)/;

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** A note file found in a vault folder, not read yet: its vault path and its file-system path. */
export interface NoteFile {
  path: string;
  full: string;
}

/** What a walk of a vault folder found: its note files (in path order) and what it could not read. */
export interface VaultListing {
  files: NoteFile[];
  unreadable: UnreadableNote[];
}

/**
 * Every note file under `root` (see the module comment), found but not read. Throws only when
 * `root` itself is not a readable folder.
 */
export function listVaultFolder(root: string): VaultListing {
  checkVaultFolder(root);
  const files: NoteFile[] = [];
  const unreadable: UnreadableNote[] = [];
  const seen = new Set<string>();
  const rootReal = realpathSync(root);
  let entriesLeft = MAX_ENTRIES;
  let stopped = false;
  const walk = (dir: string, rel: string, depth = 0) => {
    if (depth > MAX_DEPTH) {
      unreadable.push({ path: rel, message: `folder not read: more than ${MAX_DEPTH} folders deep; the notes in it are left out`, severity: 'warning' });
      return;
    }
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if (rel === '') throw new VaultReadError(`cannot read vault ${root}: ${describe(err)}`);
      unreadable.push({ path: rel, message: `folder not read: ${describe(err)}; the notes in it are left out`, severity: 'error' });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (rel !== '' && real !== rootReal && !real.startsWith(rootReal + sep)) {
      // A link out of the vault: never into the system's own folders, nor to a folder that holds the vault.
      const why = rootReal.startsWith(real.endsWith(sep) ? real : real + sep) ? 'a folder that holds the vault itself' : SYSTEM_FOLDER.test(real) ? `the system folder ${real}` : null;
      if (why !== null) {
        unreadable.push({ path: rel, message: `folder not read: it is a link to ${why}; remove the link, or link only the folder of notes`, severity: 'warning' });
        return;
      }
    }
    for (const entry of entries.sort((x, y) => compare(x.name, y.name))) {
      if (--entriesLeft < 0) {
        if (!stopped) unreadable.push({ path: rel, message: `the vault was read as far as ${MAX_ENTRIES.toLocaleString('en-US')} files and folders; the rest is left out (a link to a large folder outside the vault?)`, severity: 'warning' });
        stopped = true;
        return;
      }
      const name = entry.name;
      if (isHiddenName(name) || SKIP_DIRS.has(name)) continue;
      const full = join(dir, name);
      const path = rel ? `${rel}/${name}` : name;
      const isNote = name.toLowerCase().endsWith('.md');
      // The folder listing says what most entries are (no stat per file: 52,000 notes took 270 ms of
      // stats); a link or an entry of unknown type is looked up. A note is checked again through its
      // descriptor when it is read (readRegular), so one swapped in between is still not misread.
      let st: FileKind;
      if (entry.isDirectory() || entry.isFile()) st = entry;
      else
        try {
          st = statSync(full);
        } catch (err) {
          if (isNote) unreadable.push({ path, message: `not read: ${describe(err)}; ${advice(err)}`, severity: 'error' });
          continue;
        }
      if (st.isDirectory()) walk(full, path, depth + 1);
      else if (!isNote) continue;
      else if (!st.isFile()) unreadable.push({ path, message: `not read: it is ${kindOf(st)}, not a note; move or delete it`, severity: 'warning' });
      else files.push({ path, full });
    }
  };
  walk(root, '');
  return { files: files.sort((a, b) => compare(a.path, b.path)), unreadable };
}

/** Notes read at a time by `readVaultNotes`: the texts of one batch are let go before the next is read. */
const BATCH = 500;

/**
 * Reads the files a listing found, in path order, `BATCH` at a time, handing each batch of
 * `[path, text]` entries to `each`; a file that cannot be read (or is not text) joins the
 * listing's unreadable ones. Returns every unreadable note, in path order. An index fed batch by
 * batch holds only one batch's texts at a time (52,000 notes: 110 MB less at the peak than all of them).
 */
export function readVaultNotes(listing: VaultListing, each: (batch: [string, string][]) => void): UnreadableNote[] {
  const unreadable = [...listing.unreadable];
  const { files } = listing;
  for (let from = 0; from < files.length; from += BATCH) {
    const batch: [string, string][] = [];
    for (let i = from; i < Math.min(files.length, from + BATCH); i++) {
      const { path, full } = files[i];
      const read = readText(full);
      if ('reason' in read) unreadable.push({ path, message: read.reason, severity: read.severity });
      else batch.push([path, read.text]);
    }
    if (batch.length > 0) each(batch);
  }
  return unreadable.sort((a, b) => compare(a.path, b.path));
}

/** Every note under `root`, read (see `listVaultFolder` and `readVaultNotes`). Throws only when `root` itself is not a readable folder. */
export function readVaultFolder(root: string): VaultRead {
  const notes: [string, string][] = [];
  const unreadable = readVaultNotes(listVaultFolder(root), (batch) => {
    for (const entry of batch) notes.push(entry);
  });
  return { notes, unreadable };
}

/** The notes that could be read, as `[path, text]` entries in path order (for tests and tools). */
export function readVault(root: string): [string, string][] {
  return readVaultFolder(root).notes;
}
