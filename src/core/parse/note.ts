/**
 * One note's text in, its client or session record, its commitments and its diagnostics out.
 * Pure and total: whatever the text, it returns a result and never throws.
 */
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { CheckboxStatus, CommitmentStatus, Diagnostic, ParsedCommitment, ParsedNote, Severity } from '../types';
import { classifyKind } from './classify';
import { emptyDetails, readDetail, type Details } from './details';
import { parseLineFields } from './fields';
import { readFrontmatter, type Frontmatter } from './frontmatter';
import { isBlank, indentWidth, matchListItem, splitLines, stripListMarker, type ListItem } from './lines';
import { readClientNote, frontmatterLookup, basename } from './records';
import { findWrittenDate } from '../natural-dates';
import { inFolders, type NoteLayout } from '../layout/layout';
import type { CopiedItem, SessionNote } from '../types';
import { filenameParts, hasSessionTag, inSessionFolder, nameFromWords, readSessionMeta, typeValues, type ClientRef, type SessionMeta } from './session-meta';
import { ownerOfLabel, readFlexibleItem, type ItemContext } from './flexible';

const BOX_STATUS: Record<string, CheckboxStatus> = {
  ' ': 'open',
  x: 'done',
  X: 'done',
  '/': 'partial',
  '?': 'stuck',
  '-': 'let-go',
  '>': 'recommitted',
};

// Linear-time: the title is taken whole and trimmed in code, never by a lazy group before a run of spaces.
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]([^]*))?$/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;
const TAG_HINT = /#commitment/i;

const normalised = new Map<string, string>();

/** A heading's title as compared with the commitments headings (cached: titles repeat a lot). */
function headingKey(title: string): string {
  let key = normalised.get(title);
  if (key === undefined) {
    key = normaliseHeading(title);
    if (normalised.size > 10_000) normalised.clear();
    normalised.set(title, key);
  }
  return key;
}

