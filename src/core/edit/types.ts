/**
 * The shapes every write-back edit shares. Edits are pure: a note's text in, the new text or a
 * refusal out. They never throw and never read the clock; the caller passes `today`.
 */

/**
 * The commitment line an edit means to change, as the caller last saw it: the note, the 1-based
 * line, the line's exact text (without its line ending) and its block id, if it has one.
 */
export interface EditTarget {
  path: string;
  line: number;
  expectedText: string;
  id: string | null;
}

export interface Refusal {
  ok: false;
  /** A sentence naming the note, the line and what is wrong; nothing was written. */
  reason: string;
}

export interface EditSuccess {
  ok: true;
  /** The whole new note text. Equal to the input when there was nothing to do. */
  text: string;
  /** 1-based lines of the new text that were changed or inserted, ascending. */
  changedLines: number[];
  /** One line for a notice or the undo menu, e.g. "Checked in on 'Send 10 messages': done". */
  summary: string;
}

export type EditResult = EditSuccess | Refusal;

/** One note's part of a multi-note edit. */
export interface NoteChange {
  path: string;
  /** The text the note must still have when the change is applied; null for a note to create. */
  before: string | null;
  after: string;
  /** 1-based lines of `after` that were changed or inserted (every line of a created note). */
  changedLines: number[];
}

export interface MultiEditSuccess {
  ok: true;
  changes: NoteChange[];
  summary: string;
}

export type MultiEditResult = MultiEditSuccess | Refusal;

/** A source of numbers in [0, 1), like Math.random; tests pass a seeded one. */
export type RandomSource = () => number;

export function refuse(reason: string): Refusal {
  return { ok: false, reason };
}

/** Shortens a line for a message. */
export function quote(text: string, max = 60): string {
  const t = text.trim();
  return `"${t.length > max ? t.slice(0, max - 1) + '…' : t}"`;
}
