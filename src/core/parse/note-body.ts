/**
 * A session note's body, line by line: which lines are in an action list (a heading, a callout,
 * a label line), whose items they are, which heading opens a session of its own (a dated heading,
 * a daily note's section naming a client), and where each item and its details end. Each item
 * read goes to the ItemSink (note-items.ts), which decides whether it counts.
 *
 * One pass, no copy of a line on the common path. The state of the pass is the reader's fields,
 * so each kind of line (callout, heading, label, item) is a method of its own.
 */
import { HAS_COMMITMENT_TAG, COMMITMENT_TAG_NAME } from '../syntax/fields';
import type { CoreSettings } from '../settings';
import type { ParsedNote, Severity } from '../types';
import { findWrittenDate } from '../natural-dates';
import { CommentMask, unclosedWarning } from './comments';
import type { Open } from './commitment';
import { emptyDetails, readDetail } from './details';
import { ownerOfLabel } from './flexible';
import type { ConflictRegion } from './merge-conflicts';
import { headingKey, headingLevel, headingTitle, LABEL_ACTIONS, NOT_ACTIONS, sectionKind, SUMMARY_HEADING, WEAK_SECTION } from './headings';
import { endsWithColon, isBlank, indentWidth, isLetter, isSpaceCode, matchListItem, stripListMarker } from './lines';
import { toSessionNote } from './note-kind';
import { ItemSink, type OpenContext, type Owner } from './note-items';
import { basename } from './records';
import { bodyNextDate, type ClientRef, type SessionMeta } from './session-meta';
import { nameFromWords } from './session-names';
import { ActionTables } from './tables';
import { closesFence, FENCE_OPEN } from '../syntax/fences';

/** A label over a list of how earlier items went. */
const OUTCOME_LABEL = /^(?:outcomes?|results?|progress(?: on (?:last|previous) [a-z ]+)?|review of (?:last|previous) [a-z ]+|how (?:it|they) went)$/i;
const TAG_HINT = new RegExp(`#${COMMITMENT_TAG_NAME}`, 'i');
/** A label that opens an action list, for the test of where a label's list ends. */
const ACTION_LABEL_START = /^[ \t]*(?:\*\*|__)?(?:action items?|next steps?|follow-?ups?|homework|to-?dos?|commitments?)\b/i;
const LABEL_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:(?:\*\*|__)([^*_]{1,80}?)[ \t]*:?(?:\*\*|__)|([A-Za-z][^*_:[\]]{0,60}?))[ \t]*:[ \t]*$|^[ \t]*(?:\*\*|__)([^*_]{1,80}?)[ \t]*:?(?:\*\*|__)[ \t]*$/;
const BOLD_LEAD = /^[ \t]*(?:\*\*|__)([^*_]{1,80}?)[ \t]*:?(?:\*\*|__)/;
const DAILY_SAYS_SESSION = /\b(?:coaching|session|1:1|1-1|one-on-one|check-in|mentoring|therapy|counselling|counseling|supervision)\b/i;
/** A heading over boxes ticked off in the session rather than commitments: a checklist, an agenda, a competency self-check. */
const CHECKLIST_HEADING = /\b(?:checklists?|competenc(?:y|ies)|self-?assessment|self-?check|agenda|pre-?session|before (?:the )?session|session plan|icf|pcc|markers|topics?)\b/;
/** `sectionLevel` of a section a callout opened (deeper than any heading). */
const CALLOUT = 7;
/** `sectionLevel` of a list a label line opened. */
const LABEL = 8;

/** The first character after leading white space (NaN for a blank line), as `line.trimStart().charCodeAt(0)` without the copy. */
function firstCode(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return NaN;
}

type Diag = (line: number, severity: Severity, message: string) => void;

/** What note.ts worked out about the note before its body is read. */
export interface BodySetup {
  path: string;
  lines: readonly string[];
  bodyFrom: number;
  settings: CoreSettings;
  diag: Diag;
  result: ParsedNote;
  /** A section per session: dated headings, or a daily note's sections. */
  sections: boolean;
  daily: boolean;
  dailyDate: string | null;
  /** The client a dated heading's session is for (the note's own). */
  ownClient: ClientRef | null;
  /** A session note with no action heading: its checkboxes are its action items. */
  anyCheckbox: boolean;
  mayHaveComments: boolean;
  conflicts: readonly ConflictRegion[];
  meta: SessionMeta | null;
  keyLines: Record<string, number>;
}

type Section = 'action' | 'copy' | 'dated' | null;

