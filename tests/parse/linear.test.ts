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
  const t = performance.now();
  parseNote('n.md', text, settings);
  return performance.now() - t;
}

/**
 * The large input's time over the small one's, each the best of seven readings taken in turn
 * (small, large, small, large…): a machine busy with other tests slows a reading now and then,
 * and the best of readings spread over the same stretch of time is what the parser itself costs.
 */
function ratio(small: string, large: string, settings: (typeof settingsSets)[number]): number {
  let s = Infinity;
  let l = Infinity;
  for (let i = 0; i < 7; i++) {
    s = Math.min(s, time(small, settings));
    l = Math.min(l, time(large, settings));
  }
  return l / Math.max(s, 0.05);
}

describe('the parser is linear-time on pathological lines', () => {
  it('100 KB of a repeated fragment costs at most a few hundred times 1 KB of it, in every place, with both layouts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...PLACES), fc.constantFrom(...settingsSets), (fragment, place, settings) => {
        const small = place(fragment.repeat(Math.ceil(1000 / fragment.length)));
        const large = place(fragment.repeat(Math.ceil(100_000 / fragment.length)));
        time(small, settings); // warm up
        // Load only inflates a ratio: a reading over the bar is taken again (up to three times).
        let r = Infinity;
        for (let attempt = 0; attempt < 3 && r >= 400; attempt++) r = ratio(small, large, settings);
        expect(r, `${JSON.stringify(fragment)} in place ${PLACES.indexOf(place)}`).toBeLessThan(400);
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
        let r = Infinity;
        for (let attempt = 0; attempt < 3 && r >= 400; attempt++) r = ratio(small, large, settingsSets[1]);
        expect(r, `${fragment} in place ${PLACES.indexOf(place)}`).toBeLessThan(400);
      }
    }
  });
});
