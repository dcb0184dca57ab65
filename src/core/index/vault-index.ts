/**
 * The vault index: every note's parsed records, kept current one note at a time, and the
 * questions the views and the CLI ask of them. Re-indexing a note replaces that note's records
 * only; anything that depends on another note (a session's client, a default due date from the
 * client's cadence, a commitment carried into a later session) is worked out when asked, per
 * client, and cached until one of that client's notes changes.
 *
 * A session's client reference resolves through the client notes' names, file names, paths and
 * `aliases`, compared as the spec says (NFC, white space folded, case ignored), and, failing
 * those, through a first name that picks out exactly one client.
 */
import { findChains, type Chain } from '../analytics/chains';
import { addDays } from '../dates';
import { noteWithout, parseNote } from '../parse/note';
import { basename } from '../parse/records';
import { resolveCoreSettings, type CoreSettings } from '../settings';
import type { CheckIn, Client, ClientNote, Commitment, CommitmentStatus, Diagnostic, IsoDate, ParsedNote, Session, SessionNote, Severity } from '../types';
import { conflictCopyOf, nameKey } from '../vault/conflicts';
import { meaningfulTokens, textSimilarity } from '../analytics/similarity';

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

/** Every name a client note answers to, as keys. */
function clientKeys(c: ClientNote): string[] {
  const keys = new Set([nameKey(basename(c.path)), nameKey(c.name), nameKey(c.path.replace(/\.md$/i, ''))]);
  for (const a of c.aliases ?? []) keys.add(nameKey(a));
  return [...keys].filter((k) => k !== '');
}

function firstName(key: string): string {
  const i = key.indexOf(' ');
  return i < 0 ? key : key.slice(0, i);
}

/** The keys a client's cached figures depend on: its names and the first name a session may use. */
function versionKeys(c: ClientNote): string[] {
  const keys = clientKeys(c);
  return [...new Set([...keys, ...keys.map(firstName)])];
}

/** The spec's default due date: the next session minus the lead, else the session date plus cadence minus the lead. */
export function defaultDueDate(session: { date: IsoDate; next: IsoDate | null }, cadence: number, leadDays: number): IsoDate {
  return session.next ? addDays(session.next, -leadDays) : addDays(session.date, cadence - leadDays);
}

/** True for a commitment that is still expected and past its due date. */
export function isOverdue(c: Pick<Commitment, 'status' | 'due'>, asOf: IsoDate): boolean {
  return (c.status === 'open' || c.status === 'partial' || c.status === 'stuck') && c.due < asOf;
}

