/** "Show today's nudges": the Today panel in a modal, for when the roster is not open. */
import { todayActions } from '../../app/today';
import TodayPanel from '../../ui/today/TodayPanel.svelte';
import type { Host } from '../host';
import { SvelteModal } from './svelte-modal';

export function openTodayModal(host: Host): SvelteModal {
  const modal = new SvelteModal(host.app, "Today's nudges", TodayPanel, () => ({
    model: host.models.today(),
    actions: todayActions(host.actions, host.nav, navigator.clipboard, host.index),
    formatDate: host.formatDate,
    title: '',
  }));
  modal.open();
  return modal;
}
