/**
 * The clients and sessions of the vault index: which client each session belongs to (through the
 * client notes' names, file names, paths and `aliases`, compared as the spec says, and failing
 * those a first name that picks out exactly one client), each client's sessions, and each
 * client's commitments as the spec derives them (default due dates, copies read as check-ins,
 * carried chains), cached per client version and worked out ahead in slices.
 *
 * `VaultIndex` (./vault-index) adds the vault-wide questions over commitments and diagnostics.
 */
import { findChains, type Chain } from '../analytics/chains';
import type { Client, Commitment, IsoDate, Session, SessionNote } from '../types';
import { nameKey } from '../vault/conflicts';
import { clientOfNote, implicitClient, type Resolution } from './client-directory';
import { resolvedCommitment } from './commitment-record';
import { sessionsUnderKeys } from './client-sessions';
import { applyCopies, carryChains, defaultDueDate, type SessionEntry } from './derive';
import { byPath, clientKeys, firstName, pushTo, versionKeys } from './keys';
import { NoteStore, type ChangeMark, type ClientCache } from './note-store';
import { inSequence, preparation, type Preparation } from './prepare';
import type { ClientPass } from './client-pass';

export class ClientIndex extends NoteStore {
  // ---- clients -------------------------------------------------------------------------------

  protected resolveRef(name: string, target: string, weak: boolean): Resolution {
    return this.directory.resolve(name, target, weak);
  }

  /** Resolutions by session object, while the client directory is unchanged (a session is resolved many times per roster). */
  private sessionResolutions = new Map<SessionNote, Resolution>();
  private sessionResolutionsEpoch = -1;

  protected resolveSession(s: SessionNote): Resolution {
    if (this.sessionResolutionsEpoch !== this.directory.epoch || this.sessionResolutions.size > 2 * this.sessionEntries.size + 1000) {
      this.sessionResolutions = new Map();
      this.sessionResolutionsEpoch = this.directory.epoch;
    }
    let r = this.sessionResolutions.get(s);
    if (r === undefined) this.sessionResolutions.set(s, (r = this.resolveRef(s.clientRef, s.clientTarget, s.weak)));
    return r;
  }

  private implicitClient(name: string): Client {
    return implicitClient(name, this.settings.defaultCadence);
  }

  protected clientFor(r: Resolution): Client | null {
    if (r.kind === 'note') {
      const note = this.notes.get(r.path)?.client;
      return note ? clientOfNote(note) : null;
    }
    if (r.kind === 'implicit') return this.implicitClient(this.implicitName(r.key) ?? r.name);
    return null;
  }

  /** Implicit clients are named as their earliest session (by path) writes them. */
  private implicitName(key: string): string | null {
    let first: SessionEntry | null = null;
    for (const e of this.sessionsByRef.get(key) ?? []) {
      if (nameKey(e.s.clientRef) !== key) continue;
      if (first === null || e.s.path < first.s.path) first = e;
    }
    return first ? first.s.clientRef.replace(/\s+/g, ' ').trim() : null;
  }

  /** The client a session belongs to (for a session whose client cannot be told, a client of its reference's name). */
  clientOfSession(session: SessionNote): Client {
    return this.clientFor(this.resolveSession(session)) ?? this.implicitClient(session.clientRef);
  }

  private clientsAt = -1;
  private clientList: Client[] = [];

  protected override adopt(from: NoteStore): void {
    super.adopt(from);
    // Keyed on the directory's epoch, which the adopted directory counts afresh.
    this.sessionResolutions = new Map();
    this.sessionResolutionsEpoch = -1;
    this.clientsAt = -1;
  }

  /** Every client, with or without a client note, sorted by name. */
  clients(): Client[] {
    return this.currentClients().slice();
  }

  /** The client list itself (not a copy), worked out again only when a change may change it. */
  protected currentClients(): readonly Client[] {
    // Several views ask per refresh; the list (the same objects) holds until then.
    if (this.clientsAt !== this.listChanges) {
      this.clientList = this.findClients();
      this.clientsAt = this.listChanges;
      this.clientsByKey = null;
    }
    return this.clientList;
  }

  private clientsByKey: Map<string, Client[]> | null = null;