/** How a session's client reference resolved. */
type Resolution =
  | { kind: 'note'; path: string }
  | { kind: 'implicit'; name: string; key: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' };

interface SessionEntry {
  note: ParsedNote;
  s: SessionNote;
  index: number;
}

export class VaultIndex {
  settings: CoreSettings;
  private readonly notes = new Map<string, ParsedNote>();
  private readonly clientNotesByKey = new Map<string, Set<string>>();
  /** Client-note keys by first name, for a session that names a client by first name only. */
  private readonly clientNotesByFirst = new Map<string, Set<string>>();
  /** Session keys by the reference's name key. */
  private readonly sessionsByRef = new Map<string, Set<string>>();
  private readonly sessionEntries = new Map<string, SessionEntry>();
  private sortedPaths: string[] | null = null;
  /** Bumped for a key whenever a note under that key changes, so per-client work can be cached. */
  private readonly keyVersions = new Map<string, number>();
  private readonly clientPaths = new Set<string>();
  /** Bumped whenever a client note changes: reference resolutions depend on every client note. */
  private clientNotesEpoch = 0;
  private resolutions = new Map<string, Resolution>();
  private resolutionsEpoch = -1;
  private readonly perClient = new Map<string, { version: string; list: Commitment[]; chains: Chain[] }>();
  private epoch = 0;
  private readonly listeners = new Set<IndexListener>();
  /** Increases on every change, so callers can cache work per version. */
  version = 0;

  constructor(settings: Partial<CoreSettings> = {}) {
    this.settings = resolveCoreSettings(settings);
  }

  // ---- changes -------------------------------------------------------------------------------

  private parse(path: string, text: string): ParsedNote {
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
    this.clientPaths.clear();
    this.clientNotesByKey.clear();
    this.clientNotesByFirst.clear();
    this.sessionsByRef.clear();
    this.sessionEntries.clear();
    this.perClient.clear();
    this.clientNotesEpoch++;
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

  private put(note: ParsedNote): void {
    // Replacing a note keeps the path order; only a new path needs a re-sort.
    if (!this.take(note.path, true)) this.sortedPaths = null;
    this.notes.set(note.path, note);
    this.bump(note);
    if (note.client) {
      this.clientPaths.add(note.path);
      this.clientNotesEpoch++;
      for (const k of clientKeys(note.client)) {
        addTo(this.clientNotesByKey, k, note.path);
        if (k.includes(' ') && !k.includes('/')) addTo(this.clientNotesByFirst, firstName(k), note.path);
      }
    }
    note.sessions.forEach((s, index) => {
      this.sessionEntries.set(s.key, { note, s, index });
      addTo(this.sessionsByRef, nameKey(s.clientRef), s.key);
      for (const a of s.attendees) addTo(this.sessionsByRef, nameKey(a), s.key);
    });
  }

  private take(path: string, replacing = false): boolean {
    const old = this.notes.get(path);
    if (!old) return false;
    this.notes.delete(path);
    if (!replacing) this.sortedPaths = null;
    this.bump(old);
    if (this.clientPaths.delete(path)) this.clientNotesEpoch++;
    if (old.client) {
      for (const k of clientKeys(old.client)) {
        removeFrom(this.clientNotesByKey, k, path);
        removeFrom(this.clientNotesByFirst, firstName(k), path);
      }
    }
    for (const s of old.sessions) {
      this.sessionEntries.delete(s.key);
      removeFrom(this.sessionsByRef, nameKey(s.clientRef), s.key);
      for (const a of s.attendees) removeFrom(this.sessionsByRef, nameKey(a), s.key);
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
    return `${this.epoch}:${this.clientNotesEpoch}:${keys.map((k) => this.keyVersions.get(k) ?? 0).join('.')}`;
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

  private firstOf(set: Set<string> | undefined): string | null {
    if (!set || set.size === 0) return null;
    let best: string | null = null;
    for (const p of set) if (best === null || p < best) best = p;
    return best;
  }

  /** How a reference (`Jane`, `[[JD]]`, `Clients/Jane Doe`) resolves, cached until a client note changes. */
  private resolveRef(name: string, target: string, weak: boolean): Resolution {
    if (this.resolutionsEpoch !== this.clientNotesEpoch) {
      this.resolutions = new Map();
      this.resolutionsEpoch = this.clientNotesEpoch;
    }
    const cacheKey = `${weak ? 'w' : 's'}\u0000${name}\u0000${target}`;
    const hit = this.resolutions.get(cacheKey);
    if (hit) return hit;
    const r = this.resolveUncached(name, target, weak);
    this.resolutions.set(cacheKey, r);
    return r;
  }

  private resolveUncached(name: string, target: string, weak: boolean): Resolution {
    const key = nameKey(name);
    const exact = this.firstOf(this.clientNotesByKey.get(nameKey(target))) ?? this.firstOf(this.clientNotesByKey.get(key));
    if (exact) return { kind: 'note', path: exact };
    if (!key.includes(' ')) {
      // A first name that picks out one client note.
      const byFirst = this.clientNotesByFirst.get(key);
      if (byFirst && byFirst.size > 0) {
        const names = new Set([...byFirst].map((p) => this.notes.get(p)?.client?.name ?? p));
        if (names.size === 1) return { kind: 'note', path: this.firstOf(byFirst)! };
        return { kind: 'ambiguous', candidates: [...names].sort() };
      }
    }
    if (weak || key === '') return { kind: 'unknown' };
    return { kind: 'implicit', name: name.replace(/\s+/g, ' ').trim(), key };
  }

  private resolveSession(s: SessionNote): Resolution {
    return this.resolveRef(s.clientRef, s.clientTarget, s.weak);
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

  private clientFor(r: Resolution): Client | null {
    if (r.kind === 'note') {
      const note = this.notes.get(r.path)?.client;
      return note ? VaultIndex.fromNote(note) : null;
    }
    if (r.kind === 'implicit') return this.implicitClient(this.implicitName(r.key) ?? r.name);
    return null;
  }

  /** Implicit clients are named as their earliest session (by path) writes them. */
  private implicitName(key: string): string | null {
    let first: SessionEntry | null = null;
    for (const k of this.sessionsByRef.get(key) ?? []) {
      const e = this.sessionEntries.get(k);
      if (!e || nameKey(e.s.clientRef) !== key) continue;
      if (first === null || e.s.path < first.s.path) first = e;
    }
    return first ? first.s.clientRef.replace(/\s+/g, ' ').trim() : null;
  }

  /** The client a session belongs to (for a session whose client cannot be told, a client of its reference's name). */
  clientOfSession(session: SessionNote): Client {
    return this.clientFor(this.resolveSession(session)) ?? this.implicitClient(session.clientRef);
  }

  /** Every client, with or without a client note, sorted by name. */
  clients(): Client[] {
    const out: Client[] = [];
    const seenNames = new Set<string>();
    for (const path of [...this.clientPaths].sort(byPath)) {
      const c = this.notes.get(path)!.client!;
      const key = nameKey(c.name);
      // Two client notes that differ only in case are one client (the first by path).
      if (seenNames.has(key)) continue;
      seenNames.add(key);
      out.push(VaultIndex.fromNote(c));
    }
    const implicit = new Map<string, string>();
    for (const e of this.sessionEntries.values()) {
      const r = this.resolveSession(e.s);
      if (r.kind !== 'implicit' || implicit.has(r.key) || seenNames.has(r.key)) continue;
      implicit.set(r.key, this.implicitName(r.key) ?? r.name);
    }
    for (const name of implicit.values()) out.push(this.implicitClient(name));
    return out.sort((a, b) => byPath(a.name, b.name) || byPath(a.path ?? '', b.path ?? ''));
  }

  /** A client by name (any case, spacing or alias, or a first name that picks out one client), or by its note's basename. */
  client(name: string): Client | null {
    const r = this.resolveRef(name, name, false);
    if (r.kind === 'note') return this.clientFor(r);
    if (r.kind === 'implicit') {
      const sessions = this.sessionsByRef.get(r.key);
      if (!sessions) return null;
      for (const k of sessions) {
        const e = this.sessionEntries.get(k);
        if (e && this.resolveSession(e.s).kind === 'implicit') return this.clientFor(r);
      }
    }
    return null;
  }

  private sameClient(r: Resolution, client: Client): boolean {
    if (r.kind === 'note') return client.path !== null && this.noteClientPath(r.path) === client.path;
    if (r.kind === 'implicit') return client.path === null && r.key === nameKey(client.name);
    return false;
  }

  /** Client notes that differ only in case stand for the first one. */
  private noteClientPath(path: string): string {
    const c = this.notes.get(path)?.client;
    if (!c) return path;
    return this.firstOf(this.clientNotesByKey.get(nameKey(c.name))) ?? path;
  }

  /** The sessions (and group sessions) that belong to a client. */
  private sessionEntriesOf(client: Client): SessionEntry[] {
    const note = client.path ? this.notes.get(client.path)?.client : undefined;
    const keys = note ? versionKeys(note) : [nameKey(client.name), firstName(nameKey(client.name))];
    // Case twins of the client note count too.
    if (note) for (const p of this.clientNotesByKey.get(nameKey(note.name)) ?? []) for (const k of clientKeys(this.notes.get(p)!.client!)) keys.push(k, firstName(k));
    const out: SessionEntry[] = [];
    const seen = new Set<string>();
    for (const k of keys) {
      for (const sk of this.sessionsByRef.get(k) ?? []) {
        if (seen.has(sk)) continue;
        seen.add(sk);
        const e = this.sessionEntries.get(sk);
        if (!e) continue;
        if (this.sameClient(this.resolveSession(e.s), client)) out.push(e);
        else if (e.s.attendees.some((a) => this.sameClient(this.resolveRef(a, a, e.s.weak), client))) out.push(e);
      }
    }
    return out.sort((a, b) => byPath(a.s.date, b.s.date) || byPath(a.s.path, b.s.path) || (a.s.line ?? 0) - (b.s.line ?? 0));
  }

  // ---- sessions ------------------------------------------------------------------------------

  private toSession(s: SessionNote, client: Client): Session {
    return { path: s.path, key: s.key, line: s.line, client: client.name, date: s.date, next: s.next, status: s.status, coach: s.coach ?? client.coach };
  }

  /** Every session in vault path order (a group session once per client present). */
  sessions(): Session[] {
    const out: Session[] = [];
    for (const path of this.paths()) {
      for (const s of this.notes.get(path)!.sessions) {
        const c = this.clientFor(this.resolveSession(s));
        if (c) out.push(this.toSession(s, c));
        for (const a of s.attendees) {
          const other = this.clientFor(this.resolveRef(a, a, s.weak));
          if (other) out.push(this.toSession(s, other));
        }
      }
    }
    return out;
  }

  /** A client's sessions, oldest first (by date, then path). */
  sessionsOf(client: Client | string): Session[] {
    const c = typeof client === 'string' ? this.client(client) : client;
    if (!c) return [];
    return this.sessionEntriesOf(c).map((e) => this.toSession(e.s, c));
  }

  // ---- commitments ---------------------------------------------------------------------------

  /** Whether a commitment of a (group) session belongs to this client. */
  private belongsTo(e: SessionEntry, person: string | null, client: Client): boolean {
    if (e.s.attendees.length === 0) return true;
    if (person === null) return false;
    return this.sameClient(this.resolveRef(person, person, e.s.weak), client);
  }

  /**
   * A client's commitments as the spec derives them, cached per client version: default due
   * dates from the client's cadence, copies of earlier items read as check-ins on them, and
   * every earlier link of a carried chain `recommitted` unless it was done or let go.
   */
  private resolvedOf(client: Client): Commitment[] {
    return this.resolvedEntry(client).list;
  }

  /**
   * A client's carried-over chains over all their commitments, as the index found them (with the
   * settings' similarity), so an analysis of the same commitments need not find them again.
   */
  chainsOf(client: Client): { commitments: Commitment[]; chains: Chain[] } {
    const e = this.resolvedEntry(client);
    return { commitments: e.list, chains: e.chains };
  }

  private resolvedEntry(client: Client): { list: Commitment[]; chains: Chain[] } {
    const cacheKey = client.path ?? `\u0000${nameKey(client.name)}`;
    const version = this.clientVersion(client);
    const hit = this.perClient.get(cacheKey);
    if (hit && hit.version === version) return hit;
    const entries = this.sessionEntriesOf(client);
    const list: Commitment[] = [];
    for (const e of entries) list.push(...this.baseCommitments(e, client));
    // Copies and chains change a few commitments: those become new objects; the rest stay the
    // cached ones, so the work done per commitment object (its tokens) is not done again.
    applyCopies(entries, list, this.settings.chainSimilarity);
    const found = findChains(list, this.settings.chainSimilarity);
    const position = new Map<Commitment, number>();
    list.forEach((c, i) => position.set(c, i));
    const replaced = new Map<Commitment, Commitment>();
    for (const ch of found) {
      for (let i = 0; i < ch.links.length - 1; i++) {
        const l = ch.links[i];
        if (l.status === 'done' || l.status === 'let-go' || l.status === 'recommitted') continue;
        const carried: Commitment = { ...l, status: 'recommitted' };
        replaced.set(l, carried);
        list[position.get(l)!] = carried;
      }
    }
    const chains = replaced.size === 0 ? found : found.map((ch) => ({ ...ch, links: ch.links.map((l) => replaced.get(l) ?? l) }));
    const entry = { version, list, chains };
    this.perClient.set(cacheKey, entry);
    return entry;
  }

  private readonly bases = new WeakMap<ParsedNote, Map<string, Commitment[]>>();

  /** A session's commitments for a client, with default due dates, cached per note object, client and cadence. */
  private baseCommitments(e: SessionEntry, client: Client): Commitment[] {
    let byKey = this.bases.get(e.note);
    if (!byKey) this.bases.set(e.note, (byKey = new Map<string, Commitment[]>()));
    const key = `${e.index}\u0000${client.name}\u0000${client.cadence}\u0000${client.path ?? ''}`;
    let list = byKey.get(key);
    if (list) return list;
    const defaultDue = defaultDueDate(e.s, client.cadence, this.settings.dueLeadDays);
    list = [];
    for (const c of e.note.commitments) {
      if (c.sessionIndex !== e.index || !this.belongsTo(e, c.person, client)) continue;
      list.push({ ...c, client: client.name, session: e.s.path, sessionKey: e.s.key, sessionDate: e.s.date, due: c.due ?? defaultDue, dueIsDefault: c.due === null });
    }
    byKey.set(key, list);
    return list;
  }

  /** Every commitment, in vault path order then line order. */
  commitments(): Commitment[] {
    const out: Commitment[] = [];
    for (const c of this.clients()) out.push(...this.resolvedOf(c));
    return out.sort((a, b) => byPath(a.session, b.session) || a.line - b.line);
  }

  /** One session note's commitments (every session in it), in line order. */
  commitmentsOfSession(path: string): Commitment[] {
    const note = this.notes.get(path);
    if (!note || note.sessions.length === 0) return [];
    const out: Commitment[] = [];
    const seen = new Set<string>();
    for (const s of note.sessions) {
      const clients = [this.clientFor(this.resolveSession(s)), ...s.attendees.map((a) => this.clientFor(this.resolveRef(a, a, s.weak)))];
      for (const c of clients) {
        if (!c || seen.has(c.name)) continue;
        seen.add(c.name);
        for (const x of this.resolvedOf(c)) if (x.session === path) out.push(x);
      }
    }
    return out.sort((a, b) => a.line - b.line);
  }

  /** A client's commitments, by session date then line. */
  commitmentsOf(client: Client | string): Commitment[] {
    const c = typeof client === 'string' ? this.client(client) : client;
    if (!c) return [];
    return this.resolvedOf(c);
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
      if (note.sessions.length === 0) continue;
      const hit = note.commitments.find((c) => c.id === id);
      if (hit) return this.commitmentsOfSession(path).find((c) => c.line === hit.line) ?? null;
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
        const key = nameKey(note.client.name);
        const other = names.get(key);
        if (other) {
          const twin = this.notes.get(other)?.client?.name;
          const why = twin !== undefined && twin !== note.client.name ? ` (the names differ only in case: '${twin}')` : '';
          out.push({ path, line: 1, severity: 'warning', message: `client '${note.client.name}' also has a client note at ${other}${why}; both are read as one client, with the settings of ${other}` });
        } else names.set(key, path);
      }
      for (const s of note.sessions) {
        const r = this.resolveSession(s);
        const line = s.line ?? s.keyLines.client ?? 1;
        if (r.kind === 'ambiguous') {
          out.push({ path, line, severity: 'warning', message: `client '${s.clientRef}' could be ${r.candidates.join(' or ')}; write the full name (or add it to that client note's aliases) so this session counts` });
        } else if (r.kind === 'unknown' && s.weak && s.line === null) {
          out.push({ path, line, severity: 'warning', message: `session's client '${s.clientRef}' (from its folder or file name) matches no client note; add a client note or a client: key so this session counts` });
        }
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

/**
 * "Outstanding action items" in a later note copy earlier items: each copy is a check-in on the
 * earlier commitment it names (the best text match among the client's earlier sessions), not a
 * commitment of its own. A copy marked done or let go closes the original.
 */
function applyCopies(entries: SessionEntry[], list: Commitment[], similarity: number): void {
  if (!entries.some((e) => e.s.copies.length > 0)) return;
  for (const e of entries) {
    for (const copy of e.s.copies) {
      const tokens = meaningfulTokens(copy.text);
      let best: Commitment | null = null;
      let bestScore = 0;
      for (const c of list) {
        // A copy names an earlier session's item; an outcome line may name its own session's.
        if (c.sessionKey === e.s.key ? !copy.outcome : c.sessionDate >= e.s.date) continue;
        const score = c.text.toLowerCase() === copy.text.toLowerCase() ? 1 : textSimilarity(meaningfulTokens(c.text), tokens);
        if (score >= similarity && score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (best === null) continue;
      const status = copy.status;
      const checkIn: CheckIn | null =
        status === 'done' ? { date: e.s.date, status: 'done', note: `marked done in ${basename(e.s.path)}`, line: copy.line }
        : status === 'partial' ? { date: e.s.date, status: 'partial', note: `marked partly done in ${basename(e.s.path)}`, line: copy.line }
        : status === 'stuck' ? { date: e.s.date, status: 'stuck', note: `marked stuck in ${basename(e.s.path)}`, line: copy.line }
        : null;
      // Copy on write: the cached commitment object is shared with earlier answers.
      const target: Commitment = { ...best };
      list[list.indexOf(best)] = target;
      if (checkIn) {
        target.checkIns = [...target.checkIns, checkIn];
        if (best.checkbox === 'open') target.status = checkIn.status as CommitmentStatus;
        if (status === 'done') target.doneDate ??= e.s.date;
      } else if (status === 'let-go' && best.checkbox === 'open') {
        target.status = 'let-go';
        target.letGoDate ??= e.s.date;
      }
    }
  }
}
