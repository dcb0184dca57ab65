/**
 * Minimal text edits to a note's frontmatter: one key's value replaced where it stands, or one
 * line inserted after the last top-level key. YAML is never re-serialised, so every other key,
 * its order, quoting, comments and blank lines stay exactly as the coach wrote them.
 */
import { basename, pickFrontmatterKey } from '../parse/records';
import { isIsoDate } from '../dates';
import { frontmatterRange, readFrontmatter } from '../parse/frontmatter';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { IsoDate } from '../types';
import { LineEditor, splitNote } from './text';
import { refuse, type EditResult } from './types';

/**
 * A top-level `key:` line. Linear time: a plain key runs greedily to the first colon (it cannot
 * hold one) and has its trailing whitespace trimmed in code, so no two quantifiers share spaces.
 */
const TOP_KEY = /^(?:(?:"([^"]*)"|'([^']*)')[ \t]*|([^\s#:'"][^:]*)):(?=[ \t]|$)/;

interface KeyLine {
  /** 0-based line index in the note. */
  index: number;
  key: string;
  /** Lines after the key line that belong to its value (indented, or a `- ` list at column 0). */
  blockEnd: number;
}

interface FrontmatterLines {
  /** 0-based index of the closing fence; the opening fence is line 0. */
  close: number;
  keys: KeyLine[];
}

function frontmatterLines(lines: readonly string[]): FrontmatterLines | 'unclosed' | null {
  const range = frontmatterRange(lines as string[]);
  if (range === null) return null;
  if ('unclosed' in range) return 'unclosed';
  const keys: KeyLine[] = [];
  for (let i = 1; i < range.end; i++) {
    const l = lines[i];
    const m = TOP_KEY.exec(l);
    if (!m || l.startsWith('-')) continue;
    let end = i;
    for (let j = i + 1; j < range.end; j++) {
      const n = lines[j];
      if (/^[ \t]/.test(n) || /^-(?:[ \t]|$)/.test(n)) end = j;
      else if (n.trim() === '' || n.startsWith('#')) continue;
      else break;
    }
    keys.push({ index: i, key: m[1] ?? m[2] ?? m[3].trimEnd(), blockEnd: end });
  }
  return { close: range.end, keys };
}

/** Splits `key: value  # comment` after the colon into spacing, value and what follows it. */
function splitValue(afterColon: string): { gap: string; value: string; rest: string } {
  const gap = /^[ \t]*/.exec(afterColon)![0];
  const body = afterColon.slice(gap.length);
  const q = body[0];
  if (q === '"' || q === "'") {
    let i = 1;
    while (i < body.length) {
      if (body[i] === '\\' && q === '"') i += 2;
      else if (body[i] === q && q === "'" && body[i + 1] === "'") i += 2;
      else if (body[i] === q) break;
      else i++;
    }
    return { gap, value: body.slice(0, i + 1), rest: body.slice(i + 1) };
  }
  if (body.startsWith('#')) return { gap, value: '', rest: ' ' + body };
  const comment = /[ \t]#/.exec(body);
  const raw = comment ? body.slice(0, comment.index) : body;
  const value = raw.trimEnd();
  return { gap, value, rest: body.slice(value.length) };
}

export interface FrontmatterEditOptions {
  /** Other key names the same setting goes by (matched without case); the first present is edited. */
  aliases?: readonly string[];
}

/** Characters that cannot stand as themselves in a YAML scalar: controls, line breaks, BOM. */
/** (C0 controls but tab, DEL, NEL, the line and paragraph separators and BOM; other C1 controls stand as themselves.) */
const UNPRINTABLE = /(?![\t\u0080-\u0084\u0086-\u009f])[\p{Cc}\u2028\u2029\ufeff]/u;

