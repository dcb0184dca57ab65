/**
 * The views' actions, built from the commitment actions (edits) and a navigator (opening notes and
 * views). No `obsidian` import: the plugin passes a navigator over the workspace, the browser tests
 * one that records where it would go.
 */
import { parseCoping } from '../core/syntax/fields';
import { basename } from '../core/parse/records';
import type { ClientLoopKind } from '../ui/client-loop/contracts';
import type { Evidence } from '../core/analytics/signals';
import type { CaptureItem as CoreCaptureItem } from '../core/edit/capture';
import type {
  ActionResult,
  CaptureActions,
  CaptureItem,
  ClientActions,
  ReviewActions,
  RosterActions,
  RosterFilter,
} from '../ui/contracts';
import type { CommitmentActions } from './actions';
import type { AppliedEdit, ApplyResult } from './applier';

export interface Navigator {
  openClient(name: string): void;
  /** Opens the note at the evidence's line. */
  openEvidence(evidence: Evidence): void;
  openReview(client: string | null): void;
  /** Opens one of the client's-side modals (recap, reply, progress, calendar file); absent where there is none. */
  openClientLoop?(client: string, kind: ClientLoopKind): void;
}

function result(r: ApplyResult): ActionResult {
  return r.ok ? { ok: true, summary: r.summary } : { ok: false, reason: r.reason };
}

export function rosterActions(nav: Navigator, onFilter?: (f: RosterFilter) => void): RosterActions {
  return {
    openClient: (name) => nav.openClient(name),
    openEvidence: (e) => nav.openEvidence(e),
    openReview: (client) => nav.openReview(client),
    filterChanged: onFilter,
  };
}

export function clientActions(actions: CommitmentActions, nav: Navigator): ClientActions {
  return {
    checkIn: async (c, status, note) => result(await actions.checkIn(c, { status, note: note?.trim() || null })),
    openEvidence: (e) => nav.openEvidence(e),
    openReview: (client) => nav.openReview(client),
    ...(nav.openClientLoop ? { openLoop: (client: string, kind: ClientLoopKind) => nav.openClientLoop!(client, kind) } : {}),
  };
}

/**
 * The review queue's actions. Each successful edit is remembered, so the queue's Undo takes back
 * that edit and no other (refused if another edit was made since).
 */
export function reviewActions(actions: CommitmentActions, nav: Navigator, close: () => void): ReviewActions {
  let last: AppliedEdit | undefined;
  const remembered = async (pending: Promise<ApplyResult>): Promise<ActionResult> => {
    const r = await pending;
    if (!r.ok) return result(r);
    last = r.changed.length > 0 ? actions.lastEdit() : undefined;
    return { ok: true, summary: r.summary, undoable: last !== undefined };
  };
  return {
    checkIn: (item, status) => remembered(actions.checkIn(item.commitment, { status, note: null })),
    recommit: (item, due) => remembered(actions.recommit(item.commitment, { due })),
    modify: (item, input) =>
      remembered(
        actions.modify(item.commitment, {
          text: input.text,
          trigger: input.trigger?.trim() || null,
          coping: input.coping?.trim() ? parseCoping(input.coping) : null,
          due: input.due,
        }),
      ),
    letGo: (item, input) => remembered(actions.letGo(item.commitment, { reason: input.reason, learned: input.learned })),
    undo: async () => {
      if (!last) return { ok: false, reason: 'There is no edit from this review to undo.' };
      const r = await actions.undo(last);
      if (r.ok) last = undefined;
      return result(r);
    },
    openEvidence: (e) => nav.openEvidence(e),
    close,
  };
}

/**
 * What the coach confirmed in the capture form, as the capture edit's items: only the fields the
 * coach changed from what the note says (the edit fills the default due date itself), and no item
 * at all for a line that is already captured and untouched.
 */
export function toCaptureItems(path: string, items: readonly CaptureItem[], initial: readonly CaptureItem[]): CoreCaptureItem[] {
  const before = new Map(initial.map((i) => [i.line, i]));
  const out: CoreCaptureItem[] = [];
  for (const i of items) {
    const was = before.get(i.line);
    const changed = <K extends keyof CaptureItem>(k: K) => was === undefined || JSON.stringify(was[k]) !== JSON.stringify(i[k]);
    const fields: CoreCaptureItem['fields'] = {};
    if (changed('text')) fields.text = i.text;
    if (changed('owner')) fields.owner = i.owner;
    if (changed('due')) fields.due = i.due;
    if (changed('trigger') && i.trigger.trim()) fields.trigger = i.trigger;
    if (changed('coping') && i.coping.trim()) fields.coping = parseCoping(i.coping) ?? undefined;
    if (changed('confidence') && i.confidence !== null) fields.confidence = i.confidence;
    if (changed('kind')) fields.kind = i.kind;
    if (Object.keys(fields).length === 0 && was?.captured) continue;
    out.push({ target: { path, line: i.line, expectedText: i.expectedText, id: i.id }, fields });
  }
  return out;
}

/**
 * The capture form's actions. `close` closes the form without asking (the form itself asks before
 * a cancel throws edits away); `notify` shows what was captured, naming the note by its title:
 * "3 commitments captured in 2026-11-24 Daniel Okafor".
 */
export function captureActions(
  actions: CommitmentActions,
  path: string,
  initial: readonly CaptureItem[],
  close: () => void,
  notify?: (message: string) => void,
): CaptureActions {
  return {
    confirm: async (items) => {
      const r = await actions.capture(path, toCaptureItems(path, items, initial));
      if (!r.ok) return { ok: false, reason: r.reason };
      const summary = captureSummary(basename(path), items.length, r.changed.length > 0);
      notify?.(summary);
      close();
      return { ok: true, summary };
    },
    cancel: close,
  };
}

/** What a capture did, by the note's title: `3 commitments captured in 2026-11-24 Daniel Okafor`. */
export function captureSummary(title: string, count: number, wrote: boolean): string {
  const n = count === 1 ? '1 commitment' : `${count} commitments`;
  if (!wrote) return `Nothing to capture in ${title}: ${count === 1 ? 'its commitment was' : `its ${n} were`} already captured.`;
  return `${n} captured in ${title}`;
}
