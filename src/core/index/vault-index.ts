/**
 * The vault index: every note's parsed records, kept current one note at a time, and the
 * questions the views and the CLI ask of them. Re-indexing a note replaces that note's records
 * only; anything that depends on another note (a session's client, a default due date from the
 * client's cadence, a commitment carried into a later session) is worked out when asked, per
 * client, and cached until one of that client's notes changes.
 *
 * Three layers, each in its own file: the notes as parsed and the lookups kept per note
 * (./note-store), the clients and their sessions and derived commitments (./client-index), and
 * here the vault-wide questions: every commitment, a session's, overdue counts, the diagnostics.
 */
import type { Client, Commitment, Diagnostic, IsoDate } from '../types';
import { ClientIndex } from './client-index';
import { isOverdue } from './derive';
import { byPath } from './keys';
import type { ChangeMark, NoteStore } from './note-store';
import { Aside, type StagedRead } from './staged-read';
import type { CoreSettings } from '../settings';
import { clientTwins, vaultDiagnostics } from './vault-diagnostics';

export type { ChangeMark } from './note-store';
export type { KeyedPass } from './client-pass';
export { passFor } from './client-pass';
export type { StagedRead } from './staged-read';

// The commitment rules importers know from here (their home is ./derive).
export { defaultDueDate, isOverdue } from './derive';


export class VaultIndex extends ClientIndex {
  // ---- commitments ---------------------------------------------------------------------------

  /** Every commitment, in vault path order then line order. */
  commitments(): Commitment[] {
    const out: Commitment[] = [];
    // One by one: a spread into push() overflows the stack past about 120,000 (one client's note can hold that many).
    for (const c of this.clients()) for (const x of this.resolvedOf(c)) out.push(x);
    return out.sort((a, b) => byPath(a.session, b.session) || a.line - b.line);
  }

  /**
   * One session note's commitments (every session in it), in line order. Kept until a note
   * changes: the review, the calendar and the Today panel ask once per item they show.
   */
  commitmentsOfSession(path: string): readonly Commitment[] {
    if (this.bySessionAt !== this.changes) {
      this.bySession.clear();
      this.bySessionAt = this.changes;
    }
    let hit = this.bySession.get(path);
    if (hit === undefined) {
      hit = { list: this.findCommitmentsOfSession(path), byLine: null };
      this.bySession.set(path, hit);
    }
    return hit.list;
  }

  /** The commitment on a line of a session note, if one starts there. */
  commitmentAt(path: string, line: number): Commitment | undefined {
    const list = this.commitmentsOfSession(path);
    const hit = this.bySession.get(path)!;
    if (hit.byLine === null) {
      hit.byLine = new Map();
      for (const c of list) if (!hit.byLine.has(c.line)) hit.byLine.set(c.line, c);
    }
    return hit.byLine.get(line);
  }

  private bySessionAt = -1;

  protected override adopt(from: NoteStore): void {
    super.adopt(from);
    this.bySessionAt = -1;
  }
  private readonly bySession = new Map<string, { list: readonly Commitment[]; byLine: Map<number, Commitment> | null }>();

