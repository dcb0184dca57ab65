/**
 * The fields on a commitment line, in both conventions users already know: Dataview inline
 * fields (`[due:: 2026-12-02]`, also `(due:: …)`) and Tasks emoji (`📅 2026-12-02`).
 */
import { parseIsoDate } from '../dates';
import type { Coping, FieldConvention, Kind, Owner } from '../types';

export interface LineFields {
  text: string;
  id: string | null;
  due: string | null;
  doneDate: string | null;
  letGoDate: string | null;
  trigger: string | null;
  coping: Coping | null;
  confidence: number | null;
  owner: Owner | null;
  kind: Kind | null;
  from: string | null;
  /** Tasks' scheduled (`⏳`) and start (`🛫`) dates, which a layout may read as the due date when none is given. */
  scheduled: string | null;
  start: string | null;
  /** The due date came from a key alias (`DueDate::`) rather than `due`. */
  convention: FieldConvention;
  tagged: boolean;
  /** Problems worth a warning, each a sentence without the note or line. */
  problems: string[];
}

/**
 * `[key:: value]` (value may hold `[[links]]`) or `(key:: value)`. Linear-time: the key and the
 * value are bounded and no two quantifiers next to each other can take the same characters (the
 * value's spaces are trimmed in code, not by the pattern).
 */
export const INLINE_FIELD = /\[([A-Za-z][\w -]{0,40}?)::((?:[^[\]\n]|\[\[[^\]\n]{0,300}\]\]){0,1000})\]|\(([A-Za-z][\w -]{0,40}?)::([^()\n]{0,1000})\)/g;
/** Tasks' date emoji (with or without the variation selector). */
const EMOJI_FIELD = /(📅|📆|🗓|✅|❌|⏳|🛫|➕)\uFE0F?[ \t]{0,20}(\d{4}-\d{1,2}-\d{1,2})/gu;
const PRIORITY_EMOJI = /(?:⏫|🔼|🔽|🔺|⏬)\uFE0F?/gu;
const BLOCK_ID = /(?:^|[ \t])\^([A-Za-z0-9-]{1,100})$/;
const COMMITMENT_TAG = /(^|[ \t])#commitment(?=$|[ \t.,;:!?)])/gi;
const COACH_PREFIX = /^coach[ \t]*:[ \t]*/i;
const WIKILINK = /^\[\[([^\]|]+)(?:\|[^\]]*)?\]\]$/;

/** `A -> B` splits at the first arrow; without one the whole text is the response. */
export function parseCoping(value: string): Coping | null {
  const v = value.trim();
  if (v === '') return null;
  const arrow = v.search(/->|→/);
  if (arrow < 0) return { obstacle: null, response: v };
  const obstacle = v.slice(0, arrow).trim();
  const response = v.slice(arrow + (v[arrow] === '→' ? 1 : 2)).trim();
  return { obstacle: obstacle || null, response: response || null };
}

/** A confidence of 1-10 from `7`, `7/10` or `7 out of 10`; NaN when it is not one. */
export function parseConfidence(value: string): number {
  const m = /^(\d{1,2})(?:\s*(?:\/|out of)\s*10)?$/i.exec(value.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return n >= 1 && n <= 10 ? n : NaN;
}

export function parseOwner(value: string): Owner | null {
  let v = value.trim();
  const link = WIKILINK.exec(v);
  if (link) v = link[1].trim();
  if (v === '') return null;
  const lower = v.toLowerCase();
  if (lower === 'coach' || lower === 'client' || lower === 'me') return lower === 'me' ? 'client' : lower;
  return v;
}

export function parseKind(value: string): Kind | null {
  const v = value.trim().toLowerCase();
  return v === 'process' || v === 'outcome' ? v : null;
}

/** The block id a `from` value names: `c7f3a`, `^c7f3a` or `[[Note#^c7f3a]]`. */
export function parseFromRef(value: string): string | null {
  const m = /\^?([A-Za-z0-9-]+)\]*\s*$/.exec(value.trim());
  return m ? m[1] : null;
}

