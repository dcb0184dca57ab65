/**
 * An in-memory fake of the part of Obsidian's API the plugin uses, faithful in the ways that
 * matter to it: events fire in Obsidian's order (vault event, then the metadata cache's `changed`
 * a tick later), `process` is an atomic read-modify-write, components unregister what they
 * registered, and the layout becomes ready once. Tests alias `obsidian` to this module.
 */

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

  /** Test helper: put a note in place without events (as if it was there at start-up). */
  seed(path: string, data: string): TFile {
    const file = new TFile(path);
    file.vault = this;
    file.stat = { ctime: this.clock, mtime: this.clock++, size: data.length };
    this.files.set(path, { file, data });
    return file;
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
    return [...this.files.values()].map((f) => f.file).filter((f) => f.extension === 'md');
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
    return this.entry(file).data;
  }

  async cachedRead(file: TFile): Promise<string> {
    return this.entry(file).data;
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
    const file = this.seed(p, data);
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
    this.trigger('rename', file, oldPath);
  }
}

export interface CachedMetadata {
  frontmatter?: Record<string, unknown>;
}

export class MetadataCache extends Events {
  private caches = new Map<string, CachedMetadata>();

  fileChanged(file: TFile, data: string): void {
    const cache: CachedMetadata = {};
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(data);
    if (m) {
      cache.frontmatter = {};
      for (const line of m[1].split(/\r?\n/)) {
        const kv = /^([\w-]+):\s*(.*)$/.exec(line);
        if (kv) cache.frontmatter[kv[1]] = kv[2].replace(/^["']|["']$/g, '');
      }
    }
    this.caches.set(file.path, cache);
    this.trigger('changed', file, data, cache);
  }

  fileDeleted(file: TFile): void {
    const prev = this.caches.get(file.path) ?? null;
    this.caches.delete(file.path);
    this.trigger('deleted', file, prev);
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }
}

export class Component {
  private children: Component[] = [];
  private cleanups: (() => unknown)[] = [];
  loaded = false;

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.onload();
    for (const c of this.children) c.load();
  }

  onload(): void {}

  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (const c of this.children.splice(0)) c.unload();
    for (const fn of this.cleanups.splice(0).reverse()) fn();
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(child: T): T {
    this.children.push(child);
    if (this.loaded) child.load();
    return child;
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

  registerDomEvent(el: EventTarget, type: string, cb: (ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, cb, options);
    this.register(() => el.removeEventListener(type, cb, options));
  }
}

export class Workspace extends Events {
  layoutReady = false;
  private readyCallbacks: (() => unknown)[] = [];

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
    return null;
  }

  /** Test helper: the open leaves; tests push leaves holding fake views. */
  readonly leaves: WorkspaceLeaf[] = [];

  getLeavesOfType(type: string): WorkspaceLeaf[] {
    return this.leaves.filter((l) => l.view.getViewType() === type);
  }

  iterateAllLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
    for (const l of [...this.leaves]) cb(l);
  }
}

/** A view in a leaf. Only what the plugin's edit code touches. */
export class View {
  getViewType(): string {
    return 'empty';
  }
}

export class WorkspaceLeaf {
  constructor(public view: View) {}
}

/**
 * An open note in an editor. `data` is the editor's text; `dirty` says it has not been saved yet
 * (Obsidian saves a couple of seconds after typing stops). `save()` writes it to the vault.
 */
export class MarkdownView extends View {
  dirty = false;
  readonly saves: string[] = [];
  constructor(
    public app: App,
    public file: TFile | null,
    public data = '',
  ) {
    super();
  }

  override getViewType(): string {
    return 'markdown';
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

export class App {
  vault = new Vault();
  metadataCache = new MetadataCache();
  workspace = new Workspace();
  constructor() {
    this.vault.metadataCache = this.metadataCache;
  }
}

export interface Command {
  id: string;
  name: string;
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: (...args: unknown[]) => unknown;
  editorCheckCallback?: (checking: boolean, ...args: unknown[]) => boolean | void;
  hotkeys?: unknown[];
  icon?: string;
}

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  dir?: string;
}

export class Plugin extends Component {
  readonly commands = new Map<string, Command>();
  private data: unknown = null;
  constructor(
    public app: App,
    public manifest: PluginManifest,
  ) {
    super();
  }

  addCommand(command: Command): Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}` };
    this.commands.set(command.id, full);
    this.register(() => this.commands.delete(command.id));
    return full;
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

export class Notice {
  static readonly shown: string[] = [];
  constructor(public message: string, _timeout?: number) {
    Notice.shown.push(message);
  }
  hide(): void {}
}
