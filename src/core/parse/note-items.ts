/**
 * Where a session note's items go once read: each finished item is checked against the ones
 * before it (the same bare item twice, both sides of a merge conflict, a block id used twice, a
 * group session's item that names no one) and kept, or filed as a copy of an earlier item.
 * note-body.ts reads the lines; this decides what of them counts.
 */
import type { CoreSettings } from '../settings';
import type { ParsedCommitment, ParsedNote, Severity } from '../types';
import { applyFlexible, copiedItem, finishCommitment, notAnItem, type Open } from './commitment';
import { sameName, type ItemContext } from './flexible';
import { firstSide, sameItem, secondSideOf, type ConflictRegion } from './merge-conflicts';

export type Owner = { owner: string; person: string | null };

/** Where an open item was met: its session (an index into the note's sessions), whose items were being read, and whether they are copies. */
export interface OpenContext {
  session: number;
  owner: Owner | null;
  copy: boolean;
}

type Diag = (line: number, severity: Severity, message: string) => void;

export class ItemSink {
  // Each made when first needed: most notes never use one, and the reader runs once per note.
  /** The sessions (indexes into result.sessions) that have a commitment read so far. */
  private withItems: Set<number> | null = null;
  /** Block ids read so far, and their lines. */
  private ids: Map<string, number> | null = null;
  /** Items without an id read so far: the same one written twice counts once. */
  private written: Set<string> | null = null;

  constructor(
    private readonly result: ParsedNote,
    private readonly settings: CoreSettings,
    private readonly conflicts: readonly ConflictRegion[],
    private readonly diag: Diag,
  ) {}

  /** Whether session `i` (an index into result.sessions) has a commitment read so far. */
  hasItems(i: number): boolean {
    return this.withItems?.has(i) ?? false;
  }

  /** What the flexible reader needs to know of session `i` (null when there is none). */
  ctxFor(i: number): ItemContext | null {
    const sn = this.result.sessions[i];
    return sn ? { layout: this.settings.layout, sessionDate: sn.date, next: sn.next, leadDays: this.settings.dueLeadDays, clients: [sn.clientRef, ...sn.attendees] } : null;
  }

  /** Finishes an item the reader has closed and keeps it, or not. */
  add(open: Open, octx: OpenContext): void {
    const { result, settings, diag } = this;
    const flexible = settings.layout.flexibleItems;
    const sessionIdx = octx.session;
    const c = finishCommitment(open, diag, settings);
    if (!c || sessionIdx < 0) return;
    const sn = result.sessions[sessionIdx];
    c.sessionIndex = sessionIdx;
    if (flexible) {
      const ictx = this.ctxFor(sessionIdx);
      if (ictx) applyFlexible(c, ictx, octx.owner);
      if (notAnItem(c.text)) return;
    }
    if (octx.copy) {
      sn.copies.push(copiedItem(c));
      return;
    }
    if (c.text === '' && c.id === null) return;
    // The same item written twice in one session of another template (under a topic's
    // `**Action Items:**` and again in the note's action items): one commitment.
    // A bare restatement only: one with details of its own (a check-in, a plan, a note) is kept.
    if (flexible && c.id === null && c.checkIns.length === 0 && c.trigger === null && c.coping === null && c.notes.length === 0 && c.learned.length === 0 && c.confidence === null) {
      const key = `${sessionIdx}\u0000${c.owner}\u0000${c.status}\u0000${c.due}\u0000${c.text}`;
      if (this.written?.has(key)) return;
      (this.written ??= new Set()).add(key);
    }
    if (this.conflicts.length > 0) {
      // An item on both sides of a merge conflict counts once, as the first side has it.
      const r = secondSideOf(this.conflicts, c.line);
      const [from, to] = r ? firstSide(r) : [0, 0];
      if (r && result.commitments.some((x) => x.line - 1 >= from && x.line - 1 < to && sameItem(x, c))) return;
    }
    if (c.from !== null && c.from === c.id) {
      // Carried from itself: no earlier commitment to continue, so the link is dropped, said here.
      diag(c.line, 'warning', `carried from ^${c.from}, its own block id; write the id of the earlier commitment this one carries forward, or delete [from:: ${c.from}] if it is new`);
      c.from = null;
    }
    if (c.id !== null) {
      const seen = this.ids?.get(c.id);
      if (seen !== undefined) diag(c.line, 'warning', `block id ^${c.id} is also used on line ${seen}; an id names one commitment: change or delete one of the two`);
      else (this.ids ??= new Map()).set(c.id, c.line);
    }
    if (sn.attendees.length > 0 && c.person === null && c.owner !== 'coach' && !flexible) namedPerson(c, [sn.clientRef, ...sn.attendees]);
    if (sn.attendees.length > 0 && c.person === null && c.owner !== 'coach') {
      diag(c.line, 'warning', `group session: this item names none of ${[sn.clientRef, ...sn.attendees].join(', ')}; start it with the person's name (e.g. '${sn.attendees[0]}: …') to count it`);
      return;
    }
    result.commitments.push(c);
    (this.withItems ??= new Set()).add(sessionIdx);
  }
}

/** `Name: …` leading an item's text. */
const PERSON_LEAD = /^(?:\*\*|__)?([^\s:*_][^:*_]{0,60}?)(?:\*\*|__)?[ \t]*:[ \t]+(?=\S)/;

/**
 * In a group session of our own format, the person an item names first (`Ben: send the deck`,
 * `**Ben Ortiz**: …`), as the group-session warning asks: the item is theirs, and the name leaves
 * its text. (The flexible layout reads this and more ways of naming an owner; see ./flexible.)
 */
function namedPerson(c: ParsedCommitment, people: readonly string[]): void {
  const m = PERSON_LEAD.exec(c.text);
  if (!m) return;
  const who = people.find((p) => sameName(p, m[1]));
  if (who === undefined) return;
  c.person = who;
  c.text = c.text.slice(m[0].length);
}
