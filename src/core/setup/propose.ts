/**
 * "Set up from my notes": look at a vault's notes, propose the note layout that reads them
 * (which folders, types and tags are sessions, where client and date come from, the coach's
 * names, the date order), and say what it would read. Pure: the caller passes the notes and the
 * vault's Obsidian settings it found; nothing here writes anything.
 */
import { findWrittenDate } from '../natural-dates';
import { DEFAULT_LAYOUT, EVERY_RULE, PERSON_WORD, resolveLayout, type DateOrder, type NoteLayout } from '../layout/layout';
import { readFrontmatter } from '../parse/frontmatter';
import { splitLines } from '../parse/lines';
import { basename } from '../parse/records';
import { BODY_CLIENT, frontmatterTags } from '../parse/session-meta';
import { filenameParts, nameFromWords } from '../parse/session-names';
import { normaliseHeading } from '../parse/headings';
import { pushTo } from '../index/keys';

export interface SetupInput {
  /** The vault's notes as `[path, text]`. */
  notes: readonly (readonly [string, string])[];
  /** The coach's name, when given (`--coach`): items prefixed with it, `Me:` or `I:` are the coach's. */
  coach?: string | null;
  /** Obsidian's own settings where the vault has them: the templates and daily-notes folders. */
  templatesFolder?: string | null;
  dailyNotesFolder?: string | null;
}

export interface SetupProposal {
  layout: NoteLayout;
  /** One line per choice, saying what was seen that made it. */
  reasons: string[];
}

const TYPE_KEYS = ['type', 'category', 'kind', 'note-type', 'notetype'];
const SESSION_WORDS = /^(?:session|sessions|coaching|coaching[- ]session|coaching[- ]call|one-on-one|one-on-ones|1-1|1:1|1on1|121|meeting|meetings|1-1 meeting|mentoring|therapy|therapy[- ]session|counselling|counseling|check-in|checkin|supervision|consultation|appointment|call)$/;
const SESSION_TAG = /(?:^|\/)(?:session|sessions|coaching|1-1|1on1|121|one-on-one|oneonone|meeting|meetings|therapy|mentoring|check-in|supervision)(?:$|\/)/;
const CLIENT_KEYS = ['client', 'coachee', 'person', 'with', 'counterpart', 'mentee', 'report', 'direct_report', 'employee', 'patient', 'customer', 'cliente', 'klient', 'kunde', 'mentorado', 'mentorada', 'persona', 'pessoa'];
const ATTENDEE_KEYS = ['attendees', 'participants', 'people', 'members', 'asistentes', 'participantes', 'teilnehmer', 'deelnemers'];
const DATE_KEYS = ['meeting_date', 'session_date', 'meeting-date', 'session-date', 'date_of_session', 'meetingdate', 'sessiondate', 'day', 'created', 'created_at', 'date_created', 'fecha', 'data', 'datum'];
const NEXT_KEYS = ['next_meeting', 'next_session', 'next-meeting', 'next-session', 'nextmeeting', 'nextsession', 'next_date'];
const ACTION_HEADING = /^(?:commitments?|action items?|action points|actions|next steps|next actions|to ?-?dos?|takeaways|follow-?ups?|homework|between sessions|tasks|plan|assignments|agreed actions|outstanding|open (?:action )?items)\b/;

