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
import { prepareNudges, type NudgeCache } from '../core/nudges/today';
import type { PracticeCache } from '../core/practice/client-point';
import type { ClientModel, RosterModel } from '../ui/contracts';
import type { AgreementModel } from '../ui/agreements/contracts';
import type { TodayModel } from '../ui/today/contracts';
import { buildAgreementModel } from './agreements';
import { buildClientModel, buildRosterModel, type ModelSettings } from './models';
import { prepareRoster, type RosterCache } from '../core/analytics/roster';
import type { Prepared, Preparation } from '../core/index/prepare';
import { buildTodayModel } from './today';
import { buildPracticeModel } from './practice';
import { preparePractice } from '../core/practice/prepare';
import { inSlices } from './ui-turn';
import type { PracticeModel, PracticeOptions } from './practice';

export interface LiveModelOptions {
  today: () => IsoDate;
  settings: () => ModelSettings & { refreshDebounceMs: number; nudges: NudgeSettings };
  /** The vault's agreements, kept current beside the index. */
  agreements?: AgreementIndex;
  /** How often to check whether the date has changed (ms). */
  dayCheckMs?: number;
  /**
   * The timers the stores use; `window` (Obsidian's main window, which outlives popouts) unless
   * given. With window's, the work ahead yields between slices by a background task of its scheduler (./ui-turn);
   * with timers given (the tests' fake ones), by a zero timer of theirs.
   */
  timers?: Timers;
  /** The clock slices are measured with (ms); `performance.now` unless given. */
  now?: () => number;
}

