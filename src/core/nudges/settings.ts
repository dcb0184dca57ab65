/**
 * Nudge settings: which steps of the nudge cadence each accountability level gets, when each
 * step falls, and the draft templates (with per-client overrides). The adapter keeps these under
 * one `nudges` key of the plugin settings; `DEFAULT_NUDGE_SETTINGS` is frozen, so callers build
 * new objects (`resolveNudgeSettings`) rather than mutating it.
 *
 * The shape is plain JSON (records of arrays and strings) so the plugin's `loadSettings` fill
 * works on it unchanged: `levels` and `templates` have fixed keys, `clients` is a free-form map.
 */
import { inRange, range } from '../number-range';
import type { AccountabilityLevel } from '../types';
import { deepFreeze } from '../freeze';

/** The four steps of a commitment's nudge cadence, in the order they fall. */
export const NUDGE_KINDS = ['confirm', 'midpoint', 'before-due', 'overdue'] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** Who a step is for: the client gets a message; the overdue step is a flag to the coach. */
export type NudgeAudience = 'client' | 'coach';

export const NUDGE_AUDIENCE: Readonly<Record<NudgeKind, NudgeAudience>> = Object.freeze({
  confirm: 'client',
  midpoint: 'client',
  'before-due': 'client',
  overdue: 'coach',
});

/** What one client gets instead of their level's defaults. Keyed by client name (any case). */
export interface NudgeClientOverride {
  /**
   * The steps this client gets, whatever their accountability level. This is how a
   * self-directed client "asks" for nudges: `{ steps: ['before-due'] }`.
   */
  steps?: NudgeKind[];
  /** Draft templates for this client, per step kind; missing kinds use the defaults. */
  templates?: Partial<Record<NudgeKind, string>>;
}

export interface NudgeSettings {
  /** Off: no schedules, no Today items, no calendar alarms. */
  enabled: boolean;
  /**
   * The steps each accountability level gets. Defaults: self-directed none (unless a client
   * override asks), check-in the midpoint and the day before, active every client-facing step,
   * consequences every client-facing step plus the overdue flag to the coach.
   */
  levels: Record<AccountabilityLevel, NudgeKind[]>;
  /** Days after the session for the confirm step (0 = the session day, "day 0"). */
  confirmAfterDays: number;
  /** Where the midpoint step falls between the session and the due date (0.5 = half way, rounded down). */
  midpointAt: number;
  /** Days before the due date for the before-due step (1 = the day before, "24 hours before"). */
  beforeDueDays: number;
  /** Days after the due date for the overdue flag (1 = the first day the commitment is overdue). */
  overdueAfterDays: number;
  /**
   * Draft templates per step kind. Placeholders: `{{client}}` (full name), `{{first}}` (first
   * name), `{{text}}` (the commitment as the client worded it), `{{trigger}}` (the if-then cue,
   * without a leading "when"), `{{due}}` (the due date, e.g. "Tuesday 1 December").
   * `{{#trigger}}…{{/trigger}}` is kept only when the commitment has a trigger, and
   * `{{^trigger}}…{{/trigger}}` only when it has none (the same works for every placeholder).
   */
  templates: Record<NudgeKind, string>;
  /** Subject line for mailto links; the same placeholders work. */
  emailSubject: string;
  /** Per-client overrides, keyed by client name (matched in any case). */
  clients: Record<string, NudgeClientOverride>;
  /**
   * Fewer nudges for a steady client: when their last this-many commitments that came round were
   * all done by their due dates, the schedule drops the midpoint step (0 = never). Data saved
   * before this setting existed gets the default.
   */
  thinAfterOnTime: number;
}


/**
 * The default drafts. Every one asks a question in the learning frame (what happened, what the
 * client noticed) and quotes the commitment in the client's own words; none of them judges.
 */
export const DEFAULT_NUDGE_TEMPLATES: Readonly<Record<NudgeKind, string>> = deepFreeze({
  confirm:
    'Hi {{first}}, thanks for today. Here is what I noted for you: "{{text}}", by {{due}}.' +
    '{{#trigger}} Your cue: "when {{trigger}}".{{/trigger}} Does that still feel right, and what would make it easy to start?',
  midpoint: 'Hi {{first}}, a quick midway check-in on "{{text}}" (by {{due}}). How is it going so far, and what are you noticing?',
  'before-due':
    'Hi {{first}}, "{{text}}" comes up on {{due}}.{{#trigger}} The cue you picked was "when {{trigger}}".{{/trigger}}' +
    " How is it going? If something is in the way, what have you noticed about it?",
  overdue:
    'Hi {{first}}, how did "{{text}}" go? Whatever happened, I would love to hear what you learned from it, so we can build on it next time.',
});

