/**
 * The app in the browser test page, wired as the plugin wires it but over an in-memory vault: the
 * demo vault's notes, an `EditVault` over them (process = atomic read-modify-write), a VaultIndex
 * that re-reads a note after every write (as Obsidian's metadata-cache `changed` does, a moment
 * later), the real EditApplier, CommitmentActions, LiveModels and view actions, and a navigator
 * that records where it would go. Exposed as `window.ft.app`; each test calls `start()` first.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import { derived, get, writable, type Readable } from 'svelte/store';
import demoVault from 'virtual:demo-vault';
import { CommitmentActions } from '../../src/app/actions';
import { EditApplier, type EditVault } from '../../src/app/applier';
import { LiveModels } from '../../src/app/live-models';
import { buildCaptureModel, buildReviewModel } from '../../src/app/models';
import { captureActions, clientActions, reviewActions, rosterActions, type Navigator } from '../../src/app/view-actions';
import type { Evidence } from '../../src/core/analytics/signals';
import { VaultIndex } from '../../src/core/index/vault-index';
import { parseNote } from '../../src/core/parse/note';
import { loadSettings, type FollowThroughSettings } from '../../src/core/plugin-settings';
import type { ClientModel, RosterFilter } from '../../src/ui/contracts';
import CaptureForm from '../../src/ui/capture/CaptureForm.svelte';
import ClientView from '../../src/ui/client/ClientView.svelte';
import Roster from '../../src/ui/roster/Roster.svelte';
import { reviewModal } from '../../src/obsidian/views/modals';
import { App as FakeApp } from '../fakes/obsidian';

export const TODAY = '2026-12-01';
export const SESSION_NOTES = { folder: 'Sessions', template: '', filenamePattern: '{{date}} {{client}}' };

/** A seeded source of numbers in [0, 1) (mulberry32), for block ids that repeat run to run. */
export function seeded(seed = 42): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A file handle, as Obsidian's TFile is: found by path, stale once the note is deleted. */
interface MemFile {
  path: string;
}

export interface Navigation {
  kind: 'openClient' | 'openEvidence' | 'openReview' | 'close';
  arg: unknown;
}

export interface StartOptions {
  /**
   * How long after a write the index re-reads the note (ms), as the metadata cache does a moment
   * after Obsidian writes; 'sync' re-reads it before the write returns. Default 0 (next task).
   */
  reindexDelayMs?: number | 'sync';
  /** Views' refresh debounce (ms); default 10. */
  refreshDebounceMs?: number;
  seed?: number;
  /** Replace or add notes before indexing. */
  notes?: Record<string, string>;
}

/** An in-memory vault implementing the applier's `EditVault`, with a write log. */
class MemoryVault implements EditVault<MemFile> {
  readonly texts = new Map<string, string>();
  readonly files = new Map<string, MemFile>();
  readonly folders = new Set<string>(['']);
  readonly writes: { op: 'process' | 'create' | 'delete' | 'write'; path: string }[] = [];
  readonly notices: string[] = [];
  readonly flushed: string[] = [];
  private pending = 0;
  private waiters: (() => void)[] = [];

  constructor(
    notes: Record<string, string>,
    private readonly index: VaultIndex,
    private readonly reindexDelay: number | 'sync',
  ) {
    for (const [path, text] of Object.entries(notes)) this.put(path, text);
  }

