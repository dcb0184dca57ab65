/** "Did you mean": the names closest to one that matched nothing. */

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** Up to `limit` names nearest to `query`: substring matches first, then by edit distance. */
export function closestNames(query: string, names: readonly string[], limit = 3): string[] {
  const q = query.trim().toLowerCase();
  return names
    .map((name) => {
      const n = name.toLowerCase();
      const partial = n.includes(q) || q.includes(n) || n.split(/\s+/).some((w) => w === q);
      return { name, score: partial ? 0 : distance(q, n) };
    })
    .sort((x, y) => x.score - y.score || (x.name < y.name ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.name);
}
