/**
 * Risk signals: the few facts a coach wants before a call, each with the commitments or sessions
 * behind it so a view can open the exact note and line. A released client raises none.
 *
 * Each signal is defined once, in `SIGNAL_RULES`: its weight in the risk order, the thresholds it
 * reads, the test that raises it, and the sentence and evidence it shows. The roster, the brief
 * and the practice figures (the headline and every trend point) all evaluate these rules; the
 * views label a signal by its name (ui/shared/signals.ts, typed against `SignalName`). Adding a
 * signal is one entry here plus its labels.
 */
import { addDays } from '../dates';
import { isOverdue } from '../index/vault-index';
import type { Commitment, IsoDate, Session } from '../types';
import { plural } from '../words';
import type { ClientAnalysis } from './client-analysis';
import { formatRate, isLive } from './completion';
import type { RiskThresholds } from './thresholds';

export interface Evidence {
  kind: 'commitment' | 'session';
  path: string;
  line: number;
  text: string;
  date: IsoDate;
}

export interface Signal {
  name: SignalName;
  /** One neutral sentence saying what raised it. */
  message: string;
  evidence: Evidence[];
}

export function commitmentEvidence(c: Commitment): Evidence {
  return { kind: 'commitment', path: c.session, line: c.line, text: c.text, date: c.due };
}

/** Evidence for a session; `line` is the frontmatter line that shows it (default: the note's first). */
export function sessionEvidence(s: Session, line = 1): Evidence {
  return { kind: 'session', path: s.path, line, text: `${s.status} session on ${s.date}`, date: s.date };
}

/** The line of a session's frontmatter key (`date`, `status`…), falling back to line 1. */
function keyLine(a: ClientAnalysis, s: Session, key: string): number {
  return a.sessionLine?.(s.path, key) ?? 1;
}

function quote(text: string): string {
  return `'${text.length > 60 ? text.slice(0, 57) + '…' : text}'`;
}

/**
 * One risk signal. `test` says whether it is raised as of the analysis's date and returns the
 * facts that raised it (null when it is not); `describe` turns those facts into the sentence and
 * the evidence. Trend points run `test` only.
 */
export interface SignalRule<Hit = unknown> {
  /** How much it weighs in the roster's risk order (3 high, 2 medium, 1 low). */
  weight: number;
  /** The `RiskThresholds` keys the test reads. */
  thresholds: readonly (keyof RiskThresholds)[];
  test(a: ClientAnalysis, t: RiskThresholds): Hit | null;
  describe(hit: Hit, a: ClientAnalysis, t: RiskThresholds): { message: string; evidence: Evidence[] };
}

/** Keeps each rule's hit type between its test and its description. */
function rule<Hit>(r: SignalRule<Hit>): SignalRule {
  return r;
}

const nonEmpty = <T>(list: T[]): T[] | null => (list.length > 0 ? list : null);

