/**
 * Scaling: the same measurements at several vault sizes (13k, 52k and 208k notes by default),
 * each in a fresh vault and index, with time per note so that growth is visible: a linear cost
 * keeps µs per note flat as the vault grows.
 */
import { SynthVault, type SynthOptions } from '../synth-vault';
import { collect, heapUsedMB, round } from '../util';
import { measureColdRoster } from './cold-roster';
import { measureFullIndex } from './full-index';
import { measureLineScan } from './line-scan';

export interface ScaleRow {
  notes: number;
  clients: number;
  MB: number;
  lineScanMs: number;
  fullIndexMs: number;
  indexRatio: number;
  coldRosterMs: number;
  rosterRatio: number;
  indexUsPerNote: number;
  rosterUsPerClient: number;
  heapMB: number;
}

export const DEFAULT_SCALES = [500, 2000, 8000];

export async function measureScaling(base: Partial<SynthOptions>, clientCounts: readonly number[], asOf: string): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const clients of clientCounts) {
    collect();
    const before = heapUsedMB();
    const vault = new SynthVault({ ...base, clients });
    const scan = measureLineScan(vault, 1);
    const built = await measureFullIndex(vault, { runs: 1, warmupNotes: 2000 });
    const index = built.index!;
    const cold = measureColdRoster(index, asOf);
    collect();
    const heapMB = heapUsedMB() - before;
    const full = built.result;
    rows.push({
      notes: full.notes,
      clients,
      MB: full.totalMB,
      lineScanMs: scan.lineScanMs,
      fullIndexMs: full.fullIndexMs,
      indexRatio: round(full.fullIndexMs / Math.max(0.001, scan.lineScanMs), 2),
      coldRosterMs: cold.coldRosterMs,
      rosterRatio: round(cold.coldRosterMs / Math.max(0.001, scan.lineScanMs), 2),
      indexUsPerNote: round((full.fullIndexMs * 1000) / full.notes, 2),
      rosterUsPerClient: round((cold.coldRosterMs * 1000) / clients, 1),
      heapMB: round(heapMB, 1),
    });
    if (index.size < 0) throw new Error('unreachable'); // keeps the index alive through the heap figure
  }
  return rows;
}
