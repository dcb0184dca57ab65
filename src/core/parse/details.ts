/**
 * A commitment's indented children: the if-then plan, confidence, check-ins and lessons, written
 * either as `key: value` lines or as the sentences coaches actually type.
 */
import { parseIsoDate } from '../dates';
import type { CheckIn, CheckInStatus, Coping, Learned } from '../types';
import { parseConfidence, parseCoping } from './fields';

export interface Details {
  trigger: string | null;
  coping: Coping | null;
  confidence: number | null;
  checkIns: CheckIn[];
  learned: Learned[];
  notes: string[];
  problems: { line: number; message: string }[];
}

const TRIGGER_FIELD = /^(?:when|trigger)[ \t]*:[ \t]*(.+)$/i;
const WHEN_SENTENCE = /^when[ \t]+(.+?)[ \t]*,?[ \t]+(?:then[ \t]+)?(?:i(?:'|’)ll|i[ \t]+will)[ \t]+(.+)$/i;
const IF_THEN_FIELDS = /^if[ \t]*:[ \t]*(.+?)[ \t]+then[ \t]*:[ \t]*(.+)$/i;
const IF_FIELD = /^if[ \t]*:[ \t]*(.+)$/i;
const COPING_FIELD = /^coping[ \t]*:[ \t]*(.+)$/i;
const IF_SENTENCE = /^if[ \t]+(.+?)[ \t]*,[ \t]*(?:then[ \t]+)?(.+)$/i;
const CONFIDENCE = /^confidence[ \t]*(?:[:=-][ \t]*|[ \t]+)(.+)$/i;
const CHECK_IN =
  /^(?:\[\[)?(\d{4}-\d{1,2}-\d{1,2})(?:\]\])?[ \t]*[:\-–—]?[ \t]*(done|partial|stuck|skipped|nudged)\b[ \t]*[:\-–—]?[ \t]*(.*)$/i;
const LEARNED = /^(?:learned|learnt|lesson)[ \t]*:[ \t]*(.+)$/i;

export function emptyDetails(): Details {
  return { trigger: null, coping: null, confidence: null, checkIns: [], learned: [], notes: [], problems: [] };
}

/** Reads one detail line (list marker already removed) into `d`. */
export function readDetail(d: Details, text: string, line: number): void {
  let m: RegExpExecArray | null;
  if ((m = CHECK_IN.exec(text))) {
    const date = parseIsoDate(m[1]);
    if (date === null) {
      d.problems.push({ line, message: `check-in date '${m[1]}' is not a date (YYYY-MM-DD)` });
      d.notes.push(text);
      return;
    }
    const note = m[3].trim();
    d.checkIns.push({ date, status: m[2].toLowerCase() as CheckInStatus, note: note === '' ? null : note, line });
    return;
  }
  if ((m = LEARNED.exec(text))) {
    const last = d.checkIns[d.checkIns.length - 1];
    d.learned.push({ date: last ? last.date : null, text: m[1].trim(), line });
    return;
  }
  if ((m = TRIGGER_FIELD.exec(text))) {
    d.trigger ??= m[1].trim();
    return;
  }
  if ((m = WHEN_SENTENCE.exec(text))) {
    d.trigger ??= m[1].trim();
    return;
  }
  if ((m = IF_THEN_FIELDS.exec(text))) {
    d.coping ??= { obstacle: m[1].trim(), response: m[2].trim() };
    return;
  }
  if ((m = COPING_FIELD.exec(text))) {
    d.coping ??= parseCoping(m[1]);
    return;
  }
  if ((m = IF_FIELD.exec(text))) {
    d.coping ??= { obstacle: m[1].trim(), response: null };
    return;
  }
  if ((m = IF_SENTENCE.exec(text))) {
    d.coping ??= { obstacle: m[1].trim(), response: m[2].trim() };
    return;
  }
  if ((m = CONFIDENCE.exec(text)) && /^\d/.test(m[1])) {
    const c = parseConfidence(m[1]);
    if (Number.isNaN(c)) {
      d.problems.push({ line, message: `confidence '${m[1].trim()}' is not a number from 1 to 10` });
      d.notes.push(text);
    } else {
      d.confidence ??= c;
    }
    return;
  }
  d.notes.push(text);
}
