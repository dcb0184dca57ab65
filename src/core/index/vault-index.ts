/**
 * The vault index: every note's parsed records, kept current one note at a time, and the
 * questions the views and the CLI ask of them. Re-indexing a note replaces that note's records
 * only; anything that depends on another note (a session's client, a default due date from the
 * client's cadence) is worked out when asked, from small per-key maps.
 */
import { addDays } from '../dates';
import { parseNote } from '../parse/note';
import { resolveCoreSettings, type CoreSettings } from '../settings';
import type { Client, ClientNote, Commitment, Diagnostic, IsoDate, ParsedNote, Session, SessionNote, Severity } from '../types';
import { basename } from '../parse/records';

export type IndexListener = (changedPaths: readonly string[]) => void;

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function clientKeys(c: ClientNote): string[] {
  const keys = new Set([basename(c.path).toLowerCase(), c.name.toLowerCase(), c.path.replace(/\.md$/i, '').toLowerCase()]);
  return [...keys];
}

/** The spec's default due date: the next session minus the lead, else the session date plus cadence minus the lead. */
export function defaultDueDate(session: { date: IsoDate; next: IsoDate | null }, cadence: number, leadDays: number): IsoDate {
  return session.next ? addDays(session.next, -leadDays) : addDays(session.date, cadence - leadDays);
}

/** True for a commitment that is still expected and past its due date. */
export function isOverdue(c: Pick<Commitment, 'status' | 'due'>, asOf: IsoDate): boolean {
  return (c.status === 'open' || c.status === 'partial' || c.status === 'stuck') && c.due < asOf;
}

export class VaultIndex {
  settings: CoreSettings;
  private readonly notes = new Map<string, ParsedNote>();
  private readonly clientNotesByKey = new Map<string, Set<string>>();
  private readonly sessionsByRef = new Map<string, Set<string>>();
  private readonly resolved = new WeakMap<ParsedNote, { cadence: number; list: Commitment[] }>();
  private sortedPaths: string[] | null = null;
  /** Bumped for a client key whenever a note under that key changes, so per-client work can be cached. */
  private readonly keyVersions = new Map<string, number>();
  /** Paths of client notes, so listing clients does not walk every note. */
  private readonly clientPaths = new Set<string>();
  private epoch = 0;
  private readonly listeners = new Set<IndexListener>();
  /** Increases on every change, so callers can cache work per version. */
  version = 0;

  constructor(settings: Partial<CoreSettings> = {}) {
    this.settings = resolveCoreSettings(settings);
  }

  // ---- changes -------------------------------------------------------------------------------

  /** Parses one note's text and replaces whatever the index held for that path. */
  setNote(path: string, text: string): ParsedNote {
    const parsed = parseNote(path, text, this.settings);
    this.put(parsed);
    this.emit([path]);
    return parsed;
  }

  /** Adds many notes at once, telling listeners once. */
  setNotes(entries: Iterable<readonly [string, string]>): void {
    const paths: string[] = [];
    for (const [path, text] of entries) {
      this.put(parseNote(path, text, this.settings));
      paths.push(path);
    }
    this.emit(paths);
  }

