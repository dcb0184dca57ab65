/**
 * What kind of note this is, and, for a session, whose it is and when it was, read the ways
 * real vaults say it (docs/note-format.md, "Vaults in other layouts"): frontmatter keys and their
 * aliases, a `Client:: X` line, the folder, the file name, the title's link; the date from
 * frontmatter, the file name, a `Date:` line or a dated heading. With the default layout only
 * the spec's `type`, `client`, `date` and `next` keys (and the settings' aliases) are read.
 */
import { findWrittenDate, parseWrittenDate } from '../natural-dates';
import { filenameParts, folderName, nameInSessionTitle } from './session-names';
import { inFolders, type DateOrder, type NoteLayout } from '../layout/layout';
import { headingLevel, headingTitle } from './headings';
import type { CoreSettings } from '../settings';
import type { SessionStatus, Severity } from '../types';
import type { Frontmatter } from './frontmatter';
import { basename, dateValue, frontmatterLookup, keyLine, linkTarget, linkText, personName, SESSION_STATUS } from './records';
import { valueText } from '../plain-text';
import { Fences } from '../syntax/fences';
import { CommentMask } from './comments';
import { nameKey } from '../vault/conflicts';

type Diag = (line: number, severity: Severity, message: string) => void;

export interface ClientRef {
  /** The reference as written, reduced to a name (`Jane Doe`). */
  name: string;
  /** The link target as written (`Clients/Jane Doe`), for path-qualified resolution. */
  target: string;
  /** Where it came from; folder, file name and daily-note refs count only when they name a known client. */
  source: 'frontmatter' | 'attendees' | 'body' | 'folder' | 'filename' | 'title' | 'heading' | 'note';
}

export interface SessionMeta {
  refs: ClientRef[];
  date: string | null;
  next: string | null;
  status: SessionStatus;
  coach: string | null;
}

function norm(v: string): string {
  return v.trim().replace(/^\[\[|\]\]$/g, '').replace(/\|.*$/, '').trim().toLowerCase();
}

/** The values of a note's type keys, lower-cased, links and lists unwrapped. */
export function typeValues(data: Record<string, unknown>, settings: CoreSettings): string[] {
  const out: string[] = [];
  const push = (v: unknown) => {
    if (typeof v === 'number') out.push(String(v));
    else if (typeof v === 'string' && v.trim() !== '') out.push(norm(v));
    else if (Array.isArray(v)) for (const x of v) push(Array.isArray(x) && x.length === 1 ? `[[${String(x[0])}]]` : x);
  };
  for (const key of settings.layout.typeKeys) push(frontmatterLookup(data, key, settings));
  return out;
}

