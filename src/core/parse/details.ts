/**
 * A commitment's indented children: the if-then plan, confidence, check-ins and lessons, written
 * either as `key: value` lines or as the sentences coaches actually type.
 */
import { parseIsoDate } from '../dates';
import type { CheckIn, CheckInStatus, Coping, Learned } from '../types';
import { parseConfidence, parseCoping } from '../syntax/fields';

export interface Details {
  trigger: string | null;
  coping: Coping | null;
  confidence: number | null;
  checkIns: CheckIn[];
  learned: Learned[];
  notes: string[];
  problems: { line: number; message: string }[];
}

// Every pattern is anchored, and no two quantifiers next to each other can take the same
// characters; sentences are split in code (at the first comma, the last "I'll") rather than by
// lazy groups between runs of spaces, which backtrack without bound on a line of spaces.
const TRIGGER_FIELD = /^(?:when|trigger)[ \t]{0,20}:([^]*)$/i;
const WHEN_START = /^when[ \t]+/i;
const WILL = /(?:^|[ \t,])(?:i(?:'|’)ll|i[ \t]+will)[ \t]+/gi;
const IF_FIELD = /^if[ \t]{0,20}:([^]*)$/i;
const THEN_FIELD = /[ \t]then[ \t]{0,20}:/i;
const COPING_FIELD = /^coping[ \t]{0,20}:([^]*)$/i;
const IF_START = /^if[ \t]+/i;
const CONFIDENCE = /^confidence(?:[ \t]{0,20}[:=-]|[ \t])([^]*)$/i;
const CHECK_IN =
  /^(?:\[\[)?(\d{4}-\d{1,2}-\d{1,2})(?:\]\])?(?:[ \t]{0,20}[:\-–—])?[ \t]{0,20}(done|partial|stuck|skipped|nudged)\b(?:[ \t]{0,20}[:\-–—])?([^]*)$/i;
const LEARNED = /^(?:learned|learnt|lesson)[ \t]{0,20}:([^]*)$/i;

/** `When X, I'll Y` → X (the trigger), split at the first "I'll"/"I will" after the cue; null when there is none. */
function whenTrigger(text: string): string | null {
  const start = WHEN_START.exec(text);
  if (!start) return null;
  WILL.lastIndex = start[0].length + 1;
  const will = WILL.exec(text);
  if (will === null) return null;
  const at = will.index;
  const cue = text.slice(start[0].length, at).trim().replace(/,$/, '').replace(/[ \t]+then$/i, '').trim();
  const rest = text.slice(at).replace(/^[ \t,]*/, '');
  return cue === '' || rest.length <= 0 ? null : cue;
}

/** `If A, then B` / `If A, B` → {A, B}, split at the first comma; null without one. */
function ifSentence(text: string): Coping | null {
  const start = IF_START.exec(text);
  if (!start) return null;
  const comma = text.indexOf(',', start[0].length);
  if (comma < 0) return null;
  const obstacle = text.slice(start[0].length, comma).trim();
  const response = text.slice(comma + 1).trim().replace(/^then[ \t]+/i, '').trim();
  return obstacle === '' || response === '' ? null : { obstacle, response };
}

const STATUS_WORDS: Record<string, CheckInStatus> = { done: 'done', partial: 'partial', stuck: 'stuck', skipped: 'skipped', nudged: 'nudged' };

/** A check-in's status word as one shared string (a lower-cased copy per check-in adds up over a vault). */
function checkInStatus(word: string): CheckInStatus {
  return STATUS_WORDS[word] ?? (word.toLowerCase() as CheckInStatus);
}

export function emptyDetails(): Details {
  return { trigger: null, coping: null, confidence: null, checkIns: [], learned: [], notes: [], problems: [] };
}

/** Reads one detail line (list marker already removed) into `d`. */
export function readDetail(d: Details, text: string, line: number): void {
  // Every form below starts with a date (or `[[`), or with l, t, w, i or c in either case; the
  // other lines (most of them) are notes, without trying each pattern in turn.
  const c0 = text.charCodeAt(0);
  const lower = c0 | 32;
  if (!((c0 >= 48 && c0 <= 57) || c0 === 91 || lower === 108 || lower === 116 || lower === 119 || lower === 105 || lower === 99)) {
    d.notes.push(text);
    return;
  }
  let m: RegExpExecArray | null;
  if ((m = CHECK_IN.exec(text))) {
    const date = parseIsoDate(m[1]);
    if (date === null) {
      d.problems.push({ line, message: `check-in date '${m[1]}' is not a date (YYYY-MM-DD); kept as a note, not a check-in` });
      d.notes.push(text);
      return;
    }
    const note = m[3].trim();
    d.checkIns.push({ date, status: checkInStatus(m[2]), note: note === '' ? null : note, line });
    return;
  }
  if ((m = LEARNED.exec(text)) && m[1].trim() !== '') {
    const last = d.checkIns[d.checkIns.length - 1];
    d.learned.push({ date: last ? last.date : null, text: m[1].trim(), line });
    return;
  }
  if ((m = TRIGGER_FIELD.exec(text)) && m[1].trim() !== '') {
    d.trigger ??= m[1].trim();
    return;
  }
  const cue = whenTrigger(text);
  if (cue !== null) {
    d.trigger ??= cue;
    return;
  }
  if ((m = IF_FIELD.exec(text)) && m[1].trim() !== '') {
    const then = THEN_FIELD.exec(m[1]);
    if (then) {
      const obstacle = m[1].slice(0, then.index).trim();
      const response = m[1].slice(then.index + then[0].length).trim();
      if (obstacle !== '' && response !== '') {
        d.coping ??= { obstacle, response };
        return;
      }
    }
    d.coping ??= { obstacle: m[1].trim(), response: null };
    return;
  }
  if ((m = COPING_FIELD.exec(text)) && m[1].trim() !== '') {
    d.coping ??= parseCoping(m[1]);
    return;
  }
  const plan = ifSentence(text);
  if (plan !== null) {
    d.coping ??= plan;
    return;
  }
  if ((m = CONFIDENCE.exec(text)) && /^\d/.test(m[1].trim())) {
    const c = parseConfidence(m[1]);
    if (Number.isNaN(c)) {
      d.problems.push({ line, message: `confidence '${m[1].trim().slice(0, 40)}' is not a number from 1 to 10; kept as a note` });
      d.notes.push(text);
    } else {
      d.confidence ??= c;
    }
    return;
  }
  d.notes.push(text);
}
