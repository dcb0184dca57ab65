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
 * How a note names its sessions' clients: everything the client list is worked out from (the
 * references, how sure they are, the attendees). Equal before and after a change: the same list.
 */
export function clientsNamed(note: ParsedNote | undefined): string {
  if (!note || note.sessions.length === 0) return '';
  let out = '';
  for (const s of note.sessions) out += `${s.clientRef}\u0000${s.clientTarget}\u0000${s.weak ? 1 : 0}\u0000${s.attendees.join('\u0001')}\u0002`;
  return out;
}
