/**
 * The frontmatter fast path: a handful of `key: value` lines (plain scalars, short lists and maps,
 * block strings) read directly, so most notes never reach the YAML reader (./frontmatter). Returns
 * null for anything it is not sure of, and the YAML reader decides.
 */
import { ownString } from './detach';

// Linear-time: the value is taken whole and trimmed in code (a lazy group before `[ \t]*$`
// backtracks without bound on a value of spaces).
export const KEY_LINE = /^([A-Za-z_][\w.-]{0,200})[ \t]{0,50}:(?:[ \t]([^]*))?$/;

/**
 * Where the colon of a `key: value` line is (`KEY_LINE`), or -1; read by character, as most
 * frontmatter lines are, so that no match is allocated. The key is `keyBefore`, the value
 * `valueAfter`.
 */
export function keyColon(line: string): number {
  const n = line.length;
  const c0 = line.charCodeAt(0);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return -1;
  let i = 1;
  for (; i < n && i <= 201; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) break;
  }
  if (i > 201) return -1;
  const keyEnd = i;
  while (i < n && i - keyEnd < 50 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (line.charCodeAt(i) !== 58 /* : */) return -1;
  if (i + 1 === n) return i;
  const after = line.charCodeAt(i + 1);
  return after === 32 || after === 9 ? i : -1;
}

/**
 * Keys met before, each as the one string every note's records use. A key cut from a line is a
 * new string each time, and `key in data` or `data[key] = …` first looks such a string up in
 * V8's table of property names (a fifth of the frontmatter's time); the same few keys (`type`,
 * `client`, `date`) come back in every note, so this small map answers first. Bounded, so a
 * vault of one-off keys cannot grow it without end.
 */
const KNOWN_KEYS = new Map<string, string>();
const MAX_KNOWN_KEYS = 2000;

/** The key of a line whose colon `keyColon` found. */
function keyBefore(line: string, colon: number): string {
  let end = colon;
  while (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9) end--;
  const key = line.slice(0, end);
  const known = KNOWN_KEYS.get(key);
  if (known !== undefined) return known;
  if (KNOWN_KEYS.size >= MAX_KNOWN_KEYS) return key;
  // Its own copy: a key cut from the line would keep the whole note alive for as long as the map holds it.
  const own = ownString(key);
  KNOWN_KEYS.set(own, own);
  return own;
}

