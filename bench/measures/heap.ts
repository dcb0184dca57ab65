/**
 * Heap after indexing: a full collection, then `heapUsed`, with the index alive and no note text
 * held by the benchmark or the generator. Whatever the index keeps (including text it retains
 * through substrings of the notes) counts.
 */
import { collect, gcAvailable, heapUsedMB, round } from '../util';

export interface HeapResult {
  /** process.memoryUsage().heapUsed after a full GC, index alive. */
  heapMB: number;
  /** The same before anything was indexed (modules loaded, nothing else). */
  baselineMB: number;
  /** heapMB − baselineMB: what the index costs. */
  indexMB: number;
  rssMB: number;
  gcAvailable: boolean;
}

export function measureBaseline(): number {
  collect();
  return heapUsedMB();
}

/** Call with the index still referenced by the caller, so it cannot be collected. */
export function measureHeap(baselineMB: number, keepAlive: unknown): HeapResult {
  collect();
  const heapMB = heapUsedMB();
  if (keepAlive === undefined) throw new Error('measureHeap needs the index to keep alive');
  return {
    heapMB: round(heapMB, 1),
    baselineMB: round(baselineMB, 1),
    indexMB: round(heapMB - baselineMB, 1),
    rssMB: round(process.memoryUsage().rss / 1e6, 1),
    gcAvailable,
  };
}
