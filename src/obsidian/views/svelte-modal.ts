/** A Modal that hosts one Svelte 5 component, unmounted when the modal closes. */
import { Modal, type App } from 'obsidian';
import { mount, unmount, type Component } from 'svelte';

export class SvelteModal<P extends Record<string, unknown> = Record<string, unknown>> extends Modal {
  private instance: Record<string, unknown> | null = null;

  constructor(
    app: App,
    private readonly title: string,
    private readonly component: Component<P>,
    private readonly props: (close: () => void) => NoInfer<P>,
    private readonly onClosed?: () => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.titleEl.setText(this.title);
    this.modalEl.addClass('ft-modal');
    this.instance = mount(this.component, { target: this.contentEl, props: this.props(() => this.close()) });
  }

  override onClose(): void {
    const instance = this.instance;
    this.instance = null;
    if (instance) void unmount(instance);
    this.contentEl.empty();
    this.onClosed?.();
  }
}
