/**
 * The notes side of the index: every note's parsed records by path, kept current one note at a
 * time, with the lookups the questions need (sessions by the name they give, client notes by
 * every name) and the versions that say when per-client work must be done again. `VaultIndex`
 * asks the questions.
 */
import type { Chain } from '../analytics/chains';
import { noteWithout, parseNote } from '../parse/note';
import { resolveCoreSettings, type CoreSettings } from '../settings';
import type { Client, Commitment, ParsedNote, Session, Severity } from '../types';
import { conflictCopyOf, nameKey } from '../vault/conflicts';
import { ClientDirectory } from './client-directory';
import type { SessionEntry } from './derive';
import { addTo, byPath, firstName, removeFrom, versionKeys } from './keys';

export type IndexListener = (changedPaths: readonly string[]) => void;

/** What was worked out for one client at one client version. */
export interface ClientCache {
  version: string;
  /** What the cached parts were worked out for (a client read from its note may change these without a new version). */
  name: string;
  cadence: number;
  entries: SessionEntry[];
  sessions: Session[] | null;
  resolved: { list: Commitment[]; chains: Chain[] } | null;
  /** How many of the client's commitments were overdue as of a date, for the last date asked. */
  overdue: { asOf: string; count: number } | null;
}

export abstract class NoteStore {
  settings: CoreSettings;
  protected readonly notes = new Map<string, ParsedNote>();
  protected readonly directory = new ClientDirectory();
  /** Session keys by the reference's name key. */
  protected readonly sessionsByRef = new Map<string, Set<string>>();
  protected readonly sessionEntries = new Map<string, SessionEntry>();
  protected sortedPaths: string[] | null = null;
  // What the vault-wide diagnostics read (./vault-diagnostics), kept current by put and take.
  /** Paths of the notes with diagnostics of their own. */
  protected readonly diagnosed = new Set<string>();
  /** Session keys whose client may not resolve (a weak reference, or one without a space). */
  protected readonly unsureSessions = new Set<string>();
  /** Paths by the block ids their commitments carry. */
  protected readonly idHolders = new Map<string, Set<string>>();
  /** Block ids more than one note carries. */
  protected readonly sharedIds = new Set<string>();
  /** Paths by the block ids their commitments are carried from (`[from:: id]`). */
  protected readonly fromHolders = new Map<string, Set<string>>();
  /** Bumped for a key whenever a note under that key changes, so per-client work can be cached. */
  protected readonly keyVersions = new Map<string, number>();
  /** Per client (by note path, or name for a client without a note), what was worked out at a client version. */
  protected readonly perClient = new Map<string, ClientCache>();
  protected epoch = 0;
  protected readonly listeners = new Set<IndexListener>();
  /** Increases on every change, so callers can cache work per version. */
  version = 0;

  constructor(settings: Partial<CoreSettings> = {}) {
    this.settings = resolveCoreSettings(settings);
  }

  // ---- changes -------------------------------------------------------------------------------

  protected parse(path: string, text: string): ParsedNote {
    const original = conflictCopyOf(path);
    if (original !== null) {
      return noteWithout(path, 'warning', `sync conflict copy of ${original}: resolve it (keep what you want in the original, then delete this copy); not read`);
    }
    return parseNote(path, text, this.settings);
  }

  /** Parses one note's text and replaces whatever the index held for that path. */
  setNote(path: string, text: string): ParsedNote {
    const parsed = this.parse(path, text);
    this.put(parsed);
    this.emit([path]);
    return parsed;
  }

  /** Adds many notes at once, telling listeners once. */
  setNotes(entries: Iterable<readonly [string, string]>): void {
    const paths: string[] = [];
    for (const [path, text] of entries) {
      this.put(this.parse(path, text));
      paths.push(path);
    }
    this.emit(paths);
  }

  /**
   * Records a note that could not be read (a failed read, a file that is not a regular file, text
   * that is not UTF-8): it holds no records, only the diagnostic saying why, so the scan goes on.
   */
  setUnreadable(path: string, message: string, severity: Severity = 'warning'): void {
    this.put(noteWithout(path, severity, message));
    this.emit([path]);
  }

  removeNote(path: string): boolean {
    const had = this.take(path);
    if (had) this.emit([path]);
    return had;
  }

  /** A rename changes a note's path and, for a client note, possibly its client's name. */
  renameNote(oldPath: string, newPath: string, text: string): void {
    this.take(oldPath);
    this.put(this.parse(newPath, text));
    this.emit([oldPath, newPath]);
  }

  /** New reading settings: the index empties, and the caller re-reads every note. */
  configure(settings: Partial<CoreSettings>): void {
    this.settings = resolveCoreSettings(settings);
    this.epoch++;
    this.clear();
  }

  clear(): void {
    this.epoch++;
    this.notes.clear();
    this.directory.clear();
    this.sessionsByRef.clear();
    this.sessionEntries.clear();
    this.diagnosed.clear();
    this.unsureSessions.clear();
    this.idHolders.clear();
    this.sharedIds.clear();
    this.fromHolders.clear();
    this.perClient.clear();
    this.sortedPaths = null;
    this.emit([]);
  }

  /** Tells listeners to rebuild although no note changed (settings that shape the views did). */
  refresh(): void {
    this.emit([]);
  }

