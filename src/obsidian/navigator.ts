/** Opening notes, views and modals in the workspace: the Obsidian side of the views' Navigator. */
import { Notice, TFile, type WorkspaceLeaf } from 'obsidian';
import type { Evidence } from '../core/analytics/signals';
import type { Host, HostNavigator } from './host';
import { VIEW_CLIENT, VIEW_PRACTICE, VIEW_ROSTER } from './view-types';
import { openCaptureModal } from './views/capture-modal';
import { openClientLoopModal, type ClientLoopKind } from './views/client-loop-modals';
import { openReviewModal } from './views/modals';
import { SvelteItemView } from './views/svelte-view';

export class ObsidianNavigator implements HostNavigator {
  constructor(private readonly host: () => Host) {}

  private get app() {
    return this.host().app;
  }

  /** Opens (or reveals) the roster in the right sidebar; `remount` re-applies a changed filter. */
  async openRoster(remount = false): Promise<void> {
    const { workspace } = this.app;
    let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_ROSTER)[0] ?? null;
    if (leaf && remount && leaf.view instanceof SvelteItemView) {
      await leaf.view.remount();
    } else if (!leaf) {
      leaf = workspace.getRightLeaf(false);
      if (!leaf) return;
      await leaf.setViewState({ type: VIEW_ROSTER, active: true });
    }
    await workspace.revealLeaf(leaf);
  }

  openClient(name: string): void {
    void this.openClientView(name);
  }

  /** Opens a client's view in the main area, reusing an open client view. */
  async openClientView(name: string): Promise<void> {
    const { workspace } = this.app;
    const leaf = workspace.getLeavesOfType(VIEW_CLIENT)[0] ?? workspace.getLeaf('tab');
    await leaf.setViewState({ type: VIEW_CLIENT, active: true, state: { client: name } });
    await workspace.revealLeaf(leaf);
  }

  openEvidence(e: Evidence): void {
    void this.openNoteAt(e.path, e.line);
  }

  /** Opens a note with the cursor on a 1-based line. */
  async openNoteAt(path: string, line: number): Promise<void> {
    const file = this.app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile)) {
      new Notice(`Follow Through: ${path} no longer exists.`);
      return;
    }
    const leaf = this.app.workspace.getLeaf(false);
    await leaf.openFile(file, { eState: { line: Math.max(0, line - 1) } });
  }

  /** Opens the practice view in the main area, reusing an open one. */
  async openPractice(): Promise<void> {
    const { workspace } = this.app;
    const leaf = workspace.getLeavesOfType(VIEW_PRACTICE)[0] ?? workspace.getLeaf('tab');
    await leaf.setViewState({ type: VIEW_PRACTICE, active: true });
    await workspace.revealLeaf(leaf);
  }

  openClientLoop(client: string, kind: ClientLoopKind): void {
    void openClientLoopModal(this.host(), kind, client);
  }

  openReview(client: string | null): void {
    openReviewModal(this.host(), client);
  }

  openCapture(path: string): void {
    void openCaptureModal(this.host(), path);
  }
}
