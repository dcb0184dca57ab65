/** Preparations worked a slice at a time (src/core/index/prepare.ts). */
import { describe, expect, it } from 'vitest';
import { inSequence, preparation } from '../../src/core/index/prepare';

function counting(n: number, version = () => 0) {
  const worked: number[] = [];
  let done = 0;
  const p = preparation(
    () => Array.from({ length: n }, (_, i) => i),
    version,
    (i) => worked.push(i),
    () => done++,
  );
  return { p, worked, doneCalls: () => done };
}

describe('inSequence', () => {
  it('gets through every part even when every slice is already up: one item per step', () => {
    const a = counting(2);
    const b = counting(0);
    const c = counting(3);
    const seq = inSequence(a.p, b.p, c.p);
    let steps = 0;
    let r = seq.step(() => true);
    while (!r.finished && steps < 50) {
      steps++;
      r = seq.step(() => true);
    }
    expect(r.finished).toBe(true);
    expect(a.worked).toEqual([0, 1]);
    expect(c.worked).toEqual([0, 1, 2]);
    // Five items, each step works at least one.
    expect(steps).toBeLessThanOrEqual(5);
    expect(r).toMatchObject({ done: 3, total: 3 });
  });

  it('reports the last part’s progress, and 0 of 0 while an earlier part runs', () => {
    const seq = inSequence(counting(2).p, counting(4).p);
    expect(seq.step(() => true)).toEqual({ done: 0, total: 0, finished: false, worked: 1 });
    expect(seq.step(() => true)).toEqual({ done: 0, total: 0, finished: false, worked: 1 });
    expect(seq.step(() => true)).toEqual({ done: 1, total: 4, finished: false, worked: 1 });
    expect(seq.step(() => false)).toEqual({ done: 4, total: 4, finished: true, worked: 3 });
    expect(seq.step(() => false)).toEqual({ done: 4, total: 4, finished: true, worked: 0 });
  });

  it('works an earlier part again when its items change, before the later parts', () => {
    let version = 0;
    const a = counting(2, () => version);
    const b = counting(2);
    const seq = inSequence(a.p, b.p);
    expect(seq.step(() => false).finished).toBe(true);
    version = 1;
    const r = seq.step(() => true);
    expect(r.finished).toBe(false);
    expect(a.worked).toEqual([0, 1, 0]);
    expect(seq.step(() => false).finished).toBe(true);
    expect(a.worked).toEqual([0, 1, 0, 1]);
    expect(b.worked).toEqual([0, 1]);
  });
});
