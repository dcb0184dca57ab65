/**
 * An in-memory fake of the part of Obsidian's API the plugin uses, faithful in the ways that
 * matter to it: events fire in Obsidian's order (vault event, then the metadata cache's `changed`
 * a tick later), `process` is an atomic read-modify-write, components unregister what they
 * registered, the layout becomes ready once, a leaf closes its old view before opening the next
 * one (`onOpen` then `setState`, as `setViewState` does), and unloading a plugin takes back its
 * views, commands, ribbon icon, status bar items and settings tab. Tests alias `obsidian` to this
 * module.
 *
 * The DOM parts (views, modals, settings, Obsidian's `createEl`/`empty`/`setText`… helpers on
 * elements) need a DOM: put `// @vitest-environment happy-dom` at the top of such test files. The
 * vault, metadata cache, commands and plain components work without one.
 *
 * Names marked "test helper" are not Obsidian API.
 */

import { computeMetadata, type CachedMetadata } from './metadata';

// ---- DOM helpers Obsidian adds to elements -------------------------------------------------------

export interface DomElementInfo {
  cls?: string | string[];
  text?: string | DocumentFragment;
  attr?: Record<string, string | number | boolean | null>;
  title?: string;
  parent?: Node;
  value?: string;
  type?: string;
  prepend?: boolean;
  placeholder?: string;
  href?: string;
}

const hasDom = (): boolean => typeof document !== 'undefined' && typeof Node !== 'undefined';

function needDom(what: string): Document {
  if (!hasDom()) throw new Error(`The fake ${what} needs a DOM: add "// @vitest-environment happy-dom" to the test file.`);
  return document;
}

function classList(cls: string | string[]): string[] {
  return (Array.isArray(cls) ? cls : [cls]).flatMap((c) => c.split(/\s+/)).filter((c) => c !== '');
}

function setText(el: Element, val: string | DocumentFragment): void {
  if (typeof val === 'string') el.textContent = val;
  else el.replaceChildren(val);
}

function setAttr(el: Element, name: string, value: string | number | boolean | null): void {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

/** Obsidian's `createEl`: a new element with the options applied, appended to `parent` if given. */
function buildEl<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  o: DomElementInfo | string | undefined,
  parent: Node | null,
  callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  const info: DomElementInfo = typeof o === 'string' ? { cls: o } : (o ?? {});
  if (info.cls !== undefined) el.classList.add(...classList(info.cls));
  if (info.text !== undefined) setText(el, info.text);
  if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttr(el, k, v);
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined && 'value' in el) (el as unknown as HTMLInputElement).value = info.value;
  if (info.type !== undefined && 'type' in el) (el as unknown as HTMLInputElement).type = info.type;
  if (info.placeholder !== undefined) el.setAttribute('placeholder', info.placeholder);
  if (info.href !== undefined) el.setAttribute('href', info.href);
  const into = info.parent ?? parent;
  if (into) {
    if (info.prepend) into.insertBefore(el, into.firstChild);
    else into.appendChild(el);
  }
  callback?.(el);
  return el;
}

let domHelpersInstalled = false;

/** Installs Obsidian's element helpers (`createEl`, `empty`, `setText`, `addClass`…) on the DOM's prototypes. */
export function installDomHelpers(): void {
  if (domHelpersInstalled || !hasDom()) return;
  domHelpersInstalled = true;
  const define = (proto: object, methods: Record<string, unknown>) => {
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, configurable: true, writable: true });
  };
  define(Node.prototype, {
    empty(this: Node) {
      while (this.firstChild) this.removeChild(this.firstChild);
    },
    detach(this: Node) {
      this.parentNode?.removeChild(this);
    },
    appendText(this: Node, val: string) {
      this.appendChild((this.ownerDocument ?? document).createTextNode(val));
    },
    createEl(this: Node, tag: keyof HTMLElementTagNameMap, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
      return buildEl(this.ownerDocument ?? document, tag, o, this, cb);
    },
    createDiv(this: Node, o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) {
      return buildEl(this.ownerDocument ?? document, 'div', o, this, cb);
    },
    createSpan(this: Node, o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) {
      return buildEl(this.ownerDocument ?? document, 'span', o, this, cb);
    },
  });
  define(Element.prototype, {
    getText(this: Element) {
      return this.textContent ?? '';
    },
    setText(this: Element, val: string | DocumentFragment) {
      setText(this, val);
    },
    addClass(this: Element, ...cls: string[]) {
      this.classList.add(...classList(cls));
    },
    addClasses(this: Element, cls: string[]) {
      this.classList.add(...classList(cls));
    },
    removeClass(this: Element, ...cls: string[]) {
      this.classList.remove(...classList(cls));
    },
    removeClasses(this: Element, cls: string[]) {
      this.classList.remove(...classList(cls));
    },
    toggleClass(this: Element, cls: string | string[], value: boolean) {
      for (const c of classList(cls)) this.classList.toggle(c, value);
    },
    hasClass(this: Element, cls: string) {
      return this.classList.contains(cls);
    },
    setAttr(this: Element, name: string, value: string | number | boolean | null) {
      setAttr(this, name, value);
    },
    setAttrs(this: Element, obj: Record<string, string | number | boolean | null>) {
      for (const [k, v] of Object.entries(obj)) setAttr(this, k, v);
    },
    getAttr(this: Element, name: string) {
      return this.getAttribute(name);
    },
    find(this: Element, selector: string) {
      return this.querySelector(selector);
    },
    findAll(this: Element, selector: string) {
      return [...this.querySelectorAll(selector)];
    },
  });
  const g = globalThis as Record<string, unknown>;
  g.createEl = (tag: keyof HTMLElementTagNameMap, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) => buildEl(document, tag, o, null, cb);
  g.createDiv = (o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) => buildEl(document, 'div', o, null, cb);
  g.createSpan = (o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) => buildEl(document, 'span', o, null, cb);
  g.createFragment = (cb?: (el: DocumentFragment) => void) => {
    const f = document.createDocumentFragment();
    cb?.(f);
    return f;
  };
}

installDomHelpers();

declare global {
  interface Node {
    empty(): void;
    detach(): void;
    appendText(val: string): void;
    createEl<K extends keyof HTMLElementTagNameMap>(tag: K, o?: DomElementInfo | string, callback?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K];
    createDiv(o?: DomElementInfo | string, callback?: (el: HTMLDivElement) => void): HTMLDivElement;
    createSpan(o?: DomElementInfo | string, callback?: (el: HTMLSpanElement) => void): HTMLSpanElement;
  }
  interface Element {
    getText(): string;
    setText(val: string | DocumentFragment): void;
    addClass(...classes: string[]): void;
    addClasses(classes: string[]): void;
    removeClass(...classes: string[]): void;
    removeClasses(classes: string[]): void;
    toggleClass(classes: string | string[], value: boolean): void;
    hasClass(cls: string): boolean;
    setAttr(name: string, value: string | number | boolean | null): void;
    setAttrs(obj: Record<string, string | number | boolean | null>): void;
    getAttr(name: string): string | null;
  }
}

/** A detached element, or (without a DOM) nothing: only the DOM-free parts of the fake may use that. */
function maybeDiv(cls: string): HTMLElement {
  return (hasDom() ? buildEl(document, 'div', cls, null) : undefined) as HTMLElement;
}

// ---- The window's task scheduler -----------------------------------------------------------------
//
// Obsidian's window is Chromium's (Electron), which has the Prioritized Task Scheduling API:
// `scheduler.postTask(callback, { priority, signal })` runs the callback as a task of its own,
// after the current one, and returns a promise of what it returned (rejected with what it threw);
// a task whose signal aborts before it runs never runs, and its promise rejects with the signal's
// reason (an AbortError). The start-up read and the work ahead yield by it (src/app/ui-turn.ts),
// so the fake window has it too, where the test DOM (happy-dom) has none: otherwise the adapter
// tests would only ever take the zero-timer fallback that Obsidian's window never takes. A task
// runs from a zero timer of the window's, so fake timers control it as they do the rest; the
// order between priorities (a background task after the page's own) is not modelled.

interface FakeTaskOptions {
  priority?: 'user-blocking' | 'user-visible' | 'background';
  signal?: AbortSignal;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The task was aborted.', 'AbortError');
}

/** Chromium's `scheduler.postTask`, over the window's timers. */
export function fakePostTask(host: { setTimeout(h: () => void, ms: number): unknown; clearTimeout(id: unknown): void }) {
  return (callback: () => unknown, options: FakeTaskOptions = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const signal = options.signal;
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => {
        host.clearTimeout(id);
        reject(abortReason(signal!));
      };
      const id = host.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        try {
          resolve(callback());
        } catch (e) {
          reject(e);
        }
      }, 0);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}

