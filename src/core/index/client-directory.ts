/**
 * The client notes by every name they answer to, and how a reference (`Jane`, `[[JD]]`,
 * `Clients/Jane Doe`) resolves among them: names, file names, paths and `aliases` compared as
 * the spec says (NFC, white space folded, case ignored), failing those a first name that picks out
 * exactly one client, and failing that a client known only from session notes ("implicit").
 */
import type { Client, ClientNote } from '../types';
import { nameKey } from '../vault/conflicts';
import { addTo, clientKeys, firstName, ownClientKeys, removeFrom } from './keys';

/** How a session's client reference resolved. */
export type Resolution =
  | { kind: 'note'; path: string }
  | { kind: 'implicit'; name: string; key: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' };

function firstOf(set: Set<string> | undefined): string | null {
  if (!set || set.size === 0) return null;
  let best: string | null = null;
  for (const p of set) if (best === null || p < best) best = p;
  return best;
}

export function clientOfNote(c: ClientNote): Client {
  return {
    name: c.name,
    coach: c.coach,
    cadence: c.cadence,
    accountability: c.accountability,
    status: c.status,
    pausedUntil: c.pausedUntil,
    milestones: c.milestones,
    contact: c.contact,
    path: c.path,
  };
}

export function implicitClient(name: string, cadence: number): Client {
  return { name, coach: null, cadence, accountability: 'check-in', status: 'active', pausedUntil: null, milestones: [], contact: null, path: null };
}

type ByNameAndTarget = Map<string, Map<string, Resolution>>;
const byNameAndTarget = (): ByNameAndTarget => new Map<string, Map<string, Resolution>>();

export class ClientDirectory {
  /** Client-note paths by every key they answer to, aliases included. */
  private readonly byKey = new Map<string, Set<string>>();
  /** Client-note paths by their own names' keys: a client's own name wins over another's alias. */
  private readonly byOwnKey = new Map<string, Set<string>>();
  /** Client-note paths by first name, for a session that names a client by first name only. */
  private readonly byFirst = new Map<string, Set<string>>();
  private readonly notes = new Map<string, ClientNote>();
  /** Bumped whenever a client note changes: every resolution depends on every client note. */
  epoch = 0;
  /** Resolutions by weak (0 or 1), then name, then target. Maps in turn rather than one keyed by the three joined: a joined key was a new string to hash on every call. */
  private resolutions: [ByNameAndTarget, ByNameAndTarget] = [byNameAndTarget(), byNameAndTarget()];
  private resolutionsEpoch = -1;

  add(c: ClientNote): void {
    this.notes.set(c.path, c);
    this.epoch++;
    for (const k of clientKeys(c)) {
      addTo(this.byKey, k, c.path);
      if (k.includes(' ') && !k.includes('/')) addTo(this.byFirst, firstName(k), c.path);
    }
    for (const k of ownClientKeys(c)) addTo(this.byOwnKey, k, c.path);
  }

  remove(path: string): void {
    const c = this.notes.get(path);
    if (!c) return;
    this.notes.delete(path);
    this.epoch++;
    for (const k of clientKeys(c)) {
      removeFrom(this.byKey, k, path);
      removeFrom(this.byFirst, firstName(k), path);
    }
    for (const k of ownClientKeys(c)) removeFrom(this.byOwnKey, k, path);
  }

  clear(): void {
    this.notes.clear();
    this.byKey.clear();
    this.byOwnKey.clear();
    this.byFirst.clear();
    this.epoch++;
  }

  note(path: string): ClientNote | undefined {
    return this.notes.get(path);
  }

  /** Client-note paths, in no order. */
  paths(): IterableIterator<string> {
    return this.notes.keys();
  }

  /** Whether a client note answers to this key (a reference with this key resolves to a note). */
  hasKey(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The paths of the client notes whose name has this key (case twins). */
  withName(name: string): Iterable<string> {
    return this.byOwnKey.get(nameKey(name)) ?? [];
  }

  /** Client notes that differ only in case stand for the first one. */
  notePath(path: string): string {
    const c = this.notes.get(path);
    if (!c) return path;
    return firstOf(this.byOwnKey.get(nameKey(c.name))) ?? path;
  }

  /** How a reference resolves, cached until a client note changes. */
  resolve(name: string, target: string, weak: boolean): Resolution {
    if (this.resolutionsEpoch !== this.epoch) {
      this.resolutions = [byNameAndTarget(), byNameAndTarget()];
      this.resolutionsEpoch = this.epoch;
    }
    const byName = this.resolutions[weak ? 1 : 0];
    let byTarget = byName.get(name);
    if (byTarget === undefined) byName.set(name, (byTarget = new Map<string, Resolution>()));
    const hit = byTarget.get(target);
    if (hit) return hit;
    const r = this.resolveUncached(name, target, weak);
    byTarget.set(target, r);
    return r;
  }

  /**
   * The client note a key names: one whose own name, file or path it is (case twins are one
   * client, the first by path), else one whose alias it is. An alias two clients share names
   * neither: it is ambiguous, and the session's warning asks for the full name.
   */
  private byExactKey(k: string): Resolution | null {
    const own = firstOf(this.byOwnKey.get(k));
    if (own !== null) return { kind: 'note', path: own };
    const paths = this.byKey.get(k);
    if (!paths || paths.size === 0) return null;
    const names = this.namesOf(paths);
    return names.size === 1 ? { kind: 'note', path: firstOf(paths)! } : { kind: 'ambiguous', candidates: [...names.values()].sort() };
  }

  /** The clients of these notes by name key (case twins once, as the first by path writes the name). */
  private namesOf(paths: Iterable<string>): Map<string, string> {
    const names = new Map<string, string>();
    for (const p of [...paths].sort()) {
      const name = this.notes.get(p)?.name ?? p;
      if (!names.has(nameKey(name))) names.set(nameKey(name), name);
    }
    return names;
  }

  private resolveUncached(name: string, target: string, weak: boolean): Resolution {
    const key = nameKey(name);
    const exact = this.byExactKey(nameKey(target)) ?? this.byExactKey(key);
    if (exact) return exact;
    if (!key.includes(' ')) {
      // A first name that picks out one client note.
      const byFirst = this.byFirst.get(key);
      if (byFirst && byFirst.size > 0) {
        // Case twins (`Jane Doe`, `jane doe`) are one client: named once, as the first by path writes it.
        const names = this.namesOf(byFirst);
        if (names.size === 1) return { kind: 'note', path: firstOf(byFirst)! };
        return { kind: 'ambiguous', candidates: [...names.values()].sort() };
      }
    }
    if (weak || key === '') return { kind: 'unknown' };
    return { kind: 'implicit', name: name.replace(/\s+/g, ' ').trim(), key };
  }
}
