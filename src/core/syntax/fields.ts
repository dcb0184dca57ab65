/**
 * The commitment line's syntax, written once: which fields a line may carry, under which names
 * (Dataview inline fields, `[due:: 2026-12-02]` or `(due:: …)`) and which Tasks emoji
 * (`📅 2026-12-02`), how each value is read, and the patterns that find them. The parser
 * (`parse/fields.ts`) reads lines with it and the editor (`edit/line-fields.ts`) writes them with
 * it, so the two cannot disagree about a field.
 *
 * Adding a field: one entry in `FIELDS` (its names, its emoji if Tasks has one, how it is read)
 * plus its place in `LineFields` (parse/fields.ts) and the types (`core/types.ts`).
 */
import { parseIsoDate } from '../dates';
import type { Coping, Kind, Owner } from '../types';

export type FieldKey = 'due' | 'completion' | 'cancelled' | 'trigger' | 'coping' | 'confidence' | 'owner' | 'kind' | 'from';

/** A field's value as read: the value, or a problem (a sentence without the note or line). */
export type FieldRead<T> = { value: T } | { value: T; problem: string };

export interface FieldSpec<T = unknown> {
  /** Inline-field names read (lower case). The first is the one written. */
  names: readonly string[];
  /** Names read only when the note layout asks for them (`DueDate::`, `Deadline::`). */
  layoutNames?: readonly string[];
  /** Tasks' emoji for the field; the first is the one written. */
  emoji?: readonly string[];
  /** A value that cannot be read leaves an earlier value of the field in place (else it clears it). */
  keepOnProblem?: boolean;
  read(value: string): FieldRead<T>;
}

function date(label: string): (value: string) => FieldRead<string | null> {
  return (value) => {
    const d = parseIsoDate(value);
    if (d === null && value.trim() !== '') return { value: null, problem: `${label} '${value.trim()}' is not a date (YYYY-MM-DD)` };
    return { value: d };
  };
}

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

export const FIELDS: { readonly [K in FieldKey]: FieldSpec } = {
  due: { names: ['due'], layoutNames: ['duedate', 'due date', 'due_date', 'due-date', 'deadline'], emoji: ['📅', '📆', '🗓'], read: date('due date') },
  completion: { names: ['completion', 'done'], emoji: ['✅'], read: date('done date') },
  cancelled: { names: ['cancelled', 'canceled'], emoji: ['❌'], read: date('let-go date') },
  trigger: { names: ['trigger', 'when'], read: (v) => ({ value: v || null }) },
  coping: { names: ['coping'], read: (v) => ({ value: parseCoping(v) }) },
  confidence: {
    names: ['confidence'],
    keepOnProblem: true,
    read: (v) => {
      const c = parseConfidence(v);
      return Number.isNaN(c) ? { value: null, problem: `confidence '${v}' is not a number from 1 to 10` } : { value: c };
    },
  },
  owner: { names: ['owner'], read: (v) => ({ value: parseOwner(v) }) },
  kind: {
    names: ['kind'],
    read: (v) => {
      const k = parseKind(v);
      return k === null ? { value: null, problem: `kind '${v}' is neither process nor outcome` } : { value: k };
    },
  },
  from: { names: ['from'], read: (v) => ({ value: parseFromRef(v) }) },
};

const byName = new Map<string, { key: FieldKey; layout: boolean }>();
const byEmoji = new Map<string, FieldKey>();
for (const key of Object.keys(FIELDS) as FieldKey[]) {
  const f = FIELDS[key];
  for (const n of f.names) byName.set(n, { key, layout: false });
  for (const n of f.layoutNames ?? []) byName.set(n, { key, layout: true });
  for (const e of f.emoji ?? []) byEmoji.set(e, key);
}

/** The field an inline-field key names (already trimmed and lower-cased); layout names only when asked. */
export function fieldOfName(name: string, layoutNames: boolean): FieldKey | null {
  const hit = byName.get(name);
  return hit === undefined || (hit.layout && !layoutNames) ? null : hit.key;
}

/** The field a Tasks date emoji stands for; null for Tasks' own dates (scheduled, start, created). */
export function fieldOfEmoji(emoji: string): FieldKey | null {
  return byEmoji.get(emoji) ?? null;
}

