/**
 * New session notes, for a recommitment whose client has no note yet for their next session:
 * the path (folder + filename pattern), the text (the coach's template with its placeholders
 * filled), and which session a carried-forward commitment should go to.
 */
import { addDays, parseIsoDate, WEEKDAY_NAMES, weekday } from '../dates';
import { frontmatterRange, readFrontmatter } from '../parse/frontmatter';
import { parseNote } from '../parse/note';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { IsoDate, SessionStatus } from '../types';
import { defaultDueDate } from './capture';
import { setFrontmatterValue } from './frontmatter-edit';
import { LineEditor } from './text';
import { valueText } from '../plain-text';

export interface SessionNoteSettings {
  /** Folder for new session notes; '' puts them next to the session they continue. */
  folder: string;
  /** Template text; '' uses DEFAULT_SESSION_TEMPLATE. Placeholders: {{client}}, {{date}}, {{date:FORMAT}}, {{title}}. */
  template: string;
  /** Filename without `.md`; same placeholders. */
  filenamePattern: string;
}

export const DEFAULT_SESSION_TEMPLATE = `---
type: session
client: "[[{{client}}]]"
date: {{date}}
---
## Summary

## Commitments
`;

export const DEFAULT_SESSION_NOTE_SETTINGS: Readonly<SessionNoteSettings> = Object.freeze({
  folder: '',
  template: '',
  filenamePattern: '{{date}} {{client}}',
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date in a moment.js-style format (the tokens Obsidian's templates use most). */
export function formatDate(date: IsoDate, format: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const wd = weekday(date);
  return format.replace(/\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd/g, (tok, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (tok) {
      case 'YYYY':
        return String(y).padStart(4, '0');
      case 'YY':
        return String(y % 100).padStart(2, '0');
      case 'MMMM':
        return MONTHS[m - 1];
      case 'MMM':
        return MONTHS[m - 1].slice(0, 3);
      case 'MM':
        return String(m).padStart(2, '0');
      case 'M':
        return String(m);
      case 'DD':
        return String(d).padStart(2, '0');
      case 'D':
        return String(d);
      case 'dddd':
        return WEEKDAY_NAMES[wd];
      case 'ddd':
        return WEEKDAY_NAMES[wd].slice(0, 3);
      default:
        return tok;
    }
  });
}

/** Fills `{{client}}`, `{{date}}`, `{{date:FORMAT}}` and `{{title}}`; other placeholders are left alone. */
export function fillPlaceholders(template: string, values: { client: string; date: IsoDate; title?: string }): string {
  // Linear time: a format runs to the first `}` (at most 200 characters) and is trimmed in code.
  return template.replace(/\{\{[ \t]*(client|date|title)[ \t]*(?::([^}]{0,200}))?\}\}/gi, (whole, name: string, format: string | undefined) => {
    switch (name.toLowerCase()) {
      case 'client':
        return values.client;
      case 'date':
        return format?.trim() ? formatDate(values.date, format.trim()) : values.date;
      case 'title':
        return values.title ?? whole;
      default:
        return whole;
    }
  });
}

/** Characters Obsidian will not have in a note name (or in a link to it). */
const BAD_NAME_CHARS = /[\\/:*?"<>|#^[\]]/g;

/** `s` without leading and trailing slashes (a scan, not a regex, so a long run costs nothing). */
function trimSlashes(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === '/') start++;
  while (end > start && s[end - 1] === '/') end--;
  return s.slice(start, end);
}

/** The vault path of a new session note. */
export function sessionNotePath(settings: SessionNoteSettings, client: string, date: IsoDate, fallbackFolder = ''): string {
  const pattern = settings.filenamePattern.trim() || DEFAULT_SESSION_NOTE_SETTINGS.filenamePattern;
  const name = fillPlaceholders(pattern, { client, date }).replace(BAD_NAME_CHARS, ' ').replace(/\s+/g, ' ').trim() || `${date} ${client}`;
  const folder = trimSlashes((settings.folder.trim() || fallbackFolder).replace(/\\/g, '/'));
  return folder ? `${folder}/${name}.md` : `${name}.md`;
}

function isEmptyRef(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.replace(/[[\]\s"']/g, '') === '';
  if (Array.isArray(v)) return JSON.stringify(v).replace(/[[\]\s"',]/g, '') === '';
  return false;
}

/** What a wikilink target cannot carry: what ends or splits a link, or Obsidian refuses in a note name. */
const UNLINKABLE = /[\\/:*?"<>|#^[\]\u007f\u0085\u2028\u2029]|(?![\u007f-\u009f])\p{Cc}/u;

/**
 * The `client:` value for a client's name: `[[Name]]` where a link can carry the name exactly,
 * else the name itself (written as a quoted YAML string), so it always reads back as the name:
 * `Jane #2` as a link would read back as `Jane`, `A|B` as `A`.
 */
export function clientReference(name: string): string {
  const linkable = name !== '' && name === name.trim() && !UNLINKABLE.test(name) && !/\.md$/i.test(name);
  return linkable ? `[[${name}]]` : name;
}

/**
 * The client's name as placeholders in the template's frontmatter get it: letters, digits and
 * single spaces only, so no name can break the YAML around it. (The `client:` key is then set to
 * the exact name, see `clientReference`.)
 */
function frontmatterSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A name on one line, for the note's body (a heading `# {{client}}` must stay one line), that
 * opens no comment: a `%%` or `<!--` in the name would hide the rest of the note, its Commitments
 * heading with it, from Obsidian and from the reader.
 */
function bodySafe(name: string): string {
  let out = name.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(/%{2,}/g, '%');
  while (out.includes('<!--')) out = out.replace(/<!--/g, '<! --');
  return out;
}

/** The template filled: the frontmatter with a YAML-safe name, the body with the name on one line and no comment marker. */
function fillTemplate(template: string, values: { client: string; date: IsoDate; title?: string }): string {
  const lines = template.split('\n');
  const range = frontmatterRange(lines.map((l) => l.replace(/\r$/, '')));
  const end = range !== null && 'end' in range ? range.end + 1 : 0;
  const head = lines.slice(0, end).join('\n');
  const body = lines.slice(end).join('\n');
  const filledHead = end > 0 ? fillPlaceholders(head, { ...values, client: frontmatterSafe(values.client) }) : '';
  const filledBody = fillPlaceholders(body, { ...values, client: bodySafe(values.client) });
  return end > 0 ? (end < lines.length ? `${filledHead}\n${filledBody}` : filledHead) : filledBody;
}

/**
 * A new session note's text: the template with placeholders filled, and whatever the parser
 * needs made sure of: `type: session`, a `client:` that reads back as the client's name, `date:`,
 * and a commitments heading. Keys the template already sets well are left as written.
 */
export function renderSessionNote(args: {
  client: string;
  date: IsoDate;
  template?: string;
  title?: string;
  settings?: CoreSettings;
}): string {
  const settings = args.settings ?? DEFAULT_CORE_SETTINGS;
  const template = args.template && args.template.trim() !== '' ? args.template : DEFAULT_SESSION_TEMPLATE;
  let text = fillTemplate(template, { client: args.client, date: args.date, title: args.title });

  const data = () => readFrontmatter(text.split('\n').map((l) => l.replace(/\r$/, '')))?.data ?? {};
  const set = (key: string, value: string) => {
    const r = setFrontmatterValue(text, key, value);
    if (r.ok) text = r.text;
  };
  if (valueText(data().type).trim().toLowerCase() !== 'session') set('type', 'session');
  if (isEmptyRef(data().client)) set('client', clientReference(args.client));
  const d = data().date;
  if ((typeof d === 'string' ? parseIsoDate(d) : d instanceof Date ? d.toISOString().slice(0, 10) : null) !== args.date) set('date', args.date);
  // The template's `client:` (filled with a YAML-safe form of the name) must read back as the name.
  if (parseNote('new.md', text, settings).session?.clientRef !== args.client.trim()) set('client', clientReference(args.client));

  const parsed = parseNote('new.md', text, settings);
  if (parsed.session && parsed.session.commitmentsHeadingLine === null) {
    const editor = new LineEditor(text);
    appendSection(editor, '## Commitments');
    text = editor.text();
  }
  return text;
}

/** Appends a heading at the end of the note, after a blank line, keeping the final newline (or its absence). */
export function appendSection(editor: LineEditor, heading: string, body: readonly string[] = []): number {
  let last = editor.endsWithNewline ? editor.length - 2 : editor.length - 1;
  const lines: string[] = [];
  if (last >= 0 && editor.lines[last].trim() !== '') lines.push('');
  lines.push(heading);
  for (const line of body) lines.push(line);
  editor.insertAfter(last, lines);
  last += lines.length - body.length; // 0-based index of the heading
  return last + 1;
}

export interface CarrySession {
  path: string;
  date: IsoDate;
  next: IsoDate | null;
  status: SessionStatus;
}

export type CarryDestination =
  | { kind: 'existing'; path: string; sessionDate: IsoDate; defaultDue: IsoDate }
  | { kind: 'new'; path: string; sessionDate: IsoDate; defaultDue: IsoDate; text: string };

export interface CarryPlanInput {
  client: { name: string; cadence: number };
  /** The session the commitment was made in. */
  from: CarrySession;
  /** The client's sessions (any order; `from` may be among them). */
  sessions: readonly CarrySession[];
  today: IsoDate;
  leadDays: number;
  noteSettings?: SessionNoteSettings;
  settings?: CoreSettings;
  /** Whether a path is taken in the vault, so a new note never overwrites one. */
  exists: (path: string) => boolean;
}

/**
 * Where a carried-forward commitment goes: the client's next session, i.e. the earliest held
 * session after the one it came from that is today or later; if there is no note for it, a new
 * note for the next session date (the latest session's `next`, else its date plus the cadence,
 * moved on by the cadence until it is not in the past). The default due date is the spec's default
 * for a commitment of that session.
 */
export function planCarryTarget(input: CarryPlanInput): CarryDestination {
  const { client, from, today, leadDays } = input;
  const cadence = client.cadence > 0 ? client.cadence : DEFAULT_CORE_SETTINGS.defaultCadence;
  const upcoming = input.sessions
    .filter((s) => s.path !== from.path && s.status === 'held' && s.date > from.date && s.date >= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : 1))[0];
  if (upcoming) {
    return { kind: 'existing', path: upcoming.path, sessionDate: upcoming.date, defaultDue: defaultDueDate(upcoming, cadence, leadDays) };
  }
  let latest = from;
  for (const s of input.sessions) if (s.date > latest.date) latest = s;
  let date = latest.next && latest.next > latest.date ? latest.next : addDays(latest.date, cadence);
  while (date < today) date = addDays(date, cadence);

  const noteSettings = input.noteSettings ?? DEFAULT_SESSION_NOTE_SETTINGS;
  const folder = from.path.includes('/') ? from.path.slice(0, from.path.lastIndexOf('/')) : '';
  const base = sessionNotePath(noteSettings, client.name, date, folder);
  let path = base;
  for (let n = 2; input.exists(path); n++) path = base.replace(/\.md$/, ` ${n}.md`);
  const title = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
  const text = renderSessionNote({ client: client.name, date, template: noteSettings.template, title, settings: input.settings });
  return { kind: 'new', path, sessionDate: date, defaultDue: addDays(date, cadence - leadDays), text };
}