/** Frontmatter tags (`tags`, `tag`) as lower-case names without `#`. */
export function frontmatterTags(data: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['tags', 'tag', 'Tags']) {
    const v = data[key];
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : [];
    for (const t of list) if (typeof t === 'string' && t.trim() !== '') out.push(t.trim().replace(/^#/, '').toLowerCase());
  }
  return out;
}

const BODY_TAG = /(?:^|\s)#([\p{L}\p{N}_/-]{1,60})/gu;

export function hasSessionTag(data: Record<string, unknown>, lines: readonly string[], from: number, layout: NoteLayout): boolean {
  if (layout.sessionTags.length === 0) return false;
  const wanted = new Set(layout.sessionTags.map((t) => t.replace(/^#/, '').toLowerCase()));
  for (const t of frontmatterTags(data)) if (wanted.has(t)) return true;
  const end = Math.min(lines.length, from + 400);
  const code = new Fences();
  for (let i = from; i < end; i++) {
    const line = lines[i];
    // A tag in a code block (a Dataview query's `FROM #meeting`) is not the note's, as Obsidian reads it.
    if (code.isCode(line) || !line.includes('#') || line.length > 2000) continue;
    for (const m of line.matchAll(BODY_TAG)) if (wanted.has(m[1].toLowerCase())) return true;
  }
  return false;
}

export function inSessionFolder(path: string, settings: CoreSettings): boolean {
  const legacy = settings.sessionsFolder ? settings.sessionsFolder.replace(/\/+$/, '') + '/' : null;
  if (legacy && path.startsWith(legacy)) return true;
  return inFolders(path, settings.layout.sessionFolders);
}

function refFrom(value: string, source: ClientRef['source']): ClientRef | null {
  const v = value.trim();
  if (v === '') return null;
  const target = linkTarget(v);
  const name = basename(target).trim();
  // Only zero-width or direction marks (a paste gone wrong) is no name at all.
  return name === '' || nameKey(name) === '' ? null : { name, target, source };
}

/** Names in a frontmatter value: a string (possibly `A, B`), a link, or a list of them. */
function namesIn(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const x of value) {
      if (Array.isArray(x) && x.length === 1 && typeof x[0] === 'string') out.push(`[[${x[0]}]]`);
      else if (typeof x === 'string' || typeof x === 'number') out.push(String(x));
    }
    return out.filter((x) => x.trim() !== '');
  }
  const raw = linkText(value);
  if (raw === null) return [];
  const whole = raw.trim();
  if (/^\[\[[^\]]*\]\]$/.test(whole)) return [whole];
  const links = whole.length > 2000 ? [] : [...whole.matchAll(/\[\[[^\]]{1,300}\]\]/g)].map((m) => m[0]);
  if (links.length > 1) return links;
  if (!/[,;&]| and /.test(whole)) return [whole];
  // White space folded before the split: a split on `\s*,\s*` backtracks without bound on a run of spaces.
  const folded = whole.length > 2000 ? whole.slice(0, 2000) : whole.replace(/\s+/g, ' ');
  // `Aisha Khan, Maya Chen` is two people; `Doe, Jane` or `,#Jane` is one name as written.
  const parts = folded.split(/ ?[,;&] ?| and /).map((x) => x.trim());
  const link = /^\[\[[^\]]{1,300}\]\]$/;
  const name = /^[\p{L}][\p{L}'’.-]*(?: [\p{L}][\p{L}'’.-]*){0,3}$/u;
  const full = (x: string) => link.test(x) || x.includes(' ');
  // Split only into people: full names (`Aisha Khan, Maya Chen`), or links with names beside them
  // (`[[Imogen Shaw]], Priya`); never `Doe, Jane` or `Jane,Jane Jane.inf`.
  const people =
    parts.length > 1 &&
    parts.every((x) => link.test(x) || name.test(x)) &&
    (parts.every(full) || parts.some((x) => link.test(x)));
  return people ? parts : [raw.trim()];
}

function isCoach(name: string, coachNames: readonly string[]): boolean {
  if (coachNames.length === 0) return false;
  const n = name.trim().toLowerCase();
  const first = n.split(/\s+/)[0];
  return coachNames.some((c) => {
    const x = c.trim().toLowerCase();
    return x === n || x === first || (x.includes(' ') && x.split(/\s+/)[0] === n);
  });
}

/** A `Client: …` line (also `**Coachee**::`, `- With: …`, inside a callout): group 2 names the client. */
export const BODY_CLIENT = /^(?:>\s*)*(?:[-*+]\s+)?(?:\*\*|__)?(client|coachee|mentee|person|with|counterpart|participants?|attendees?|report|direct report)(?:\*\*|__)?\s*(?:::|:)(?:\*\*|__)?\s*(.*?)\s*$/i;
const BODY_DATE = /^(?:>\s*)*(?:[-*+]\s+)?(?:\*\*|__)?(?:date|session date|meeting date|mtgdate|mtg date|when)(?:\*\*|__)?\s*(?:::|:)(?:\*\*|__)?\s*(.+?)\s*$/i;
const BODY_NEXT = /^(?:>\s*)*(?:[-*+]\s+)?(?:[→⇒]\s*)?(?:\*\*|__|\*|_)?(?:next|follow-?up)\s+(?:session|meeting|1:1|1-1|one-on-one|call|check-in|appointment|visit|circle|catch-up|sync|coaching|scheduled)(?:[^:]{0,40}?(?:\*\*|__|\*|_)?\s*(?:::|:)(?:\*\*|__|\*|_)?|\s+(?:is\s+)?(?:on|booked for|set for|scheduled for)\b)\s*(.+?)\s*$/i;

/** The date a `Next session: DATE` line (`**Next Session**: 2026-10-21`, `→ Next scheduled: Oct 21`) gives, if any. */
/** "Next" in Spanish, Portuguese, German, French and Dutch, as a pattern's alternatives. */
const NEXT_WORD_OTHER = 'próxim[oa]|proxim[oa]|siguiente|nächste[rsn]?|naechste[rsn]?|prochaine?|volgende';

