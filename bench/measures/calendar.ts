/**
 * The calendar file kept in the vault ("Keep a calendar file in the vault"): the plugin writes it
 * again a moment after each change of the index. Timed here: the first build (every client's
 * events written), then one seeded session-note edit at a time (untimed, as in ./reindex) and the
 * next build by the same builder, as the plugin's rewrite runs it. `ahead` is the first build's
 * work done in 12 ms slices first (`CalendarBuilder.prepare`), as the plugin does it, and the
 * build that then only puts the texts in order. Each rebuilt text is also
 * compared, untimed, with a calendar built from nothing for the first few edits.
 */
import { buildCalendar, CalendarBuilder } from '../../src/core/calendar/calendar-builder';
import type { VaultIndex } from '../../src/core/index/vault-index';
import { hash32, Rng } from '../prng';
import { editSessionText, type SynthVault } from '../synth-vault';
import { now, quantile, round } from '../util';

export interface CalendarResult {
  method: string;
  events: number;
  MB: number;
  firstBuildMs: number;
  fromNothingMs: number;
  /** The first build's work done ahead in 12 ms slices, as the plugin does it, then the build that reads it. */
  ahead: { slices: number; workMs: number; longestSliceMs: number; buildAfterMs: number; written: number };
  runs: number;
  afterEditP50Ms: number;
  afterEditP95Ms: number;
  /** Rebuilt texts that differed from a calendar built from nothing (should be 0). */
  mismatches: number;
}

export function measureCalendar(vault: SynthVault, index: VaultIndex, asOf: string, options: { runs: number; checked: number; seed: number }): CalendarResult | null {
  if (vault.sessionCount === 0) return null;
  const calendar = { vaultName: 'Bench' };
  const sliced = new CalendarBuilder();
  const work = sliced.prepare(index, asOf, calendar);
  let slices = 0;
  let workMs = 0;
  let longestSliceMs = 0;
  for (let done = false; !done; slices++) {
    const s0 = now();
    const deadline = s0 + 12;
    done = work.step(() => now() > deadline).finished;
    const ms = now() - s0;
    workMs += ms;
    longestSliceMs = Math.max(longestSliceMs, ms);
  }
  const b0 = now();
  sliced.build(index, asOf, calendar);
  const ahead = { slices, workMs: round(workMs, 1), longestSliceMs: round(longestSliceMs, 1), buildAfterMs: round(now() - b0, 1), written: sliced.written };
  const builder = new CalendarBuilder();
  const t0 = now();
  const first = builder.build(index, asOf, calendar);
  const firstBuildMs = now() - t0;
  const t1 = now();
  buildCalendar(index, asOf, calendar);
  const fromNothingMs = now() - t1;
  const rng = new Rng(hash32(options.seed, 0xca1e));
  const times: number[] = [];
  let mismatches = 0;
  while (times.length < options.runs) {
    const i = vault.clientCount + rng.int(vault.sessionCount);
    const edit = editSessionText(vault.noteText(i), rng);
    if (edit === null) continue;
    index.setNote(vault.path(i), edit.text);
    const t = now();
    const text = builder.build(index, asOf, calendar);
    times.push(now() - t);
    if (times.length <= options.checked && text !== buildCalendar(index, asOf, calendar)) mismatches++;
  }
  return {
    method: `CalendarBuilder.build on the indexed vault as of ${asOf}: once from nothing, then after each of ${options.runs} seeded session-note edits (the edit untimed); buildCalendar from nothing timed once for comparison; the first ${options.checked} rebuilt texts compared with it`,
    events: (first.match(/\r\nBEGIN:VEVENT\r\n/g) ?? []).length,
    MB: round(first.length / 1e6, 1),
    firstBuildMs: round(firstBuildMs, 1),
    fromNothingMs: round(fromNothingMs, 1),
    ahead,
    runs: times.length,
    afterEditP50Ms: round(quantile(times, 0.5), 1),
    afterEditP95Ms: round(quantile(times, 0.95), 1),
    mismatches,
  };
}
