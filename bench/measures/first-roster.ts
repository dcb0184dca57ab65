/**
 * The first roster a coach sees after start-up, as the plugin's live store builds it
 * (src/app/live-models.ts): every client's figures and row worked out ahead in slices of 12 ms
 * (`prepareRoster`), the UI getting a turn between them, then the roster model (rows, overdue
 * total, notes not read) read from what was worked out. The read is the one block the coach
 * waits on; the slices are start-up work, like reading the notes. Then the live update: one
 * session note changed, and the same two steps again (only that client is worked out anew).
 *
 * On its own freshly built index, so nothing is cached before the first slice.
 */
import { buildRosterModel } from '../../src/app/models';
import { buildTodayModel } from '../../src/app/today';
import { prepareNudges, type NudgeCache } from '../../src/core/nudges/today';
import { preparePractice } from '../../src/core/practice/prepare';
import type { PracticeCache } from '../../src/core/practice/client-point';
import { practiceFigures } from '../../src/core/practice/figures';
import { prepareRoster, type RosterCache } from '../../src/core/analytics/roster';
import { VaultIndex } from '../../src/core/index/vault-index';
import { loadSettings } from '../../src/core/plugin-settings';
import { hash32, Rng } from '../prng';
import { editSessionText, type SynthVault } from '../synth-vault';
import { now, quantile, round } from '../util';

const SLICE_MS = 12;

export interface FirstRosterResult {
  method: string;
  clients: number;
  /** The work ahead: its total, how many slices, the longest. */
  prepareMs: number;
  slices: number;
  longestSliceMs: number;
  /** The first roster model, read from the prepared figures. */
  firstModelMs: number;
  /** After one session note changed: the work ahead again plus the model, per change. */
  liveUpdate: { runs: number; p50Ms: number; p95Ms: number; maxMs: number };
  /**
   * The Today panel as its live store builds it, on the same index: the first model (every
   * client's nudges), then after each of the same changes (clients worked out ahead, then the model).
   */
  today: { items: number; ahead: Ahead; firstModelMs: number; liveUpdate: { p50Ms: number; p95Ms: number; maxMs: number } };
  /**
   * The practice view's figures (8 weekly points per coach): every client's data and points
   * worked out ahead in slices, then the figures added up (the one block), then after each of up
   * to 50 further changes (the work ahead and the figures together).
   */
  practice: { ahead: Ahead; firstMs: number; liveUpdate: { runs: number; p50Ms: number; p95Ms: number; maxMs: number } };
}

/** A view's work ahead, in slices: its total, how many slices, the longest. */
interface Ahead {
  ms: number;
  slices: number;
  longestSliceMs: number;
}

function aheadOf(r: { ms: number; slices: number; longest: number }): Ahead {
  return { ms: round(r.ms, 1), slices: r.slices, longestSliceMs: round(r.longest, 1) };
}

function sliced(step: (shouldStop: () => boolean) => { finished: boolean }): { ms: number; slices: number; longest: number } {
  let ms = 0;
  let slices = 0;
  let longest = 0;
  for (;;) {
    const t0 = now();
    const deadline = t0 + SLICE_MS;
    const p = step(() => now() > deadline);
    const dt = now() - t0;
    ms += dt;
    slices++;
    longest = Math.max(longest, dt);
    if (p.finished) return { ms, slices, longest };
  }
}

