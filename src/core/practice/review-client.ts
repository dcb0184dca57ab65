/** One client's part of a review note: what moved, what is stuck, exceptions, what was reached (see review.ts). */
import { isOverdue, type VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate, Session } from '../types';
import { plural } from '../words';
import { doneOn } from './commitment-facts';
import type { ClientFigures } from './figure-types';
import type { ClientExtras } from './outcomes';
import type { ReviewPeriod } from './periods';
import { commitmentLink, sessionLink } from './review-text';

export interface ClientReview {
  moved: string[];
  stuck: string[];
  exceptions: string[];
  reached: string[];
}

/** The client's next held session after a date, or null. */
function nextHeldAfter(sessions: readonly Session[], date: IsoDate): Session | null {
  for (const s of sessions) if (s.status === 'held' && s.date > date) return s;
  return null;
}

/** When a settled commitment moved, and how (see the module comment), or null. */
function movedOn(c: Commitment, sessions: readonly Session[]): { date: IsoDate; how: 'done' | 'carried forward' | 'let go' } | null {
  const fallback = () => nextHeldAfter(sessions, c.sessionDate)?.date ?? null;
  if (c.status === 'done') {
    const date = doneOn(c) ?? fallback();
    return date ? { date, how: 'done' } : null;
  }
  if (c.status === 'let-go') {
    const date = c.letGoDate ?? fallback();
    return date ? { date, how: 'let go' } : null;
  }
  if (c.status === 'recommitted') {
    const date = fallback();
    return date ? { date, how: 'carried forward' } : null;
  }
  return null;
}

function inP(date: IsoDate | null, p: ReviewPeriod, asOf: IsoDate): boolean {
  return date !== null && date >= p.start && date <= p.end && date <= asOf;
}

export function reviewClient(index: VaultIndex, client: Client, row: ClientFigures, extras: ClientExtras, p: ReviewPeriod, asOf: IsoDate): ClientReview {
  const sessions = index.sessionsOf(client);
  const known = sessions.filter((s) => s.date <= asOf);
  const knownPaths = new Set(known.map((s) => s.path));
  const commitments = index.commitmentsOf(client).filter((c) => knownPaths.has(c.session));
  const out: ClientReview = { moved: [], stuck: [], exceptions: [], reached: [] };

  const moved: { date: IsoDate; line: string }[] = [];
  for (const c of commitments) {
    const m = movedOn(c, known);
    if (m && inP(m.date, p, asOf)) {
      const who = c.owner === 'client' ? '' : c.owner === 'coach' ? ' (coach)' : ` (${c.owner})`;
      moved.push({ date: m.date, line: `${m.how} ${m.date}: ${commitmentLink(c)}${who}` });
      if (m.how === 'done' && c.kind === 'outcome' && c.owner !== 'coach') out.reached.push(`outcome done ${m.date}: ${commitmentLink(c)}`);
    }
  }
  // By date; the sort is stable, so one day's moves keep the notes' order.
  out.moved = moved.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((x) => x.line);

  if (row.counted) {
    for (const c of commitments) {
      if (c.owner === 'coach') continue;
      if (isOverdue(c, asOf)) {
        const late = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${c.due}T00:00:00Z`)) / 86_400_000);
        let last: Commitment['checkIns'][number] | undefined;
        for (const k of c.checkIns) if (k.date <= asOf && (!last || k.date >= last.date)) last = k;
        out.stuck.push(
          `${c.status === 'open' ? 'overdue' : c.status} ${plural(late, 'day')} (due ${c.due}): ${commitmentLink(c)}${last ? `, last check-in ${last.date} ${last.status}` : ', no check-in'}`,
        );
      } else if (c.status === 'stuck') {
        out.stuck.push(`stuck (due ${c.due}): ${commitmentLink(c)}`);
      } else if (c.status === 'skipped') {
        // A skip is news in the period it was reported; after that it is part of the record.
        const when = c.checkIns.filter((k) => k.status === 'skipped' && k.date <= asOf).pop()?.date ?? null;
        if (inP(when, p, asOf)) out.stuck.push(`skipped ${when} (due ${c.due}): ${commitmentLink(c)}`);
      }
    }
    const carried = row.signals.find((s) => s.name === 'carried-over');
    if (carried) out.stuck.push(`carried over: ${carried.message.replace(/\.$/, '')}`);
    for (const m of row.milestones.milestones) if (m.state === 'overdue') out.stuck.push(`milestone overdue since ${m.due}: ${m.name}`);

    for (const s of sessions) if ((s.status === 'cancelled' || s.status === 'no-show') && inP(s.date, p, asOf)) out.exceptions.push(`session ${s.status}: ${sessionLink(s)}`);
    if (row.signals.some((s) => s.name === 'no-next-session')) {
      const latest = known[known.length - 1];
      out.exceptions.push(`no next session booked after ${latest ? sessionLink(latest) : 'the last session'}`);
    }
    for (const c of commitments) {
      if (c.owner === 'coach' && isOverdue(c, asOf)) out.exceptions.push(`coach's own item overdue (due ${c.due}): ${commitmentLink(c)}`);
    }
  }
  if (client.pausedUntil && client.pausedUntil >= p.start && client.pausedUntil <= p.end) out.exceptions.push(`released until ${client.pausedUntil}; accountability resumes after that`);

  for (const m of row.milestones.milestones) if (m.state === 'done' && inP(m.doneOn, p, asOf)) out.reached.push(`milestone reached ${m.doneOn}: ${m.name}`);
  for (const e of extras.outcomes) {
    if (!inP(e.date, p, asOf)) continue;
    const value = e.value === null ? '' : ` ${e.value}${extras.promise?.target != null && typeof e.value === 'number' ? ` of ${extras.promise.target}` : ''}`;
    out.reached.push(`outcome ${e.date}:${value}${e.note ? `${value ? ', ' : ' '}${e.note}` : ''}`);
  }
  return out;
}
