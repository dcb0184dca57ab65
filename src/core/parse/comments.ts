/** Comments a note may hold across lines, hidden from the reader. */
/** Hides HTML (`<!-- -->`) and Obsidian (`%% %%`) comments, which may span lines. */
export class CommentMask {
  private html = false;
  private obsidian = false;

  visible(line: string): string {
    if (!this.html && !this.obsidian && !line.includes('<!--') && !line.includes('%%')) return line;
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (this.html || this.obsidian) {
        const close = this.html ? line.indexOf('-->', i) : line.indexOf('%%', i);
        if (close < 0) return out;
        i = close + (this.html ? 3 : 2);
        this.html = this.obsidian = false;
        continue;
      }
      const h = line.indexOf('<!--', i);
      const o = line.indexOf('%%', i);
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
