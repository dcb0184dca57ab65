/**
 * Surgery on one commitment line: its checkbox, its fields and its block id, in the line's own
 * convention. Everything else on the line (the text, other people's inline fields, spacing,
 * trailing whitespace) is left as it was.
 */
import { codeSpans, COMMITMENT_TAG, DATE_EMOJI_SIGN, EMOJI_DATE, FIELDS, inSpan, nextInlineField, PRIORITY_EMOJI, RECURRENCE, TASKS_META, TASKS_META_SIGN, type FieldKey } from '../syntax/fields';
import type { Coping, FieldConvention } from '../types';

const RECURRENCES = new RegExp(RECURRENCE.source, 'gu');

/** A list item split into the parts an edit may touch. Joining them gives the line back. */
export interface ItemParts {
  /** Indentation, list marker and the space after it. */
  prefix: string;
  /** The checkbox character, or null for a plain bullet. */
  box: string | null;
  /** Whitespace between `]` and the text. */
  boxGap: string;
  /** The text and fields, without the block id and trailing whitespace. */
  main: string;
  /** The block id with the whitespace before it (` ^c7f3a`), or ''. */
  idPart: string;
  id: string | null;
  trailing: string;
}

// Every pattern here runs in time linear in the line: anchored, no two unbounded quantifiers over
// the same characters side by side, and `[^]` rather than `.`, so U+2028, U+2029 and a lone CR
// inside a line are ordinary characters (lines are split on LF and CRLF only, as Obsidian does).
// A list item, also inside a callout (`> - [ ] …`): the `> ` markers are part of the prefix, kept as written.
const ITEM = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))([^]*)$/;
/** A checkbox as Tasks reads it: `[x]` with or without whitespace after it (`- [x]Sent` is done). */
const BOX = /^\[([^])\]([ \t]*)/;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isIdChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
}

/**
 * Where a trailing block id (`^c7f3a`, at the start or after whitespace) begins in `s`, counting
 * the whitespace before it; -1 when `s` does not end with one. A single scan, no regex.
 */
export function trailingIdStart(s: string): number {
  const caret = s.lastIndexOf('^');
  if (caret < 0 || caret === s.length - 1) return -1;
  for (let i = caret + 1; i < s.length; i++) if (!isIdChar(s.charCodeAt(i))) return -1;
  let start = caret;
  while (start > 0 && isSpace(s[start - 1])) start--;
  return start === caret && caret !== 0 ? -1 : start;
}

/** The length of the run of spaces and tabs that ends `s`. */
function trailingSpaceLength(s: string): number {
  let i = s.length;
  while (i > 0 && isSpace(s[i - 1])) i--;
  return s.length - i;
}

export function splitItem(line: string): ItemParts | null {
  const m = ITEM.exec(line);
  if (!m) return null;
  let rest = m[2];
  let box: string | null = null;
  let boxGap = '';
  const b = BOX.exec(rest);
  if (b) {
    box = b[1];
    boxGap = b[2];
    rest = rest.slice(b[0].length);
  }
  const trailing = rest.slice(rest.length - trailingSpaceLength(rest));
  let core = rest.slice(0, rest.length - trailing.length);
  let idPart = '';
  let id: string | null = null;
  const at = trailingIdStart(core);
  if (at >= 0) {
    idPart = core.slice(at);
    id = core.slice(core.lastIndexOf('^') + 1);
    core = core.slice(0, at);
  }
  return { prefix: m[1], box, boxGap, main: core, idPart, id, trailing };
}

/** The line from its parts. Fields are always separated from the block id by a space. */
export function joinItem(p: ItemParts): string {
  const box = p.box === null ? '' : `[${p.box}]${p.boxGap}`;
  const idPart = p.idPart !== '' && p.main !== '' && !isSpace(p.idPart[0]) ? ' ' + p.idPart : p.idPart;
  return p.prefix + box + p.main + idPart + p.trailing;
}

/** Boxes that close a commitment; any other box (and a plain bullet) says it is open. */
const DONE_BOXES = new Set(['x', 'X']);

/**
 * The line an edit writes: like `joinItem`, but first a done or let-go date the box contradicts
 * is removed (Tasks users un-tick boxes, which leaves `✅ …` or `[completion:: …]` behind): an open
 * box loses both, a done box a let-go date, a let-go box a done date.
 */
export function writeItem(p: ItemParts): string {
  const box = p.box;
  const open = box === null || (!DONE_BOXES.has(box) && box !== '-' && box !== '>');
  if (open || box === '-') removeField(p, 'completion');
  if (open || (box !== null && DONE_BOXES.has(box))) removeField(p, 'cancelled');
  return joinItem(p);
}

export function setBox(p: ItemParts, box: string): void {
  if (p.box === null) p.boxGap = p.main === '' && p.idPart === '' ? '' : ' ';
  else if (p.boxGap === '' && (p.main !== '' || p.idPart !== '')) p.boxGap = ' ';
  p.box = box;
}

