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
 * included), at a little over the cost. What does not work: `[s, ''].join('')` and
 * `s.replace(/^/, '')` hand back `s` itself, a view still; a rope sliced back (`(' ' + s).slice(1)`)
 * is a 32-byte view over a copy one character longer. tests/parse/detach.test.ts measures that the
 * note text is let go.
 */
export function ownString(s: string): string {
  if (s.length < MIN_VIEW) return s;
  return s.indexOf('%') < 0 ? decodeURIComponent(s) : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * `ownString` at four times the speed, for a string cut from a text of one byte a character (no
 * character above U+00FF): a join of two or more non-empty strings builds a fresh flat string, so
 * `s` is joined from its halves. Not for a string cut from a wider text: the join keeps the
 * parent's two bytes a character even where every character would fit in one, which
 * `decodeURIComponent` does not (surrogate pairs split between the halves are whole again in the
 * join either way).
 */
function ownNarrow(s: string): string {
  const half = s.length >> 1;
  return [s.slice(0, half), s.slice(half)].join('');
}

/** A character one byte cannot hold (above U+00FF): a text with one is kept two bytes a character. */
const WIDE = /[\u0100-\uffff]/;

/** Whether a note's text has a character above U+00FF, so strings cut from it are two bytes a character. */
export function isWide(text: string): boolean {
  return WIDE.test(text);
}

/** Replaces, in place, every string inside plain objects and arrays by its own copy. */
export function detach<T>(value: T): T {
  walk(value, 0, null, false);
  return value;
}

/**
 * What a string a note's records hold is kept as: itself when short (never a view) or the
 * note's own path, else its own copy. (Joining a note's strings into one copy and slicing them
 * back was no faster than a copy each, and each slice cost 32 bytes more than a copy.)
 */
class Keeper {
  constructor(
    private readonly shared: string,
    /** The note's text was wide (see `isWide`): only a wide string is joined, the rest decoded narrow. */
    private readonly wide: boolean,
  ) {}

  keep<T extends string | null>(v: T): T {
    if (v === null || v.length < MIN_VIEW) return v;
    if (v === this.shared) return this.shared as T;
    return (this.wide && !WIDE.test(v) ? ownString(v) : ownNarrow(v)) as T;
  }
}

/**
 * Every string a note's sessions and commitments hold, through `k`.
 * Typed rather than walked: a walk over every property (`for…in`) cost as much as the copies.
 *
 * A string field added to SessionNote, CopiedItem, ParsedCommitment, Coping, CheckIn or Learned
 * must be added here, or the index keeps the whole note text alive through it: the heap tests in
 * tests/parse/detach.test.ts name each field, and fail on a field this walk does not know.
 */
function keepStrings(note: ParsedNote, k: Keeper): void {
  // Indexed loops: `for…of` here was an iterator per list.
  const sessions = note.sessions;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i];
    s.path = k.keep(s.path);
    s.key = k.keep(s.key);
    s.clientRef = k.keep(s.clientRef);
    s.clientTarget = k.keep(s.clientTarget);
    s.next = k.keep(s.next);
    s.coach = k.keep(s.coach);
    const a = s.attendees;
    for (let j = 0; j < a.length; j++) a[j] = k.keep(a[j]);
    const copies = s.copies;
    for (let j = 0; j < copies.length; j++) copies[j].text = k.keep(copies[j].text);
  }
  const list = note.commitments;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const oldRaw = c.raw;
    c.raw = k.keep(oldRaw);
    // A commitment's text is nearly always a part of its line: cut from the line's own copy.
    const at = c.text.length >= MIN_VIEW ? oldRaw.indexOf(c.text) : -1;
    c.text = at >= 0 ? c.raw.slice(at, at + c.text.length) : k.keep(c.text);
    c.id = k.keep(c.id);
    c.owner = k.keep(c.owner);
    c.kind = k.keep(c.kind);
    c.trigger = k.keep(c.trigger);
    if (c.coping !== null) {
      c.coping.obstacle = k.keep(c.coping.obstacle);
      c.coping.response = k.keep(c.coping.response);
    }
    c.from = k.keep(c.from);
    c.person = k.keep(c.person);
    c.recurrence = k.keep(c.recurrence);
    const checkIns = c.checkIns;
    for (let j = 0; j < checkIns.length; j++) checkIns[j].note = k.keep(checkIns[j].note);
    const learned = c.learned;
    for (let j = 0; j < learned.length; j++) learned[j].text = k.keep(learned[j].text);
    const n = c.notes;
    for (let j = 0; j < n.length; j++) n[j] = k.keep(n[j]);
  }
}

/**
 * `detach` for a parsed note: its sessions' and commitments' strings copied (see Keeper), the
 * path (every session's, and its key when the note is one session) the note's own `ownPath`
 * rather than a copy each, and a commitment's text cut from its line's copy. The
 * client record and the diagnostics, few and of any shape, are walked. `wideText` says the note's
 * text had a character above U+00FF (`isWide`), so its strings are copied the careful way.
 *
 * Each list that holds something is also swapped for a copy of its exact length: a list grown by
 * `push` keeps room for 16 more, which the index would hold for every list of every note (a
 * tenth of its memory).
 */
export function detachNote(note: ParsedNote, ownPath: string, wideText = true): ParsedNote {
  const first = note.session;
  note.path = ownPath;
  keepStrings(note, new Keeper(ownPath, wideText));
  if (note.client !== null) walk(note.client, 1, ownPath, true);
  for (const d of note.diagnostics) {
    d.path = ownPath;
    d.message = own(d.message, ownPath);
  }
  note.sessions = exact(note.sessions, true);
  note.commitments = exact(note.commitments, true);
  note.diagnostics = exact(note.diagnostics, true);
  for (const s of note.sessions) {
    s.attendees = exact(s.attendees, true);
    s.copies = exact(s.copies, true);
  }
  for (const c of note.commitments) {
    c.checkIns = exact(c.checkIns, true);
    c.learned = exact(c.learned, true);
    c.notes = exact(c.notes, true);
  }
  note.session = first;
  shareEmptyLists(note);
  return note;
}

/**
 * The one empty list every empty list the index keeps is (a note has about ten: a commitment's
 * check-ins, learned and notes, a session's attendees and copies, the note's diagnostics), frozen,
 * so a slip that would add to one after reading throws rather than changes every note. The
 * reader's own lists start as it too (an item's details, a line's problems), made at their first
 * entry with `append`: most items have none, and fresh lists per item were a tenth of what reading
 * a note allocated.
 */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** `list` with `x` at its end: a new list of one for the shared empty one, else `list` itself, grown. */
export function append<T>(list: T[], x: T): T[] {
  if (list === NONE) return [x];
  list.push(x);
  return list;
}

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
