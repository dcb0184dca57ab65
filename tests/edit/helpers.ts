/** Shared builders and checks for the edit tests. */
import { expect } from 'vitest';
import { splitNote } from '../../src/core/edit/text';
import type { EditTarget } from '../../src/core/edit/types';
import { parseNote } from '../../src/core/parse/note';
import type { ParsedCommitment } from '../../src/core/types';

/** A seeded source of numbers in [0, 1) (mulberry32). */
export function seeded(seed = 42): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PATH = 'Sessions/2026-11-20 Jane Doe.md';

/** A session note (LF) with the given body lines. */
export function session(body: string[], fm: string[] = ['next: 2026-12-04']): string {
  return ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', ...fm, '---', ...body, ''].join('\n');
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function commitments(text: string, path = PATH): ParsedCommitment[] {
  return parseNote(path, text).commitments;
}

/** The commitment whose text is `text`. */
export function commitment(text: string, which: string, path = PATH): ParsedCommitment {
  const c = commitments(text, path).find((x) => x.text === which);
  if (!c) throw new Error(`no commitment '${which}' in:\n${text}`);
  return c;
}

export function targetOf(c: ParsedCommitment, path = PATH): EditTarget {
  return { path, line: c.line, expectedText: c.raw, id: c.id };
}

export function target(text: string, which: string, path = PATH): EditTarget {
  return targetOf(commitment(text, which, path), path);
}

/**
 * Asserts that `after` is `before` with exactly the lines `modified` (1-based, in `before`)
 * rewritten and `changedLines` (1-based, in `after`) being those rewritten lines plus inserted
 * ones: every other line is byte-identical, endings included. The one allowed difference is a
 * last line without an ending that gains one because lines were inserted after it.
 */
export function expectOnlyChanged(before: string, after: string, changedLines: number[], modified: number[]): void {
  const b = splitNote(before);
  const a = splitNote(after);
  const keptB = b.lines.map((l, i) => [l, b.eols[i]] as const).filter((_, i) => !modified.includes(i + 1));
  const keptA = a.lines.map((l, i) => [l, a.eols[i]] as const).filter((_, i) => !changedLines.includes(i + 1));
  expect(keptA.map((x) => x[0])).toEqual(keptB.map((x) => x[0]));
  keptA.forEach(([, eol], i) => {
    const was = keptB[i][1];
    if (eol !== was) expect([was, eol]).toEqual(['', b.eol]);
  });
  expect(a.lines.length).toBe(b.lines.length + changedLines.length - modified.length);
  // The final newline, or its absence, is kept.
  expect(after.endsWith('\n')).toBe(before.endsWith('\n'));
}

/**
 * A line diff (longest common subsequence over lines with their endings), independent of the
 * editor's own bookkeeping: which 1-based lines of `before` were removed and of `after` added.
 */
export function lineDiff(before: string, after: string): { removed: number[]; added: number[] } {
  const b = splitNote(before);
  const a = splitNote(after);
  const bl = b.lines.map((l, i) => l + b.eols[i]);
  const al = a.lines.map((l, i) => l + a.eols[i]);
  // Trim the common prefix and suffix first; the middle is small.
  let start = 0;
  while (start < bl.length && start < al.length && bl[start] === al[start]) start++;
  let endB = bl.length;
  let endA = al.length;
  while (endB > start && endA > start && bl[endB - 1] === al[endA - 1]) {
    endB--;
    endA--;
  }
  const mb = bl.slice(start, endB);
  const ma = al.slice(start, endA);
  const dp: number[][] = Array.from({ length: mb.length + 1 }, () => new Array<number>(ma.length + 1).fill(0));
  for (let i = mb.length - 1; i >= 0; i--) {
    for (let j = ma.length - 1; j >= 0; j--) dp[i][j] = mb[i] === ma[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  }
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < mb.length || j < ma.length) {
    if (i < mb.length && j < ma.length && mb[i] === ma[j]) {
      i++;
      j++;
    } else if (j < ma.length && (i === mb.length || dp[i][j + 1] >= dp[i + 1][j])) {
      added.push(start + j + 1);
      j++;
    } else {
      removed.push(start + i + 1);
      i++;
    }
  }
  return { removed, added };
}
