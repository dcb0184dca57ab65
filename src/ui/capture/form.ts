/** The capture form's checks: what is wrong with a field, what the coach changed, what is sent. */
import { isIsoDate } from '../../core/dates';
import type { CaptureItem } from '../contracts';

export type Field = 'text' | 'trigger' | 'coping' | 'confidence' | 'due' | 'owner' | 'kind';
export type Problems = Record<number, Partial<Record<Field, string>>>;

const EDITABLE: readonly Field[] = ['text', 'trigger', 'coping', 'confidence', 'due', 'owner', 'kind'];

/** What is wrong with each item's fields, by index; empty when the form can be confirmed. */
export function problems(items: readonly CaptureItem[]): Problems {
  const out: Problems = {};
  items.forEach((item, i) => {
    const e: Partial<Record<Field, string>> = {};
    if (item.text.trim() === '') e.text = 'Say what will be done.';
    const conf = item.confidence;
    if (conf !== null && conf !== undefined && (!Number.isInteger(conf) || conf < 1 || conf > 10)) {
      e.confidence = 'Confidence is a whole number from 1 to 10.';
    }
    if (!isIsoDate(item.due)) e.due = 'Type a due date, such as "fri", "in 3 days" or a date.';
    if (item.owner.trim() === '') e.owner = 'Who does it: client, coach or a name.';
    if (Object.keys(e).length > 0) out[i] = e;
  });
  return out;
}

/** How many items the coach has changed from what the form opened with. */
export function changedCount(items: readonly CaptureItem[], initial: readonly CaptureItem[]): number {
  let n = items.length === initial.length ? 0 : Math.abs(items.length - initial.length);
  items.forEach((item, i) => {
    const was = initial[i];
    if (was && EDITABLE.some((k) => (item[k] ?? null) !== (was[k] ?? null))) n++;
  });
  return n;
}

/** The items as confirmed: text, owner and plans trimmed, a blank confidence as none. */
export function cleaned(items: readonly CaptureItem[]): CaptureItem[] {
  return items.map((item) => {
    const conf = item.confidence as number | null | undefined;
    return {
      ...item,
      text: item.text.trim(),
      owner: item.owner.trim(),
      trigger: item.trigger.trim(),
      coping: item.coping.trim(),
      confidence: conf === null || conf === undefined || Number.isNaN(conf) ? null : conf,
    };
  });
}
