/**
 * A commitment's indented children: the if-then plan, confidence, check-ins and lessons, written
 * either as `key: value` lines or as the sentences coaches actually type.
 */
import { parseIsoDate } from '../dates';
import { append, NONE } from './detach';
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
  return { trigger: null, coping: null, confidence: null, checkIns: NONE, learned: NONE, notes: NONE, problems: NONE };
}

/** `2026-11-24 done: note` (or `[[2026-11-24]] …`): a check-in. */
function checkInLine(d: Details, text: string, line: number): boolean {
  const m = CHECK_IN.exec(text);
  if (!m) return false;
  const date = parseIsoDate(m[1]);
  if (date === null) {
    d.problems = append(d.problems, { line, message: `check-in date '${m[1]}' is not a date (YYYY-MM-DD); kept as a note, not a check-in` });
    d.notes = append(d.notes, text);
    return true;
  }
  const note = m[3].trim();
  d.checkIns = append(d.checkIns, { date, status: checkInStatus(m[2]), note: note === '' ? null : note, line });
  return true;
}

/** `Learned: …`: what the client learned, dated by the latest check-in. */
function learnedLine(d: Details, text: string, line: number): boolean {
  const m = LEARNED.exec(text);
  if (!m || m[1].trim() === '') return false;
  const last = d.checkIns[d.checkIns.length - 1];
  d.learned = append(d.learned, { date: last ? last.date : null, text: m[1].trim(), line });
  return true;
}

/** `When: …` / `Trigger: …`, or the sentence `When X, I'll Y`: the trigger. */
function triggerLine(d: Details, text: string): boolean {
  const m = TRIGGER_FIELD.exec(text);
  if (m && m[1].trim() !== '') {
    d.trigger ??= m[1].trim();
    return true;
  }
  const cue = whenTrigger(text);
  if (cue === null) return false;
  d.trigger ??= cue;
  return true;
}

/** `If: A then: B`, or the sentence `If A, then B`: the coping plan. */
function ifLine(d: Details, text: string): boolean {
  const m = IF_FIELD.exec(text);
  if (m && m[1].trim() !== '') {
    const then = THEN_FIELD.exec(m[1]);
    if (then) {
      const obstacle = m[1].slice(0, then.index).trim();
      const response = m[1].slice(then.index + then[0].length).trim();
      if (obstacle !== '' && response !== '') {
        d.coping ??= { obstacle, response };
        return true;
      }
    }
    d.coping ??= { obstacle: m[1].trim(), response: null };
    return true;
  }
  const plan = ifSentence(text);
  if (plan === null) return false;
  d.coping ??= plan;
  return true;
}

/** `Coping: A -> B` (the coping plan), or `Confidence: 7/10`. */
function copingOrConfidenceLine(d: Details, text: string, line: number): boolean {
  let m = COPING_FIELD.exec(text);
  if (m && m[1].trim() !== '') {
    d.coping ??= parseCoping(m[1]);
    return true;
  }
  m = CONFIDENCE.exec(text);
  if (!m || !/^\d/.test(m[1].trim())) return false;
  const c = parseConfidence(m[1]);
  if (Number.isNaN(c)) {
    d.problems = append(d.problems, { line, message: `confidence '${m[1].trim().slice(0, 40)}' is not a number from 1 to 10; kept as a note` });
    d.notes = append(d.notes, text);
  } else {
    d.confidence ??= c;
  }
  return true;
}

/** Reads one detail line (list marker already removed) into `d`. */
export function readDetail(d: Details, text: string, line: number): void {
  // Each form starts with its own characters: a date (or `[[`), or l, t or w, i, c in either
  // case. Only the forms a line's first character allows are tried; the other lines (most of
  // them) are notes.
  const c0 = text.charCodeAt(0);
  const lower = c0 | 32;
  const read =
    (c0 >= 48 && c0 <= 57) || c0 === 91 ? checkInLine(d, text, line)
    : lower === 108 ? learnedLine(d, text, line)
    : lower === 116 || lower === 119 ? triggerLine(d, text)
    : lower === 105 ? ifLine(d, text)
    : lower === 99 ? copingOrConfidenceLine(d, text, line)
    : false;
  if (!read) d.notes = append(d.notes, text);
}
