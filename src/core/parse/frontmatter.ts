/**
 * Frontmatter: the YAML block between `---` lines at the top of a note.
 *
 * Most coaching notes hold a handful of `key: value` lines, so a fast path (./frontmatter-fast) reads those directly;
 * anything beyond plain scalars (lists, maps, block strings, anchors, escapes) goes to the host's
 * YAML reader (Obsidian's `parseYaml` in the plugin, the `yaml` package on the command line; see
 * ./yaml), which is exact but slow enough to dominate a 50,000-note scan if used for every note.
 */
import { fastParse } from './frontmatter-fast';
import { yamlErrorLine, yamlParser } from './yaml';

export interface Frontmatter {
  data: Record<string, unknown>;
  /** 1-based line of each top-level key. */
  keyLines: Record<string, number>;
  /** 1-based line of the opening and closing fences. */
  startLine: number;
  endLine: number;
  error: { line: number; message: string } | null;
  /** True when the YAML reader was needed. */
  usedYaml: boolean;
}


/** `---` (or, closing, `...`) with nothing but trailing spaces; checked without allocating. */
function isFence(line: string, closing: boolean): boolean {
  if (line.length < 3) return false;
  const c = line.charCodeAt(0);
  if (!(c === 45 /* - */ || (closing && c === 46) /* . */) || line.charCodeAt(1) !== c || line.charCodeAt(2) !== c) return false;
  for (let i = 3; i < line.length; i++) {
    const x = line.charCodeAt(i);
    if (x !== 32 && x !== 9) return false;
  }
  return true;
}

/** The frontmatter's line range, or null when the note has none. Line 0 may start with a BOM. */
export function frontmatterRange(lines: string[]): { end: number } | { unclosed: true } | null {
  if (lines.length === 0) return null;
  const first = lines[0].charCodeAt(0) === 0xfeff ? lines[0].slice(1) : lines[0];
  if (!isFence(first, false)) return null;
  for (let i = 1; i < lines.length; i++) {
    if (isFence(lines[i], true)) return { end: i };
  }
  return { unclosed: true };
}


/**
 * The most frontmatter lines handed to the YAML reader. Readers check a map's keys against each
 * other (the `yaml` package pair by pair: 10,000 keys take 0.4 s, 100,000 over a minute), so a
 * hostile note could hold the read; plain `key: value` lines of any length go the fast path.
 */
export const MAX_YAML_LINES = 2000;

/** A top-level key as written at the start of a line: plain words, quoted or not. */
const TOP_KEY = /^(["']?)([A-Za-z0-9_][\w .-]{0,200}?)\1[ \t]{0,50}:(?:[ \t]|$)/;

function yamlParse(body: string[], firstLine: number): Omit<Frontmatter, 'startLine' | 'endLine' | 'usedYaml'> {
  const keyLines: Record<string, number> = {};
  for (let i = 0; i < body.length; i++) {
    const m = /^([^\s#:][^:]{0,200}?)[ \t]{0,50}:(?:[ \t]|$)/.exec(body[i]);
    if (m) {
      const key = m[1].replace(/^["']|["']$/g, '');
      // Own keys only, and set as data: a key named `constructor` or `__proto__` is a key like any other.
      if (!Object.prototype.hasOwnProperty.call(keyLines, key)) Object.defineProperty(keyLines, key, { value: firstLine + i, enumerable: true, writable: true, configurable: true });
      else {
        // The same plain key twice at the top: YAML refuses it; say where both are, without the reader.
        const plain = TOP_KEY.exec(body[i]);
        if (plain && plain[2] === key) {
          return {
            data: {},
            keyLines,
            error: {
              line: firstLine + i,
              message: `frontmatter has the key '${key}' on line ${keyLines[key]} and again on line ${firstLine + i}; a key may appear only once: keep one of them`,
            },
          };
        }
      }
    }
  }
  if (body.length > MAX_YAML_LINES) {
    return {
      data: {},
      keyLines,
      error: {
        line: firstLine,
        message: `frontmatter is ${body.length} lines long, more than the ${MAX_YAML_LINES} this plugin reads when it is not plain 'key: value' lines; move the long values into the note's text`,
      },
    };
  }
  const source = body.join('\n');
  const parse = yamlParser();
  if (parse === null) {
    return { data: {}, keyLines, error: { line: firstLine, message: 'frontmatter could not be read: no YAML reader was set up (setYamlParser)' } };
  }
  let value: unknown;
  try {
    value = parse(source);
  } catch (e) {
    const at = yamlErrorLine(e);
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return { data: {}, keyLines, error: { line: at === null ? firstLine : firstLine + at - 1, message: `frontmatter is not valid YAML: ${yamlProblem(message)}; fix the lines between the --- markers (the note is not read until then)` } };
  }
  if (value === null || value === undefined) return { data: {}, keyLines, error: null };
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    return { data: {}, keyLines, error: { line: firstLine, message: 'frontmatter is not a map of keys and values; write key: value lines between the --- markers' } };
  }
  return { data: value as Record<string, unknown>, keyLines, error: null };
}

/** A YAML reader's message in the coach's words where it is a reader's internals. */
function yamlProblem(message: string): string {
  if (/call stack|too much recursion/i.test(message)) return 'it is nested too deeply to read';
  if (/alias/i.test(message) && /excessive|count|resource/i.test(message)) return 'it repeats *aliases more than a note needs';
  return message;
}

/** Reads the frontmatter of a note's lines, or returns null when there is none. */
export function readFrontmatter(lines: string[]): Frontmatter | null {
  const range = frontmatterRange(lines);
  if (range === null) return null;
  if ('unclosed' in range) {
    return {
      data: {},
      keyLines: {},
      startLine: 1,
      endLine: 0,
      error: { line: 1, message: 'frontmatter starts with --- but never closes; add a --- line after the last key' },
      usedYaml: false,
    };
  }
  const body = lines.slice(1, range.end);
  const fast = fastParse(body, 2);
  if (fast) return { data: fast.data, keyLines: fast.keyLines, startLine: 1, endLine: range.end + 1, error: null, usedYaml: false };
  const y = yamlParse(body, 2);
  return { data: y.data, keyLines: y.keyLines, startLine: 1, endLine: range.end + 1, error: y.error, usedYaml: true };
}
