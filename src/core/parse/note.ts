/**
 * One note's text in, its client or session record, its commitments and its diagnostics out.
 * Pure and total: whatever the text, it returns a result and never throws.
 */
import { detachNote, isWide, ownString } from './detach';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { Diagnostic, ParsedNote, Severity } from '../types';
import { MAX_NOTE_CHARS, noteWithout, tooLargeMessage } from './unread';
import { frontmatterRange, readFrontmatter } from './frontmatter';
import { conflictMessage, findConflicts, withoutMarkers } from './merge-conflicts';
import { datedHeadings, hasActionHeading } from './headings';
import { splitLines } from './lines';
import { caseDuplicateKeys, classify, fmHas, fmHasDate, folderIsClient, isTemplateOrProfile, keyLine, looksLikeSession, toSessionNote } from './note-kind';
import { basename, readClientNote } from './records';
import { isIgnored } from '../layout/layout';
import { readSessionMeta, type ClientRef, type SessionMeta } from './session-meta';
import { fileNamesGroup, filenameParts, nameFromWords, noClientMessage } from './session-names';
import { BodyReader } from './note-body';

export function parseNote(path: string, text: string, settings: CoreSettings = DEFAULT_CORE_SETTINGS): ParsedNote {
  if (text.length > MAX_NOTE_CHARS) return noteWithout(path, 'warning', tooLargeMessage(text.length, 'characters'));
  try {
    // The index keeps the records for as long as the note is unchanged, but not the note's text.
    const own = ownString(path);
    return detachNote(parseNoteUnchecked(own, text, settings), own, isWide(text));
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
  const mayHaveComments = text.includes('<!--') || text.includes('%%');
  new BodyReader({ path, lines, bodyFrom, settings, diag, result, sections, daily: kind.daily, dailyDate, ownClient, anyCheckbox, mayHaveComments, conflicts, meta, keyLines }).read();
  if (result.sessions.length === 0 && sections && kind.type === 'session' && !kind.daily) {
    diag(fm ? fm.startLine : 1, 'error', 'session note has no date (no date in its frontmatter or file name, and no dated heading); add date: YYYY-MM-DD to its frontmatter, or a dated heading (## 2026-11-20) for each session');
  }
  result.session = result.sessions[0] ?? null;
  if (result.type === 'client' && result.sessions.length === 0) return result;
  return result;
}