/** The same in other languages: `Próxima mentoria: 27/10/2026`, `Nächster Termin: 26.10.2026`, `Prochaine séance : …`. */
export const BODY_NEXT_OTHER = new RegExp(String.raw`^(?:>\s*)*(?:[-*+]\s+)?(?:\*\*|__|\*|_)?(?:${NEXT_WORD_OTHER})\s+(?:sesión|sesion|sessão|sessao|reunión|reunion|reunião|reuniao|mentoria|mentoría|encuentro|cita|sitzung|termin|meeting|treffen|coaching|séance|seance|réunion|rendez-vous|afspraak|sessie|bijeenkomst)[^:]{0,40}?(?:\*\*|__|\*|_)?\s*:(?:\*\*|__|\*|_)?\s*(.+?)\s*$`, 'i');

export function bodyNextDate(line: string, order: DateOrder): string | null {
  if (line.length > 300) return null;
  const m = BODY_NEXT.exec(line) ?? BODY_NEXT_OTHER.exec(line);
  return m ? (findWrittenDate(m[1], order)?.date ?? parseWrittenDate(m[1], order)) : null;
}
const HEADING_LINE = /^ {0,3}#{1,6}[ \t]+(.{0,300})$/;

/** A heading that names the next session (`### Next Session`, `## 📅 Next meeting`) without a date in it. */
const NEXT_HEADING = /^(?:[^\p{L}\p{N}\s]+\s*)?next\s+(?:session|meeting|1:1|1-1|one-on-one|call|check-in|appointment|circle|catch-up|sync|coaching)\b[^\d]{0,40}$/iu;

/**
 * The date a `Next session` heading gives on a `Date:` line under it (`### Next Session` then
 * `- **Date**: 2026-10-20`, as coaching templates write it), if line `i` is such a heading.
 */
function nextUnderHeading(lines: readonly string[], i: number, order: DateOrder): string | null {
  const line = lines[i];
  if (line.length > 120) return null;
  const level = headingLevel(line);
  // A heading, or a label line with nothing after it (`**Nächstes Meeting:**`, then `- **Datum:** 26.10.2026`).
  if (level > 0 ? !NEXT_HEADING.test(headingTitle(line, level)) : !NEXT_LABEL.test(line)) return null;
  for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
    if (headingLevel(lines[j]) > 0) break;
    if (lines[j].length > 300) continue;
    const m = BODY_DATE.exec(lines[j]) ?? NEXT_DATE_FIELD.exec(lines[j]);
    if (m) return findWrittenDate(m[1], order)?.date ?? parseWrittenDate(m[1], order);
  }
  return null;
}

/** A label for the next meeting, in the languages vaults are kept in, with its details on the lines below. */
const NEXT_LABEL = new RegExp(String.raw`^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:next|${NEXT_WORD_OTHER})[ \t]+(?:session|meeting|1:1|call|appointment|sitzung|termin|treffen|sesión|reunión|reunião|mentoria|séance|réunion|afspraak)[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*$`, 'i');
/** The date field under it in those languages (`- **Datum:** 26.10.2026`, `Fecha:`, `Data:`). */
const NEXT_DATE_FIELD = /^(?:>\s*)*(?:[-*+]\s+)?(?:\*\*|__)?(?:datum|fecha|data|termin)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+?)\s*$/i;

/**
 * Reads a session's client references, date, next date, status and coach. `bodyFrom` is the
 * first body line (0-based). Diagnostics are only for values that are there but wrong; a missing
 * client or date is the caller's to report.
 */
