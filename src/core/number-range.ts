/**
 * The one place a numeric setting's range lives: the loader repairs a saved value with it, the
 * settings tab refuses typing outside it, and the CLI names what it repaired. A value hand-edited
 * into data.json (`dueLeadDays: 0.5`, `defaultCadence: 0`) would otherwise reach the dates as
 * "2026-11-10.5" or an endless cadence.
 */
export interface NumberRange {
  min: number;
  max: number;
  /** Whole numbers only (days, sessions, counts). */
  whole: boolean;
  /** How the range reads in a message: "a whole number of days from 0 to 60". */
  unit: string;
}

export const range = (min: number, max: number, whole: boolean, unit: string): NumberRange => ({ min, max, whole, unit });

/**
 * `value` as the setting takes it: a fraction rounded where whole numbers are wanted; a value
 * outside the range, or not a number, is `fallback` (the default) rather than the nearest end,
 * which would be a setting nobody chose.
 */
export function inRange(value: unknown, r: NumberRange, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const n = r.whole ? Math.round(value) : value;
  return n >= r.min && n <= r.max ? n : fallback;
}

/** True when `value` is a number the range takes as it is. */
export function fitsRange(value: number, r: NumberRange): boolean {
  return Number.isFinite(value) && value >= r.min && value <= r.max && (!r.whole || Number.isInteger(value));
}

export function describeRange(r: NumberRange): string {
  return `${r.whole ? 'a whole number' : 'a number'}${r.unit ? ` of ${r.unit}` : ''} from ${r.min} to ${r.max}`;
}
