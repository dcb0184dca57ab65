/**
 * Pathological lines: notes whose lines are long runs of one fragment (spaces, `[due:: `, `When `,
 * `If `, `->`, `📅`…) in every place a line can stand. Reports the parser's MB/s on them, to set
 * beside the ordinary vault's MB/s: a pattern that backtracks shows up here as a rate orders of
 * magnitude lower (issue: "nothing hangs").
 */
import { VaultIndex } from '../../src/core/index/vault-index';
import { resolveLayout } from '../../src/core/layout/layout';
import { round } from '../util';

export const FRAGMENTS = [' ', '\t', '[due:: ', '->', 'When ', 'If ', '[[', '#', '📅', '✅ ', '(', '::', 'I’ll ', ', ', '~~', '@', '**', '> ', 'by ', '1/', '%%', '<!---->', '<!--', '-->'];
export const PLACES: ((s: string) => string)[] = [
  (s) => `---\ntype: session\nclient: Jane\ndate: 2026-11-20\n---\n## Commitments\n- [ ] Send it ${s}x\n`,
  (s) => `---\ntype: session\nclient: Jane\ndate: 2026-11-20\n---\n## Commitments\n- [ ] Send it\n    - ${s}x\n`,
  (s) => `---\ntype: session\nclient: Jane\ndate: 2026-11-20\n---\n## ${s}x\n- [ ] Send it\n`,
  (s) => `---\ntype: session\nclient: Jane ${s}x\ndate: 2026-11-20\n---\n## Commitments\n- [ ] Send it\n`,
  (s) => `---\ntype: session\nclient: Jane\ndate: 2026-11-20\n---\n## Commitments\n- [ ] When ${s}, I'll send it\n    - If ${s} then x\n`,
];

export interface PathologicalResult {
  notes: number;
  totalMB: number;
  /** Default layout and the flexible (other-layouts) reading. */
  defaultLayoutMBps: number;
  flexibleLayoutMBps: number;
  /** The slowest single note, and which fragment and place made it. */
  slowestNoteMs: number;
  slowest: string;
}

export function measurePathological(bytesPerLine = 100_000): PathologicalResult {
  const notes: [string, string][] = [];
  FRAGMENTS.forEach((f, i) => PLACES.forEach((p, j) => notes.push([`P/${i}-${j}.md`, p(f.repeat(Math.ceil(bytesPerLine / f.length)))])));
  const bytes = notes.reduce((n, [, t]) => n + Buffer.byteLength(t), 0);
  const rate = (layout: Parameters<typeof resolveLayout>[0]) => {
    const index = new VaultIndex({ layout: resolveLayout(layout) });
    let slowestMs = 0;
    let slowest = '';
    const t0 = performance.now();
    for (const [path, text] of notes) {
      const t = performance.now();
      index.setNote(path, text);
      const ms = performance.now() - t;
      if (ms > slowestMs) {
        slowestMs = ms;
        slowest = path;
      }
    }
    return { MBps: round(bytes / 1e6 / ((performance.now() - t0) / 1000), 1), slowestMs, slowest };
  };
  const d = rate({});
  const f = rate({ flexibleItems: true, duePhrases: true, clientFromBody: true, dateFromBody: true, datedSections: true, sessionFolders: ['**'] });
  const worst = d.slowestMs >= f.slowestMs ? d : f;
  const [fi, pi] = worst.slowest.replace(/^P\/|\.md$/g, '').split('-').map(Number);
  return {
    notes: notes.length,
    totalMB: round(bytes / 1e6, 1),
    defaultLayoutMBps: d.MBps,
    flexibleLayoutMBps: f.MBps,
    slowestNoteMs: round(worst.slowestMs, 2),
    slowest: `${JSON.stringify(FRAGMENTS[fi])} in place ${pi}`,
  };
}