export function readSessionMeta(path: string, fm: Frontmatter | null, lines: readonly string[], bodyFrom: number, settings: CoreSettings, diag: Diag): SessionMeta {
  const layout = settings.layout;
  const data = fm?.data ?? {};
  const line = (k: string) => (fm ? keyLine(fm, k, settings) : 1);
  const refs: ClientRef[] = [];

  // 1. Frontmatter client keys.
  for (const key of ['client', ...layout.clientKeys]) {
    const names = namesIn(frontmatterLookup(data, key, settings));
    const people = names.filter((n) => !isCoach(basename(linkTarget(n)), layout.coachNames));
    for (const n of people) {
      const r = refFrom(n, 'frontmatter');
      if (r) refs.push(r);
    }
    if (refs.length > 0) break;
  }
  // 2. Attendees without the coach.
  if (refs.length === 0) {
    for (const key of layout.attendeeKeys) {
      const names = namesIn(frontmatterLookup(data, key, settings)).filter((n) => !isCoach(basename(linkTarget(n)), layout.coachNames));
      for (const n of names) {
        const r = refFrom(n, 'attendees');
        if (r) refs.push(r);
      }
      if (refs.length > 0) break;
    }
  }
  const end = Math.min(lines.length, bodyFrom + 60);
  // 3. A `Client:: X` line near the top of the body.
  if (refs.length === 0 && layout.clientFromBody) {
    for (let i = bodyFrom; i < end; i++) {
      if (lines[i].length > 300) continue;
      const m = BODY_CLIENT.exec(lines[i]);
      if (!m) continue;
      let value = m[2].replace(/\*\*|__/g, '').trim();
      if (value === '') {
        // `**Attendees**:` with the people on the list lines below it.
        const people: string[] = [];
        // Read as the note shows them: a template's `<!-- hint -->` line is not the end of the list.
        const mask = new CommentMask();
        for (let j = i + 1; j < end && j < i + 12; j++) {
          const shown = mask.visible(lines[j]);
          const item = /^[ \t]*(?:>[ \t]?)*[-*+][ \t]+(.+?)[ \t]*$/.exec(shown);
          if (!item) {
            if (shown.trim() === '') continue;
            break;
          }
          people.push(item[1].replace(/\*\*|__/g, ''));
        }
        value = people.join(', ');
      }
      for (const n of namesIn(value)) {
        if (isCoach(basename(linkTarget(n)), layout.coachNames)) continue;
        const r = refFrom(n, 'body');
        if (r) refs.push(r);
      }
      if (refs.length > 0) break;
    }
  }
  // `Client: Hannah` in a note under `clients/hannah-weiss/`: the folder gives her whole name.
  const only = refs.length === 1 ? refs[0] : null;
  if (only !== null && only.source === 'body' && layout.clientFromFolder && !/\s/.test(only.name)) {
    const full = folderName(path);
    if (full !== null && full.toLowerCase().startsWith(`${only.name.toLowerCase()} `)) refs[0] = { name: full, target: full, source: 'body' };
  }
  // 3b. A `## Participants` heading with the people listed under it.
  if (refs.length === 0 && layout.clientFromBody) {
    for (let i = bodyFrom; i < end && refs.length === 0; i++) {
      const h = HEADING_LINE.exec(lines[i]);
      if (!h || !/^(?:participants|attendees|people|present|with|client|coachee)\s*:?\s*$/i.test(h[1].trim())) continue;
      // Read as the note shows them: a template's hint under the heading (`<!-- List of meeting participants -->`) is not the end of the list.
      const mask = new CommentMask();
      for (let j = i + 1; j < end && j < i + 12; j++) {
        const shown = mask.visible(lines[j]);
        const item = /^[ \t]*[-*+][ \t]+(.+?)[ \t]*$/.exec(shown);
        if (!item) {
          if (shown.trim() === '') continue;
          break;
        }
        for (const n of namesIn(item[1].replace(/\*\*|__/g, ''))) {
          if (isCoach(basename(linkTarget(n)), layout.coachNames)) continue;
          const r = refFrom(n, 'body');
          if (r) refs.push(r);
        }
      }
    }
  }
  // 4. The folder the note is in, or the person's folder above a folder of sessions or years
  // (`Clients/Jane Doe/Sessions/2026-10-06.md`, `Clients/Jane Doe/2025/…`).
  if (refs.length === 0 && layout.clientFromFolder) {
    const name = folderName(path);
    if (name && !isCoach(name, layout.coachNames)) refs.push({ name, target: name, source: 'folder' });
  }
  // 5. The file name.
  // Read when asked: a client and a date from the frontmatter (most notes) need nothing of it.
  let parts: ReturnType<typeof filenameParts> | null = null;
  const fileParts = () => (parts ??= filenameParts(path, layout));
  if (refs.length === 0 && layout.clientFromFilename) {
    const name = fileParts().name;
    if (name && !isCoach(name, layout.coachNames)) refs.push({ name, target: name, source: 'filename' });
  }
  // 6. The first link in the H1 title.
  if (refs.length === 0 && layout.clientFromTitle) {
    for (let i = bodyFrom; i < end; i++) {
      const h = HEADING_LINE.exec(lines[i]);
      if (!h) continue;
      const link = /\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]/.exec(h[1]);
      if (link && basename(link[1]) !== basename(path) && findWrittenDate(link[1], layout.dateOrder) === null && !isCoach(basename(link[1]), layout.coachNames)) {
        const r = refFrom(`[[${link[1]}]]`, 'title');
        if (r) refs.push(r);
      } else if (!link && headingLevel(lines[i]) === 1) {
        // `# Session — Tom Baker`, `# Coaching Session - Maria Lopez - 2026-10-06`, `# 1:1 with Ana Ruiz`.
        const name = nameInSessionTitle(h[1], layout.dateOrder);
        if (name && !isCoach(name, layout.coachNames)) refs.push({ name, target: name, source: 'title' });
      }
      break;
    }
  }

  // The date: frontmatter, file name, a `Date:` line, the first dated heading.
  let date: string | null = null;
  for (const key of ['date', ...layout.dateKeys]) {
    const raw = frontmatterLookup(data, key, settings);
    if (raw === undefined || raw === null || raw === '') continue;
    date = dateValue(raw) ?? (typeof raw === 'string' ? parseWrittenDate(raw, layout.dateOrder) : null);
    if (date === null) {
      diag(line(key), 'error', `session date '${valueText(raw)}' does not parse (expected YYYY-MM-DD); write it as date: 2026-11-20 so the session is read`);
      return { refs, date: null, next: null, status: 'held', coach: null };
    }
    break;
  }
  if (date === null && layout.dateFromFilename) date = fileParts().date;
  if (date === null && layout.dateFromBody) {
    // A `Date:` line under a `### Next Session` heading is the next session's, not this one's.
    let underNext = false;
    for (let i = bodyFrom; i < end && date === null; i++) {
      if (lines[i].length > 300) continue;
      const m = underNext ? null : BODY_DATE.exec(lines[i]);
      if (m) date = parseWrittenDate(m[1], layout.dateOrder) ?? findWrittenDate(m[1], layout.dateOrder)?.date ?? null;
      else {
        const h = HEADING_LINE.exec(lines[i]);
        if (h) {
          underNext = NEXT_HEADING.test(h[1].trim());
          if (!underNext) date = findWrittenDate(h[1], layout.dateOrder)?.date ?? null;
        }
      }
    }
  }

  let next: string | null = null;
  for (const key of ['next', ...layout.nextKeys]) {
    const raw = frontmatterLookup(data, key, settings);
    if (raw === undefined || raw === null || raw === '') continue;
    next = dateValue(raw) ?? (typeof raw === 'string' ? parseWrittenDate(raw, layout.dateOrder) : null);
    if (next === null) diag(line(key), 'warning', `next session date '${valueText(raw)}' does not parse (expected YYYY-MM-DD); ignored`);
    break;
  }
  if (next === null && layout.dateFromBody) {
    for (let i = bodyFrom; i < lines.length && i < bodyFrom + 400 && next === null; i++) next = bodyNextDate(lines[i], layout.dateOrder) ?? nextUnderHeading(lines, i, layout.dateOrder);
  }
  if (next !== null && date !== null && next < date) {
    diag(line('next'), 'warning', `next session ${next} is before this session's date ${date}; check the next: date (or this session's date)`);
  }

  let status: SessionStatus = 'held';
  const rawStatus = frontmatterLookup(data, 'status', settings);
  if (rawStatus !== undefined && rawStatus !== null && rawStatus !== '') {
    // `held`, as nearly every note has it, without a lower-cased copy to look up.
    const s = rawStatus === 'held' ? 'held' : SESSION_STATUS[valueText(rawStatus).trim().toLowerCase()];
    if (s) status = s;
    else if (!settingsIsExtended(settings)) diag(line('status'), 'warning', `session status '${valueText(rawStatus)}' is not held, cancelled or no-show; read as held`);
  }
  return { refs, date, next, status, coach: personName(frontmatterLookup(data, 'coach', settings)) };
}

/** Other layouts use `status` for their own words (`done`, `draft`): not worth a warning there. */
function settingsIsExtended(settings: CoreSettings): boolean {
  const l = settings.layout;
  return l.sessionTypes.length > 1 || l.sessionFolders.length > 0 || l.sessionTags.length > 0 || l.flexibleItems;
}

export { inFolders };