export function measureFirstRoster(vault: SynthVault, asOf: string, options: { seed: number; runs: number }): FirstRosterResult {
  const index = new VaultIndex();
  for (let from = 0; from < vault.noteCount; from += 1000) index.setNotes(vault.batch(from, from + 1000));
  const settings = loadSettings(null);
  const cache: RosterCache = new Map();
  const prepare = () => prepareRoster(index, { asOf, thresholds: settings.thresholds, cache });

  const work = prepare(); // one preparation, stepped until done, as the store keeps it
  const ahead = sliced((stop) => work.step(stop));
  const t0 = now();
  const model = buildRosterModel(index, asOf, settings, cache);
  const firstModelMs = now() - t0;

  // The Today panel, as its store builds it: every client's nudges worked out ahead, then the model.
  const nudges: NudgeCache = new Map();
  const todayAhead = () => {
    const work = prepareNudges(index, asOf, settings.nudges, { cache: nudges });
    return sliced((stop) => work.step(stop));
  };
  const todayModel = () => {
    todayAhead();
    return buildTodayModel(index, asOf, settings.nudges, { cache: nudges });
  };
  const firstTodayAhead = todayAhead();
  const t2 = now();
  const firstToday = buildTodayModel(index, asOf, settings.nudges, { cache: nudges });
  const firstTodayMs = now() - t2;

  /**
   * A seeded run of session-note edits, each re-indexed untimed; `refresh` (what the store does
   * after a change) timed after each. Each view gets its own run, so no figure carries another's
   * garbage collection.
   */
  const afterChanges = (salt: number, runs: number, refresh: () => unknown): number[] => {
    const rng = new Rng(hash32(options.seed, salt));
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const i = vault.clientCount + rng.int(vault.sessionCount);
      const edit = editSessionText(vault.noteText(i), rng);
      if (edit === null) continue;
      index.setNote(vault.path(i), edit.text);
      const t = now();
      refresh();
      times.push(now() - t);
    }
    return times;
  };
  const live = afterChanges(0xf1257, options.runs, () => {
    const again = prepare();
    sliced((stop) => again.step(stop));
    buildRosterModel(index, asOf, settings, cache);
  });
  const todayLive = afterChanges(0x70da1, options.runs, todayModel);

  const practiceCache: PracticeCache = new Map();
  const practiceAhead = () => {
    const work = preparePractice(index, asOf, {}, practiceCache);
    return sliced((stop) => work.step(stop));
  };
  const practiceModel = () => {
    practiceAhead();
    return practiceFigures(index, asOf, {}, practiceCache);
  };
  const firstPracticeAhead = practiceAhead();
  const t4 = now();
  practiceFigures(index, asOf, {}, practiceCache);
  const firstPracticeMs = now() - t4;
  const practiceLive = afterChanges(0x9a7c1, Math.min(50, options.runs), practiceModel);
  return {
    method: `a fresh index; prepareRoster stepped in ${SLICE_MS} ms slices until finished (the live store's work ahead), then buildRosterModel timed (the first roster model); liveUpdate: a seeded random session note edited and re-indexed untimed, then the work ahead and the model timed together, ${options.runs} runs; today: each client's nudges worked out ahead in the same slices (prepareNudges), then the Today model timed, first and after each of its own run of changes (work ahead and model together); practice: preparePractice in slices, then practiceFigures, the same way (up to 50 changes)`,
    clients: model.rows.length,
    prepareMs: round(ahead.ms, 1),
    slices: ahead.slices,
    longestSliceMs: round(ahead.longest, 1),
    firstModelMs: round(firstModelMs, 1),
    liveUpdate: { runs: live.length, p50Ms: round(quantile(live, 0.5), 2), p95Ms: round(quantile(live, 0.95), 2), maxMs: round(Math.max(...live), 2) },
    today: {
      items: firstToday.items.length,
      ahead: aheadOf(firstTodayAhead),
      firstModelMs: round(firstTodayMs, 1),
      liveUpdate: { p50Ms: round(quantile(todayLive, 0.5), 2), p95Ms: round(quantile(todayLive, 0.95), 2), maxMs: round(Math.max(...todayLive), 2) },
    },
    practice: {
      ahead: aheadOf(firstPracticeAhead),
      firstMs: round(firstPracticeMs, 1),
      liveUpdate: { runs: practiceLive.length, p50Ms: round(quantile(practiceLive, 0.5), 2), p95Ms: round(quantile(practiceLive, 0.95), 2), maxMs: round(Math.max(...practiceLive), 2) },
    },
  };
}
