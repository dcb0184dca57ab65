/**
 * The baseline the index is held against: one plain pass over the same notes that splits each
 * text into lines and runs one regular expression per line (a list item with a checkbox). It is
 * the least any reader of markdown task lines does, so `fullIndexMs / lineScanMs` says how much
 * the index costs beyond reading the text at all, whatever the machine's speed or load.
 *
 * Timed exactly as the full index is: notes pre-generated in batches outside the timer, only the
 * pass over each batch timed; median of `runs`.
 */
import type { SynthVault } from '../synth-vault';
import { median, now, round } from '../util';

const TASK_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[(.)\][ \t]/;

export interface LineScanResult {
  method: string;
  lineScanMs: number;
  runsMs: number[];
  lines: number;
  taskLines: number;
}

function scanOnce(vault: SynthVault, batchSize: number): { ms: number; lines: number; tasks: number } {
  let ms = 0;
  let lines = 0;
  let tasks = 0;
  for (let from = 0; from < vault.noteCount; from += batchSize) {
    const batch = vault.batch(from, from + batchSize);
    const t0 = now();
    for (const [, text] of batch) {
      const split = text.split('\n');
      lines += split.length;
      for (const line of split) if (TASK_LINE.exec(line) !== null) tasks++;
    }
    ms += now() - t0;
  }
  return { ms, lines, tasks };
}

export function measureLineScan(vault: SynthVault, runs = 3, batchSize = 1000): LineScanResult {
  scanOnce(vault, batchSize); // warm-up
  const runsMs: number[] = [];
  let lines = 0;
  let taskLines = 0;
  for (let r = 0; r < runs; r++) {
    const once = scanOnce(vault, batchSize);
    runsMs.push(once.ms);
    lines = once.lines;
    taskLines = once.tasks;
  }
  return {
    method: `text.split('\\n') and one regex per line (a list item with a checkbox) over the full index's batches of ${batchSize}; only the pass is timed; median of ${runs}`,
    lineScanMs: round(median(runsMs), 1),
    runsMs: runsMs.map((m) => round(m, 1)),
    lines,
    taskLines,
  };
}
