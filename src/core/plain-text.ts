/**
 * Text from notes made safe to write where a format has rules about characters: control
 * characters removed, and line breaks folded to spaces where a value must stay on one line (a
 * name in a heading or a list item, an iCalendar SUMMARY). Pure.
 */

/** C0 controls other than tab and LF, DEL, and the C1 controls: never meaningful in a note's text. */
const CONTROLS = /(?![\t\n])\p{Cc}/gu;
/** Every way of breaking a line: CRLF, CR, LF, NEL, and the Unicode line and paragraph separators. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** Text with its line breaks as LF (CRLF and a lone CR become LF) and every other control character removed; tabs kept. */
export function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** Text on one line: each line break a space, other control characters removed; tabs kept. */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '');
}

/**
 * A frontmatter value as text, for matching and for messages: strings as written; numbers and
 * booleans as text; a date (Obsidian's YAML reader makes `2026-11-26` a Date) as YYYY-MM-DD; a list
 * as its items joined with ", "; a map as JSON. Never "[object Object]"; never throws.
 */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  // YAML's `!!binary`: bytes, not text a person wrote.
  if (value instanceof Uint8Array) return `binary data (${value.length} bytes)`;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return 'a value that cannot be shown';
  }
}