export function setBlockId(p: ItemParts, id: string): void {
  p.id = id;
  p.idPart = `${p.main === '' ? '' : ' '}^${id}`;
}

export type { FieldKey } from '../syntax/fields';

/** The key names the parser reads for each field (the first is the one written); layout-only names are someone else's here. */
function namesOf(key: FieldKey): readonly string[] {
  return FIELDS[key].names;
}

/** Tasks' emoji for a field (the first is the one written), or undefined. */
function emojiOf(key: FieldKey): readonly string[] | undefined {
  return FIELDS[key].emoji;
}

interface Span {
  start: number;
  end: number;
  replacement: string;
}

function applySpans(s: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const sp of spans.sort((a, b) => a.start - b.start)) {
    out += s.slice(at, sp.start) + sp.replacement;
    at = sp.end;
  }
  return out + s.slice(at);
}

interface FieldSpan {
  start: number;
  end: number;
  key: string;
  paren: boolean;
  keyText: string;
}

function inlineFieldSpans(main: string): FieldSpan[] {
  const out: FieldSpan[] = [];
  if (!main.includes('::')) return out;
  const code = main.includes('`') ? codeSpans(main) : null;
  for (let f = nextInlineField(main); f !== null; f = nextInlineField(main, f.end)) {
    // A field shown as code is text, as the reader takes it (../syntax/fields): never edited.
    if (code !== null && inSpan(code, f.start)) continue;
    const keyText = f.key.trim();
    out.push({ start: f.start, end: f.end, key: keyText.toLowerCase(), paren: f.paren, keyText });
  }
  return out;
}

/** Whether position `i` is outside every field of `fields` (sorted, apart): a binary search. */
function outside(fields: readonly FieldSpan[], i: number): boolean {
  let lo = 0;
  let hi = fields.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = fields[mid];
    if (i < f.start) hi = mid - 1;
    else if (i >= f.end) lo = mid + 1;
    else return false;
  }
  return true;
}

/** Where the run of spaces and tabs that ends just before `i` starts. */
function spaceRunStart(s: string, i: number): number {
  while (i > 0 && isSpace(s[i - 1])) i--;
  return i;
}

/**
 * Tasks' emoji fields outside inline fields, in order: dates, priorities, and the task's id,
 * dependencies, on-completion and recurrence, so that a field we add goes before all of them and
 * Tasks, which reads them from the end of the line, still reads every one.
 */
