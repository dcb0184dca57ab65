/** A note as messages name it: its title in quotes, never its path. */
export function noteTitle(path: string): string {
  return `"${path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '')}"`;
}
