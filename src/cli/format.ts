/** Plain-text layout helpers for the command-line summaries. */

/** Left-aligned columns, each as wide as its widest cell. */
export function table(rows: string[][], indent = '  '): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length))).join('  '))
    .join('\n');
}

export { plural } from '../core/words';

/**
 * Text for a terminal: control characters a note may hold (an escape, a bell, a backspace) are
 * shown as their pictures (␛, ␇, ␈) rather than acted on, so a note cannot move the cursor,
 * recolour or clear the coach's terminal. Line breaks and tabs stay.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g;

export function forTerminal(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x20 ? String.fromCharCode(0x2400 + n) : n === 0x7f ? '\u2421' : '\ufffd';
  });
}