export class BodyReader {
  private readonly s: BodySetup;
  private readonly flexible: boolean;
  private readonly sink: ItemSink;
  private readonly mask = new CommentMask();
  private readonly tables: ActionTables;
  private fence: string | null = null;
  private fenceFrom = -1;
  private commentFrom = -1;
  /** The level of the heading that opened `section` (CALLOUT, LABEL for the others); null outside one. */
  private sectionLevel: number | null = null;
  private section: Section = null;
  /** The dated section (or daily-note section) being read, as an index into result.sessions. */
  private current: number;
  private datedLevel: number | null = null;
  private ownerCtx: Owner | null = null;
  /** A label (`**Action items**:`, `- Follow-ups:`) opened a list; items deeper than this indent belong to it (-1: any). */
  private labelIndent: number | null = null;
  private weakSection = false;
  private sectionOwner: Owner | null = null;
  /** The level of a heading over a summary or an email draft (`## 📧 Meeting Summary (Email Draft)`), while inside it. */
  private summaryLevel: number | null = null;
  private open: Open | null = null;
  /** The level of a checklist or agenda heading while inside it (see heading), else null. */
  private checklistLevel: number | null = null;
  private openCtx: OpenContext | null = null;

  constructor(setup: BodySetup) {
    this.s = setup;
    this.flexible = setup.settings.layout.flexibleItems;
    this.sink = new ItemSink(setup.result, setup.settings, setup.conflicts, setup.diag);
    this.tables = new ActionTables(setup.diag);
    this.current = setup.result.sessions.length > 0 ? 0 : -1;
  }

  /** Inside a summary, once the session has its items: action lists there restate them, so are not read again. */
  private restates(): boolean {
    return this.summaryLevel !== null && this.sink.hasItems(this.current);
  }

  /** The section a dated heading or a callout ended falls back to. */
  private leaveSection(): void {
    this.section = this.datedLevel !== null ? 'dated' : null;
    this.sectionLevel = null;
  }

  private close(): void {
    if (this.open === null || this.openCtx === null) return;
    const open = this.open;
    const octx = this.openCtx;
    this.open = null;
    this.openCtx = null;
    this.sink.add(open, octx);
  }

  private startSection(lineNo: number, level: number, ref: ClientRef, date: string, weak: boolean): void {
    const { result, meta, path, keyLines } = this.s;
    const m: SessionMeta = { refs: [ref], date, next: null, status: 'held', coach: meta?.coach ?? (result.client?.coach ?? null) };
    result.sessions.push(toSessionNote(path, lineNo, ref, [], m, date, weak, keyLines));
    this.current = result.sessions.length - 1;
    this.datedLevel = level;
    this.sectionLevel = null;
    this.section = 'dated';
    this.ownerCtx = null;
  }

  read(): void {
    const { lines, bodyFrom } = this.s;
    for (let i = bodyFrom; i < lines.length; i++) this.line(lines[i], i);
    this.close();
    this.tables.end();
    const { result, diag } = this.s;
    // A code block or comment never closed hides the rest of the note: say so when items are in it.
    const hiddenFrom = this.fence !== null ? this.fenceFrom : this.mask.open !== null ? this.commentFrom : -1;
    if (hiddenFrom >= 0 && result.sessions.length > 0) unclosedWarning(lines, hiddenFrom, this.fence ?? this.mask.open!, diag);
  }

  private line(raw: string, i: number): void {
    if (this.fence !== null) {
      if (closesFence(raw, this.fence)) this.fence = null;
      if (this.open !== null && indentWidth(raw) > this.open.item.indent) this.open.endLine = i + 1;
      return;
    }
    let line = raw;
    if (this.s.mayHaveComments) {
      const was = this.mask.open;
      line = this.mask.visible(raw);
      if (was === null && this.mask.open !== null) this.commentFrom = i;
    }
    if (this.flexible && line.charCodeAt(indentWidth(line) > 0 ? line.search(/\S/) : 0) === 62 /* > */) {
      const inner = this.callout(line);
      if (inner === null) return;
      line = inner;
    } else if (this.sectionLevel === CALLOUT) {
      // The callout ended.
      this.close();
      this.leaveSection();
    }
    if (isBlank(line)) {
      this.tables.end();
      return;
    }
    const lead = firstCode(line);
    const f = lead === 96 /* ` */ || lead === 126 /* ~ */ ? FENCE_OPEN.exec(line) : null;
    if (f) {
      this.fence = f[1];
      this.fenceFrom = i;
      if (this.open !== null && indentWidth(line) > this.open.item.indent) this.open.endLine = i + 1;
      else this.close();
      return;
    }
    if (lead === 35 /* # */) {
      const level = headingLevel(line);
      if (level > 0) return this.heading(line, level, i);
    }
    this.body(line, raw, lead, i);
  }

