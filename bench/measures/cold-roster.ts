/**
 * The cold roster: the first `roster(index)` on an index that has just been built and never
 * queried, as the sidebar computes it when Obsidian starts. Nothing is cached yet: every client's
 * commitments, chains and row are worked out. (The `roster` section's figure is a second roster
 * on a warm index, which reuses the per-client commitments and chains the first one found.)
 */
import { roster } from '../../src/core/analytics/roster';
import type { VaultIndex } from '../../src/core/index/vault-index';
import { now, round } from '../util';

export interface ColdRosterResult {
  method: string;
  coldRosterMs: number;
  cpuMs: number;
  clients: number;
}

export function measureColdRoster(index: VaultIndex, asOf: string): ColdRosterResult {
  const c0 = process.cpuUsage();
  const t0 = now();
  const rows = roster(index, { asOf });
  const ms = now() - t0;
  const c1 = process.cpuUsage(c0);
  return {
    method: 'the first roster(index) on the freshly built index (one run: a second would be warm)',
    coldRosterMs: round(ms, 1),
    cpuMs: round((c1.user + c1.system) / 1000, 1),
    clients: rows.length,
  };
}
