/**
 * Text from notes made safe to write where a format has rules about characters: control
 * characters removed, and line breaks folded to spaces where a value must stay on one line (a
 * name in a heading or a list item, an iCalendar SUMMARY). Pure.
 */

/** C0 controls other than tab and LF, DEL, and the C1 controls: never meaningful in a note's text. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
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
