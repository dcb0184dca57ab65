/**
 * The pre-session brief: a markdown page a coach reads in two minutes before the call, ending in
 * opening questions in the learning frame, chosen by what happened since the last session.
 */
import type { VaultIndex } from '../index/vault-index';
import { isOverdue } from '../index/vault-index';
import type { Client, Commitment, IsoDate } from '../types';
import { analyseClient, type ClientAnalysis } from './client-analysis';
import { formatRate, isLive } from './completion';
import { patternsOf, type Patterns } from './patterns';
import { computeSignals, type Signal } from './signals';
import { resolveThresholds, type RiskThresholds } from './thresholds';
import { STATUS_WORD } from '../words';


/**
 * Note-derived text, escaped so a markdown renderer shows it as written: no HTML (`<img src=…>`),
 * no embeds (`![[…]]`), no links (`[x](javascript:…)`), no emphasis or headings it did not mean.
 * The brief's own structure (headings, list markers, the session links) is written around it.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~=^$]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`)).replace(/(^|\s)-(?=\s)/g, '$1\\-').replace(/[\r\n\u2028\u2029]+/g, ' ');
}

const e = escapeMarkdown;

const BOX: Record<string, string> = { open: ' ', done: 'x', partial: '/', stuck: '?', skipped: '?', 'let-go': '-', recommitted: '>' };

const LEVEL_NOTE: Record<string, string> = {
  'self-directed': 'self-directed: the client tracks their own; raise commitments only if they do',
  'check-in': 'check-in: ask how each commitment went',
  active: 'active: go through each commitment and its plan',
  consequences: 'consequences: go through each commitment; apply the agreed consequence for misses',
};

export interface OpeningQuestion {
  reason: 'done' | 'missed' | 'carried' | 'low-confidence' | 'no-commitments';
  question: string;
}

function link(c: Commitment): string {
  const file = c.session.replace(/\.md$/i, '');
  // A path a wikilink cannot hold (`]`, `|`, `#`, `^`) is named, not linked.
  return /[\][|#^]/.test(file) ? `(${e(file)}, ${c.sessionDate})` : `[[${file}|${c.sessionDate}]]`;
}

/** Questions chosen by what happened, at most one of each kind per commitment. */
export function openingQuestions(a: ClientAnalysis, p: Patterns, t: RiskThresholds, since: Commitment[]): OpeningQuestion[] {
  const out: OpeningQuestion[] = [];
  const carried = new Set<string>();
  for (const ch of p.chains) {
    if (!ch.live || ch.sessions < t.carriedSessions) continue;
    carried.add(ch.text);
    out.push({
      reason: 'carried',
      question: `'${ch.text}' has been carried over ${ch.sessions} sessions running. Recommit, modify, or let it go?`,
    });
  }
  for (const c of since) {
    if (c.owner === 'coach' || carried.has(c.text)) continue;
    if (c.status === 'done') {
      out.push({ reason: 'done', question: `You did exactly what you said: ${lowerFirst(c.text)}. What made it work?` });
    } else if (isOverdue(c, a.asOf) || c.status === 'stuck' || c.status === 'skipped' || c.status === 'partial') {
      out.push({ reason: 'missed', question: `'${c.text}': what got in the way? What did you learn?` });
    }
  }
  for (const c of a.clientOwned) {
    if (isLive(c) && c.confidence !== null && c.confidence < t.lowConfidence && !isOverdue(c, a.asOf)) {
      out.push({ reason: 'low-confidence', question: `You put your confidence in '${c.text}' at ${c.confidence}. What would get you to an 8?` });
    }
  }
  if (out.length === 0) out.push({ reason: 'no-commitments', question: 'What would make the time between this session and the next one count?' });
  return out;
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

function commitmentLine(c: Commitment, asOf: IsoDate): string {
  const parts = [`- [${BOX[c.status] ?? ' '}] ${e(c.text)}`, `${STATUS_WORD[c.status] ?? c.status}`, `due ${c.due}`];
  if (isOverdue(c, asOf)) parts.push('**overdue**');
  if (c.owner !== 'client') parts.push(`owner ${e(c.owner)}`);
  const last = c.checkIns[c.checkIns.length - 1];
  if (last) parts.push(`last check-in ${last.date} ${last.status}${last.note ? `: ${e(last.note)}` : ''}`);
  return `${parts[0]} (${parts.slice(1).join(', ')}) ${link(c)}`;
}

export function renderBrief(a: ClientAnalysis, p: Patterns, signals: Signal[], t: RiskThresholds): string {
  const c = a.client;
  const asOf = a.asOf;
  const out: string[] = [];
  out.push(`# Brief: ${e(c.name)}, ${asOf}`);
  out.push('');
  const facts = [
    c.coach ? `Coach: ${e(c.coach)}` : null,
    `Accountability: ${LEVEL_NOTE[c.accountability]}`,
    `Rhythm: every ${c.cadence} days`,
    a.lastHeld ? `Last session: ${a.lastHeld.date} (${a.daysSinceLastHeld} days ago)` : 'No session held yet',
    a.nextSession ? `Next session: ${a.nextSession}` : 'Next session: not booked',
    `Completion: ${formatRate(a.completionRecent.rate)} over the last ${t.recentSessions} sessions, ${formatRate(a.completionAll.rate)} overall`,
  ].filter((x): x is string => x !== null);
  for (const f of facts) out.push(`- ${f}`);
  if (c.status !== 'active') out.push(`- Status: ${c.status}`);
  if (c.pausedUntil && asOf <= c.pausedUntil) out.push(`- Accountability released until ${c.pausedUntil}`);
  out.push('');

  const since = a.lastHeld ? a.commitments.filter((x) => x.sessionKey === a.lastHeld!.key) : [];
  out.push('## Since the last session');
  if (since.length === 0) out.push('No commitments were written at the last session.');
  for (const x of since) out.push(commitmentLine(x, asOf));
  out.push('');

  const overdue = a.commitments.filter((x) => isOverdue(x, asOf) && !since.includes(x));
  if (overdue.length > 0) {
    out.push('## Still overdue from earlier');
    for (const x of overdue) out.push(commitmentLine(x, asOf));
    out.push('');
  }

  if (signals.length > 0) {
    out.push('## Signals');
    for (const s of signals) out.push(`- **${s.name}**: ${e(s.message)}`);
    out.push('');
  }

  if (p.observations.length > 0) {
    out.push('## Patterns worth naming');
    for (const o of p.observations) out.push(`- ${e(o)}`);
    out.push('');
  }

  out.push('## Opening questions');
  for (const q of openingQuestions(a, p, t, since)) out.push(`- ${e(q.question)}`);
  out.push('');
  return out.join('\n');
}

export function clientBrief(index: VaultIndex, client: Client, asOf: IsoDate, thresholds?: Partial<RiskThresholds>): string {
  const t = resolveThresholds(thresholds);
  const a = analyseClient(index, client, asOf, t);
  return renderBrief(a, patternsOf(a, t), computeSignals(a, t), t);
}
