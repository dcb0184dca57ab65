/**
 * Merge-conflict markers a sync or git merge leaves in a note (docs/note-format.md, "What is a
 * note"): `<<<<<<< ours`, optionally `||||||| base`, `=======`, `>>>>>>> theirs`, each at the
 * start of its own line. Such a note is still read, with a warning: the marker lines and the base
 * section are not content, and an item written on both sides counts once (the first side's).
 */
import { closesFence, FENCE_OPEN } from '../syntax/fences';

export interface ConflictRegion {
  /** 0-based line of `<<<<<<<`. */
  start: number;
  /** 0-based line of `|||||||` (diff3's base section), or -1. */
  base: number;
  /** 0-based line of `=======`. */
  separator: number;
  /** 0-based line of `>>>>>>>`. */
  end: number;
}

const OPEN = /^<{7}(?:[ \t]|$)/;
const BASE = /^\|{7}(?:[ \t]|$)/;
const SEPARATOR = /^={7}[ \t]*$/;
const CLOSE = /^>{7}(?:[ \t]|$)/;

/**
 * Every complete conflict region, in order, outside fenced code (a note about git may show
 * markers in an example); markers that do not make one are ordinary text.
 */
export function findConflicts(lines: readonly string[], unclosed?: (start: number, missing: '=======' | '>>>>>>>') => void): ConflictRegion[] {
  const out: ConflictRegion[] = [];
  let open: ConflictRegion | null = null;
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const c = line.charCodeAt(0);
    if (c === 96 || c === 126 || c === 32 || c === 9) {
      const f = FENCE_OPEN.exec(line);
      if (f && open === null) {
        if (fence === null) fence = f[1];
        else if (closesFence(line, fence)) fence = null;
      }
      continue;
    }
    if (fence !== null) continue;
    if (c !== 60 && c !== 124 && c !== 61 && c !== 62) continue; // < | = >
    if (OPEN.test(line)) open = { start: i, base: -1, separator: -1, end: -1 };
    else if (open === null) continue;
    else if (open.separator < 0 && open.base < 0 && BASE.test(line)) open.base = i;
    else if (open.separator < 0 && SEPARATOR.test(line)) open.separator = i;
    else if (open.separator >= 0 && CLOSE.test(line)) {
      open.end = i;
      out.push(open);
      open = null;
    }
  }
  // A `<<<<<<<` with no `>>>>>>>` after it (a hand edit that left half the markers): both sides
  // are read as they stand, so say so.
  if (open !== null) unclosed?.(open.start, open.separator < 0 ? '=======' : '>>>>>>>');
  return out;
}

/**
 * The lines as the parser reads them: marker lines and base sections blank (line numbers stay),
 * and inside the frontmatter (`frontmatterEnd`, the closing fence's line, or -1) the second side
 * blank too, since a key written on both sides would be a duplicate key.
 */
export function withoutMarkers(lines: readonly string[], regions: readonly ConflictRegion[], frontmatterEnd: number): string[] {
  const out = lines.slice();
  for (const r of regions) {
    out[r.start] = '';
    out[r.separator] = '';
    out[r.end] = '';
    if (r.base >= 0) for (let i = r.base; i < r.separator; i++) out[i] = '';
    if (r.start < frontmatterEnd) for (let i = r.separator + 1; i < r.end; i++) out[i] = '';
  }
  return out;
}

/** The region whose second side holds a 1-based line, or null. */
export function secondSideOf(regions: readonly ConflictRegion[], line: number): ConflictRegion | null {
  for (const r of regions) if (line - 1 > r.separator && line - 1 < r.end) return r;
  return null;
}

/** Whether two items are one item written on both sides: the same block id, else the same text. */
export function sameItem(a: { id: string | null; text: string }, b: { id: string | null; text: string }): boolean {
  if (a.id !== null && b.id !== null) return a.id === b.id;
  return folded(a.text) === folded(b.text);
}

const folded = (t: string) => t.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The first side's lines of a region (0-based, end exclusive). */
export function firstSide(r: ConflictRegion): [number, number] {
  return [r.start + 1, r.base >= 0 ? r.base : r.separator];
}

export function conflictMessage(r: ConflictRegion): string {
  return `merge-conflict markers (lines ${r.start + 1}–${r.end + 1}): the note holds two versions from a sync or merge; an item on both sides is counted once, as the first (<<<<<<<) side has it. Resolve it: keep the lines you want and delete the marker lines`;
}
