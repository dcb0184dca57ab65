/**
 * The capture form in an Obsidian modal. With unsaved edits the modal does not close at once:
 * Esc (the modal's own scope closes it), the close button and a click outside all go through
 * `close()`, which asks the form first (`SvelteModal`'s close request); the form asks "Discard
 * these changes?" and the modal stays open. After a capture, or a confirmed discard, the form
 * lets it close.
 */
import { Notice, Platform } from 'obsidian';
import { openClientLoopModal } from './client-loop-modals';
import { writable } from 'svelte/store';
import { buildCaptureModel } from '../../app/models';
import { captureActions } from '../../app/view-actions';
import { basename } from '../../core/parse/records';
import CaptureForm from '../../ui/capture/CaptureForm.svelte';
import type { Host } from '../host';
import { SvelteModal } from './svelte-modal';

export async function openCaptureModal(host: Host, path: string): Promise<SvelteModal | null> {
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
  const modal = new SvelteModal(host.app, `Capture commitments: ${model.client}, ${host.formatDate(model.sessionDate)}`, CaptureForm, (_close, closeNow) => ({
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
