/**
 * Which notes hold each block id and which carry a commitment from one (`[from:: id]`): what the
 * vault-wide diagnostics need to name a reused or a dangling id without walking every commitment.
 * Kept current note by note once built; built the first time the diagnostics are asked for (or
 * ahead, in slices), so indexing a vault does not pay for it.
 */
import type { ParsedNote } from '../types';
import { SparseMultiMap } from './keys';

export class BlockIds {
  /** Paths by the block ids their commitments carry. */
  readonly holders = new SparseMultiMap();
  /** Block ids more than one note carries. */
  readonly shared = new Set<string>();
  /** Paths by the block ids their commitments are carried from. */
  readonly carriedFrom = new SparseMultiMap();

  /** Block ids commitments are carried from that no note holds. */
  readonly dangling = new Set<string>();

  add(note: ParsedNote): void {
    for (const c of note.commitments) {
      if (c.id === null) continue;
      this.holders.add(c.id, note.path);
      this.dangling.delete(c.id);
      if (this.holders.count(c.id) > 1) this.shared.add(c.id);
    }
    for (const c of note.commitments) {
      if (c.from === null) continue;
      this.carriedFrom.add(c.from, note.path);
      if (!this.holders.has(c.from)) this.dangling.add(c.from);
    }
  }

  remove(note: ParsedNote): void {
    for (const c of note.commitments) {
      if (c.from === null) continue;
      this.carriedFrom.remove(c.from, note.path);
      if (!this.carriedFrom.has(c.from)) this.dangling.delete(c.from);
    }
    for (const c of note.commitments) {
      if (c.id === null) continue;
      this.holders.remove(c.id, note.path);
      if (this.holders.count(c.id) < 2) this.shared.delete(c.id);
      if (!this.holders.has(c.id) && this.carriedFrom.has(c.id)) this.dangling.add(c.id);
    }
  }
}