if (typeof window !== 'undefined' && (window as { scheduler?: unknown }).scheduler === undefined) {
  const host = window as unknown as { setTimeout(h: () => void, ms: number): unknown; clearTimeout(id: unknown): void };
  Object.defineProperty(window, 'scheduler', { configurable: true, value: { postTask: fakePostTask(host) } });
}

// ---- Events ------------------------------------------------------------------------------------

export interface EventRef {
  readonly emitter: Events;
  readonly name: string;
  readonly fn: (...args: unknown[]) => unknown;
}

export class Events {
  private handlers = new Map<string, Set<EventRef>>();

  on(name: string, fn: (...args: any[]) => unknown, ctx?: unknown): EventRef {
    const ref: EventRef = { emitter: this, name, fn: ctx ? fn.bind(ctx) : fn };
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)!.add(ref);
    return ref;
  }

  off(name: string, fn: (...args: any[]) => unknown): void {
    for (const ref of this.handlers.get(name) ?? []) if (ref.fn === fn) this.handlers.get(name)!.delete(ref);
  }

  offref(ref: EventRef): void {
    this.handlers.get(ref.name)?.delete(ref);
  }

  trigger(name: string, ...args: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) ref.fn(...args);
  }

  /** Test helper: how many handlers are registered, for leak checks. */
  listenerCount(name?: string): number {
    if (name !== undefined) return this.handlers.get(name)?.size ?? 0;
    let n = 0;
    for (const set of this.handlers.values()) n += set.size;
    return n;
  }
}

// ---- Files, the vault and the metadata cache ---------------------------------------------------

export abstract class TAbstractFile {
  vault!: Vault;
  path: string;
  name: string;
  parent: TFolder | null = null;
  constructor(path: string) {
    this.path = path;
    this.name = path.slice(path.lastIndexOf('/') + 1);
  }
}

export class TFile extends TAbstractFile {
  stat = { ctime: 0, mtime: 0, size: 0 };
  get basename(): string {
    return this.name.replace(/\.[^.]*$/, '');
  }
  get extension(): string {
    const dot = this.name.lastIndexOf('.');
    return dot < 0 ? '' : this.name.slice(dot + 1);
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];
  isRoot(): boolean {
    return this.path === '/';
  }
}

/** Obsidian's `Platform`: the fake runs as the desktop app on Linux (Ctrl-based hotkeys). */
export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: 'app://local/',
};

export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/\/+/g, '/')
    .replace(/^\/|\/$/g, '')
    .normalize('NFC');
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export class Vault extends Events {
  private files = new Map<string, { file: TFile; data: string }>();
  private folders = new Set<string>();
  /** Every write, for tests that check edits went through `process`. */
  readonly writes: { method: 'create' | 'modify' | 'process'; path: string }[] = [];
  metadataCache!: MetadataCache;
  private clock = 1;

  getName(): string {
    return 'Test Vault';
  }

  /**
   * Test helper: put a note in place without events, as if it was there at start-up: its metadata
   * cache is ready (Obsidian keeps it across restarts), unless `cached: false`, as for a note that
   * changed while Obsidian was closed: `getFileCache` is null until its `changed` fires
   * (`metadataCache.fileChanged`, or `indexLater`).
   */
  seed(path: string, data: string, options: { cached?: boolean } = {}): TFile {
    const file = this.add(path, data);
    if (options.cached !== false) this.metadataCache?.prime(file, data);
    return file;
  }

  /** Test helper: the metadata cache indexes a note seeded with `cached: false` now (its `changed` fires). */
  indexLater(path: string): void {
    const e = this.files.get(path);
    if (!e) throw new Error(`No note at ${path}`);
    this.metadataCache.fileChanged(e.file, e.data);
  }

  private add(path: string, data: string): TFile {
    const file = new TFile(path);
    file.vault = this;
    file.stat = { ctime: this.clock, mtime: this.clock++, size: data.length };
    this.files.set(path, { file, data });
    return file;
  }

  // ---- scripted reads (test helpers) ----
  private readonly failing = new Map<string, string>();
  private held: { paths: ((path: string) => boolean) | null; queue: { path: string; settle: () => void }[] } | null = null;
  /** Test helper: how many reads (`read`, `cachedRead`) were made, by path. */
  readonly readCounts = new Map<string, number>();

  /** Test helper: every read of `path` fails with `message` (as a read of a file sync removed does), until `failReads(path, null)`. */
  failReads(path: string, message: string | null = `ENOENT: no such file or directory, open '${path}'`): void {
    if (message === null) this.failing.delete(path);
    else this.failing.set(path, message);
  }

  /**
   * Test helper: reads started from now on take the note's text when they start but resolve only
   * when released, so events can come in between (Obsidian's reads are disk I/O). `only` limits
   * the hold to some paths. `release` settles the held reads in the order given (default: the
   * order they started; `'reverse'` for out of order) and stops holding.
   */
  holdReads(only?: (path: string) => boolean): { readonly pending: string[]; release(order?: 'started' | 'reverse'): Promise<void> } {
    const held = { paths: only ?? null, queue: [] as { path: string; settle: () => void }[] };
    this.held = held;
    return {
      get pending() {
        return held.queue.map((q) => q.path);
      },
      release: async (order = 'started') => {
        if (this.held === held) this.held = null;
        const queue = held.queue.splice(0);
        if (order === 'reverse') queue.reverse();
        for (const q of queue) {
          q.settle();
          await tick();
        }
      },
    };
  }

  private disk: { readMs: number; lanes: number[]; due: Map<number, (() => void)[]> } | null = null;

  /**
   * Test helper: reads take disk time from now on, as Obsidian's do on desktop (file system reads
   * on Node's pool of `lanes` threads, four by default): each read takes `readUs` microseconds on
   * the first free lane and answers once done, whatever the main thread does meanwhile. Answers
   * come by timer (to the millisecond, as Node's timers go). `null` ends it.
   */
  simulateDisk(disk: { readUs: number; lanes?: number } | null): void {
    this.disk = disk === null ? null : { readMs: disk.readUs / 1000, lanes: new Array<number>(disk.lanes ?? 4).fill(0), due: new Map() };
  }

  /** When the disk would finish a read started now, with the lane it takes busy until then. */
  private diskDone(disk: NonNullable<Vault['disk']>): number {
    let lane = 0;
    for (let i = 1; i < disk.lanes.length; i++) if (disk.lanes[i] < disk.lanes[lane]) lane = i;
    const done = Math.max(performance.now(), disk.lanes[lane]) + disk.readMs;
    disk.lanes[lane] = done;
    return done;
  }

  /** Settles `settle` once the disk is done with a read started now: one timer per millisecond of answers. */
  private afterDisk(disk: NonNullable<Vault['disk']>, settle: () => void): void {
    const at = Math.ceil(this.diskDone(disk));
    const waiting = disk.due.get(at);
    if (waiting) {
      waiting.push(settle);
      return;
    }
    disk.due.set(at, [settle]);
    setTimeout(() => {
      const all = disk.due.get(at) ?? [];
      disk.due.delete(at);
      for (const f of all) f();
    }, Math.max(0, at - performance.now()));
  }

  private scriptedRead(file: TFile): Promise<string> {
    this.readCounts.set(file.path, (this.readCounts.get(file.path) ?? 0) + 1);
    const path = file.path;
    const failure = this.failing.get(path);
    let outcome: () => string;
    if (failure !== undefined) {
      outcome = () => {
        throw new Error(failure);
      };
    } else {
      const data = this.entry(file).data;
      outcome = () => data;
    }
    const held = this.held;
    if (held && (held.paths === null || held.paths(path))) {
      return new Promise<string>((resolve, reject) => {
        held.queue.push({
          path,
          settle: () => {
            try {
              resolve(outcome());
            } catch (e) {
              reject(e);
            }
          },
        });
      });
    }
    const disk = this.disk;
    if (disk) {
      return new Promise<string>((resolve, reject) =>
        this.afterDisk(disk, () => {
          try {
            resolve(outcome());
          } catch (e) {
            reject(e);
          }
        }),
      );
    }
    try {
      return Promise.resolve(outcome());
    } catch (e) {
      return Promise.reject(e);
    }
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    const p = normalizePath(path);
    if (this.files.has(p)) return this.files.get(p)!.file;
    if (this.folders.has(p)) return new TFolder(p);
    return null;
  }

  getFileByPath(path: string): TFile | null {
    return this.files.get(normalizePath(path))?.file ?? null;
  }

  getMarkdownFiles(): TFile[] {
    // One pass, no copies: Obsidian answers this from memory in a few ms for a large vault.
    const out: TFile[] = [];
    for (const { file } of this.files.values()) if (file.name.endsWith('.md')) out.push(file);
    return out;
  }

  getFiles(): TFile[] {
    return [...this.files.values()].map((f) => f.file);
  }

  private entry(file: TFile) {
    const e = this.files.get(file.path);
    if (!e || e.file !== file) throw new Error(`File does not exist: ${file.path}`);
    return e;
  }

  async read(file: TFile): Promise<string> {
    await tick();
    return this.scriptedRead(file);
  }

  /** Rejects for a file that is gone (or scripted to fail); see `holdReads` for reads that overlap events. */
  cachedRead(file: TFile): Promise<string> {
    try {
      return this.scriptedRead(file);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Test helper: the current text of a note, synchronously. */
  text(path: string): string | undefined {
    return this.files.get(path)?.data;
  }

  private changed(file: TFile, data: string): void {
    file.stat = { ctime: file.stat.ctime, mtime: this.clock++, size: data.length };
    this.trigger('modify', file);
    const cache = this.metadataCache;
    setTimeout(() => cache.fileChanged(file, data), 0);
  }

  async create(path: string, data: string): Promise<TFile> {
    const p = normalizePath(path);
    if (this.files.has(p)) throw new Error('File already exists.');
    const file = this.add(p, data);
    this.writes.push({ method: 'create', path: p });
    this.trigger('create', file);
    const cache = this.metadataCache;
    setTimeout(() => cache.fileChanged(file, data), 0);
    return file;
  }

  async createFolder(path: string): Promise<TFolder> {
    const p = normalizePath(path);
    if (this.folders.has(p)) throw new Error('Folder already exists.');
    this.folders.add(p);
    return new TFolder(p);
  }

  async modify(file: TFile, data: string): Promise<void> {
    const e = this.entry(file);
    e.data = data;
    this.writes.push({ method: 'modify', path: file.path });
    this.changed(file, data);
  }

  /** Atomic: `fn` sees the current text and its result is written with nothing in between. */
  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    const e = this.entry(file);
    const next = fn(e.data);
    if (next !== e.data) {
      e.data = next;
      this.writes.push({ method: 'process', path: file.path });
      this.changed(file, next);
    }
    return next;
  }

  async delete(file: TAbstractFile): Promise<void> {
    if (!(file instanceof TFile)) return;
    this.entry(file);
    this.files.delete(file.path);
    this.trigger('delete', file);
    const cache = this.metadataCache;
    setTimeout(() => cache.fileDeleted(file), 0);
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    if (!(file instanceof TFile)) return;
    const e = this.entry(file);
    const oldPath = file.path;
    const p = normalizePath(newPath);
    if (this.files.has(p)) throw new Error('Destination file already exists!');
    this.files.delete(oldPath);
    file.path = p;
    file.name = p.slice(p.lastIndexOf('/') + 1);
    this.files.set(p, e);
    // The cache moves with the file; Obsidian fires no `changed` for a rename.
    this.metadataCache.moved(oldPath, p);
    this.trigger('rename', file, oldPath);
  }
}

export type { CachedMetadata, HeadingCache, TagCache, LinkCache, EmbedCache, FrontMatterCache, FrontmatterLinkCache, Pos, Loc, CacheItem, Reference, ReferenceCache } from './metadata';
export { getAllTags } from './metadata';

/** Obsidian's metadata cache: each note's parsed metadata, ready once the note is indexed. */
export class MetadataCache extends Events {
  private caches = new Map<string, CachedMetadata>();

  /** Obsidian indexed a note: its cache is replaced, then `changed` fires. */
  fileChanged(file: TFile, data: string): void {
    const cache = computeMetadata(data);
    this.caches.set(file.path, cache);
    this.trigger('changed', file, data, cache);
  }

  /** Test helper: a cache that is there without an event (kept from before start-up). */
  prime(file: TFile, data: string): void {
    this.caches.set(file.path, computeMetadata(data));
  }

  /** Test helper: the cache follows a rename. */
  moved(oldPath: string, newPath: string): void {
    const cache = this.caches.get(oldPath);
    this.caches.delete(oldPath);
    if (cache) this.caches.set(newPath, cache);
  }

  fileDeleted(file: TFile): void {
    const prev = this.caches.get(file.path) ?? null;
    this.caches.delete(file.path);
    this.trigger('deleted', file, prev);
  }

  /** Null while the note is not indexed yet. */
  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }
}

