/**
 * The edits' patterns run in linear time (issue 11 item 1): lines built from repeated fragments
 * that make backtracking patterns blow up (runs of spaces and tabs, unclosed `[due:: `, `->`,
 * `When `, `If `, `[[`, `#`, emoji) go through the edit functions at 1 KB and at 100 KB. The
 * work per character must stay bounded: the 100 KB input may take at most 300 times as long as
 * the 1 KB one (linear is about 100 times; quadratic would be about 10,000 times). Timings are
 * the best of several repetitions, so a busy machine slows both sides alike; there is no
 * wall-clock limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capture } from '../../src/core/edit/capture';
import { checkIn } from '../../src/core/edit/check-in';
import { setFrontmatterValue } from '../../src/core/edit/frontmatter-edit';
import { commitmentText, fieldValue, hasField, removeField, setField, splitItem, writeItem } from '../../src/core/edit/line-fields';
import { fillPlaceholders, sessionNotePath } from '../../src/core/edit/session-note';
import { blockIdsIn } from '../../src/core/edit/block-id';
import { seeded, session } from './helpers';

const FRAGMENTS = [' ', '  ', '\t', '[due:: ', '[trigger:: ', '(k:: ', '::', '->', 'When ', 'If ', '[[', ']]', '[', ']', '#', '# ', '📅', '📅 ', '✅', '❌ ', '⏫', '^', '^ab', 'a', ':', ': ', '{{date:', '}', '/', '\u2028', '\r', '2026-12-01'];
const unit = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }).map((fs) => fs.join(''));
const tail = fc.constantFrom('', 'x', ']', ' ^abc12', ' 📅 2026-12-01', ':');

function repeatTo(u: string, size: number): string {
  return u.repeat(Math.max(1, Math.ceil(size / u.length))).slice(0, size);
}

/** Best time of `reps` runs of `fn` in ms; for short runs, each run repeats `fn` until ~2 ms pass. */
function best(fn: () => void, reps: number): number {
  let inner = 1;
  const t0 = performance.now();
  fn();
  const once = performance.now() - t0;
  if (once < 2) inner = Math.min(2000, Math.ceil(2 / Math.max(once, 0.001)));
  let min = Infinity;
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    for (let i = 0; i < inner; i++) fn();
    min = Math.min(min, (performance.now() - start) / inner);
  }
  return min;
}

type Work = (body: string) => void;

/** Everything the edits do to a line's or a frontmatter value's text, on one body of text. */
const LINE_WORK: Record<string, Work> = {
  'splitItem / setField / removeField / hasField / writeItem': (body) => {
    for (const convention of ['emoji', 'dataview'] as const) {
      const p = splitItem(`- [ ] ${body}`)!;
      hasField(p, 'due');
      setField(p, 'due', '2026-12-04', convention);
      setField(p, 'trigger', 'after lunch', convention);
      removeField(p, 'completion');
      setField(p, 'completion', '2026-12-05', convention);
      writeItem(p);
    }
  },
  'commitmentText / fieldValue / blockIdsIn': (body) => {
    commitmentText(body);
    fieldValue(body);
    blockIdsIn(body);
  },
  'fillPlaceholders / sessionNotePath': (body) => {
    fillPlaceholders(body, { client: 'Jane', date: '2026-12-04' });
    sessionNotePath({ folder: body, template: '', filenamePattern: body }, 'Jane', '2026-12-04');
  },
  setFrontmatterValue: (body) => {
    setFrontmatterValue(`---\ntype: client\n${body.replace(/[\r\n\u2028]/g, ' ')}: x\nk: ${body.replace(/[\r\n\u2028]/g, ' ')}\n---\n`, 'k', 'v');
  },
};

/** Whole edits on a session note whose commitment line carries the body. */
const NOTE_WORK: Record<string, Work> = {
  checkIn: (body) => {
    const raw = `- [ ] Send it ${body.replace(/[\r\u2028]/g, ' ')} ^zz9`;
    const note = session(['## Commitments', raw]);
    checkIn(note, { path: 'Sessions/s.md', line: 8, expectedText: raw, id: 'zz9' }, { status: 'done', today: '2026-12-01' });
  },
  capture: (body) => {
    const note = session(['## Commitments', `- Send it ${body.replace(/[\r\u2028]/g, ' ')}`]);
    capture(note, 'Sessions/s.md', { random: seeded(1), defaultDue: '2026-12-02' });
  },
};

function expectLinear(work: Work, u: string, end: string): void {
  const small = repeatTo(u, 1000) + end;
  const large = repeatTo(u, 100_000) + end;
  // A floor of 0.02 ms on the small side keeps timer resolution from inflating the ratio. A busy
  // machine only ever inflates a ratio, so a pair that reads too high is measured again (up to
  // three times): a quadratic pattern (about 10,000×) fails every time, noise does not.
  let tSmall = 0;
  let tLarge = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    tSmall = best(() => work(small), 5);
    tLarge = best(() => work(large), 3);
    if (tLarge / Math.max(tSmall, 0.02) < 300) break;
  }
  expect(tLarge / Math.max(tSmall, 0.02), `${JSON.stringify(u)} + ${JSON.stringify(end)}: 1 KB ${tSmall.toFixed(3)} ms, 100 KB ${tLarge.toFixed(3)} ms`).toBeLessThan(300);
}

describe('edit patterns run in linear time', () => {
  for (const [name, work] of Object.entries(LINE_WORK)) {
    it(`${name}: 100 KB of repeated fragments costs at most 300× 1 KB`, () => {
      fc.assert(
        fc.property(unit, tail, (u, end) => expectLinear(work, u, end)),
        { numRuns: 12 },
      );
    }, 120_000);
  }

  for (const [name, work] of Object.entries(NOTE_WORK)) {
    it(`${name} on a note whose line is 100 KB of fragments costs at most 300× 1 KB`, () => {
      fc.assert(
        fc.property(unit, tail, (u, end) => expectLinear(work, u, end)),
        { numRuns: 6 },
      );
    }, 120_000);
  }

  it('the reproductions from the issue', () => {
    for (const u of [' ', '\t', '[due:: ', 'If ', 'When ', '📅', '# ']) expectLinear(LINE_WORK['splitItem / setField / removeField / hasField / writeItem'], u, 'x');
    expectLinear((body) => fillPlaceholders(`{{date:${body}`, { client: 'Jane', date: '2026-12-04' }), ' ', 'x');
    expectLinear((body) => setFrontmatterValue(`---\na${body}:x\n---\n`, 'k', 'v'), ' ', 'b');
    expectLinear((body) => sessionNotePath({ folder: `a${body}b`, template: '', filenamePattern: '{{client}}' }, 'Jane', '2026-12-04'), '/', '');
  }, 120_000);
});
