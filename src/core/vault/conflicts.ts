/**
 * Copies sync tools leave behind (docs/note-format.md, "What is a note"): they are not notes.
 * Each is named after the note it copies, so the coach can be told which one to resolve.
 */
import { remembered } from '../parse/memo';

const PATTERNS: RegExp[] = [
  // Dropbox: `Note (conflicted copy).md`, `Note (Sam's conflicted copy 2026-11-21).md`; Obsidian Sync
  // and Nextcloud: `Note (Conflicted copy 2026-11-21 101010).md`.
  /^(.*?)[ \t]*\((?:[^()]*?['’]s[ \t]+)?conflicted copy\b[^()]*\)$/i,
  // Dropbox's case conflicts: `Note (Case Conflict).md`, `Note (Case Conflict 1).md`.
  /^(.*?)[ \t]*\(case conflict(?:[ \t]+\d+)?\)$/i,
  // Syncthing: `Note.sync-conflict-20261121-101010-ABCDEFG.md`.
  /^(.*?)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?$/i,
  // Others: `Note (conflict 2026-11-21).md`, `Note (sync conflict).md`, pCloud's `Note (conflicted).md`,
  // `Note (Google Drive conflict).md`: a last bracket with the word conflict in it.
  /^(.*?)[ \t]*\((?:[^()]*?[ \t])?conflict(?:ed)?(?:[ \t][^()]*)?\)$/i,
  // ownCloud: `Note_conflict-20261121-101010.md`.
  /^(.*?)_conflict-\d{8}-\d{6}$/i,
  // Resilio Sync: `Note.Conflict.md`, `Note.Conflict (1).md`.
  /^(.*?)\.Conflict(?:[ \t]*\(\d{1,3}\))?$/i,
  // Seafile: `Note (SFConflict sam@example.com 2026-11-21-10-10-10).md`.
  /^(.*?)[ \t]*\(SFConflict[ \t][^()]*\)$/i,
  // OneDrive: `Note-DESKTOP-AB12CD.md` (a machine name after the note's).
  /^(.*?)-(?:DESKTOP|LAPTOP)-[A-Z0-9]{6,8}$/,
];

/** One cheap look before the patterns: every conflict copy's name says so. */
const MAYBE = /conflict|-(?:DESKTOP|LAPTOP)-/i;

/** The path of the note a conflict copy copies, or null when the path is not a conflict copy. */
export function conflictCopyOf(path: string): string | null {
  // Asked of every note, several times as it is filed: most paths fail the look whole.
  if (!MAYBE.test(path)) return null;
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  const dot = file.toLowerCase().endsWith('.md') ? file.length - 3 : file.length;
  const stem = file.slice(0, dot);
  if (stem.length > 400 || !MAYBE.test(stem)) return null;
  for (const p of PATTERNS) {
    const m = p.exec(stem);
    if (m && m[1].trim() !== '') return `${folder}${m[1].trim()}${file.slice(dot)}`;
  }
  return null;
}

/** A name or client reference compared as the spec says: NFC, no zero-width or direction marks, white space folded, case ignored. */
const keys = new Map<string, string>();

export function nameKey(name: string): string {
  // Names repeat (a client's every session names them): a bounded memo of 50,001.
  return remembered(keys, 50_001, name, computeKey);
}

/** Zero-width characters and direction marks: no part of a name as the reader compares names. */
export const INVISIBLE_MARKS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

function computeKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(INVISIBLE_MARKS, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    // `@Olga Ivanova`, as vaults that name people by mention do, is Olga Ivanova.
    .replace(/^@(?=\S)/, '')
    .toLowerCase();
}
