/**
 * The notes side of the index: every note's parsed records by path, kept current one note at a
 * time, with the lookups the questions need (sessions by the name they give, client notes by
 * every name) and the versions that say when per-client work must be done again. `VaultIndex`
 * asks the questions.
 */
import type { Chain } from '../analytics/chains';
import { parseNote } from '../parse/note';
import { noteWithout } from '../parse/unread';
import { resolveCoreSettings, type CoreSettings } from '../settings';
import type { Client, Commitment, IsoDate, ParsedNote, Session, Severity } from '../types';
import { nameKey } from '../vault/conflicts';
import { CopyGate } from './copies';
import { ClientDirectory } from './client-directory';
import type { SessionEntry } from './derive';
import { BlockIds } from './block-ids';
import { addTo, byPath, firstName, removeFrom, versionKeys } from './keys';
import { KeyVersions, sameClientsNamed, type ChangeMark } from './change-log';
import { preparation, type Preparation } from './prepare';

export type IndexListener = (changedPaths: readonly string[]) => void;
export type { ChangeMark };

/** What was worked out for one client at one client version. */
export interface ClientCache {
  version: string;
  /** What the cached parts were worked out for (a client read from its note may change these without a new version). */
  name: string;
  cadence: number;
  entries: SessionEntry[];
  sessions: Session[] | null;
  resolved: {
    list: Commitment[];
    chains: Chain[];
    bySession?: Map<string, Commitment[]>;
    /** The chains of the commitments up to a date (a client with sessions after it), as last asked. */
    asOf?: { asOf: IsoDate; similarity: number; count: number; chains: Chain[] };
  } | null;
  /** How many of the client's commitments were overdue as of a date, for the last date asked. */
  overdue: { asOf: string; count: number } | null;
}

export abstract class NoteStore {
  settings: CoreSettings;
  protected notes = new Map<string, ParsedNote>();
  protected directory = new ClientDirectory();
  /** Copies that are not notes (./copies): what is filed for them, and their own readings. */
  private copies = new CopyGate();
  /** Sessions by the reference's name key (and each attendee's): the entries of `sessionEntries` themselves, so a client's sessions are found without a look-up each. */
  protected sessionsByRef = new Map<string, Set<SessionEntry>>();
  protected sessionEntries = new Map<string, SessionEntry>();
  protected sortedPaths: string[] | null = null;
  // What the vault-wide diagnostics read (./vault-diagnostics), kept current by put and take.
  /** Paths of the notes with diagnostics of their own. */
  protected diagnosed = new Set<string>();
  /** Session keys whose client may not resolve (a weak reference, or one without a space). */
  protected unsureSessions = new Set<string>();
  /** Session keys put since the sessions were last resolved ahead, and the client directory they were resolved against. */
  protected unresolved = new Set<string>();
  protected resolvedAllAt = -1;
  /** Block ids and from-links by note, once built (see ./block-ids). */
  private builtBlockIds: BlockIds | null = null;
  /** Every key's version, moved on whenever a note under that key changes, so per-client work can be cached. */
  protected keys = new KeyVersions();
  /** Per client (by note path, or name for a client without a note), what was worked out at a client version. */
  protected readonly perClient = new Map<string, ClientCache>();
  protected epoch = 0;
  protected readonly listeners = new Set<IndexListener>();
  /** Increases on every change, so callers can cache work per version. */
  version = 0;
  /** Increases on every note put or taken (before listeners hear of it), for caches inside the index. */
  protected changes = 0;
  private versionsAt = -1;
  private readonly versions = new Map<Client, string>();
  /**
   * Increases whenever a change may change the client list: a client note put or taken, or a
   * session note whose clients are named differently (or that comes or goes). Typing in a
   * session note leaves it, so the list, and every per-client answer keyed on its objects, holds.
   */
  protected listChanges = 0;

  constructor(settings: Partial<CoreSettings> = {}) {
    this.settings = resolveCoreSettings(settings);
  }

  // ---- changes -------------------------------------------------------------------------------

  protected parse(path: string, text: string, settings: CoreSettings = this.settings): ParsedNote {
    return parseNote(path, text, settings);
  }

  /**
   * Files a note's reading, as itself or, for a copy, as the warning saying whose copy it is
   * (./copies); `text` tells identical notes apart. Returns the other paths whose filing changed.
   */
  protected file(path: string, real: ParsedNote, text: string | null): string[] {
    // The reading's own copy of the path, so the lookups keep one string per note, not the caller's as well.
    if (real.path === path) path = real.path;
    // One look-up of what the path held, for put and the gate (a path never filed has nothing there to leave).
    const old = this.notes.get(path);
    const others = this.copies.enter(path, real, text, old !== undefined);
    this.put(this.copies.filing(path, real, this.exists), old);
    return this.refile(others);
  }