/** Tasks' scheduled and start dates, read as a due date only by a layout that asks. */
export const SCHEDULED_EMOJI = '⏳';
export const START_EMOJI = '🛫';
/** Every Tasks date emoji: ours (due, done, cancelled), then scheduled, start and created. */
export const TASKS_DATE_EMOJI = ['📅', '📆', '🗓', '✅', '❌', SCHEDULED_EMOJI, START_EMOJI, '➕'] as const;
const EMOJI_ALT = TASKS_DATE_EMOJI.join('|');

// Every pattern runs in time linear in the line: bounded, and no two quantifiers next to each
// other can take the same characters (surrounding whitespace is trimmed in code).
/**
 * `[key:: value]` (the value may hold `[[links]]`) or `(key:: value)`. Groups: 1 key, 2 value
 * (brackets); 3 key, 4 value (parentheses).
 */
export const INLINE_FIELD = /\[([A-Za-z][\w -]{0,40}?)::((?:[^[\]\n]|\[\[[^\]\n]{0,300}\]\]){0,1000})\]|\(([A-Za-z][\w -]{0,40}?)::([^()\n]{0,1000})\)/g;

/** One inline field found by `nextInlineField`: where it stands, its key and value as written. */
export interface InlineField {
  start: number;
  end: number;
  /** As written (not trimmed or lower-cased). */
  key: string;
  value: string;
  /** `(key:: value)` rather than `[key:: value]`. */
  paren: boolean;
}

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 32 || c === 45;
}

/**
 * The inline code spans of a line (`` `…` ``, `` ``…`` ``), as [start, end) offsets: a run of
 * backticks opens one that the next run of the same length closes (CommonMark's rule). One pass
 * over the runs, however many backticks the line holds.
 */
export function codeSpans(text: string): [number, number][] {
  const runs: [number, number][] = []; // [start, length]
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 96) continue;
    const start = i;
    while (i + 1 < text.length && text.charCodeAt(i + 1) === 96) i++;
    runs.push([start, i - start + 1]);
  }
  // Per length, the runs of that length in order, and how far each list has been taken.
  const byLength = new Map<number, number[]>();
  runs.forEach(([, n], k) => {
    const list = byLength.get(n);
    if (list) list.push(k);
    else byLength.set(n, [k]);
  });
  const taken = new Map<number, number>();
  const out: [number, number][] = [];
  let k = 0;
  while (k < runs.length) {
    const [start, n] = runs[k];
    const list = byLength.get(n)!;
    let t = taken.get(n) ?? 0;
    while (t < list.length && list[t] <= k) t++;
    taken.set(n, t);
    if (t >= list.length) {
      k++;
      continue;
    }
    const close = list[t];
    out.push([start, runs[close][0] + n]);
    k = close + 1;
  }
  return out;
}

/** Whether offset `at` is inside one of `spans`. */
export function inSpan(spans: readonly [number, number][], at: number): boolean {
  for (const [a, b] of spans) if (at >= a && at < b) return true;
  return false;
}

/**
 * The first inline field at or after `from`: exactly what `INLINE_FIELD` matches (a property test
 * holds the two together), found by character. Every commitment line is searched, and the
 * pattern with a replace callback was about a twentieth of the parser's time.
 */
export function nextInlineField(text: string, from = 0): InlineField | null {
  const n = text.length;
  for (let p = from; p < n; p++) {
    const open = text.charCodeAt(p);
    if (open !== 91 /* [ */ && open !== 40 /* ( */) continue;
    // The key: a letter, then up to 40 of [A-Za-z0-9_ -], then `::`.
    const k0 = p + 1;
    const first = k0 < n ? text.charCodeAt(k0) | 32 : 0;
    if (!(first >= 97 && first <= 122)) continue;
    let k = k0 + 1;
    while (k < n && k - k0 <= 41 && isKeyChar(text.charCodeAt(k))) k++;
    if (k - k0 > 41 || k + 1 >= n || text.charCodeAt(k) !== 58 || text.charCodeAt(k + 1) !== 58) continue;
    const v0 = k + 2;
    let v = v0;
    if (open === 40) {
      // `(key:: value)`: up to 1000 characters other than ( ) and a line break, then `)`.
      while (v < n && v - v0 < 1000) {
        const c = text.charCodeAt(v);
        if (c === 40 || c === 41 || c === 10) break;
        v++;
      }
      if (v < n && text.charCodeAt(v) === 41) return { start: p, end: v + 1, key: text.slice(k0, k), value: text.slice(v0, v), paren: true };
      continue;
    }
    // `[key:: value]`: up to 1000 units, each a character other than [ ] and a line break or a
    // `[[link]]` (up to 300 characters other than ] and a line break inside), then `]`.
    let units = 0;
    while (v < n && units < 1000) {
      const c = text.charCodeAt(v);
      if (c === 10 || c === 93) break;
      if (c === 91) {
        if (v + 1 >= n || text.charCodeAt(v + 1) !== 91) break;
        let w = v + 2;
        while (w < n && w - (v + 2) <= 300) {
          const d = text.charCodeAt(w);
          if (d === 93 || d === 10) break;
          w++;
        }
        if (w - (v + 2) > 300 || w + 1 >= n || text.charCodeAt(w) !== 93 || text.charCodeAt(w + 1) !== 93) break;
        v = w + 2;
      } else v++;
      units++;
    }
    if (v < n && text.charCodeAt(v) === 93) return { start: p, end: v + 1, key: text.slice(k0, k), value: text.slice(v0, v), paren: false };
  }
  return null;
}