  /**
   * The clients whose figures may differ from what they were at `mark` (`changeMark()`): those
   * with a key bumped since (their client note, or a session naming them, changed). Null when
   * any may have: the client list or the reading settings changed, or the mark is too old.
   * Objects of `clients()`, so a caller keeping per-client answers since the mark redoes only these.
   */
  clientsTouchedSince(mark: ChangeMark): Client[] | null {
    const list = this.currentClients();
    const keys = this.keysBumpedSince(mark);
    if (keys === null) return null;
    if (keys.length === 0) return [];
    if (this.clientsByKey === null) {
      const byKey = new Map<string, Client[]>();
      for (const c of list) for (const k of this.clientVersionKeys(c)) pushTo(byKey, k, c);
      this.clientsByKey = byKey;
    }
    const out = new Set<Client>();
    for (const k of keys) for (const c of this.clientsByKey.get(k) ?? []) out.add(c);
    return [...out];
  }

  private findClients(): Client[] {
    const out: Client[] = [];
    const seenNames = new Set<string>();
    for (const path of [...this.directory.paths()].sort(byPath)) {
      const c = this.directory.note(path)!;
      const key = nameKey(c.name);
      // Two client notes that differ only in case are one client (the first by path).
      if (seenNames.has(key)) continue;
      seenNames.add(key);
      out.push(clientOfNote(c));
    }
    const implicit = new Map<string, string>();
    for (const [ref, entries] of this.sessionsByRef) {
      // A reference whose key a client note answers to resolves to that note, never to a client
      // known only from sessions: most vaults have no other, and need not resolve each session.
      if (this.directory.hasKey(ref)) continue;
      for (const e of entries) {
        // The reference may be the session's client or one of the others present (a group session).
        const attendee = nameKey(e.s.clientRef) === ref ? undefined : e.s.attendees.find((a) => nameKey(a) === ref);
        const r = attendee !== undefined ? this.resolveRef(attendee, attendee, e.s.weak) : this.resolveSession(e.s);
        if (r.kind !== 'implicit' || implicit.has(r.key) || seenNames.has(r.key)) continue;
        implicit.set(r.key, this.implicitName(r.key) ?? r.name);
      }
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
      for (const e of sessions) if (this.resolveSession(e.s).kind === 'implicit') return this.clientFor(r);
    }
    return null;
  }

  private sameClient(r: Resolution, client: Client): boolean {
    if (r.kind === 'note') return client.path !== null && this.directory.notePath(r.path) === client.path;
    if (r.kind === 'implicit') return client.path === null && r.key === nameKey(client.name);
    return false;
  }

  /** The sessions (and group sessions) that belong to a client. */
  private sessionEntriesOf(client: Client): SessionEntry[] {
    return this.cacheOf(client).entries;
  }

  /** The client's cache entry, fresh for its current version (its session entries found now if not). */
  protected cacheOf(client: Client): ClientCache {
    const cacheKey = client.path ?? `\u0000${nameKey(client.name)}`;
    const version = this.clientVersion(client);
    const hit = this.perClient.get(cacheKey);
    if (hit && hit.version === version && hit.name === client.name && hit.cadence === client.cadence) return hit;
    const entry: ClientCache = { version, name: client.name, cadence: client.cadence, entries: this.findSessionEntries(client), sessions: null, resolved: null, overdue: null };
    this.perClient.set(cacheKey, entry);
    return entry;
  }

