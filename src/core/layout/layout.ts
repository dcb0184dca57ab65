/**
 * The note layout: how a vault says which notes are sessions, where a session's client and date
 * come from, and which extra ways of writing an action item to read. Everything here is a
 * setting a coach can see and change ("Set up from my notes" proposes it); the defaults read our
 * own format exactly as docs/note-format.md says and nothing more.
 */

export type DateOrder = 'mdy' | 'dmy';

export interface NoteLayout {
  /** Frontmatter keys whose value says what a note is (`type`, `category`, `kind`). */
  typeKeys: readonly string[];
  /** Values of those keys that make a note a session (`session`, `1-1`, `meeting`…). List values and `[[links]]` count. */
  sessionTypes: readonly string[];
  /** Values that make a note a client (person) note (`client`, `person`, `coachee`…). */
  clientTypes: readonly string[];
  /** Tags (frontmatter `tags` or `#tag` in the body) that make a note a session. */
  sessionTags: readonly string[];
  /** Folder globs whose notes are sessions (`Coaching/**`, `1-1s/*&#47;`). */
  sessionFolders: readonly string[];
  /** Folder globs never read as sessions (the templates folder). */
  ignoreFolders: readonly string[];
  /** Frontmatter keys naming the client, beyond `client` and its aliases (`coachee`, `person`, `with`). */
  clientKeys: readonly string[];
  /** Keys listing the people present (`attendees`); one person besides the coach is the client. */
  attendeeKeys: readonly string[];
  /** Frontmatter keys for the session date beyond `date` (`meeting_date`, `created`). */
  dateKeys: readonly string[];
  /** Frontmatter keys for the next session beyond `next` (`next_meeting`). */
  nextKeys: readonly string[];
  /** Read `Client:: X` / `**Coachee**: X` lines, the parent folder, the file name, the title's link. */
  clientFromBody: boolean;
  clientFromFolder: boolean;
  clientFromFilename: boolean;
  clientFromTitle: boolean;
  /** Read the date from the file name, and from a `Date: …` line or a dated heading. */
  dateFromFilename: boolean;
  dateFromBody: boolean;
  /** Client notes (and notes in session folders) with a dated heading per session. */
  datedSections: boolean;
  /** A folder of daily notes whose sections naming a client are sessions ('' = none). */
  dailyNotesFolder: string;
  /** Extra action-item headings (`Next steps`, `To do`, `Takeaways`…), matched as a prefix. */
  actionHeadings: readonly string[];
  /** The coach's own names (`Me`, `I`, `Priya`): an item prefixed with one is the coach's. */
  coachNames: readonly string[];
  /** Read `Ben:` / `@Ben` / `(Owner: Ben)` owners, strikethrough outcomes, `⏳`/`🛫` dates, recurrences, copies of earlier items. */
  flexibleItems: boolean;
  /** Read due dates from phrases (`by Friday`, `on 12/2`) against the session date. */
  duePhrases: boolean;
  /** Day/month order of numeric dates (`12/2`). */
  dateOrder: DateOrder;
}

/** The coach's own name among the layout's coach names (`Priya Nair`), not `Me`, `I` or `Myself`; null when none is set. */
export function coachOwnName(layout: Pick<NoteLayout, 'coachNames'>): string | null {
  return layout.coachNames.find((n) => n.trim() !== '' && !/^(?:me|i|myself)$/i.test(n.trim()))?.trim() ?? null;
}

/**
 * Words for a note about a person (a frontmatter `type` or a tag): `client`, `person`, `coachee`,
 * `colleague`, and the same in Spanish, Portuguese, French and German (not a bare `report` or `crm`:
 * a note tagged #report or #crm is as likely a meeting or a document as a person). One list for the reader
 * (a note tagged one is a person's, not a session: ../parse/note-kind) and for set-up (a type
 * named one is proposed as a client type: ../setup/propose).
 */
export const PERSON_WORD = /^(?:client|clients|cliente|clientes|klient|kunde|person|people|persona|personas|pessoa|pessoas|personne|contact|contacts|coachee|coachees|mentee|mentees|colleague|employee|direct[- ]report|team[- ]member|patient|customer)$/i;

export const DEFAULT_LAYOUT: Readonly<NoteLayout> = Object.freeze({
  typeKeys: Object.freeze(['type']),
  sessionTypes: Object.freeze(['session']),
  clientTypes: Object.freeze(['client']),
  sessionTags: Object.freeze([]),
  sessionFolders: Object.freeze([]),
  ignoreFolders: Object.freeze([]),
  clientKeys: Object.freeze([]),
  attendeeKeys: Object.freeze([]),
  dateKeys: Object.freeze([]),
  nextKeys: Object.freeze([]),
  clientFromBody: false,
  clientFromFolder: false,
  clientFromFilename: false,
  clientFromTitle: false,
  dateFromFilename: false,
  dateFromBody: false,
  datedSections: false,
  dailyNotesFolder: '',
  actionHeadings: Object.freeze([]),
  coachNames: Object.freeze([]),
  flexibleItems: false,
  duePhrases: false,
  dateOrder: 'mdy',
});

