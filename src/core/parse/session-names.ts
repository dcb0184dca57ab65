/**
 * What a file name, a folder name or a note's title says about whose session it is: a person's
 * name in its words (`Hugo Brandt - 2026-10-08`, `ben-carter`, `# Session — Tom Baker`), or a
 * group's (`2026-11-13 Team sync`), which names no client.
 */
import { remembered } from './memo';
import { findWrittenDate } from '../natural-dates';
import type { DateOrder, NoteLayout } from '../layout/layout';
import { basename } from './records';

/** Words in folder and file names that are not a person's name. */
const GENERIC_NAME_WORDS = new Set(
  (
    'session sessions coaching coach notes note meeting meetings 1-1 1-1s 1:1 1on1 121 one-on-one one-on-ones ' +
    'oneonone check-in checkin sync weekly monthly call calls catch-up catchup clients client people person ' +
    'archive inbox daily journal log logs therapy counselling counseling mentoring mentor review reviews with and ' +
    'for the of a notes-from meetings-with template templates untitled ' +
    // The same folders in the languages vaults are kept in (`Reuniones/`, `REUNIÕES/`, `Réunions/`, `Sitzungen/`).
    'reunión reunion reuniones reunião reuniao reuniões reunioes réunion réunions reunions sesión sesion sesiones sessão sessao sessões sessoes ' +
    'séance seance séances seances sitzung sitzungen besprechung besprechungen treffen termine gespräche gesprache ' +
    'personas pessoas personnes personen clientes cliente kunden klienten klient notas notizen processus procesos prozesse ' +
    'mentoria mentoría tutoria con avec mit com plantillas vorlagen modèles modeles'
  ).split(' '),
);

/**
 * Words that name a group, not a person (`Peer Group`, `Team sync`, `Coaching circle`): a file
 * name or title with one of them names no client, so a team's meeting note is not a client of
 * its own. (A family, as in family therapy, can be a client, so `family` is not among them.)
 */
const GROUP_NAME_WORDS = new Set(
  (
    'group groups circle circles team teams cohort cohorts board committee council standup stand-up retro ' +
    'retrospective workshop workshops mastermind offsite off-site all-hands allhands kickoff kick-off training ' +
    'webinar huddle squad class seminar intervision peer peers staff department dept meetup panel forum club'
  ).split(' '),
);

/** Groups named in two words: `All Hands`, `Town Hall`. */
const GROUP_PHRASE = /(?:^|\s)(?:all[ -]hands|town[ -]halls?)(?:\s|$)/i;

function namesGroup(words: readonly string[]): boolean {
  return words.some((w) => GROUP_NAME_WORDS.has(w.toLowerCase())) || GROUP_PHRASE.test(words.join(' '));
}

