/** Splitting note text into lines, and the small measurements every parser stage needs. */

export interface NoteLines {
  /** Lines without their line endings. */
  lines: string[];
  /** The line ending the note mostly uses, so inserted lines match it. */
  eol: '\n' | '\r\n';
}

export function splitLines(text: string): NoteLines {
  const lines = text.split('\n');
  let crlf = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) {
      lines[i] = line.slice(0, -1);
      crlf++;
    }
  }
  const lf = lines.length - 1 - crlf;
  return { lines, eol: crlf > lf ? '\r\n' : '\n' };
}

/** Width of the leading whitespace in columns, a tab advancing to the next multiple of 4. */
export function indentWidth(line: string): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return col;
}

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * `- `, `* `, `+ `, `1. ` or `1) ` at the start of a line (after indentation). `[^]` rather than
 * `.`: U+2028, U+2029 and a lone CR are ordinary characters inside a line, as they are to Obsidian.
 */
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+([^]*)|[ \t]*$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A checkbox as Tasks reads one: the box, then the text with or without a space (`[x]Sent` is done). */
const CHECKBOX = /^\[([^])\][ \t]*([^]*)$/;

export interface ListItem {
  indent: number;
  /** Column where the marker starts, in characters. */
  markerStart: number;
  /** The item's text after the marker (and after the checkbox, when there is one). */
  content: string;
  /** The checkbox character, or null for a plain bullet. */
  box: string | null;
}

export function matchListItem(line: string): ListItem | null {
  const m = LIST_ITEM.exec(line);
  if (!m || THEMATIC_BREAK.test(line)) return null;
  const rest = m[3] ?? '';
  const cb = CHECKBOX.exec(rest);
  return {
    indent: indentWidth(line),
    markerStart: m[1].length,
    content: cb ? cb[2] : rest,
    box: cb ? cb[1] : null,
  };
}

/** The text of an indented detail line without its list marker. */
export function stripListMarker(line: string): string {
  const item = matchListItem(line);
  if (!item) return line.trim();
  const content = item.box === null ? item.content : `[${item.box}] ${item.content}`;
  return content.trim();
}
