/**
 * The capture form in an Obsidian modal. With unsaved edits the modal does not close at once:
 * Esc (the modal's own scope closes it), the close button and a click outside all go through
 * `close()`, which asks the form first; the form asks "Discard these changes?" and the modal
 * stays open. A capture, or a confirmed discard, closes it without asking.
 */
import { Notice, Platform, type App } from 'obsidian';
import { openClientLoopModal } from './client-loop-modals';
import { writable } from 'svelte/store';
import { buildCaptureModel } from '../../app/models';
import { captureActions } from '../../app/view-actions';
import { basename } from '../../core/parse/records';
import CaptureForm from '../../ui/capture/CaptureForm.svelte';
import type { Host } from '../host';
import { SvelteModal } from './svelte-modal';

export class CaptureModal extends SvelteModal {
  /** The form's close request (see CaptureForm's `bindCloseRequest`), once it is mounted. */
  private closeRequest: (() => boolean) | null = null;

  constructor(app: App, title: string, props: (closeNow: () => void) => Record<string, unknown>) {
    const self: { modal?: CaptureModal } = {};
    super(app, title, CaptureForm, () => ({
      ...props(() => self.modal?.closeNow()),
      bindCloseRequest: (request: () => boolean) => {
        if (self.modal) self.modal.closeRequest = request;
      },
    }));
    self.modal = this;
  }

  /** Closes unless the form has unsaved edits; then the form asks, and the modal stays open. */
  override close(): void {
    if (this.closeRequest && !this.closeRequest()) return;
    this.closeNow();
  }

  /** Closes without asking: after a capture, or a discard the coach confirmed. */
  closeNow(): void {
    this.closeRequest = null;
    super.close();
  }

  override onClose(): void {
    this.closeRequest = null;
    super.onClose();
  }
}

export async function openCaptureModal(host: Host, path: string): Promise<CaptureModal | null> {
  const title = basename(path);
  // The index may lag the editor by a moment: save the editor and read the note fresh first.
  const text = await host.applier.read(path);
  if (text !== null) host.index.setNote(path, text);
  const model = buildCaptureModel(host.index, path);
  if (!model) {
    new Notice(`Follow Through: ${title} is not a session note (it needs type: session, a client and a date).`);
    return null;
  }
  if (model.items.length === 0) {
    new Notice(`Follow Through: no commitments found in ${title}. Add bullets under a "Commitments" heading first.`);
    return null;
  }
  const modal = new CaptureModal(host.app, `Capture commitments: ${model.client}, ${host.formatDate(model.sessionDate)}`, (closeNow) => ({
    model: writable(model),
    actions: captureActions(host.actions, path, model.items, closeNow, (message) => captureNotice(host, message, model.client)),
    formatDate: host.formatDate,
    asOf: host.today(),
    dateOrder: host.index.settings.layout.dateOrder,
    // Cmd rather than Ctrl for the confirm shortcut's label (macOS, and iOS, which counts as macOS here).
    mac: Platform.isMacOS,
  }));
  modal.open();
  return modal;
}

/**
 * The capture's confirmation: what was captured, with a button for the client's recap (the
 * message the client keeps), so sending it is one step from the session's end.
 */
function captureNotice(host: Host, message: string, client: string): Notice {
  const fragment = createFragment();
  fragment.appendText(`${message}. `);
  const button = fragment.createEl('button', { cls: 'ft-notice-button mod-cta', text: `Recap for ${client}` });
  const notice = new Notice(fragment, 10_000);
  button.addEventListener('click', () => {
    notice.hide();
    void openClientLoopModal(host, 'recap', client);
  });
  return notice;
}
