/**
 * Reading never hangs: the work per character of the parser stays bounded on lines built from
 * repeated fragments (runs of spaces, `[due:: `, `When `, `If `, `->`, emoji…), in every place a
 * line can stand (a commitment, a detail line, a heading, a frontmatter value). Measured as a
 * ratio between a 1 KB and a 100 KB input, with a wide margin, never as a wall-clock limit; a
 * quadratic pattern makes the ratio about 10,000 instead of about 100.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note';
import { resolveCoreSettings } from '../../src/core/settings';
import { resolveLayout } from '../../src/core/layout/layout';
import { FRAGMENTS, PLACES } from '../../bench/measures/pathological';

// The same lines the benchmark's pathological-lines section measures.
const settingsSets = [resolveCoreSettings(), resolveCoreSettings({ layout: resolveLayout({ flexibleItems: true, duePhrases: true, clientFromBody: true, dateFromBody: true, datedSections: true, sessionFolders: ['**'] }) })];

function time(text: string, settings: (typeof settingsSets)[number]): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    parseNote('n.md', text, settings);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('the parser is linear-time on pathological lines', () => {
  it('100 KB of a repeated fragment costs at most a few hundred times 1 KB of it, in every place, with both layouts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...PLACES), fc.constantFrom(...settingsSets), (fragment, place, settings) => {
        const small = place(fragment.repeat(Math.ceil(1000 / fragment.length)));
        const large = place(fragment.repeat(Math.ceil(100_000 / fragment.length)));
        time(small, settings); // warm up
        // Load only inflates a ratio: a reading over the bar is taken again (up to three times).
        let ratio = Infinity;
        for (let attempt = 0; attempt < 3 && ratio >= 400; attempt++) ratio = time(large, settings) / Math.max(time(small, settings), 0.05);
        expect(ratio, `${JSON.stringify(fragment)} in place ${PLACES.indexOf(place)}`).toBeLessThan(400);
      }),
      { numRuns: 60 },
    );
  });

  it('runs of comment markers on one line (`%%`, `<!---->`) cost one pass, in every place', () => {
    for (const fragment of ['%%', '<!---->', '%%<!--', '<!--%%-->']) {
      for (const place of PLACES) {
        const small = place(fragment.repeat(Math.ceil(1000 / fragment.length)));
        const large = place(fragment.repeat(Math.ceil(100_000 / fragment.length)));
        time(small, settingsSets[1]);
        let ratio = Infinity;
        for (let attempt = 0; attempt < 3 && ratio >= 400; attempt++) ratio = time(large, settingsSets[1]) / Math.max(time(small, settingsSets[1]), 0.05);
        expect(ratio, `${fragment} in place ${PLACES.indexOf(place)}`).toBeLessThan(400);
      }
    }
  });
});