// ---- Component ---------------------------------------------------------------------------------

export class Component {
  private children: Component[] = [];
  private cleanups: (() => unknown)[] = [];
  loaded = false;

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    void this.onload();
    for (const c of this.children) c.load();
  }

  onload(): void | Promise<void> {}

  /** Children first, then what was registered, newest first, then `onunload`. */
  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    while (this.children.length > 0) this.children.pop()!.unload();
    while (this.cleanups.length > 0) this.cleanups.pop()!();
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(child: T): T {
    this.children.push(child);
    if (this.loaded) child.load();
    return child;
  }

  /** Test helper: how many children the component holds now, for leak checks. */
  childCount(): number {
    return this.children.length;
  }

  removeChild<T extends Component>(child: T): T {
    const i = this.children.indexOf(child);
    if (i >= 0) this.children.splice(i, 1);
    child.unload();
    return child;
  }

  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }

  registerEvent(ref: EventRef): void {
    this.register(() => ref.emitter.offref(ref));
  }

  registerInterval(id: number): number {
    this.register(() => clearInterval(id));
    return id;
  }

  registerDomEvent(el: EventTarget, type: string, cb: (ev: any) => unknown, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, cb, options);
    this.register(() => el.removeEventListener(type, cb, options));
  }
}

// ---- Scope and Keymap (hotkeys) ------------------------------------------------------------------
//
// How Obsidian routes a key press, and so how this fake does:
// - `app.keymap` listens for `keydown` on the window in the capture phase, so it sees every key
//   before any element of the page does, whatever has focus (an input too).
// - It hands the key to the scope on top of its stack (`pushScope` / `popScope`; `app.scope` is the
//   root, under every pushed scope). A Modal pushes its scope when it opens and pops it when it
//   closes (obsidian.d.ts: Keymap.pushScope/popScope, "the active scope to handle all key events").
// - A scope runs the first of its handlers, oldest first, that matches the key and modifiers, and
//   returns what it returned; a scope with no matching handler passes the key to its parent
//   (obsidian.d.ts: "scopes may define parent scopes ... and inherit their hotkeys"). A handler that
//   returns `false` has the event's default prevented (obsidian.d.ts, KeymapEventListener: "Return
//   `false` to automatically preventDefault"); the event still reaches the page.
// - A Modal registers its own Escape handler (closing it, via `onEscapeKey`) when it is built, so a
//   handler a subclass registers later for Escape never runs: the modal's comes first. Plugins
//   that want Esc for themselves take Obsidian's handler out of `scope.keys` first, e.g.
//   tadashi-aikawa/obsidian-another-quick-switcher src/ui/HeaderModal.ts `setHotkeys()`
//   ("this.scope.unregister(this.scope.keys.find((x) => x.key === 'Escape'))") and
//   darlal/obsidian-switcher-plus `removeDefaultTabKeyBinding` ("Obsidian registers a binding for
//   Tab key that only returns false; remove this binding so Tab can be remapped"). `Scope.keys`,
//   `Scope.handleKey` and `Modal.onEscapeKey` are not in obsidian.d.ts; obsidian-typings documents
//   them (src/obsidian/augmentations/Scope.d.ts, Modal.d.ts: "On escape key press close modal").
// - `Mod` is Ctrl here (the fake is not macOS); `null` modifiers match any, a `null` key any key.

export type Modifier = 'Mod' | 'Ctrl' | 'Meta' | 'Shift' | 'Alt';

export interface KeymapInfo {
  modifiers: string | null;
  key: string | null;
}

export interface KeymapContext extends KeymapInfo {
  vkey: string;
}

/** Return `false` to preventDefault. */
export type KeymapEventListener = (evt: KeyboardEvent, ctx: KeymapContext) => false | any;

export interface KeymapEventHandler extends KeymapInfo {
  scope: Scope;
  /** Obsidian's internal name for the listener. */
  func: KeymapEventListener;
}

const MODIFIER_ORDER: Modifier[] = ['Alt', 'Ctrl', 'Meta', 'Shift'];

/** Modifiers as Obsidian compiles them: `Mod` → Ctrl (not macOS), sorted, comma-joined. */
function compileModifiers(modifiers: readonly Modifier[]): string {
  const set = new Set<Modifier>(modifiers.map((m) => (m === 'Mod' ? 'Ctrl' : m)));
  return MODIFIER_ORDER.filter((m) => set.has(m)).join(',');
}

/** The modifiers held during a key event, compiled the same way. */
function eventModifiers(evt: KeyboardEvent): string {
  const held: Modifier[] = [];
  if (evt.altKey) held.push('Alt');
  if (evt.ctrlKey) held.push('Ctrl');
  if (evt.metaKey) held.push('Meta');
  if (evt.shiftKey) held.push('Shift');
  return compileModifiers(held);
}