  /** Forgets a note; returns the other paths whose filing changed, or null when it was not there. */
  protected forget(path: string): string[] | null {
    if (!this.take(path)) return null;
    return this.refile(this.copies.leave(path));
  }

  private readonly exists = (path: string) => this.notes.has(path);

  private refile(paths: readonly string[]): string[] {
    const changed: string[] = [];
    for (const p of paths) {
      const filed = this.notes.get(p);
      if (!filed) continue;
      const next = this.copies.filing(p, this.copies.realOf(p, filed), this.exists);
      if (next === filed) continue;
      this.put(next);
      changed.push(p);
    }
    return changed;
  }

  /** Parses one note's text and replaces whatever the index held for that path. */
  setNote(path: string, text: string): ParsedNote {
    const parsed = this.parse(path, text);
    const others = this.file(path, parsed, text);
    this.emit([path, ...others]);
    return this.notes.get(path)!;
  }

  /** Adds many notes at once, telling listeners once. */
  setNotes(entries: Iterable<readonly [string, string]>): void {
    const paths: string[] = [];
    for (const [path, text] of entries) {
      for (const p of this.file(path, this.parse(path, text), text)) paths.push(p);
      paths.push(path);
    }
    this.emit(paths);
  }

  /**
   * Records a note that could not be read (a failed read, a file that is not a regular file, text
   * that is not UTF-8): it holds no records, only the diagnostic saying why, so the scan goes on.
   */
  setUnreadable(path: string, message: string, severity: Severity = 'warning'): void {
    const others = this.file(path, noteWithout(path, severity, message), null);
    this.emit([path, ...others]);
  }

  removeNote(path: string): boolean {
    const others = this.forget(path);
    if (others !== null) this.emit([path, ...others]);
    return others !== null;
  }

  /** A rename changes a note's path and, for a client note, possibly its client's name. */
  renameNote(oldPath: string, newPath: string, text: string): void {
    const gone = this.forget(oldPath) ?? [];
    const others = this.file(newPath, this.parse(newPath, text), text);
    this.emit([oldPath, newPath, ...gone, ...others]);
  }

  /** New reading settings: the index empties, and the caller re-reads every note. */
  configure(settings: Partial<CoreSettings>): void {
    this.settings = resolveCoreSettings(settings);
    this.epoch++;
    this.clear();
  }