/** Every signal, in the order they are listed. */
export const SIGNAL_RULES = {
  overdue: rule({
    weight: 3,
    thresholds: [],
    test: (a) => nonEmpty(a.clientOwned.filter((c) => isOverdue(c, a.asOf))),
    describe: (list) => ({ message: `${plural(list.length, 'commitment')} overdue.`, evidence: list.map(commitmentEvidence) }),
  }),

  stalled: rule({
    weight: 3,
    thresholds: ['stalledCadences'],
    test: (a, t) =>
      a.lastHeld && a.daysSinceLastHeld !== null && a.daysSinceLastHeld > t.stalledCadences * a.client.cadence
        ? { last: a.lastHeld, days: a.daysSinceLastHeld }
        : null,
    describe: ({ last, days }, a) => ({
      message: `${days} days since the last session; the rhythm is every ${a.client.cadence} days.`,
      evidence: [sessionEvidence(last, keyLine(a, last, 'date'))],
    }),
  }),

  // A session note already written for a later date is a booked next session too.
  'no-next-session': rule({
    weight: 1,
    thresholds: [],
    test: (a) => (a.client.status === 'active' && a.latest && a.latest.next === null && a.nextSession === null ? a.latest : null),
    describe: (latest, a) => ({
      message: `No next session booked after ${latest.date}.`,
      evidence: [sessionEvidence(latest, keyLine(a, latest, 'date'))],
    }),
  }),

  'carried-over': rule({
    weight: 2,
    thresholds: ['carriedSessions', 'similarity'],
    test: (a, t) => nonEmpty(a.chains.filter((ch) => ch.live && ch.sessions >= t.carriedSessions)),
    describe: (carried) => {
      const first = carried[0];
      return {
        message: `${quote(first.links[first.links.length - 1].text)} has been carried over ${first.sessions} sessions running.`,
        evidence: carried.flatMap((ch) => ch.links.map(commitmentEvidence)),
      };
    },
  }),

  declining: rule({
    weight: 2,
    thresholds: ['decliningRate', 'recentSessions'],
    test: (a, t) => {
      const recent = a.completionRecent.rate;
      const all = a.completionAll.rate;
      return recent !== null && all !== null && recent < t.decliningRate && all > recent ? { recent, all } : null;
    },
    describe: ({ recent, all }, a, t) => {
      const recentPaths = new Set(a.held.slice(-t.recentSessions).map((s) => s.key));
      const missed = a.clientOwned.filter((c) => recentPaths.has(c.sessionKey) && c.status !== 'done' && (c.status !== 'open' || c.due < a.asOf));
      return {
        message: `Completion over the last ${t.recentSessions} sessions is ${formatRate(recent)}, against ${formatRate(all)} overall.`,
        evidence: missed.map(commitmentEvidence),
      };
    },
  }),

  'low-confidence': rule({
    weight: 1,
    thresholds: ['lowConfidence'],
    test: (a, t) =>
      nonEmpty(a.commitments.filter((c) => c.owner !== 'coach' && isLive(c) && c.confidence !== null && c.confidence < t.lowConfidence && c.coping === null)),
    describe: (low, _a, t) => ({
      message: `${plural(low.length, 'open commitment')} with confidence under ${t.lowConfidence} and no coping plan.`,
      evidence: low.map(commitmentEvidence),
    }),
  }),

  'missed-sessions': rule({
    weight: 2,
    thresholds: ['missedSessions', 'missedWindow'],
    test: (a, t) => {
      const window = a.sessions.slice(-t.missedWindow);
      const missed = window.filter((s) => s.status === 'cancelled' || s.status === 'no-show');
      return missed.length >= t.missedSessions ? { missed, of: window.length } : null;
    },
    describe: ({ missed, of }, a) => ({
      message: `${missed.length} of the last ${of} sessions were cancelled or missed.`,
      evidence: missed.map((s) => sessionEvidence(s, keyLine(a, s, 'status'))),
    }),
  }),

  // Any owner: an overdue coach-owned item nobody has checked on needs the coach's follow-up too.
  'coach-follow-up': rule({
    weight: 2,
    thresholds: ['followUpDays'],
    test: (a, t) => {
      // due + followUpDays < asOf, as due < asOf - followUpDays: one date sum for the client, not one per item.
      const cutoff = addDays(a.asOf, -t.followUpDays);
      return nonEmpty(
        a.commitments.filter((c) => {
          if (!isOverdue(c, a.asOf) || !(c.due < cutoff)) return false;
          if (c.checkIns.length === 0) return true; // (due < cutoff says the window has passed)
          const until = addDays(c.due, t.followUpDays);
          return until < a.asOf && !c.checkIns.some((k) => k.date >= c.due && k.date <= until);
        }),
      );
    },
    describe: (list, _a, t) => ({
      message: `${plural(list.length, 'overdue commitment')} with no check-in within ${t.followUpDays} days of the due date.`,
      evidence: list.map(commitmentEvidence),
    }),
  }),
} satisfies Record<string, SignalRule>;

export type SignalName = keyof typeof SIGNAL_RULES;

export const SIGNAL_NAMES = Object.freeze(Object.keys(SIGNAL_RULES) as SignalName[]);

/** How much each signal weighs in the roster's risk order. */
export const SIGNAL_WEIGHT: Readonly<Record<SignalName, number>> = Object.freeze(
  Object.fromEntries(SIGNAL_NAMES.map((n) => [n, SIGNAL_RULES[n].weight])) as Record<SignalName, number>,
);

/** The names of the signals raised, without building their sentences (the trend points' need). */
export function raisedSignals(a: ClientAnalysis, t: RiskThresholds): SignalName[] {
  if (a.released) return [];
  return SIGNAL_NAMES.filter((n) => SIGNAL_RULES[n].test(a, t) !== null);
}

export function computeSignals(a: ClientAnalysis, t: RiskThresholds): Signal[] {
  if (a.released) return [];
  const out: Signal[] = [];
  for (const name of SIGNAL_NAMES) {
    const r = SIGNAL_RULES[name];
    const hit = r.test(a, t);
    if (hit !== null) out.push({ name, ...r.describe(hit, a, t) });
  }
  return out;
}

export function riskScore(signals: readonly (Signal | SignalName)[]): number {
  return signals.reduce((n, s) => n + SIGNAL_WEIGHT[typeof s === 'string' ? s : s.name], 0);
}
