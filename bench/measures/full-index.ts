/**
 * Full index: every note of the vault into a fresh VaultIndex, as on a cold plugin load.
 *
 * Notes are built in batches outside the timer and each batch goes in with one `setNotes` call,
 * so the timer covers the index's own work (parse + bookkeeping) and nothing of the generator's.
 * Only one batch of texts is alive at a time, and the index keeps no reference to a batch array.
 */
import * as v8 from 'node:v8';
import { VaultIndex } from '../../src/core/index/vault-index';
import type { SynthVault } from '../synth-vault';
import { collect, GcRecorder, heapUsedMB, median, now, round } from '../util';

export interface FullIndexOptions {
  /** Timed runs, each into a fresh index; the reported figure is their median. */
  runs: number;
  /** Notes per `setNotes` call (and per pre-generated batch). */
  batchSize: number;
  /** Notes (spread evenly over the vault) indexed twice, untimed, before the first run. */
  warmupNotes: number;
}

export const DEFAULT_FULL_INDEX_OPTIONS: FullIndexOptions = { runs: 3, batchSize: 1000, warmupNotes: 5000 };

export interface FullIndexResult {
  method: string;
  notes: number;
  clientNotes: number;
  sessionNotes: number;
  /** Commitments the index holds after the run, counted from each note's parsed records. */
  commitments: number;
  /** What the generator wrote; a difference means the parser and the generator disagree. */
  expectedCommitments: number;
  diagnostics: { errors: number; warnings: number };
  totalMB: number;
  avgNoteKB: number;
  fullIndexMs: number;
  runsMs: number[];
  /** GC pause time inside the timed calls, per run (perf_hooks 'gc' entries overlapping them). */
  runsGcMs: number[];
  /**
   * Process CPU time (user + system, all threads, so GC helper threads count) inside the timed
   * calls, per run. Less disturbed than wall time when other work shares the machine.
   */
  runsCpuMs: number[];
  MBps: number;
  warmupMs: number;
}

/** Evenly spread note numbers, so a warm-up sees clients and sessions in their real mix. */
export function spread(total: number, count: number): number[] {
  const n = Math.min(total, count);
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(Math.floor((k * total) / n));
  return out;
}

/**
 * One timed run. A function of its own so nothing of the run (the batch, the index) stays
 * reachable from the caller's frame once the caller drops the index.
 */
function indexOnce(
  vault: SynthVault,
  batchSize: number,
  countBytes: boolean,
): { ms: number; cpuMs: number; bytes: number; index: VaultIndex; timed: [number, number][] } {
  const index = new VaultIndex();
  const timed: [number, number][] = [];
  let ms = 0;
  let cpuUs = 0;
  let bytes = 0;
  for (let from = 0; from < vault.noteCount; from += batchSize) {
    const batch = vault.batch(from, from + batchSize);
    if (countBytes) for (const [, text] of batch) bytes += Buffer.byteLength(text, 'utf8');
    const c0 = process.cpuUsage();
    const t0 = now();
    index.setNotes(batch);
    const t1 = now();
    const c1 = process.cpuUsage(c0);
    ms += t1 - t0;
    cpuUs += c1.user + c1.system;
    timed.push([t0, t1]);
  }
  return { ms, cpuMs: cpuUs / 1000, bytes, index, timed };
}

