/** The plugin class: settings, the index, the edit machinery, then views and commands. Kept thin. */
import { Notice, Plugin, getAllTags, type WorkspaceLeaf } from 'obsidian';
import { displayDates } from '../core/display-dates';
import { CommitmentActions } from '../app/actions';
import { EditApplier } from '../app/applier';
import { LiveModels } from '../app/live-models';
import { localToday } from '../core/dates';
import { VaultIndex } from '../core/index/vault-index';
import { coreSettingsFrom, loadSettings, settingRepairs, type FollowThroughSettings } from '../core/plugin-settings';
import type { Diagnostic, IsoDate } from '../core/types';
import type { RosterFilter } from '../ui/contracts';
import { registerCommands } from './commands';
import { registerEditCommands } from './edits/commands';
import { obsidianEditVault } from './edits/facade';
import { VIEW_CLIENT, VIEW_PRACTICE, VIEW_ROSTER, type Host } from './host';
import { PracticeLeafView } from './views/practice-view';
import { ObsidianNavigator } from './navigator';
import { FollowThroughSettingTab } from './settings-tab';
import { addOverdueStatus } from './status-bar';
import { keepCalendarFile } from './calendar';
import { AgreementIndex } from '../core/agreements/store';
import { VaultIndexer } from './vault-indexer';
import { ClientLeafView } from './views/client-view';
import { RosterView } from './views/roster-view';
import { offerSetup, registerSetup } from './setup';
import { SetupModal } from './views/setup-modal';
import { openDiagnostic } from './first-run';
import { setYamlParser } from '../core/parse/yaml';
import { obsidianYaml } from './yaml';

export default class FollowThroughPlugin extends Plugin implements Host {
  override settings!: FollowThroughSettings;
  index!: VaultIndex;
  indexer!: VaultIndexer;
  applier!: EditApplier<never>;
  actions!: CommitmentActions;
  models!: LiveModels;
  nav!: ObsidianNavigator;
  rosterFilter: RosterFilter | null = null;
  /** The roster's Today strip starts collapsed: the roster is what the sidebar is for. */
  todayOpen = false;
  practiceCoach: string | null = null;
  agreements = new AgreementIndex();

  today(): IsoDate {
    return localToday();
  }

  /** Dates in the settings' display format, with the year for a date outside this year. */
  readonly formatDate = (date: IsoDate): string => {
    // Built once per date format (the views ask for every date they show), again only when the setting changes.
    const fmt = this.settings.dateFormat;
    if (this.dateFormatter === null || this.dateFormatter.fmt !== fmt) this.dateFormatter = { fmt, format: displayDates(fmt, () => this.today()) };
    return this.dateFormatter.format(date);
  };
  private dateFormatter: { fmt: string; format: (date: IsoDate) => string } | null = null;

  override async onload(): Promise<void> {
    setYamlParser(obsidianYaml);
    this.settings = this.readSettings(await this.loadData());
    this.index = new VaultIndex(coreSettingsFrom(this.settings));
    this.indexer = new VaultIndexer(this.app, this.index, this.agreements, { getAllTags });
    this.indexer.register(this);

    this.applier = new EditApplier(obsidianEditVault(this.app)) as EditApplier<never>;
    this.actions = new CommitmentActions(this.index, this.applier, {
      today: () => this.today(),
      dateStyle: () => this.settings.dateStyle,
      sessionNotes: () => ({
        folder: this.settings.sessionsFolder,
        template: this.sessionTemplate,
        filenamePattern: this.settings.sessionFileName,
      }),
    });
    this.models = new LiveModels(this.index, { today: () => this.today(), settings: () => this.settings, agreements: this.agreements });
    this.nav = new ObsidianNavigator(() => this);

    this.registerView(VIEW_ROSTER, (leaf: WorkspaceLeaf) => new RosterView(leaf, this));
    this.registerView(VIEW_CLIENT, (leaf: WorkspaceLeaf) => new ClientLeafView(leaf, this));
    this.registerView(VIEW_PRACTICE, (leaf: WorkspaceLeaf) => new PracticeLeafView(leaf, this));
    registerCommands(this, this, () => this.indexer.indexAll());
    registerEditCommands(this, this.applier);
    registerSetup(this, this);
    this.addSettingTab(new FollowThroughSettingTab(this.app, this, this));

    let loaded = true;
    this.register(() => (loaded = false));
    this.app.workspace.onLayoutReady(async () => {
      await this.loadSessionTemplate();
      await this.indexer.indexAll();
      // Disabled while the vault was being read: add nothing that nobody would take back.
      if (!loaded) return;
      addOverdueStatus(this, this);
      keepCalendarFile(this, this);
      offerSetup(this);
    });
  }

  /** The template note's text, read when settings load or change ('' = the built-in template). */
  private sessionTemplate = '';

  sessionTemplateText(): string {
    return this.sessionTemplate;
  }

  private async loadSessionTemplate(): Promise<void> {
    const path = this.settings.sessionTemplatePath;
    const file = path ? this.app.vault.getFileByPath(path) : null;
    try {
      this.sessionTemplate = file ? await this.app.vault.cachedRead(file) : '';
    } catch (e) {
      // A template that cannot be read is no reason not to start: use the built-in one.
      console.warn(`Follow Through: could not read the session template ${path}`, e);
      this.sessionTemplate = '';
    }
  }

  /** The settings tab's "Set up from my notes" and its list of notes not read. */
  setUp(): void {
    new SetupModal(this.app, this).open();
  }

  notRead(): Diagnostic[] {
    return this.index.diagnostics();
  }

  openDiagnostic(d: Diagnostic): void {
    openDiagnostic(this, d);
  }

  async updateSettings(change: Partial<FollowThroughSettings>): Promise<void> {
    await this.applySettings({ ...this.settings, ...change });
    await this.saveData(this.settings);
  }

  /** data.json changed outside (sync): take the new settings as they are. */
  override async onExternalSettingsChange(): Promise<void> {
    await this.applySettings(this.readSettings(await this.loadData()));
  }

  /** Saved settings as the plugin takes them; a number hand-edited out of its range is named once, in a notice. */
  private readSettings(saved: unknown): FollowThroughSettings {
    const repairs = settingRepairs(saved);
    if (repairs.length > 0) new Notice(`Follow Through settings: ${repairs.join('; ')}. Set them again in the settings tab.`, 0);
    return loadSettings(saved);
  }

  private async applySettings(next: FollowThroughSettings): Promise<void> {
    const before = this.settings;
    this.settings = next;
    if (next.sessionTemplatePath !== before.sessionTemplatePath) await this.loadSessionTemplate();
    if (JSON.stringify(coreSettingsFrom(next)) !== JSON.stringify(coreSettingsFrom(before))) {
      // Re-read in place: the index keeps its notes until the new reading is swapped in.
      await this.indexer.reindex(coreSettingsFrom(next));
    } else {
      // Thresholds, nudges, statuses shown: the notes read the same, but the views change.
      this.index.refresh();
    }
  }
}
