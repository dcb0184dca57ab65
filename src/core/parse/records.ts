/** Client and session records from a note's frontmatter, with a diagnostic for each bad value. */
import { parseIsoDate } from '../dates';
import type { CoreSettings } from '../settings';
import type {
  AccountabilityLevel,
  ClientNote,
  ClientStatus,
  Contact,
  Milestone,
  SessionStatus,
  Severity,
} from '../types';
import type { Frontmatter } from './frontmatter';
import { valueText } from '../plain-text';

type Diag = (line: number, severity: Severity, message: string) => void;

/**
 * Which of a frontmatter's keys (in file order) holds a setting, by the reader's rule: the exact
 * key if present; else an exact alias (the first in file order); else the first key in file order
 * that matches the key or an alias without case. Null when none does. Reading and writing use the
 * same rule, so where `Paused_Until:` and `paused_until:` both exist, the one read is the one edited.
 */
export function pickFrontmatterKey(keys: readonly string[], key: string, aliases: readonly string[] = []): string | null {
  if (keys.includes(key)) return key;
  const exactAlias = keys.find((k) => aliases.includes(k));
  if (exactAlias !== undefined) return exactAlias;
  const names = [key, ...aliases].map((k) => k.toLowerCase());
  return keys.find((k) => names.includes(k.toLowerCase())) ?? null;
}

/** A frontmatter value by its spec key, an alias from settings, or either in another case (the key `pickFrontmatterKey` picks, as the writer does). */
export function frontmatterLookup(data: Record<string, unknown>, key: string, settings: CoreSettings): unknown {
  if (key in data) return data[key];
  const picked = pickFrontmatterKey(Object.keys(data), key, settings.keyAliases[key] ?? []);
  return picked === null ? undefined : data[picked];
}

export function keyLine(fm: Frontmatter, key: string, settings: CoreSettings): number {
  const keys = Object.keys(fm.keyLines).sort((a, b) => fm.keyLines[a] - fm.keyLines[b]);
  const picked = pickFrontmatterKey(keys, key, settings.keyAliases[key] ?? []);
  return picked === null ? fm.startLine : fm.keyLines[picked];
}

/** YAML reads an unquoted `[[Jane Doe]]` as a list inside a list; put the link back together. */
export function linkText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length === 1) {
    const inner: unknown = value[0];
    if (Array.isArray(inner) && inner.length === 1 && typeof inner[0] === 'string') return `[[${inner[0]}]]`;
    if (typeof inner === 'string') return inner.trim() || null;
  }
  return null;
}

/** `[[Clients/Jane Doe|Jane]]` → `Clients/Jane Doe`; `Jane Doe` → `Jane Doe`. */
export function linkTarget(ref: string): string {
  const m = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]$/.exec(ref.trim());
  const target = (m ? m[1] : ref).trim();
  return target.replace(/\.md$/i, '');
}

export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return path.slice(slash + 1).replace(/\.md$/i, '');
}

export function dateValue(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    // A link to the day's daily note (`"[[2026-10-13]]"`, `[[2026-10-13|Tuesday]]`) is that date.
    const link = value.length <= 80 && value.trimStart().startsWith('[[') ? /^\s*\[\[(\d{4}-\d{2}-\d{2})(?:[|#][^\]]*)?\]\]\s*$/.exec(value) : null;
    return parseIsoDate(link ? link[1] : value);
  }
  // The same as YAML reads an unquoted link (`date: [[2026-10-13]]`, a list in a list), or a one-item list.
  if (Array.isArray(value) && value.length === 1) return Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'string' ? parseIsoDate(value[0][0]) : dateValue(value[0]);
  return null;
}

const CADENCE_WORDS: Record<string, number> = {
  daily: 1,
  weekly: 7,
  biweekly: 14,
  'bi-weekly': 14,
  fortnightly: 14,
  monthly: 28,
};

const ACCOUNTABILITY: Record<string, AccountabilityLevel> = {
  'self-directed': 'self-directed',
  'self directed': 'self-directed',
  selfdirected: 'self-directed',
  'check-in': 'check-in',
  'check in': 'check-in',
  checkin: 'check-in',
  active: 'active',
  consequences: 'consequences',
};

const CLIENT_STATUS: Record<string, ClientStatus> = { active: 'active', paused: 'paused', ended: 'ended' };
export const SESSION_STATUS: Record<string, SessionStatus> = {
  held: 'held',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  'no-show': 'no-show',
  'no show': 'no-show',
  noshow: 'no-show',
  // The same in the languages vaults are kept in (other layouts read them; the spec's own are above).
  cancelada: 'cancelled',
  cancelado: 'cancelled',
  annulée: 'cancelled',
  annulé: 'cancelled',
  annulee: 'cancelled',
  abgesagt: 'cancelled',
  ausgefallen: 'cancelled',
  geannuleerd: 'cancelled',
  'no asistió': 'no-show',
  'não compareceu': 'no-show',
  'nicht erschienen': 'no-show',
  absent: 'no-show',
  absente: 'no-show',
};

function plainString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

export function personName(value: unknown): string | null {
  const s = linkText(value);
  return s === null ? null : basename(linkTarget(s));
}

function milestones(value: unknown, line: number, diag: Diag): Milestone[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    diag(line, 'warning', 'milestones should be a list (- name: …, due: YYYY-MM-DD); ignored');
    return [];
  }
  const out: Milestone[] = [];
  for (const m of value) {
    if (typeof m === 'string' || typeof m === 'number') {
      out.push({ name: String(m), due: null, done: false });
    } else if (m && typeof m === 'object' && !Array.isArray(m)) {
      const o = m as Record<string, unknown>;
      const name = plainString(o.name ?? o.title);
      if (name === null) {
        diag(line, 'warning', 'a milestone has no name; give it name: … (ignored until then)');
        continue;
      }
      const due = o.due === undefined || o.due === null ? null : dateValue(o.due);
      if (due === null && o.due !== undefined && o.due !== null) diag(line, 'warning', `milestone '${name}' has a due date that does not parse (expected YYYY-MM-DD); read without one`);
      const done = o.done === true || o.done === 'true' || o.done === 'yes' || (typeof o.done === 'string' && parseIsoDate(o.done) !== null);
      out.push({ name, due, done });
    }
  }
  return out;
}

function contact(value: unknown): Contact | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  return { sms: plainString(o.sms ?? o.phone), email: plainString(o.email) };
}

function aliasList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter((x) => x !== '');
}