export async function measureFullIndex(vault: SynthVault, options: Partial<FullIndexOptions> = {}): Promise<{ result: FullIndexResult; index: VaultIndex | null }> {
  const opts = { ...DEFAULT_FULL_INDEX_OPTIONS, ...options };

  // Warm-up: the JIT sees every code path (fast frontmatter, YAML, both field conventions…).
  const sample = spread(vault.noteCount, opts.warmupNotes);
  let warmupMs = 0;
  for (let pass = 0; pass < 2; pass++) {
    const entries = sample.map((i) => [vault.path(i), vault.noteText(i)] as const);
    const w = new VaultIndex();
    const t0 = now();
    w.setNotes(entries);
    warmupMs += now() - t0;
  }

  let bytes = 0;
  const runsMs: number[] = [];
  const runsGcMs: number[] = [];
  const runsCpuMs: number[] = [];
  const gc = new GcRecorder();
  let index: VaultIndex | null = null;
  let runs = opts.runs;
  for (let run = 0; run < runs; run++) {
    index = null; // let the previous run's index go before collecting
    collect();
    const before = heapUsedMB();
    const once = indexOnce(vault, opts.batchSize, run === 0);
    runsMs.push(once.ms);
    runsCpuMs.push(once.cpuMs);
    if (run === 0) bytes = once.bytes;
    index = once.index;
    await gc.flush();
    runsGcMs.push(gc.within(once.timed).totalMs);
    if (run === 0 && runs > 1) {
      // Two indexes are alive for a moment between runs; skip the extra runs if that could not fit.
      collect();
      const indexMB = heapUsedMB() - before;
      const limitMB = v8.getHeapStatistics().heap_size_limit / 1e6;
      if (before + 2.5 * indexMB > limitMB) runs = 1;
    }
  }
  gc.stop();
  const finalIndex = index!;

  let commitments = 0;
  let errors = 0;
  let warnings = 0;
  for (let i = 0; i < vault.noteCount; i++) {
    const note = finalIndex.note(vault.path(i));
    if (!note) continue;
    commitments += note.commitments.length;
    for (const d of note.diagnostics) d.severity === 'error' ? errors++ : warnings++;
  }

  const fullIndexMs = median(runsMs);
  const totalMB = bytes / 1e6;
  return {
    index: finalIndex,
    result: {
      method:
        `notes pre-generated outside the timer in batches of ${opts.batchSize}; only VaultIndex.setNotes(batch) is timed, ` +
        `all batches into one fresh index; fullIndexMs = median of ${runsMs.length} run(s), full GC before each, ` +
        `after an untimed warm-up (2 × ${sample.length} notes). Generator garbage may trigger GC inside timed calls (a small bias against the index).`,
      notes: vault.noteCount,
      clientNotes: vault.clientCount,
      sessionNotes: vault.sessionCount,
      commitments,
      expectedCommitments: vault.expectedCommitments,
      diagnostics: { errors, warnings },
      totalMB: round(totalMB, 2),
      avgNoteKB: round(bytes / vault.noteCount / 1000, 3),
      fullIndexMs: round(fullIndexMs, 1),
      runsMs: runsMs.map((m) => round(m, 1)),
      runsGcMs: runsGcMs.map((m) => round(m, 1)),
      runsCpuMs: runsCpuMs.map((m) => round(m, 1)),
      MBps: round(totalMB / (fullIndexMs / 1000), 1),
      warmupMs: round(warmupMs, 1),
    },
  };
}

export interface SingleCallResult {
  method: string;
  singleSetNotesMs: number;
  generationMs: number;
  indexMsBySubtraction: number;
}

/**
 * Cross-check: the whole vault in ONE setNotes call over a generator that builds each text as the
 * iteration reaches it, minus a separate generation-only pass. Noisier than the batched figure
 * (two timings subtracted, different GC interplay) but it is the literal single-call shape.
 */
export function measureSingleCall(vault: SynthVault): SingleCallResult {
  collect();
  let sink = 0;
  const g0 = now();
  for (const [path, text] of vault.entries()) sink += path.length + text.length;
  const generationMs = now() - g0;
  if (sink < 0) throw new Error('unreachable');
  collect();
  const index = new VaultIndex();
  const t0 = now();
  index.setNotes(vault.entries());
  const total = now() - t0;
  return {
    method: 'one setNotes(vault.entries()) call, texts built on demand inside it; generation timed in a separate pass and subtracted',
    singleSetNotesMs: round(total, 1),
    generationMs: round(generationMs, 1),
    indexMsBySubtraction: round(total - generationMs, 1),
  };
}
