/** The practice benchmark's generator and measurement run, at a small size. */
import { describe, expect, it } from 'vitest';
import { measurePractice, practiceVault, PRACTICE_TARGET_MS } from '../../bench/practice';

describe('bench/practice', () => {
  it('generates the same vault for the same seed, with client notes first', () => {
    const a = practiceVault({ coaches: 2, clients: 6, days: 60 });
    expect(practiceVault({ coaches: 2, clients: 6, days: 60 })).toEqual(a);
    expect(a.slice(0, 6).every(([p]) => p.startsWith('Clients/'))).toBe(true);
    expect(a.length).toBeGreaterThan(6 + 6 * 3);
  });

  it('measures practiceFigures and reports the figures behind it', () => {
    const r = measurePractice({ coaches: 3, clients: 15, days: 120, runs: 2, warmup: 1 });
    expect(r).toMatchObject({ clientNotes: 15, targetMs: PRACTICE_TARGET_MS, sample: { coaches: 3 } });
    expect(r.runsMs).toHaveLength(2);
    expect(r.practiceFiguresMs).toBeGreaterThan(0);
    expect(r.commitments).toBeGreaterThan(0);
    expect(r.sample.activeClients).toBeGreaterThan(0);
    expect(typeof r.pass).toBe('boolean');
  });
});
