/** What the adapter's views, modals and commands need from the plugin, in one small interface. */
import type { App } from 'obsidian';
import type { CommitmentActions } from '../app/actions';
import type { Applier } from '../app/applier';
import type { LiveModels } from '../app/live-models';
import type { AgreementIndex } from '../core/agreements/store';
import type { VaultIndex } from '../core/index/vault-index';
import type { FollowThroughSettings } from '../core/plugin-settings';
import type { IsoDate } from '../core/types';
import type { DateFormatter, RosterFilter } from '../ui/contracts';
import type { Navigator } from '../app/view-actions';
import type { VaultIndexer } from './vault-indexer';

export interface Host {
  app: App;
  index: VaultIndex;
  settings: FollowThroughSettings;
  models: LiveModels;
  actions: CommitmentActions;
  applier: Applier;
  nav: HostNavigator;
  today(): IsoDate;
  formatDate: DateFormatter;
  /** The roster's last filter, kept across re-opens for the session. */
  rosterFilter: RosterFilter | null;
  /** The coach the practice view last drilled into. */
  practiceCoach: string | null;
  /** Whether the roster's Today panel is expanded. */
  todayOpen: boolean;
  agreements: AgreementIndex;
  /** Keeps the index in step with the vault; its `progress` is the start-up read's. */
  indexer: VaultIndexer;
  /** The session template's text ('' = the built-in template). */
  sessionTemplateText(): string;
}

/** Opening notes, views and modals in the workspace (navigator.ts implements it). */
export interface HostNavigator extends Navigator {
  /** Opens (or reveals) the roster; `remount` re-applies a changed filter. */
  openRoster(remount?: boolean): Promise<void>;
  openClientView(name: string): Promise<void>;
  /** Opens a note with the cursor on a 1-based line. */
  openNoteAt(path: string, line: number): Promise<void>;
  openPractice(): Promise<void>;
  openCapture(path: string): void;
}

export { ICON, VIEW_CLIENT, VIEW_PRACTICE, VIEW_ROSTER } from './view-types';
