/**
 * The plugin's settings: read-only defaults, a load that fills in keys added since the data was
 * saved (and drops values of the wrong type), and one migration function for renamed keys.
 * Pure: the adapter passes in whatever `loadData()` returned.
 */
import { DEFAULT_THRESHOLDS, resolveThresholds, THRESHOLD_RANGES, type RiskThresholds } from './analytics/thresholds';
import { describeRange, fitsRange, inRange, range, type NumberRange } from './number-range';
import { DATE_SETTING_RANGES, DEFAULT_COMMITMENT_HEADINGS, type CoreSettings } from './settings';
import type { ClientStatus } from './types';
import { DEFAULT_NUDGE_SETTINGS, isMidpoint, NUDGE_RANGES, resolveNudgeSettings, type NudgeSettings } from './nudges/settings';
import { ALARM_HOUR_RANGE, DEFAULT_CALENDAR_SETTINGS, resolveCalendarSettings, type CalendarSettings } from './calendar/settings';
import { deepFreeze } from './freeze';
import { DEFAULT_LAYOUT, resolveLayout, type NoteLayout } from './layout/layout';
import { DATE_STYLES, type DateStyle } from './edit/date-style';

export const SETTINGS_VERSION = 3;

export interface FollowThroughSettings {
  settingsVersion: number;
  /** Heading names for commitments, on top of the spec's four. */
  extraHeadings: string[];
  /** Extra frontmatter key names, e.g. `{ client: ['coachee'] }`. */
  keyAliases: Record<string, string[]>;
  /** Where new session notes go (recommit into a session not yet written), and, if set, notes there count as sessions. */
  sessionsFolder: string;
  /** Notes in the sessions folder count as session notes even without `type: session`. */
  sessionsFolderIsSessions: boolean;
  /** File name for new session notes; `{{date}}` and `{{client}}` are filled in. */
  sessionFileName: string;
  /** Path of a note to use as the template for new session notes ('' = the built-in one). */
  sessionTemplatePath: string;
  dueLeadDays: number;
  defaultCadence: number;
  /** date-fns format for dates shown in views (notes always use YYYY-MM-DD). */
  dateFormat: string;
  thresholds: RiskThresholds;
  /** Client statuses the roster shows. */
  rosterStatuses: ClientStatus[];
  /** Milliseconds to wait after a change before views refresh. */
  refreshDebounceMs: number;
  /** Nudge schedule per accountability level, draft templates and per-client overrides. */
  nudges: NudgeSettings;
  /** Calendar export, and whether to keep an .ics file in the vault current. */
  calendar: CalendarSettings;
  /** Where "New accountability agreement" puts new agreement notes. */
  agreementsFolder: string;
  /** Where weekly and monthly review notes are written. */
  reviewsFolder: string;
  /** How the vault's notes are laid out: which are sessions, where client and date come from. */
  layout: NoteLayout;
  /** Write dates on new lines for Tasks (emoji) or Dataview (inline fields); auto: as the vault does. */
  dateStyle: DateStyle;
}


export const DEFAULT_SETTINGS: Readonly<FollowThroughSettings> = deepFreeze({
  settingsVersion: SETTINGS_VERSION,
  extraHeadings: [],
  keyAliases: {},
  sessionsFolder: 'Sessions',
  sessionsFolderIsSessions: false,
  sessionFileName: '{{date}} {{client}}',
  sessionTemplatePath: '',
  dueLeadDays: 2,
  defaultCadence: 14,
  dateFormat: 'EEE d MMM',
  thresholds: { ...DEFAULT_THRESHOLDS },
  rosterStatuses: ['active', 'paused'],
  refreshDebounceMs: 300,
  nudges: structuredClone(DEFAULT_NUDGE_SETTINGS),
  calendar: { ...DEFAULT_CALENDAR_SETTINGS },
  agreementsFolder: 'Agreements',
  reviewsFolder: 'Reviews',
  layout: { ...DEFAULT_LAYOUT },
  dateStyle: 'auto',
} satisfies FollowThroughSettings);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Brings saved data from any earlier version up to the current shape. Version 1 (0.1 builds)
 * kept `leadDays`, `headings` and flat `stalledFactor`/`carriedSessions` keys.
 */
export function migrateSettings(raw: Json): Json {
  const data: Json = { ...raw };
  const version = typeof data.settingsVersion === 'number' ? data.settingsVersion : 1;
  if (version < 2) {
    if ('leadDays' in data && !('dueLeadDays' in data)) data.dueLeadDays = data.leadDays;
    if ('headings' in data && !('extraHeadings' in data)) data.extraHeadings = data.headings;
    const t: Json = isObject(data.thresholds) ? { ...data.thresholds } : {};
    if ('stalledFactor' in data) t.stalledCadences ??= data.stalledFactor;
    if ('carriedSessions' in data) t.carriedSessions ??= data.carriedSessions;
    data.thresholds = t;
    delete data.leadDays;
    delete data.headings;
    delete data.stalledFactor;
    delete data.carriedSessions;
  }
  if (version < 3) {
    // 0.3 adds the note layout; data saved before it reads the vault as before (our own format).
    if (!isObject(data.layout)) data.layout = {};
  }
  data.settingsVersion = SETTINGS_VERSION;
  return data;
}