/** The layout's on/off reading rules (every boolean of NoteLayout). */
export type RuleSwitch = { [K in keyof NoteLayout]: NoteLayout[K] extends boolean ? K : never }[keyof NoteLayout];

/**
 * Every reading rule switched on, as "Set up from my notes" proposes them for a vault in other
 * templates (it then switches `datedSections` by what it found). The one list of the switches:
 * set-up, the layout tests and the benchmark's layout-rules run start from it, so a rule added to
 * NoteLayout (and DEFAULT_LAYOUT) is on in all of them.
 */
export const EVERY_RULE: Readonly<Record<RuleSwitch, true>> = Object.freeze(
  Object.fromEntries(Object.entries(DEFAULT_LAYOUT).filter(([, v]) => typeof v === 'boolean').map(([k]) => [k, true])) as Record<RuleSwitch, true>,
);

/** A layout from saved settings: every key present, lists of strings only, unknown values dropped. */
export function resolveLayout(partial: Partial<Record<keyof NoteLayout, unknown>> = {}): NoteLayout {
  const out = { ...DEFAULT_LAYOUT } as Record<string, unknown>;
  for (const [key, def] of Object.entries(DEFAULT_LAYOUT)) {
    const v = (partial as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (Array.isArray(def)) {
      if (Array.isArray(v)) out[key] = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
    } else if (typeof def === typeof v) out[key] = key === 'dateOrder' ? (v === 'dmy' ? 'dmy' : 'mdy') : v;
  }
  return out as unknown as NoteLayout;
}

/**
 * A proposal (setup's, from the notes) added to a layout already saved, so that running setup
 * never takes away what the coach set by hand: every list is the saved one with the proposal's
 * new entries after it; any other value is the saved one unless that is still the default, when
 * the proposal's is taken. Merging the same proposal again changes nothing.
 */
export function mergeLayouts(saved: NoteLayout, proposed: NoteLayout): NoteLayout {
  const out: Record<string, unknown> = {};
  const a = saved as unknown as Record<string, unknown>;
  const b = proposed as unknown as Record<string, unknown>;
  for (const [key, def] of Object.entries(DEFAULT_LAYOUT)) {
    if (Array.isArray(def)) {
      const list = [...(a[key] as string[])];
      const seen = new Set(list.map((x) => x.toLowerCase()));
      for (const x of b[key] as string[]) {
        if (seen.has(x.toLowerCase())) continue;
        seen.add(x.toLowerCase());
        list.push(x);
      }
      out[key] = list;
    } else out[key] = a[key] !== def ? a[key] : b[key];
  }
  return resolveLayout(out);
}

/** True when the layout reads anything beyond our own format. */
export function isExtendedLayout(l: NoteLayout): boolean {
  // Field by field rather than two JSON texts compared: the start-up read asks this of every
  // note in the vault, and two texts of the whole layout a note were most of the question's cost.
  const own = l as unknown as Record<string, unknown>;
  const d = DEFAULT_LAYOUT as unknown as Record<string, unknown>;
  let keys = 0;
  for (const k in own) {
    if (!Object.prototype.hasOwnProperty.call(own, k) || own[k] === undefined) continue;
    keys++;
    if (!sameSetting(own[k], d[k])) return true;
  }
  return keys !== DEFAULT_KEYS;
}

const DEFAULT_KEYS = Object.keys(DEFAULT_LAYOUT).length;

/** A layout setting's value equal to another's: the same text, number or switch, or lists of the same texts in the same order. */
function sameSetting(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---- folder globs ---------------------------------------------------------------------------------

const globCache = new Map<string, RegExp>();

/**
 * A folder glob as a test on a note's path: `Coaching/**` (anything below), `1-1s/*&#47;` (one level
 * of sub-folders below), `Sessions` (the folder itself and below). Case is ignored, as vaults on
 * macOS and Windows do.
 */
export function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (re) return re;
  let g = glob.trim().replace(/\\/g, '/').replace(/^\.?\/+/, '');
  const dirOnly = g.endsWith('/');
  g = g.replace(/\/+$/, '');
  let src = '';
  for (let i = 0; i < g.length; i++) {
    const ch = g[i];
    if (ch === '*' && g[i + 1] === '*') {
      src += '.*';
      i++;
      if (g[i + 1] === '/') i++;
    } else if (ch === '*') src += '[^/]*';
    else if (ch === '?') src += '[^/]';
    else src += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A folder pattern matches the notes inside it (at any depth unless it ends with a slash,
  // where it means exactly the folders it names).
  re = new RegExp(`^${src}${dirOnly ? '/[^/]+$' : '(?:/.+)?$'}`, 'i');
  if (!/[*?]/.test(g) && !dirOnly) re = new RegExp(`^${src}/.+$`, 'i');
  globCache.set(glob, re);
  return re;
}

export function inFolders(path: string, globs: readonly string[]): boolean {
  for (const g of globs) if (g.trim() !== '' && globToRegExp(g).test(path)) return true;
  return false;
}

/** A note in the layout's ignored folders (the templates): never a session, and no diagnostic of its own. */
export function isIgnored(path: string, layout: NoteLayout): boolean {
  return layout.ignoreFolders.length > 0 && inFolders(path, layout.ignoreFolders);
}
