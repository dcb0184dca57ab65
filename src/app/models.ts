/**
 * The views' models, built from the index as of a date. Pure: the adapter and the browser tests
 * call the same functions, so what a test renders is what a coach sees.
 */
import { analyseClient } from '../core/analytics/client-analysis';
import { briefOf } from '../core/analytics/brief';
import { completion, hasComeDue, isMissed } from '../core/analytics/completion';
import { isReleased } from '../core/analytics/released';
import { patternsOf } from '../core/analytics/patterns';
import { computeSignals } from '../core/analytics/signals';
import { milestoneProgress } from '../core/practice/milestones';
import { roster, rosterRow, type RosterCache } from '../core/analytics/roster';
import { resolveThresholds, type RiskThresholds } from '../core/analytics/thresholds';
import { addDays } from '../core/dates';
import { byPath } from '../core/index/keys';
import { defaultDueDate, isOverdue, type VaultIndex } from '../core/index/vault-index';
import type { Client, Commitment, IsoDate } from '../core/types';
import { coachOwnName } from '../core/layout/layout';
import type { CaptureItem, CaptureModel, ClientModel, CompletionPoint, ReviewItem, ReviewModel, RosterModel } from '../ui/contracts';

export interface ModelSettings {
  thresholds: RiskThresholds;
  rosterStatuses: readonly string[];
  dueLeadDays: number;
}

export function buildRosterModel(index: VaultIndex, asOf: IsoDate, s: ModelSettings, cache?: RosterCache): RosterModel {
  const all = roster(index, { asOf, thresholds: s.thresholds, cache });
  // One pass over the rows (thousands, on every refresh): whether any is left out, and the coaches named.
  const names = new Set<string>();
  let every = true;
  for (const r of all) {
    if (!s.rosterStatuses.includes(r.status)) every = false;
    else if (r.coach !== null) names.add(r.coach);
  }
  const rows = every ? all : all.filter((r) => s.rosterStatuses.includes(r.status));
  const coaches = [...names].sort();
  const notRead = index.diagnostics().filter((d) => d.severity === 'error' || d.severity === 'warning');
  return { asOf, rows, coaches, overdueTotal: index.overdueCount(asOf), notRead };
}

export function buildClientModel(index: VaultIndex, client: Client, asOf: IsoDate, s: ModelSettings): ClientModel {
  const t = resolveThresholds(s.thresholds);
  const a = analyseClient(index, client, asOf, t);
  const completionBySession: CompletionPoint[] = a.held.map((session) => {
    const mine = a.clientOwned.filter((x) => x.sessionKey === session.key);
    const c = completion(mine, asOf);
    const pending = mine.filter((x) => !hasComeDue(x, asOf)).length;
    // A session whose commitments are not all due yet has no rate to draw: its figure is not in.
    const state = pending > 0 ? 'pending' : c.rate === null ? 'none' : 'rated';
    return { sessionDate: session.date, path: session.path, state, rate: c.rate, done: c.done, partial: c.partial, total: c.total, pending };
  });
  const patterns = patternsOf(a, t);
  return {
    asOf,
    client,
    row: rosterRow(a, t),
    patterns,
    brief: briefOf(a, patterns, computeSignals(a, t), t, coachOwnName(index.settings.layout)),
    open: a.commitments.filter((c) => c.status === 'open' || c.status === 'partial' || c.status === 'stuck' || c.status === 'skipped'),
    completionBySession,
    milestones: milestoneProgress(client, asOf).milestones,
  };
}

/** The due date a recommit proposes: two days (the lead) before the client's next session. It depends on the client alone. */
function suggestedDue(index: VaultIndex, client: Client, asOf: IsoDate, s: ModelSettings): IsoDate {
  const sessions = index.sessionsOf(client);
  const latest = sessions.filter((x) => x.date <= asOf).pop();
  const next = latest?.next && latest.next > asOf ? latest.next : null;
  const cadence = client.cadence;
  const due = next ? addDays(next, -s.dueLeadDays) : addDays(asOf, Math.max(1, cadence - s.dueLeadDays));
  return due > asOf ? due : addDays(asOf, 1);
}

/**
 * The review queue's cards: one client's missed commitments, or every client's. The whole
 * practice's queue is rebuilt after every change while it is open, so it walks each client's
 * commitments (kept by the index) rather than the vault's list sorted by path, and works out a
 * client's suggested due date once (52,000 notes: 290 ms a rebuild before).
 */
export function buildReviewModel(index: VaultIndex, asOf: IsoDate, client: string | null, s: ModelSettings): ReviewModel {
  const missed: { c: Commitment; client: Client }[] = [];
  const take = (who: Client | null, list: readonly Commitment[]) => {
    if (!who || isReleased(who, asOf)) return;
    for (const c of list) if (c.sessionDate <= asOf && isMissed(c, asOf)) missed.push({ c, client: who });
  };
  if (client !== null) take(index.client(client), index.commitmentsOf(client));
  else for (const who of index.clients()) take(who, index.commitmentsOf(who));
  // Due date, then line; then path order, as the vault's list (by path and line) gave ties.
  missed.sort((x, y) => (x.c.due < y.c.due ? -1 : x.c.due > y.c.due ? 1 : x.c.line - y.c.line || byPath(x.c.session, y.c.session)));
  const dues = new Map<Client, IsoDate>();
  const dueOf = (who: Client) => {
    let d = dues.get(who);
    if (d === undefined) dues.set(who, (d = suggestedDue(index, who, asOf, s)));
    return d;
  };
  const items: ReviewItem[] = missed.map(({ c, client: who }) => ({
    commitment: c,
    reason: isOverdue(c, asOf) ? 'overdue' : c.status === 'skipped' ? 'skipped' : 'stuck',
    suggestedDue: dueOf(who),
  }));
  return { asOf, client, items: client === null ? groupByClient(items) : items };
}

/** The all-clients queue, one client at a time: clients in the order of their oldest missed due date, each client's cards in due order. */
function groupByClient(items: ReviewItem[]): ReviewItem[] {
  const groups = new Map<string, ReviewItem[]>();
  for (const i of items) {
    const g = groups.get(i.commitment.client);
    if (g) g.push(i);
    else groups.set(i.commitment.client, [i]);
  }
  return [...groups.values()].flat();
}

function copingText(c: Commitment): string {
  if (!c.coping) return '';
  return c.coping.obstacle ? `${c.coping.obstacle} -> ${c.coping.response ?? ''}`.trim() : c.coping.response ?? '';
}

/** The capture form's items: every commitment in the session note, as the coach typed it. */
export function buildCaptureModel(index: VaultIndex, path: string): CaptureModel | null {
  const note = index.note(path);
  if (!note?.session) return null;
  const list = index.commitmentsOfSession(path);
  const client = index.clientOfSession(note.session);
  const items: CaptureItem[] = list.map((c) => {
    const defaultDue = defaultDueDate(note.session!, client.cadence, index.settings.dueLeadDays);
    return {
      line: c.line,
      expectedText: c.raw,
      id: c.id,
      text: c.text,
      owner: c.owner,
      due: c.due,
      defaultDue,
      trigger: c.trigger ?? '',
      coping: copingText(c),
      confidence: c.confidence,
      kind: c.kind,
      captured: c.hasCheckbox && c.id !== null,
    };
  });
  return { path, client: client.name, sessionDate: note.session.date, items };
}