export function normaliseHeading(title: string): string {
  // A heading longer than this is prose, not a section name; capping it keeps the work per line bounded.
  return title
    .slice(0, 200)
    .replace(/[ \t]+#+$/, '')
    .replace(/[*_`]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const headingSets = new WeakMap<readonly string[], Set<string>>();
const prefixLists = new WeakMap<readonly string[], string[]>();

/** Action-item headings of other templates (`Next steps`, `To do`…), matched as a prefix of the title. */
const LAYOUT_ACTION_HEADINGS = ['next steps', 'next actions', 'action items', 'action points', 'actions', 'to do', 'to-do', 'todo', 'todos', 'takeaways', 'follow-ups', 'follow ups', 'followups', 'plan', 'homework', 'commitments', 'between sessions', 'tasks', 'assignments', 'agreed actions'];

/** Headings that copy earlier items forward ("Outstanding action items", "Last time's action items"). */
const COPY_HEADING = /\b(?:outstanding|open|previous|prior|last (?:time|session|week|meeting|1:1)|from (?:the )?(?:last|previous)|carried(?: over| forward)?|review(?:ing)? (?:of )?(?:last|previous|prior))\b[^]{0,60}\b(?:action items?|actions?|commitments?|tasks?|to-?dos?|next steps?|homework|items?)\b|^(?:carried over|carried forward|outstanding)$/;

function layoutPrefixes(settings: CoreSettings): string[] {
  const extra = settings.layout.actionHeadings;
  let list = prefixLists.get(extra);
  if (!list) prefixLists.set(extra, (list = [...new Set([...LAYOUT_ACTION_HEADINGS, ...extra.map(normaliseHeading)])]));
  return list;
}

/** Whether a heading title opens an action-items section under this layout, and of which kind. */
function sectionKind(key: string, settings: CoreSettings, flexible: boolean): 'action' | 'copy' | null {
  if (flexible && COPY_HEADING.test(key)) return 'copy';
  if (headingSet(settings).has(key)) return 'action';
  if (!flexible && settings.layout.actionHeadings.length === 0) return null;
  for (const p of flexible ? layoutPrefixes(settings) : settings.layout.actionHeadings.map(normaliseHeading)) {
    if (key === p) return 'action';
    if (key.startsWith(p) && /^[\s(:&/,-]/.test(key.slice(p.length))) return 'action';
  }
  return null;
}

/** The settings' heading names, normalised once per settings object rather than once per note. */
function headingSet(settings: CoreSettings): Set<string> {
  let set = headingSets.get(settings.commitmentHeadings);
  if (!set) headingSets.set(settings.commitmentHeadings, (set = new Set(settings.commitmentHeadings.map(normaliseHeading))));
  return set;
}

/** Hides HTML (`<!-- -->`) and Obsidian (`%% %%`) comments, which may span lines. */
class CommentMask {
  private html = false;
  private obsidian = false;

  visible(line: string): string {
    if (!this.html && !this.obsidian && !line.includes('<!--') && !line.includes('%%')) return line;
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (this.html || this.obsidian) {
        const close = this.html ? line.indexOf('-->', i) : line.indexOf('%%', i);
        if (close < 0) return out;
        i = close + (this.html ? 3 : 2);
        this.html = this.obsidian = false;
        continue;
      }
      const h = line.indexOf('<!--', i);
      const o = line.indexOf('%%', i);
      if (h < 0 && o < 0) {
        out += line.slice(i);
        break;
      }
      const isHtml = h >= 0 && (o < 0 || h < o);
      const at = isHtml ? h : o;
      out += line.slice(i, at);
      if (isHtml) this.html = true;
      else this.obsidian = true;
      i = at + (isHtml ? 4 : 2);
    }
    return out;
  }
}

interface Open {
  item: ListItem;
  line: number; // 1-based
  raw: string;
  tagged: boolean;
  details: Details;
  endLine: number;
}

function deriveStatus(box: CheckboxStatus, details: Details): CommitmentStatus {
  if (box !== 'open') return box;
  let latest = null as (typeof details.checkIns)[number] | null;
  for (const c of details.checkIns) {
    if (c.status === 'nudged') continue;
    if (latest === null || c.date >= latest.date) latest = c;
  }
  return latest ? (latest.status as Exclude<typeof latest.status, 'nudged'>) : 'open';
}

export function parseNote(path: string, text: string, settings: CoreSettings = DEFAULT_CORE_SETTINGS): ParsedNote {
  try {
    return parseNoteUnchecked(path, text, settings);
  } catch (e) {
    return {
      path,
      type: null,
      client: null,
      session: null,
      sessions: [],
      commitments: [],
      diagnostics: [{ path, line: 1, severity: 'error', message: `note could not be read: ${(e as Error).message}` }],
    };
  }
}

type NoteKind = { type: 'client' | 'session' | null; strong: boolean; daily: boolean; byFolder?: boolean };

function classify(fm: Frontmatter | null, lines: string[], path: string, settings: CoreSettings, diag: (line: number, severity: Severity, message: string) => void): NoteKind {
  const layout = settings.layout;
  const none: NoteKind = { type: null, strong: false, daily: false };
  if (layout.ignoreFolders.length > 0 && inFolders(path, layout.ignoreFolders)) return none;
  const data = fm?.data ?? {};
  const types = fm ? typeValues(data, settings) : [];
  if (types.some((t) => t === 'client' || layout.clientTypes.includes(t))) return { type: 'client', strong: true, daily: false };
  if (types.some((t) => t === 'session' || layout.sessionTypes.includes(t))) return { type: 'session', strong: true, daily: false };
  if (hasSessionTag(data, lines, fm ? fm.endLine : 0, layout)) return { type: 'session', strong: true, daily: false };
  if (inSessionFolder(path, settings)) {
    const other = types.find((t) => t !== '');
    if (other !== undefined && ['agreement', 'review', 'template', 'index', 'moc', 'dashboard'].includes(other)) return none;
    if (other !== undefined && settings.layout.sessionTypes.length > 1 && !/^(?:note|notes|meeting|meetings)$/.test(other)) {
      diag(fm ? fm.startLine : 1, 'warning', `note is in a sessions folder but has type '${other}'; read as a session (add '${other}' to the session types, or move the note, if that is wrong)`);
    }
    return { type: 'session', strong: true, daily: false, byFolder: true };
  }
  if (layout.dailyNotesFolder.trim() !== '' && inFolders(path, [layout.dailyNotesFolder.replace(/\/+$/, '')])) {
    return { type: 'session', strong: false, daily: true };
  }
  if (layout.clientFromFilename && layout.dateFromFilename) {
    const parts = filenameParts(path, layout);
    if (parts.date && parts.name) return { type: 'session', strong: false, daily: false };
  }
  // A person file with a dated heading per meeting (`### 2026-09-10 – Kickoff`).
  if (layout.datedSections && types.length === 0 && datedHeadings(lines, fm ? fm.endLine : 0, layout) >= 2) return { type: 'session', strong: true, daily: false };
  return none;
}

/** How many headings carry a full date. */
function datedHeadings(lines: string[], from: number, layout: NoteLayout): number {
  let n = 0;
  for (let i = from; i < lines.length && i < from + 5000; i++) {
    const l = lines[i];
    if (l.charCodeAt(0) !== 35 && !l.startsWith(' ')) continue;
    if (l.length > 200) continue;
    const h = HEADING.exec(l);
    if (h && findWrittenDate(h[2] ?? '', layout.dateOrder)) n++;
  }
  return n;
}

/** Sections that name actions only through their sub-headings (a SOAP note's `Plan`). */
const WEAK_SECTION = /^(?:plan|takeaways|follow-?ups?)\b/;
/** A label line or bullet (`**Action items**:`, `- Follow-ups:`) opening a list of action items. */
const LABEL_ACTIONS = /^(?:action items?|actions?|action points|next steps?|follow-?ups?(?: needed)?|homework|to-?dos?|commitments?|tasks?|assignments?)$/i;

function toSessionNote(path: string, line: number | null, ref: ClientRef, others: ClientRef[], meta: SessionMeta, date: string, weak: boolean, keyLines: Record<string, number>): SessionNote {
  return {
    path,
    line,
    key: line === null ? path : `${path}#${line}`,
    weak,
    attendees: others.map((r) => r.name),
    copies: [],
    clientRef: basename(ref.target),
    clientTarget: ref.target,
    date,
    next: meta.next,
    status: meta.status,
    coach: meta.coach,
    commitmentsHeadingLine: null,
    keyLines,
  };
}

/** Per-client globs (`1-1s/*​/`) say each sub-folder is a client: its name is then enough. */
function folderIsClient(path: string, settings: CoreSettings): boolean {
  return settings.layout.sessionFolders.some((g) => /\*\/(?:\*\*)?$/.test(g.trim()) && inFolders(path, [g]));
}

/** Template sub-sections inside an action-items section that are not action items (`### Next 1:1`). */
const NOT_ACTIONS = /^(?:next (?:1:1|1-1|one-on-one|meeting|session|touchpoint|call|check-in)|follow-?ups? (?:&|and) check-?ins?|check-?ins?|notes?|discussion|agenda|summary|questions?|decisions?|parking lot|reflections?|insights?|wins?|feedback|context|topics?|updates?|blockers?|risks?|transcript|original transcript|task views?|tasks? (?:view|query)|queries|dataview)\b/;

const LOOKS_LIKE_ACTIONS = /^(?:commitments?|action items?|action points|next steps|next actions|to ?-?do|todos|takeaways|follow-?ups|homework|between sessions|tasks)\b/;

function parseNoteUnchecked(path: string, text: string, settings: CoreSettings): ParsedNote {
  const diagnostics: Diagnostic[] = [];
  const diag = (line: number, severity: Severity, message: string) => diagnostics.push({ path, line, severity, message });
  const result: ParsedNote = { path, type: null, client: null, session: null, sessions: [], commitments: [], diagnostics };
  const layout = settings.layout;
  const flexible = layout.flexibleItems;

  const { lines } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (fm?.error) {
    // Only worth a word when the note looks like one of ours.
    if (/^type[ \t]*:[ \t]*["']?(?:client|session)\b/im.test(lines.slice(0, 40).join('\n')) || fm.endLine > 0) {
      diag(fm.error.line, 'error', fm.error.message);
    }
    return result;
  }
  if (fm) caseDuplicateKeys(fm, diag);
  const kind = classify(fm, lines, path, settings, diag);
  result.type = kind.type;
  const bodyFrom = fm ? fm.endLine : 0;
  if (kind.type === 'client') {
    result.client = readClientNote(path, fm!, settings, diag);
    if (!layout.datedSections) return result;
  } else if (kind.type !== 'session') {
    looksLikeSession(lines, bodyFrom, fm, path, settings, diag);
    return result;
  }

  // The sessions this note holds.
  const meta: SessionMeta | null = kind.type === 'session' && !kind.daily ? readSessionMeta(path, fm, lines, bodyFrom, settings, diag) : null;
  const keyLines = fm ? fm.keyLines : {};
  const sections =
    kind.daily ||
    kind.type === 'client' ||
    (layout.datedSections && meta !== null && !fmHasDate(fm, settings) && datedHeadings(lines, bodyFrom, layout) >= 2);
  if (!sections && meta !== null && kind.byFolder && meta.date === null && !diagnostics.some((d) => d.severity === 'error')) {
    // A profile or index note kept beside the sessions: no date of its own, so not a session.
    diag(fm ? fm.startLine : 1, 'warning', 'note is in a sessions folder but has no date (frontmatter, file name or a Date: line); not read as a session');
    return result;
  }
  if (!sections && meta !== null) {
    const hasError = diagnostics.some((d) => d.severity === 'error');
    if (meta.refs.length === 0) {
      diag(fm ? keyLine(fm, 'client', settings) : 1, 'error', fmHas(fm, 'client', settings) ? 'session note client is not a name or [[link]]' : 'session note has no client');
    }
    if (meta.date === null && !hasError) diag(fm ? keyLine(fm, 'date', settings) : 1, 'error', 'session note has no date');
    if (meta.refs.length === 0 || meta.date === null) return result;
    const first = meta.refs[0];
    const weak = !kind.strong || (first.source === 'folder' && !folderIsClient(path, settings));
    result.sessions.push(toSessionNote(path, null, first, meta.refs.slice(1), meta, meta.date, weak, keyLines));
  }
  const dailyDate = kind.daily ? filenameParts(path, layout).date : null;
  if (kind.daily && dailyDate === null) return result;
  let ownClient: ClientRef | null = kind.type === 'client' && result.client ? { name: result.client.name, target: path.replace(/\.md$/i, ''), source: 'note' } : meta?.refs[0] ?? null;
  if (ownClient === null && sections && !kind.daily) {
    // A person file named after its person (`Karim Haddad.md`, `# Karim Haddad`).
    const name = nameFromWords(basename(path));
    if (name) ownClient = { name, target: name, source: 'filename' };
  }
  // A session note with no action-items heading at all: its checkboxes are its action items.
  const anyCheckbox = flexible && !sections && result.sessions.length > 0 && !hasActionHeading(lines, bodyFrom, settings);

  const headings = headingSet(settings);
  const mask = new CommentMask();
  const mayHaveComments = text.includes('<!--') || text.includes('%%');
  let fence: string | null = null;
  let sectionLevel: number | null = null;
  let section: 'action' | 'copy' | 'dated' | null = null;
  /** The dated section (or daily-note section) being read, as an index into result.sessions. */
  let current = result.sessions.length > 0 ? 0 : -1;
  let datedLevel: number | null = null;
  let ownerCtx: { owner: string; person: string | null } | null = null;
  /** A label (`**Action items**:`, `- Follow-ups:`) opened a list; items deeper than this indent belong to it (-1: any). */
  let labelIndent: number | null = null;
  let weakSection = false;
  let open: Open | null = null;
  let openCtx: { session: number; owner: { owner: string; person: string | null } | null; copy: boolean } | null = null;
  const ids = new Map<string, number>();
  const ctxFor = (i: number): ItemContext | null => {
    const sn = result.sessions[i];
    return sn ? { layout, sessionDate: sn.date, next: sn.next, leadDays: settings.dueLeadDays, clients: [sn.clientRef, ...sn.attendees] } : null;
  };

  const close = () => {
    if (open === null || openCtx === null) return;
    const octx = openCtx;
    const sessionIdx = octx.session;
    const c = finishCommitment(open, diag, settings);
    open = null;
    openCtx = null;
    if (!c || sessionIdx < 0) return;
    const sn = result.sessions[sessionIdx];
    c.sessionIndex = sessionIdx;
    if (flexible) {
      const ictx = ctxFor(sessionIdx);
      if (ictx) applyFlexible(c, ictx, octx.owner);
      if (/\{\{[^}]*\}\}/.test(c.text)) return; // a template placeholder, not a commitment
      if (/^(?:next (?:session|meeting|1:1|1-1|call|check-in)|date|attendees?)\b[^:]{0,30}:/i.test(c.text)) return;
    }
    if (octx.copy) {
      sn.copies.push({ line: c.line, text: c.text, status: c.status === 'skipped' ? 'open' : (c.checkbox as CopiedItem['status']) });
      return;
    }
    if (c.text === '' && c.id === null) return;
    if (c.id !== null) {
      const seen = ids.get(c.id);
      if (seen !== undefined) diag(c.line, 'warning', `block id ^${c.id} is also used on line ${seen}`);
      else ids.set(c.id, c.line);
    }
    if (sn.attendees.length > 0 && c.person === null && c.owner !== 'coach') {
      diag(c.line, 'warning', `group session: this item names none of ${[sn.clientRef, ...sn.attendees].join(', ')}; start it with the person's name (e.g. '${sn.attendees[0]}: …') to count it`);
      return;
    }
    result.commitments.push(c);
  };

  const startSection = (lineNo: number, level: number, ref: ClientRef, date: string, weak: boolean) => {
    const m: SessionMeta = { refs: [ref], date, next: null, status: 'held', coach: meta?.coach ?? (result.client?.coach ?? null) };
    result.sessions.push(toSessionNote(path, lineNo, ref, [], m, date, weak, keyLines));
    current = result.sessions.length - 1;
    datedLevel = level;
    sectionLevel = null;
    section = 'dated';
    ownerCtx = null;
  };

  for (let i = bodyFrom; i < lines.length; i++) {
    const raw = lines[i];
    if (fence !== null) {
      const t = raw.trim();
      if (t.length >= fence.length && t.startsWith(fence) && /^(`+|~+)$/.test(t)) fence = null;
      if (open !== null && indentWidth(raw) > open.item.indent) open.endLine = i + 1;
      continue;
    }
    let line = mayHaveComments ? mask.visible(raw) : raw;
    if (flexible && line.charCodeAt(indentWidth(line) > 0 ? line.search(/\S/) : 0) === 62 /* > */) {
      const callout = /^[ \t]*(?:>[ \t]?)+/.exec(line)![0];
      const inner = line.slice(callout.length);
      const title = /^\[!([\w-]{1,30})\][+-]?[ \t]*([^]*)$/.exec(inner);
      if (title) {
        close();
        const key = headingKey(title[2].trim() || title[1]);
        const k = sectionKind(key, settings, true) ?? (/^(?:todo|tasks?|actions?)$/i.test(title[1]) ? 'action' : null);
        if (k !== null && current >= 0) {
          section = k;
          sectionLevel = 7;
        } else if (sectionLevel === 7) {
          section = datedLevel !== null ? 'dated' : null;
          sectionLevel = null;
        }
        continue;
      }
      line = inner;
    } else if (sectionLevel === 7) {
      // The callout ended.
      close();
      section = datedLevel !== null ? 'dated' : null;
      sectionLevel = null;
    }
    if (isBlank(line)) continue;
    const lead = line.trimStart().charCodeAt(0);
    const f = lead === 96 /* ` */ || lead === 126 /* ~ */ ? FENCE_OPEN.exec(line) : null;
    if (f) {
      fence = f[1];
      if (open !== null && indentWidth(line) > open.item.indent) open.endLine = i + 1;
      else close();
      continue;
    }
    if (lead === 35 /* # */) {
      const h = HEADING.exec(line);
      if (h) {
        close();
        const level = h[1].length;
        const title = (h[2] ?? '').trim();
        if (datedLevel !== null && level <= datedLevel) {
          datedLevel = null;
          section = null;
          sectionLevel = null;
          current = sections ? -1 : current;
        }
        // A dated heading (`## 2026-11-20`) opens a session of its own in a note with a section per session.
        if (sections && ownClient !== null && title.length <= 120) {
          const found = findWrittenDate(title, layout.dateOrder);
          if (found) {
            startSection(i + 1, level, ownClient, found.date, false);
            continue;
          }
        }
        // A daily note's section naming a client (`## Coaching with [[Ben Carter]]`).
        if (kind.daily && dailyDate !== null && title.length <= 120) {
          const link = /\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]/.exec(title);
          const name = link ? basename(link[1]) : nameFromWords(title.replace(/[^\p{L}\p{N}' -]/gu, ' '));
          if (name) {
            const said = /\b(?:coaching|session|1:1|1-1|one-on-one|check-in|mentoring|therapy|counselling|counseling|supervision)\b/i.test(title);
            startSection(i + 1, level, { name, target: link ? link[1] : name, source: 'heading' }, dailyDate, !(said && link));
            continue;
          }
        }
        if (sectionLevel !== null && level <= sectionLevel) {
          sectionLevel = null;
          section = datedLevel !== null ? 'dated' : null;
          ownerCtx = null;
        }
        labelIndent = null;
        const key = headingKey(title);
        if (sectionLevel === null) {
          const k = current >= 0 || !sections ? sectionKind(key, settings, flexible) : null;
          if (k !== null) {
            sectionLevel = level;
            section = k;
            ownerCtx = null;
            labelIndent = null;
            weakSection = flexible && WEAK_SECTION.test(key);
            if (current >= 0 && k === 'action') result.sessions[current].commitmentsHeadingLine ??= i + 1;
          }
        } else if (flexible) {
          // A sub-heading inside an action-items section: whose items follow, or the end of them.
          const ictx = ctxFor(current);
          const who = ictx ? ownerOfLabel(title, ictx) : null;
          if (who) ownerCtx = who;
          else if (NOT_ACTIONS.test(key) || (weakSection && sectionKind(key, settings, true) === null)) {
            sectionLevel = null;
            section = datedLevel !== null ? 'dated' : null;
            ownerCtx = null;
          }
        } else if (headings.has(key)) {
          // Our own format: deeper sub-headings stay inside the section.
        }
        continue;
      }
    }
    const indent = indentWidth(line);
    if (open !== null && indent > open.item.indent) {
      readDetail(open.details, stripListMarker(line), i + 1);
      open.endLine = i + 1;
      continue;
    }
    close();
    if (current < 0) continue;
    // A label line (`**Action items**:`, `**For Ben**:`, `- Follow-ups:`) opens a list of action
    // items, or says whose items follow.
    if (labelIndent !== null && labelIndent >= 0 && indent <= labelIndent && matchListItem(line) !== null) {
      labelIndent = null;
      if (sectionLevel === 8) {
        section = datedLevel !== null ? 'dated' : null;
        sectionLevel = null;
      }
    }
    // A label's list ends at the first line that is not part of a list (another label, a paragraph).
    if (sectionLevel === 8 && labelIndent === -1 && matchListItem(line) === null && !/^[ \t]*(?:\*\*|__)?(?:action items?|next steps?|follow-?ups?|homework|to-?dos?|commitments?)\b/i.test(line)) {
      const bold = /^[ \t]*(?:\*\*|__)([^*_]{1,80}?)[ \t]*:?(?:\*\*|__)/.exec(line);
      const ictx = ctxFor(current);
      if (!(bold && ictx && ownerOfLabel(bold[1], ictx))) {
        section = datedLevel !== null ? 'dated' : null;
        sectionLevel = null;
        labelIndent = null;
      }
    }
    if (flexible && line.length <= 120 && (lead === 42 || lead === 95 || lead === 45 || lead === 43)) {
      const label = /^[ \t]*(?:[-*+][ \t]+)?(?:(?:\*\*|__)([^*_]{1,80}?)[ \t]*:?(?:\*\*|__)|([A-Za-z][^*_:[\]]{0,60}?))[ \t]*:[ \t]*$|^[ \t]*(?:\*\*|__)([^*_]{1,80}?)[ \t]*:?(?:\*\*|__)[ \t]*$/.exec(line);
      const text = label ? (label[1] ?? label[2] ?? label[3] ?? '').trim() : null;
      if (text) {
        const ictx = ctxFor(current);
        const who = ictx ? ownerOfLabel(text, ictx) : null;
        const bullet = /^[ \t]*[-*+][ \t]/.test(line);
        if (who || LABEL_ACTIONS.test(text)) {
          ownerCtx = who ?? (section === 'action' ? ownerCtx : null);
          if (section !== 'action' && section !== 'copy') {
            section = 'action';
            sectionLevel = 8;
          }
          labelIndent = bullet ? indent : -1;
          continue;
        }
      }
    }
    // Outside a commitments section only a tagged checkbox matters; prose lines end here.
    if (section === null && !anyCheckbox && !TAG_HINT.test(line)) continue;
    const item = matchListItem(line);
    if (item === null) continue;
    const tagged = item.box !== null && /(^|[ \t])#commitment(?=$|[ \t.,;:!?)])/i.test(item.content);
    // In a dated section without an action-items heading, its checkboxes are its commitments.
    const inDated = (section === 'dated' || (anyCheckbox && section === null)) && item.box !== null && item.indent === 0;
    if ((section === 'action' || section === 'copy') || inDated || tagged) {
      open = { item, line: i + 1, raw, tagged: section === null || (section === 'dated' && !inDated), details: emptyDetails(), endLine: i + 1 };
      openCtx = { session: current, owner: ownerCtx, copy: section === 'copy' };
    }
  }
  close();
  if (result.sessions.length === 0 && sections && kind.type === 'session' && !kind.daily) {
    diag(fm ? fm.startLine : 1, 'error', 'session note has no date (no date in its frontmatter or file name, and no dated heading)');
  }
  result.session = result.sessions[0] ?? null;
  if (result.type === 'client' && result.sessions.length === 0) return result;
  return result;
}

function hasActionHeading(lines: string[], from: number, settings: CoreSettings): boolean {
  for (let i = from; i < lines.length && i < from + 5000; i++) {
    const l = lines[i];
    if (l.length > 200) continue;
    const h = HEADING.exec(l);
    if (h && sectionKind(headingKey((h[2] ?? '').trim()), settings, true) !== null) return true;
    if (/^[ \t]*>[ \t]?\[!(?:todo|tasks?|actions?)\]/i.test(l)) return true;
    const callout = /^[ \t]*>[ \t]?\[![\w-]{1,30}\][+-]?[ \t]*(.*)$/.exec(l);
    if (callout && sectionKind(headingKey(callout[1].trim()), settings, true) !== null) return true;
    if (/^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:action items?|next steps?|follow-?ups?|homework|to-?dos?|commitments?)(?:\*\*|__)?[ \t]*:?(?:\*\*|__)?[ \t]*:?[ \t]*$/i.test(l)) return true;
  }
  return false;
}

function fmHasDate(fm: Frontmatter | null, settings: CoreSettings): boolean {
  return ['date', ...settings.layout.dateKeys].some((k) => fmHas(fm, k, settings));
}

function fmHas(fm: Frontmatter | null, key: string, settings: CoreSettings): boolean {
  return fm !== null && frontmatterLookup(fm.data, key, settings) !== undefined;
}

function keyLine(fm: Frontmatter, key: string, settings: CoreSettings): number {
  const names = [key, ...(settings.keyAliases[key] ?? [])].map((k) => k.toLowerCase());
  for (const [k, line] of Object.entries(fm.keyLines)) if (names.includes(k.toLowerCase())) return line;
  return fm.startLine;
}

/** Two keys that differ only in case: the reader takes the exact spec name, else the first; say so. */
function caseDuplicateKeys(fm: Frontmatter, diag: (line: number, severity: Severity, message: string) => void): void {
  const seen = new Map<string, string>();
  for (const k of Object.keys(fm.data)) {
    const lower = k.toLowerCase();
    const other = seen.get(lower);
    if (other !== undefined) {
      const used = lower in fm.data ? lower : other;
      diag(fm.keyLines[k] ?? fm.startLine, 'warning', `frontmatter has both '${other}' and '${k}'; '${used}' is read and written; remove the other`);
    } else seen.set(lower, k);
  }
}

/**
 * A note that is not read but looks like a session (an action-items heading with items, and a
 * date or a person) gets a warning naming what is missing, so a coach is never left guessing.
 */
function looksLikeSession(lines: string[], from: number, fm: Frontmatter | null, path: string, settings: CoreSettings, diag: (line: number, severity: Severity, message: string) => void): void {
  let headingLine = 0;
  let items = 0;
  let inActions = false;
  const end = Math.min(lines.length, from + 800);
  for (let i = from; i < end; i++) {
    const l = lines[i];
    if (l.length > 400) continue;
    const h = HEADING.exec(l);
    if (h) {
      inActions = LOOKS_LIKE_ACTIONS.test(headingKey((h[2] ?? '').trim()));
      if (inActions && headingLine === 0) headingLine = i + 1;
      continue;
    }
    if (inActions && /^[ \t]*(?:>[ \t]?)*[-*+][ \t]+\S/.test(l)) items++;
  }
  if (headingLine === 0 || items === 0) return;
  // Templates (a templates folder, `{{date}}` or Templater placeholders) are meant to look like sessions.
  if (/(?:^|\/)_?templates?\//i.test(path) || lines.some((l) => l.includes('{{') || l.includes('<%'))) return;
  const data = fm?.data ?? {};
  const hasDate = Object.keys(data).some((k) => /date|created|when/i.test(k)) || findWrittenDate(basename(path), settings.layout.dateOrder) !== null;
  const hasPerson = Object.keys(data).some((k) => /client|coachee|person|with|attendee|participant|people|counterpart|mentee/i.test(k)) || lines.slice(from, from + 20).some((l) => /\[\[[^\]]+\]\]/.test(l));
  if (!hasDate && !hasPerson) return;
  const type = fm ? frontmatterLookup(data, 'type', settings) : undefined;
  const missing = type === undefined ? 'it has no `type: session`' : `its type is '${String(type)}', not session`;
  diag(headingLine, 'warning', `looks like a session note (an action-items heading${hasDate ? ', a date' : ''}${hasPerson ? ', a person' : ''}) but is not read: ${missing}. Run "Set up from my notes" to read this layout, or add type: session`);
}

function applyFlexible(c: ParsedCommitment, ctx: ItemContext, owner: { owner: string; person: string | null } | null): void {
  const f = readFlexibleItem(c.text, ctx);
  c.text = f.text;
  if (f.owner !== null && c.owner === 'client') c.owner = f.owner;
  else if (owner !== null && c.owner === 'client') c.owner = owner.owner;
  c.person = f.person ?? owner?.person ?? null;
  if (c.due === null && f.due !== null) c.due = f.due;
  if (f.recurrence) c.recurrence = f.recurrence;
  if (f.status !== null && c.checkbox === 'open') {
    c.checkbox = f.status;
    c.status = f.status;
    if (f.status === 'done') c.doneDate ??= f.doneDate;
  }
  if (c.owner === 'coach' || c.owner === 'client') return;
}

function finishCommitment(open: Open, diag: (line: number, severity: Severity, message: string) => void, settings?: CoreSettings): ParsedCommitment | null {
  const { item, details } = open;
  const flexible = settings?.layout.flexibleItems ?? false;
  const f = parseLineFields(item.content, flexible);
  if (f.text === '' && f.id === null && item.content.trim() === '') return null; // an empty bullet
  for (const p of f.problems) diag(open.line, 'warning', p);
  for (const p of details.problems) diag(p.line, 'warning', p.message);
  let checkbox: CheckboxStatus = 'open';
  if (item.box !== null) {
    const s = BOX_STATUS[item.box];
    if (s === undefined) diag(open.line, 'warning', `checkbox [${item.box}] is not a status this plugin knows; read as open`);
    else checkbox = s;
  }
  if (f.text === '') diag(open.line, 'warning', 'commitment has no text');
  const kind = f.kind ?? classifyKind(f.text);
  return {
    id: f.id,
    line: open.line,
    raw: open.raw,
    endLine: open.endLine,
    text: f.text,
    owner: f.owner ?? 'client',
    kind,
    kindIsDefault: f.kind === null,
    checkbox,
    hasCheckbox: item.box !== null,
    status: deriveStatus(checkbox, details),
    due: f.due ?? (flexible ? (f.scheduled ?? f.start) : null),
    doneDate: f.doneDate,
    letGoDate: f.letGoDate,
    trigger: f.trigger ?? details.trigger,
    coping: f.coping ?? details.coping,
    confidence: f.confidence ?? details.confidence,
    from: f.from,
    checkIns: details.checkIns,
    learned: details.learned,
    notes: details.notes,
    convention: f.convention,
    tagged: open.tagged,
    sessionIndex: 0,
    person: null,
    recurrence: null,
  };
}
