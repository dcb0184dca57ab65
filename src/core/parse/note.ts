/**
 * One note's text in, its client or session record, its commitments and its diagnostics out.
 * Pure and total: whatever the text, it returns a result and never throws.
 */
import { detachNote, ownString } from './detach';
import { COMMITMENT_TAG_NAME, HAS_COMMITMENT_TAG } from '../syntax/fields';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { Diagnostic, ParsedNote, Severity } from '../types';
import { MAX_NOTE_CHARS, noteWithout, tooLargeMessage } from './unread';
import { findWrittenDate } from '../natural-dates';
import { CommentMask, unclosedWarning } from './comments';
import { applyFlexible, copiedItem, finishCommitment, notAnItem, type Open } from './commitment';
import { emptyDetails, readDetail } from './details';
import { ownerOfLabel, type ItemContext } from './flexible';
import { frontmatterRange, readFrontmatter } from './frontmatter';
import { conflictMessage, findConflicts, firstSide, sameItem, secondSideOf, withoutMarkers } from './merge-conflicts';
import { datedHeadings, hasActionHeading, headingKey, headingLevel, headingSet, headingTitle, LABEL_ACTIONS, NOT_ACTIONS, sectionKind, SUMMARY_HEADING, WEAK_SECTION } from './headings';
import { endsWithColon, isBlank, indentWidth, isLetter, isSpaceCode, matchListItem, splitLines, stripListMarker } from './lines';
import { caseDuplicateKeys, classify, fmHas, fmHasDate, folderIsClient, isTemplateOrProfile, keyLine, looksLikeSession, toSessionNote } from './note-kind';
import { basename, readClientNote } from './records';
import { isIgnored } from '../layout/layout';
import { bodyNextDate, readSessionMeta, type ClientRef, type SessionMeta } from './session-meta';
import { fileNamesGroup, filenameParts, nameFromWords, noClientMessage } from './session-names';
import { ActionTables } from './tables';
import { closesFence, FENCE_OPEN } from '../syntax/fences';


/** A label over a list of how earlier items went. */
const OUTCOME_LABEL = /^(?:outcomes?|results?|progress(?: on (?:last|previous) [a-z ]+)?|review of (?:last|previous) [a-z ]+|how (?:it|they) went)$/i;
const TAG_HINT = new RegExp(`#${COMMITMENT_TAG_NAME}`, 'i');

/** The first character after leading white space (NaN for a blank line), as `line.trimStart().charCodeAt(0)` without the copy. */
function firstCode(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return NaN;
}

export function parseNote(path: string, text: string, settings: CoreSettings = DEFAULT_CORE_SETTINGS): ParsedNote {
  if (text.length > MAX_NOTE_CHARS) return noteWithout(path, 'warning', tooLargeMessage(text.length, 'characters'));
  try {
    // The index keeps the records for as long as the note is unchanged, but not the note's text.
    const own = ownString(path);
    return detachNote(parseNoteUnchecked(own, text, settings), own);
  } catch (e) {
    return noteWithout(path, 'error', `note could not be read: ${(e as Error).message}`);
  }
}

/** Whether a text's only line breaks are lone CRs (classic Mac OS), so it reads as one line. */
function crOnly(text: string): boolean {
  return text.indexOf('\n') < 0 && text.indexOf('\r') >= 0;
}