/** The group a file or folder name names (`Peer Group`), or null when no word of it is a group's. */
export function groupNamed(raw: string): string | null {
  const words = raw.replace(/[^\p{L}\p{N}' -]+/gu, ' ').trim().split(/\s+/);
  if (!namesGroup(words)) return null;
  return words.filter((w) => !/^\d+$/.test(w) && !/^-+$/.test(w)).join(' ') || null;
}

/** A folder or file name's words as a person's name, or null when they do not look like one. */
/** A folder or file name's words, split at case changes, underscores and dashes between words. */
function wordsOf(raw: string): string[] {
  return raw
    .replace(/([\p{Ll}])([\p{Lu}])/gu, '$1 $2')
    .replace(/[_]+/g, ' ')
    .replace(/(?:^|\s)[-–—:,.#()[\]]+|[-–—:,.#()[\]]+(?=\s|$)/g, ' ')
    .replace(/\s+-\s+|\s+–\s+|\s+—\s+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !/^[-–—:,.#()[\]]+$/.test(w));
}

/**
 * Names already worked out from words: the same file and folder names (`Jane Doe`, `Sessions`)
 * come back in note after note, and each reading takes four pattern passes. Bounded, as a vault
 * of one-off names would grow it.
 */
const named = new Map<string, string | null>();
const MAX_NAMED = 20_000;

export function nameFromWords(raw: string): string | null {
  return remembered(named, MAX_NAMED, raw, nameFromWordsUncached);
}

function nameFromWordsUncached(raw: string): string | null {
  const words = wordsOf(raw).filter((w) => !GENERIC_NAME_WORDS.has(w.toLowerCase()) && !/^\d+$/.test(w));
  if (words.length === 0 || words.length > 4) return null;
  if (namesGroup(words)) return null;
  if (!words.every((w) => /^[\p{L}][\p{L}'’.-]*$/u.test(w))) return null;
  // `ben-carter` → `Ben Carter`
  const parts = words.length === 1 && /^[\p{Ll}]+(?:-[\p{Ll}]+)+$/u.test(words[0]) ? words[0].split('-') : words;
  return parts.map((w) => (w === w.toLowerCase() ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
}

const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4])$/i;

/** A folder that holds a person's sessions rather than naming anyone: `Sessions`, `session_notes`, `2025`, `03-March`. */
function isContainer(raw: string): boolean {
  const words = wordsOf(raw);
  return words.length > 0 && words.every((w) => GENERIC_NAME_WORDS.has(w.toLowerCase()) || /^\d+$/.test(w) || MONTHS.test(w));
}

/**
 * The person a note's folder names: its own folder, or the one above when that is a folder of
 * sessions or of years (`Clients/Jane Doe/Sessions/2026-10-06.md`, `Clients/Jane Doe/2025/03/…`),
 * up to three such folders up. Null when no folder on the way names a person.
 */
export function folderName(path: string): string | null {
  const parts = path.split('/');
  for (let i = parts.length - 2, climbed = 0; i >= 0 && climbed <= 3; i--, climbed++) {
    const name = nameFromWords(parts[i]);
    // Above a folder of sessions, a person's folder: a full name, or a folder in a folder of people
    // (`Clients/Jane/Sessions/`), never the vault's own top folder (`PKM/Réunions/`).
    if (name !== null) return climbed === 0 || name.includes(' ') || (i > 0 && isContainer(parts[i - 1])) ? name : null;
    if (!isContainer(parts[i])) return null;
  }
  return null;
}

/** The date and the name part of a file name (`Hugo Brandt - 2026-10-08`, `2026-11-20 Jane`). */
export function filenameParts(path: string, layout: Pick<NoteLayout, 'dateOrder'>): { date: string | null; name: string | null; rest: string } {
  const base = basename(path);
  const found = findWrittenDate(base, layout.dateOrder);
  if (!found) return { date: null, name: null, rest: base };
  const rest = (base.slice(0, found.index) + ' ' + base.slice(found.index + found.text.length)).trim();
  return { date: found.date, name: nameFromWords(rest), rest };
}

/** The group a dated file name names (`2026-10-21 Monthly All Hands`), when file names name clients. */
export function fileNamesGroup(path: string, layout: NoteLayout): string | null {
  return layout.clientFromFilename ? groupNamed(filenameParts(path, layout).rest) : null;
}

/** Why a session note has no client, and what to do; a file name that names a group (`Peer Group`) is said to. */
export function noClientMessage(path: string, layout: NoteLayout): string {
  const group = fileNamesGroup(path, layout);
  return group !== null
    ? `session note's file name names a group ('${group}'), not a client; add client: "[[Name]]" for one client, or list the people present as attendees so each item counts for the person it names`
    : 'session note has no client; add client: "[[Name]]" (the client note\'s name) to its frontmatter';
}

/** A title's words that say it is a coaching session (`Session`, `Coaching Session`, `1:1`), without naming whose. */
const SESSION_TITLE = /^(?:(?:coaching|mentoring|mentoria|mentoría|therapy|counselling|counseling|supervision)(?:[ \t]+(?:session|call))?|session|sesión|sesion|sessão|sessao|séance|seance|sitzung|sessie|1:1|1-1|one-on-one|check-in)$/i;

/**
 * The person a plain-words H1 names beside the words for a session (`Session — Tom Baker`,
 * `Coaching Session - Maria Lopez - 2026-10-06`, `1:1 with Ana Ruiz`, `Ana Ruiz — coaching`):
 * two to four words, each capitalised, so `# Session notes` or `# Meeting with Finance` name no one.
 */
export function nameInSessionTitle(title: string, order: DateOrder): string | null {
  if (title.length > 120) return null;
  const found = findWrittenDate(title, order);
  const rest = found ? title.slice(0, found.index) + ' ' + title.slice(found.index + found.text.length) : title;
  // `1:1 with Ana Ruiz`, and the same in Spanish, Portuguese, French, German and Dutch (`1:1 com Ana Ruiz`, `Sesión con …`, `Séance avec …`, `Sitzung mit …`).
  const parts = rest.split(/[ \t]+[—–-][ \t]+|[ \t]*[|:][ \t]+|[ \t]+(?:with|com|con|avec|mit|met)[ \t]+/i).map((p) => p.trim()).filter((p) => p !== '' && !/^[—–-]+$/.test(p));
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const person = SESSION_TITLE.test(a) ? b : SESSION_TITLE.test(b) ? a : null;
  if (person === null) return null;
  const words = person.split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) return null;
  return nameFromWords(person);
}
