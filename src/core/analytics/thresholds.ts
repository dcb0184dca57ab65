import { inRange, range, type NumberRange } from '../number-range';

/** The thresholds behind the risk signals and patterns; settings may override each. */

export interface RiskThresholds {
  /** `stalled`: days since the last held session exceed this many cadences. */
  stalledCadences: number;
  /** `carried-over`: a commitment carried through this many sessions or more. */
  carriedSessions: number;
  /** `declining`: recent completion under this rate while the all-time rate is higher. */
  decliningRate: number;
  /** How many recent held sessions count as "recent" for completion and `declining`. */
  recentSessions: number;
  /** `low-confidence`: an open commitment under this confidence with no coping plan. */
  lowConfidence: number;
  /** `missed-sessions`: this many of the last `missedWindow` sessions cancelled or no-show. */
  missedSessions: number;
  missedWindow: number;
  /** `coach-follow-up`: no check-in within this many days after the due date. */
  followUpDays: number;
  /** Text-similarity (0-1) above which a rewritten commitment is the same one carried over. */
  similarity: number;
  /** Patterns and sentences need at least this many commitments behind a figure. */
  minCount: number;
}

export const DEFAULT_THRESHOLDS: Readonly<RiskThresholds> = Object.freeze({
  stalledCadences: 1.5,
  carriedSessions: 3,
  decliningRate: 0.5,
  recentSessions: 3,
  lowConfidence: 8,
  missedSessions: 2,
  missedWindow: 4,
  followUpDays: 2,
  similarity: 0.6,
  minCount: 3,
});

/** What each threshold may be; a saved value outside is brought in (see number-range.ts). */
export const THRESHOLD_RANGES: Readonly<Record<keyof RiskThresholds, NumberRange>> = Object.freeze({
  stalledCadences: range(0.5, 52, false, 'cadences'),
  carriedSessions: range(2, 100, true, 'sessions'),
  decliningRate: range(0, 1, false, ''),
  recentSessions: range(1, 100, true, 'sessions'),
  lowConfidence: range(0, 11, false, ''),
  missedSessions: range(1, 100, true, 'sessions'),
  missedWindow: range(1, 100, true, 'sessions'),
  followUpDays: range(0, 365, true, 'days'),
  similarity: range(0.1, 1, false, ''),
  minCount: range(1, 1000, true, 'commitments'),
});

export function resolveThresholds(partial: Partial<RiskThresholds> = {}): RiskThresholds {
  const out = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(THRESHOLD_RANGES) as (keyof RiskThresholds)[]) {
    if (key in partial) out[key] = inRange(partial[key], THRESHOLD_RANGES[key], DEFAULT_THRESHOLDS[key]);
  }
  return out;
}
