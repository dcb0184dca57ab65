/** A Modal that hosts one Svelte 5 component, unmounted when the modal closes. */
import { Modal, type App } from 'obsidian';
import { mount, unmount, type Component } from 'svelte';
import type { MountProps } from './svelte-view';

export class SvelteModal extends Modal {
  private instance: Record<string, unknown> | null = null;

  constructor(
    app: App,
    private readonly title: string,
    /** Any component (its own props type); `props` must give what it takes. */
    private readonly component: Component<never>,
    private readonly props: (close: () => void) => MountProps,
    private readonly onClosed?: () => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.titleEl.setText(this.title);
    this.modalEl.addClass('ft-modal');
    // The component's props are its own type; `props` is built for it by the caller.
    this.instance = mount(this.component as Component<MountProps>, { target: this.contentEl, props: this.props(() => this.close()) });
  }

  override onClose(): void {
    const instance = this.instance;
    this.instance = null;
    if (instance) void unmount(instance);
    this.contentEl.empty();
    this.onClosed?.();
  }
}