  private findCommitmentsOfSession(path: string): Commitment[] {
    const note = this.notes.get(path);
    if (!note || note.sessions.length === 0) return [];
    const out: Commitment[] = [];
    const seen = new Set<string>();
    for (const s of note.sessions) {
      const clients = [this.clientFor(this.resolveSession(s)), ...s.attendees.map((a) => this.clientFor(this.resolveRef(a, a, s.weak)))];
      for (const c of clients) {
        if (!c || seen.has(c.name)) continue;
        seen.add(c.name);
        for (const x of this.resolvedIn(c, path)) out.push(x);
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

  /**
   * How many commitments are overdue as of a date, vault-wide: `overdue(asOf).length` without
   * gathering and sorting every commitment (the roster and the status bar ask on every refresh).
   */
  overdueCount(asOf: IsoDate): number {
    // After a change, only the clients it touched are counted again (see clientsTouchedSince).
    const last = this.overdueTotal;
    const touched = last !== null && last.asOf === asOf ? this.clientsTouchedSince(last.mark) : null;
    const mark = this.changeMark();
    if (last !== null && touched !== null) {
      for (const c of touched) {
        const count = this.overdueOfClient(c, asOf);
        last.total += count - (last.counts.get(c) ?? 0);
        last.counts.set(c, count);
      }
      last.mark = mark;
      return last.total;
    }
    const counts = new Map<Client, number>();
    let total = 0;
    for (const c of this.clients()) {
      const count = this.overdueOfClient(c, asOf);
      counts.set(c, count);
      total += count;
    }
    this.overdueTotal = { asOf, mark, total, counts };
    return total;
  }

  private overdueTotal: { asOf: IsoDate; mark: ChangeMark; total: number; counts: Map<Client, number> } | null = null;

  private overdueOfClient(c: Client, asOf: IsoDate): number {
    const cache = this.cacheOf(c);
    if (cache.overdue?.asOf !== asOf) {
      let count = 0;
      for (const x of this.resolvedOf(c)) if (isOverdue(x, asOf)) count++;
      cache.overdue = { asOf, count };
    }
    return cache.overdue.count;
  }

  /**
   * How many of the notes filed hold a commitment with this block id, told at once from the
   * block ids kept note by note (built the first time one is asked for).
   */
  notesHoldingBlockId(id: string): number {
    return this.blockIds().holders.count(id);
  }

  /** The paths of the notes filed with a commitment with this block id (see `notesHoldingBlockId`). */
  notesWithBlockId(id: string): readonly string[] {
    return this.blockIds().holders.values(id);
  }

  /** The commitment with a block id (the first by path when an id is reused). */
  commitmentById(id: string): Commitment | null {
    for (const path of this.paths()) {
      const note = this.notes.get(path)!;
      if (note.sessions.length === 0) continue;
      const hit = note.commitments.find((c) => c.id === id);
      if (hit) return this.commitmentAt(path, hit.line) ?? null;
    }
    return null;
  }

  // ---- whole-vault re-read -------------------------------------------------------------------

  /**
   * A re-read built aside (new reading settings, or a rescan): notes parsed with `settings` into
   * a store of their own, as the caller gives them (a few at a time if it likes), while this
   * index goes on answering with what it holds; `replaceWith` then takes that store over at once.
   */
  stage(settings: Partial<CoreSettings>): StagedRead {
    return new Aside(settings);
  }

  /**
   * Everything the index held replaced by a staged re-read, with one change event, so listeners
   * never see an empty or half-read index; nothing is parsed or filed here (the staged store did
   * that as it went), so the swap takes no time to speak of.
   */
  replaceWith(staged: StagedRead): void {
    if (!(staged instanceof Aside)) throw new Error('replaceWith takes what stage() returned');
    this.adopt(staged);
    this.emit([]);
  }

  /** Re-reads the vault in place: every entry parsed with `settings`, then swapped in at once. */
  replaceAll(settings: Partial<CoreSettings>, entries: Iterable<readonly [string, string]>): void {
    const staged = this.stage(settings);
    for (const [path, text] of entries) staged.add(path, text);
    this.replaceWith(staged);
  }

  // ---- diagnostics ---------------------------------------------------------------------------

  private twins: { at: string; list: Diagnostic[] } | null = null;

  /** Every note's diagnostics plus the ones only the whole vault can see, by path then line. */
  diagnostics(): Diagnostic[] {
    const entries = this.sessionEntries;
    const noteAt = (path: string) => this.notes.get(path)!;
    // The twins change only with the client notes (the directory's epoch), not with every session typed in.
    const twinsFor = `${this.epoch}:${this.directory.epoch}`;
    if (this.twins?.at !== twinsFor) this.twins = { at: twinsFor, list: clientTwins(this.directory.paths(), noteAt) };
    return vaultDiagnostics({
      noteAt,
      diagnosed: this.diagnosed,
      twins: this.twins.list,
      unsure: (function* (keys: Iterable<string>) {
        for (const k of keys) {
          const e = entries.get(k);
          if (e) yield e;
        }
      })(this.unsureSessions),
      resolve: (session) => this.resolveSession(session),
      blockIds: this.blockIds(),
    });
  }
}
