/**
 * What the views call: one method per thing a coach does to a commitment. Each builds the core
 * edit from what the index knows and hands it to the applier; none writes a note itself.
 */
import { capture, defaultDueDate, type CaptureItem } from '../core/edit/capture';
import { checkIn, type CheckInOptions } from '../core/edit/check-in';
import { modify, recommit, type ModifyOptions } from '../core/edit/carry';
import { releaseAccountability } from '../core/edit/frontmatter-edit';
import { pickFrontmatterKey } from '../core/parse/records';
import { letGo } from '../core/edit/let-go';
import { resolveDateStyle, vaultDateConvention, type DateStyle } from '../core/edit/date-style';
import { planCarryTarget, type SessionNoteSettings } from '../core/edit/session-note';
import { refuse, type EditTarget, type RandomSource, type Refusal } from '../core/edit/types';
import type { VaultIndex } from '../core/index/vault-index';
import type { Commitment, Coping, IsoDate } from '../core/types';
import { noteName, type AppliedEdit, type ApplyResult, type Applier } from './applier';

export interface CommitmentActionsOptions {
  /** Today's date in the coach's time zone (`localToday()` in the plugin; fixed in tests). */
  today: () => IsoDate;
  random?: RandomSource;
  sessionNotes?: () => SessionNoteSettings;
  /** "Write dates for": Tasks (emoji), Dataview (inline fields), or auto (what the vault uses). */
  dateStyle?: () => DateStyle;
}

/** The line an edit of `c` expects, as the index last read it. */
export function targetOf(c: Pick<Commitment, 'session' | 'line' | 'raw' | 'id'>): EditTarget {
  return { path: c.session, line: c.line, expectedText: c.raw, id: c.id };
}

export class CommitmentActions {
  constructor(
    private readonly index: VaultIndex,
    private readonly applier: Applier,
    private readonly options: CommitmentActionsOptions,
  ) {}

  private get random(): RandomSource {
    return this.options.random ?? Math.random;
  }

  private reservedIds(): Set<string> {
    const ids = new Set<string>();
    for (const c of this.index.commitments()) if (c.id) ids.add(c.id.toLowerCase());
    return ids;
  }

  checkIn(c: Commitment, options: Omit<CheckInOptions, 'today' | 'settings'>): Promise<ApplyResult> {
    const today = this.options.today();
    return this.indexed(this.applier.applyEdit(c.session, (text) => checkIn(text, targetOf(c), { ...options, today, settings: this.index.settings })));
  }

  letGo(c: Commitment, options: { reason?: string | null; learned?: string | null } = {}): Promise<ApplyResult> {
    const today = this.options.today();
    return this.indexed(this.applier.applyEdit(c.session, (text) => letGo(text, targetOf(c), { ...options, today, settings: this.index.settings })));
  }

  /** Captures a session note's commitments; `items` as confirmed by the coach, or all uncaptured. */
  capture(path: string, items?: readonly CaptureItem[]): Promise<ApplyResult> {
    const session = this.index.note(path)?.session ?? null;
    const client = session ? this.index.clientOfSession(session) : null;
    const defaultDue = session && client ? defaultDueDate(session, client.cadence, this.index.settings.dueLeadDays) : null;
    const reservedIds = this.reservedIds();
    const fieldStyle = this.options.dateStyle ? resolveDateStyle(this.options.dateStyle(), () => vaultDateConvention(this.index.commitments())) : undefined;
    return this.indexed(this.applier.applyEdit(path, (text) => capture(text, path, { items, defaultDue, random: this.random, reservedIds, settings: this.index.settings, fieldStyle })));
  }

  recommit(c: Commitment, options: { due?: IsoDate; confidence?: number } = {}): Promise<ApplyResult> {
    return this.carry('recommit', c, options);
  }

  modify(c: Commitment, options: { text?: string; trigger?: string | null; coping?: Coping | null; due?: IsoDate; confidence?: number }): Promise<ApplyResult> {
    return this.carry('modify', c, options);
  }

