/**
 * Risk signals: the few facts a coach wants before a call, each with the commitments or sessions
 * behind it so a view can open the exact note and line. A released client raises none.
 */
import { addDays } from '../dates';
import { isOverdue } from '../index/vault-index';
import type { Commitment, IsoDate, Session } from '../types';
import type { ClientAnalysis } from './client-analysis';
import { formatRate, isLive } from './completion';
import type { RiskThresholds } from './thresholds';

export const SIGNAL_NAMES = [
  'overdue',
  'stalled',
  'no-next-session',
  'carried-over',
  'declining',
  'low-confidence',
  'missed-sessions',
  'coach-follow-up',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** How much each signal weighs in the roster's risk order. */
export const SIGNAL_WEIGHT: Record<SignalName, number> = {
  overdue: 3,
  stalled: 3,
  'carried-over': 2,
  declining: 2,
  'missed-sessions': 2,
  'coach-follow-up': 2,
  'low-confidence': 1,
  'no-next-session': 1,
};

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

/** The line of a session's frontmatter key (`date`, `status`…), falling back to its `date`, then line 1. */
function keyLine(a: ClientAnalysis, s: Session, key: string): number {
  return a.sessionLine?.(s.path, key) ?? 1;
}

function quote(text: string): string {
  return `'${text.length > 60 ? text.slice(0, 57) + '…' : text}'`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function computeSignals(a: ClientAnalysis, t: RiskThresholds): Signal[] {
  if (a.released) return [];
  const asOf = a.asOf;
  const out: Signal[] = [];
  const notCoach = a.commitments.filter((c) => c.owner !== 'coach');

  const overdue = a.clientOwned.filter((c) => isOverdue(c, asOf));
  if (overdue.length > 0) {
    out.push({ name: 'overdue', message: `${count(overdue.length, 'commitment')} past due.`, evidence: overdue.map(commitmentEvidence) });
  }

  if (a.lastHeld && a.daysSinceLastHeld !== null && a.daysSinceLastHeld > t.stalledCadences * a.client.cadence) {
    out.push({
      name: 'stalled',
      message: `${a.daysSinceLastHeld} days since the last session; the rhythm is every ${a.client.cadence} days.`,
      evidence: [sessionEvidence(a.lastHeld, keyLine(a, a.lastHeld, 'date'))],
    });
  }

  // A session note already written for a later date is a booked next session too.
  if (a.client.status === 'active' && a.latest && a.latest.next === null && a.nextSession === null) {
    out.push({
      name: 'no-next-session',
      message: `No next session booked after ${a.latest.date}.`,
      evidence: [sessionEvidence(a.latest, keyLine(a, a.latest, 'date'))],
    });
  }

  const carried = a.chains.filter((ch) => ch.live && ch.sessions >= t.carriedSessions);
  if (carried.length > 0) {
    const first = carried[0];
    out.push({
      name: 'carried-over',
      message: `${quote(first.links[first.links.length - 1].text)} has been carried over ${first.sessions} sessions running.`,
      evidence: carried.flatMap((ch) => ch.links.map(commitmentEvidence)),
    });
  }

  const recent = a.completionRecent.rate;
  const all = a.completionAll.rate;
  if (recent !== null && all !== null && recent < t.decliningRate && all > recent) {
    const recentPaths = new Set(a.held.slice(-t.recentSessions).map((s) => s.key));
    const missed = a.clientOwned.filter((c) => recentPaths.has(c.sessionKey) && c.status !== 'done' && (c.status !== 'open' || c.due < asOf));
    out.push({
      name: 'declining',
      message: `Completion over the last ${t.recentSessions} sessions is ${formatRate(recent)}, against ${formatRate(all)} overall.`,
      evidence: missed.map(commitmentEvidence),
    });
  }

  const low = notCoach.filter((c) => isLive(c) && c.confidence !== null && c.confidence < t.lowConfidence && c.coping === null);
  if (low.length > 0) {
    out.push({
      name: 'low-confidence',
      message: `${count(low.length, 'open commitment')} with confidence under ${t.lowConfidence} and no coping plan.`,
      evidence: low.map(commitmentEvidence),
    });
  }

  const window = a.sessions.slice(-t.missedWindow);
  const missed = window.filter((s) => s.status === 'cancelled' || s.status === 'no-show');
  if (missed.length >= t.missedSessions) {
    out.push({
      name: 'missed-sessions',
      message: `${missed.length} of the last ${window.length} sessions were cancelled or missed.`,
      evidence: missed.map((s) => sessionEvidence(s, keyLine(a, s, 'status'))),
    });
  }

  // Any owner: an overdue coach-owned item nobody has checked on needs the coach's follow-up too.
  const unfollowed = a.commitments.filter(
    (c) =>
      isOverdue(c, asOf) &&
      addDays(c.due, t.followUpDays) < asOf &&
      !c.checkIns.some((k) => k.date >= c.due && k.date <= addDays(c.due, t.followUpDays)),
  );
  if (unfollowed.length > 0) {
    out.push({
      name: 'coach-follow-up',
      message: `${count(unfollowed.length, 'overdue commitment')} with no check-in within ${t.followUpDays} days of the due date.`,
      evidence: unfollowed.map(commitmentEvidence),
    });
  }
  return out;
}

export function riskScore(signals: readonly Signal[]): number {
  return signals.reduce((n, s) => n + SIGNAL_WEIGHT[s.name], 0);
}