  private put(path: string, text: string): MemFile {
    this.texts.set(path, text);
    let f = this.files.get(path);
    if (!f) this.files.set(path, (f = { path }));
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) this.folders.add(path.slice(0, i));
    return f;
  }

  /** Tells the index, as the metadata cache's `changed` / `deleted` would. */
  private reindex(path: string): void {
    const run = () => {
      const text = this.texts.get(path);
      if (text === undefined) this.index.removeNote(path);
      else this.index.setNote(path, text);
    };
    if (this.reindexDelay === 'sync') {
      run();
      return;
    }
    this.pending++;
    setTimeout(() => {
      try {
        run();
      } finally {
        this.pending--;
        if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
      }
    }, this.reindexDelay);
  }

  /** Resolves once the index has seen every write so far. */
  settled(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  // ---- EditVault ---------------------------------------------------------------------------------

  getFileByPath(path: string): MemFile | null {
    return this.texts.has(path) ? this.files.get(path)! : null;
  }

  async read(file: MemFile): Promise<string> {
    const t = this.texts.get(file.path);
    if (t === undefined) throw new Error(`${file.path} not found`);
    return t;
  }

  async process(file: MemFile, fn: (data: string) => string): Promise<string> {
    const before = this.texts.get(file.path);
    if (before === undefined) throw new Error(`${file.path} not found`);
    // Atomic: nothing else runs between the read and the write.
    const after = fn(before);
    if (after !== before) {
      this.texts.set(file.path, after);
      this.writes.push({ op: 'process', path: file.path });
      this.reindex(file.path);
    }
    return after;
  }

  async create(path: string, data: string): Promise<MemFile> {
    if (this.texts.has(path)) throw new Error('File already exists.');
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (!this.folders.has(folder)) throw new Error(`Folder ${folder} does not exist.`);
    const f = this.put(path, data);
    this.writes.push({ op: 'create', path });
    this.reindex(path);
    return f;
  }

  async delete(file: MemFile): Promise<void> {
    if (!this.texts.delete(file.path)) throw new Error(`${file.path} not found`);
    this.files.delete(file.path);
    this.writes.push({ op: 'delete', path: file.path });
    this.reindex(file.path);
  }

  async ensureFolder(folder: string): Promise<void> {
    const parts = folder.split('/').filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) this.folders.add(parts.slice(0, i).join('/'));
  }

  async flushEditor(path: string): Promise<void> {
    this.flushed.push(path);
  }

  notice(message: string): void {
    this.notices.push(message);
  }

  // ---- the test's own hands ------------------------------------------------------------------------

  /** A change made outside the plugin (the coach typing, a sync); `reindex: false` hides it from the index. */
  write(path: string, text: string, reindex: boolean): void {
    this.put(path, text);
    this.writes.push({ op: 'write', path });
    if (reindex) this.reindex(path);
  }
}

/** Where the page's app pieces live between `start()` calls. */
interface World {
  vault: MemoryVault;
  index: VaultIndex;
  applier: EditApplier<MemFile>;
  actions: CommitmentActions;
  models: LiveModels;
  settings: FollowThroughSettings;
  nav: Navigator;
  rosterFilter: RosterFilter | null;
  /** Mounted components and what to stop when they go. */
  mounted: Map<number, { handle: Record<string, unknown> | null; host: HTMLElement; stop: () => void }>;
}

let world: World | null = null;
let nextId = 1;
const navigations: Navigation[] = [];

function w(): World {
  if (!world) throw new Error('call ft.app.start() first');
  return world;
}

function recordingNavigator(): Navigator {
  return {
    openClient: (name: string) => void navigations.push({ kind: 'openClient', arg: name }),
    openEvidence: (e: Evidence) => void navigations.push({ kind: 'openEvidence', arg: JSON.parse(JSON.stringify(e)) }),
    openReview: (client: string | null) => void navigations.push({ kind: 'openReview', arg: client }),
  };
}

/** Mounts a component into a fresh part of #root; returns its handle id. */
function mountPart(name: string, component: Component<any>, props: Record<string, unknown>, stop: () => void = () => {}): number {
  const host = document.createElement('div');
  host.className = 'ft-app-part';
  host.dataset.part = name;
  document.getElementById('root')!.appendChild(host);
  const handle = mount(component, { target: host, props }) as Record<string, unknown>;
  flushSync();
  const id = nextId++;
  w().mounted.set(id, { handle, host, stop });
  return id;
}

async function unmountPart(id: number): Promise<void> {
  const m = world?.mounted.get(id);
  if (!m) return;
  world!.mounted.delete(id);
  if (m.handle) await unmount(m.handle);
  m.stop();
  m.host.remove();
}

let fakeApp: FakeApp | null = null;

/** The page's one fake Obsidian app (one per window, as in Obsidian), for the modals. */
function obsidianApp(): FakeApp {
  fakeApp ??= new FakeApp();
  return fakeApp;
}

function closer(view: string): () => void {
  return () => void navigations.push({ kind: 'close', arg: view });
}

