/**
 * Outcome data tied to the program's promise: an optional convention in the client note's
 * frontmatter, plus the outcome-kind commitments the session notes already carry.
 *
 * ```yaml
 * promise: Land 3 new clients by March                 # the program's promise, as a sentence
 * # or, with a number to measure progress against:
 * promise: {text: "Land 3 new clients", target: 3, by: 2027-03-31}
 * outcomes:                                            # what has been achieved, dated
 *   - {date: 2026-11-20, value: 1, note: "Signed Holloway"}
 *   - "2026-11-28: second client signed"              # a plain string: a date, then the note
 * milestones:
 *   - {name: "Launch the website", due: 2026-12-15, done: 2026-12-02}   # a done date dates it
 * ```
 *
 * Every key is optional, and so is the whole convention: without it a client simply has no
 * promise and no outcome entries, and the outcome-kind commitments (`[kind:: outcome]`, or those
 * classified as results the client can only influence) still give an outcome completion rate.
 *
 * `value` is a number (progress toward `target`: clients landed, kilograms, revenue) or any text.
 * A promise is **met** when its target is a number and the latest numeric value known by the
 * as-of date is at least the target.
 *
 * The vault index keeps only the frontmatter keys the note-format spec defines, so these keys are
 * read from the note's frontmatter through a callback the caller supplies (`ClientFrontmatter`):
 * the plugin passes Obsidian's parsed frontmatter, the command line reads the file.
 */
import { addDays, parseIsoDate } from '../dates';
import { frontmatterLookup } from '../parse/records';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { IsoDate } from '../types';

/** A client note's frontmatter as a plain object, by the note's vault path; null when unknown. */
export type ClientFrontmatter = (path: string) => Record<string, unknown> | null | undefined;

export interface ProgramPromise {
  text: string;
  /** A number to measure outcome values against, or null. */
  target: number | null;
  /** The date the promise is for, or null. */
  by: IsoDate | null;
}

export interface OutcomeEntry {
  date: IsoDate;
  value: number | string | null;
  note: string | null;
}

/** What the practice view reads from a client note beyond the spec's keys. */
export interface ClientExtras {
  promise: ProgramPromise | null;
  /** Dated outcome entries, oldest first (entries without a valid date are skipped). */
  outcomes: OutcomeEntry[];
  /** Milestone done dates by lower-cased milestone name, where `done:` was written as a date. */
  milestoneDone: Map<string, IsoDate>;
}

export const NO_EXTRAS: Readonly<ClientExtras> = Object.freeze({ promise: null, outcomes: [], milestoneDone: new Map() });

function dateOf(value: unknown): IsoDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return parseIsoDate(value);
  return null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function readPromise(value: unknown): ProgramPromise | null {
  const plain = text(value);
  if (plain !== null) return { text: plain, target: null, by: null };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  const t = text(o.text ?? o.name ?? o.title);
  if (t === null) return null;
  return { text: t, target: numberOf(o.target), by: dateOf(o.by ?? o.due) };
}

const STRING_ENTRY = /^\s*(\d{4}-\d{1,2}-\d{1,2})\s*[:\-–—]?\s*(.*)$/;

function readOutcomes(value: unknown): OutcomeEntry[] {
  if (!Array.isArray(value)) return [];
  const out: OutcomeEntry[] = [];
  for (const item of value) {
    if (typeof item === 'string') {
      const m = STRING_ENTRY.exec(item);
      const date = m ? parseIsoDate(m[1]) : null;
      if (date) out.push({ date, value: null, note: m![2].trim() || null });
    } else if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      const date = dateOf(o.date);
      if (!date) continue;
      const v = numberOf(o.value) ?? text(o.value);
      out.push({ date, value: v, note: text(o.note ?? o.text) });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function readMilestoneDone(value: unknown): Map<string, IsoDate> {
  const out = new Map<string, IsoDate>();
  if (!Array.isArray(value)) return out;
  for (const item of value) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const o = item as Record<string, unknown>;
    const name = text(o.name ?? o.title);
    const done = dateOf(o.done);
    if (name !== null && done !== null && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), done);
  }
  return out;
}

/** The promise, outcome entries and milestone done dates in a client note's frontmatter. */
export function readClientExtras(data: Record<string, unknown> | null | undefined, settings: CoreSettings = DEFAULT_CORE_SETTINGS): ClientExtras {
  if (!data) return NO_EXTRAS;
  const get = (k: string) => frontmatterLookup(data, k, settings);
  return { promise: readPromise(get('promise')), outcomes: readOutcomes(get('outcomes')), milestoneDone: readMilestoneDone(get('milestones')) };
}

// ---- per client, as of a date -----------------------------------------------------------------

export interface ClientOutcomes {
  promise: ProgramPromise | null;
  /** Entries dated on or before the as-of date, oldest first. */
  entries: OutcomeEntry[];
  latest: OutcomeEntry | null;
  /** Entries dated in the window (the `windowDays` before the as-of date). */
  inWindow: number;
  /** The latest numeric value known by the as-of date, or null. */
  latestValue: number | null;
  /** True/false when the promise has a numeric target and a numeric value exists; else null. */
  promiseMet: boolean | null;
}

const NO_OUTCOMES: ClientOutcomes = Object.freeze({ promise: null, entries: [], latest: null, inWindow: 0, latestValue: null, promiseMet: null });

/** A client's outcome entries and promise as of a date; `windowDays` is the recent window. */
export function clientOutcomes(extras: ClientExtras, asOf: IsoDate, windowDays: number, windowFrom?: IsoDate): ClientOutcomes {
  if (extras.promise === null && extras.outcomes.length === 0) return NO_OUTCOMES;
  const from = windowFrom ?? addDays(asOf, -windowDays);
  const entries = extras.outcomes.filter((e) => e.date <= asOf);
  let latestValue: number | null = null;
  for (const e of entries) if (typeof e.value === 'number') latestValue = e.value;
  const target = extras.promise?.target ?? null;
  return {
    promise: extras.promise,
    entries,
    latest: entries.length ? entries[entries.length - 1] : null,
    inWindow: entries.filter((e) => e.date >= from && e.date < asOf).length,
    latestValue,
    promiseMet: target === null || latestValue === null ? null : latestValue >= target,
  };
}
