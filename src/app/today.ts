/**
 * The Today panel's model and actions. The model is the core's `nudgesDue` in the panel's order;
 * the actions log a sent nudge as a `nudged` check-in through the same CommitmentActions (and so
 * the same guarded applier) as every other edit, so the commitment's record shows the follow-up
 * rhythm and the item drops off the panel once the index reads the note again.
 */
import type { VaultIndex } from '../core/index/vault-index';
import type { NudgeSettings } from '../core/nudges/settings';
import { numberCommitments } from '../core/client-loop/numbering';
import { nudgeMessages, nudgesDue, quietNudges, type NudgeChannel, type NudgeItem, type NudgeMessage, type NudgesDueOptions } from '../core/nudges/today';
import type { Commitment, IsoDate } from '../core/types';
import type { ActionResult } from '../ui/contracts';
import type { TodayActions, TodayModel } from '../ui/today/contracts';
import type { CommitmentActions } from './actions';
import type { Navigator } from './view-actions';

export type { TodayActions, TodayModel };

/** Late ones first (the longest-waiting first), then today's; by client within each; the core's order otherwise. */
export function sortTodayItems(items: readonly NudgeItem[]): NudgeItem[] {
  const rank = (i: NudgeItem) => (i.timing === 'late' ? 0 : 1);
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        rank(a.item) - rank(b.item) ||
        (a.item.client < b.item.client ? -1 : a.item.client > b.item.client ? 1 : 0) ||
        a.i - b.i,
    )
    .map((x) => x.item);
}

/** The nudges due on `asOf` (and unsent earlier ones), optionally for one coach or one client. */
export function buildTodayModel(index: VaultIndex, asOf: IsoDate, settings: NudgeSettings, options: NudgesDueOptions = {}): TodayModel {
  const items = sortTodayItems(nudgesDue(index, asOf, settings, options));
  // Messages number their commitments as the client's recap does, so the reply key works.
  const numbers = new Map<string, Map<string, number>>();
  const numberOf = (item: NudgeItem): number | null => {
    let byKey = numbers.get(item.client);
    if (!byKey) {
      byKey = new Map();
      const client = index.client(item.client);
      if (client) for (const x of numberCommitments(index, client, asOf)) byKey.set(`${x.commitment.session}:${x.commitment.line}`, x.n);
      numbers.set(item.client, byKey);
    }
    return byKey.get(`${item.target.path}:${item.target.line}`) ?? null;
  };
  return {
    asOf,
    items,
    messages: nudgeMessages(items, settings, asOf, numberOf),
    flags: items.filter((i) => i.step.audience === 'coach'),
    quiet: quietNudges(index, asOf, settings, options),
    enabled: settings.enabled,
  };
}

/** The note a sent nudge logs: the step and the channel, as `nudgeCheckIn` words it (`midpoint nudge (sms)`). */
export function sentNote(item: Pick<NudgeItem, 'logNote'>, channel: NudgeChannel): string {
  return `${item.logNote} (${channel})`;
}

/**
 * The commitment fields CommitmentActions.checkIn reads (the session and the edit target: line,
 * exact text, id), taken from the item's target so the edit checks the line the panel was built
 * from. The rest of the item's commitment comes along for the summary.
 */
function commitmentOf(item: NudgeItem): Commitment {
  const { path, line, expectedText, id } = item.target;
  return { ...item.commitment, session: path, line, raw: expectedText, id: id ?? null, client: item.client } as unknown as Commitment;
}

/**
 * The item's commitment as the index holds it now, when the index has read the note since the
 * panel was built (a nudge logged just before, above it in the same note, moves its line): found
 * by block id, else by the exact line text, when that is unambiguous in the session note.
 */
export function currentCommitment(index: VaultIndex, item: NudgeItem): Commitment | undefined {
  const { path, line, expectedText, id } = item.target;
  const inNote = index.commitmentsOfSession(path);
  const hits = id !== null ? inNote.filter((c) => c.id === id) : inNote.filter((c) => c.raw === expectedText);
  if (hits.length === 1) return hits[0];
  return hits.find((c) => c.line === line && c.raw === expectedText);
}

/**
 * Logs one `nudged` check-in per commitment a message covers, through the same guarded check-in
 * edit as every other. Within a note, the lowest line goes first so that no check-in moves a line
 * another one is still to find. Stops at the first refusal; the result says how many were logged.
 */
export async function logMessage(
  actions: CommitmentActions,
  message: Pick<NudgeMessage, 'items' | 'client'>,
  channel: NudgeChannel,
  index?: VaultIndex,
): Promise<ActionResult> {
  const order = [...message.items].sort((a, b) =>
    a.target.path < b.target.path ? -1 : a.target.path > b.target.path ? 1 : b.target.line - a.target.line,
  );
  const summaries: string[] = [];
  for (const item of order) {
    const c = (index && currentCommitment(index, item)) || commitmentOf(item);
    const r = await actions.checkIn(c, { status: 'nudged', note: sentNote(item, channel) });
    if (!r.ok) {
      const done = summaries.length === 0 ? '' : ` (${summaries.length} of ${order.length} logged before it)`;
      return { ok: false, reason: `${r.reason}${done}` };
    }
    summaries.push(r.summary);
  }
  if (order.length === 1) return { ok: true, summary: summaries[0] };
  return { ok: true, summary: `Nudge to ${message.client} logged under ${order.length} commitments.` };
}

export interface Clipboard {
  writeText(text: string): Promise<void>;
}

export function todayActions(
  actions: CommitmentActions,
  nav: Pick<Navigator, 'openEvidence'> & Partial<Pick<Navigator, 'openClient'>>,
  clipboard: Clipboard,
  /**
   * The live index, so a nudge logged after another in the same note (before the panel's model
   * caught up) finds its commitment's current line. Without it the item's own target is used, and
   * a moved line without a block id is refused as any stale edit is.
   */
  index?: VaultIndex,
): TodayActions {
  return {
    markSent: (message, _editedDraft, channel) => logMessage(actions, message, channel, index),
    copy: (text) => clipboard.writeText(text),
    openEvidence: (e) => nav.openEvidence(e),
    ...(nav.openClient ? { openClient: (name: string) => nav.openClient!(name) } : {}),
  };
}
