/**
 * Patterns per client: what keeps being carried over, what gets done and what doesn't, and a few
 * observation sentences a coach can read out as they are: factual, neutral, about the client in
 * the third person, with the counts behind them so small numbers stay visible. Bars (the splits a
 * view draws) are only offered with at least `minCount` commitments behind them.
 */
import { addDays, weekday, WEEKDAY_NAMES } from '../dates';
import type { VaultIndex } from '../index/vault-index';
import type { CheckIn, Client, Commitment, CommitmentStatus, IsoDate } from '../types';
import type { Chain } from './chains';
import { analyseClient, type ClientAnalysis } from './client-analysis';
import { completion, hasComeDue, type Completion } from './completion';
import { resolveThresholds, type RiskThresholds } from './thresholds';

export interface Split {
  label: string;
  completion: Completion;
}

export interface ChainSummary {
  text: string;
  firstText: string;
  sessions: number;
  live: boolean;
  by: Chain['by'];
  links: { session: string; sessionDate: IsoDate; line: number; status: CommitmentStatus; id: string | null }[];
}

/** A piece of an observation: words, or a date for the view to format. */
export type Phrase = string | { date: IsoDate };

export type ObservationKind = 'sessions' | 'carried' | 'if-then' | 'kind' | 'weekday' | 'streak' | 'coach';

export interface Observation {
  kind: ObservationKind;
  parts: Phrase[];
}

/** An observation as one sentence, its dates in `formatDate`'s words (ISO by default). */
export function sayObservation(o: Observation, formatDate: (d: IsoDate) => string = (d) => d): string {
  return o.parts.map((p) => (typeof p === 'string' ? p : formatDate(p.date))).join('');
}

/**
 * Done of those that came due, with partly done ones named so the count agrees with the rate
 * (which counts them as half): `10 of 11`, `10 of 12 (+1 partly)`.
 */
export function doneOf(c: Pick<Completion, 'done' | 'partial' | 'total'>): string {
  return `${c.done} of ${c.total}${c.partial > 0 ? ` (+${c.partial} partly)` : ''}`;
}

export interface BarGroup {
  heading: string;
  bars: Split[];
}

export interface Bars {
  /** Groups with at least one bar that reaches the minimum count. */
  groups: BarGroup[];
  /** How many splits were left out for having fewer than `minCount` commitments come due. */
  hidden: number;
  minCount: number;
}

export interface CheckInEntry extends CheckIn {
  commitment: string;
  session: string;
}

export interface Streak {
  status: 'stuck' | 'skipped';
  /** Consecutive check-ins that were stuck or skipped, ending with the latest check-in. */
  length: number;
  since: IsoDate;
}

export interface Patterns {
  client: string;
  asOf: IsoDate;
  chains: ChainSummary[];
  ifThen: { with: Completion; without: Completion };
  kind: { process: Completion; outcome: Completion };
  byOwner: Split[];
  byWeekday: Split[];
  checkIns: CheckInEntry[];
  /** The current run of stuck/skipped check-ins, if the latest check-in is one. */
  streak: Streak | null;
  /** The longest such run in the record. */
  longestStreak: number;
  /** The splits worth a bar: at least `minCount` commitments come due behind each. */
  bars: Bars;
  observations: Observation[];
}

const hasPlan = (c: Commitment) => c.trigger !== null || c.coping !== null;

function summariseChain(ch: Chain): ChainSummary {
  const last = ch.links[ch.links.length - 1];
  return {
    text: last.text,
    firstText: ch.links[0].text,
    sessions: ch.sessions,
    live: ch.live,
    by: ch.by,
    links: ch.links.map((l) => ({ session: l.session, sessionDate: l.sessionDate, line: l.line, status: l.status, id: l.id })),
  };
}

