/**
 * Keeps the core's indexes (the VaultIndex, and the agreements beside it) in step with Obsidian:
 * a scan once the layout is ready, then one note at a time on metadata-cache `changed` /
 * `deleted` and vault `rename`.
 *
 * The scan reads only candidate notes (src/core/index/candidates.ts), chosen from Obsidian's
 * metadata cache before any text is read; a note whose cache is not ready yet is read when its
 * `changed` comes. It parses in slices of about SLICE_MS and yields to the UI between them, and
 * it never fails as a whole: a note that cannot be read is a diagnostic. Events win over the
 * scan: a note changed, deleted or renamed while the scan runs keeps what the event said, not
 * the older text the scan read. A re-read (new reading settings, a rescan) builds the new index
 * aside, parsed in slices too (`VaultIndex.stage`), and swaps it in at once (`replaceWith`), so
 * views never see it empty.
 */
import type { App, CachedMetadata, Component, EventRef, TAbstractFile, TFile } from 'obsidian';
import { writable, type Readable } from 'svelte/store';
import type { AgreementIndex } from '../core/agreements/store';
import { isCandidateNote } from '../core/index/candidates';
import type { StagedRead, VaultIndex } from '../core/index/vault-index';
import { MAX_NOTE_BYTES, tooLargeMessage } from '../core/parse/unread';
import { resolveCoreSettings, type CoreSettings } from '../core/settings';
import type { IndexProgress } from '../ui/contracts';
import { uiTurn } from '../app/ui-turn';

/** A note file too large to read (see MAX_NOTE_CHARS), refused before its text is read. */
class TooLarge extends Error {
  constructor(size: number) {
    super(tooLargeMessage(size, 'bytes'));
  }
}

export interface IndexerOptions {
  /** Obsidian's `getAllTags` (passed in so this module needs nothing from `obsidian` at run time). */
  getAllTags(cache: CachedMetadata): string[] | null;
  /** A read that takes longer than this is given up as unreadable (ms). */
  readTimeoutMs?: number;
  /** The longest the scan works before it yields to the UI (ms). */
  sliceMs?: number;
}

/** Reads started at once. */
const BATCH = 200;
const SLICE_MS = 8;
const READ_TIMEOUT_MS = 15_000;

type Read = { path: string; file: TFile; text: string } | { path: string; file: TFile; error: string };
/** What an event said about a path during a scan: its text, that it cannot be read, or gone (null). */
type Latest = string | { error: string } | null;

interface Scan {
  /** 'fill': add notes to the index as they are read (start-up); 'replace': swap all in at the end. */
  mode: 'fill' | 'replace';
  settings: CoreSettings;
  cancelled: boolean;
  /** Paths an event touched since the scan began, with what the event said: the scan's own read of them is stale. */
  touched: Map<string, Latest>;
  promise: Promise<void>;
}

