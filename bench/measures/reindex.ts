/**
 * Re-indexing one changed note, as when a coach ticks a box or adds a check-in while the plugin
 * is open: a random session note (seeded), edited outside the timer, then `index.setNote(path,
 * text)` timed on its own against the fully indexed vault.
 */
import type { VaultIndex } from '../../src/core/index/vault-index';
import { hash32, Rng } from '../prng';
import { editSessionText, type SynthVault } from '../synth-vault';
import { mean, now, quantile, round } from '../util';

export interface ReindexOptions {
  runs: number;
  warmup: number;
  seed: number;
}

export interface ReindexResult {
  method: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  edits: { checkbox: number; checkIn: number };
  /** Edited notes whose commitment count changed: should be 0 (an edit never adds or drops one). */
  countMismatches: number;
}

export function measureReindex(vault: SynthVault, index: VaultIndex, options: ReindexOptions): ReindexResult | null {
  if (vault.sessionCount === 0 || vault.options.commitmentsPerSession === 0) return null; // nothing to edit
  const rng = new Rng(hash32(options.seed, 0x5e1d));
  const times: number[] = [];
  const edits = { checkbox: 0, checkIn: 0 };
  let countMismatches = 0;
  let misses = 0;
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const i = vault.clientCount + rng.int(vault.sessionCount);
    const path = vault.path(i);
    const edit = editSessionText(vault.noteText(i), rng);
    if (edit === null) {
      // A note with no checkbox item (possible only with tiny commitmentsPerSession): pick another.
      if (++misses > 1000 + 10 * options.runs) throw new Error('no session note with a checkbox to edit');
      run--;
      continue;
    }
    const t0 = now();
    const parsed = index.setNote(path, edit.text);
    const dt = now() - t0;
    if (parsed.commitments.length !== vault.options.commitmentsPerSession) countMismatches++;
    if (run < options.warmup) continue;
    times.push(dt);
    if (edit.change === 'checkbox') edits.checkbox++;
    else edits.checkIn++;
  }
  return {
    method: `seeded random session notes; checkbox change or added check-in line built untimed; index.setNote timed with performance.now; ${options.warmup} untimed warm-up edits first`,
    runs: times.length,
    p50Ms: round(quantile(times, 0.5), 4),
    p95Ms: round(quantile(times, 0.95), 4),
    p99Ms: round(quantile(times, 0.99), 4),
    maxMs: round(Math.max(...times), 4),
    meanMs: round(mean(times), 4),
    edits,
    countMismatches,
  };
}