interface NoteFacts {
  path: string;
  folder: string;
  types: string[];
  tags: string[];
  keys: string[];
  /** An action-items heading with list items under it, or checkboxes. */
  actions: boolean;
  dated: boolean;
  datedHeadings: number;
  linkHeadings: number;
  template: boolean;
  /** Items written with a ballot box (`☐ Send the deck`, `□ …`, `☑ …`), as a pasted email or Word document has them. */
  ballots: number;
  /** Items written as Logseq tasks (`- TODO Send the deck`, `- DONE …`). */
  logseq: number;
  /**
   * Something in the note can name its client: a client or attendees key, a name beside the date
   * in the file name, a `[[link]]` heading, or a `Client:` line. A journal's `2026-11-20.md` has none.
   */
  person: boolean;
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function factsOf(path: string, text: string, order: DateOrder): NoteFacts {
  const { lines } = splitLines(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const fm = readFrontmatter(lines);
  const data = fm && !fm.error ? fm.data : {};
  const keys = Object.keys(data).map((k) => k.toLowerCase());
  const types: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (!TYPE_KEYS.includes(k.toLowerCase())) continue;
    for (const x of Array.isArray(v) ? v.flat() : [v]) if (typeof x === 'string') types.push(x.replace(/^\[\[|\]\]$/g, '').trim().toLowerCase());
  }
  let actions = false;
  let inActions = false;
  let datedHeadings = 0;
  let linkHeadings = 0;
  let hasDateLine = false;
  let bodyPerson = false;
  for (let i = fm ? fm.endLine : 0; i < lines.length && i < 3000; i++) {
    const l = lines[i];
    if (l.length > 500) continue;
    const h = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(l);
    if (h) {
      const key = normaliseHeading(h[1]);
      inActions = ACTION_HEADING.test(key);
      if (findWrittenDate(h[1], order)) datedHeadings++;
      if (/\[\[[^\]]+\]\]/.test(h[1])) linkHeadings++;
      continue;
    }
    if (/^[ \t]*(?:>[ \t]?)*\[!todo\]/i.test(l)) inActions = true;
    // A checkbox anywhere, a bullet or a table row (`| Task | Owner | Due |`) under an action heading.
    if (/^[ \t]*(?:>[ \t]?)*[-*+][ \t]+\[.\]/.test(l) || (inActions && /^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+\S|\|.*\S.*\|)/.test(l))) actions = true;
    if (/^(?:[-*+][ \t]+)?(?:\*\*|__)?(?:date|session date|meeting date|mtgdate|data|fecha|datum)(?:\*\*|__)?\s*::?/i.test(l)) hasDateLine = true;
    if (BODY_CLIENT.test(l)) bodyPerson = true;
  }
  let ballots = 0;
  let logseq = 0;
  for (const l of lines) {
    if (/^[ \t]*(?:[-*+•][ \t]+)?[☐□☑☒✅❎][ \t]+\S/u.test(l)) ballots++;
    else if (/^[ \t]*[-*+][ \t]+(?:TODO|DONE|LATER|NOW|DOING|WAITING|CANCEL(?:L)?ED)[ \t]+\S/.test(l)) logseq++;
  }
  const placeholders = text.includes('{{') || text.includes('<%');
  const frontPlaceholders = fm !== null && lines.slice(0, fm.endLine).some((l) => l.includes('{{') || l.includes('<%'));
  const fmDate = keys.some((k) => k === 'date' || DATE_KEYS.includes(k));
  const file = filenameParts(path, { dateOrder: order });
  const dated = fmDate || hasDateLine || file.date !== null || datedHeadings > 0;
  // A template is in a templates folder, or has placeholders and no real date of its own.
  const template = TEMPLATE_FOLDER.test(path) || frontPlaceholders || (placeholders && !dated);
  const nameInFile = (file.date !== null ? file.name : nameFromWords(basename(path))) !== null;
  const person = bodyPerson || linkHeadings > 0 || nameInFile || keys.some((k) => CLIENT_KEYS.includes(k) || ATTENDEE_KEYS.includes(k));
  return {
    path,
    person,
    folder: folderOf(path),
    types,
    tags: frontmatterTags(data),
    keys,
    actions,
    dated,
    datedHeadings,
    linkHeadings,
    template,
    ballots,
    logseq,
  };
}

/** Numeric dates whose first or second part is over 12 say which order the vault writes. */
function detectDateOrder(notes: readonly (readonly [string, string])[]): { order: DateOrder; why: string } {
  let dmy = 0;
  let mdy = 0;
  for (const [, text] of notes) {
    if (text.length > 200_000) continue;
    for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?\b/g)) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a > 12 && a <= 31 && b <= 12) dmy++;
      else if (b > 12 && b <= 31 && a <= 12) mdy++;
    }
  }
  if (dmy > mdy) return { order: 'dmy', why: `dates like 25/10 (${dmy}) read day first` };
  return { order: 'mdy', why: mdy > 0 ? `dates like 10/25 (${mdy}) read month first` : 'no numeric date decides the order; month first' };
}

function share<T>(list: T[], ok: (x: T) => boolean): number {
  return list.length === 0 ? 0 : list.filter(ok).length / list.length;
}