function sameKey(registered: string, pressed: string): boolean {
  return registered.length === 1 && pressed.length === 1 ? registered.toLowerCase() === pressed.toLowerCase() : registered === pressed;
}

export class Scope {
  /** The registered handlers, oldest first (Obsidian's internal `keys`). */
  readonly keys: KeymapEventHandler[] = [];

  constructor(public parent?: Scope) {}

  register(modifiers: Modifier[] | null, key: string | null, func: KeymapEventListener): KeymapEventHandler {
    const handler: KeymapEventHandler = { scope: this, modifiers: modifiers === null ? null : compileModifiers(modifiers), key, func };
    this.keys.push(handler);
    return handler;
  }

  unregister(handler: KeymapEventHandler): void {
    const i = this.keys.indexOf(handler);
    if (i >= 0) this.keys.splice(i, 1);
  }

  /** Obsidian's internal dispatch: the first matching handler's answer, else the parent's. */
  handleKey(evt: KeyboardEvent, info: KeymapInfo): unknown {
    const pressed = info.key ?? '';
    for (const h of this.keys) {
      if (h.modifiers !== null && h.modifiers !== info.modifiers) continue;
      if (h.key !== null && !sameKey(h.key, pressed)) continue;
      return h.func(evt, { modifiers: info.modifiers, key: info.key, vkey: pressed });
    }
    return this.parent?.handleKey(evt, info);
  }

  /** Test helper: the handlers registered for `key` pressed with `modifiers`, oldest first. */
  handlersFor(key: string, modifiers: Modifier[] = []): KeymapEventHandler[] {
    const mods = compileModifiers(modifiers);
    return this.keys.filter((h) => (h.key === null || sameKey(h.key, key)) && (h.modifiers === null || h.modifiers === mods));
  }
}

/** The keymap of the newest App: one app per window, as in Obsidian. */
let windowKeymap: Keymap | null = null;
let windowListening = false;

function listenOnWindow(keymap: Keymap): void {
  windowKeymap = keymap;
  if (windowListening || typeof window === 'undefined') return;
  windowListening = true;
  window.addEventListener('keydown', (evt) => windowKeymap?.onKeyEvent(evt), true);
}

export class Keymap {
  private readonly stack: Scope[] = [];

  constructor(private readonly root: Scope) {
    listenOnWindow(this);
  }

  pushScope(scope: Scope): void {
    const i = this.stack.indexOf(scope);
    if (i >= 0) this.stack.splice(i, 1);
    this.stack.push(scope);
  }

  popScope(scope: Scope): void {
    const i = this.stack.indexOf(scope);
    if (i >= 0) this.stack.splice(i, 1);
  }

  /** Test helper: the scope that gets the next key (the top of the stack, else the app's). */
  get activeScope(): Scope {
    return this.stack.at(-1) ?? this.root;
  }

  /** Obsidian's internal handler of the window's keydown (capture phase). */
  onKeyEvent(evt: KeyboardEvent): false | void {
    if (evt.key === undefined) return;
    const result = this.activeScope.handleKey(evt, { modifiers: eventModifiers(evt), key: evt.key });
    if (result === false) {
      evt.preventDefault();
      return false;
    }
  }

  static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
    if (modifier === 'Mod' || modifier === 'Ctrl') return evt.ctrlKey;
    if (modifier === 'Meta') return evt.metaKey;
    if (modifier === 'Shift') return evt.shiftKey;
    return evt.altKey;
  }
}

// ---- Views and leaves --------------------------------------------------------------------------

export interface ViewState {
  type: string;
  state?: Record<string, unknown>;
  active?: boolean;
  pinned?: boolean;
  group?: WorkspaceLeaf;
}

export interface ViewStateResult {
  history: boolean;
}

export interface OpenViewState {
  state?: Record<string, unknown>;
  eState?: Record<string, unknown>;
  active?: boolean;
  group?: WorkspaceLeaf;
}

export type ViewCreator = (leaf: WorkspaceLeaf) => View;
export type PaneType = 'tab' | 'split' | 'window';

export abstract class View extends Component {
  app: App;
  icon = '';
  navigation = false;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  scope: Scope | null = null;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = maybeDiv('workspace-leaf-content');
  }

  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  abstract getViewType(): string;
  abstract getDisplayText(): string;

  getState(): Record<string, unknown> {
    return {};
  }

  async setState(_state: unknown, _result: ViewStateResult): Promise<void> {}

  getEphemeralState(): Record<string, unknown> {
    return {};
  }

  setEphemeralState(_state: unknown): void {}

  getIcon(): string {
    return this.icon;
  }

  onResize(): void {}

  /** What the leaf does to show a view (Obsidian's internal `open`): load it, then `onOpen`. */
  async open(parentEl: HTMLElement | null): Promise<void> {
    if (parentEl && this.containerEl) parentEl.appendChild(this.containerEl);
    this.load();
    await this.onOpen();
  }

  /** What the leaf does to let a view go (Obsidian's internal `close`): `onClose`, then unload. */
  async close(): Promise<void> {
    await this.onClose();
    this.unload();
    this.containerEl?.detach();
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;
  /** Test helper: the header Obsidian puts above the content (`containerEl.children[0]`). */
  readonly headerEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    needDom('ItemView');
    this.headerEl = this.containerEl.createDiv('view-header');
    this.headerEl.createDiv('view-header-title-container').createDiv('view-header-title');
    this.headerEl.createDiv('view-actions');
    this.contentEl = this.containerEl.createDiv('view-content');
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.headerEl.querySelector('.view-actions')!.createEl('a', { cls: 'view-action clickable-icon', attr: { 'aria-label': title } });
    setIcon(el, icon);
    el.addEventListener('click', callback as EventListener);
    return el;
  }
}

/** A new tab's view ("empty"): what a fresh leaf holds. */
export class EmptyView extends View {
  override navigation = true;
  getViewType(): string {
    return 'empty';
  }
  getDisplayText(): string {
    return 'New tab';
  }
}

/**
 * What a leaf holds while its view type is not registered (the plugin that owns it was disabled):
 * it keeps the type and state, so the leaf comes back when the type is registered again.
 */
export class UnregisteredView extends View {
  constructor(
    leaf: WorkspaceLeaf,
    readonly type: string,
    readonly state: Record<string, unknown>,
  ) {
    super(leaf);
  }
  getViewType(): string {
    return this.type;
  }
  getDisplayText(): string {
    return 'Plugin no longer active';
  }
  override getState(): Record<string, unknown> {
    return this.state;
  }
}

export type LeafSide = 'main' | 'left' | 'right';

export class WorkspaceLeaf extends Events {
  app: App;
  view: View;
  /** Test helper: where the leaf is (the main area or a sidebar). */
  side: LeafSide;
  /** Test helper: the leaf's element, holding its view's `containerEl`. */
  containerEl: HTMLElement;
  pinned = false;
  /** Settles when the last `detach()` or view change has closed the old view. */
  private closing: Promise<void> = Promise.resolve();

  /**
   * Test helper (Obsidian's leaves come from the workspace): a leaf holding `view`, or an empty
   * leaf in `app`. Workspace methods that create leaves also add them to `workspace.leaves`.
   */
  constructor(content: View | App, side: LeafSide = 'main') {
    super();
    this.side = side;
    this.containerEl = maybeDiv('workspace-leaf');
    if (content instanceof View) {
      this.app = content.app;
      this.view = content;
      content.leaf = this;
    } else {
      this.app = content;
      this.view = new EmptyView(this);
    }
    if (this.view.containerEl && this.containerEl) this.containerEl.appendChild(this.view.containerEl);
  }

  private get workspace(): Workspace {
    return this.app.workspace;
  }

  /** Closes the current view (`onClose`), then shows `view` (`onOpen`). */
  async open(view: View): Promise<View> {
    const old = this.view;
    await this.closing;
    await old.close();
    this.view = view;
    await view.open(this.containerEl ?? null);
    return view;
  }