function parseNoteUnchecked(path: string, text: string, settings: CoreSettings): ParsedNote {
  const diagnostics: Diagnostic[] = [];
  const diag = (line: number, severity: Severity, message: string) => diagnostics.push({ path, line, severity, message });
  const result: ParsedNote = { path, type: null, client: null, session: null, sessions: [], commitments: [], diagnostics };
  if (crOnly(text) && /^\uFEFF?---[ \t]*\r|(?:^|\r)type[ \t]*:[ \t]*["']?(?:client|session)\b/i.test(text)) {
    // One line to the parser: say so, rather than read nothing in silence.
    diag(1, 'error', 'not read: the note\'s line breaks are carriage returns only (classic Mac OS), so it reads as one line; save it again with ordinary (LF or CRLF) line endings');
    return result;
  }
  const layout = settings.layout;
  const flexible = layout.flexibleItems;

  let { lines } = splitLines(text);
  if (text.includes('\r')) {
    // A lone carriage return (an old Mac line break pasted in) joins what follows into this line.
    const at = lines.findIndex((l) => l.includes('\r'));
    if (at >= 0) diag(at + 1, 'warning', `line ${at + 1} holds a carriage return on its own (an old Mac line break), so what follows it is read as part of this line; save the note again with ordinary (LF or CRLF) line endings`);
  }
  // A note left with merge-conflict markers: read once, the markers and the base section blank.
  const conflicts = text.includes('<<<<<<<')
    ? findConflicts(lines, (start, missing) => diag(start + 1, 'warning', `merge-conflict marker <<<<<<< here has no ${missing} after it, so both sides of the conflict are read as they stand and an item on both may count twice; resolve it: keep what you want and delete the marker lines`))
    : [];
  if (conflicts.length > 0) {
    const range = frontmatterRange(lines);
    lines = withoutMarkers(lines, conflicts, range !== null && 'end' in range ? range.end : -1);
    for (const r of conflicts) diag(r.start + 1, 'warning', conflictMessage(r));
  }
  const fm = readFrontmatter(lines);
  if (fm?.error) {
    // Only worth a word when the note looks like one of ours, and never for a template's placeholders.
    if (isIgnored(path, layout)) return result;
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
    // A profile or index note kept beside the sessions: no date of its own, so not a session
    // (and a template or a person's profile kept there is not worth a word).
    if (isTemplateOrProfile(path, fm, settings)) return result;
    diag(fm ? fm.startLine : 1, 'warning', 'note is in a sessions folder but has no date (frontmatter, file name or a Date: line); not read as a session');
    return result;
  }
  if (!sections && meta !== null) {
    const hasError = diagnostics.some((d) => d.severity === 'error');
    if (meta.refs.length === 0) {
      // Only its file name made it a session, or (short of `type: session`) the file name names a
      // group (a team's `2026-11-13 Team sync`, a tagged `Monthly All Hands`): a guess, so a warning.
      const severity = kind.strong && (kind.byType || fileNamesGroup(path, layout) === null) ? 'error' : 'warning';
      diag(fm ? keyLine(fm, 'client', settings) : 1, severity, fmHas(fm, 'client', settings) ? 'session note client is not a name or [[link]]; write it as client: "[[Jane Doe]]" or client: Jane Doe, the client note\'s name' : noClientMessage(path, layout));
    }
    if (meta.date === null && !hasError) diag(fm ? keyLine(fm, 'date', settings) : 1, 'error', 'session note has no date; add date: YYYY-MM-DD to its frontmatter');
    if (meta.refs.length === 0 || meta.date === null) return result;
    const first = meta.refs[0];
    const weak = !kind.strong || (first.source === 'folder' && !folderIsClient(path, settings));
    result.sessions.push(toSessionNote(path, null, first, meta.refs.slice(1), meta, meta.date, weak, keyLines));
  }
  const dailyDate = kind.daily ? filenameParts(path, layout).date : null;
  if (kind.daily && dailyDate === null) return result;
  let ownClient: ClientRef | null = kind.type === 'client' && result.client ? { name: result.client.name, target: path.replace(/\.md$/i, ''), source: 'note' } : meta?.refs[0] ?? null;
  if ((ownClient === null || ownClient.source === 'folder') && sections && !kind.daily) {
    // A person file named after its person (`Karim Haddad.md`, `# Karim Haddad`): in a folder of
    // such files (`Mentees/`), the file names the person, not the folder.
    const name = nameFromWords(basename(path));
    if (name) ownClient = { name, target: name, source: 'filename' };
  }
  // A session note with no action-items heading at all: its checkboxes are its action items.
  const anyCheckbox = flexible && !sections && result.sessions.length > 0 && !hasActionHeading(lines, bodyFrom, settings);

  const headings = headingSet(settings);
  const mask = new CommentMask();
  const tables = new ActionTables(diag);
  let fenceFrom = -1;
  let commentFrom = -1;
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
  let sectionOwner: { owner: string; person: string | null } | null = null;
  /** The level of a heading over a summary or an email draft (`## 📧 Meeting Summary (Email Draft)`), while inside it. */
  let summaryLevel: number | null = null;
  /** Inside such a summary, once the session has its items: action lists there restate them, so are not read again. */
  /** The sessions (indexes into result.sessions) that have a commitment read so far. */
  const withItems = new Set<number>();
  const restates = () => summaryLevel !== null && withItems.has(current);
  let open: Open | null = null;
  let openCtx: { session: number; owner: { owner: string; person: string | null } | null; copy: boolean } | null = null;
  const ids = new Map<string, number>();
  /** Items without an id read so far (see close): the same one written twice counts once. */
  const written = new Set<string>();
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
      if (written.has(key)) return;
      written.add(key);
    }
    if (conflicts.length > 0) {
      // An item on both sides of a merge conflict counts once, as the first side has it.
      const r = secondSideOf(conflicts, c.line);
      const [from, to] = r ? firstSide(r) : [0, 0];
      if (r && result.commitments.some((x) => x.line - 1 >= from && x.line - 1 < to && sameItem(x, c))) return;
    }
    if (c.id !== null) {
      const seen = ids.get(c.id);
      if (seen !== undefined) diag(c.line, 'warning', `block id ^${c.id} is also used on line ${seen}; an id names one commitment: change or delete one of the two`);
      else ids.set(c.id, c.line);
    }
    if (sn.attendees.length > 0 && c.person === null && c.owner !== 'coach') {
      diag(c.line, 'warning', `group session: this item names none of ${[sn.clientRef, ...sn.attendees].join(', ')}; start it with the person's name (e.g. '${sn.attendees[0]}: …') to count it`);
      return;
    }
    result.commitments.push(c);
    withItems.add(sessionIdx);
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
      if (closesFence(raw, fence)) fence = null;
      if (open !== null && indentWidth(raw) > open.item.indent) open.endLine = i + 1;
      continue;
    }
    let line = raw;
    if (mayHaveComments) {
      const was = mask.open;
      line = mask.visible(raw);
      if (was === null && mask.open !== null) commentFrom = i;
    }
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
    if (isBlank(line)) {
      tables.end();
      continue;
    }
    const lead = firstCode(line);
    const f = lead === 96 /* ` */ || lead === 126 /* ~ */ ? FENCE_OPEN.exec(line) : null;
    if (f) {
      fence = f[1];
      fenceFrom = i;
      if (open !== null && indentWidth(line) > open.item.indent) open.endLine = i + 1;
      else close();
      continue;
    }
    if (lead === 35 /* # */) {
      const level = headingLevel(line);
      if (level > 0) {
        close();
        tables.end();
        const title = headingTitle(line, level);
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
        if (summaryLevel !== null && level <= summaryLevel) summaryLevel = null;
        if (flexible && summaryLevel === null && SUMMARY_HEADING.test(key)) summaryLevel = level;
        if (sectionLevel === null) {
          const k = current >= 0 || !sections ? sectionKind(key, settings, flexible) : null;
          if (k !== null && !restates()) {
            sectionLevel = level;
            section = k;
            // `Client Action Items`, `Coach Follow-up Tasks`: the heading says whose items it holds.
            const ictx = flexible ? ctxFor(current) : null;
            sectionOwner = ictx ? ownerOfLabel(title, ictx) : null;
            ownerCtx = sectionOwner;
            labelIndent = null;
            weakSection = flexible && WEAK_SECTION.test(key);
            // Where carried items are written: the client's section, never the coach's own list.
            if (current >= 0 && k === 'action' && sectionOwner?.owner !== 'coach') result.sessions[current].commitmentsHeadingLine ??= i + 1;
          }
        } else if (flexible) {
          // A sub-heading inside an action-items section: whose items follow, or the end of them.
          const ictx = ctxFor(current);
          const who = ictx ? ownerOfLabel(title, ictx) : null;
          // Any other sub-heading (`### Shared/Follow-up`) ends the previous owner's items; the
          // section's own owner (`## Coach Follow-up Tasks`) holds for all of them.
          ownerCtx = who ?? sectionOwner;
          if (who === null && (NOT_ACTIONS.test(key) || (weakSection && sectionKind(key, settings, true) === null))) {
            sectionLevel = null;
            section = datedLevel !== null ? 'dated' : null;
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
    if (section === 'action' && line.includes('|') && matchListItem(line) === null && tables.isRow(line, lines[i + 1])) {
      tables.row(line, i);
      continue;
    }
    tables.end();
    // Only a line that can start `Next`, `**Next`, `__Next`, `- Next` or `→ Next` is tried.
    if (datedLevel !== null && result.sessions[current].next === null && indent === 0 && (lead === 42 || lead === 45 || lead === 95 || lead === 78 || lead === 110 || lead > 127)) {
      // `**Next Session**: 2026-10-21` inside a dated section books that section's next session.
      const next = bodyNextDate(line, layout.dateOrder);
      if (next !== null && next > result.sessions[current].date) {
        result.sessions[current].next = next;
        continue;
      }
    }
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
    // `**Action items**:`, `- Follow-ups:`, or a plain `Action Items:` line.
    if (flexible && line.length <= 120 && (lead === 42 || lead === 95 || lead === 45 || lead === 43 || (isLetter(lead) && endsWithColon(line)))) {
      const label = /^[ \t]*(?:[-*+][ \t]+)?(?:(?:\*\*|__)([^*_]{1,80}?)[ \t]*:?(?:\*\*|__)|([A-Za-z][^*_:[\]]{0,60}?))[ \t]*:[ \t]*$|^[ \t]*(?:\*\*|__)([^*_]{1,80}?)[ \t]*:?(?:\*\*|__)[ \t]*$/.exec(line);
      const text = label ? (label[1] ?? label[2] ?? label[3] ?? '').trim() : null;
      if (text) {
        const ictx = ctxFor(current);
        const who = ictx ? ownerOfLabel(text, ictx) : null;
        const bullet = /^[ \t]*[-*+][ \t]/.test(line);
        if (OUTCOME_LABEL.test(text) && section !== 'action') {
          // `**Outcome:**` over a list of ✅/❌ lines: how the earlier items went.
          section = 'copy';
          sectionLevel = 8;
          labelIndent = bullet ? indent : -1;
          continue;
        }
        const opensList = who !== null || LABEL_ACTIONS.test(text);
        if (opensList && restates()) continue;
        if (opensList) {
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
    // (`includes` first: a plain search, where the pattern ignores case; most prose has no `#`.)
    if (section === null && !anyCheckbox && !(line.includes('#') && TAG_HINT.test(line))) continue;
    const item = matchListItem(line);
    if (item === null) continue;
    const tagged = item.box !== null && item.content.includes('#') && HAS_COMMITMENT_TAG.test(item.content);
    // In a dated section without an action-items heading, its checkboxes are its commitments.
    const inDated = (section === 'dated' || (anyCheckbox && section === null)) && item.box !== null && item.indent === 0;
    if ((section === 'action' || section === 'copy') || inDated || tagged) {
      open = { item, line: i + 1, raw, tagged: section === null || (section === 'dated' && !inDated), details: emptyDetails(), endLine: i + 1 };
      openCtx = { session: current, owner: ownerCtx, copy: section === 'copy' };
    }
  }
  close();
  tables.end();
  // A code block or comment never closed hides the rest of the note: say so when items are in it.
  const hiddenFrom = fence !== null ? fenceFrom : mask.open !== null ? commentFrom : -1;
  if (hiddenFrom >= 0 && result.sessions.length > 0) unclosedWarning(lines, hiddenFrom, fence ?? mask.open!, diag);
  if (result.sessions.length === 0 && sections && kind.type === 'session' && !kind.daily) {
    diag(fm ? fm.startLine : 1, 'error', 'session note has no date (no date in its frontmatter or file name, and no dated heading); add date: YYYY-MM-DD to its frontmatter, or a dated heading (## 2026-11-20) for each session');
  }
  result.session = result.sessions[0] ?? null;
  if (result.type === 'client' && result.sessions.length === 0) return result;
  return result;
}

