/** "Set up from my notes": the command, and the offer on a first run over notes in another layout. */
import { Notice, type Plugin } from 'obsidian';
import type { VaultIndex } from '../core/index/vault-index';
import { SetupModal, shouldOfferSetup, type SetupHost } from './views/setup-modal';

export const SETUP_COMMAND = 'set-up-from-notes';

export function registerSetup(plugin: Plugin, host: SetupHost): void {
  plugin.addCommand({ id: SETUP_COMMAND, name: 'Set up from my notes', callback: () => new SetupModal(host.app, host).open() });
}

/**
 * After the first full read: a vault with notes but no client is most likely in another layout.
 * Say so once, with the way to read it; the roster's first-run screen offers the same button.
 */
export function offerSetup(host: SetupHost & { index: VaultIndex }): void {
  if (!shouldOfferSetup(host.app, host.index.clients().length)) return;
  const fragment = createFragment((f) => {
    f.appendText('Follow Through found no clients in your notes. ');
    const link = f.createEl('a', { text: 'Set up from my notes', href: '#' });
    link.addEventListener('click', (e) => {
      e.preventDefault();
      new SetupModal(host.app, host).open();
    });
    f.appendText(' reads the layout you already use; no note is changed.');
  });
  new Notice(fragment, 15_000);
}