  /** Creates the view through the registered factory if the type changes, opens it, then sets its state. */
  async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
    const { type } = viewState;
    const creator = this.app.viewRegistry.getViewCreatorByType(type);
    const current = this.view;
    // A new view when the type changes, when its type has gone (a placeholder takes its place), or
    // when a placeholder's type is back.
    if (current.getViewType() !== type || current instanceof UnregisteredView === (creator !== undefined)) {
      const view = creator ? creator(this) : new UnregisteredView(this, type, viewState.state ?? {});
      await this.open(view);
    }
    await this.view.setState(viewState.state ?? {}, { history: false });
    if (eState !== undefined) this.view.setEphemeralState(eState);
    if (viewState.pinned !== undefined) this.pinned = viewState.pinned;
    if (viewState.active) this.workspace.setActiveLeaf(this);
    this.workspace.trigger('layout-change');
  }

  getViewState(): ViewState {
    return { type: this.view.getViewType(), state: this.view.getState(), active: this.workspace.activeLeaf === this, pinned: this.pinned };
  }

  /** Opens a note in this leaf, in a markdown view; the view keeps the eState (`{ line }` is 0-based). */
  async openFile(file: TFile, openState: OpenViewState = {}): Promise<void> {
    await this.setViewState({ type: 'markdown', state: { ...openState.state, file: file.path }, active: openState.active ?? true }, openState.eState);
    if (this.side === 'main') this.workspace.activeFile = file;
    this.workspace.trigger('file-open', file);
  }

  getEphemeralState(): unknown {
    return this.view.getEphemeralState();
  }

  setEphemeralState(state: unknown): void {
    this.view.setEphemeralState(state);
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
  }

  togglePinned(): void {
    this.pinned = !this.pinned;
  }

  getDisplayText(): string {
    return this.view.getDisplayText();
  }

  getIcon(): string {
    return this.view.getIcon();
  }

  /** Closes the leaf: removed from the workspace, its view closed (`onClose`, asynchronously). */
  detach(): void {
    const ws = this.workspace;
    const i = ws.leaves.indexOf(this);
    if (i >= 0) ws.leaves.splice(i, 1);
    if (ws.activeLeaf === this) ws.setActiveLeaf(null);
    const view = this.view;
    this.closing = this.closing.then(() => view.close());
    this.containerEl?.detach();
    ws.trigger('layout-change');
  }

  /** Test helper: settles once the views this leaf let go of have closed. */
  whenClosed(): Promise<void> {
    return this.closing;
  }
}

/**
 * An open note in an editor. `data` is the editor's text; `dirty` says it has not been saved yet
 * (Obsidian saves a couple of seconds after typing stops). `save()` writes it to the vault.
 * Constructed by tests as `new MarkdownView(app, file, data)`, or by a leaf's `openFile`.
 */
export class MarkdownView extends View {
  override navigation = true;
  file: TFile | null;
  data: string;
  dirty = false;
  readonly saves: string[] = [];
  /** Test helper: the ephemeral state the note was opened with (`{ line }` is 0-based). */
  eState: Record<string, unknown> | null = null;
  /** The note's editor: edits the view's text as the coach's typing does (unsaved until `save`). */
  readonly editor: Editor = new Editor(this);

  constructor(appOrLeaf: App | WorkspaceLeaf, file: TFile | null = null, data = '') {
    super(appOrLeaf instanceof WorkspaceLeaf ? appOrLeaf : new WorkspaceLeaf(appOrLeaf));
    this.file = file;
    this.data = data;
  }

  getViewType(): string {
    return 'markdown';
  }

  getDisplayText(): string {
    return this.file?.basename ?? 'No file';
  }

  override getState(): Record<string, unknown> {
    return { file: this.file?.path ?? null };
  }

  /** `{ file }`: shows that note (its saved text; any eState comes after). */
  override async setState(state: unknown, _result: ViewStateResult): Promise<void> {
    const path = (state as { file?: unknown } | null)?.file;
    if (typeof path !== 'string') return;
    this.file = this.app.vault.getFileByPath(path);
    this.data = this.app.vault.text(path) ?? '';
    this.dirty = false;
    this.eState = null;
  }

  override getEphemeralState(): Record<string, unknown> {
    return this.eState ?? {};
  }

  override setEphemeralState(state: unknown): void {
    this.eState = (state as Record<string, unknown> | null) ?? null;
  }

  getViewData(): string {
    return this.data;
  }

  /** Test helper: the coach types; the text is not saved yet. */
  type(data: string): void {
    this.data = data;
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (this.file) this.saves.push(this.file.path);
    if (!this.dirty || !this.file) return;
    this.dirty = false;
    await this.app.vault.modify(this.file, this.data);
  }
}

export class Workspace extends Events {
  layoutReady = false;
  activeLeaf: WorkspaceLeaf | null = null;
  containerEl: HTMLElement;
  /** Test helper: the open leaves, in every split; tests may push leaves holding fake views. */
  readonly leaves: WorkspaceLeaf[] = [];
  /** Test helper: what `getActiveFile()` returns; `openFile` in the main area sets it too. */
  activeFile: TFile | null = null;
  /** Test helper: the leaves passed to `revealLeaf`, in order. */
  readonly revealed: WorkspaceLeaf[] = [];
  private readyCallbacks: (() => unknown)[] = [];

  constructor(private readonly app: App) {
    super();
    this.containerEl = maybeDiv('workspace');
  }

  onLayoutReady(cb: () => unknown): void {
    if (this.layoutReady) setTimeout(cb, 0);
    else this.readyCallbacks.push(cb);
  }

  /** Test helper: what Obsidian does once the workspace has loaded. */
  triggerLayoutReady(): void {
    this.layoutReady = true;
    for (const cb of this.readyCallbacks.splice(0)) cb();
    this.trigger('layout-change');
  }

  getActiveFile(): TFile | null {
    return this.activeFile;
  }

  private createLeaf(side: LeafSide): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, side);
    this.leaves.push(leaf);
    if (leaf.containerEl && this.containerEl) this.containerEl.appendChild(leaf.containerEl);
    return leaf;
  }

  /**
   * `false`/nothing: the most recent leaf in the main area that can navigate to a note (an empty
   * tab or a note, not a plugin's view), or a new one; 'tab', 'split', 'window' or `true`: a new leaf.
   */
  getLeaf(newLeaf?: PaneType | boolean): WorkspaceLeaf {
    if (newLeaf === undefined || newLeaf === false) {
      const main = this.leaves.filter((l) => l.side === 'main' && l.view.navigation && !l.pinned);
      const reuse = this.activeLeaf && main.includes(this.activeLeaf) ? this.activeLeaf : main.at(-1);
      if (reuse) return reuse;
    }
    return this.createLeaf('main');
  }

  /** A new leaf in the right sidebar. */
  getRightLeaf(_split: boolean): WorkspaceLeaf | null {
    return this.createLeaf('right');
  }

  /** A new leaf in the left sidebar. */
  getLeftLeaf(_split: boolean): WorkspaceLeaf | null {
    return this.createLeaf('left');
  }

  getMostRecentLeaf(): WorkspaceLeaf | null {
    return this.activeLeaf ?? this.leaves.filter((l) => l.side === 'main').at(-1) ?? null;
  }

  setActiveLeaf(leaf: WorkspaceLeaf | null): void {
    if (this.activeLeaf === leaf) return;
    this.activeLeaf = leaf;
    this.trigger('active-leaf-change', leaf);
  }

  /** Brings a leaf to the front (uncollapsing its sidebar); settles once its view is loaded. */
  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    this.revealed.push(leaf);
    await tick();
  }

  getLeavesOfType(type: string): WorkspaceLeaf[] {
    return this.leaves.filter((l) => l.view.getViewType() === type);
  }

  detachLeavesOfType(type: string): void {
    for (const leaf of this.getLeavesOfType(type)) leaf.detach();
  }

  iterateAllLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
    for (const l of [...this.leaves]) cb(l);
  }

  iterateRootLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
    for (const l of this.leaves.filter((x) => x.side === 'main')) cb(l);
  }

  /** Obsidian, when a view type goes (its plugin is disabled): each leaf showing it closes the view and keeps a placeholder. */
  onViewUnregistered(type: string): void {
    for (const leaf of this.leaves) {
      if (leaf.view.getViewType() === type && !(leaf.view instanceof UnregisteredView)) void leaf.setViewState(leaf.getViewState());
    }
  }

  /** …and when it comes back, the placeholders become the view again, in place. */
  onViewRegistered(type: string): void {
    for (const leaf of this.leaves) {
      if (leaf.view instanceof UnregisteredView && leaf.view.type === type) void leaf.setViewState({ type, state: leaf.view.state });
    }
  }
}

// ---- The app's registries ----------------------------------------------------------------------

/** Obsidian's view registry (`app.viewRegistry`, internal): view types and their factories. */
export class ViewRegistry {
  private readonly byType = new Map<string, ViewCreator>();
  /** Obsidian's own view types, always there. */
  private readonly builtIn = new Map<string, ViewCreator>([
    ['empty', (leaf) => new EmptyView(leaf)],
    ['markdown', (leaf) => new MarkdownView(leaf)],
  ]);
  constructor(private readonly app: App) {}

  registerView(type: string, creator: ViewCreator): void {
    if (this.byType.has(type) || this.builtIn.has(type)) throw new Error(`Attempting to register an existing view type "${type}"`);
    this.byType.set(type, creator);
    this.app.workspace.onViewRegistered(type);
  }

  unregisterView(type: string): void {
    if (!this.byType.delete(type)) return;
    this.app.workspace.onViewUnregistered(type);
  }

  getViewCreatorByType(type: string): ViewCreator | undefined {
    return this.builtIn.get(type) ?? this.byType.get(type);
  }

