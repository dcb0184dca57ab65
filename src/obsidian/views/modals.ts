/** The review queue modal, a Svelte component in an Obsidian Modal (capture's is capture-modal.ts). */
import { writable } from 'svelte/store';
import { buildReviewModel } from '../../app/models';
import { reviewActions } from '../../app/view-actions';
import ReviewQueue from '../../ui/review/ReviewQueue.svelte';
import type { Host } from '../host';
import { SvelteModal } from './svelte-modal';

export function openReviewModal(host: Host, client: string | null): SvelteModal {
  const asOf = host.today();
  const model = writable(buildReviewModel(host.index, asOf, client, host.settings));
  // After each edit the queue's model follows the index, so later cards carry fresh lines.
  const off = host.index.onChange(() => model.set(buildReviewModel(host.index, host.today(), client, host.settings)));
  const modal = new SvelteModal(
    host.app,
    client ? `Review missed commitments: ${client}` : 'Review missed commitments',
    ReviewQueue,
    (close) => ({ model, actions: reviewActions(host.actions, host.nav, close), formatDate: host.formatDate }),
    off,
  );
  // Esc belongs to the queue (skip a card, or back out of a form); the close button still closes.
  modal.scope.register([], 'Escape', () => false);
  modal.open();
  return modal;
}
