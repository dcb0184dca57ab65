/**
 * Live view models: Svelte stores that rebuild from the index a moment after notes change
 * (debounced), and when the date rolls over. A store only listens while something subscribes to
 * it, so an unmounted view leaves no listener or timer behind. No `obsidian` import: the browser
 * tests use these exactly as the plugin does.
 */
import { readable, type Readable } from 'svelte/store';
import type { VaultIndex } from '../core/index/vault-index';
import type { IsoDate } from '../core/types';
import type { AgreementIndex } from '../core/agreements/store';
import type { NudgeSettings } from '../core/nudges/settings';
import type { ClientModel, RosterModel } from '../ui/contracts';
import type { AgreementModel } from '../ui/agreements/contracts';
import type { TodayModel } from '../ui/today/contracts';
import { buildAgreementModel } from './agreements';
import { buildClientModel, buildRosterModel, type ModelSettings } from './models';
import type { RosterCache } from '../core/analytics/roster';
import { buildTodayModel } from './today';
import { buildPracticeModel } from './practice';
import type { PracticeModel, PracticeOptions } from './practice';

export interface LiveModelOptions {
  today: () => IsoDate;
  settings: () => ModelSettings & { refreshDebounceMs: number; nudges: NudgeSettings };
  /** The vault's agreements, kept current beside the index. */
  agreements?: AgreementIndex;
  /** How often to check whether the date has changed (ms). */
  dayCheckMs?: number;
  /** The timers the stores use; `window` (Obsidian's main window, which outlives popouts) unless given. */
  timers?: Timers;
}

/** Timer functions, as `window` has them (ids are whatever the host's timers return). */
export interface Timers {
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  setInterval(handler: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

export class LiveModels {
  constructor(
    private readonly index: VaultIndex,
    private readonly options: LiveModelOptions,
  ) {}

  /**
   * A store of `build(asOf)`, built when its first subscriber comes (so a store made long before
   * a view opens is neither stale nor built twice), rebuilt a moment after index changes and at
   * the turn of the day.
   */
  private live<T>(build: (asOf: IsoDate) => T): Readable<T> {
    return readable<T>(undefined, (set) => {
      const timers = this.options.timers ?? window;
      let timer: unknown = null;
      let day = this.options.today();
      const refresh = () => {
        timer = null;
        day = this.options.today();
        set(build(day));
      };
      refresh();
      const off = this.index.onChange(() => {
        if (timer !== null) timers.clearTimeout(timer);
        timer = timers.setTimeout(refresh, this.options.settings().refreshDebounceMs);
      });
      const dayCheck = timers.setInterval(() => {
        if (this.options.today() !== day) refresh();
      }, this.options.dayCheckMs ?? 60_000);
      return () => {
        off();
        timers.clearInterval(dayCheck);
        if (timer !== null) timers.clearTimeout(timer);
      };
    });
  }

  /** Rows survive between refreshes: after a one-note change only that client's row is redone. */
  private readonly rosterRows: RosterCache = new Map();

  roster(): Readable<RosterModel> {
    return this.live((asOf) => buildRosterModel(this.index, asOf, this.options.settings(), this.rosterRows));
  }

  /** A client's model, or null while the client is not (or no longer) in the vault. */
  client(name: string): Readable<ClientModel | null> {
    return this.live((asOf) => {
      const client = this.index.client(name);
      return client ? buildClientModel(this.index, client, asOf, this.options.settings()) : null;
    });
  }

  /** Today's nudges (due today and late), for the roster's Today panel and its command. */
  today(): Readable<TodayModel> {
    return this.live((asOf) => buildTodayModel(this.index, asOf, this.options.settings().nudges));
  }

  /** A client's agreements, partner commitments and agreement signals. */
  agreements(name: string): Readable<AgreementModel> {
    return this.live((asOf) => buildAgreementModel(this.index, this.options.agreements ?? [], name, asOf));
  }

  /** The practice's figures per coach, with their 8-week trends. */
  practice(options: () => PracticeOptions = () => ({})): Readable<PracticeModel> {
    return this.live((asOf) => buildPracticeModel(this.index, asOf, options()));
  }

  /** The vault's overdue count, for the status bar. */
  overdueCount(): Readable<number> {
    return this.live((asOf) => this.index.overdueCount(asOf));
  }
}