function guessDailyFolder(notes: NoteFacts[]): string | null {
  const byFolder = new Map<string, NoteFacts[]>();
  for (const f of notes) if (f.folder !== '') pushTo(byFolder, f.folder, f);
  for (const [folder, list] of byFolder) {
    // Not a folder of sessions named by their date that name their client (`reuniones/2026-10-07.md`, `cliente: …`).
    if (list.length >= 3 && share(list, (f) => /^\d{4}-\d{2}-\d{2}$/.test(basename(f.path))) >= 0.8 && share(list, (f) => f.person) < 0.5) return folder;
  }
  return null;
}

/**
 * A templates folder by its name, in the languages vaults are kept in (`Templates/`, `_templates/`,
 * `00-Plantillas./`, `Vorlagen/`, `Modèles/`), at any depth: the match ends with the folder's slash.
 */
const TEMPLATE_FOLDER = /(?:^|\/)[\d\s._-]*(?:_?templates?|templater|plantillas?|vorlagen?|mod[eè]les?|modelos|modelli|sjablonen|szablony|mallar|skabeloner|maler|шаблоны|テンプレート|模板)(?:[\s._-][^/]*)?\//iu;

// One person's `client-data/emma-clark/progress/` chosen, and another's `client-data/raj-patel/progress/`
// too small to choose alone: the same folder in every person's folder (`client-data/*/progress/**`),
// when at least two persons' such folders hold a session. Null when `folder` is not such a folder.
function sameFolderInEach(folder: string, byFolder: ReadonlyMap<string, NoteFacts[]>, sessiony: (f: NoteFacts) => boolean): { glob: string; siblings: string[]; count: number } | null {
  const parts = folder.split('/');
  if (parts.length < 3) return null;
  const parent = parts.slice(0, -2).join('/');
  const leaf = parts[parts.length - 1].toLowerCase();
  const siblings = [...byFolder.keys()].filter((f) => {
    const p = f.split('/');
    return p.length === parts.length && p.slice(0, -2).join('/') === parent && p[p.length - 1].toLowerCase() === leaf && nameFromWords(p[p.length - 2]) !== null;
  });
  if (siblings.length < 2 || !siblings.every((f) => byFolder.get(f)!.some(sessiony))) return null;
  return { glob: `${parent}/*/${parts[parts.length - 1]}/**`, siblings, count: siblings.reduce((n, f) => n + byFolder.get(f)!.length, 0) };
}

