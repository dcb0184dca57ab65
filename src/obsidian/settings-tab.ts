/** The settings tab: note conventions, dates, the roster's thresholds and what it shows. */
import { PluginSettingTab, Setting, debounce, normalizePath, type App, type Debouncer, type Plugin } from 'obsidian';
import { DEFAULT_SETTINGS, SETTING_RANGES, type FollowThroughSettings } from '../core/plugin-settings';
import { THRESHOLD_RANGES, type RiskThresholds } from '../core/analytics/thresholds';
import { describeRange, fitsRange, type NumberRange } from '../core/number-range';
import type { ClientStatus, Diagnostic } from '../core/types';
import { layoutSettings } from './layout-settings';
import { NUDGE_KINDS, THIN_AFTER_RANGE, type NudgeKind } from '../core/nudges/settings';
import { templateProblems } from '../core/nudges/template';
import { checkTasksStatuses } from '../app/tasks-statuses';

const NUDGE_LABELS: Record<NudgeKind, string> = {
  confirm: 'confirm (day 0)',
  midpoint: 'midpoint',
  'before-due': 'the day before',
  overdue: 'overdue (to you)',
};

export interface SettingsOwner {
  settings: FollowThroughSettings;
  /** "Set up from my notes". */
  setUp?(): void;
  /** The notes not read (the index's diagnostics). */
  notRead?(): Diagnostic[];
  openDiagnostic?(d: Diagnostic): void;
  /** Saves, and re-indexes when a change affects how notes are read. */
  updateSettings(change: Partial<FollowThroughSettings>): Promise<void>;
}

const THRESHOLD_LABELS: [keyof RiskThresholds, string, string][] = [
  ['stalledCadences', 'Stalled after (cadences)', 'A client is stalled when the days since the last session exceed this many cadences.'],
  ['carriedSessions', 'Carried over after (sessions)', 'A commitment written in this many sessions running is flagged.'],
  ['decliningRate', 'Declining under (0-1)', 'Recent completion under this rate, while all-time is higher, is flagged.'],
  ['recentSessions', 'Recent sessions', 'How many held sessions count as recent.'],
  ['lowConfidence', 'Low confidence under', 'An open commitment under this confidence with no coping plan is flagged.'],
  ['missedSessions', 'Missed sessions', 'Cancelled or no-show sessions (of the last four) that raise a flag.'],
  ['followUpDays', 'Follow-up window (days)', 'Days after a due date within which a check-in counts as a follow-up.'],
  ['similarity', 'Same-commitment similarity (0-1)', 'How alike two texts must be to count as one commitment carried over.'],
  ['minCount', 'Minimum count for patterns', 'Patterns are named only when at least this many commitments stand behind them.'],
];

/** How long typing must pause before a text field's value is saved (and, for reading settings, the vault re-read). */
export const TYPING_PAUSE_MS = 400;

/** The Tasks plugin's saved status settings when Tasks is enabled (app.plugins is not public API). */
function tasksStatusSettings(app: App): { enabled: false } | { enabled: true; statusSettings: unknown } {
  const plugins = (app as unknown as { plugins?: { plugins?: Record<string, unknown> } }).plugins?.plugins;
  const tasks = plugins?.['obsidian-tasks-plugin'] as { settings?: { statusSettings?: unknown } } | undefined;
  return tasks ? { enabled: true, statusSettings: tasks.settings?.statusSettings } : { enabled: false };
}

/** A vault path typed in a setting, as Obsidian writes paths (normalizePath); empty stays empty. */
export function userPath(text: string): string {
  const t = text.trim();
  return t === '' ? '' : normalizePath(t);
}