const now = () => performance.now();
/** A turn for the UI between slices: a background task, not a zero timer (see ../app/ui-turn). */
const yieldToUi = () => uiTurn(window);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class VaultIndexer {
  private ready = false;
  private stopped = false;
  private scan: Scan | null = null;
  /** The reading settings asked for last (they reach the index when their re-read is swapped in). */
  private wanted: CoreSettings;
  /** Bumped by every event for a path, so a rename's read can tell that a later event won. */
  private readonly seq = new Map<string, number>();
  private readonly progressStore = writable<IndexProgress | null>(null);
  private readonly sliceMs: number;
  private readonly readTimeoutMs: number;

  constructor(
    private readonly app: App,
    private readonly index: VaultIndex,
    private readonly agreements: AgreementIndex,
    private readonly options: IndexerOptions,
  ) {
    this.wanted = index.settings;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.readTimeoutMs = options.readTimeoutMs ?? READ_TIMEOUT_MS;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** The start-up read's progress (candidate notes read of all), null when it is not running. */
  get progress(): Readable<IndexProgress | null> {
    return this.progressStore;
  }

  /** Reads every candidate note: into the index as it goes the first time, swapped in at once after. */
  indexAll(): Promise<void> {
    const fill = !this.ready && this.wanted === this.index.settings;
    return this.start(fill ? 'fill' : 'replace', this.wanted);
  }

  /** New reading settings: re-reads the candidates with them and swaps the result in. */
  reindex(settings: Partial<CoreSettings>): Promise<void> {
    this.wanted = resolveCoreSettings(settings);
    return this.start('replace', this.wanted);
  }

  /** Stops any scan; later calls do nothing (the plugin is unloading). */
  stop(): void {
    this.stopped = true;
    if (this.scan) this.scan.cancelled = true;
    this.scan = null;
    this.progressStore.set(null);
  }

  /** Subscribes to the events that change notes; `owner` unregisters them (and stops any scan) on unload. */
  register(owner: Component): void {
    const { metadataCache, vault } = this.app;
    const on = (ref: EventRef) => owner.registerEvent(ref);
    on(metadataCache.on('changed', (file, data, cache) => this.changed(file, data, cache)));
    on(metadataCache.on('deleted', (file) => this.deleted(file.path)));
    on(vault.on('rename', (file, oldPath) => void this.renamed(file, oldPath)));
    owner.register(() => this.stop());
  }

  // ---- events --------------------------------------------------------------------------------

  private bump(path: string): number {
    const n = (this.seq.get(path) ?? 0) + 1;
    this.seq.set(path, n);
    return n;
  }

  private candidate(path: string, cache: CachedMetadata, settings: CoreSettings): boolean {
    const fm = cache.frontmatter;
    return isCandidateNote(
      {
        path,
        frontmatter: fm ?? null,
        tags: this.options.getAllTags(cache) ?? [],
        headings: (cache.headings ?? []).map((h) => h.heading),
        frontmatterInvalid: cache.frontmatterPosition !== undefined && fm === undefined,
      },
      settings,
    );
  }

  private changed(file: TFile, data: string, cache: CachedMetadata): void {
    if (file.extension !== 'md') return;
    this.bump(file.path);
    const scan = this.scan;
    if (scan) scan.touched.set(file.path, this.candidate(file.path, cache, scan.settings) ? data : null);
    if (this.candidate(file.path, cache, this.index.settings)) {
      this.agreements.setNote(file.path, data);
      this.index.setNote(file.path, data);
    } else {
      this.agreements.removeNote(file.path);
      this.index.removeNote(file.path);
    }
  }

  private deleted(path: string): void {
    this.bump(path);
    this.scan?.touched.set(path, null);
    this.agreements.removeNote(path);
    this.index.removeNote(path);
  }

  private async renamed(abstract: TAbstractFile, oldPath: string): Promise<void> {
    this.bump(oldPath);
    this.scan?.touched.set(oldPath, null);
    const file = this.app.vault.getFileByPath(abstract.path);
    const cache = file && file.extension === 'md' ? this.app.metadataCache.getFileCache(file) : null;
    // A folder, not a note, or a note not indexed yet (its `changed` will come): only the old path goes.
    if (!file || !cache || !this.candidate(file.path, cache, this.index.settings)) {
      this.agreements.removeNote(oldPath);
      this.index.removeNote(oldPath);
      return;
    }
    const path = file.path;
    const mine = this.bump(path);
    const read = await this.read(file, path);
    if (this.stopped) return;
    if (this.seq.get(path) !== mine || this.app.vault.getFileByPath(path) !== file) {
      // A later event said what this path holds (or it moved on): just let the old path go.
      this.agreements.removeNote(oldPath);
      this.index.removeNote(oldPath);
      return;
    }
    const scan = this.scan;
    if ('text' in read) {
      if (scan) scan.touched.set(path, this.candidate(path, cache, scan.settings) ? read.text : null);
      this.agreements.renameNote(oldPath, path, read.text);
      this.index.renameNote(oldPath, path, read.text);
    } else {
      scan?.touched.set(path, { error: read.error });
      this.agreements.removeNote(oldPath);
      this.index.removeNote(oldPath);
      this.index.setUnreadable(path, read.error);
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  /** One note's text, or why it could not be read; never rejects, never waits past the timeout. */
  private read(file: TFile, path: string): Promise<Read> {
    return this.readAll([file], [path]).then((r) => r[0]);
  }

  /**
   * Reads notes at once, each answering with its text or why it could not be read; never
   * rejects, and a read with no answer by the timeout (one timer for them all) is unreadable.
   */
  private readAll(files: readonly TFile[], paths: readonly string[]): Promise<Read[]> {
    return new Promise<Read[]>((resolve) => {
      const out = new Array<Read | undefined>(files.length);
      let left = files.length;
      const finish = () => {
        window.clearTimeout(timer);
        resolve(Array.from(out, (r, i) => r ?? { path: paths[i], file: files[i], error: `note could not be read: no answer after ${Math.round(this.readTimeoutMs / 1000)} s` }));
      };
      const timer = window.setTimeout(finish, this.readTimeoutMs);
      const settle = (i: number, r: Read) => {
        if (out[i] !== undefined) return;
        out[i] = r;
        if (--left === 0) finish();
      };
      if (left === 0) finish();
      files.forEach((file, i) => {
        let reading: Promise<string>;
        try {
          // Not even read when it is far larger than any note the core would read.
          reading = file.stat.size > MAX_NOTE_BYTES ? Promise.reject(new TooLarge(file.stat.size)) : this.app.vault.cachedRead(file);
        } catch (e) {
          reading = Promise.reject(e instanceof Error ? e : new Error(message(e)));
        }
        reading.then(
          (text) => settle(i, { path: paths[i], file, text }),
          (e: unknown) => settle(i, { path: paths[i], file, error: e instanceof TooLarge ? e.message : `note could not be read: ${message(e)}` }),
        );
      });
    });
  }

  private start(mode: Scan['mode'], settings: CoreSettings): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.scan) this.scan.cancelled = true;
    const scan: Scan = { mode, settings, cancelled: false, touched: new Map(), promise: Promise.resolve() };
    this.scan = scan;
    scan.promise = this.run(scan).then(
      () => {
        if (this.scan === scan) this.finish();
        // Superseded: done when the scan that took over is.
        return scan.cancelled ? this.scan?.promise : undefined;
      },
      (e: unknown) => {
        // Nothing above throws by design; should something, the index keeps what it has.
        console.error('Follow Through: reading the vault failed', e);
        if (this.scan === scan) this.finish();
      },
    );
    return scan.promise;
  }

  private finish(): void {
    this.scan = null;
    this.ready = true;
    this.progressStore.set(null);
  }

  private async run(scan: Scan): Promise<void> {
    const { vault, metadataCache } = this.app;
    if (scan.mode === 'fill') this.progressStore.set({ read: 0, total: 0 });

    // 1. The candidates, from the metadata cache alone.
    const files = vault.getMarkdownFiles();
    const wanted: TFile[] = [];
    let sliceStart = now();
    for (let i = 0; i < files.length; i++) {
      const cache = metadataCache.getFileCache(files[i]);
      if (cache && this.candidate(files[i].path, cache, scan.settings)) wanted.push(files[i]);
      if ((i & 15) === 15 && now() - sliceStart > this.sliceMs) {
        await yieldToUi();
        if (scan.cancelled) return;
        sliceStart = now();
      }
    }
    const total = wanted.length;
    if (scan.mode === 'fill') this.progressStore.set({ read: 0, total });

    // 2. Read a batch at a time; parse in slices, yielding to the UI after each. A re-read parses
    // aside (the index answers with what it holds meanwhile) and swaps in at the end.
    const staged = scan.mode === 'replace' ? this.index.stage(scan.settings) : null;
    const texts = new Map<string, string>();
    let done = 0;
    // The next batch is read while this one is parsed: on desktop a read is disk time on other
    // threads, so the parse and the disk overlap rather than take turns.
    const readBatch = (from: number) => {
      const batch = wanted.slice(from, from + BATCH);
      return this.readAll(batch, batch.map((f) => f.path));
    };
    let next = wanted.length > 0 ? readBatch(0) : null;
    for (let i = 0; i < wanted.length; i += BATCH) {
      const reads = await next!;
      if (scan.cancelled) return;
      next = i + BATCH < wanted.length ? readBatch(i + BATCH) : null;
      const cursor = { at: 0 };
      while (cursor.at < reads.length) {
        if (scan.mode === 'fill') {
          // Parse until the slice's time is up; what is left waits for the next slice.
          const unreadable: Read[] = [];
          this.index.setNotes(this.untilDeadline(scan, reads, cursor, sliceStart + this.sliceMs, unreadable, (path, text) => this.agreements.setNote(path, text)));
          for (const r of unreadable) if ('error' in r) this.index.setUnreadable(r.path, r.error);
        } else {
          const unreadable: Read[] = [];
          for (const [path, text] of this.untilDeadline(scan, reads, cursor, sliceStart + this.sliceMs, unreadable)) {
            texts.set(path, text);
            staged!.add(path, text);
          }
          for (const r of unreadable) if ('error' in r) staged!.unreadable(r.path, r.error);
        }
        if (scan.mode === 'fill' || cursor.at < reads.length || now() - sliceStart > this.sliceMs) {
          await yieldToUi();
          if (scan.cancelled) return;
          sliceStart = now();
        }
      }
      done += reads.length;
      if (scan.mode === 'fill') this.progressStore.set({ read: done, total });
    }
    if (staged) this.swapIn(scan, staged, texts);
  }

  /** What an event spoke for since the scan began wins; what is gone or moved has its own event coming. */
  private isFresh(scan: Scan, r: Read): boolean {
    return !scan.touched.has(r.path) && this.app.vault.getFileByPath(r.path) === r.file;
  }

  /**
   * The fresh reads from `cursor` on, each passed to `each` just before it is yielded (the start-up
   * read tells the agreements there, just before the index parses it), until `deadline` (at least
   * one per slice); unreadable ones are set aside for the caller.
   */
  private *untilDeadline(
    scan: Scan,
    reads: readonly Read[],
    cursor: { at: number },
    deadline: number,
    unreadable: Read[],
    each?: (path: string, text: string) => void,
  ): Generator<[string, string]> {
    let first = true;
    while (cursor.at < reads.length && (first || now() < deadline)) {
      const r = reads[cursor.at++];
      if (!this.isFresh(scan, r)) continue;
      if ('error' in r) {
        unreadable.push(r);
        continue;
      }
      first = false;
      each?.(r.path, r.text);
      yield [r.path, r.text];
    }
  }

  /** The re-read's result, with what events said meanwhile, in place of everything, at once. */
  private swapIn(scan: Scan, staged: StagedRead, texts: Map<string, string>): void {
    for (const [path, latest] of scan.touched) {
      texts.delete(path);
      if (latest === null) staged.drop(path);
      else if (typeof latest === 'string') {
        texts.set(path, latest);
        staged.add(path, latest);
      } else staged.unreadable(path, latest.error);
    }
    this.agreements.clear();
    this.agreements.setNotes([...texts]);
    this.index.replaceWith(staged);
  }
}
