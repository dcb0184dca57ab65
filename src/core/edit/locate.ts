/**
 * Finding the commitment an edit names. The caller saw a line; since then the coach may have typed
 * above it, moved it, or changed it. The line still holding the exact text the caller saw wins;
 * else the one commitment carrying the target's block id; for a commitment without a block id,
 * the one line in the note that still reads exactly as the caller saw it; else the edit is refused.
 */
import { parseNote } from '../parse/note';
import { findConflicts } from '../parse/merge-conflicts';
import { splitLines } from '../parse/lines';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { ParsedCommitment, ParsedNote } from '../types';
import { quote, refuse, type EditTarget, type Refusal } from './types';

export interface Located {
  ok: true;
  note: ParsedNote;
  commitment: ParsedCommitment;
  /** True when the line was found by block id rather than where the caller saw it. */
  moved: boolean;
}

export function parseSessionForEdit(text: string, path: string, settings: CoreSettings): ParsedNote | Refusal {
  // A note left mid-merge holds two versions: a write on one side is a guess at which one stays.
  if (text.includes('<<<<<<<')) {
    const conflicts = findConflicts(splitLines(text).lines, () => undefined);
    const marker = conflicts[0]?.start ?? splitLines(text).lines.findIndex((l) => l.startsWith('<<<<<<<'));
    if (marker >= 0) {
      return refuse(`${path} still holds merge-conflict markers (<<<<<<< on line ${marker + 1}); resolve the conflict first (keep what you want, delete the marker lines), then try again; nothing was changed.`);
    }
  }
  const note = parseNote(path, text, settings);
  if (note.session === null) {
    const error = note.diagnostics.find((d) => d.severity === 'error');
    return refuse(`${path} is not a session note the plugin can read${error ? ` (line ${error.line}: ${error.message})` : ''}; nothing was changed.`);
  }
  return note;
}

export function locateCommitment(text: string, target: EditTarget, settings: CoreSettings = DEFAULT_CORE_SETTINGS): Located | Refusal {
  const note = parseSessionForEdit(text, target.path, settings);
  if (!('path' in note)) return note;
  return locateIn(note, text, target);
}

/** The same as `locateCommitment`, for a note already parsed from `text`. */
export function locateIn(note: ParsedNote, text: string, target: EditTarget): Located | Refusal {
  const at = note.commitments.find((c) => c.line === target.line);
  if (at && at.raw === target.expectedText) return { ok: true, note, commitment: at, moved: false };

  const where = `${target.path} line ${target.line}`;
  const changed = at ? `now reads ${quote(at.raw)}` : lineDescription(text, target.line);
  if (target.id === null) {
    // Moved (a check-in was added above it, a line typed): the same exact line, if it is the only one.
    const same = note.commitments.filter((c) => c.raw === target.expectedText);
    if (same.length === 1) return { ok: true, note, commitment: same[0], moved: true };
    if (same.length > 1) {
      return refuse(
        `${where} has changed since it was read, the commitment has no block id, and its text is on more than one line (${same.map((c) => c.line).join(', ')}); nothing was changed.`,
      );
    }
    return refuse(
      `${where} has changed since it was read (expected ${quote(target.expectedText)}, it ${changed}), and the commitment has no block id to find it by; nothing was changed.`,
    );
  }
  const byId = note.commitments.filter((c) => c.id === target.id);
  if (byId.length === 1) return { ok: true, note, commitment: byId[0], moved: byId[0].line !== target.line };
  if (byId.length > 1) {
    return refuse(
      `${where} has changed since it was read, and block id ^${target.id} is on more than one commitment (lines ${byId.map((c) => c.line).join(', ')}); nothing was changed.`,
    );
  }
  return refuse(`${where} has changed since it was read (it ${changed}), and no commitment in the note has block id ^${target.id}; nothing was changed.`);
}

function lineDescription(text: string, line: number): string {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return `is past the end of the note (${lines.length} lines)`;
  const raw = lines[line - 1].replace(/\r$/, '');
  return raw.trim() === '' ? 'is blank' : `reads ${quote(raw)}, which is not a commitment`;
}
