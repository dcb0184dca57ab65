/** `roster`, `patterns` and `brief`: the core's analytics over a vault folder. */
import { clientBrief } from '../../core/analytics/brief';
import { closestNames } from '../../core/analytics/closest';
import { formatRate } from '../../core/analytics/completion';
import { clientPatterns, doneOf, sayObservation, type Patterns } from '../../core/analytics/patterns';
import { roster, type RosterRow } from '../../core/analytics/roster';
import type { RiskThresholds } from '../../core/analytics/thresholds';
import type { VaultIndex } from '../../core/index/vault-index';
import type { Client, IsoDate } from '../../core/types';
import { coachOwnName } from '../../core/layout/layout';
import { table } from '../format';
import { briefMarkdown, type DateWords } from './brief-format';

export class UnknownClientError extends Error {}

export function findClient(index: VaultIndex, name: string): Client {
  const client = index.client(name);
  if (client) return client;
  // A first name or the start of a name is enough when it picks out one client.
  const q = name.trim().toLowerCase();
  const all = index.clients();
  const partial = all.filter((c) => c.name.toLowerCase().startsWith(q) || c.name.toLowerCase().split(/\s+/).includes(q));
  if (partial.length === 1 && q.length > 0) return partial[0];
  const near = closestNames(name, all.map((c) => c.name));
  throw new UnknownClientError(`no client named '${name}'${near.length ? `; closest: ${near.join(', ')}` : ''}`);
}

/** `ownCoach`: the coach's own name from setup (see coachOwnName), shown for a client no note gives a coach, as the brief does. */
export function rosterText(rows: RosterRow[], asOf: IsoDate, ownCoach: string | null = null): string {
  const lines = [`Roster as of ${asOf} (riskiest and soonest first)`, ''];
  const cells = [['client', 'coach', 'last', 'next', 'open', 'overdue', 'recent', 'all', 'signals']];
  for (const r of rows) {
    cells.push([
      r.status === 'active' ? r.client : `${r.client} (${r.status})`,
      r.coach ?? (ownCoach !== null ? `${ownCoach} (you)` : '-'),
      r.lastSession ? `${r.lastSession} (${r.daysSinceLastSession}d)` : '-',
      r.nextSession ?? '-',
      String(r.open),
      String(r.overdue),
      formatRate(r.completionRecent),
      formatRate(r.completionAll),
      r.signals.map((s) => s.name).join(', ') || (r.pausedUntil && asOf <= r.pausedUntil ? `released until ${r.pausedUntil}` : '-'),
    ]);
  }
  lines.push(table(cells));
  return lines.join('\n') + '\n';
}

export interface RosterCommandOptions {
  asOf: IsoDate;
  coach?: string | null;
  json?: boolean;
  /** The settings' risk thresholds, as the plugin's roster uses them. */
  thresholds?: Partial<RiskThresholds>;
  /** The client statuses the roster shows (the settings' `rosterStatuses`); all when not given. */
  statuses?: readonly string[];
}

/** The roster's rows as the plugin's roster view has them: the settings' thresholds, and only the statuses it shows. */
export function rosterRows(index: VaultIndex, o: RosterCommandOptions): RosterRow[] {
  const rows = roster(index, { asOf: o.asOf, coach: o.coach ?? null, thresholds: o.thresholds });
  return o.statuses ? rows.filter((r) => o.statuses!.includes(r.status)) : rows;
}

export function rosterCommand(index: VaultIndex, o: RosterCommandOptions): string {
  const rows = rosterRows(index, o);
  return o.json ? JSON.stringify({ asOf: o.asOf, roster: rows }, null, 2) + '\n' : rosterText(rows, o.asOf, coachOwnName(index.settings.layout));
}

function completionCell(c: { done: number; partial: number; total: number; rate: number | null }): string {
  return `${doneOf(c)} (${formatRate(c.rate)})`;
}

export function patternsText(p: Patterns): string {
  const lines = [`Patterns: ${p.client} as of ${p.asOf}`, ''];
  if (p.observations.length) {
    lines.push('Observations');
    for (const o of p.observations) lines.push(`  - ${sayObservation(o)}`);
    lines.push('');
  }
  lines.push('Completion (done of those come due)');
  lines.push(
    table([
      ['with an if-then plan', completionCell(p.ifThen.with)],
      ['without one', completionCell(p.ifThen.without)],
      ['process', completionCell(p.kind.process)],
      ['outcome', completionCell(p.kind.outcome)],
      ...p.byOwner.map((s) => [`owner ${s.label}`, completionCell(s.completion)]),
      ...p.byWeekday.map((s) => [`due on ${s.label}`, completionCell(s.completion)]),
    ]),
  );
  lines.push('');
  if (p.chains.length) {
    lines.push('Carried over');
    for (const ch of p.chains) {
      lines.push(`  - '${ch.text}': ${ch.sessions} sessions (${ch.links.map((l) => `${l.sessionDate} ${l.status}`).join(' → ')})`);
    }
    lines.push('');
  }
  if (p.checkIns.length) {
    lines.push('Check-ins over time');
    lines.push('  ' + p.checkIns.map((k) => `${k.date} ${k.status}`).join(', '));
    if (p.streak) lines.push(`  current streak: ${p.streak.length} stuck/skipped since ${p.streak.since}`);
    lines.push('');
  }
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

export function patternsCommand(index: VaultIndex, name: string, asOf: IsoDate, json: boolean, thresholds?: Partial<RiskThresholds>): string {
  const p = clientPatterns(index, findClient(index, name), asOf, thresholds);
  return json ? JSON.stringify(p, null, 2) + '\n' : patternsText(p);
}

/** The brief as markdown in the display words (`formatDate`, the settings' date format), or its model as JSON. */
export function briefCommand(
  index: VaultIndex,
  name: string,
  asOf: IsoDate,
  thresholds?: Partial<RiskThresholds>,
  formatDate: DateWords = (d) => d,
  json = false,
): string {
  const brief = clientBrief(index, findClient(index, name), asOf, thresholds);
  return json ? JSON.stringify(brief, null, 2) + '\n' : briefMarkdown(brief, formatDate);
}
