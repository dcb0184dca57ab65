/**
 * Accountability agreements: notes with `type: agreement` (format in docs/agreements.md). Parsing is pure
 * and total: any text gives an `Agreement` (or null when the note is not an agreement), with the
 * 1-based line of everything a finding or a signal may point at.
 */
import { parseIsoDate } from '../dates';
import { readFrontmatter } from '../parse/frontmatter';
import { indentWidth, isBlank, matchListItem, splitLines } from '../parse/lines';
import { normaliseHeading } from '../parse/headings';
import { basename, linkTarget } from '../parse/records';
import type { IsoDate } from '../types';
import { valueText } from '../plain-text';
import { Fences } from '../syntax/fences';

export type AgreementSectionKey = 'goals' | 'checkins' | 'support' | 'consequences' | 'recalibration' | 'agenda' | 'log';

/** One line of text in a section: a top-level list item or a paragraph line. */
export interface AgreementLine {
  text: string;
  line: number;
  /** The partner it belongs to (from a sub-heading or a `Name:` prefix), as named in `partners`. */
  partner: string | null;
  /** Indented lines under a list item, markers removed. */
  details: string[];
}

export interface AgreementSection {
  key: AgreementSectionKey;
  heading: string;
  line: number;
  level: number;
  /** Last line of the section (inclusive). */
  endLine: number;
  lines: AgreementLine[];
}

export type AgreementCheckInStatus = 'held' | 'partial' | 'missed';

export interface AgreementCheckIn {
  date: IsoDate;
  status: AgreementCheckInStatus;
  note: string | null;
  line: number;
}

export interface Partner {
  /** The name as written, links reduced to their basename (`[[Jordan Ellis]]` → `Jordan Ellis`). */
  name: string;
  line: number;
}

export interface DatedLine {
  date: IsoDate;
  line: number;
}

export interface Agreement {
  path: string;
  title: string;
  /** The line of the note's first `#` heading, else the first line after the frontmatter. */
  titleLine: number;
  partners: Partner[];
  coach: string | null;
  /** `start`, else `created`: where the check-in rhythm is counted from. */
  start: IsoDate | null;
  /** Days between check-ins: frontmatter `cadence`, else read from the check-in section. */
  cadence: number | null;
  cadenceLine: number | null;
  /** The recalibration date: frontmatter `recalibrate`, else the first date in its section. */
  recalibrate: DatedLine | null;
  /** Every recalibration date the note gives (frontmatter and section), to spot disagreement. */
  recalibrateDates: DatedLine[];
  sections: Partial<Record<AgreementSectionKey, AgreementSection>>;
  goals: AgreementLine[];
  support: AgreementLine[];
  checkIns: AgreementCheckIn[];
  /** 1-based line of each frontmatter key. */
  keyLines: Record<string, number>;
  /** Lines the parser could not read as intended (a log line that is not a check-in…). */
  problems: { line: number; message: string }[];
}

// ---- small readers --------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** The first date in a text: `2027-01-15`, `15 January 2027`, `January 15, 2027`, `15 Jan 2027`. */
export function findDate(text: string): IsoDate | null {
  const iso = /\b(\d{4}-\d{1,2}-\d{1,2})\b/.exec(text);
  if (iso) {
    const d = parseIsoDate(iso[1]);
    if (d) return d;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = (w: string) => MONTHS[w.toLowerCase().slice(0, w.toLowerCase().startsWith('sept') ? 4 : 3)];
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (dmy && month(dmy[2])) return parseIsoDate(`${dmy[3]}-${pad(month(dmy[2]))}-${pad(Number(dmy[1]))}`);
  const mdy = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (mdy && month(mdy[1])) return parseIsoDate(`${mdy[3]}-${pad(month(mdy[1]))}-${pad(Number(mdy[2]))}`);
  return null;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, once: 1, two: 2, twice: 2, three: 3, thrice: 3, four: 4, five: 5, six: 6, seven: 7 };

function count(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? NaN);
}

/** Days between check-ins a text describes (`weekly` 7, `twice a week` 3.5, `every 10 days` 10…), or null. */
export function frequencyDays(text: string): number | null {
  const t = text.toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = /\bevery\s+(\d+|two|three|four|five|six)\s+days?\b/.exec(t))) return count(m[1]);
  if ((m = /\bevery\s+(\d+|two|three|four|six)\s+weeks?\b/.exec(t))) return 7 * count(m[1]);
  if ((m = /\b(\d+|once|twice|thrice|one|two|three|four|five|six|seven)\s*(?:times?|x)?\s+(?:a|per|each|every)\s+week\b/.exec(t))) return 7 / count(m[1]);
  if ((m = /\b(\d+|once|twice|two|three)\s*(?:times?|x)?\s+(?:a|per|each|every)\s+month\b/.exec(t))) return 28 / count(m[1]);
  if (/\b(?:daily|every\s+(?:day|morning|evening|night|weekday)|each\s+(?:day|morning|evening)|every\s+working\s+day)\b/.test(t)) return 1;
  if (/\b(?:fortnightly|bi-?weekly|every\s+(?:other|second)\s+week)\b/.test(t)) return 14;
  if (/\b(?:weekly|every\s+week|each\s+week|once\s+a\s+week|every\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b/.test(t)) return 7;
  if (/\b(?:monthly|every\s+month|each\s+month|once\s+a\s+month|of\s+(?:the|each|every)\s+month)\b/.test(t)) return 28;
  if (/\b(?:quarterly|every\s+quarter)\b/.test(t)) return 91;
  return null;
}