/** Timer functions, as `window` has them (ids are whatever the host's timers return). */
export interface Timers {
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  setInterval(handler: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

/** Work a store does ahead of building, a slice at a time, and what it shows meanwhile. */
interface Ahead<T> {
  prepare(asOf: IsoDate): Preparation;
  /** The value to show while the work goes on (from the last value, if any); without it the last value stays. */
  during?(last: T | undefined, asOf: IsoDate, p: Prepared): T;
  /**
   * What to show as soon as the index changes, before the debounce (undefined: the last value
   * stays): for a roster with no rows yet, "working out" rather than the first-run screen.
   */
  waiting?(last: T | undefined): T | undefined;
}

/** How often a store that is working ahead shows how far it has got (ms). */
const PROGRESS_MS = 100;

export class LiveModels {
  constructor(
    private readonly index: VaultIndex,
    private readonly options: LiveModelOptions,
  ) {}

  /**
   * A store of `build(asOf)`, built when its first subscriber comes (so a store made long before
   * a view opens is neither stale nor built twice), rebuilt a moment after index changes and at
   * the turn of the day. With `ahead`, the per-client work the build needs is done first in
   * slices of SLICE_MS (./ui-turn) with the UI getting a turn between them, so a build over a large vault
   * (every client's figures after start-up) never holds the UI for the whole of it.
   */
  private live<T>(build: (asOf: IsoDate) => T, ahead?: Ahead<T>): Readable<T> {
    return readable<T>(undefined, (set) => {
      const timers = this.options.timers ?? window;
      const now = this.options.now ?? (() => performance.now());
      let timer: unknown = null;
      /** Cancels the next slice of work ahead, while one is waiting for its turn. */
      let nextSlice: (() => void) | null = null;
      let day = this.options.today();
      let last: T | undefined;
      let first = true;
      const show = (value: T) => {
        last = value;
        set(value);
      };
      const cancel = () => {
        if (timer !== null) timers.clearTimeout(timer);
        timer = null;
        nextSlice?.();
        nextSlice = null;
      };
      const refresh = () => {
        cancel();
        day = this.options.today();
        if (!ahead) {
          show(build(day));
          return;
        }
        const asOf = day;
        const work = ahead.prepare(asOf);
        let shown = now();
        // Window's scheduler when the timers are window's; timers given have none: their zero timer.
        nextSlice = inSlices(work, timers, now, (p) => {
          if (p.finished) {
            first = false;
            show(build(asOf));
            return false;
          }
          // The first value a subscriber gets comes at once, even when it is only "working out".
          if (ahead.during && (first || now() - shown > PROGRESS_MS)) {
            first = false;
            shown = now();
            show(ahead.during(last, asOf, p));
          } else if (first) {
            first = false;
            show(build(asOf));
            return false;
          }
          return true;
        });
      };
      refresh();
      const off = this.index.onChange(() => {
        cancel();
        const meanwhile = ahead?.waiting?.(last);
        if (meanwhile !== undefined) show(meanwhile);
        timer = timers.setTimeout(refresh, this.options.settings().refreshDebounceMs);
      });
      const dayCheck = timers.setInterval(() => {
        if (this.options.today() !== day) refresh();
      }, this.options.dayCheckMs ?? 60_000);
      return () => {
        off();
        timers.clearInterval(dayCheck);
        cancel();
      };
    });
  }

  /** For the models over every client: every client's figures worked out first, in slices. */
  private readonly allClients = { prepare: () => this.index.prepareClients() };

  /** Rows survive between refreshes: after a one-note change only that client's row is redone. */
  private readonly rosterRows: RosterCache = new Map();

  roster(): Readable<RosterModel> {
    return this.live((asOf) => buildRosterModel(this.index, asOf, this.options.settings(), this.rosterRows), {
      prepare: (asOf) => prepareRoster(this.index, { asOf, thresholds: this.options.settings().thresholds, cache: this.rosterRows }),
      during: (last, asOf, p) => ({ ...(last ?? { asOf, rows: [], coaches: [], overdueTotal: 0, notRead: [] }), preparing: { done: p.done, total: p.total } }),
      // Notes arrived in an empty roster (the start-up read): not the first-run screen while they are worked out.
      waiting: (last) => (last && last.rows.length === 0 && !last.preparing ? { ...last, preparing: { done: 0, total: 0 } } : undefined),
    });
  }

  /** A client's model, or null while the client is not (or no longer) in the vault. */
  client(name: string): Readable<ClientModel | null> {
    return this.live((asOf) => {
      const client = this.index.client(name);
      return client ? buildClientModel(this.index, client, asOf, this.options.settings()) : null;
    });
  }

  /** Each client's nudges survive between refreshes, as the roster's rows do. */
  private readonly todayNudges: NudgeCache = new Map();

  /** Today's nudges (due today and late), for the roster's Today panel and its command. */
  today(): Readable<TodayModel> {
    return this.live((asOf) => buildTodayModel(this.index, asOf, this.options.settings().nudges, { cache: this.todayNudges }), {
      // Every client's nudges worked out ahead, in slices: the panel shows at start-up.
      prepare: (asOf) => prepareNudges(this.index, asOf, this.options.settings().nudges, { cache: this.todayNudges }),
      // Meanwhile the last lists (none yet on opening), and how far the work has got.
      // (With nudges off there are none to work out: the panel says so at once.)
      during: (last, asOf, p) => {
        const enabled = this.options.settings().nudges.enabled;
        return { ...(last ?? { asOf, items: [], messages: [], flags: [], quiet: [], enabled }), preparing: enabled ? { done: p.done, total: p.total } : null };
      },
    });
  }

  /** A client's agreements, partner commitments and agreement signals. */
  agreements(name: string): Readable<AgreementModel> {
    return this.live((asOf) => buildAgreementModel(this.index, this.options.agreements ?? [], name, asOf));
  }

  /** The practice's figures per coach, with their 8-week trends. */
  practice(options: () => PracticeOptions = () => ({})): Readable<PracticeModel> {
    // Each client's data and points survive between refreshes (one cache per view).
    const cache: PracticeCache = new Map();
    return this.live<PracticeModel>((asOf) => buildPracticeModel(this.index, asOf, options(), cache), {
      // Every client's data and points worked out ahead, in slices, so opening the view holds no frame long.
      prepare: (asOf) => preparePractice(this.index, asOf, options(), cache),
      // Meanwhile the last figures (none yet on opening), and how far the work has got.
      during: (last, asOf, p) => ({ asOf: last?.asOf ?? asOf, figures: last?.figures ?? null, preparing: { done: p.done, total: p.total } }),
    });
  }

  /** The vault's overdue count, for the status bar. */
  overdueCount(): Readable<number> {
    return this.live((asOf) => this.index.overdueCount(asOf), this.allClients);
  }
}
