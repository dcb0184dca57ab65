/** A client's view: the brief, open commitments with check-ins, patterns, chains and milestones. */
import type { ViewStateResult, WorkspaceLeaf } from 'obsidian';
import { derived, get, type Readable } from 'svelte/store';
import type { ClientModel } from '../../ui/contracts';
import { clientActions } from '../../app/view-actions';
import ClientView from '../../ui/client/ClientView.svelte';
import { ICON, VIEW_CLIENT, type Host } from '../host';
import { SvelteItemView, type ViewPart, viewPart } from './svelte-view';
import { agreementActions } from '../../app/agreements';
import AgreementPanel from '../../ui/agreements/AgreementPanel.svelte';

export class ClientLeafView extends SvelteItemView {
  client: string | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: Host,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_CLIENT;
  }

  getDisplayText(): string {
    return this.client ? `${this.client} · Follow Through` : 'Follow Through client';
  }

  override getIcon(): string {
    return ICON;
  }

  override getState(): Record<string, unknown> {
    return { ...super.getState(), client: this.client };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const next = state && typeof state === 'object' && typeof (state as { client?: unknown }).client === 'string' ? (state as { client: string }).client : null;
    await super.setState(state, result);
    if (next !== this.client) {
      this.client = next;
      // Obsidian opens a view (onOpen) before it hands it its state, so the view is usually
      // showing its placeholder here: render again on the new client (a fresh component).
      if (this.opened) {
        await this.onClose();
        await this.onOpen();
      }
    }
  }

  private model: Readable<ClientModel> | null = null;
  /** Between onOpen and onClose, whether or not a component is mounted. */
  private opened = false;
  /** While the client is not in the index: stops watching for it. */
  private stopWaiting: (() => void) | null = null;

  override async onClose(): Promise<void> {
    this.opened = false;
    this.stopWaiting?.();
    this.stopWaiting = null;
    await super.onClose();
  }

  override async onOpen(): Promise<void> {
    this.opened = true;
    const live = this.client === null ? null : this.host.models.client(this.client);
    const first = live ? get(live) : null;
    if (live === null || first === null) {
      this.contentEl.empty();
      this.contentEl.createEl('p', {
        cls: 'ft-empty',
        text: this.client === null ? 'Open a client from the roster, or run "Open client" from the command palette.' : `No client named ${this.client} in this vault.`,
      });
      // Obsidian restores views before the layout is ready, when the index is still empty:
      // show the client once it is there.
      if (live !== null) {
        this.stopWaiting = live.subscribe((m) => {
          if (m === null || this.stopWaiting === null) return;
          this.stopWaiting();
          this.stopWaiting = null;
          void this.onOpen();
        });
      }
      return;
    }
    // Keep showing the last model if the client briefly disappears (a rename in progress).
    this.model = derived(live, (m, set) => {
      if (m !== null) set(m);
    }, first);
    await super.onOpen();
  }

  protected parts(): ViewPart[] {
    return [
      viewPart({
        component: ClientView,
        cls: 'ft-part-client',
        props: { model: this.model!, actions: clientActions(this.host.actions, this.host.nav), formatDate: this.host.formatDate },
      }),
      viewPart({
        component: AgreementPanel,
        cls: 'ft-part-agreements',
        props: { model: this.host.models.agreements(this.client!), actions: agreementActions(this.host.nav), formatDate: this.host.formatDate },
      }),
    ];
  }
}
