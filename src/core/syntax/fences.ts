/**
 * Fenced code blocks, the one rule every reader of a note's lines shares: nothing inside a block
 * is a commitment, a heading, a tag or a conflict marker. A block opens with three or more ` or ~
 * (indented or not, an info string after it allowed) and closes at a line of the same character,
 * at least as many, and nothing else.
 */
export const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;

/** Whether `line` closes the block that `fence` (the opening run of ` or ~) opened. */
export function closesFence(line: string, fence: string): boolean {
  const t = line.trim();
  return t.length >= fence.length && t.startsWith(fence) && /^(`+|~+)$/.test(t);
}

/** Reads lines in order and says which are code: the fence lines and every line between them. */
export class Fences {
  private fence: string | null = null;

  isCode(line: string): boolean {
    if (this.fence !== null) {
      if (closesFence(line, this.fence)) this.fence = null;
      return true;
    }
    const f = FENCE_OPEN.exec(line);
    if (f === null) return false;
    this.fence = f[1];
    return true;
  }
}
