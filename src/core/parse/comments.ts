/** Comments a note may hold across lines, hidden from the reader. */
/** Hides HTML (`<!-- -->`) and Obsidian (`%% %%`) comments, which may span lines. */
export class CommentMask {
  private html = false;
  private obsidian = false;

  /** Inside a comment still open at the end of the last line given: `<!--` or `%%`, or null. */
  get open(): '<!--' | '%%' | null {
    return this.html ? '<!--' : this.obsidian ? '%%' : null;
  }

  visible(line: string): string {
    if (!this.html && !this.obsidian && !line.includes('<!--') && !line.includes('%%')) return line;
    let out = '';
    let i = 0;
    // The next opening of each kind at or after i, searched again only once i has passed it (and
    // never again once there is none): a line of a million `%%` costs one pass, not a million.
    let h = -2;
    let o = -2;
    const next = (at: number, marker: string, from: number) => (at === -1 || at >= from ? at : line.indexOf(marker, from));
    while (i < line.length) {
      if (this.html || this.obsidian) {
        const close = this.html ? line.indexOf('-->', i) : line.indexOf('%%', i);
        if (close < 0) return out;
        i = close + (this.html ? 3 : 2);
        this.html = this.obsidian = false;
        continue;
      }
      h = next(h, '<!--', i);
      o = next(o, '%%', i);
      if (h < 0 && o < 0) {
        out += line.slice(i);
        break;
      }
      const isHtml = h >= 0 && (o < 0 || h < o);
      const at = isHtml ? h : o;
      out += line.slice(i, at);
      if (isHtml) this.html = true;
      else this.obsidian = true;
      i = at + (isHtml ? 4 : 2);
    }
    return out;
  }
}

/** Line `from` (0-based) opens a code block or comment that never closes; if list items follow, warn. */
export function unclosedWarning(lines: readonly string[], from: number, marker: string, diag: (line: number, severity: 'warning', message: string) => void): void {
  let items = 0;
  for (let j = from + 1; j < lines.length; j++) if (/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[.\]/.test(lines[j])) items++;
  if (items === 0) return;
  const what = marker === '%%' ? 'an Obsidian comment (%%)' : marker === '<!--' ? 'an HTML comment (<!--)' : 'a code block';
  const end = marker === '%%' ? 'the closing %%' : marker === '<!--' ? 'the closing -->' : `a closing ${marker} line`;
  diag(from + 1, 'warning', `${what} opens here and is never closed, so the ${items === 1 ? 'checkbox item' : `${items} checkbox items`} after it ${items === 1 ? 'is' : 'are'} hidden and not read; add ${end} where it should end`);
}