export function proposeLayout(input: SetupInput): SetupProposal {
  const reasons: string[] = [];
  const { order, why } = detectDateOrder(input.notes);
  const facts = input.notes.filter(([p]) => p.toLowerCase().endsWith('.md')).map(([p, t]) => factsOf(p, t, order));
  const sessiony = (f: NoteFacts) => !f.template && f.actions && f.dated;

  const ignore = new Set<string>();
  if (input.templatesFolder) ignore.add(`${input.templatesFolder.replace(/\/+$/, '')}/**`);
  for (const f of facts) {
    const m = TEMPLATE_FOLDER.exec(f.path);
    if (m) ignore.add(`${f.path.slice(0, m.index + m[0].length - 1)}/**`);
  }
  // A folder of nothing but templates (placeholders, no date of their own), whatever its name.
  const byParent = new Map<string, NoteFacts[]>();
  for (const f of facts) if (f.folder !== '') pushTo(byParent, f.folder, f);
  for (const [folder, list] of byParent) {
    if (list.length >= 2 && list.every((f) => f.template) && ![...ignore].some((g) => `${folder}/`.toLowerCase().startsWith(g.slice(0, -2).toLowerCase()))) ignore.add(`${folder}/**`);
  }
  if (ignore.size > 0) reasons.push(`not read: ${[...ignore].join(', ')} (templates)`);
  const ignored = (f: NoteFacts) => [...ignore].some((g) => f.path.toLowerCase().startsWith(g.slice(0, -3).toLowerCase() + '/'));
  const live = facts.filter((f) => !ignored(f) && !f.template);
  // Notes our own format already reads need nothing: only sessions it cannot read shape the layout.
  const ours = (f: NoteFacts) => f.types.includes('session') || f.types.includes('client');
  const unread = live.filter((f) => sessiony(f) && !ours(f));

  // Types: values of type/category/kind whose notes are mostly sessions.
  const byType = new Map<string, NoteFacts[]>();
  for (const f of live) for (const t of f.types) pushTo(byType, t, f);
  const sessionTypes = new Set<string>(['session']);
  const clientTypes = new Set<string>(['client']);
  const typeKeys = new Set<string>(['type']);
  for (const [t, list] of byType) {
    if (PERSON_WORD.test(t)) {
      clientTypes.add(t);
      continue;
    }
    if (SESSION_WORDS.test(t) || (list.length >= 2 && share(list, sessiony) >= 0.6 && /session|coach|meeting|1-1|1:1|one|121|therapy|mentor|check/.test(t))) {
      sessionTypes.add(t);
      reasons.push(`sessions: notes whose type is '${t}' (${list.length})`);
    }
  }
  for (const f of live) {
    for (const k of Object.keys(Object.fromEntries(f.keys.map((x) => [x, 1])))) if (TYPE_KEYS.includes(k) && f.types.some((t) => sessionTypes.has(t) || clientTypes.has(t))) typeKeys.add(k);
  }
  if (clientTypes.size > 1) reasons.push(`clients: notes whose type is ${[...clientTypes].filter((t) => t !== 'client').map((t) => `'${t}'`).join(', ')}`);

  // Tags.
  const byTag = new Map<string, NoteFacts[]>();
  for (const f of live) for (const t of f.tags) pushTo(byTag, t, f);
  const sessionTags: string[] = [];
  for (const [t, list] of byTag) {
    if (SESSION_TAG.test(t) && share(list, sessiony) >= 0.5) {
      sessionTags.push(t);
      reasons.push(`sessions: notes tagged #${t} (${list.length})`);
    }
  }

  // Obsidian's daily-notes folder, or a folder whose notes are nearly all named by a date alone.
  const dailyFolder = input.dailyNotesFolder ?? guessDailyFolder(live);

  // Folders where most notes are sessions; a folder of per-person sub-folders becomes `X/*/`.
  const byFolder = new Map<string, NoteFacts[]>();
  for (const f of live) {
    const parts = f.folder === '' ? [] : f.folder.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      pushTo(byFolder, folder, f);
    }
  }
  const sessionFolders: string[] = [];
  const chosen: string[] = [];
  for (const folder of [...byFolder.keys()].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))) {
    if (chosen.some((c) => folder === c || folder.startsWith(c + '/'))) continue;
    // Daily notes hold sessions only in the sections that name a client.
    if (dailyFolder && folder === dailyFolder) continue;
    const list = byFolder.get(folder)!;
    if (list.length < 2 || share(list, sessiony) < 0.6) continue;
    if (list.every((f) => f.types.some((t) => clientTypes.has(t)))) continue;
    const subs = new Set(list.filter((f) => f.folder !== folder).map((f) => f.folder.slice(folder.length + 1).split('/')[0]));
    const direct = list.filter((f) => f.folder === folder).length;
    const perPerson = subs.size >= 2 && direct <= list.length / 4 && [...subs].filter((s) => nameFromWords(s) !== null).length >= subs.size * 0.7;
    // A journal's dated notes have no client to read: as sessions they would each be an error.
    if (!perPerson && share(list, (f) => sessiony(f) && f.person) < 0.6) continue;
    chosen.push(folder);
    const same = perPerson ? null : sameFolderInEach(folder, byFolder, sessiony);
    if (same !== null) {
      // Every person's folder of that name is taken, so none of them is looked at again.
      chosen.push(...same.siblings);
      sessionFolders.push(same.glob);
      reasons.push(`sessions: notes in ${same.glob} (${same.count}, the same folder in each person's: ${same.siblings.map((f) => f.split('/').slice(-2)[0]).slice(0, 3).join(', ')}…)`);
      continue;
    }
    // Sessions kept a level further down (`Clients/Jane Doe/Sessions/…`): every depth of the person's folder.
    const deeper = perPerson && list.some((f) => f.folder.split('/').length > folder.split('/').length + 1);
    const glob = perPerson ? (deeper ? `${folder}/*/**` : `${folder}/*/`) : `${folder}/**`;
    sessionFolders.push(glob);
    reasons.push(`sessions: notes in ${glob} (${list.length}${perPerson ? `, a sub-folder per person: ${[...subs].slice(0, 3).join(', ')}…` : ''})`);
  }

  const keysSeen = new Set(live.filter(sessiony).flatMap((f) => f.keys));
  const clientKeys = CLIENT_KEYS.filter((k) => k !== 'client' && keysSeen.has(k));
  const attendeeKeys = ATTENDEE_KEYS.filter((k) => keysSeen.has(k));
  const dateKeys = DATE_KEYS.filter((k) => keysSeen.has(k));
  const nextKeys = NEXT_KEYS.filter((k) => keysSeen.has(k));
  if (clientKeys.length > 0) reasons.push(`client from the frontmatter keys ${['client', ...clientKeys].join(', ')}`);
  if (attendeeKeys.length > 0) reasons.push(`client from ${attendeeKeys.join(', ')} without the coach`);
  if (dateKeys.length > 0) reasons.push(`date from the frontmatter keys date, ${dateKeys.join(', ')}`);

  const datedSections = live.some((f) => f.datedHeadings >= 2 && f.actions && !f.keys.includes('date'));
  if (datedSections) reasons.push('a session per dated heading (## 2026-11-20) in person notes');
  let dailyNotesFolder = '';
  if (dailyFolder !== null) {
    const daily = live.filter((f) => f.folder === dailyFolder || (dailyFolder === '' && f.folder === ''));
    if (daily.some((f) => f.linkHeadings > 0 && f.actions && findWrittenDate(basename(f.path), order))) {
      dailyNotesFolder = dailyFolder;
      if (dailyNotesFolder !== '') reasons.push(`daily notes in ${dailyNotesFolder}: a section naming a client is a session`);
    }
  }

  const coach = input.coach?.trim() || null;
  const coachNames = ['Me', 'I', 'Myself'];
  if (coach) {
    coachNames.unshift(coach);
    const first = coach.split(/\s+/)[0];
    if (first !== coach) coachNames.splice(1, 0, first);
    reasons.push(`the coach's items: prefixed ${coachNames.map((n) => `'${n}:'`).join(', ')}`);
  }
  reasons.push(`numeric dates: ${why}`);

  const extended = unread.length > 0 && (sessionTypes.size > 1 || sessionTags.length > 0 || sessionFolders.length > 0 || clientTypes.size > 1 || datedSections || dailyNotesFolder !== '');
  if (!extended) {
    if (unread.length > 0) {
      // Notes that look like sessions, but nothing they share (a folder, a type, a tag) says so, or
      // nothing in them names a client: say which, and what would have them read.
      const shown = unread.slice(0, 3).map((f) => f.path).join(', ');
      reasons.push(
        `${unread.length} note${unread.length === 1 ? ' looks' : 's look'} like a session (action items and a date: ${shown}${unread.length > 3 ? ', …' : ''}) but no folder, type or tag that holds them, or no client named in them, says so; not read. ` +
          'To have them read, give each a client (a Client: line, client: in the frontmatter, or the client\'s name in the file name) and keep them in one folder, then run setup again',
      );
    } else {
      reasons.push(
        live.some(sessiony)
          ? 'the notes are in Follow Through’s own format (type: session / type: client): nothing to change'
          : 'no note looks like a coaching session (action items with a date): nothing to change',
      );
    }
    // Items the reader never sees as items: say how to make them readable, rather than nothing.
    const ballotNotes = live.filter((f) => f.ballots > 0).length;
    const logseqNotes = live.filter((f) => f.logseq > 0).length;
    if (ballotNotes > 0) reasons.push(`${ballotNotes} note${ballotNotes === 1 ? ' lists' : 's list'} items with ballot boxes (☐ Send the deck, ☑ …), as a pasted email or document has them; these are not checkboxes: write each as "- [ ] Send the deck" ("- [x]" for done) to have it read`);
    if (logseqNotes > 0) reasons.push(`${logseqNotes} note${logseqNotes === 1 ? ' has' : 's have'} Logseq tasks (- TODO …, - DONE …); write each as "- [ ] …" ("- [x]" for DONE) to have it read`);
    // The templates folders it said it does not read are not read (as in every other layout).
    return { layout: resolveLayout({ ...DEFAULT_LAYOUT, ignoreFolders: [...ignore], coachNames: coach ? coachNames : [], dateOrder: order }), reasons };
  }
  const layout = resolveLayout({
    typeKeys: [...typeKeys],
    sessionTypes: [...sessionTypes],
    clientTypes: [...clientTypes],
    sessionTags,
    sessionFolders,
    ignoreFolders: [...ignore],
    clientKeys,
    attendeeKeys,
    dateKeys,
    nextKeys,
    ...EVERY_RULE,
    datedSections,
    dailyNotesFolder,
    actionHeadings: [],
    coachNames,
    dateOrder: order,
  });
  return { layout, reasons };
}