/** The longest cadence read: a year between sessions. */
const MAX_CADENCE_DAYS = 366;

export function readClientNote(path: string, fm: Frontmatter, settings: CoreSettings, diag: Diag): ClientNote {
  const get = (k: string) => frontmatterLookup(fm.data, k, settings);
  const line = (k: string) => keyLine(fm, k, settings);

  let cadence = settings.defaultCadence;
  let cadenceIsDefault = true;
  const rawCadence = get('cadence');
  if (rawCadence !== undefined && rawCadence !== null) {
    const n = typeof rawCadence === 'number' ? rawCadence : CADENCE_WORDS[valueText(rawCadence).trim().toLowerCase()] ?? Number(valueText(rawCadence).trim());
    if (Number.isInteger(n) && n > 0 && n <= MAX_CADENCE_DAYS) {
      cadence = n;
      cadenceIsDefault = false;
    } else if (Number.isInteger(n) && n > MAX_CADENCE_DAYS) {
      diag(line('cadence'), 'warning', `cadence '${valueText(rawCadence)}' is more than a year between sessions; write the days between sessions (up to ${MAX_CADENCE_DAYS}) or weekly/biweekly/monthly; using ${cadence}`);
    } else {
      diag(line('cadence'), 'warning', `cadence '${valueText(rawCadence)}' is not a number of days or weekly/biweekly/monthly; using ${cadence}`);
    }
  }

  let accountability: AccountabilityLevel = 'check-in';
  const rawLevel = get('accountability');
  if (rawLevel !== undefined && rawLevel !== null) {
    const level = ACCOUNTABILITY[valueText(rawLevel).trim().toLowerCase()];
    if (level) accountability = level;
    else diag(line('accountability'), 'warning', `accountability '${valueText(rawLevel)}' is not one of self-directed, check-in, active, consequences; using check-in`);
  }

  let status: ClientStatus = 'active';
  const rawStatus = get('status');
  if (rawStatus !== undefined && rawStatus !== null) {
    const s = CLIENT_STATUS[valueText(rawStatus).trim().toLowerCase()];
    if (s) status = s;
    else diag(line('status'), 'warning', `client status '${valueText(rawStatus)}' is not active, paused or ended; using active`);
  }

  let pausedUntil: string | null = null;
  const rawPaused = get('paused_until');
  if (rawPaused !== undefined && rawPaused !== null && rawPaused !== '') {
    pausedUntil = dateValue(rawPaused);
    if (pausedUntil === null) diag(line('paused_until'), 'warning', `paused_until '${valueText(rawPaused)}' is not a date (YYYY-MM-DD); ignored, so the client is not paused`);
  }

  return {
    path,
    name: plainString(get('name')) ?? basename(path),
    aliases: aliasList(fm.data.aliases ?? fm.data.alias ?? fm.data.Aliases),
    coach: personName(get('coach')),
    cadence,
    cadenceIsDefault,
    accountability,
    status,
    pausedUntil,
    milestones: milestones(get('milestones'), line('milestones'), diag),
    contact: contact(get('contact')),
    keyLines: fm.keyLines,
    frontmatter: fm.data,
  };
}