/** The value of a line whose colon `keyColon` found, trimmed; '' when there is none. */
function valueAfter(line: string, colon: number): string {
  return colon + 2 <= line.length ? line.slice(colon + 2).trim() : '';
}
const WIKILINK_VALUE = /^\[\[[^[\]]+\]\]$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** Values that need the real YAML parser. */
const COMPLEX_START = /^[[{|>&*!%@`]/;

function plainScalar(value: string): unknown {
  if (value === '' || value === '~' || value === 'null' || value === 'Null' || value === 'NULL') return null;
  if (value === 'true' || value === 'True' || value === 'TRUE') return true;
  if (value === 'false' || value === 'False' || value === 'FALSE') return false;
  if (NUMBER.test(value)) return Number(value);
  return value;
}

/** One `key: value` line's value on the fast path, or undefined when YAML must decide. */
function fastValue(raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined; // a block (list or map) may follow
  if (WIKILINK_VALUE.test(raw)) return raw;
  const q = raw.charCodeAt(0);
  if (q === 34 /* " */) {
    const inner = raw.slice(1, -1);
    if (raw.length >= 2 && raw.endsWith('"') && !inner.includes('"') && !inner.includes('\\')) return inner;
    return undefined;
  }
  if (q === 39 /* ' */) {
    const inner = raw.slice(1, -1);
    if (raw.length >= 2 && raw.endsWith("'") && !inner.includes("'")) return inner;
    return undefined;
  }
  if (COMPLEX_START.test(raw)) return undefined;
  let value = raw;
  const comment = value.indexOf(' #');
  if (comment >= 0) value = value.slice(0, comment).trimEnd();
  if (value.includes(': ') || value.endsWith(':')) return undefined;
  return plainScalar(value);
}

/**
 * A literal (`|`, `|-`) or folded (`>`, `>-`) block scalar whose lines `body[from..to)` share one
 * indentation, as Obsidian's property editor and most templates write them; undefined for
 * anything else (keep chomping, indentation indicators, comments, deeper lines, lines of only
 * spaces, tabs), which goes to the YAML parser.
 */
function blockScalar(header: string, body: string[], from: number, to: number): string | undefined {
  if (header.length > 2 || (header.length === 2 && header.charCodeAt(1) !== 45 /* - */)) return undefined;
  const folded = header.charCodeAt(0) === 62;
  const strip = header.length === 2;
  if (from === to) return '';
  let indent = -1;
  const parts: string[] = [];
  for (let k = from; k < to; k++) {
    const line = body[k];
    if (line.includes('\t')) return undefined;
    let w = 0;
    while (w < line.length && line.charCodeAt(w) === 32) w++;
    if (w === line.length) {
      if (w > 0) return undefined;
      parts.push('');
      continue;
    }
    if (indent < 0) indent = w;
    if (w !== indent) return undefined;
    parts.push(line.slice(w));
  }
  if (indent <= 0) return undefined;
  return (folded ? fold(parts) : parts.join('\n')) + (strip ? '' : '\n');
}

/**
 * YAML's line folding for a `>` block of one indentation: a line break between two lines of text
 * becomes a space, and n blank lines between them become n line breaks (the break itself goes);
 * blank lines before the first line of text stay line breaks.
 */
function fold(parts: string[]): string {
  let out = '';
  let blanks = 0;
  let started = false;
  for (const part of parts) {
    if (part === '') {
      blanks++;
      continue;
    }
    out += started ? (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + part : '\n'.repeat(blanks) + part;
    started = true;
    blanks = 0;
  }
  return out;
}

const BLOCK_LINE = /^( *)(- ?)?(.*)$/;
const FLOW_SEQUENCE = /^\[([^[\]{}"'#]*)\]$/;

/** A flow sequence of plain scalars (`[coaching, weekly]`), or undefined when YAML must decide. */
function flowSequence(raw: string): unknown[] | undefined {
  const m = FLOW_SEQUENCE.exec(raw);
  if (!m) return undefined;
  if (m[1].trim() === '') return [];
  const items: unknown[] = [];
  for (const part of m[1].split(',')) {
    const v = part.trim();
    if (v === '' || v.includes(': ')) return undefined;
    items.push(plainScalar(v));
  }
  return items;
}

/** A `key: value` line inside a block, with a scalar value; undefined for anything else. */
function blockPair(text: string): [string, unknown] | undefined {
  const colon = keyColon(text);
  if (colon < 0) return undefined;
  const raw = valueAfter(text, colon);
  const value = raw === '' ? null : fastValue(raw);
  return value === undefined ? undefined : [keyBefore(text, colon), value];
}

/**
 * The indented block under a `key:` line, when it is one of the shapes frontmatter usually has:
 * a list of scalars, a list of flat maps (milestones), or a flat map (contact). Undefined for
 * anything else, which goes to the YAML parser.
 */
function fastBlock(lines: string[]): unknown {
  let indent = -1;
  let seq: boolean | null = null;
  const list: unknown[] = [];
  let map: Record<string, unknown> | null = null; // the current list item's map, or the block's map
  let itemIndent = -1;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (line.includes('\t')) return undefined;
    const m = BLOCK_LINE.exec(line)!;
    const ind = m[1].length;
    const dash = m[2] !== undefined && (m[2] === '- ' || m[3] === '');
    if (indent < 0) {
      indent = ind;
      seq = dash;
      if (!seq) map = {};
    }
    if (seq) {
      if (dash && ind === indent) {
        const content = m[3];
        const quoted = content.startsWith('"') || content.startsWith("'");
        const pair = !quoted && (content.includes(': ') || content.endsWith(':')) ? blockPair(content) : undefined;
        if (pair) {
          map = { [pair[0]]: pair[1] };
          list.push(map);
          itemIndent = ind + 2;
        } else {
          if (!quoted && content.includes(': ')) return undefined;
          const v = content === '' ? null : fastValue(content);
          if (v === undefined) return undefined;
          list.push(v);
          map = null;
        }
      } else if (!dash && map !== null && ind === itemIndent) {
        const pair = blockPair(m[3]);
        if (!pair || pair[0] in map) return undefined;
        map[pair[0]] = pair[1];
      } else return undefined;
    } else {
      if (dash || ind !== indent) return undefined;
      const pair = blockPair(m[3]);
      if (!pair || pair[0] in map!) return undefined;
      map![pair[0]] = pair[1];
    }
  }
  return seq ? list : map;
}

export function fastParse(body: string[], firstLine: number): { data: Record<string, unknown>; keyLines: Record<string, number> } | null {
  const data: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  let i = 0;
  while (i < body.length) {
    const line = body[i];
    if (line.length === 0 || line.charCodeAt(0) === 35 /* # */ || line.trim() === '') {
      i++;
      continue;
    }
    const colon = keyColon(line);
    if (colon < 0) return null;
    const key = keyBefore(line, colon);
    // Duplicate keys, and keys an object already has (`__proto__`, `constructor`): let YAML read them.
    if (key in data) return null;
    keyLines[key] = firstLine + i;
    const raw = valueAfter(line, colon);
    i++;
    const c0 = raw.charCodeAt(0);
    if (c0 === 124 /* | */ || c0 === 62 /* > */) {
      // A block scalar (`summary: |`): its more-indented lines follow.
      let end = i;
      while (end < body.length && (body[end].trim() === '' || body[end].charCodeAt(0) === 32)) end++;
      while (end > i && body[end - 1].trim() === '') end--;
      const value = blockScalar(raw, body, i, end);
      if (value === undefined) return null;
      data[key] = value;
      i = end;
      continue;
    }
    if (raw !== '') {
      const value = c0 === 91 /* [ */ && !WIKILINK_VALUE.test(raw) ? flowSequence(raw) : fastValue(raw);
      if (value === undefined) return null;
      data[key] = value;
      continue;
    }
    // `key:` alone: a block of indented (or `- `) lines may follow; without one the value is null.
    const block: string[] = [];
    while (i < body.length && (/^[ \t]/.test(body[i]) || body[i].startsWith('- ') || body[i] === '-' || body[i].trim() === '')) {
      block.push(body[i]);
      i++;
    }
    while (block.length > 0 && block[block.length - 1].trim() === '') {
      block.pop();
      i--;
    }
    if (block.length === 0) {
      data[key] = null;
      continue;
    }
    const value = fastBlock(block);
    if (value === undefined) return null;
    data[key] = value;
  }
  return { data, keyLines };
}