function dateField(name: string, value: string, problems: string[]): string | null {
  const d = parseIsoDate(value);
  if (d === null && value.trim() !== '') problems.push(`${name} '${value.trim()}' is not a date (YYYY-MM-DD)`);
  return d;
}

/** Reads a commitment line's text (after the list marker and checkbox) into its fields. */
export function parseLineFields(content: string, dueAliases = false): LineFields {
  const problems: string[] = [];
  const out: LineFields = {
    text: '',
    id: null,
    due: null,
    doneDate: null,
    letGoDate: null,
    trigger: null,
    coping: null,
    confidence: null,
    owner: null,
    kind: null,
    from: null,
    scheduled: null,
    start: null,
    convention: 'dataview',
    tagged: false,
    problems,
  };
  let text = content;

  const block = text.includes('^') ? BLOCK_ID.exec(text.trimEnd()) : null;
  if (block) {
    out.id = block[1];
    text = text.slice(0, block.index);
  }

  if (text.includes('::')) {
    text = text.replace(INLINE_FIELD, (_m, k1: string | undefined, v1: string | undefined, k2: string | undefined, v2: string | undefined) => {
      const key = (k1 ?? k2 ?? '').trim().toLowerCase();
      const value = (v1 ?? v2 ?? '').trim();
      switch (key) {
        case 'due':
          out.due = dateField('due date', value, problems);
          break;
        case 'duedate':
        case 'due date':
        case 'due_date':
        case 'due-date':
        case 'deadline':
          if (dueAliases) out.due = dateField('due date', value, problems);
          break;
        case 'completion':
        case 'done':
          out.doneDate = dateField('done date', value, problems);
          break;
        case 'cancelled':
        case 'canceled':
          out.letGoDate = dateField('let-go date', value, problems);
          break;
        case 'trigger':
        case 'when':
          out.trigger = value || null;
          break;
        case 'coping':
          out.coping = parseCoping(value);
          break;
        case 'confidence': {
          const c = parseConfidence(value);
          if (Number.isNaN(c)) problems.push(`confidence '${value}' is not a number from 1 to 10`);
          else out.confidence = c;
          break;
        }
        case 'owner':
          out.owner = parseOwner(value);
          break;
        case 'kind': {
          out.kind = parseKind(value);
          if (out.kind === null) problems.push(`kind '${value}' is neither process nor outcome`);
          break;
        }
        case 'from':
          out.from = parseFromRef(value);
          break;
        default:
          break; // other inline fields are someone else's; they leave the text all the same
      }
      return ' ';
    });
  }

  if (/[📅📆🗓✅❌⏳🛫➕]/u.test(text)) {
    text = text.replace(EMOJI_FIELD, (_m, emoji: string, date: string) => {
      switch (emoji) {
        case '📅':
        case '📆':
        case '🗓':
          out.due = dateField('due date', date, problems);
          out.convention = 'emoji';
          break;
        case '✅':
          out.doneDate = dateField('done date', date, problems);
          out.convention = 'emoji';
          break;
        case '❌':
          out.letGoDate = dateField('let-go date', date, problems);
          out.convention = 'emoji';
          break;
        case '⏳':
          out.scheduled = parseIsoDate(date);
          break;
        case '🛫':
          out.start = parseIsoDate(date);
          break;
        default:
          break; // the created date is Tasks' own
      }
      return ' ';
    });
    text = text.replace(PRIORITY_EMOJI, ' ');
  }

  if (text.includes('#')) {
    text = text.replace(COMMITMENT_TAG, (_m, lead: string) => {
      out.tagged = true;
      return lead;
    });
  }

  if (/\s\s|[\t\n\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  const coach = text.length > 5 && (text.charCodeAt(0) | 32) === 99 /* c */ ? COACH_PREFIX.exec(text) : null;
  if (coach) {
    text = text.slice(coach[0].length);
    if (out.owner === null) out.owner = 'coach';
  }
  out.text = text;
  return out;
}