  private findSessionEntries(client: Client): SessionEntry[] {
    const note = client.path ? this.notes.get(client.path)?.client : undefined;
    const keys = note ? [...versionKeys(note)] : [nameKey(client.name), firstName(nameKey(client.name))];
    // Case twins of the client note count too.
    if (note) for (const p of this.directory.withName(note.name)) for (const k of clientKeys(this.notes.get(p)!.client!)) keys.push(k, firstName(k));
    return sessionsUnderKeys(
      keys,
      this.sessionsByRef,
      (s) => this.sameClient(this.resolveSession(s), client),
      (s) => s.attendees.some((a) => this.sameClient(this.resolveRef(a, a, s.weak), client)),
    );
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
    const cache = this.cacheOf(c);
    cache.sessions ??= cache.entries.map((e) => this.toSession(e.s, c));
    return cache.sessions.slice();
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
  protected resolvedOf(client: Client): Commitment[] {
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

  /**
   * The chains of a client's commitments up to a date (`commitments`, those of the sessions held
   * by then, as `commitmentsUpTo` gives them), kept with the client's figures for the last date
   * asked: a client with a session booked after today would otherwise have them found again on
   * every roster, brief and nudge of the day.
   */
  chainsAsOf(client: Client, asOf: IsoDate, similarity: number, commitments: readonly Commitment[]): Chain[] {
    const e = this.resolvedEntry(client);
    const hit = e.asOf;
    if (hit !== undefined && hit.asOf === asOf && hit.similarity === similarity && hit.count === commitments.length) return hit.chains;
    const chains = findChains(commitments, similarity);
    e.asOf = { asOf, similarity, count: commitments.length, chains };
    return chains;
  }

  /** A client's resolved commitments of one session note, grouped once per client version. */
  protected resolvedIn(client: Client, path: string): readonly Commitment[] {
    const e = this.resolvedEntry(client);
    if (!e.bySession) {
      e.bySession = new Map();
      for (const x of e.list) {
        const list = e.bySession.get(x.session);
        if (list) list.push(x);
        else e.bySession.set(x.session, [x]);
      }
    }
    return e.bySession.get(path) ?? [];
  }

  private resolvedEntry(client: Client): NonNullable<ClientCache['resolved']> {
    const cache = this.cacheOf(client);
    if (cache.resolved) return cache.resolved;
    const entries = cache.entries;
    const list: Commitment[] = [];
    for (const e of entries) this.addBaseCommitments(list, e, client);
    // Copies change a few commitments (those become new objects); a carried chain's earlier links
    // are then marked as carried, in place.
    applyCopies(entries, list, this.settings.chainSimilarity);
    const chains = findChains(list, this.settings.chainSimilarity);
    carryChains(chains);
    cache.resolved = { list, chains };
    return cache.resolved;
  }

  /**
   * A session's commitments for a client, with default due dates, added to `list`. Built again
   * whenever the client's figures are (a few dozen objects per client; caching them per note
   * cost more memory, a map per note, than it saved time).
   */
  private addBaseCommitments(list: Commitment[], e: SessionEntry, client: Client): void {
    const defaultDue = defaultDueDate(e.s, client.cadence, this.settings.dueLeadDays);
    const part = { client: client.name, session: e.s.path, sessionKey: e.s.key, sessionDate: e.s.date, due: defaultDue, dueIsDefault: true };
    for (const c of e.note.commitments) {
      if (c.sessionIndex !== e.index || !this.belongsTo(e, c.person, client)) continue;
      part.due = c.due ?? defaultDue;
      part.dueIsDefault = c.due === null;
      list.push(resolvedCommitment(c, part));
    }
  }

  /**
   * Works out every client's sessions, commitments and carried chains ahead, a slice at a time
   * (see ./prepare), so the first view to ask reads them. Each step takes the clients again if
   * the index changed since the last.
   */
  prepareClients(): Preparation {
    return inSequence(
      this.prepareSessions(),
      this.prepareEachClient(this.clientsPass, (c) => this.resolvedEntry(c)),
    );
  }

  /** Where the last finished `prepareClients` pass stood. */
  private readonly clientsPass: ClientPass = { doneAt: null };

  /**
   * Works `work` on every client, a slice at a time (see ./prepare); once a pass has finished
   * (recorded in `pass`, which the caller keeps between preparations), only on the clients
   * touched since it (see clientsTouchedSince).
   */
  prepareEachClient(pass: ClientPass, work: (c: Client) => void): Preparation {
    let startedAt: ChangeMark | null = null;
    // A pass over every client also builds, as it goes, which clients each key names (see
    // clientsTouchedSince), so that the first change after start-up does not build it at once.
    let byKey: Map<string, Client[]> | null = null;
    let listUsed: readonly Client[] | null = null;
    return preparation(
      () => {
        const touched = pass.doneAt !== null ? this.clientsTouchedSince(pass.doneAt) : null;
        startedAt = this.changeMark();
        const list = touched ?? this.currentClients();
        listUsed = touched === null && this.clientsByKey === null ? list : null;
        byKey = listUsed !== null ? new Map() : null;
        return list;
      },
      () => this.version,
      (c) => {
        if (byKey !== null) for (const k of this.clientVersionKeys(c)) pushTo(byKey, k, c);
        work(c);
      },
      () => {
        pass.doneAt = startedAt;
        if (byKey !== null && listUsed === this.clientList && this.clientsByKey === null) this.clientsByKey = byKey;
        byKey = null;
      },
    );
  }

  /**
   * Resolves every session's client ahead, a slice at a time: the client list resolves them all,
   * which on a large vault just read is itself longer than a slice.
   */
  prepareSessions(): Preparation {
    // Only the sessions put since the last pass, unless a client note changed (every resolution with it).
    const all = () => this.resolvedAllAt !== this.directory.epoch;
    return preparation(
      () => (all() ? [...this.sessionEntries.keys()] : [...this.unresolved]),
      () => this.changes,
      (key) => {
        const e = this.sessionEntries.get(key);
        if (!e) return;
        this.resolveSession(e.s);
        for (const a of e.s.attendees) this.resolveRef(a, a, e.s.weak);
      },
      () => {
        this.resolvedAllAt = this.directory.epoch;
        this.unresolved.clear();
      },
    );
  }
}
