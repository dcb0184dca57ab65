/**
 * Every edit re-reads what it wrote before handing it back: the edited commitment must parse to
 * the intended values and every other commitment must read as before. If not, the edit is refused
 * rather than written, so the plugin never leaves a note the parser reads differently than meant.
 */
import { parseNote } from '../parse/note';
import type { CoreSettings } from '../settings';
import type { ParsedCommitment, ParsedNote } from '../types';
import { othersUnchanged } from './children';
import type { LineEditor } from './text';
import { refuse, type EditResult } from './types';

export type Check = (c: ParsedCommitment) => string | null;

/**
 * Finishes a single-commitment edit: `line` is the commitment's 1-based line in the new text,
 * `beforeLine` in the old one. The edited commitment must keep its block id, every other one must
 * read as before (block ids included), and `check` says what else is wrong with it, or null.
 */
export function finishCommitmentEdit(
  editor: LineEditor,
  before: ParsedNote,
  settings: CoreSettings,
  beforeLine: number,
  line: number,
  check: Check,
  summary: string,
): EditResult {
  const text = editor.text();
  const after = parseNote(before.path, text, settings);
  const c = after.commitments.find((x) => x.line === line);
  const was = before.commitments.find((x) => x.line === beforeLine);
  const problem =
    c === undefined
      ? 'the edited line would no longer read as a commitment'
      : (was ? same('block id', c.id, was.id) : null) ?? check(c) ?? othersUnchanged(before, after, [beforeLine], [line]);
  if (problem !== null) return refuse(`${before.path} line ${beforeLine}: ${problem}; nothing was changed.`);
  return { ok: true, text, changedLines: editor.changedLines(), summary };
}

/** A mismatch message when `actual` is not `expected`, else null. */
export function same(name: string, actual: unknown, expected: unknown): string | null {
  return JSON.stringify(actual) === JSON.stringify(expected) ? null : `${name} would read back as ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`;
}

/** The first non-null of several checks. */
export function all(...problems: (string | null)[]): string | null {
  for (const p of problems) if (p !== null) return p;
  return null;
}
