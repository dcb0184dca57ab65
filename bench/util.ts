/** Small helpers every benchmark section shares: timing, statistics, the heap, and arguments. */
import { performance, PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';

export const now = (): number => performance.now();

/** Rounds to a fixed number of decimals, for readable JSON. */
export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile (q in 0…1) of unsorted values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length ? sum / values.length : NaN;
}

// ---- heap ---------------------------------------------------------------------------------------

const gcFn = (globalThis as { gc?: () => void }).gc;

/** True when node runs with --expose-gc, so heap figures are taken after a full collection. */
export const gcAvailable = typeof gcFn === 'function';

/** A full collection (twice: the first can leave objects that only the second frees). */
export function collect(): void {
  if (gcFn) {
    gcFn();
    gcFn();
  }
}

export function heapUsedMB(): number {
  return process.memoryUsage().heapUsed / 1e6;
}

// ---- arguments ----------------------------------------------------------------------------------

/**
 * `--name value` and `--name=value` pairs; a flag without a value is `true`. Unknown names are
 * kept, so each section can read its own without a central list.
 */
export function parseArgs(argv: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}' (expected --name value)`);
    const eq = a.indexOf('=');
    if (eq >= 0) {
      out.set(a.slice(2, eq), a.slice(eq + 1));
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      out.set(a.slice(2), argv[++i]);
    } else {
      out.set(a.slice(2), true);
    }
  }
  return out;
}

export function numberArg(args: Map<string, string | true>, name: string, fallback: number, opts: { integer?: boolean; min?: number } = {}): number {
  const raw = args.get(name);
  if (raw === undefined) return fallback;
  const n = raw === true ? NaN : Number(raw);
  if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n)) || (opts.min !== undefined && n < opts.min)) {
    throw new Error(`--${name} expects ${opts.integer ? 'a whole number' : 'a number'}${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}, not '${String(raw)}'`);
  }
  return n;
}

// ---- garbage collection inside timed regions ----------------------------------------------------

/**
 * Records V8's GC pauses (perf_hooks 'gc' entries) so a section can say how much of a timed
 * region was collection. Entries arrive asynchronously: `await flush()` before reading them.
 */
export class GcRecorder {
  private readonly entries: { start: number; end: number; minor: boolean }[] = [];
  private readonly observer: PerformanceObserver;

  constructor() {
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
        this.entries.push({ start: e.startTime, end: e.startTime + e.duration, minor: kind === perfConstants.NODE_PERFORMANCE_GC_MINOR });
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  async flush(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
  }

  /** GC milliseconds that overlap the given [start, end] intervals (performance.now() times). */
  within(intervals: readonly (readonly [number, number])[]): { totalMs: number; minorMs: number; majorMs: number; count: number } {
    let minorMs = 0;
    let majorMs = 0;
    let count = 0;
    for (const g of this.entries) {
      let overlap = 0;
      for (const [a, b] of intervals) overlap += Math.max(0, Math.min(b, g.end) - Math.max(a, g.start));
      if (overlap <= 0) continue;
      count++;
      if (g.minor) minorMs += overlap;
      else majorMs += overlap;
    }
    return { totalMs: minorMs + majorMs, minorMs, majorMs, count };
  }

  stop(): void {
    this.observer.disconnect();
  }
}
