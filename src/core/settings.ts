import { DEFAULT_LAYOUT, resolveLayout, type NoteLayout } from './layout/layout';
import { THRESHOLD_RANGES } from './analytics/thresholds';
import { inRange, range } from './number-range';

/**
 * The settings the parser and index read. Defaults are frozen: callers build a new object with
 * `resolveCoreSettings` rather than mutating these.
 */

export interface CoreSettings {
  /** Heading names (any level, any case) whose list items are commitments. */
  commitmentHeadings: readonly string[];
  /** Days before the next session that a commitment falls due by default. */
  dueLeadDays: number;
  /** Days between sessions when a client note gives no cadence. */
  defaultCadence: number;
  /** Notes under this folder count as session notes even without `type: session` ('' = off). */
  sessionsFolder: string;
  /** Extra frontmatter key names for each key the spec defines, e.g. `{ client: ['coachee'] }`. */
  keyAliases: Readonly<Record<string, readonly string[]>>;
  /** How the vault's notes are laid out (see layout/layout.ts); the default is our own format. */
  layout: NoteLayout;
  /** Text similarity (0-1) at which a commitment written again in a later session is the same one carried. */
  chainSimilarity: number;
}

export const DEFAULT_COMMITMENT_HEADINGS: readonly string[] = Object.freeze([
  'Commitments',
  'Action items',
  'Homework',
  'Between sessions',
]);

export const DEFAULT_CORE_SETTINGS: Readonly<CoreSettings> = Object.freeze({
  commitmentHeadings: DEFAULT_COMMITMENT_HEADINGS,
  dueLeadDays: 2,
  defaultCadence: 14,
  sessionsFolder: '',
  keyAliases: Object.freeze({}),
  layout: DEFAULT_LAYOUT,
  chainSimilarity: 0.6,
});

/** What the two date settings may be; a value outside is brought in (see number-range.ts). */
export const DATE_SETTING_RANGES = Object.freeze({
  dueLeadDays: range(0, 60, true, 'days'),
  defaultCadence: range(1, 366, true, 'days'),
});

/** Defaults overlaid with whatever the caller gives; the spec's heading names always apply. */
export function resolveCoreSettings(partial: Partial<CoreSettings> = {}): CoreSettings {
  const headings = new Set([...DEFAULT_COMMITMENT_HEADINGS, ...(partial.commitmentHeadings ?? [])]);
  return {
    ...DEFAULT_CORE_SETTINGS,
    ...partial,
    commitmentHeadings: [...headings],
    dueLeadDays: inRange(partial.dueLeadDays ?? DEFAULT_CORE_SETTINGS.dueLeadDays, DATE_SETTING_RANGES.dueLeadDays, DEFAULT_CORE_SETTINGS.dueLeadDays),
    defaultCadence: inRange(partial.defaultCadence ?? DEFAULT_CORE_SETTINGS.defaultCadence, DATE_SETTING_RANGES.defaultCadence, DEFAULT_CORE_SETTINGS.defaultCadence),
    chainSimilarity: inRange(partial.chainSimilarity ?? DEFAULT_CORE_SETTINGS.chainSimilarity, THRESHOLD_RANGES.similarity, DEFAULT_CORE_SETTINGS.chainSimilarity),
    keyAliases: { ...(partial.keyAliases ?? {}) },
    layout: resolveLayout(partial.layout ?? {}),
  };
}