export const DEFAULT_NUDGE_SETTINGS: Readonly<NudgeSettings> = deepFreeze({
  enabled: true,
  levels: {
    'self-directed': [],
    'check-in': ['midpoint', 'before-due'],
    active: ['confirm', 'midpoint', 'before-due'],
    consequences: ['confirm', 'midpoint', 'before-due', 'overdue'],
  },
  confirmAfterDays: 0,
  midpointAt: 0.5,
  beforeDueDays: 1,
  overdueAfterDays: 1,
  templates: { ...DEFAULT_NUDGE_TEMPLATES },
  emailSubject: 'Checking in: {{text}}',
  clients: {},
  thinAfterOnTime: 3,
} satisfies NudgeSettings);

const LEVELS: AccountabilityLevel[] = ['self-directed', 'check-in', 'active', 'consequences'];

function kinds(value: unknown, fallback: readonly NudgeKind[]): NudgeKind[] {
  if (!Array.isArray(value)) return [...fallback];
  return NUDGE_KINDS.filter((k) => value.includes(k));
}

/** What `thinAfterOnTime` may be (see number-range.ts). */
export const THIN_AFTER_RANGE = range(0, 100, true, 'commitments');
const DAYS_AFTER = range(0, 60, true, 'days');
const DAYS_BEFORE = range(1, 60, true, 'days');

/** The nudge settings' whole numbers and their ranges: the one list the resolver and settingRepairs read. */
export const NUDGE_RANGES = Object.freeze({
  confirmAfterDays: DAYS_AFTER,
  beforeDueDays: DAYS_BEFORE,
  overdueAfterDays: DAYS_BEFORE,
  thinAfterOnTime: THIN_AFTER_RANGE,
});

/** `midpointAt`, a share of the time to the due date: above 0 and below 1. */
export function isMidpoint(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value < 1;
}

function templateMap(value: unknown): Partial<Record<NudgeKind, string>> {
  const out: Partial<Record<NudgeKind, string>> = {};
  if (!value || typeof value !== 'object') return out;
  for (const k of NUDGE_KINDS) {
    const t = (value as Record<string, unknown>)[k];
    if (typeof t === 'string' && t.trim() !== '') out[k] = t;
  }
  return out;
}

/**
 * Full settings from a partial or saved object: defaults for anything missing or of the wrong
 * type, unknown step names dropped, steps kept in cadence order. Never shares the defaults.
 */
export function resolveNudgeSettings(partial: Partial<NudgeSettings> | null | undefined = {}): NudgeSettings {
  const p = (partial ?? {}) as Partial<Record<keyof NudgeSettings, unknown>>;
  const d = DEFAULT_NUDGE_SETTINGS;
  const levelsIn = (p.levels && typeof p.levels === 'object' ? p.levels : {}) as Record<string, unknown>;
  const levels = Object.fromEntries(LEVELS.map((l) => [l, kinds(levelsIn[l], d.levels[l])])) as Record<AccountabilityLevel, NudgeKind[]>;
  const clients: Record<string, NudgeClientOverride> = {};
  if (p.clients && typeof p.clients === 'object') {
    for (const [name, o] of Object.entries(p.clients as Record<string, unknown>)) {
      if (!o || typeof o !== 'object') continue;
      const raw = o as Record<string, unknown>;
      const override: NudgeClientOverride = {};
      if (Array.isArray(raw.steps)) override.steps = kinds(raw.steps, []);
      const t = templateMap(raw.templates);
      if (Object.keys(t).length > 0) override.templates = t;
      clients[name] = override;
    }
  }
  const midpointAt = isMidpoint(p.midpointAt) ? p.midpointAt : d.midpointAt;
  return {
    enabled: typeof p.enabled === 'boolean' ? p.enabled : d.enabled,
    levels,
    confirmAfterDays: inRange(p.confirmAfterDays, NUDGE_RANGES.confirmAfterDays, d.confirmAfterDays),
    midpointAt,
    beforeDueDays: inRange(p.beforeDueDays, NUDGE_RANGES.beforeDueDays, d.beforeDueDays),
    overdueAfterDays: inRange(p.overdueAfterDays, NUDGE_RANGES.overdueAfterDays, d.overdueAfterDays),
    templates: { ...d.templates, ...templateMap(p.templates) },
    emailSubject: typeof p.emailSubject === 'string' && p.emailSubject.trim() !== '' ? p.emailSubject : d.emailSubject,
    clients,
    thinAfterOnTime: inRange(p.thinAfterOnTime, NUDGE_RANGES.thinAfterOnTime, d.thinAfterOnTime),
  };
}

/** A client's override, matching the name in any case (and ignoring surrounding spaces). */
export function clientOverride(settings: NudgeSettings, client: string): NudgeClientOverride | null {
  const key = client.trim().toLowerCase();
  for (const [name, o] of Object.entries(settings.clients)) {
    if (name.trim().toLowerCase() === key) return o;
  }
  return null;
}
