/**
 * Strings cut from a note's text (`slice`, `split`, `trim`, a regex match) are views into that
 * text in V8 ("sliced strings"): keeping one keeps the whole note alive. The index keeps a few
 * short strings per note (lines, texts, names), so without this it would hold every note's full
 * text as well, about a quarter of its memory. `detach` gives each string the note keeps a copy
 * of its own, walking the parsed records once.
 *
 * Strings under 13 characters are never views (V8 copies them), so they are left alone.
 */

import type { ParsedNote } from '../types';

const MIN_VIEW = 13;

/**
 * A copy of `s` that holds none of the string it was cut from: a flat string of exactly these
 * characters. V8 has no direct way to ask for one; `decodeURIComponent` of a text without `%`
 * (nothing to decode) builds one, and `JSON.parse` of its JSON does for any text (lone surrogates
 * included), at a little over the cost. What does not work: `[s, ''].join('')` hands back `s`
 * itself, a view still; a rope sliced back (`(' ' + s).slice(1)`) is a 32-byte view over a copy
 * one character longer. tests/parse/detach.test.ts measures that the note text is let go.
 */
export function ownString(s: string): string {
  if (s.length < MIN_VIEW) return s;
  return s.indexOf('%') < 0 ? decodeURIComponent(s) : (JSON.parse(JSON.stringify(s)) as string);
}

/** Replaces, in place, every string inside plain objects and arrays by its own copy. */
export function detach<T>(value: T): T {
  walk(value, 0, null, false);
  return value;
}

/**
 * `detach` for a parsed note, at about half the cost: `session` is `sessions[0]`, walked once;
 * the path (every session's, and its key when the note is one session) is a string of the
 * note's own, `ownPath`, which every string equal to it becomes rather than a copy each; and a
 * commitment's text, nearly always a part of its line, is cut from the line's own copy rather
 * than copied again (which also spares the index a second copy of every commitment's words).
 *
 * Each list that holds something is also swapped for a copy of its exact length: a list grown by
 * `push` keeps room for 16 more, which the index would hold for every list of every note (a
 * tenth of its memory).
 */
export function detachNote(note: ParsedNote, ownPath: string): ParsedNote {
  const { session, commitments } = note;
  note.session = null;
  note.commitments = [];
  walk(note, 0, ownPath, true);
  for (const c of commitments) {
    const raw = ownString(c.raw);
    const at = c.text.length >= MIN_VIEW ? raw.indexOf(c.text) : -1;
    const text = at >= 0 ? raw.slice(at, at + c.text.length) : own(c.text, ownPath);
    // Blank while the rest is walked, so the walk does not copy them again.
    c.raw = '';
    c.text = '';
    walk(c, 1, ownPath, true);
    c.raw = raw;
    c.text = text;
  }
  note.commitments = exact(commitments, true);
  note.session = session;
  shareEmptyLists(note);
  return note;
}

/**
 * The one empty list every empty list the index keeps is (a note has about ten: a commitment's
 * check-ins, learned and notes, a session's attendees and copies, the note's diagnostics), frozen,
 * so a slip that would add to one after reading throws rather than changes every note.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

function shareEmptyLists(note: ParsedNote): void {
  if (note.diagnostics.length === 0) note.diagnostics = NONE;
  if (note.commitments.length === 0) note.commitments = NONE;
  if (note.sessions.length === 0) note.sessions = NONE;
  for (const s of note.sessions) {
    if (s.attendees.length === 0) s.attendees = NONE;
    if (s.copies.length === 0) s.copies = NONE;
  }
  for (const c of note.commitments) {
    if (c.checkIns.length === 0) c.checkIns = NONE;
    if (c.learned.length === 0) c.learned = NONE;
    if (c.notes.length === 0) c.notes = NONE;
  }
}

/** The string to keep in place of `v`: `shared` when they are equal (same characters), else its own copy. */
function own(v: string, shared: string | null): string {
  return v === shared ? shared : ownString(v);
}

/** `list` at its exact length (a fresh copy) when `trim` asks and it holds something. */
function exact<T>(list: T[], trim: boolean): T[] {
  return trim && list.length > 0 ? list.slice() : list;
}

/** Walks `holder[key]`, a record or list, first swapping a list for its exact-length copy (see `exact`). */
function walkAt(holder: object, key: string | number, v: object, depth: number, shared: string | null, trim: boolean): void {
  const w = Array.isArray(v) ? exact(v, trim) : v;
  if (w !== v) (holder as Record<string | number, unknown>)[key] = w;
  walk(w, depth, shared, trim);
}

function walk(value: unknown, depth: number, shared: string | null, trim: boolean): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') {
        if (v.length >= MIN_VIEW) value[i] = own(v, shared);
      } else if (v !== null && typeof v === 'object') walkAt(value, i, v, depth + 1, shared, trim);
    }
    return;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return; // plain records only (not Dates, Maps)
  const o = value as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'string') {
      if (v.length >= MIN_VIEW) o[k] = own(v, shared);
    } else if (v !== null && typeof v === 'object') walkAt(o, k, v, depth + 1, shared, trim);
  }
}
