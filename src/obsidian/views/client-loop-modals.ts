/**
 * The client-loop modals: "Recap for client", "Log a client's reply", "Progress so far" and
 * "Calendar file for the client", each a Svelte component in a modal over the app's models and
 * actions (src/app/client-loop.ts). Check-ins go through the host's guarded applier.
 */
import { Notice, TFile, type App } from 'obsidian';
import {
  buildClientCalendarModel,
  buildProgressModel,
  buildRecapModel,
  buildReplyModel,
  clientCalendarActions,
  progressActions,
  recapActions,
  replyActions,
  type CalendarFiles,
  type ClientLoopContext,
} from '../../app/client-loop';
import CalendarPanel from '../../ui/client-loop/CalendarPanel.svelte';
import MessagePanel from '../../ui/client-loop/MessagePanel.svelte';
import ReplyPanel from '../../ui/client-loop/ReplyPanel.svelte';
import type { Host } from '../host';
import { ClientPicker } from './client-picker';
import { SvelteModal } from './svelte-modal';

export type { ClientLoopKind } from '../../ui/client-loop/contracts';
import type { ClientLoopKind } from '../../ui/client-loop/contracts';

function context(host: Host): ClientLoopContext {
  return {
    index: host.index,
    applier: host.applier,
    today: () => host.today(),
    nudges: host.settings.nudges,
    calendar: host.settings.calendar,
    agreements: () => host.agreements.list(),
    clipboard: navigator.clipboard,
  };
}

/** The vault as the calendar panel reads and writes its .ics file (not a note: no applier). */
function vaultFiles(app: App): CalendarFiles {
  return {
    async read(path) {
      const f = app.vault.getAbstractFileByPath(path);
      return f instanceof TFile ? app.vault.read(f) : null;
    },
    async write(path, text) {
      const f = app.vault.getAbstractFileByPath(path);
      if (f instanceof TFile) {
        if ((await app.vault.read(f)) !== text) await app.vault.modify(f, text);
        return;
      }
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      if (folder && !app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
      await app.vault.create(path, text);
    },
  };
}

const missing = (name: string) => new Notice(`Follow Through: ${name} is not a client in the vault.`);

export async function openClientLoopModal(host: Host, kind: ClientLoopKind, client: string): Promise<SvelteModal | null> {
  const ctx = context(host);
  const formatDate = host.formatDate;
  let modal: SvelteModal;
  if (kind === 'recap' || kind === 'progress') {
    const model = kind === 'recap' ? buildRecapModel(ctx, client) : buildProgressModel(ctx, client);
    if (!model) return (missing(client), null);
    const actions = kind === 'recap' ? recapActions(ctx, model.client, model.asOf) : progressActions(ctx);
    modal = new SvelteModal(host.app, kind === 'recap' ? `Recap for ${model.client}` : `Progress so far: ${model.client}`, MessagePanel, () => ({ model, actions, formatDate }));
  } else if (kind === 'reply') {
    const model = buildReplyModel(ctx, client);
    if (!model) return (missing(client), null);
    modal = new SvelteModal(host.app, `Log ${model.client}'s reply`, ReplyPanel, (close) => ({ model, actions: replyActions(ctx, model.client), formatDate, close }));
  } else {
    const files = vaultFiles(host.app);
    const model = await buildClientCalendarModel(ctx, files, client);
    if (!model) return (missing(client), null);
    modal = new SvelteModal(host.app, `Calendar file for ${model.client}`, CalendarPanel, () => ({ model, actions: clientCalendarActions(ctx, files, model), formatDate }));
  }
  modal.open();
  return modal;
}

/** Picks a client, then opens the modal. */
export function pickClientFor(host: Host, kind: ClientLoopKind): void {
  new ClientPicker(host.app, host.index.clients(), (c) => void openClientLoopModal(host, kind, c.name)).open();
}
