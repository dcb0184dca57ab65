/**
 * What the Today panel is given: a store of the nudges due (its model) and its actions. Same
 * pattern as ../contracts.ts: plain data in, edits and navigation out through the actions.
 */
import type { Readable } from 'svelte/store';
import type { Evidence } from '../../core/analytics/signals';
import type { NudgeChannel, NudgeItem, NudgeMessage, QuietNudge } from '../../core/nudges/today';
import type { IsoDate } from '../../core/types';
import type { ActionResult, DateFormatter } from '../contracts';

export type { NudgeChannel, NudgeItem, NudgeMessage, QuietNudge };

export interface TodayModel {
  asOf: IsoDate;
  /** Due today and unsent earlier ones: late first, then by client (see `sortTodayItems`). */
  items: NudgeItem[];
  /** The client-facing items as one message per client for the day, in the order of `items`. */
  messages: NudgeMessage[];
  /** The coach-facing items (overdue follow-ups): flags, not messages, in the order of `items`. */
  flags: NudgeItem[];
  /** Midpoint nudges left out today for steady clients, with why (the panel says so). */
  quiet?: QuietNudge[];
  /** False when nudges are turned off in the settings (the panel says so). Default true. */
  enabled?: boolean;
  /**
   * Set while the clients' nudges are worked out ahead, a slice at a time (the panel says how
   * far it has got); the last lists, if any, stay shown meanwhile.
   */
  preparing?: { done: number; total: number } | null;
}

export interface TodayActions {
  /**
   * Logs a `nudged` check-in under each commitment the message covers: the coach sent
   * `editedDraft` by `channel` from their own app. The draft is passed for the adapter's use; the
   * notes record only each step and the channel.
   */
  markSent(message: NudgeMessage, editedDraft: string, channel: NudgeChannel): Promise<ActionResult>;
  /** Copies text to the clipboard. */
  copy(text: string): Promise<void>;
  /** Opens the note at the evidence's line (the commitment, for a coach's follow-up flag). */
  openEvidence(evidence: Evidence): void;
  /** Opens the client's view, when the host has one. */
  openClient?(name: string): void;
}

export interface TodayPanelProps {
  model: Readable<TodayModel>;
  actions: TodayActions;
  formatDate?: DateFormatter;
  /** Heading text (default "Today"). */
  title?: string;
  /** Render the heading as a toggle that shows and hides the list (the roster's section). */
  collapsible?: boolean;
  /** Starts expanded (default: collapsed when `collapsible`, else expanded); the view may keep it across re-opens. */
  open?: boolean;
  onToggle?: (open: boolean) => void;
}
