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

/**
 * One string per date: a vault names the same few thousand dates over and over (due dates,
 * session dates, check-ins), and the index would keep a copy of each for every mention. Kept by
 * year (1900-2199, a list of 12 × 31 slots each, made when a date of that year is first read),
 * so finding a date's string is an array read, and nothing outside those years is kept.
 */
const YEARS: (IsoDate | undefined)[][] = [];

function intern(date: IsoDate, year: number, month: number, day: number): IsoDate {
  if (year < 1900 || year >= 2200) return date;
  const days = (YEARS[year - 1900] ??= new Array<IsoDate | undefined>(372));
  return (days[(month - 1) * 31 + day - 1] ??= date);
}

/** A valid `YYYY-MM-DD` from a date or datetime string, else null. Single-digit months are padded. */
export function parseIsoDate(value: string): IsoDate | null {
  if (value.length === 10 && ISO_DATE.test(value)) {
    const month = (value.charCodeAt(5) - 48) * 10 + (value.charCodeAt(6) - 48);
    const day = (value.charCodeAt(8) - 48) * 10 + (value.charCodeAt(9) - 48);
    const year = (value.charCodeAt(0) - 48) * 1000 + (value.charCodeAt(1) - 48) * 100 + (value.charCodeAt(2) - 48) * 10 + (value.charCodeAt(3) - 48);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    return intern(value, year, month, day);
  }
  const m = DATE_PREFIX.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return intern(`${pad(year, 4)}-${pad(month)}-${pad(day)}`, year, month, day);
}

/** True for a strictly formed, real calendar date. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && parseIsoDate(value) === value;
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date, by arithmetic on its digits (the proleptic
 * Gregorian calendar, as `Date` counts): a `Date` parsed from a string for every due date was a
 * tenth of a cold roster. NaN when the text is not digits where a date has them.
 */
function epochDay(date: IsoDate): number {
  if (date.length < 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return toUtcDay(date);
  const y0 = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (date.length > 10 || Number.isNaN(y0 + m + d) || m < 1 || m > 12 || d < 1 || d > 31) return toUtcDay(date);
  // Howard Hinnant's days_from_civil.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** The slow way, for text that is not a plain date (kept so odd input behaves as it always did). */
function toUtcDay(date: string): number {
  return new Date(`${date}T00:00:00Z`).getTime() / DAY_MS;
}

/** `YYYY-MM-DD` of an epoch day (Hinnant's civil_from_days). */
function fromEpochDay(z0: number): IsoDate {
  if (!Number.isFinite(z0)) return fromUtc(new Date(NaN));
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  // Beyond the four-digit years a date is written in (a due date of 9999-12-31 plus a day): the
  // last or first such day, never a five-digit or NaN year.
  if (y > 9999) return intern('9999-12-31', 9999, 12, 31);
  if (y < 0) return intern('0000-01-01', 0, 1, 1);
  return intern(`${pad(y, 4)}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`, y, m, d);
}

function fromUtc(d: Date): IsoDate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(epochDay(to) - epochDay(from));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((Math.floor(epochDay(date)) + 4) % 7) + 7) % 7;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Today's date in the machine's local time zone: for entry points only, never inside the core. */
export function localToday(now: Date = new Date()): IsoDate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