function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export class FollowThroughSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly owner: SettingsOwner,
  ) {
    super(app, plugin);
  }

  /** Text fields' pending saves, run at once when the tab closes. */
  private pending: Debouncer<[string], unknown>[] = [];

  /** `save` once typing has paused, with the field's last value: not once per keystroke. */
  private afterTyping(save: (value: string) => unknown): ((value: string) => void) & { cancel(): void } {
    const d = debounce((value: string) => save(value), TYPING_PAUSE_MS, true);
    this.pending.push(d);
    return Object.assign((value: string) => void d(value), { cancel: () => void d.cancel() });
  }

  override hide(): void {
    const pending = this.pending;
    this.pending = [];
    for (const d of pending) d.run();
    super.hide();
  }

  /** A number field that saves only a value in `range`; anything else is marked and its range given in the tooltip. */
  private number(el: HTMLElement, name: string, desc: string, get: () => number, set: (n: number) => Promise<void>, r: NumberRange): void {
    new Setting(el)
      .setName(name)
      .setDesc(desc)
      .addText((t) => {
        t.inputEl.type = 'number';
        t.inputEl.min = String(r.min);
        t.inputEl.max = String(r.max);
        t.inputEl.step = r.whole ? '1' : 'any';
        const save = this.afterTyping((v) => set(Number(v)));
        t.setValue(String(get())).onChange((v) => {
          const n = Number(v);
          const ok = v.trim() !== '' && fitsRange(n, r);
          t.inputEl.toggleClass('ft-invalid', !ok);
          t.inputEl.title = ok ? '' : `Not saved: give ${describeRange(r)}.`;
          // A value typed on the way ("1" before "14") is not saved once the field holds one that is refused.
          if (ok) save(v);
          else save.cancel();
        });
      });
  }

  private text(el: HTMLElement, name: string, desc: string, get: () => string, set: (v: string) => Promise<void>, placeholder = ''): void {
    new Setting(el)
      .setName(name)
      .setDesc(desc)
      .addText((t) => t.setPlaceholder(placeholder).setValue(get()).onChange(this.afterTyping(set)));
  }

  override display(): void {
    this.render();
  }

  /** Draws the tab (display() on every Obsidian version this plugin supports; the restore button redraws). */
  private render(): void {
    const el = this.containerEl;
    for (const d of this.pending.splice(0)) d.run();
    el.empty();
    const s = () => this.owner.settings;
    const update = (change: Partial<FollowThroughSettings>) => this.owner.updateSettings(change);

    new Setting(el).setName('Notes').setHeading();
    new Setting(el)
      .setName('Extra commitment headings')
      .setDesc('One per line, besides the built-in ones (commitments, action items, homework, between sessions).')
      .addTextArea((t) => t.setValue(s().extraHeadings.join('\n')).onChange(this.afterTyping((v) => update({ extraHeadings: lines(v) }))));
    new Setting(el)
      .setName('Frontmatter key aliases')
      .setDesc('Other names for the spec\'s keys, one key per line: "client: coachee, person".')
      .addTextArea((t) =>
        t
          .setValue(Object.entries(s().keyAliases).map(([k, v]) => `${k}: ${v.join(', ')}`).join('\n'))
          .onChange(
            this.afterTyping((v) => {
              const aliases: Record<string, string[]> = {};
              for (const line of v.split('\n')) {
                const m = /^\s*([\w-]+)\s*:\s*(.+)$/.exec(line);
                if (m) aliases[m[1]] = lines(m[2]);
              }
              return update({ keyAliases: aliases });
            }),
          ),
      );
    this.text(el, 'Sessions folder', 'Where new session notes are created (when a commitment is carried to a session not yet written).', () => s().sessionsFolder, (v) => update({ sessionsFolder: userPath(v) }), 'Sessions');
    new Setting(el)
      .setName('Every note in the sessions folder is a session')
      .setDesc('Read notes there as session notes even without type: session.')
      .addToggle((t) => t.setValue(s().sessionsFolderIsSessions).onChange((v) => update({ sessionsFolderIsSessions: v })));
    this.text(el, 'Session note name', 'File name for new session notes; {{date}} and {{client}} are filled in.', () => s().sessionFileName, (v) => update({ sessionFileName: v.trim() || DEFAULT_SETTINGS.sessionFileName }), DEFAULT_SETTINGS.sessionFileName);
    this.text(el, 'Session note template', 'Path of a note to use as the template for new session notes (empty: the built-in one).', () => s().sessionTemplatePath, (v) => update({ sessionTemplatePath: userPath(v) }), 'Templates/Session.md');

    layoutSettings(el, {
      layout: () => s().layout,
      setLayout: (change) => update({ layout: { ...s().layout, ...change } }),
      afterTyping: (save) => this.afterTyping(save),
      setUp: () => this.owner.setUp?.(),
      notRead: () => this.owner.notRead?.() ?? [],
      openDiagnostic: (d) => this.owner.openDiagnostic?.(d),
    });

    new Setting(el).setName('Dates').setHeading();
    this.number(el, 'Due lead (days)', 'A commitment with no due date falls due this many days before the next session.', () => s().dueLeadDays, (n) => update({ dueLeadDays: n }), SETTING_RANGES.dueLeadDays);
    this.number(el, 'Default cadence (days)', 'Days between sessions when a client note gives none.', () => s().defaultCadence, (n) => update({ defaultCadence: n }), SETTING_RANGES.defaultCadence);
    this.text(el, 'Date display format', 'How dates show in views (date-fns format, e.g. EEE d MMM or yyyy-MM-dd). Notes always use YYYY-MM-DD.', () => s().dateFormat, (v) => update({ dateFormat: v.trim() || DEFAULT_SETTINGS.dateFormat }), DEFAULT_SETTINGS.dateFormat);

    new Setting(el).setName('Roster').setHeading();
    const statuses: ClientStatus[] = ['active', 'paused', 'ended'];
    for (const status of statuses) {
      new Setting(el)
        .setName(`Show ${status} clients`)
        .addToggle((t) =>
          t.setValue(s().rosterStatuses.includes(status)).onChange((on) => {
            const next = new Set(s().rosterStatuses);
            if (on) next.add(status);
            else next.delete(status);
            return update({ rosterStatuses: statuses.filter((x) => next.has(x)) });
          }),
        );
    }
    for (const [key, name, desc] of THRESHOLD_LABELS) {
      this.number(el, name, desc, () => s().thresholds[key], (n) => update({ thresholds: { ...s().thresholds, [key]: n } }), THRESHOLD_RANGES[key]);
    }
    new Setting(el).addButton((b) =>
      b.setButtonText('Restore default thresholds').onClick(async () => {
        await update({ thresholds: { ...DEFAULT_SETTINGS.thresholds } });
        this.render();
      }),
    );

    new Setting(el).setName('Nudges').setHeading();
    new Setting(el)
      .setName('Suggest nudges')
      .setDesc('Show nudges due today in the roster, by each client\'s accountability level. Nothing is ever sent by the plugin.')
      .addToggle((t) => t.setValue(s().nudges.enabled).onChange((v) => update({ nudges: { ...s().nudges, enabled: v } })));
    this.number(
      el,
      'Fewer reminders for steady clients',
      'Leave out the midpoint reminder for a client whose last this many commitments were done on time (0 keeps every reminder). A client with a stuck or skipped streak keeps it, as a check-in question.',
      () => s().nudges.thinAfterOnTime,
      (n) => update({ nudges: { ...s().nudges, thinAfterOnTime: n } }),
      THIN_AFTER_RANGE,
    );
    for (const kind of NUDGE_KINDS) {
      new Setting(el)
        .setName(`Draft: ${NUDGE_LABELS[kind]}`)
        .setDesc('Placeholders: {{first}}, {{client}}, {{text}}, {{trigger}}, {{due}}.')
        .addTextArea((t) => {
          const save = this.afterTyping((v) => update({ nudges: { ...s().nudges, templates: { ...s().nudges.templates, [kind]: v.trim() || DEFAULT_SETTINGS.nudges.templates[kind] } } }));
          t.setValue(s().nudges.templates[kind]).onChange((v) => {
            const problems = templateProblems(v);
            t.inputEl.title = problems.join('\n');
            t.inputEl.toggleClass('ft-invalid', problems.length > 0);
            save(v);
          });
        });
    }

    new Setting(el).setName('Tasks').setHeading();
    new Setting(el)
      .setName('Write dates for')
      .setDesc('How capture writes dates on a line with no fields yet; a line keeps the style it already has.')
      .addDropdown((d) =>
        d
          .addOption('auto', 'As my notes already do')
          .addOption('tasks', 'Tasks (📅 emoji dates)')
          .addOption('dataview', 'Dataview (inline fields)')
          .setValue(s().dateStyle)
          .onChange((v) => update({ dateStyle: v === 'tasks' || v === 'dataview' ? v : 'auto' })),
      );
    const tasks = tasksStatusSettings(this.app);
    if (!tasks.enabled) {
      new Setting(el).setName('Tasks statuses').setDesc('Tasks is not enabled in this vault; nothing to set up.');
    } else {
      const check = checkTasksStatuses(tasks.statusSettings);
      new Setting(el)
        .setName(check.ok ? 'Tasks statuses match' : 'Tasks statuses to add')
        .setDesc(
          createFragment((f) => {
            for (const line of check.lines) f.createDiv({ text: line });
            if (!check.ok) f.createDiv({ text: 'In Tasks: settings, task statuses, custom statuses, add new task status. The README has the table.' });
          }),
        );
    }

    new Setting(el).setName('Calendar').setHeading();
    new Setting(el)
      .setName('Keep a calendar file in the vault')
      .setDesc('Rewrite the .ics file whenever notes change, so a calendar app can subscribe to it through your sync.')
      .addToggle((t) => t.setValue(s().calendar.writeToVault).onChange((v) => update({ calendar: { ...s().calendar, writeToVault: v } })));
    this.text(el, 'Calendar file', 'Where in the vault the .ics file goes.', () => s().calendar.vaultPath, (v) => update({ calendar: { ...s().calendar, vaultPath: userPath(v) || DEFAULT_SETTINGS.calendar.vaultPath } }), DEFAULT_SETTINGS.calendar.vaultPath);

    new Setting(el).setName('Folders').setHeading();
    this.text(el, 'Agreements folder', 'Where new accountability agreements are created.', () => s().agreementsFolder, (v) => update({ agreementsFolder: userPath(v) }), 'Agreements');
    this.text(el, 'Reviews folder', 'Where weekly and monthly review notes are written.', () => s().reviewsFolder, (v) => update({ reviewsFolder: userPath(v) }), 'Reviews');
  }
}
