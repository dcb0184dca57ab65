/**
 * An ItemView that hosts Svelte 5 components, each in its own container: mounted in `onOpen`,
 * unmounted (awaited) in `onClose`, so closing the leaf or unloading the plugin leaves nothing
 * running.
 */
import { ItemView, type WorkspaceLeaf } from 'obsidian';
import { mount, unmount, type Component } from 'svelte';

export interface ViewPart {
  /** The component and its props, as given (tests read the props the view wires). */
  component: unknown;
  props: Record<string, unknown>;
  /** Class of the part's container. */
  cls: string;
  /** Mounts the component in `target`; returns the instance to unmount. */
  mount(target: HTMLElement): Record<string, unknown>;
}

/** Whatever props `mount` accepts (Svelte's own constraint on a component's props). */
export type MountProps = NonNullable<Parameters<typeof mount>[1]['props']>;

/** A part: a component with its props (checked against the component's own prop types) and container class. */
export function viewPart<P extends MountProps>(part: { component: Component<P>; props: NoInfer<P>; cls: string }): ViewPart {
  return { ...part, mount: (target) => mount(part.component, { target, props: part.props }) };
}

export abstract class SvelteItemView extends ItemView {
  private instances: Record<string, unknown>[] = [];

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
  }

  /** The components to mount, top to bottom. */
  protected abstract parts(): ViewPart[];

  override async onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass('ft-view-host');
    for (const part of this.parts()) {
      const target = this.contentEl.createDiv({ cls: part.cls });
      this.instances.push(part.mount(target));
    }
  }

  override async onClose(): Promise<void> {
    const instances = this.instances;
    this.instances = [];
    await Promise.all(instances.map((i) => unmount(i)));
    this.contentEl.empty();
  }

  /** Mounts the components afresh (e.g. to start from a filter set elsewhere). */
  async remount(): Promise<void> {
    await this.onClose();
    await this.onOpen();
  }

  get isMounted(): boolean {
    return this.instances.length > 0;
  }
}
