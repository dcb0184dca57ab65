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

/** Whether a character code is white space as JavaScript's `\s` and `trim` read it. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
 * A list item: `- `, `* `, `+ `, `1. ` or `1) ` at the start of a line (after indentation), and a
 * checkbox as Tasks reads one (the box, then the text with or without a space: `[x]Sent` is done).
 * U+2028, U+2029 and a lone CR are ordinary characters inside a line, as they are to Obsidian.
 */
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
  // By character, as LIST_ITEM, THEMATIC_BREAK and CHECKBOX read it (tests/parse/list-items.test.ts
  // holds them together): the parser asks this of most lines of a note.
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  if (i === n) return null;
  const markerStart = i;
  const c = line.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) i++;
  else {
    let d = i;
    while (d < n && d - i < 9) {
      const x = line.charCodeAt(d);
      if (x < 48 || x > 57) break;
      d++;
    }
    if (d === i || d >= n) return null;
    const x = line.charCodeAt(d);
    if (x !== 46 && x !== 41) return null;
    i = d + 1;
  }
  // After the marker: white space then the text, or nothing but white space.
  let j = i;
  while (j < n) {
    const x = line.charCodeAt(j);
    if (x !== 32 && x !== 9) break;
    j++;
  }
  if (j === i && j < n) return null;
  if ((c === 45 || c === 42) && isThematicBreak(line, c)) return null;
  const rest = j < n ? line.slice(j) : '';
  const indent = indentWidth(line);
  if (rest.length >= 3 && rest.charCodeAt(0) === 91 && rest.charCodeAt(2) === 93) {
    let k = 3;
    while (k < rest.length && (rest.charCodeAt(k) === 32 || rest.charCodeAt(k) === 9)) k++;
    return { indent, markerStart, content: rest.slice(k), box: rest[1] };
  }
  return { indent, markerStart, content: rest, box: null };
}

/** `---`, `* * *`: up to three spaces, then three or more of the marker with spaces or tabs between. */
function isThematicBreak(line: string, marker: number): boolean {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  if (i > 3 || line.charCodeAt(i) !== marker) return false;
  let count = 0;
  for (; i < line.length; i++) {
    const x = line.charCodeAt(i);
    if (x === marker) count++;
    else if (x !== 32 && x !== 9) return false;
  }
  return count >= 3;
}

/** The text of an indented detail line without its list marker. */
export function stripListMarker(line: string): string {
  const item = matchListItem(line);
  if (!item) return line.trim();
  const content = item.box === null ? item.content : `[${item.box}] ${item.content}`;
  return content.trim();
}

/** Whether a line's last character but spaces and tabs is a colon (`Action Items:`). */
export function endsWithColon(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  return i >= 0 && line.charCodeAt(i) === 58;
}

/** An ASCII letter's code. */
export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
