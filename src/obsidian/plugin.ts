/** The plugin class: wires settings, the index and (in later layers) the views. Kept thin. */
import { Plugin } from 'obsidian';
import { VaultIndex } from '../core/index/vault-index';
import { VaultIndexer } from './vault-indexer';

export default class FollowThroughPlugin extends Plugin {
  index!: VaultIndex;
  indexer!: VaultIndexer;

  override async onload(): Promise<void> {
    this.index = new VaultIndex();
    this.indexer = new VaultIndexer(this.app, this.index);
    this.indexer.register(this);
    this.app.workspace.onLayoutReady(() => {
      void this.indexer.indexAll();
    });
    this.addCommand({
      id: 'rescan-vault',
      name: 'Rescan vault for commitments',
      callback: () => void this.indexer.indexAll(),
    });
  }
}
