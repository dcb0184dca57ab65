/**
 * The agreements of a vault, kept current one note at a time alongside the VaultIndex (which
 * reads only client and session notes and keeps no text). The adapter feeds both from the same
 * events; the CLI fills it from the same entries as the index.
 */
import { parseAgreement, type Agreement } from './parse';

/** A cheap look at the top of a note before parsing it: most notes are not agreements. */
const MAYBE = /^type[ \t]*:[ \t]*["']?agreement\b/im;

export class AgreementIndex {
  private readonly byPath = new Map<string, Agreement>();
  /** Increases on every change that touched an agreement. */
  version = 0;

  /** Parses a note; keeps it when it is an agreement, drops any earlier record otherwise. Returns true when anything changed. */
  setNote(path: string, text: string): boolean {
    const had = this.byPath.delete(path);
    const a = MAYBE.test(text.slice(0, 4000)) ? parseAgreement(path, text) : null;
    if (a) this.byPath.set(path, a);
    if (had || a) this.version++;
    return had || a !== null;
  }

  setNotes(entries: Iterable<readonly [string, string]>): void {
    for (const [path, text] of entries) this.setNote(path, text);
  }

  removeNote(path: string): boolean {
    const had = this.byPath.delete(path);
    if (had) this.version++;
    return had;
  }

  renameNote(oldPath: string, newPath: string, text: string): void {
    this.removeNote(oldPath);
    this.setNote(newPath, text);
  }

  clear(): void {
    this.byPath.clear();
    this.version++;
  }

  get(path: string): Agreement | undefined {
    return this.byPath.get(path);
  }

  /** Every agreement, by path. */
  list(): Agreement[] {
    return [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** Agreements from [path, text] entries (the CLI's readVault output). */
export function agreementsFrom(entries: Iterable<readonly [string, string]>): Agreement[] {
  const store = new AgreementIndex();
  store.setNotes(entries);
  return store.list();
}