function streaks(entries: CheckInEntry[]): { current: Streak | null; longest: number } {
  let run = 0;
  let since: IsoDate | null = null;
  let longest = 0;
  let status: 'stuck' | 'skipped' = 'stuck';
  for (const e of entries) {
    if (e.status === 'nudged') continue;
    if (e.status === 'stuck' || e.status === 'skipped') {
      if (run === 0) since = e.date;
      run++;
      status = e.status;
      longest = Math.max(longest, run);
    } else {
      run = 0;
      since = null;
    }
  }
  return { current: run > 0 && since ? { status, length: run, since } : null, longest };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quote = (text: string) => `'${text}'`;

/** How the sentences name the client: by first name (the first word of the name). */
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

function barsOf(p: Pick<Patterns, 'ifThen' | 'kind' | 'byWeekday'>, minCount: number): Bars {
  const all: BarGroup[] = [
    { heading: 'If-then plan', bars: [{ label: 'With a plan', completion: p.ifThen.with }, { label: 'Without', completion: p.ifThen.without }] },
    { heading: 'Kind', bars: [{ label: 'Process', completion: p.kind.process }, { label: 'Outcome', completion: p.kind.outcome }] },
    { heading: 'By weekday due', bars: p.byWeekday },
  ];
  let hidden = 0;
  const groups: BarGroup[] = [];
  for (const g of all) {
    const bars = g.bars.filter((b) => b.completion.total >= minCount);
    hidden += g.bars.filter((b) => b.completion.total > 0 && b.completion.total < minCount).length;
    if (bars.length > 0) groups.push({ heading: g.heading, bars });
  }
  return { groups, hidden, minCount };
}

/** The observation sentences, each only when the numbers behind it reach `minCount`. */
function observe(a: ClientAnalysis, p: Omit<Patterns, 'observations'>, t: RiskThresholds): Observation[] {
  const out: Observation[] = [];
  const say = (kind: ObservationKind, ...parts: Phrase[]) => out.push({ kind, parts });
  const asOf = a.asOf;
  const who = firstName(a.client.name);

  // Sessions over the past four weeks, and how the commitments from each one before went.
  const from = addDays(asOf, -28);
  const recent = a.held.filter((s) => s.date > from && s.date <= asOf);
  if (recent.length >= 2) {
    let notDone = 0;
    for (const s of recent) {
      const i = a.held.indexOf(s);
      if (i <= 0) continue;
      const before = a.clientOwned.filter((c) => c.sessionKey === a.held[i - 1].key && hasComeDue(c, s.date));
      const rate = completion(before, s.date).rate;
      if (rate !== null && rate < 0.5) notDone++;
    }
    if (notDone > 0) {
      say('sessions', `Over the past 4 weeks ${who} had ${plural(recent.length, 'session')}; in ${notDone} of them the commitments from the session before were not done.`);
    }
  }

  for (const ch of p.chains) {
    if (ch.live && ch.sessions >= t.carriedSessions) say('carried', `${quote(ch.text)} has been carried over ${ch.sessions} sessions running.`);
  }

  const w = p.ifThen.with;
  const wo = p.ifThen.without;
  if (w.total >= t.minCount && wo.total >= t.minCount) {
    say('if-then', `With an if-then plan ${who} completed ${doneOf(w)}; without one, ${doneOf(wo)}.`);
  }

  const pr = p.kind.process;
  const oc = p.kind.outcome;
  if (pr.total >= t.minCount && oc.total >= t.minCount) {
    say('kind', `Process commitments (actions ${who} controls): ${doneOf(pr)} done; outcome commitments: ${doneOf(oc)}.`);
  }

  const days = p.byWeekday.filter((s) => s.completion.total >= t.minCount && s.completion.rate !== null);
  if (days.length >= 2) {
    const low = days.reduce((x, y) => (y.completion.rate! < x.completion.rate! ? y : x));
    const rest = completion(
      a.clientOwned.filter((c) => WEEKDAY_NAMES[weekday(c.due)] !== low.label),
      asOf,
    );
    if (rest.rate !== null && rest.total >= t.minCount && rest.rate - low.completion.rate! >= 0.3) {
      say('weekday', `Commitments due on a ${low.label} were done ${doneOf(low.completion)} times; due on other days, ${doneOf(rest)}.`);
    }
  }

  if (p.streak && p.streak.length >= 2) {
    say('streak', `${who}'s last ${p.streak.length} check-ins were stuck or skipped, since `, { date: p.streak.since }, '.');
  }

  const coach = p.byOwner.find((s) => s.label === 'coach');
  if (coach && coach.completion.total >= t.minCount) {
    say('coach', `Coach follow-ups: ${doneOf(coach.completion)} done.`);
  }
  return out;
}

export function patternsOf(a: ClientAnalysis, t: RiskThresholds): Patterns {
  const asOf = a.asOf;
  const mine = a.clientOwned;
  const owners = new Map<string, Commitment[]>();
  for (const c of a.commitments) {
    if (!owners.has(c.owner)) owners.set(c.owner, []);
    owners.get(c.owner)!.push(c);
  }
  const weekdays = new Map<number, Commitment[]>();
  for (const c of mine) {
    const d = weekday(c.due);
    if (!weekdays.has(d)) weekdays.set(d, []);
    weekdays.get(d)!.push(c);
  }
  const checkIns: CheckInEntry[] = a.commitments
    .flatMap((c) => c.checkIns.filter((k) => k.date <= asOf).map((k) => ({ ...k, commitment: c.text, session: c.session })))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const { current, longest } = streaks(checkIns);

  const base: Omit<Patterns, 'observations' | 'bars'> = {
    client: a.client.name,
    asOf,
    chains: a.chains.filter((ch) => ch.sessions >= 2).map(summariseChain).sort((x, y) => y.sessions - x.sessions),
    ifThen: { with: completion(mine.filter(hasPlan), asOf), without: completion(mine.filter((c) => !hasPlan(c)), asOf) },
    kind: {
      process: completion(mine.filter((c) => c.kind === 'process'), asOf),
      outcome: completion(mine.filter((c) => c.kind === 'outcome'), asOf),
    },
    byOwner: [...owners].map(([label, list]) => ({ label, completion: completion(list, asOf) })),
    byWeekday: [1, 2, 3, 4, 5, 6, 0]
      .filter((d) => weekdays.has(d))
      .map((d) => ({ label: WEEKDAY_NAMES[d], completion: completion(weekdays.get(d)!, asOf) })),
    checkIns,
    streak: current,
    longestStreak: longest,
  };
  const withBars = { ...base, bars: barsOf(base, t.minCount) };
  return { ...withBars, observations: observe(a, withBars, t) };
}

export function clientPatterns(index: VaultIndex, client: Client, asOf: IsoDate, thresholds?: Partial<RiskThresholds>): Patterns {
  const t = resolveThresholds(thresholds);
  return patternsOf(analyseClient(index, client, asOf, t), t);
}