  releaseAccountability(clientName: string, until: IsoDate | null): Promise<ApplyResult> {
    const client = this.index.client(clientName);
    const path = client?.path ?? null;
    if (path === null) {
      return this.applier.applyChanges({ ok: false, reason: `${clientName} has no client note to record the release in; nothing was changed.` });
    }
    // A key change: written through the host's frontmatter API, after the text edit has checked it.
    const aliases = this.index.settings.keyAliases.paused_until ?? [];
    const change = (fm: Record<string, unknown>) => {
      const key = pickFrontmatterKey(Object.keys(fm), 'paused_until', aliases) ?? 'paused_until';
      if (until === null) delete fm[key];
      else fm[key] = until;
    };
    return this.indexed(this.applier.applyFrontmatter(path, change, (text) => releaseAccountability(text, path, until, this.index.settings)));
  }

  /** The edit undo would take back now (the applier's newest), so a view can undo the edit it made and no other. */
  lastEdit(): AppliedEdit | undefined {
    return this.applier.history.at(-1);
  }

  /**
   * Takes back the newest applied edit (the applier's guarded undo) and re-reads its notes into the
   * index. With `expected`, only if that edit is still the newest: a later edit is never undone in
   * its place.
   */
  undo(expected?: AppliedEdit): Promise<ApplyResult> {
    if (expected && this.applier.history.at(-1) !== expected) {
      return this.applier.applyChanges({
        ok: false,
        reason: `Cannot undo "${expected.summary}": another edit was made after it. Undo that one first ("Undo the last commitment edit" in the command palette), or change the note by hand.`,
      });
    }
    return this.indexed(this.applier.undo());
  }

  /**
   * Reads the notes an applied edit wrote back into the index at once, so the next action (a second
   * tap, a second recommit into the note the first one created) plans from them; Obsidian's
   * metadata cache re-reads the same text a moment later, which changes nothing.
   */
  private async indexed(pending: Promise<ApplyResult>): Promise<ApplyResult> {
    const r = await pending;
    if (r.ok) {
      for (const path of r.changed) {
        let text: string | null;
        try {
          text = await this.applier.read(path);
        } catch {
          continue; // written, but not readable just now: Obsidian's metadata cache re-reads it
        }
        if (text === null) this.index.removeNote(path);
        else this.index.setNote(path, text);
      }
    }
    return r;
  }

  /** A note's text for an edit to be computed from, or the refusal saying why it cannot be had. */
  private async readForEdit(path: string): Promise<string | Refusal> {
    try {
      const text = await this.applier.read(path);
      return text ?? refuse(`${noteName(path)} does not exist (was it moved or deleted?); nothing was changed.`);
    } catch (e) {
      return refuse(`${noteName(path)} could not be read (${(e as Error).message}); nothing was changed. Try again.`);
    }
  }

  private async carry(kind: 'recommit' | 'modify', c: Commitment, options: Partial<ModifyOptions>): Promise<ApplyResult> {
    const today = this.options.today();
    const client = this.index.client(c.client);
    const sessions = client ? this.index.sessionsOf(client) : [];
    const from = sessions.find((s) => s.key === c.sessionKey) ?? sessions.find((s) => s.path === c.session);
    if (!client || !from) return this.applier.applyChanges({ ok: false, reason: `${c.session} is not an indexed session note; nothing was changed.` });
    const plan = planCarryTarget({
      client: { name: client.name, cadence: client.cadence },
      from,
      sessions,
      today,
      leadDays: this.index.settings.dueLeadDays,
      noteSettings: this.options.sessionNotes?.(),
      settings: this.index.settings,
      // The vault, not the index: a note this plugin created a moment ago may not be indexed yet.
      exists: (p) => this.index.note(p) !== undefined || this.applier.exists(p),
    });
    const source = await this.readForEdit(c.session);
    if (typeof source !== 'string') return this.applier.applyChanges(source);
    let destText: string;
    if (plan.kind === 'new') destText = plan.text;
    else {
      const t = plan.path === c.session ? source : await this.readForEdit(plan.path);
      if (typeof t !== 'string') return this.applier.applyChanges(t);
      destText = t;
    }
    const into = { path: plan.path, text: destText, isNew: plan.kind === 'new', defaultDue: plan.defaultDue };
    const opts = { ...options, today, random: this.random, reservedIds: this.reservedIds(), settings: this.index.settings };
    const result = kind === 'recommit' ? recommit(source, targetOf(c), into, opts) : modify(source, targetOf(c), into, opts);
    return this.indexed(this.applier.applyChanges(result));
  }
}