function emojiSpans(main: string, fields: readonly FieldSpan[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const re of [EMOJI_DATE, PRIORITY_EMOJI, TASKS_META]) {
    for (const m of main.matchAll(re)) if (outside(fields, m.index)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of main.matchAll(RECURRENCES)) {
    const start = m.index + m[0].indexOf('🔁');
    let end = m.index + m[0].length;
    while (end > start && isSpace(main[end - 1])) end--;
    if (outside(fields, start)) out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Token {
  start: number;
  end: number;
  emoji: boolean;
  /** An inline field Tasks' Dataview format reads (its dates and the like), from the line's end. */
  tasksField: boolean;
}

/** The inline fields Tasks reads in its Dataview format (DataviewTaskSerializer), lowercased. */
const TASKS_DATAVIEW_FIELDS = new Set(['due', 'scheduled', 'start', 'created', 'completion', 'cancelled', 'priority', 'repeat', 'oncompletion', 'id', 'dependson']);

/**
 * The end of the line made only of fields (inline and Tasks emoji, separated by whitespace), as
 * tokens in order; empty when the line does not end with a field.
 */
function fieldTail(main: string): Token[] {
  const fields = inlineFieldSpans(main);
  const all: Token[] = [
    ...fields.map((f) => ({ start: f.start, end: f.end, emoji: false, tasksField: TASKS_DATAVIEW_FIELDS.has(f.key) })),
    ...emojiSpans(main, fields).map((e) => ({ ...e, emoji: true, tasksField: false })),
  ];
  const byEnd = new Map(all.map((t) => [t.end, t]));
  const backwards: Token[] = [];
  let pos = spaceRunStart(main, main.length);
  for (;;) {
    const t = byEnd.get(pos);
    const last = backwards[backwards.length - 1];
    if (t === undefined || (last !== undefined && t.end === last.start)) break; // fields must be apart
    backwards.push(t);
    pos = spaceRunStart(main, t.start);
  }
  return backwards.reverse();
}

/**
 * Tasks reads its fields only at the end of the line: the emoji fields on an emoji-style line,
 * the inline date fields (`[due:: …]`, `[completion:: …]`, `[cancelled:: …]`…) in its Dataview
 * format. Puts our other fields of the line's field tail before those (keeping each group's
 * order), so the Tasks-readable part is last before the block id.
 */
function tasksLast(p: ItemParts, convention: FieldConvention): void {
  const tail = fieldTail(p.main);
  const isTasks = (t: Token) => (convention === 'emoji' ? t.emoji : t.emoji || t.tasksField);
  const first = tail.findIndex(isTasks);
  if (first < 0 || !tail.slice(first).some((t) => !isTasks(t))) return;
  const piece = (t: Token) => p.main.slice(t.start, t.end);
  const from = tail[first].start;
  const rest = tail.slice(first);
  const ordered = [...rest.filter((t) => !isTasks(t)), ...rest.filter(isTasks)].map(piece).join(' ');
  p.main = p.main.slice(0, from) + ordered + p.main.slice(rest[rest.length - 1].end);
}

/** True when the line already carries the field, in either convention. */
export function hasField(p: ItemParts, key: FieldKey): boolean {
  const names = namesOf(key);
  const fields = inlineFieldSpans(p.main);
  if (fields.some((f) => names.includes(f.key))) return true;
  const emoji = emojiOf(key);
  if (!emoji) return false;
  for (const m of p.main.matchAll(EMOJI_DATE)) {
    if (emoji.includes(m[1]) && outside(fields, m.index)) return true;
  }
  return false;
}

/**
 * Sets a field on the line. An existing field (in either convention, under any name the parser
 * reads) has its value replaced where it stands; otherwise the field is appended to the text, as
 * a Tasks emoji when the line uses emoji and the field has one, else as a Dataview inline field.
 * The block id stays last. `value` must already be safe to write (see `fieldValue`).
 */
export function setField(p: ItemParts, key: FieldKey, value: string, convention: FieldConvention): void {
  const names = namesOf(key);
  const fields = inlineFieldSpans(p.main);
  const spans: Span[] = [];
  for (const f of fields) {
    if (!names.includes(f.key)) continue;
    const paren = f.paren && !/[()]/.test(value);
    spans.push({ start: f.start, end: f.end, replacement: paren ? `(${f.keyText}:: ${value})` : `[${f.keyText}:: ${value}]` });
  }
  const emoji = emojiOf(key);
  if (emoji) {
    for (const m of p.main.matchAll(EMOJI_DATE)) {
      if (!emoji.includes(m[1]) || !outside(fields, m.index)) continue;
      const start = m.index + m[1].length + m[2].length;
      spans.push({ start, end: start + m[3].length, replacement: value });
    }
  }
  if (spans.length > 0) p.main = applySpans(p.main, spans);
  else {
    const asEmoji = emoji !== undefined && convention === 'emoji';
    const written = asEmoji ? `${emoji[0]} ${value}` : `[${names[0]}:: ${value}]`;
    p.main = p.main === '' || isSpace(p.main[p.main.length - 1]) ? p.main + written : `${p.main} ${written}`;
  }
  tasksLast(p, convention);
}

/** Removes a field from the line (both conventions), with the space before it. */
export function removeField(p: ItemParts, key: FieldKey): void {
  const names = namesOf(key);
  const fields = inlineFieldSpans(p.main);
  const spans: Span[] = [];
  const widen = (start: number, end: number): Span => ({ start: spaceRunStart(p.main, start), end, replacement: '' });
  for (const f of fields) if (names.includes(f.key)) spans.push(widen(f.start, f.end));
  const emoji = emojiOf(key);
  if (emoji) {
    for (const m of p.main.matchAll(EMOJI_DATE)) {
      if (emoji.includes(m[1]) && outside(fields, m.index)) {
        spans.push(widen(m.index, m.index + m[0].length));
      }
    }
  }
  if (spans.length > 0) p.main = applySpans(p.main, spans);
}

/**
 * Makes free text safe as an inline field value: one line, single spaces, and no square brackets
 * except whole `[[wikilinks]]` (a stray bracket would end the field early).
 */
export function fieldValue(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat
    .split(/(\[\[[^[\]]*\]\])/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\[/g, '(').replace(/\]/g, ')')))
    .join('')
    .trim();
}

/** Free text as a commitment's own text: one line, nothing the parser would read as a field or id. */
export function commitmentText(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  t = t.replace(/::/g, ':');
  t = t.replace(DATE_EMOJI_SIGN, '');
  t = t.replace(COMMITMENT_TAG, '$1');
  const id = trailingIdStart(t);
  if (id >= 0) t = t.slice(0, id);
  t = t.replace(PRIORITY_EMOJI, '').replace(TASKS_META_SIGN, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** A coping plan as the parser reads it back: `obstacle -> response`, or just the response. */
export function copingValue(c: Coping): string | null {
  const obstacle = c.obstacle === null ? '' : fieldValue(c.obstacle).replace(/->|→/g, '=>');
  const response = c.response === null ? '' : fieldValue(c.response);
  if (obstacle === '' && response === '') return null;
  if (obstacle === '') return /->|→/.test(response) ? `-> ${response}` : response;
  return response === '' ? `${obstacle} ->` : `${obstacle} -> ${response}`;
}

/** What `copingValue` would read back as, so edits can check the parse. */
export function normaliseCoping(c: Coping): Coping | null {
  const obstacle = c.obstacle === null ? '' : fieldValue(c.obstacle).replace(/->|→/g, '=>');
  const response = c.response === null ? '' : fieldValue(c.response);
  if (obstacle === '' && response === '') return null;
  return { obstacle: obstacle || null, response: response || null };
}
