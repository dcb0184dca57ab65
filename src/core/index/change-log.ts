/**
 * What the note store remembers of its changes so per-client answers can be kept across them
 * (`VaultIndex.clientsTouchedSince`): which keys each change bumped, and whether a change may
 * change the client list at all.
 */

import type { ParsedNote } from '../types';

/** A point in the index's changes (`NoteStore.changeMark`). */
export interface ChangeMark {
  readonly epoch: number;
  readonly list: number;
  readonly bumps: number;
}

/** Bumped keys kept (a refresh follows a few changes; a whole vault read is never looked back on). */
const MAX_BUMP_LOG = 8192;

/** Every key bumped, oldest first, numbered from the first: as far back as `MAX_BUMP_LOG` reaches. */
export class BumpLog {
  /** `keys[i]` is bump number `base + i`. */
  private keys: string[] = [];
  private base = 0;

  add(key: string): void {
    this.keys.push(key);
    if (this.keys.length > MAX_BUMP_LOG) {
      const drop = this.keys.length - MAX_BUMP_LOG / 2;
      this.keys = this.keys.slice(drop);
      this.base += drop;
    }
  }

  /** The number the next bump will have. */
  get position(): number {
    return this.base + this.keys.length;
  }

  /** The keys bumped from `position` on (repeats possible), or null when the log no longer reaches back that far. */
  since(position: number): readonly string[] | null {
    return position < this.base ? null : this.keys.slice(position - this.base);
  }
}

/**
 * Whether two readings of a note name their sessions' clients alike: everything the client list
 * is worked out from (the references, how sure they are, the attendees). Alike before and after a
 * change: the same list. Compared field by field, without spelling either out.
 */
export function sameClientsNamed(a: ParsedNote | undefined, b: ParsedNote | undefined): boolean {
  const x = a?.sessions ?? [];
  const y = b?.sessions ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const s = x[i];
    const t = y[i];
    if (s.clientRef !== t.clientRef || s.clientTarget !== t.clientTarget || s.weak !== t.weak || s.attendees.length !== t.attendees.length) return false;
    for (let k = 0; k < s.attendees.length; k++) if (s.attendees[k] !== t.attendees[k]) return false;
  }
  return true;
}