  /** Test helper: the view types plugins registered. */
  types(): string[] {
    return [...this.byType.keys()];
  }
}

export interface Command {
  id: string;
  name: string;
  icon?: string;
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: (...args: unknown[]) => unknown;
  editorCheckCallback?: (checking: boolean, ...args: unknown[]) => boolean | void;
  hotkeys?: unknown[];
}

/** Obsidian's command registry (`app.commands`, internal), keyed by full id (`plugin-id:command-id`). */
export class Commands {
  readonly commands: Record<string, Command> = {};

  addCommand(command: Command): void {
    this.commands[command.id] = command;
  }

  removeCommand(id: string): void {
    delete this.commands[id];
  }

  findCommand(id: string): Command | undefined {
    return this.commands[id];
  }

  /** Whether the palette would list the command now (a `checkCallback` asked with `true`). */
  isAvailable(id: string): boolean {
    const c = this.commands[id];
    if (!c) return false;
    if (c.checkCallback) return c.checkCallback(true) === true;
    return c.callback !== undefined;
  }

  /** Runs a command as the palette or a hotkey does; false if it is unknown or not available now. */
  executeCommandById(id: string): boolean {
    const c = this.commands[id];
    if (!c || !this.isAvailable(id)) return false;
    if (c.checkCallback) c.checkCallback(false);
    else c.callback!();
    return true;
  }
}

/** The settings window (`app.setting`, internal): the plugins' tabs, and the one open. */
export class SettingWindow {
  readonly pluginTabs: PluginSettingTab[] = [];
  activeTab: SettingTab | null = null;

  addSettingTab(tab: PluginSettingTab): void {
    this.pluginTabs.push(tab);
  }

  removeSettingTab(tab: PluginSettingTab): void {
    const i = this.pluginTabs.indexOf(tab);
    if (i >= 0) this.pluginTabs.splice(i, 1);
    if (this.activeTab === tab) this.close();
  }

  /** Test helper: opens a tab as the settings window does (`display()`). */
  openTab(tab: SettingTab): void {
    if (this.activeTab && this.activeTab !== tab) this.activeTab.hide();
    this.activeTab = tab;
    tab.display();
  }

  /** Closes the window: the open tab's `hide()`. */
  close(): void {
    const tab = this.activeTab;
    this.activeTab = null;
    tab?.hide();
  }
}

export class App {
  vault = new Vault();
  metadataCache = new MetadataCache();
  workspace: Workspace;
  viewRegistry: ViewRegistry;
  commands = new Commands();
  fileManager: FileManager = new FileManager(this);
  setting = new SettingWindow();
  scope = new Scope();
  keymap = new Keymap(this.scope);
  /** Test helper: the left ribbon (ribbon icons) and the status bar. */
  ribbonEl: HTMLElement;
  statusBarEl: HTMLElement;
  /** Test helper: the modals open now, oldest first. */
  readonly modals: Modal[] = [];

  constructor() {
    this.vault.metadataCache = this.metadataCache;
    this.workspace = new Workspace(this);
    this.viewRegistry = new ViewRegistry(this);
    this.ribbonEl = maybeDiv('side-dock-actions');
    this.statusBarEl = maybeDiv('status-bar');
  }
}

// ---- Plugin ------------------------------------------------------------------------------------

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  author?: string;
  description?: string;
  dir?: string;
}

export class Plugin extends Component {
  /** Test helper: this plugin's commands, by their short id. */
  readonly commands = new Map<string, Command>();
  private data: unknown = null;
  constructor(
    public app: App,
    public manifest: PluginManifest,
  ) {
    super();
  }

  onExternalSettingsChange?(): unknown;

