/**
 * The roster (issue 3): every client's row for the whole vault, as the sidebar computes it on
 * open; and one client's row after a one-note change, as the live view recomputes it.
 */
import { clientRow, roster, type RosterCache } from '../../src/core/analytics/roster';
import type { VaultIndex } from '../../src/core/index/vault-index';
import { hash32, Rng } from '../prng';
import { editSessionText, type SynthVault } from '../synth-vault';
import { median, now, quantile, round } from '../util';

export interface RosterResult {
  method: string;
  asOf: string;
  clients: number;
  /** Median of the timed runs of the whole roster. */
  rosterMs: number;
  rosterRunsMs: number[];
  /** One client's row after re-indexing one of their notes (the re-index is not timed here). */
  oneClient: { runs: number; p50Ms: number; p95Ms: number; maxMs: number };
  /** The whole roster as a live view recomputes it after one note changed (rows cached per client). */
  liveAfterOneChange: { runs: number; p50Ms: number; p95Ms: number };
  signalledClients: number;
}

export function measureRoster(vault: SynthVault, index: VaultIndex, options: { asOf: string; runs: number; oneClientRuns: number; seed: number }): RosterResult {
  const { asOf } = options;
  let rows = roster(index, { asOf }); // warm-up
  const runsMs: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    const t0 = now();
    rows = roster(index, { asOf });
    runsMs.push(now() - t0);
  }

  const rng = new Rng(hash32(options.seed, 0x0a57e));
  const times: number[] = [];
  const warmup = 20;
  for (let run = 0; run < warmup + options.oneClientRuns; run++) {
    const i = vault.clientCount + rng.int(vault.sessionCount);
    const edit = editSessionText(vault.noteText(i), rng);
    if (edit === null) continue;
    const note = index.setNote(vault.path(i), edit.text);
    const client = note.session ? index.clientOfSession(note.session) : null;
    if (!client) continue;
    const t0 = now();
    clientRow(index, client, { asOf });
    const dt = now() - t0;
    if (run >= warmup) times.push(dt);
  }
  // The live view: the same cache across refreshes, one note changed before each.
  const cache: RosterCache = new Map();
  roster(index, { asOf, cache });
  const live: number[] = [];
  for (let run = 0; run < 50; run++) {
    const i = vault.clientCount + rng.int(vault.sessionCount);
    const edit = editSessionText(vault.noteText(i), rng);
    if (edit === null) continue;
    index.setNote(vault.path(i), edit.text);
    const t0 = now();
    roster(index, { asOf, cache });
    live.push(now() - t0);
  }
  return {
    liveAfterOneChange: { runs: live.length, p50Ms: round(quantile(live, 0.5), 2), p95Ms: round(quantile(live, 0.95), 2) },
    method: `roster(index) over every client with no cache (every row computed), median of ${options.runs} runs after one warm-up; liveAfterOneChange: one note re-indexed, then roster with the live view's per-client row cache; one client: a seeded random session note edited and re-indexed untimed, then clientRow for its client timed`,
    asOf,
    clients: rows.length,
    rosterMs: round(median(runsMs), 1),
    rosterRunsMs: runsMs.map((x) => round(x, 1)),
    oneClient: { runs: times.length, p50Ms: round(quantile(times, 0.5), 4), p95Ms: round(quantile(times, 0.95), 4), maxMs: round(Math.max(...times), 4) },
    signalledClients: rows.filter((r) => r.signals.length > 0).length,
  };
}
