/**
 * The benchmark's floor (bench/measures/minimal-reader.ts) is only a floor if it does the index's
 * reading of the benchmark's notes: every commitment, with the same text, box, id and check-ins.
 * A reader that skipped some would make the floor look cheaper than it is.
 */
import { describe, expect, it } from 'vitest';
import { SynthVault, DEFAULT_SYNTH_OPTIONS } from '../../bench/synth-vault';
import { measureMinimalReader, readMinimal } from '../../bench/measures/minimal-reader';
import { parseNote } from '../../src/core/parse/note';

describe('the benchmark floor: the least reader of the synthetic notes', () => {
  const vault = new SynthVault({ ...DEFAULT_SYNTH_OPTIONS, clients: 40, sessionsPerClient: 10 });

  it('finds the commitments the parser finds, with their text, id and check-ins', () => {
    let compared = 0;
    let checkIns = 0;
    for (let i = 0; i < vault.noteCount; i++) {
      const path = vault.path(i);
      const text = vault.noteText(i);
      const least = readMinimal(path, text).commitments;
      const parsed = parseNote(path, text).commitments;
      expect(least.map((c) => c.line), path).toEqual(parsed.map((c) => c.line));
      for (let k = 0; k < parsed.length; k++) {
        expect(least[k].id, `${path}:${parsed[k].line}`).toBe(parsed[k].id);
        expect(least[k].raw).toBe(parsed[k].raw);
        // The parser also drops a leading "Coach:" (the owner); the floor keeps those words.
        expect(least[k].text.replace(/^coach:[ \t]*/i, ''), `${path}:${parsed[k].line}`).toBe(parsed[k].text);
        expect(least[k].checkIns.map((c) => [c.date, c.status])).toEqual(parsed[k].checkIns.map((c) => [c.date, c.status]));
        checkIns += parsed[k].checkIns.length;
        compared++;
      }
    }
    expect(compared).toBe(vault.expectedCommitments);
    expect(checkIns).toBeGreaterThan(0);
  });

  it('reports both passes and the count it found', () => {
    const r = measureMinimalReader(vault, 1, 50);
    expect(r.commitments).toBe(vault.expectedCommitments);
    expect(r.readMs).toBeGreaterThan(0);
    expect(r.keptMs).toBeGreaterThan(0);
    expect(r.readRunsMs).toHaveLength(1);
  });
});
