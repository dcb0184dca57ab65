/**
 * Calendar-date helpers on `YYYY-MM-DD` strings. The core never reads the clock: callers pass
 * the as-of date in. Arithmetic is done on UTC-midnight epoch days, so neither the machine's time
 * zone nor a daylight-saving change can shift a day.
 */
import type { IsoDate } from './types';

const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date, optionally followed by a time (`2026-11-20T10:00`, `2026-11-20 10:00`). */
const DATE_PREFIX = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A valid `YYYY-MM-DD` from a date or datetime string, else null. Single-digit months are padded. */
export function parseIsoDate(value: string): IsoDate | null {
  if (value.length === 10 && ISO_DATE.test(value)) {
    const month = (value.charCodeAt(5) - 48) * 10 + (value.charCodeAt(6) - 48);
    const day = (value.charCodeAt(8) - 48) * 10 + (value.charCodeAt(9) - 48);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(value.slice(0, 4)), month)) return null;
    return value;
  }
  const m = DATE_PREFIX.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for a strictly formed, real calendar date. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && parseIsoDate(value) === value;
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Today's date in the machine's local time zone: for entry points only, never inside the core. */
export function localToday(now: Date = new Date()): IsoDate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