export const app = {
  TODAY,
  /** A fresh vault (the demo vault's notes, plus any given), index, applier, actions and models. */
  async start(options: StartOptions = {}): Promise<void> {
    if (world) for (const id of [...world.mounted.keys()]) await unmountPart(id);
    document.getElementById('root')!.replaceChildren();
    navigations.length = 0;
    const notes = { ...(demoVault as Record<string, string>), ...(options.notes ?? {}) };
    const settings: FollowThroughSettings = { ...loadSettings({}), refreshDebounceMs: options.refreshDebounceMs ?? 10 };
    const index = new VaultIndex();
    const vault = new MemoryVault(notes, index, options.reindexDelayMs ?? 0);
    index.setNotes(Object.entries(notes));
    const applier = new EditApplier<MemFile>(vault);
    const actions = new CommitmentActions(index, applier, {
      today: () => TODAY,
      random: seeded(options.seed ?? 7),
      sessionNotes: () => SESSION_NOTES,
    });
    const models = new LiveModels(index, { today: () => TODAY, settings: () => settings });
    world = { vault, index, applier, actions, models, settings, nav: recordingNavigator(), rosterFilter: null, mounted: new Map() };
  },

  /**
   * The review queue in its modal, as `openReviewModal` builds it (the adapter's `reviewModal` over
   * the fake Obsidian, whose keymap hands the page's keys to the modal's scope): a model that
   * follows the index. Close records a navigation and closes the modal.
   */
  mountReview(client: string | null): number {
    const { index, settings, actions, nav } = w();
    const model = writable(buildReviewModel(index, TODAY, client, settings));
    const off = index.onChange(() => model.set(buildReviewModel(index, TODAY, client, settings)));
    const title = client ? `Review missed commitments: ${client}` : 'Review missed commitments';
    const modal = reviewModal(obsidianApp() as never, title, (close) => ({
      model,
      actions: reviewActions(actions, nav, () => {
        closer('review')();
        close();
      }),
    }), off);
    modal.open();
    flushSync();
    const id = nextId++;
    w().mounted.set(id, { handle: null, host: modal.containerEl, stop: () => modal.closeNow() });
    return id;
  },

  /** The capture form, as `openCaptureModal` builds it: the note read fresh first. Null if it is not a session note with commitments. */
  async mountCapture(path: string): Promise<number | null> {
    const { index, applier, actions } = w();
    const text = await applier.read(path);
    if (text !== null) index.setNote(path, text);
    const model = buildCaptureModel(index, path);
    if (!model || model.items.length === 0) return null;
    return mountPart('capture', CaptureForm, { model: writable(model), actions: captureActions(actions, path, model.items, closer('capture')) });
  },

  /** The client view, over the live client model (kept on its last model if the client goes). */
  mountClient(name: string): number | null {
    const { models, actions, nav } = w();
    const live = models.client(name);
    const first = get(live);
    if (first === null) return null;
    const model: Readable<ClientModel> = derived(live, (m, set) => {
      if (m !== null) set(m);
    }, first);
    return mountPart('client', ClientView, { model, actions: clientActions(actions, nav) });
  },

  /** The roster over the live roster model, keeping its filter as the plugin does across re-opens. */
  mountRoster(): number {
    const x = w();
    return mountPart('roster', Roster, {
      model: x.models.roster(),
      actions: rosterActions(x.nav, (f) => (x.rosterFilter = f)),
      initialFilter: x.rosterFilter ?? undefined,
    });
  },

  unmount: unmountPart,

  /** A note's current text, or null. */
  text(path: string): string | null {
    return w().vault.texts.get(path) ?? null;
  },

  /** Every note's path, sorted. */
  paths(): string[] {
    return [...w().vault.texts.keys()].sort();
  },

  /** Every note's text, for before/after comparisons. */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...w().vault.texts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  },

  /** Changes a note behind the views' backs; `reindex: false` keeps the index (and views) on the old text. */
  write(path: string, text: string, reindex = true): void {
    w().vault.write(path, text, reindex);
  },

  /** Resolves once the index has caught up with every write. */
  settled(): Promise<void> {
    return w().vault.settled();
  },

  /** The commitments a note's current text parses to (the parser the index uses). */
  parse(path: string) {
    const text = w().vault.texts.get(path);
    if (text === undefined) throw new Error(`no note ${path}`);
    return JSON.parse(JSON.stringify(parseNote(path, text, w().index.settings).commitments));
  },

  /** What the index holds for a client, as the views see it. */
  indexed(client: string) {
    return JSON.parse(JSON.stringify(w().index.commitmentsOf(client)));
  },

  /** The vault-wide overdue count as of today, as the status bar shows it. */
  overdueCount(): number {
    return w().index.overdue(TODAY).length;
  },

  get notices(): string[] {
    return world?.vault.notices ?? [];
  },
  get navigations(): Navigation[] {
    return navigations;
  },
  get writes() {
    return world?.vault.writes ?? [];
  },
  get rosterFilter(): RosterFilter | null {
    return world?.rosterFilter ?? null;
  },
  /** Undo the newest applied edit, as the plugin's undo command does. */
  async undo() {
    return w().applier.undo();
  },
};

