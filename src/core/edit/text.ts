/**
 * A note's lines with each line's own ending kept, and a small editor over them that knows which
 * lines it touched. Nothing is normalised: a CRLF line stays CRLF, a missing final newline stays
 * missing, and lines the edit does not name are written back byte for byte.
 *
 * Lines are split exactly as the parser splits them (on `\n`, a trailing `\r` belonging to the
 * ending), so line numbers here and in `ParsedCommitment.line` agree.
 */

export type Eol = '\n' | '\r\n' | '\r' | '';

export interface NoteText {
  /** Line contents without endings. A text ending in a newline has a last, empty line. */
  lines: string[];
  /** Each line's own ending; the last line's is '' (or '\r' for a text ending in a lone CR). */
  eols: Eol[];
  /** The ending most lines use, for inserted lines. */
  eol: '\n' | '\r\n';
}

export function splitNote(text: string): NoteText {
  const parts = text.split('\n');
  const lines: string[] = [];
  const eols: Eol[] = [];
  let crlf = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const last = i === parts.length - 1;
    const cr = p.length > 0 && p.charCodeAt(p.length - 1) === 13;
    lines.push(cr ? p.slice(0, -1) : p);
    if (last) eols.push(cr ? '\r' : '');
    else {
      eols.push(cr ? '\r\n' : '\n');
      if (cr) crlf++;
    }
  }
  const lf = parts.length - 1 - crlf;
  return { lines, eols, eol: crlf > lf ? '\r\n' : '\n' };
}

export function joinNote(lines: readonly string[], eols: readonly Eol[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) out += lines[i] + eols[i];
  return out;
}

/** Leading spaces and tabs of a line. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/**
 * Edits a note line by line. Indexes are 0-based positions in the current (edited) lines.
 * Each line remembers whether the edit wrote it, so `changedLines()` can say exactly which lines
 * of the result differ from the original.
 */
export class LineEditor {
  readonly lines: string[];
  readonly eols: Eol[];
  readonly eol: '\n' | '\r\n';
  private readonly touched: boolean[];
  private readonly original: string;

  constructor(text: string) {
    const n = splitNote(text);
    this.original = text;
    this.lines = n.lines;
    this.eols = n.eols;
    this.eol = n.eol;
    this.touched = n.lines.map(() => false);
  }

  get length(): number {
    return this.lines.length;
  }

  /** True when the text ends with a line ending (its last line is empty). */
  get endsWithNewline(): boolean {
    const last = this.lines.length - 1;
    return last > 0 && this.lines[last] === '' && this.eols[last] === '';
  }

  replace(index: number, content: string): void {
    if (this.lines[index] === content) return;
    this.lines[index] = content;
    this.touched[index] = true;
  }

  /**
   * Inserts lines after `index` (-1 inserts at the top). Inserted lines take the note's dominant
   * ending; inserting after a last line that has no ending keeps the note without a final one.
   */
  insertAfter(index: number, contents: readonly string[]): void {
    if (contents.length === 0) return;
    const at = index + 1;
    const newEols: Eol[] = contents.map(() => this.eol);
    if (index >= 0 && (this.eols[index] === '' || this.eols[index] === '\r')) {
      // `index` was the last line: it gains an ending, and the last inserted line takes its place as the end.
      newEols[newEols.length - 1] = this.eols[index];
      this.eols[index] = this.eol;
    }
    this.lines.splice(at, 0, ...contents);
    this.eols.splice(at, 0, ...newEols);
    this.touched.splice(at, 0, ...contents.map(() => true));
  }

  /** Removes `count` lines starting at `index` (never the text's final empty line's ending). */
  remove(index: number, count: number): void {
    if (count <= 0) return;
    const lastRemoved = index + count - 1;
    if (lastRemoved === this.lines.length - 1 && index > 0) {
      // Removing the last lines: the line before becomes last and takes over the final ending.
      this.eols[index - 1] = this.eols[lastRemoved];
    }
    this.lines.splice(index, count);
    this.eols.splice(index, count);
    this.touched.splice(index, count);
  }

  text(): string {
    return joinNote(this.lines, this.eols);
  }

  /** 1-based lines of the current text that the edit wrote. */
  changedLines(): number[] {
    if (this.text() === this.original) return [];
    const out: number[] = [];
    for (let i = 0; i < this.touched.length; i++) if (this.touched[i]) out.push(i + 1);
    return out;
  }
}