const CADENCE_WORDS: Record<string, number> = { daily: 1, weekly: 7, biweekly: 14, 'bi-weekly': 14, fortnightly: 14, monthly: 28 };

function cadenceValue(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  if (typeof v === 'string') {
    const w = v.trim().toLowerCase();
    if (CADENCE_WORDS[w]) return CADENCE_WORDS[w];
    if (/^\d+(?:\.\d+)?$/.test(w) && Number(w) > 0) return Number(w);
    return frequencyDays(w);
  }
  return null;
}

function dateValue(v: unknown): IsoDate | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return typeof v === 'string' ? parseIsoDate(v) ?? findDate(v) : null;
}

function personName(v: unknown): string | null {
  let s: string | null = null;
  if (typeof v === 'string') s = v.trim();
  else if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && typeof v[0][0] === 'string') s = `[[${v[0][0]}]]`; // unquoted [[link]]
  if (!s) return null;
  return basename(linkTarget(s)) || null;
}

/** `Jordan`, `jordan ellis`, `[[Jordan Ellis]]` all name the partner `Jordan Ellis`. */
export function matchPartner(partners: readonly Partner[], name: string): string | null {
  const q = (personName(name) ?? name).trim().toLowerCase().replace(/[’']s$/, '');
  if (q === '') return null;
  for (const p of partners) if (p.name.toLowerCase() === q) return p.name;
  const byFirst = partners.filter((p) => p.name.toLowerCase().split(/\s+/)[0] === q);
  return byFirst.length === 1 ? byFirst[0].name : null;
}

function sectionKey(title: string): AgreementSectionKey | null {
  const t = normaliseHeading(title).replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (/\bagenda\b/.test(t)) return 'agenda';
  if (/\blog\b|\bhistory\b|^check-?ins? (?:so far|held)$|^check-?ins?$/.test(t)) return 'log';
  if (/^(?:our |partner |the )?goals?\b/.test(t)) return 'goals';
  if (/^support\b/.test(t)) return 'support';
  if (/^consequences?\b/.test(t)) return 'consequences';
  if (/^recalibrat/.test(t) || /^review date\b/.test(t)) return 'recalibration';
  if (/^(?:check-?ins?|check in|cadence|frequency|rhythm|how we check in)\b/.test(t)) return 'checkins';
  return null;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const LOG_LINE = /^(?:\[\[)?(\d{4}-\d{1,2}-\d{1,2})(?:\]\])?[ \t]*[:\-–—]?[ \t]*(done|held|met|partial|missed|skipped|cancelled|canceled)\b[ \t]*[:\-–—]?[ \t]*(.*)$/i;
const LOG_STATUS: Record<string, AgreementCheckInStatus> = {
  done: 'held', held: 'held', met: 'held', partial: 'partial', missed: 'missed', skipped: 'missed', cancelled: 'missed', canceled: 'missed',
};

/** Strips HTML comments (possibly spanning lines) from each line, keeping line numbers. */
function maskComments(lines: string[]): string[] {
  let inside = false;
  return lines.map((line) => {
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (inside) {
        const close = line.indexOf('-->', i);
        if (close < 0) return out;
        inside = false;
        i = close + 3;
      } else {
        const open = line.indexOf('<!--', i);
        if (open < 0) return out + line.slice(i);
        out += line.slice(i, open);
        inside = true;
        i = open + 4;
      }
    }
    return out;
  });
}

function unquote(text: string): string {
  const t = text.trim();
  const m = /^["“'‘](.*)["”'’]$/.exec(t);
  return (m ? m[1] : t).trim();
}

export function parseAgreement(path: string, text: string): Agreement | null {
  const { lines } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (!fm || fm.error) return null;
  const data: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  for (const [k, v] of Object.entries(fm.data)) data[k.toLowerCase()] = v;
  for (const [k, v] of Object.entries(fm.keyLines)) keyLines[k.toLowerCase()] = v;
  if (typeof data.type !== 'string' || data.type.trim().toLowerCase() !== 'agreement') return null;
  const get = (...keys: string[]) => {
    for (const k of keys) if (data[k] !== undefined && data[k] !== null) return { value: data[k], line: keyLines[k] ?? fm.startLine };
    return null;
  };
  const problems: Agreement['problems'] = [];

  // Partners, each with the line of its list item (or of the key, for a one-line value).
  const partners: Partner[] = [];
  const p = get('partners', 'partner');
  if (p) {
    const values = Array.isArray(p.value) && !(p.value.length === 1 && Array.isArray(p.value[0]))
      ? (p.value as unknown[])
      : typeof p.value === 'string'
        ? p.value.split(/\s*(?:,|&|\band\b)\s*/)
        : [p.value];
    const itemLines: number[] = [];
    for (let i = p.line; i < fm.endLine - 1; i++) {
      const l = lines[i];
      if (/^\S/.test(l)) break;
      if (/^\s*-\s/.test(l)) itemLines.push(i + 1);
    }
    values.forEach((v, i) => {
      const name = personName(v);
      if (name) partners.push({ name, line: itemLines[i] ?? p.line });
    });
  }

  const coach = get('coach');
  const start = get('start', 'started', 'created');
  const cadence = get('cadence', 'frequency', 'check-in cadence', 'checkin_cadence', 'check_in_cadence');
  const recal = get('recalibrate', 'recalibration', 'recalibration_date', 'recalibrate_on', 'review');

  // Sections.
  const visible = maskComments(lines);
  const sections: Partial<Record<AgreementSectionKey, AgreementSection>> = {};
  let title: string | null = null;
  let titleLine = Math.min(fm.endLine + 1, lines.length);
  const code = new Fences();
  let current: AgreementSection | null = null;
  let partner: string | null = null;
  let last: AgreementLine | null = null;
  let itemIndent = 0;
  for (let i = fm.endLine; i < lines.length; i++) {
    const raw = visible[i];
    if (code.isCode(raw) || isBlank(raw)) continue;
    const h = HEADING.exec(raw);
    if (h) {
      const level = h[1].length;
      const text = (h[2] ?? '').trim();
      if (level === 1 && title === null) {
        title = text;
        titleLine = i + 1;
      }
      if (current && level > current.level) {
        partner = matchPartner(partners, text) ?? (partners.length === 0 ? text : null);
        last = null;
        continue;
      }
      if (current) current.endLine = i; // the line before this heading
      current = null;
      partner = null;
      last = null;
      const key = sectionKey(text);
      if (key && !sections[key]) {
        current = { key, heading: text, line: i + 1, level, endLine: lines.length, lines: [] };
        sections[key] = current;
      }
      continue;
    }
    if (!current) continue;
    const item = matchListItem(raw);
    const indent = indentWidth(raw);
    if (last !== null && indent > itemIndent) {
      last.details.push(item ? item.content.trim() : raw.trim());
      continue;
    }
    let content = (item ? item.content : raw).trim();
    let owner = partner;
    const prefix = /^(?:\*\*)?([^:*]{1,40}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.*)$/.exec(content);
    if (prefix) {
      const who = matchPartner(partners, prefix[1]);
      if (who) {
        owner = who;
        content = prefix[2].trim();
      }
    }
    if (unquote(content) === '') {
      last = null; // an empty bullet (a template's blank), not a line of the agreement
      continue;
    }
    const entry: AgreementLine = { text: content, line: i + 1, partner: owner, details: [] };
    current.lines.push(entry);
    // A list item takes the indented lines under it as details; a paragraph line takes none.
    last = item ? entry : null;
    itemIndent = indent;
  }

  const goals = sections.goals?.lines ?? [];
  const support = (sections.support?.lines ?? []).map((l) => ({ ...l, text: unquote(l.text) }));

  const checkIns: AgreementCheckIn[] = [];
  for (const l of sections.log?.lines ?? []) {
    const m = LOG_LINE.exec(l.text);
    const date = m ? parseIsoDate(m[1]) : null;
    if (!m || !date) {
      problems.push({ line: l.line, message: 'a check-in log line reads `YYYY-MM-DD held|partial|missed: note`' });
      continue;
    }
    checkIns.push({ date, status: LOG_STATUS[m[2].toLowerCase()], note: m[3].trim() || null, line: l.line });
  }

  let cadenceDays = cadence ? cadenceValue(cadence.value) : null;
  let cadenceLine = cadence && cadenceDays !== null ? cadence.line : null;
  if (cadenceDays === null) {
    for (const l of sections.checkins?.lines ?? []) {
      const d = frequencyDays(l.text);
      if (d !== null && (cadenceDays === null || d < cadenceDays)) {
        cadenceDays = d;
        cadenceLine = l.line;
      }
    }
  }

  const recalibrateDates: DatedLine[] = [];
  const fmDate = recal ? dateValue(recal.value) : null;
  if (recal && fmDate === null) problems.push({ line: recal.line, message: `recalibration date '${valueText(recal.value)}' does not parse` });
  if (fmDate && recal) recalibrateDates.push({ date: fmDate, line: recal.line });
  for (const l of sections.recalibration?.lines ?? []) {
    const d = findDate(l.text);
    if (d) {
      recalibrateDates.push({ date: d, line: l.line });
      break;
    }
  }
  const sectionCoach = coach ? personName(coach.value) : null;

  return {
    path,
    title: title ?? basename(path),
    titleLine,
    partners,
    coach: sectionCoach,
    start: start ? dateValue(start.value) : null,
    cadence: cadenceDays,
    cadenceLine,
    recalibrate: recalibrateDates[0] ?? null,
    recalibrateDates,
    sections,
    goals,
    support,
    checkIns: checkIns.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line)),
    keyLines,
    problems,
  };
}