  clear(): void {
    this.epoch++;
    this.changes++;
    this.listChanges++;
    this.notes.clear();
    this.copies.clear();
    this.directory.clear();
    this.sessionsByRef.clear();
    this.sessionEntries.clear();
    this.diagnosed.clear();
    this.unsureSessions.clear();
    this.unresolved.clear();
    this.resolvedAllAt = -1;
    this.builtBlockIds = null;
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

  /**
   * Where the index stands, for `keysBumpedSince`: answers worked out now stay right for every
   * client none of whose keys is bumped after it, while the same `epoch` and client list hold.
   */
  changeMark(): ChangeMark {
    return { epoch: this.epoch, list: this.listChanges, bumps: this.keys.position };
  }

  /**
   * The keys bumped since `mark` (repeats possible), or null when the mark is from another epoch
   * or client list, or older than the log reaches: then every client may have changed.
   */
  protected keysBumpedSince(mark: ChangeMark): readonly string[] | null {
    if (mark.epoch !== this.epoch || mark.list !== this.listChanges) return null;
    return this.keys.since(mark.bumps);
  }

  /** Files a note's records; `old` is what the path held (looked up when not given). */
  protected put(note: ParsedNote, old: ParsedNote | undefined = this.notes.get(note.path)): void {
    this.changes++;
    if (old?.client || note.client || !sameClientsNamed(old, note)) this.listChanges++;
    // Replacing a note keeps the path order; only a new path needs a re-sort.
    if (old === undefined) this.sortedPaths = null;
    else this.take(note.path, true, old);
    this.notes.set(note.path, note);
    this.keys.bumpNote(note);
    if (note.client) this.directory.add(note.client);
    // While every session waits to be resolved (a vault being read), the next pass takes them all.
    const listUnresolved = this.resolvedAllAt === this.directory.epoch;
    for (let index = 0; index < note.sessions.length; index++) {
      const s = note.sessions[index];
      const entry: SessionEntry = { note, s, index };
      this.sessionEntries.set(s.key, entry);
      const ref = nameKey(s.clientRef);
      addTo(this.sessionsByRef, ref, entry);
      for (const a of s.attendees) addTo(this.sessionsByRef, nameKey(a), entry);
      if (s.weak || !ref.includes(' ')) this.unsureSessions.add(s.key);
      if (listUnresolved) this.unresolved.add(s.key);
    }
    if (note.diagnostics.length > 0) this.diagnosed.add(note.path);
    this.builtBlockIds?.add(note);
  }

  /** Forgets a note's records; `old` is what the path holds (looked up when not given). */
  protected take(path: string, replacing = false, old: ParsedNote | undefined = this.notes.get(path)): boolean {
    if (!old) return false;
    this.changes++;
    // A note replaced is judged in put, by what replaces it.
    if (!replacing && (old.client || old.sessions.length > 0)) this.listChanges++;
    this.notes.delete(path);
    if (!replacing) this.sortedPaths = null;
    this.keys.bumpNote(old);
    this.directory.remove(path);
    for (const s of old.sessions) {
      // A session's key is its note's path (and line), so what is filed under it is this note's.
      const entry = this.sessionEntries.get(s.key);
      this.sessionEntries.delete(s.key);
      if (entry !== undefined) {
        removeFrom(this.sessionsByRef, nameKey(s.clientRef), entry);
        for (const a of s.attendees) removeFrom(this.sessionsByRef, nameKey(a), entry);
      }
      this.unsureSessions.delete(s.key);
    }
    this.diagnosed.delete(path);
    this.builtBlockIds?.remove(old);
    return true;
  }

  /**
   * Changes whenever anything a client's figures depend on changes (their client note, any of
   * their session notes, the reading settings), so callers can cache per-client work.
   */
  clientVersion(client: Client): string {
    // Asked for every client several times per refresh (the rows, the overdue total, the work
    // ahead): worked out once per client between changes.
    if (this.versionsAt !== this.changes) {
      this.versions.clear();
      this.versionsAt = this.changes;
    }
    // By object: the client list holds the same objects between changes.
    let v = this.versions.get(client);
    if (v === undefined) {
      v = `${this.epoch}:${this.directory.epoch}:${this.clientVersionKeys(client).map((k) => this.keys.of(k)).join('.')}`;
      this.versions.set(client, v);
    }
    return v;
  }

  /** The keys whose bumps change a client's version (see `KeyVersions.bumpNote`). */
  protected clientVersionKeys(client: Client): readonly string[] {
    const note = client.path ? this.notes.get(client.path)?.client : undefined;
    return note ? versionKeys(note) : [nameKey(client.name), firstName(nameKey(client.name))];
  }

  /** The vault's block ids by note, built now if nothing has asked before. */
  protected blockIds(): BlockIds {
    if (this.builtBlockIds === null) this.prepareBlockIds().step(() => false);
    return this.builtBlockIds!;
  }

  /** Builds the block ids ahead, a slice of notes at a time (started again if the index changes meanwhile). */
  prepareBlockIds(): Preparation {
    let building = new BlockIds();
    return preparation(
      () => {
        building = new BlockIds();
        return this.builtBlockIds === null ? [...this.notes.values()] : [];
      },
      () => this.changes,
      (note) => building.add(note),
      () => (this.builtBlockIds ??= building),
    );
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

  /**
   * Takes over another store's notes and every lookup built from them. Checklist: a field that
   * `put` or `take` keeps must be taken over here too (and a cache keyed on the directory's or
   * the store's counters reset, in the subclass's override).
   */
  protected adopt(from: NoteStore): void {
    this.settings = from.settings;
    this.notes = from.notes;
    this.copies.adopt(from.copies);
    this.directory = from.directory;
    this.sessionsByRef = from.sessionsByRef;
    this.sessionEntries = from.sessionEntries;
    this.sortedPaths = from.sortedPaths;
    this.diagnosed = from.diagnosed;
    this.unsureSessions = from.unsureSessions;
    this.unresolved = from.unresolved;
    this.resolvedAllAt = from.resolvedAllAt;
    this.builtBlockIds = from.builtBlockIds;
    this.keys = from.keys;
    this.perClient.clear();
    this.versions.clear();
    this.epoch = Math.max(this.epoch, from.epoch) + 1;
    this.changes = Math.max(this.changes, from.changes) + 1;
    this.listChanges = Math.max(this.listChanges, from.listChanges) + 1;
  }
}
