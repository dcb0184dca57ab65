/**
 * Review periods: ISO weeks (Monday to Sunday, numbered by the ISO 8601 rule, so the last days of
 * December can belong to week 1 of the next year) and calendar months, on `YYYY-MM-DD` strings.
 */
import { addDays, weekday } from '../dates';
import type { IsoDate } from '../types';

export type ReviewPeriodKind = 'week' | 'month';

export interface ReviewPeriod {
  kind: ReviewPeriodKind;
  /** `2026-W48` or `2026-11`. */
  label: string;
  /** First and last day of the period, both inclusive. */
  start: IsoDate;
  end: IsoDate;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 week-numbering year and week (1-53) of a date. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  // The Thursday of the date's week decides the year; week 1 is the week with January 4th.
  const thursday = addDays(date, 3 - ((weekday(date) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${pad(year, 4)}-01-04`;
  const week1Monday = addDays(jan4, -((weekday(jan4) + 6) % 7));
  const days = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${week1Monday}T00:00:00Z`)) / 86_400_000);
  return { year, week: Math.floor(days / 7) + 1 };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO week or calendar month that contains `asOf`. */
export function periodOf(kind: ReviewPeriodKind, asOf: IsoDate): ReviewPeriod {
  if (kind === 'week') {
    const start = addDays(asOf, -((weekday(asOf) + 6) % 7));
    const { year, week } = isoWeek(asOf);
    return { kind, label: `${pad(year, 4)}-W${pad(week)}`, start, end: addDays(start, 6) };
  }
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const ym = `${pad(year, 4)}-${pad(month)}`;
  return { kind, label: ym, start: `${ym}-01`, end: `${ym}-${pad(lastDayOfMonth(year, month))}` };
}