  addCommand(command: Command): Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}` };
    this.commands.set(command.id, full);
    this.app.commands.addCommand(full);
    this.register(() => this.removeCommand(command.id));
    return full;
  }

  removeCommand(commandId: string): void {
    this.commands.delete(commandId);
    this.app.commands.removeCommand(`${this.manifest.id}:${commandId}`);
  }

  registerView(type: string, viewCreator: ViewCreator): void {
    this.app.viewRegistry.registerView(type, viewCreator);
    this.register(() => this.app.viewRegistry.unregisterView(type));
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = buildEl(needDom('ribbon'), 'div', { cls: 'side-dock-ribbon-action clickable-icon', attr: { 'aria-label': title } }, this.app.ribbonEl);
    setIcon(el, icon);
    el.addEventListener('click', callback as EventListener);
    this.register(() => el.detach());
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = buildEl(needDom('status bar'), 'div', `status-bar-item plugin-${this.manifest.id.replace(/[^\w-]/g, '-')}`, this.app.statusBarEl);
    this.register(() => el.detach());
    return el;
  }

  addSettingTab(settingTab: PluginSettingTab): void {
    this.app.setting.addSettingTab(settingTab);
    this.register(() => this.app.setting.removeSettingTab(settingTab));
  }

  async loadData(): Promise<unknown> {
    return this.data === null ? null : structuredClone(this.data);
  }

  async saveData(data: unknown): Promise<void> {
    this.data = structuredClone(data);
  }

  /** Test helper: what `data.json` holds before the plugin loads. */
  setStoredData(data: unknown): void {
    this.data = structuredClone(data);
  }
}

// ---- Modals ------------------------------------------------------------------------------------

export class Modal {
  app: App;
  scope: Scope;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = false;
  /** Test helper: whether the modal is open. */
  isOpen = false;
  private closeCallback: (() => unknown) | null = null;

  constructor(app: App) {
    const doc = needDom('Modal');
    this.app = app;
    this.scope = new Scope(app.scope);
    // As Obsidian's modal does: its own scope, with Esc registered (first) to close it.
    this.scope.register([], 'Escape', () => {
      this.onEscapeKey();
      return false;
    });
    this.containerEl = buildEl(doc, 'div', 'modal-container mod-dim', null);
    // As Obsidian's modal does: a click on the dimmed background, like the close button and Esc,
    // goes through close() (a modal that overrides close() can refuse it).
    this.containerEl.createDiv('modal-bg').addEventListener('click', () => this.close());
    this.modalEl = this.containerEl.createDiv('modal');
    this.modalEl.createDiv('modal-close-button').addEventListener('click', () => this.close());
    this.titleEl = this.modalEl.createDiv('modal-header').createDiv('modal-title');
    this.contentEl = this.modalEl.createDiv('modal-content');
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    document.body.appendChild(this.containerEl);
    this.app.modals.push(this);
    this.app.keymap.pushScope(this.scope);
    void this.onOpen();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    const i = this.app.modals.indexOf(this);
    if (i >= 0) this.app.modals.splice(i, 1);
    this.app.keymap.popScope(this.scope);
    this.containerEl.detach();
    this.onClose();
    this.closeCallback?.();
  }

  onOpen(): Promise<void> | void {}
  onClose(): void {}

  /** Obsidian's internal reaction to Esc (not in obsidian.d.ts): closes the modal. */
  onEscapeKey(): void {
    this.close();
  }

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }

  setCloseCallback(callback: () => unknown): this {
    this.closeCallback = callback;
    return this;
  }
}

export interface Instruction {
  command: string;
  purpose: string;
}

export abstract class SuggestModal<T> extends Modal {
  limit = 100;
  emptyStateText = 'No results found.';
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  /** Test helper: the suggestions shown for the current query. */
  suggestions: T[] = [];

  constructor(app: App) {
    super(app);
    this.modalEl.addClass('prompt');
    this.inputEl = this.modalEl.createEl('input', { cls: 'prompt-input', type: 'text' });
    this.resultContainerEl = this.modalEl.createDiv('prompt-results');
    this.inputEl.addEventListener('input', () => void this.updateSuggestions());
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.placeholder = placeholder;
  }

  setInstructions(_instructions: Instruction[]): void {}

  onNoSuggestion(): void {
    this.resultContainerEl.empty();
    this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
  }

  override open(): void {
    super.open();
    void this.updateSuggestions();
  }

  /** Test helper (and what typing does): shows the suggestions for the input's text. */
  async updateSuggestions(): Promise<void> {
    const all = await this.getSuggestions(this.inputEl.value);
    this.suggestions = all.slice(0, this.limit);
    this.resultContainerEl.empty();
    if (this.suggestions.length === 0) {
      this.onNoSuggestion();
      return;
    }
    for (const s of this.suggestions) this.renderSuggestion(s, this.resultContainerEl.createDiv('suggestion-item'));
  }

  /** Closes the modal, then hands the choice on. */
  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }

  selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
    if (this.suggestions.length > 0) this.selectSuggestion(this.suggestions[0], evt);
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export interface SearchResult {
  score: number;
  matches: [number, number][];
}

export interface FuzzyMatch<T> {
  item: T;
  match: SearchResult;
}

/** Obsidian's fuzzy match, simplified: the query's characters in order, case-insensitive. */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  return (text) => {
    const t = text.toLowerCase();
    const matches: [number, number][] = [];
    let from = 0;
    for (const ch of q) {
      const at = t.indexOf(ch, from);
      if (at < 0) return null;
      matches.push([at, at + 1]);
      from = at + 1;
    }
    return { score: -(matches.at(-1)?.[0] ?? 0), matches };
  };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const search = prepareFuzzySearch(query);
    const out: FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const match = search(this.getItemText(item));
      if (match) out.push({ item, match });
    }
    return query.trim() === '' ? out : out.sort((a, b) => b.match.score - a.match.score);
  }

  renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
    el.setText(this.getItemText(item.item));
  }

  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }

  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;

  /** Test helper: types `query` and picks the suggestion whose text is `text` (the first one if not given). */
  async choose(query: string, text?: string): Promise<T> {
    this.inputEl.value = query;
    await this.updateSuggestions();
    const pick = text === undefined ? this.suggestions[0] : this.suggestions.find((s) => this.getItemText(s.item) === text);
    if (!pick) throw new Error(`No suggestion ${text === undefined ? '' : `"${text}" `}for "${query}"`);
    this.selectSuggestion(pick, new MouseEvent('click'));
    return pick.item;
  }
}

// ---- Settings ----------------------------------------------------------------------------------

export abstract class BaseComponent {
  disabled = false;
  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
}

export abstract class ValueComponent<T> extends BaseComponent {
  abstract getValue(): T;
  abstract setValue(value: T): this;
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(public inputEl: T) {
    super();
    inputEl.addEventListener('input', () => this.onChanged());
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.inputEl.disabled = disabled;
    return this;
  }

  getValue(): string {
    return this.inputEl.value;
  }

  /** Sets the text; does not call `onChange` (only typing does). */
  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }

  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }

  onChanged(): void {
    void this.changeCallback?.(this.getValue());
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl('input', { type: 'text' }));
  }
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl('textarea'));
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private on = false;
  private changeCallback: ((value: boolean) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv('checkbox-container');
    this.toggleEl.createEl('input', { type: 'checkbox', attr: { tabindex: 0 } });
    this.toggleEl.addEventListener('click', () => {
      if (!this.disabled) this.onClick();
    });
  }

  getValue(): boolean {
    return this.on;
  }

  /** As Obsidian's toggle does, a change of value calls `onChange`. */
  setValue(on: boolean): this {
    const changed = on !== this.on;
    this.on = on;
    this.toggleEl.toggleClass('is-enabled', on);
    (this.toggleEl.querySelector('input') as HTMLInputElement).checked = on;
    if (changed) void this.changeCallback?.(on);
    return this;
  }

  setTooltip(tooltip: string): this {
    this.toggleEl.setAttr('aria-label', tooltip);
    return this;
  }

  onClick(): void {
    this.setValue(!this.getValue());
  }

  onChange(callback: (value: boolean) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl('select', { cls: 'dropdown' });
    this.selectEl.addEventListener('change', () => void this.changeCallback?.(this.getValue()));
  }

  addOption(value: string, display: string): this {
    this.selectEl.createEl('option', { value, text: display });
    return this;
  }

  addOptions(options: Record<string, string>): this {
    for (const [v, d] of Object.entries(options)) this.addOption(v, d);
    return this;
  }

  getValue(): string {
    return this.selectEl.value;
  }

  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class SliderComponent extends ValueComponent<number> {
  sliderEl: HTMLInputElement;
  private changeCallback: ((value: number) => unknown) | null = null;
  private instant = false;

  constructor(containerEl: HTMLElement) {
    super();
    this.sliderEl = containerEl.createEl('input', { cls: 'slider', type: 'range' });
    this.sliderEl.addEventListener('input', () => {
      if (this.instant) void this.changeCallback?.(this.getValue());
    });
    this.sliderEl.addEventListener('change', () => {
      if (!this.instant) void this.changeCallback?.(this.getValue());
    });
  }

  setInstant(instant: boolean): this {
    this.instant = instant;
    return this;
  }

  setLimits(min: number | null, max: number | null, step: number | 'any'): this {
    if (min !== null) this.sliderEl.min = String(min);
    if (max !== null) this.sliderEl.max = String(max);
    this.sliderEl.step = String(step);
    return this;
  }

  getValue(): number {
    return Number(this.sliderEl.value);
  }

  setValue(value: number): this {
    this.sliderEl.value = String(value);
    return this;
  }

  getValuePretty(): string {
    return String(this.getValue());
  }

  setDynamicTooltip(): this {
    return this;
  }

  onChange(callback: (value: number) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class ButtonComponent extends BaseComponent {
  buttonEl: HTMLButtonElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = containerEl.createEl('button');
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.buttonEl.disabled = disabled;
    return this;
  }

  setCta(): this {
    this.buttonEl.addClass('mod-cta');
    return this;
  }

  removeCta(): this {
    this.buttonEl.removeClass('mod-cta');
    return this;
  }

  setWarning(): this {
    this.buttonEl.addClass('mod-warning');
    return this;
  }

  setTooltip(tooltip: string): this {
    this.buttonEl.setAttr('aria-label', tooltip);
    return this;
  }

  setButtonText(name: string): this {
    this.buttonEl.setText(name);
    return this;
  }

  setIcon(icon: string): this {
    setIcon(this.buttonEl, icon);
    return this;
  }

  setClass(cls: string): this {
    this.buttonEl.addClass(cls);
    return this;
  }

  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.buttonEl.addEventListener('click', (e) => void callback(e));
    return this;
  }
}

export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: BaseComponent[] = [];

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv('setting-item');
    this.infoEl = this.settingEl.createDiv('setting-item-info');
    this.nameEl = this.infoEl.createDiv('setting-item-name');
    this.descEl = this.infoEl.createDiv('setting-item-description');
    this.controlEl = this.settingEl.createDiv('setting-item-control');
  }

  setName(name: string | DocumentFragment): this {
    this.nameEl.setText(name);
    return this;
  }

  setDesc(desc: string | DocumentFragment): this {
    this.descEl.setText(desc);
    return this;
  }

  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }

  setTooltip(tooltip: string): this {
    this.nameEl.setAttr('aria-label', tooltip);
    return this;
  }

  setHeading(): this {
    this.settingEl.addClass('setting-item-heading');
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.settingEl.toggleClass('is-disabled', disabled);
    for (const c of this.components) c.setDisabled(disabled);
    return this;
  }

  private add<C extends BaseComponent>(component: C, cb: (component: C) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }

  addButton(cb: (component: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }

  addToggle(cb: (component: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }

  addText(cb: (component: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }

  addTextArea(cb: (component: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }

  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }

  addSlider(cb: (component: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(this.controlEl), cb);
  }

  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }

  clear(): this {
    this.controlEl.empty();
    this.components = [];
    return this;
  }
}

export abstract class SettingTab {
  icon = '';
  app: App;
  containerEl: HTMLElement;

  constructor(app: App) {
    needDom('SettingTab');
    this.app = app;
    this.containerEl = buildEl(document, 'div', 'vertical-tab-content', null);
  }

  display(): void {}

  /** Obsidian empties the tab when it is hidden. */
  hide(): void {
    this.containerEl.empty();
  }
}

export abstract class PluginSettingTab extends SettingTab {
  constructor(
    app: App,
    public plugin: Plugin,
  ) {
    super(app);
  }
}

// ---- Rendering, menus, notices, helpers --------------------------------------------------------

export class MarkdownRenderer {
  /** Test helper: every render, oldest first. */
  static readonly rendered: { markdown: string; el: HTMLElement; sourcePath: string; component: Component }[] = [];

  /**
   * Renders markdown into `el` (the fake puts the text in as it is). As Obsidian does, the render
   * adds a child to `component` (its embeds, code blocks, post-processors live in it), which goes
   * only when `component` unloads: a long-lived owner collects one child per render.
   */
  static async render(_app: App, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
    MarkdownRenderer.rendered.push({ markdown, el, sourcePath, component });
    component.addChild(new Component());
    el.createDiv({ cls: 'markdown-fake-render', text: markdown });
  }

  /** @deprecated in Obsidian: use `render`. */
  static renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
    return MarkdownRenderer.render(undefined as never, markdown, el, sourcePath, component);
  }
}

export class MenuItem {
  /** Test helpers: what the item was set to. */
  title = '';
  icon: string | null = null;
  checked: boolean | null = null;
  disabled = false;
  section = '';
  private callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  setTitle(title: string | DocumentFragment): this {
    this.title = typeof title === 'string' ? title : (title.textContent ?? '');
    return this;
  }
  setIcon(icon: string | null): this {
    this.icon = icon;
    return this;
  }
  setChecked(checked: boolean | null): this {
    this.checked = checked;
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
  setWarning(_isWarning: boolean): this {
    return this;
  }
  setIsLabel(_isLabel: boolean): this {
    return this;
  }
  setSection(section: string): this {
    this.section = section;
    return this;
  }
  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.callback = callback;
    return this;
  }
  /** Test helper: the coach picks the item. */
  click(): void {
    if (!this.disabled) void this.callback?.(new MouseEvent('click'));
  }
}

export class Menu extends Component {
  /** Test helper: the items added, in order. */
  readonly items: MenuItem[] = [];
  private hideCallbacks: (() => unknown)[] = [];

  setNoIcon(): this {
    return this;
  }
  setUseNativeMenu(_use: boolean): this {
    return this;
  }
  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem();
    this.items.push(item);
    cb(item);
    return this;
  }
  addSeparator(): this {
    return this;
  }
  showAtMouseEvent(_evt: MouseEvent): this {
    return this;
  }
  showAtPosition(_position: { x: number; y: number }): this {
    return this;
  }
  hide(): this {
    for (const cb of this.hideCallbacks.splice(0)) cb();
    return this;
  }
  close(): void {
    this.hide();
  }
  onHide(callback: () => unknown): void {
    this.hideCallbacks.push(callback);
  }
  /** Test helper: the item titled `title`. */
  item(title: string): MenuItem | undefined {
    return this.items.find((i) => i.title === title);
  }
}

export class Notice {
  /** Test helper: every message shown, as text. */
  static readonly shown: string[] = [];
  /** Test helper: every notice, newest last (a fragment's buttons can be clicked through `messageEl`). */
  static readonly notices: Notice[] = [];
  message: string;
  /** As Obsidian's (1.8.7+): the notice's box and the element holding its message, when there is a DOM. */
  containerEl!: HTMLElement;
  messageEl!: HTMLElement;
  noticeEl!: HTMLElement;
  /** Test helper: false once hidden. */
  visible = true;
  constructor(message: string | DocumentFragment, _duration?: number) {
    this.message = '';
    if (typeof document !== 'undefined') {
      this.containerEl = document.createElement('div');
      this.containerEl.className = 'notice';
      this.messageEl = this.noticeEl = this.containerEl;
    }
    this.setMessage(message);
    Notice.notices.push(this);
  }
  setMessage(message: string | DocumentFragment): this {
    this.message = typeof message === 'string' ? message : (message.textContent ?? '');
    if (this.messageEl) {
      this.messageEl.replaceChildren();
      if (typeof message === 'string') this.messageEl.textContent = message;
      else this.messageEl.append(message);
    }
    Notice.shown.push(this.message);
    return this;
  }
  hide(): void {
    this.visible = false;
    this.containerEl?.remove();
  }
}

export interface Debouncer<T extends unknown[], V> {
  (...args: [...T]): this;
  cancel(): this;
  run(): V | void;
}

/** Calls `cb` `timeout` ms after the first call (or the last one, with `resetTimer`), with the latest arguments. */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let args: [...T] | null = null;
  const fire = (): V | void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (args === null) return;
    const a = args;
    args = null;
    return cb(...a);
  };
  const debounced = function (this: unknown, ...a: [...T]) {
    args = a;
    if (timer !== null && resetTimer) {
      clearTimeout(timer);
      timer = null;
    }
    if (timer === null) timer = setTimeout(fire, timeout);
    return debounced;
  } as Debouncer<T, V>;
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    args = null;
    return debounced;
  };
  debounced.run = fire;
  return debounced;
}

/** Puts the icon in `parent` (an svg tagged with the icon's id), replacing what was there. */
export function setIcon(parent: HTMLElement, iconId: string): void {
  parent.empty();
  const svg = parent.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', `svg-icon lucide-${iconId}`);
  svg.setAttribute('data-icon', iconId);
  parent.appendChild(svg);
}

// ---- Added for the review's rules (parseYaml, FileManager, Editor) ------------------------------

import { parse as parseYamlPackage, stringify as stringifyYamlPackage } from 'yaml';

/**
 * Obsidian's `parseYaml` is js-yaml's `load`: YAML 1.2 core types plus timestamps (an unquoted
 * `2026-11-26` is a Date) and merge keys; duplicate keys throw; empty input is null. Errors are
 * js-yaml's YAMLException shape (`mark.line` 0-based).
 */
export function parseYaml(yaml: string): any {
  try {
    const value: unknown = parseYamlPackage(yaml, { schema: 'core', customTags: ['timestamp'], merge: true, uniqueKeys: true });
    return value === undefined ? null : value;
  } catch (e) {
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const err = new Error((e as Error).message) as Error & { mark?: { line: number; column: number } };
    err.name = 'YAMLException';
    if (pos) err.mark = { line: pos.line - 1, column: pos.col - 1 };
    throw err;
  }
}

export function stringifyYaml(obj: any): string {
  return stringifyYamlPackage(obj);
}

/** The part of FileManager the plugin uses. */
export class FileManager {
  /** Test helper: paths sent to the trash, in order. */
  readonly trashed: string[] = [];
  constructor(private readonly app: App) {}

  /** Moves a file to the trash the coach chose (system or `.trash`); gone from the vault either way. */
  async trashFile(file: TAbstractFile): Promise<void> {
    this.trashed.push(file.path);
    await this.app.vault.delete(file);
  }

  /**
   * Atomically reads the note's frontmatter as an object, lets `fn` change it, and writes it back
   * (re-serialized, as Obsidian does); a note without frontmatter gets one. Throws when the
   * frontmatter is not valid YAML, writing nothing.
   */
  async processFrontMatter(file: TFile, fn: (frontmatter: any) => void, _options?: unknown): Promise<void> {
    await this.app.vault.process(file, (data) => {
      const m = /^---\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m.exec(data);
      const head = m && m.index === 0 ? m : null;
      const fm: Record<string, unknown> = head ? ((parseYaml(head[1]) as Record<string, unknown> | null) ?? {}) : {};
      fn(fm);
      const body = head ? data.slice(head[0].length) : data;
      const yaml = Object.keys(fm).length === 0 ? '' : stringifyYaml(fm);
      return `---\n${yaml}---\n${body}`;
    });
  }
}

export interface EditorPosition {
  line: number;
  ch: number;
}

export interface EditorChange {
  from: EditorPosition;
  to?: EditorPosition;
  text: string;
}

/**
 * A MarkdownView's editor over the view's text. A transaction changes the text in place (the view
 * becomes unsaved, as after typing); the cursor moves with the text around it and each transaction
 * is one undo step. Test helpers: `undoSteps`, `setValueCount` (how often the whole text was
 * replaced, which loses cursor, folds and undo).
 */
export class Editor {
  private cursor = 0;
  undoSteps = 0;
  setValueCount = 0;
  constructor(private readonly view: MarkdownView) {}

  getValue(): string {
    return this.view.data;
  }

  setValue(content: string): void {
    this.view.data = content;
    this.view.dirty = true;
    this.cursor = 0;
    this.undoSteps = 0;
    this.setValueCount++;
  }

  lineCount(): number {
    return this.view.data.split('\n').length;
  }

  getLine(line: number): string {
    return this.view.data.split('\n')[line] ?? '';
  }

  offsetToPos(offset: number): EditorPosition {
    const before = this.view.data.slice(0, Math.max(0, Math.min(offset, this.view.data.length))).split('\n');
    return { line: before.length - 1, ch: before[before.length - 1].length };
  }

  posToOffset(pos: EditorPosition): number {
    const lines = this.view.data.split('\n');
    let offset = 0;
    for (let i = 0; i < pos.line && i < lines.length; i++) offset += lines[i].length + 1;
    return offset + Math.min(pos.ch, lines[pos.line]?.length ?? 0);
  }

  getCursor(): EditorPosition {
    return this.offsetToPos(this.cursor);
  }

  setCursor(pos: EditorPosition | number, ch?: number): void {
    this.cursor = this.posToOffset(typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos);
  }

  replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
    this.transaction({ changes: [{ from, to, text: replacement }] });
  }

  transaction(tx: { changes?: EditorChange[] }): void {
    const changes = (tx.changes ?? []).map((c) => {
      const from = this.posToOffset(c.from);
      return { from, to: c.to ? this.posToOffset(c.to) : from, text: c.text };
    });
    // All positions refer to the text before the transaction: apply from the end backwards.
    changes.sort((a, b) => b.from - a.from);
    let data = this.view.data;
    for (const c of changes) {
      data = data.slice(0, c.from) + c.text + data.slice(c.to);
      if (this.cursor >= c.to) this.cursor += c.text.length - (c.to - c.from);
      else if (this.cursor > c.from) this.cursor = c.from + c.text.length;
    }
    if (changes.length === 0) return;
    this.view.data = data;
    this.view.dirty = true;
    this.undoSteps++;
  }
}