/** True when a plain string must be quoted to read back as the same string in YAML. */
export function needsYamlQuotes(v: string): boolean {
  return (
    v === '' ||
    UNPRINTABLE.test(v) ||
    v.includes('\t') ||
    /^[\s[\]{}&*!|>'"%@`#,?:~-]/.test(v) ||
    /\s$/.test(v) ||
    /: |:$| #/.test(v) ||
    /^(?:true|false|yes|no|on|off|null|~|y|n)$/i.test(v) ||
    /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(v) ||
    /^[-+]?\.(?:inf|nan)$/i.test(v) ||
    /^0x[0-9a-f]+$/i.test(v) ||
    /^0o[0-7]+$/i.test(v)
  );
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0', '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

/** `value` as a YAML double-quoted scalar: every character reads back as itself. */
function doubleQuoted(value: string): string {
  const body = value.replace(/[\\"\u007f\u0085\u2028\u2029\ufeff]|(?![\u007f-\u009f])\p{Cc}/gu, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}

/**
 * `value` as a YAML scalar in the given quote style ('' = plain when safe, else double quotes).
 * Single quotes cannot carry a line break or a control character, so such a value is
 * double-quoted instead.
 */
export function yamlScalar(value: string, quoteChar: '' | '"' | "'"): string {
  let q = quoteChar === '' && needsYamlQuotes(value) ? '"' : quoteChar;
  if (q === "'" && (UNPRINTABLE.test(value) || value.includes('\t'))) q = '"';
  if (q === '"') return doubleQuoted(value);
  if (q === "'") return `'${value.replace(/'/g, "''")}'`;
  return value;
}


/**
 * Sets a top-level frontmatter key to a string (null removes the key). An existing key keeps its
 * spelling, spacing, quote style and trailing comment; a new key goes after the last top-level
 * key; a note without frontmatter gets some. Values are quoted only when YAML needs it.
 */
export function setFrontmatterValue(text: string, key: string, value: string | null, options: FrontmatterEditOptions = {}): EditResult {
  const editor = new LineEditor(text);
  const fm = frontmatterLines(editor.lines);
  if (fm === 'unclosed') return refuse(`the frontmatter starts with --- but never closes; nothing was changed.`);
  if (fm === null) {
    if (value === null) return { ok: true, text, changedLines: [], summary: `${key} was not set` };
    const bom = editor.lines[0].charCodeAt(0) === 0xfeff;
    if (bom) editor.replace(0, editor.lines[0].slice(1));
    editor.insertAfter(-1, [`${bom ? '\uFEFF' : ''}---`, `${key}: ${yamlScalar(value, '')}`, '---']);
    return { ok: true, text: editor.text(), changedLines: editor.changedLines(), summary: `Set ${key} to ${value}` };
  }
  const picked = pickFrontmatterKey(
    fm.keys.map((k) => k.key),
    key,
    options.aliases ?? [],
  );
  const hit = picked === null ? undefined : fm.keys.find((k) => k.key === picked);
  if (hit) {
    if (value === null) {
      editor.remove(hit.index, hit.blockEnd - hit.index + 1);
      return { ok: true, text: editor.text(), changedLines: editor.changedLines(), summary: `Removed ${hit.key}` };
    }
    const line = editor.lines[hit.index];
    const colon = TOP_KEY.exec(line)![0].length;
    const { gap, value: old, rest } = splitValue(line.slice(colon));
    const quoteChar = old[0] === '"' || old[0] === "'" ? old[0] : '';
    const written = yamlScalar(value, quoteChar);
    const blockValue = old === '' && hit.blockEnd > hit.index;
    editor.replace(hit.index, `${line.slice(0, colon)}${gap === '' ? ' ' : gap}${written}${rest}`);
    if (blockValue) editor.remove(hit.index + 1, hit.blockEnd - hit.index);
    return { ok: true, text: editor.text(), changedLines: editor.changedLines(), summary: `Set ${hit.key} to ${value}` };
  }
  if (value === null) return { ok: true, text, changedLines: [], summary: `${key} was not set` };
  const after = fm.keys.length > 0 ? fm.keys[fm.keys.length - 1].blockEnd : 0;
  editor.insertAfter(after, [`${key}: ${yamlScalar(value, '')}`]);
  return { ok: true, text: editor.text(), changedLines: editor.changedLines(), summary: `Set ${key} to ${value}` };
}

/**
 * A frontmatter line a YAML round trip gives back as it stands: a plain key, then a word value
 * (letters, spaces, hyphens, apostrophes, not a YAML keyword) or a small whole number.
 */
const ROUND_TRIP_LINE = /^[A-Za-z_][A-Za-z0-9_-]{0,60}: (?:[A-Za-z][A-Za-z' -]{0,200}[A-Za-z]|[A-Za-z]|[1-9][0-9]{0,5}|0)$/;
const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null)$/i;

/**
 * Whether the host's frontmatter API (`processFrontMatter`, which parses the frontmatter and
 * writes it out again) would give this note's other keys back exactly as written. Obsidian's
 * serializer drops comments and blank lines, re-quotes values, rewrites dates and reflows lists;
 * for any frontmatter but the plainest, the minimal text edit is the one that keeps the coach's
 * words, so the applier uses it instead. A note without frontmatter has nothing to lose.
 */
export function hostRewriteKeeps(text: string): boolean {
  const { lines } = splitNote(text);
  const range = frontmatterRange(lines);
  if (range === null) return true;
  if ('unclosed' in range) return false;
  // The host writes its own line endings (LF), so a CRLF frontmatter would come back mixed.
  let length = 0;
  for (let i = 0; i <= range.end; i++) length += lines[i].length + 1;
  const cr = text.indexOf('\r');
  if (cr >= 0 && cr < length + range.end + 1) return false;
  if (lines[0] !== '---' || lines[range.end] !== '---') return false;
  for (let i = 1; i < range.end; i++) {
    const line = lines[i];
    if (!ROUND_TRIP_LINE.test(line)) return false;
    const value = line.slice(line.indexOf(': ') + 2);
    if (YAML_WORDS.test(value) || value.includes('  ')) return false;
  }
  return true;
}

/** The frontmatter value of `key` (or an alias) as the parser reads it, picked by the same rule. */
function readBack(text: string, key: string, aliases: readonly string[]): unknown {
  const fm = readFrontmatter(splitNote(text).lines);
  if (fm === null || fm.error) return fm?.error ? new Error(fm.error.message) : undefined;
  const line = (k: string) => fm.keyLines[k] ?? Number.MAX_SAFE_INTEGER;
  const picked = pickFrontmatterKey(Object.keys(fm.data).sort((a, b) => line(a) - line(b)), key, aliases);
  return picked === null ? undefined : fm.data[picked];
}

/**
 * Releases a client from between-session accountability until a date (`paused_until`), or, with
 * null, takes the release back. Only that one frontmatter line changes.
 */
export function releaseAccountability(
  text: string,
  path: string,
  until: IsoDate | null,
  settings: CoreSettings = DEFAULT_CORE_SETTINGS,
): EditResult {
  if (until !== null && !isIsoDate(until)) return refuse(`${path}: '${until}' is not a date (YYYY-MM-DD); nothing was changed.`);
  const aliases = settings.keyAliases.paused_until ?? [];
  const r = setFrontmatterValue(text, 'paused_until', until, { aliases });
  if (!r.ok) return refuse(`${path}: ${r.reason}`);
  const back = readBack(r.text, 'paused_until', aliases);
  if (back instanceof Error) return refuse(`${path}: the frontmatter would not read back (${back.message}); nothing was changed.`);
  const value = back instanceof Date ? back.toISOString().slice(0, 10) : back;
  const cleared = value === undefined || value === null || value === '';
  if (until === null ? !cleared : value !== until) {
    return refuse(`${path}: paused_until would read back as ${JSON.stringify(value)}, not ${JSON.stringify(until)}; nothing was changed.`);
  }
  return { ...r, summary: until === null ? `Accountability for ${basename(path)} resumed` : `Accountability for ${basename(path)} released until ${until}` };
}
