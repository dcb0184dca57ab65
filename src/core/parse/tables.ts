/**
 * Action items kept as a markdown table (`| Task | Owner | Due |`), as many meeting templates do.
 * Table rows are not commitments (the format reads list items, and a row cannot hold the check-in
 * lines written under an item), so they are not read; but a coach whose action items are all in
 * tables would otherwise see none and not know why. Each such table gets one warning naming its
 * rows and showing the list item a row would be.
 */
import type { Severity } from '../types';

const SEPARATOR_ROW = /^[ \t]*\|?(?:[ \t]*:?-{1,}:?[ \t]*\|)+(?:[ \t]*:?-{1,}:?[ \t]*)?[ \t]*$/;

/** The cells of a table row, trimmed, without the outer pipes. */
function cells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** A short, plain version of a cell for the example in the message. */
function sampleText(cell: string): string {
  const plain = cell.replace(/<br\s*\/?>/gi, ' ').replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}

const TASK_HEADER = /^(?:tasks?|actions?(?: items?)?|items?|what|to-?dos?|commitments?|descriptions?|next steps?|steps?|homework|follow-?ups?)$/i;
const OTHER_HEADER = /^(?:owners?|who|assignee|responsible|due(?: date)?|dates?|deadline|by when|when|status|done|priority|notes?|#|no\.?)$/i;

/** Which header cell names the task: a task word, else the first that is not an owner, date or status. */
function taskColumn(header: string[]): number {
  const names = header.map((h) => sampleText(h));
  const named = names.findIndex((h) => TASK_HEADER.test(h));
  if (named >= 0) return named;
  return names.findIndex((h) => h !== '' && !OTHER_HEADER.test(h));
}

export class ActionTables {
  private start = -1;
  private rows = 0;
  private separated = false;
  private sample: string | null = null;
  /** The column that holds what is to be done, from the header row's names. */
  private column = -1;
  private firstRow = -1;
  private lastRow = -1;

  constructor(private readonly diag: (line: number, severity: Severity, message: string) => void) {}

  /**
   * Whether a line of an action-items section (not a list item) is a table row: one that starts
   * with `|`, or holds one and is the header over a separator row (GFM lets a table leave out its
   * outer pipes), or holds one inside such a table.
   */
  isRow(line: string, next: string | undefined): boolean {
    if (line.trimStart().startsWith('|')) return true;
    if (!line.includes('|')) return false;
    return this.start >= 0 || (next !== undefined && next.includes('-') && SEPARATOR_ROW.test(next));
  }

  /** A table row (0-based `i`), from `isRow`. */
  row(line: string, i: number): void {
    if (this.start < 0) {
      this.start = i;
      this.rows = 0;
      this.separated = false;
      this.sample = null;
      this.column = taskColumn(cells(line));
      return;
    }
    if (!this.separated) {
      if (i === this.start + 1 && SEPARATOR_ROW.test(line)) {
        this.separated = true;
        return;
      }
      // Pipes without a separator row under the first: not a table Obsidian shows.
      return;
    }
    // A row with nothing to do in it (a template's empty `|  | Kenji | ⬜/✅ |`) is no action item.
    const row = cells(line).map(sampleText);
    const task = this.column >= 0 ? (row[this.column] ?? '') : (row.find((c) => c !== '' && !/^[-–—✓✔✅❌☐☑⬜xX/]+$/u.test(c)) ?? '');
    if (task === '') return;
    if (this.rows === 0) this.firstRow = i;
    this.lastRow = i;
    this.rows++;
    this.sample ??= task;
  }

  /** The table (if any) ended: warn about its rows. */
  end(): void {
    if (this.start < 0) return;
    const { start, rows, separated, sample } = this;
    this.start = -1;
    if (!separated || rows === 0) return;
    const where = rows === 1 ? `line ${this.firstRow + 1}` : this.lastRow - this.firstRow + 1 === rows ? `lines ${this.firstRow + 1}–${this.lastRow + 1}` : `lines ${this.firstRow + 1} to ${this.lastRow + 1}`;
    const example = sample !== null ? `, e.g. "- [ ] ${sample}"` : '';
    this.diag(
      start + 1,
      'warning',
      `${rows === 1 ? 'the action item' : `${rows} action items`} in this table (${where}) ${rows === 1 ? 'is not' : 'are not'} read: only list items are commitments; write each row as a checkbox item under the heading${example}, to track it`,
    );
  }
}
