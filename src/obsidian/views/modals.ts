/** The review queue modal, a Svelte component in an Obsidian Modal (capture's is capture-modal.ts). */
import type { App } from 'obsidian';
import { writable, type Readable } from 'svelte/store';
import { buildReviewModel } from '../../app/models';
import { reviewActions } from '../../app/view-actions';
import { QUEUE_KEYS, QueueKeys, type QueueKey } from '../../ui/review/keys';
import ReviewQueue from '../../ui/review/ReviewQueue.svelte';
import type { DateFormatter, ReviewActions, ReviewModel } from '../../ui/contracts';
import type { Host } from '../host';
import { SvelteModal } from './svelte-modal';

/**
 * The review queue in a modal, over `host`'s index: its model follows the index, so later cards
 * carry fresh lines after each edit.
 */
export function openReviewModal(host: Host, client: string | null): SvelteModal {
  const asOf = host.today();
  const model = writable(buildReviewModel(host.index, asOf, client, host.settings));
  const off = host.index.onChange(() => model.set(buildReviewModel(host.index, host.today(), client, host.settings)));
  const modal = reviewModal(
    host.app,
    client ? `Review missed commitments: ${client}` : 'Review missed commitments',
    (close) => ({ model, actions: reviewActions(host.actions, host.nav, close), formatDate: host.formatDate }),
    off,
  );
  modal.open();
  return modal;
}

/**
 * The queue's modal, not yet open. Its keys are registered on the modal's scope (Obsidian hands
 * keys to the open modal's scope before the page sees them, and the modal's own Esc would close
 * it): Esc backs out of a form or skips a card and closes only from the summary; the component
 * gets each press through `QueueKeys` and never listens on the window itself.
 */
export function reviewModal(
  app: App,
  title: string,
  props: (close: () => void) => { model: Readable<ReviewModel>; actions: ReviewActions; formatDate?: DateFormatter; settleMs?: number; messageMs?: number },
  onClosed?: () => void,
): SvelteModal {
  const keys = new QueueKeys();
  return new SvelteModal(app, title, ReviewQueue, (close) => ({ ...props(close), keys }), onClosed, {
    keys: QUEUE_KEYS,
    press: (key, evt) => keys.press({ key: key as QueueKey, target: evt.target, isComposing: evt.isComposing }),
  });
}
