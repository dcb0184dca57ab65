/**
 * A Modal that hosts one Svelte 5 component, unmounted when the modal closes.
 *
 * A component holding what the coach typed can be asked first: it gets `bindCloseRequest` among
 * its props and hands back its request. Every way out of a modal (Esc, the close button, a click
 * on the background, a component's own Close) goes through `close()`, which calls the request: it
 * says true to close now, or false after it asked "Discard these changes?" in place, and the modal
 * stays open. `closeNow()` closes without asking.
 */
import { Modal, Scope, type App, type KeymapEventHandler } from 'obsidian';
import { mount, unmount, type Component } from 'svelte';
import type { MountProps } from './svelte-view';

/** Keys the component takes over on the modal's scope (pressed without modifiers), Esc included. */
export interface ModalKeys {
  keys: readonly string[];
  /** Passes a press on; true when the component acted on it (its default is then prevented). */
  press(key: string, evt: KeyboardEvent): boolean;
}

/** A component's close request: true when the modal may close now (see `SvelteModal`). */
export type CloseRequest = () => boolean;

export class SvelteModal extends Modal {
  private instance: Record<string, unknown> | null = null;
  private closeRequest: CloseRequest | null = null;

  constructor(
    app: App,
    private readonly title: string,
    /** Any component (its own props type); `props` must give what it takes. */
    private readonly component: Component<never>,
    /** `close` asks the component first (see above); `closeNow` does not. */
    private readonly props: (close: () => void, closeNow: () => void) => MountProps,
    private readonly onClosed?: () => void,
    keys?: ModalKeys,
  ) {
    super(app);
    if (keys) claimKeys(this, app, keys);
  }

  override onOpen(): void {
    this.titleEl.setText(this.title);
    this.modalEl.addClass('ft-modal');
    // The component's props are its own type; `props` is built for it by the caller.
    const props = {
      ...this.props(
        () => this.close(),
        () => this.closeNow(),
      ),
      bindCloseRequest: (request: CloseRequest) => {
        this.closeRequest = request;
      },
    };
    this.instance = mount(this.component as Component<MountProps>, { target: this.contentEl, props });
  }

  /** Closes unless the component has what the coach typed; then it asks, and the modal stays open. */
  override close(): void {
    if (this.closeRequest && !this.closeRequest()) return;
    this.closeNow();
  }

  /** Closes without asking (a test's tidy-up, or a discard the coach confirmed). */
  closeNow(): void {
    this.closeRequest = null;
    super.close();
  }

  override onClose(): void {
    this.closeRequest = null;
    const instance = this.instance;
    this.instance = null;
    if (instance) void unmount(instance);
    this.contentEl.empty();
    this.onClosed?.();
  }
}

/**
 * Registers `claim.keys` on the modal's scope so they reach the component. Obsidian's keymap gives
 * every key to the top scope (the open modal's) before the page sees it, and a scope answers with
 * its first matching handler: the Modal's own Escape (which closes it) is registered when the
 * modal is built, so a later Escape handler would never run. As plugins do, the modal's own
 * handlers for these keys are taken out of the scope's (internal, but long-standing) `keys` list
 * first; should a scope not expose it, the modal gets a fresh scope of its own instead.
 */
function claimKeys(modal: Modal, app: App, claim: ModalKeys): void {
  const internal = (modal.scope as unknown as { keys?: unknown }).keys;
  if (Array.isArray(internal)) {
    const theirs = (internal as KeymapEventHandler[]).filter(
      (h) => h.key !== null && claim.keys.includes(h.key) && (h.modifiers === null || h.modifiers === ''),
    );
    for (const h of theirs) modal.scope.unregister(h);
  } else {
    modal.scope = new Scope(app.scope);
  }
  for (const key of claim.keys) {
    modal.scope.register([], key, (evt) => (claim.press(key, evt) ? false : undefined));
  }
}