  /**
   * Records a note that could not be read (a failed read, a file that is not a regular file, text
   * that is not UTF-8): it holds no records, only the diagnostic saying why, so the scan goes on.
   */
  setUnreadable(path: string, message: string, severity: Severity = 'warning'): void {
    this.put({ path, type: null, client: null, session: null, commitments: [], diagnostics: [{ path, line: 1, severity, message }] });
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
    this.put(parseNote(newPath, text, this.settings));
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
    this.clientPaths.clear();
    this.clientNotesByKey.clear();
    this.sessionsByRef.clear();
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

  private emit(paths: readonly string[]): void {
    this.version++;
    for (const l of this.listeners) l(paths);
  }

  private bump(note: ParsedNote): void {
    const keys = note.client ? clientKeys(note.client) : note.session ? [note.session.clientRef.toLowerCase(), note.session.clientTarget.toLowerCase()] : [];
    for (const k of keys) this.keyVersions.set(k, (this.keyVersions.get(k) ?? 0) + 1);
  }

  private put(note: ParsedNote): void {
    // Replacing a note keeps the path order; only a new path needs a re-sort.
    if (!this.take(note.path, true)) this.sortedPaths = null;
    this.notes.set(note.path, note);
    this.bump(note);
    if (note.client) {
      this.clientPaths.add(note.path);
      for (const k of clientKeys(note.client)) addTo(this.clientNotesByKey, k, note.path);
    }
    if (note.session) addTo(this.sessionsByRef, note.session.clientRef.toLowerCase(), note.path);
  }

  private take(path: string, replacing = false): boolean {
    const old = this.notes.get(path);
    if (!old) return false;
    this.notes.delete(path);
    if (!replacing) this.sortedPaths = null;
    this.bump(old);
    this.clientPaths.delete(path);
    if (old.client) for (const k of clientKeys(old.client)) removeFrom(this.clientNotesByKey, k, path);
    if (old.session) removeFrom(this.sessionsByRef, old.session.clientRef.toLowerCase(), path);
    return true;
  }

  /**
   * Changes whenever anything a client's figures depend on changes (their client note, any of
   * their session notes, the reading settings), so callers can cache per-client work.
   */
  clientVersion(client: Client): string {
    const keys = client.path ? clientKeys(this.notes.get(client.path)?.client ?? ({ path: client.path, name: client.name } as ClientNote)) : [client.name.toLowerCase()];
    return `${this.epoch}:${keys.map((k) => this.keyVersions.get(k) ?? 0).join('.')}`;
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

  // ---- clients -------------------------------------------------------------------------------

  /** The client note a session refers to, or null for a client known only from sessions. */
  private clientNoteFor(session: SessionNote): ClientNote | null {
    const exact = this.clientNotesByKey.get(session.clientTarget.toLowerCase());
    const set = exact ?? this.clientNotesByKey.get(session.clientRef.toLowerCase());
    if (!set || set.size === 0) return null;
    let best: string | null = null;
    for (const p of set) if (best === null || p < best) best = p;
    return this.notes.get(best!)?.client ?? null;
  }

  private static fromNote(c: ClientNote): Client {
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

  private implicitClient(name: string): Client {
    return {
      name,
      coach: null,
      cadence: this.settings.defaultCadence,
      accountability: 'check-in',
      status: 'active',
      pausedUntil: null,
      milestones: [],
      contact: null,
      path: null,
    };
  }

  /** The client a session belongs to. */
  clientOfSession(session: SessionNote): Client {
    const note = this.clientNoteFor(session);
    return note ? VaultIndex.fromNote(note) : this.implicitClient(session.clientRef);
  }

  /** Every client, with or without a client note, sorted by name. */
  clients(): Client[] {
    const out: Client[] = [];
    for (const path of this.clientPaths) out.push(VaultIndex.fromNote(this.notes.get(path)!.client!));
    const implicit = new Map<string, string>();
    for (const [key, sessions] of this.sessionsByRef) {
      if (this.clientNotesByKey.has(key)) continue;
      let first: SessionNote | null = null;
      for (const p of sessions) {
        const s = this.notes.get(p)!.session!;
        if (this.clientNoteFor(s) === null && (first === null || p < first.path)) first = s;
      }
      if (first && !implicit.has(key)) implicit.set(key, first.clientRef);
    }
    for (const name of implicit.values()) out.push(this.implicitClient(name));
    return out.sort((a, b) => byPath(a.name, b.name) || byPath(a.path ?? '', b.path ?? ''));
  }

  /** A client by name (any case), or by its note's basename. */
  client(name: string): Client | null {
    const key = name.trim().toLowerCase();
    const notes = this.clientNotesByKey.get(key);
    if (notes && notes.size > 0) {
      const first = [...notes].sort(byPath)[0];
      return VaultIndex.fromNote(this.notes.get(first)!.client!);
    }
    const sessions = this.sessionsByRef.get(key);
    if (sessions) {
      for (const p of [...sessions].sort(byPath)) {
        const s = this.notes.get(p)!.session!;
        if (this.clientNoteFor(s) === null) return this.implicitClient(s.clientRef);
      }
    }
    return null;
  }

  /** The session notes that belong to a client. */
  private sessionNotesOf(client: Client): SessionNote[] {
    const keys = client.path
      ? clientKeys(this.notes.get(client.path)!.client!)
      : [client.name.toLowerCase()];
    const out: SessionNote[] = [];
    const seen = new Set<string>();
    for (const k of keys) {
      const set = this.sessionsByRef.get(k);
      if (!set) continue;
      for (const p of set) {
        if (seen.has(p)) continue;
        seen.add(p);
        const s = this.notes.get(p)!.session!;
        const owner = this.clientNoteFor(s);
        if ((owner?.path ?? null) === client.path && (client.path !== null || s.clientRef.toLowerCase() === k)) out.push(s);
      }
    }
    return out;
  }

  // ---- sessions ------------------------------------------------------------------------------

  private toSession(s: SessionNote, client: Client): Session {
    return { path: s.path, client: client.name, date: s.date, next: s.next, status: s.status, coach: s.coach ?? client.coach };
  }

  /** Every session in vault path order. */
  sessions(): Session[] {
    const out: Session[] = [];
    for (const path of this.paths()) {
      const s = this.notes.get(path)!.session;
      if (s) out.push(this.toSession(s, this.clientOfSession(s)));
    }
    return out;
  }

  /** A client's sessions, oldest first (by date, then path). */
  sessionsOf(client: Client | string): Session[] {
    const c = typeof client === 'string' ? this.client(client) : client;
    if (!c) return [];
    return this.sessionNotesOf(c)
      .map((s) => this.toSession(s, c))
      .sort((a, b) => byPath(a.date, b.date) || byPath(a.path, b.path));
  }

  // ---- commitments ---------------------------------------------------------------------------

  private resolve(note: ParsedNote, client: Client): Commitment[] {
    const s = note.session!;
    const cached = this.resolved.get(note);
    if (cached && cached.cadence === client.cadence) return cached.list;
    const defaultDue = defaultDueDate(s, client.cadence, this.settings.dueLeadDays);
    const list = note.commitments.map(
      (c): Commitment => ({
        ...c,
        client: client.name,
        session: s.path,
        sessionDate: s.date,
        due: c.due ?? defaultDue,
        dueIsDefault: c.due === null,
      }),
    );
    this.resolved.set(note, { cadence: client.cadence, list });
    return list;
  }

  /** Every commitment, in vault path order then line order. */
  commitments(): Commitment[] {
    const out: Commitment[] = [];
    for (const path of this.paths()) {
      const note = this.notes.get(path)!;
      if (note.session && note.commitments.length > 0) out.push(...this.resolve(note, this.clientOfSession(note.session)));
    }
    return out;
  }

  /** One session note's commitments, in line order. */
  commitmentsOfSession(path: string): Commitment[] {
    const note = this.notes.get(path);
    if (!note?.session) return [];
    return this.resolve(note, this.clientOfSession(note.session));
  }

  /** A client's commitments, by session date then line. */
  commitmentsOf(client: Client | string): Commitment[] {
    const c = typeof client === 'string' ? this.client(client) : client;
    if (!c) return [];
    const out: Commitment[] = [];
    const sessions = this.sessionNotesOf(c).sort((a, b) => byPath(a.date, b.date) || byPath(a.path, b.path));
    for (const s of sessions) out.push(...this.resolve(this.notes.get(s.path)!, c));
    return out;
  }

  /** Commitments overdue as of a date, for one client or all. */
  overdue(asOf: IsoDate, client?: Client | string): Commitment[] {
    const list = client === undefined ? this.commitments() : this.commitmentsOf(client);
    return list.filter((c) => isOverdue(c, asOf));
  }

  /** The commitment with a block id (the first by path when an id is reused). */
  commitmentById(id: string): Commitment | null {
    for (const path of this.paths()) {
      const note = this.notes.get(path)!;
      if (!note.session) continue;
      const hit = note.commitments.find((c) => c.id === id);
      if (hit) return this.resolve(note, this.clientOfSession(note.session)).find((c) => c.line === hit.line) ?? null;
    }
    return null;
  }

  // ---- diagnostics ---------------------------------------------------------------------------

  /** Every note's diagnostics plus the ones only the whole vault can see, by path then line. */
  diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const names = new Map<string, string>();
    const ids = new Map<string, { path: string; line: number }>();
    for (const path of this.paths()) {
      const note = this.notes.get(path)!;
      out.push(...note.diagnostics);
      if (note.client) {
        const key = note.client.name.toLowerCase();
        const other = names.get(key);
        if (other) out.push({ path, line: 1, severity: 'warning', message: `client '${note.client.name}' also has a client note at ${other}; sessions go to ${other}` });
        else names.set(key, path);
      }
      for (const c of note.commitments) {
        if (c.id === null) continue;
        const first = ids.get(c.id);
        if (first && first.path !== path) out.push({ path, line: c.line, severity: 'warning', message: `block id ^${c.id} is also used in ${first.path} line ${first.line}` });
        else if (!first) ids.set(c.id, { path, line: c.line });
      }
    }
    for (const path of this.paths()) {
      for (const c of this.notes.get(path)!.commitments) {
        if (c.from !== null && !ids.has(c.from)) {
          out.push({ path, line: c.line, severity: 'warning', message: `carried from ^${c.from}, but no commitment has that block id` });
        }
      }
    }
    return out.sort((a, b) => byPath(a.path, b.path) || a.line - b.line);
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