  onChange(listener: IndexListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(paths: readonly string[]): void {
    this.version++;
    for (const l of this.listeners) l(paths);
  }

  protected bump(note: ParsedNote): void {
    const keys = new Set<string>();
    if (note.client) for (const k of versionKeys(note.client)) keys.add(k);
    for (const s of note.sessions) {
      const k = nameKey(s.clientRef);
      keys.add(k);
      keys.add(firstName(k));
      keys.add(nameKey(s.clientTarget));
      for (const a of s.attendees) keys.add(nameKey(a));
    }
    for (const k of keys) this.keyVersions.set(k, (this.keyVersions.get(k) ?? 0) + 1);
  }

  protected put(note: ParsedNote): void {
    // Replacing a note keeps the path order; only a new path needs a re-sort.
    if (!this.take(note.path, true)) this.sortedPaths = null;
    this.notes.set(note.path, note);
    this.bump(note);
    if (note.client) this.directory.add(note.client);
    note.sessions.forEach((s, index) => {
      this.sessionEntries.set(s.key, { note, s, index });
      const ref = nameKey(s.clientRef);
      addTo(this.sessionsByRef, ref, s.key);
      for (const a of s.attendees) addTo(this.sessionsByRef, nameKey(a), s.key);
      if (s.weak || !ref.includes(' ')) this.unsureSessions.add(s.key);
    });
    if (note.diagnostics.length > 0) this.diagnosed.add(note.path);
    for (const c of note.commitments) {
      if (c.from !== null) addTo(this.fromHolders, c.from, note.path);
      if (c.id === null) continue;
      addTo(this.idHolders, c.id, note.path);
      if (this.idHolders.get(c.id)!.size > 1) this.sharedIds.add(c.id);
    }
  }

  protected take(path: string, replacing = false): boolean {
    const old = this.notes.get(path);
    if (!old) return false;
    this.notes.delete(path);
    if (!replacing) this.sortedPaths = null;
    this.bump(old);
    this.directory.remove(path);
    for (const s of old.sessions) {
      this.sessionEntries.delete(s.key);
      removeFrom(this.sessionsByRef, nameKey(s.clientRef), s.key);
      for (const a of s.attendees) removeFrom(this.sessionsByRef, nameKey(a), s.key);
      this.unsureSessions.delete(s.key);
    }
    this.diagnosed.delete(path);
    for (const c of old.commitments) {
      if (c.from !== null) removeFrom(this.fromHolders, c.from, path);
      if (c.id === null) continue;
      removeFrom(this.idHolders, c.id, path);
      if ((this.idHolders.get(c.id)?.size ?? 0) < 2) this.sharedIds.delete(c.id);
    }
    return true;
  }

  /**
   * Changes whenever anything a client's figures depend on changes (their client note, any of
   * their session notes, the reading settings), so callers can cache per-client work.
   */
  clientVersion(client: Client): string {
    const note = client.path ? this.notes.get(client.path)?.client : undefined;
    const keys = note ? versionKeys(note) : [nameKey(client.name), firstName(nameKey(client.name))];
    return `${this.epoch}:${this.directory.epoch}:${keys.map((k) => this.keyVersions.get(k) ?? 0).join('.')}`;
  }

  // ---- notes ---------------------------------------------------------------------------------

  get size(): number {
    return this.notes.size;
  }

  note(path: string): ParsedNote | undefined {
    return this.notes.get(path);
  }

  /**
   * The 1-based line of a session note's frontmatter key (its spec name or an alias), falling
   * back to the `date:` line, then line 1: where evidence about a session should point.
   */
  sessionKeyLine(path: string, key: string): number {
    const lines = this.notes.get(path)?.session?.keyLines;
    if (!lines) return 1;
    const find = (k: string) => {
      const names = [k, ...(this.settings.keyAliases[k] ?? [])].map((n) => n.toLowerCase());
      for (const [name, line] of Object.entries(lines)) if (names.includes(name.toLowerCase())) return line;
      return undefined;
    };
    return find(key) ?? find('date') ?? 1;
  }

  /** A client note's whole frontmatter, or null when the path is not a client note. */
  clientFrontmatter(path: string): Record<string, unknown> | null {
    return this.notes.get(path)?.client?.frontmatter ?? null;
  }

  /** Every indexed path, in vault path order. */
  paths(): readonly string[] {
    this.sortedPaths ??= [...this.notes.keys()].sort(byPath);
    return this.sortedPaths;
  }

  // ---- whole-vault re-read -------------------------------------------------------------------

  /**
   * Re-reads the vault in place (new reading settings, or a rescan): parses every entry with
   * `settings`, then swaps the result in for everything the index held, with one change event,
   * so listeners never see an empty or half-read index.
   */
  replaceAll(settings: Partial<CoreSettings>, entries: Iterable<readonly [string, string]>): void {
    const next = resolveCoreSettings(settings);
    const parsed: ParsedNote[] = [];
    for (const [path, text] of entries) parsed.push(parseNote(path, text, next));
    this.settings = next;
    this.epoch++;
    for (const path of [...this.notes.keys()]) this.take(path);
    for (const note of parsed) this.put(note);
    this.emit([]);
  }
}
