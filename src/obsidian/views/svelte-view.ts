/**
 * An ItemView that hosts one Svelte 5 component: mounted in `onOpen`, unmounted (awaited) in
 * `onClose`, so closing the leaf or unloading the plugin leaves nothing running.
 */
import { ItemView, type WorkspaceLeaf } from 'obsidian';
import { mount, unmount, type Component } from 'svelte';

export abstract class SvelteItemView<Props extends Record<string, unknown>> extends ItemView {
  private instance: Record<string, unknown> | null = null;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
  }

  protected abstract component(): Component<Props>;
  protected abstract props(): Props;

  /** Called after the component is mounted, e.g. to subscribe the view's model to the index. */
  protected afterMount(): void {}

  override async onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass('ft-view-host');
    this.instance = mount(this.component(), { target: this.contentEl, props: this.props() });
    this.afterMount();
  }

  override async onClose(): Promise<void> {
    const instance = this.instance;
    this.instance = null;
    if (instance) await unmount(instance);
    this.contentEl.empty();
  }

  get isMounted(): boolean {
    return this.instance !== null;
  }
}