/** A Tasks date field. Groups: 1 the emoji, 2 the variation selector and gap, 3 the date. */
export const EMOJI_DATE = new RegExp(`(${EMOJI_ALT})(\\uFE0F?[ \\t]{0,20})(\\d{4}-\\d{1,2}-\\d{1,2})`, 'gu');
/**
 * Whether a text may hold a Tasks date emoji: one of their first UTF-16 units. A class of single
 * units, so it is a plain scan; most lines have none, and the full pattern below is not tried.
 */
export const MAY_HAVE_DATE_EMOJI = new RegExp(`[${[...new Set(TASKS_DATE_EMOJI.map((e) => `\\u${e.charCodeAt(0).toString(16).padStart(4, '0')}`))].join('')}]`);
/** Whether a text holds any Tasks date emoji (a quick test before the full pattern). */
export const ANY_DATE_EMOJI = new RegExp(`(?:${EMOJI_ALT})`, 'u');
/** A date emoji on its own, with its variation selector (to strip from free text). */
export const DATE_EMOJI_SIGN = new RegExp(`(?:${EMOJI_ALT})\\uFE0F?`, 'gu');
/** Tasks' priority signs, part of the Tasks-readable end of a line too. */
export const PRIORITY_EMOJI = /(?:⏫|🔼|🔽|🔺|⏬)\uFE0F?/gu;
/**
 * Tasks' fields that are neither a date nor a priority, and none of them words of the commitment:
 * the task's id (`🆔 abc123`), the ids it waits on (`⛔ abc123,def456`) and what happens once it
 * is done (`🏁 delete`), as obsidian-tasks writes them (its EMOJI_FORMAT idRegex, dependsOnRegex).
 */
export const TASKS_META = /🆔\uFE0F?[ \t]*[a-zA-Z0-9_-]+|⛔\uFE0F?[ \t]*[a-zA-Z0-9_-]+(?:[ \t]*,[ \t]*[a-zA-Z0-9_-]+)*|🏁\uFE0F?[ \t]*[a-zA-Z]+/gu;
/** Whether a text may hold one of them, a priority or a recurrence (their first UTF-16 units), before the full patterns. */
export const MAY_HAVE_TASKS_META = /[\uD83C\uD83D\u26D4\u23EB\u23EC]/;
/** The signs of those fields and of the recurrence on their own (to strip from typed free text). */
export const TASKS_META_SIGN = /(?:🆔|⛔|🏁|🔁)\uFE0F?/gu;
/** Tasks' recurrence (`🔁 every week`), up to the next Tasks field or bracket. */
export const RECURRENCE = /[ \t]{0,5}🔁\uFE0F?[ \t]{0,5}([^📅📆🗓✅❌⏳🛫➕⏫🔼🔽🔺⏬🆔⛔🏁[\]\n]{1,80})/u;
/** The `#commitment` tag that marks a line as a commitment anywhere. Group 1: what stood before it. */
export const COMMITMENT_TAG = /(^|[ \t])#commitment(?=$|[ \t.,;:!?)])/gi;
/** The same, as a test (no global state). */
export const HAS_COMMITMENT_TAG = /(^|[ \t])#commitment(?=$|[ \t.,;:!?)])/i;
/** The tag's name, for tag lists (Obsidian's metadata cache, frontmatter `tags`). */
export const COMMITMENT_TAG_NAME = 'commitment';
