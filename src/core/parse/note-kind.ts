/**
 * What a note is under the note layout (client, session, a daily note with sessions in it, or
 * nothing), its session records, and the warnings for notes that look like sessions but are not
 * read or whose frontmatter keys differ only in case.
 */
import { inFolders, isIgnored, PERSON_WORD } from '../layout/layout';
import { findWrittenDate } from '../natural-dates';
import type { CoreSettings } from '../settings';
import type { Severity, SessionNote } from '../types';
import type { Frontmatter } from './frontmatter';
import { datedHeadings, HEADING, headingKey, LOOKS_LIKE_ACTIONS } from './headings';
import { basename, frontmatterLookup, keyLine } from './records';

export { keyLine };
import { frontmatterTags, hasSessionTag, inSessionFolder, typeValues, type ClientRef, type SessionMeta } from './session-meta';
import { filenameParts, groupNamed } from './session-names';
import { valueText } from '../plain-text';

type Diag = (line: number, severity: Severity, message: string) => void;

export type NoteKind = { type: 'client' | 'session' | null; strong: boolean; daily: boolean; byFolder?: boolean; byType?: boolean };

/** A folder of people's profiles: `people/`, `Personen/`, `profiles/`, `contacts/`. */
const PROFILE_FOLDER = /(?:^|\/)(?:people|persons|profiles|contacts|directs|direct reports|team|personen|personas|pessoas|personnes)\//i;

/** A note named as a template (`template.md`, `Session Template.md`, `_template`). */
const TEMPLATE_NAME = /(?:^|[\s_-])templates?$/i;

/**
 * A template (`mentees/template.md`) or a person's profile (`1-1s/people/Ben-Carter.md`, a
 * `name:` key, a `#client` tag) kept among the sessions: not one, and not worth a warning.
 */
export function isTemplateOrProfile(path: string, fm: Frontmatter | null, settings: CoreSettings): boolean {
  if (TEMPLATE_NAME.test(basename(path)) || PROFILE_FOLDER.test(path)) return true;
  return fm !== null && (fmHas(fm, 'name', settings) || frontmatterTags(fm.data).some((t) => PERSON_WORD.test(t)));
}

export function classify(fm: Frontmatter | null, lines: string[], path: string, settings: CoreSettings, diag: Diag): NoteKind {
  const layout = settings.layout;
  const none: NoteKind = { type: null, strong: false, daily: false };
  if (isIgnored(path, layout)) return none;
  const data = fm?.data ?? {};
  const types = fm ? typeValues(data, settings) : [];
  if (types.some((t) => t === 'client' || layout.clientTypes.includes(t))) {
    const session = types.find((t) => t === 'session' || layout.sessionTypes.includes(t));
    if (session !== undefined) diag(fm ? keyLine(fm, 'type', settings) : 1, 'warning', `the note's type says both client and ${session}; read as a client note: keep one type (a session note names its client with client: "[[Name]]")`);
    return { type: 'client', strong: true, daily: false };
  }
  if (types.some((t) => t === 'session' || layout.sessionTypes.includes(t))) return { type: 'session', strong: true, daily: false, byType: true };
  // A client's own note tagged like the sessions (`tags: [cliente, coaching]`) is not a session.
  if (hasSessionTag(data, lines, fm ? fm.endLine : 0, layout) && !frontmatterTags(data).some((t) => PERSON_WORD.test(t))) return { type: 'session', strong: true, daily: false };
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
    // A dated file name naming a person, or a group (`2026-11-10 Peer mastermind`), whose people the note lists.
    if (parts.date && (parts.name || groupNamed(parts.rest))) return { type: 'session', strong: false, daily: false };
  }
  // A person file with a dated heading per meeting (`### 2026-09-10 – Kickoff`).
  if (layout.datedSections && types.length === 0 && datedHeadings(lines, fm ? fm.endLine : 0, layout) >= 2) return { type: 'session', strong: true, daily: false };
  return none;
}

export function toSessionNote(path: string, line: number | null, ref: ClientRef, others: ClientRef[], meta: SessionMeta, date: string, weak: boolean, keyLines: Record<string, number>): SessionNote {
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

/** Per-client globs (`1-1s/*&#47;`) say each sub-folder is a client: its name is then enough. */
export function folderIsClient(path: string, settings: CoreSettings): boolean {
  return settings.layout.sessionFolders.some((g) => /\*\/(?:\*\*)?$/.test(g.trim()) && inFolders(path, [g]));
}

export function fmHasDate(fm: Frontmatter | null, settings: CoreSettings): boolean {
  return ['date', ...settings.layout.dateKeys].some((k) => fmHas(fm, k, settings));
}

export function fmHas(fm: Frontmatter | null, key: string, settings: CoreSettings): boolean {
  return fm !== null && frontmatterLookup(fm.data, key, settings) !== undefined;
}


/** Two keys that differ only in case: the reader takes the exact spec name, else the first; say so. */
export function caseDuplicateKeys(fm: Frontmatter, diag: Diag): void {
  const keys = Object.keys(fm.data);
  // Keys all in lower case (most notes) are told apart already: an object's keys differ.
  if (keys.every((k) => k === k.toLowerCase())) return;
  const seen = new Map<string, string>();
  for (const k of keys) {
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
export function looksLikeSession(lines: string[], from: number, fm: Frontmatter | null, path: string, settings: CoreSettings, diag: Diag): void {
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
  if (!hasDate || !hasPerson) return;
  const type = fm ? frontmatterLookup(data, 'type', settings) : undefined;
  const missing = type === undefined ? 'it has no `type: session`' : `its type is '${valueText(type)}', not session`;
  diag(headingLine, 'warning', `looks like a session note (an action-items heading${hasDate ? ', a date' : ''}${hasPerson ? ', a person' : ''}) but is not read: ${missing}. Run "Set up from my notes" to read this layout, or add type: session`);
}
