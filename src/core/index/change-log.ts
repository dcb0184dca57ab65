/**
 * What the note store remembers of its changes so per-client answers can be kept across them
 * (`VaultIndex.clientsTouchedSince`): which keys each change bumped, and whether a change may
 * change the client list at all.
 */

import type { ParsedNote } from '../types';
import { nameKey } from '../vault/conflicts';
import { versionKeys } from './keys';

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
 * Every key's version (a key is a client note's name or alias key, or a name a session gives),
 * moved on whenever a note under that key changes, and the log of the keys moved, so per-client
 * work can be cached and kept across changes that do not touch the client.
 */
export class KeyVersions {
  private readonly versions = new Map<string, number>();
  private readonly log = new BumpLog();

  /** A key's version: 0 until a note under it first changes. */
  of(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  /** The position the next bump will have, for `since`. */
  get position(): number {
    return this.log.position;
  }

  /** The keys bumped from `position` on (repeats possible), or null when the log no longer reaches back that far. */
  since(position: number): readonly string[] | null {
    return this.log.since(position);
  }

  /** Moves on every key a note's reading is filed under: its client's keys, and each session's names. */
  bumpNote(note: ParsedNote): void {
    if (note.client) for (const k of versionKeys(note.client)) this.bump(k);
    for (const s of note.sessions) {
      // A full name (`Maya Okafor`) never counts for another client of that first name (a first
      // name alone, `Maya`, is its own key), so only this key's clients are worked out again.
      const ref = nameKey(s.clientRef);
      this.bump(ref);
      const target = nameKey(s.clientTarget);
      if (target !== ref) this.bump(target);
      for (const a of s.attendees) this.bump(nameKey(a));
    }
  }

  /**
   * One key's version moves on. A key bumped twice by one change is harmless (versions are only
   * compared, and the log allows repeats), so a note's keys are not gathered into a set first.
   */
  private bump(k: string): void {
    this.versions.set(k, this.of(k) + 1);
    this.log.add(k);
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