  /** A callout line: its title may open an action section; returns the text inside it, or null when the line is done. */
  private callout(line: string): string | null {
    const callout = /^[ \t]*(?:>[ \t]?)+/.exec(line)![0];
    const inner = line.slice(callout.length);
    const title = /^\[!([\w-]{1,30})\][+-]?[ \t]*([^]*)$/.exec(inner);
    if (!title) return inner;
    this.close();
    const key = headingKey(title[2].trim() || title[1]);
    const k = sectionKind(key, this.s.settings, true) ?? (/^(?:todo|tasks?|actions?)$/i.test(title[1]) ? 'action' : null);
    if (k !== null && this.current >= 0) {
      this.section = k;
      this.sectionLevel = CALLOUT;
    } else if (this.sectionLevel === CALLOUT) {
      this.leaveSection();
    }
    return null;
  }

  private heading(line: string, level: number, i: number): void {
    const { sections, ownClient, daily, dailyDate, settings, result } = this.s;
    const layout = settings.layout;
    this.close();
    this.tables.end();
    const title = headingTitle(line, level);
    const key = headingKey(title);
    // A checklist, an agenda or a competency self-check (`## ICF competencies`, `## Agenda`): its
    // boxes are ticked off in the session, not commitments, where a note's checkboxes would be
    // (a dated section, or a note without an action heading: only there is it asked).
    if (this.checklistLevel !== null && level <= this.checklistLevel) this.checklistLevel = null;
    if (this.checklistLevel === null && (sections || this.s.anyCheckbox) && CHECKLIST_HEADING.test(key)) this.checklistLevel = level;
    if (this.datedLevel !== null && level <= this.datedLevel) {
      this.datedLevel = null;
      this.section = null;
      this.sectionLevel = null;
      this.current = sections ? -1 : this.current;
    }
    // A dated heading (`## 2026-11-20`) opens a session of its own in a note with a section per session.
    if (sections && ownClient !== null && title.length <= 120) {
      const found = findWrittenDate(title, layout.dateOrder);
      if (found) return this.startSection(i + 1, level, ownClient, found.date, false);
    }
    // A daily note's section naming a client (`## Coaching with [[Ben Carter]]`).
    if (daily && dailyDate !== null && title.length <= 120) {
      const link = /\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]/.exec(title);
      const name = link ? basename(link[1]) : nameFromWords(title.replace(/[^\p{L}\p{N}' -]/gu, ' '));
      if (name) return this.startSection(i + 1, level, { name, target: link ? link[1] : name, source: 'heading' }, dailyDate, !(DAILY_SAYS_SESSION.test(title) && link));
    }
    if (this.sectionLevel !== null && level <= this.sectionLevel) {
      this.leaveSection();
      this.ownerCtx = null;
    }
    this.labelIndent = null;
    if (this.summaryLevel !== null && level <= this.summaryLevel) this.summaryLevel = null;
    if (this.flexible && this.summaryLevel === null && SUMMARY_HEADING.test(key)) this.summaryLevel = level;
    if (this.sectionLevel === null) {
      const k = this.current >= 0 || !sections ? sectionKind(key, settings, this.flexible) : null;
      if (k === null || this.restates()) return;
      this.sectionLevel = level;
      this.section = k;
      // `Client Action Items`, `Coach Follow-up Tasks`: the heading says whose items it holds.
      const ictx = this.flexible ? this.sink.ctxFor(this.current) : null;
      this.sectionOwner = ictx ? ownerOfLabel(title, ictx) : null;
      this.ownerCtx = this.sectionOwner;
      this.weakSection = this.flexible && WEAK_SECTION.test(key);
      // Where carried items are written: the client's section, never the coach's own list.
      if (this.current >= 0 && k === 'action' && this.sectionOwner?.owner !== 'coach') result.sessions[this.current].commitmentsHeadingLine ??= i + 1;
    } else if (this.flexible) {
      // A sub-heading inside an action-items section: whose items follow, or the end of them.
      const ictx = this.sink.ctxFor(this.current);
      const who = ictx ? ownerOfLabel(title, ictx) : null;
      // Any other sub-heading (`### Shared/Follow-up`) ends the previous owner's items; the
      // section's own owner (`## Coach Follow-up Tasks`) holds for all of them.
      this.ownerCtx = who ?? this.sectionOwner;
      if (who === null && (NOT_ACTIONS.test(key) || (this.weakSection && sectionKind(key, settings, true) === null))) this.leaveSection();
    }
    // Our own format: deeper sub-headings stay inside the section.
  }

  /** Any line that is not a heading, a fence or blank: a detail, a table row, a next date, a label or an item. */
  private body(line: string, raw: string, lead: number, i: number): void {
    const { result, lines, settings } = this.s;
    const indent = indentWidth(line);
    if (this.open !== null && indent > this.open.item.indent) {
      readDetail(this.open.details, stripListMarker(line), i + 1);
      this.open.endLine = i + 1;
      return;
    }
    this.close();
    if (this.current < 0) return;
    if (this.section === 'action' && line.includes('|') && matchListItem(line) === null && this.tables.isRow(line, lines[i + 1])) {
      this.tables.row(line, i);
      return;
    }
    this.tables.end();
    const session = result.sessions[this.current];
    // Only a line that can start `Next`, `**Next`, `__Next`, `- Next` or `→ Next` is tried.
    if (this.datedLevel !== null && session.next === null && indent === 0 && (lead === 42 || lead === 45 || lead === 95 || lead === 78 || lead === 110 || lead > 127)) {
      // `**Next Session**: 2026-10-21` inside a dated section books that section's next session.
      const next = bodyNextDate(line, settings.layout.dateOrder);
      if (next !== null && next > session.date) {
        session.next = next;
        return;
      }
    }
    if (this.label(line, lead, indent)) return;
    // Outside a commitments section only a tagged checkbox matters; prose lines end here.
    // (`includes` first: a plain search, where the pattern ignores case; most prose has no `#`.)
    const section = this.section;
    if (section === null && !this.s.anyCheckbox && !(line.includes('#') && TAG_HINT.test(line))) return;
    const item = matchListItem(line);
    if (item === null) return;
    const tagged = item.box !== null && item.content.includes('#') && HAS_COMMITMENT_TAG.test(item.content);
    // In a dated section without an action-items heading, its checkboxes are its commitments.
    const inDated = (section === 'dated' || (this.s.anyCheckbox && section === null)) && item.box !== null && item.indent === 0 && this.checklistLevel === null;
    if (section === 'action' || section === 'copy' || inDated || tagged) {
      this.open = { item, line: i + 1, raw, tagged: section === null || (section === 'dated' && !inDated), details: emptyDetails(), endLine: i + 1 };
      this.openCtx = { session: this.current, owner: this.ownerCtx, copy: section === 'copy' };
    }
  }

  /**
   * A label line (`**Action items**:`, `**For Ben**:`, `- Follow-ups:`) opens a list of action
   * items, or says whose items follow; a label's list ends at its first line outside it. True
   * when the line was a label, and so is done.
   */
  private label(line: string, lead: number, indent: number): boolean {
    if (this.labelIndent !== null && this.labelIndent >= 0 && indent <= this.labelIndent && matchListItem(line) !== null) {
      this.labelIndent = null;
      if (this.sectionLevel === LABEL) this.leaveSection();
    }
    // A label's list ends at the first line that is not part of a list (another label, a paragraph).
    if (this.sectionLevel === LABEL && this.labelIndent === -1 && matchListItem(line) === null && !ACTION_LABEL_START.test(line)) {
      const bold = BOLD_LEAD.exec(line);
      const ictx = this.sink.ctxFor(this.current);
      if (!(bold && ictx && ownerOfLabel(bold[1], ictx))) {
        this.leaveSection();
        this.labelIndent = null;
      }
    }
    // `**Action items**:`, `- Follow-ups:`, or a plain `Action Items:` line.
    if (!this.flexible || line.length > 120 || !(lead === 42 || lead === 95 || lead === 45 || lead === 43 || (isLetter(lead) && endsWithColon(line)))) return false;
    const label = LABEL_LINE.exec(line);
    const text = label ? (label[1] ?? label[2] ?? label[3] ?? '').trim() : null;
    if (!text) return false;
    const ictx = this.sink.ctxFor(this.current);
    const who = ictx ? ownerOfLabel(text, ictx) : null;
    const bullet = /^[ \t]*[-*+][ \t]/.test(line);
    if (OUTCOME_LABEL.test(text) && this.section !== 'action') {
      // `**Outcome:**` over a list of ✅/❌ lines: how the earlier items went.
      this.section = 'copy';
      this.sectionLevel = LABEL;
      this.labelIndent = bullet ? indent : -1;
      return true;
    }
    const opensList = who !== null || LABEL_ACTIONS.test(text);
    if (!opensList) return false;
    if (this.restates()) return true;
    this.ownerCtx = who ?? (this.section === 'action' ? this.ownerCtx : null);
    if (this.section !== 'action' && this.section !== 'copy') {
      this.section = 'action';
      this.sectionLevel = LABEL;
    }
    this.labelIndent = bullet ? indent : -1;
    return true;
  }
}
