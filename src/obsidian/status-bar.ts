/** "N overdue" in the status bar, clickable to the review queue. */
import type { Plugin } from 'obsidian';
import type { Host } from './host';

export function addOverdueStatus(plugin: Plugin, host: Host): HTMLElement {
  const el = plugin.addStatusBarItem();
  el.addClass('ft-status', 'mod-clickable');
  el.setAttribute('aria-label', 'Review missed commitments');
  el.setAttribute('role', 'button');
  el.tabIndex = 0;
  const stop = host.models.overdueCount().subscribe((n) => {
    el.setText(n === 0 ? 'No overdue' : `${n} overdue`);
    el.toggleClass('ft-status-overdue', n > 0);
  });
  plugin.register(stop);
  plugin.registerDomEvent(el, 'click', () => host.nav.openReview(null));
  plugin.registerDomEvent(el, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') host.nav.openReview(null);
  });
  return el;
}
