/**
 * Components the review view's browser tests mount by name, and `window.ftReview`: the queue in
 * its modal, as the adapter builds it (`reviewModal`), over the fake Obsidian, whose keymap hears
 * the page's keys on the window and hands them to the modal's scope as Obsidian does.
 */
import { flushSync, type Component } from 'svelte';
import ReviewQueue from '../../../src/ui/review/ReviewQueue.svelte';
import { reviewModal } from '../../../src/obsidian/views/modals';
import type { ReviewActions, ReviewModel } from '../../../src/ui/contracts';
import type { Readable } from 'svelte/store';
import { App, type Modal } from '../../fakes/obsidian';
import demoVault from 'virtual:demo-vault';
import { buildReviewModel } from '../../../src/app/models';
import { VaultIndex } from '../../../src/core/index/vault-index';
import { loadSettings } from '../../../src/core/plugin-settings';

export const reviewComponents: Record<string, Component<any>> = { ReviewQueue };

let app: App | null = null;
const open: Modal[] = [];

const ftReview = {
  /** The queue's model over the demo vault, as the plugin builds it. */
  demoModel(client: string | null, asOf: string): ReviewModel {
    const index = new VaultIndex();
    index.setNotes(Object.entries(demoVault as Record<string, string>));
    return buildReviewModel(index, asOf, client, loadSettings({}));
  },
  /** Opens the queue's modal with these props. */
  open(props: { model: Readable<ReviewModel>; actions: ReviewActions; settleMs?: number; messageMs?: number }): void {
    app ??= new App();
    const modal = reviewModal(app as never, 'Review missed commitments', () => props) as unknown as Modal;
    modal.open();
    flushSync();
    open.push(modal);
  },
  /** Whether the last opened modal is still open. */
  isOpen(): boolean {
    return open.at(-1)?.isOpen ?? false;
  },
};

(window as unknown as { ftReview: typeof ftReview }).ftReview = ftReview;