/** `saved` laid over `defaults` key by key, keeping a saved value only when its type matches. */
function fill<T>(defaults: T, saved: unknown): T {
  if (Array.isArray(defaults)) {
    // Every list in the settings holds strings unless its default says otherwise.
    const type = defaults.length > 0 ? typeof defaults[0] : 'string';
    const list: unknown[] | null = Array.isArray(saved) ? saved : null;
    return (list && list.every((x) => typeof x === type) ? [...list] : [...defaults]) as T;
  }
  if (isObject(defaults)) {
    const out: Json = {};
    const src = isObject(saved) ? saved : {};
    const open = Object.keys(defaults).length === 0; // a free-form map such as keyAliases
    for (const key of open ? Object.keys(src) : Object.keys(defaults)) {
      out[key] = open ? structuredClone(src[key]) : fill((defaults as Json)[key], src[key]);
    }
    return out as T;
  }
  if (typeof saved === typeof defaults && (typeof saved !== 'number' || Number.isFinite(saved))) return saved as T;
  return defaults;
}

/** The top-level numbers' ranges (the thresholds' are beside them in analytics/thresholds.ts). */
export const SETTING_RANGES = Object.freeze({
  ...DATE_SETTING_RANGES,
  refreshDebounceMs: range(0, 10_000, true, 'milliseconds'),
});

/** Settings from whatever `loadData()` returned: migrated, filled in, never sharing the defaults. */
export function loadSettings(saved: unknown): FollowThroughSettings {
  const migrated = isObject(saved) ? migrateSettings(saved) : {};
  const filled = fill(DEFAULT_SETTINGS as FollowThroughSettings, migrated);
  // Nested settings with rules of their own (valid step names, hours 0-23…) repair themselves.
  const layout = resolveLayout(isObject(migrated.layout) ? migrated.layout : {});
  const dateStyle = DATE_STYLES.includes(filled.dateStyle) ? filled.dateStyle : 'auto';
  // Each top-level number through its range (the one list settingRepairs reads too).
  const numbers = { ...filled };
  for (const key of Object.keys(SETTING_RANGES) as (keyof typeof SETTING_RANGES)[]) numbers[key] = inRange(filled[key], SETTING_RANGES[key], DEFAULT_SETTINGS[key]);
  return { ...numbers, thresholds: resolveThresholds(filled.thresholds), layout, dateStyle, nudges: resolveNudgeSettings(filled.nudges), calendar: resolveCalendarSettings(filled.calendar) };
}

/**
 * What `loadSettings` changed in the saved numbers, one line each ("dueLeadDays 0.5 is not a whole
 * number of days from 0 to 60; read as 1"), for the CLI to say rather than silently use another value.
 */
export function settingRepairs(saved: unknown): string[] {
  if (!isObject(saved)) return [];
  const raw = migrateSettings(saved);
  const loaded = loadSettings(saved);
  const out: string[] = [];
  const check = (name: string, value: unknown, r: NumberRange, got: number) => {
    if (value === undefined) return;
    if (typeof value === 'number' && fitsRange(value, r)) return;
    out.push(`${name} ${JSON.stringify(value)} is not ${describeRange(r)}; read as ${got}`);
  };
  for (const key of Object.keys(SETTING_RANGES) as (keyof typeof SETTING_RANGES)[]) check(key, raw[key], SETTING_RANGES[key], loaded[key]);
  const t = isObject(raw.thresholds) ? raw.thresholds : {};
  for (const key of Object.keys(THRESHOLD_RANGES) as (keyof RiskThresholds)[]) check(`thresholds.${key}`, t[key], THRESHOLD_RANGES[key], loaded.thresholds[key]);
  const n = isObject(raw.nudges) ? raw.nudges : {};
  for (const key of Object.keys(NUDGE_RANGES) as (keyof typeof NUDGE_RANGES)[]) check(`nudges.${key}`, n[key], NUDGE_RANGES[key], loaded.nudges[key]);
  if (n.midpointAt !== undefined && !isMidpoint(n.midpointAt)) out.push(`nudges.midpointAt ${JSON.stringify(n.midpointAt)} is not a share of the time to the due date above 0 and below 1; read as ${loaded.nudges.midpointAt}`);
  const c = isObject(raw.calendar) ? raw.calendar : {};
  check('calendar.alarmHour', c.alarmHour, ALARM_HOUR_RANGE, loaded.calendar.alarmHour);
  return out;
}

/** What the parser and index read from the settings. */
export function coreSettingsFrom(s: FollowThroughSettings): Partial<CoreSettings> {
  return {
    commitmentHeadings: [...DEFAULT_COMMITMENT_HEADINGS, ...s.extraHeadings.filter((h) => h.trim() !== '')],
    dueLeadDays: s.dueLeadDays,
    defaultCadence: s.defaultCadence,
    sessionsFolder: s.sessionsFolderIsSessions ? s.sessionsFolder : '',
    keyAliases: s.keyAliases,
    layout: s.layout,
    chainSimilarity: s.thresholds.similarity,
  };
}
