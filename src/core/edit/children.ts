/**
 * Detail lines under a commitment: where they go and how they are indented, so a new check-in
 * looks like the lines the coach already wrote (and the parser reads it as a child).
 */
import { indentWidth, isBlank, matchListItem } from '../parse/lines';
import type { ParsedCommitment, ParsedNote } from '../types';
import { leadingWhitespace } from './text';

export interface ChildStyle {
  /** Leading whitespace of a child line. */
  indent: string;
  /** `-`, `*` or `+`. */
  marker: string;
}

function bulletOf(line: string): string | null {
  const m = /^[ \t]*([-*+])[ \t]/.exec(line);
  return m ? m[1] : null;
}

/** A callout's `> ` markers at the start of a line, and the rest. */
function calloutSplit(line: string): [string, string] {
  const m = /^(?:[ \t]*>[ \t]?)+/.exec(line);
  return m ? [m[0], line.slice(m[0].length)] : ['', line];
}

/** The first child line of a commitment (a non-blank line indented past it, inside the same callout), or null. */
function firstChild(lines: readonly string[], c: ParsedCommitment): string | null {
  const [quote, rest] = calloutSplit(c.raw);
  const parent = indentWidth(rest);
  for (let i = c.line; i < c.endLine && i < lines.length; i++) {
    const [q, l] = calloutSplit(lines[i]);
    if (q.trim() === quote.trim() && !isBlank(l) && indentWidth(l) > parent) return quote + l;
  }
  return null;
}

/**
 * How a new child of `c` is written: like its existing children; else like other commitments'
 * children in the note (same indent relative to their parent); else one tab when the note indents
 * with tabs, else enough spaces to clear the parent's list marker.
 */
export function childStyle(lines: readonly string[], note: ParsedNote, c: ParsedCommitment): ChildStyle {
  // In a callout, a child keeps the callout's `> ` and is indented inside it.
  const [quote, inner] = calloutSplit(c.raw);
  if (quote !== '') {
    const own = firstChild(lines, c);
    if (own !== null) {
      const rest = own.slice(quote.length);
      return { indent: quote + leadingWhitespace(rest), marker: bulletOf(rest) ?? '-' };
    }
    const markerWidth = /^[ \t]*(\S+)/.exec(inner)?.[1].length ?? 1;
    return { indent: quote + leadingWhitespace(inner) + ' '.repeat(Math.max(2, markerWidth + 1)), marker: '-' };
  }
  const parentLead = leadingWhitespace(c.raw);
  const own = firstChild(lines, c);
  if (own !== null) return { indent: leadingWhitespace(own), marker: bulletOf(own) ?? '-' };
  for (const other of note.commitments) {
    if (other === c) continue;
    const child = firstChild(lines, other);
    if (child === null) continue;
    const otherLead = leadingWhitespace(other.raw);
    const childLead = leadingWhitespace(child);
    if (childLead.startsWith(otherLead) && childLead.length > otherLead.length) {
      return { indent: parentLead + childLead.slice(otherLead.length), marker: bulletOf(child) ?? '-' };
    }
  }
  const usesTabs = lines.some((l) => l.startsWith('\t') && matchListItem(l) !== null);
  if (usesTabs) return { indent: parentLead + '\t', marker: '-' };
  const item = matchListItem(c.raw);
  const markerWidth = item ? /^[ \t]*(\S+)/.exec(c.raw)![1].length : 1;
  return { indent: parentLead + ' '.repeat(Math.max(2, markerWidth + 1)), marker: '-' };
}

/** A child line: indentation, bullet and text. */
export function childLine(style: ChildStyle, text: string): string {
  return `${style.indent}${style.marker} ${text}`;
}

/** What identifies a commitment apart from its line number, to check an edit left the others alone. */
export function signature(c: ParsedCommitment): string {
  return JSON.stringify([
    c.raw,
    c.id,
    c.text,
    c.status,
    c.due,
    c.doneDate,
    c.letGoDate,
    c.trigger,
    c.coping,
    c.confidence,
    c.checkIns.map((k) => [k.date, k.status, k.note]),
    c.learned.map((l) => [l.date, l.text]),
    c.notes,
  ]);
}

/**
 * Null when every commitment of `before` except those at `beforeLines` reads the same in `after`
 * (ignoring line numbers) and `after` has no commitments besides those and `afterLines`; else why not.
 */
export function othersUnchanged(before: ParsedNote, after: ParsedNote, beforeLines: readonly number[], afterLines: readonly number[]): string | null {
  const a = before.commitments.filter((c) => !beforeLines.includes(c.line)).map(signature);
  const b = after.commitments.filter((c) => !afterLines.includes(c.line)).map(signature);
  if (a.length !== b.length || a.some((s, i) => s !== b[i])) return 'the edit would change how other commitments in the note read';
  return null;
}
