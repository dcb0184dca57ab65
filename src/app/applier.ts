/**
 * Applies the core's edits to the vault, guarded:
 *
 * - Every write is a `Vault.process` (Obsidian's atomic read-modify-write). The callback checks the
 *   note still holds the text the edit was computed from (or computes the edit on the text it is
 *   given), and if not it returns the text unchanged: nothing is written.
 * - A multi-note edit (recommit: the next session's note and the old note) is all or nothing: if a
 *   later note fails, the notes already written are put back (each only if it still holds what we
 *   wrote), and a note this edit created is deleted again. The core orders the changes so that
 *   even a failed put-back loses nothing: the carried line is written before the old one is
 *   marked `[>]`, and undo un-marks the old line before it removes the carried one.
 * - Unsaved editor text: `Vault.process` works on the saved file, while an open editor may hold a
 *   couple of seconds of typing that Obsidian has not saved yet (TextFileView saves on a debounce).
 *   Before touching a note the applier calls the facade's `flushEditor(path)`; in the plugin that
 *   asks every MarkdownView showing the note to `save()` (see `facade.ts`), so the edit is computed
 *   on the text the coach sees and the editor then reloads the result like any external change.
 * - A note open in an editor is edited through the editor (`processOpen`: the smallest change, as
 *   one transaction), so the coach's cursor, folds and editor undo survive; the same guard runs on
 *   the editor's text. Frontmatter key changes go through the host's frontmatter API
 *   (`processFrontMatter`), after the core's text edit has checked them on the current text.
 * - Deleting (taking back a note an edit created) goes to the trash the coach chose.
 * - A refused edit shows a Notice with the reason and changes nothing.
 * - Every applied edit can be undone (newest first) while its notes still hold what it wrote; a
 *   refused undo keeps its entry for another try.
 */
import type { EditResult, MultiEditResult, NoteChange } from '../core/edit/types';
import { hostRewriteKeeps } from '../core/edit/frontmatter-edit';

/** The few vault operations the applier needs; `obsidianEditVault(app)` builds it from Obsidian's. */
export interface EditVault<F> {
  getFileByPath(path: string): F | null;
  read(file: F): Promise<string>;
  process(file: F, fn: (data: string) => string): Promise<string>;
  create(path: string, data: string): Promise<F>;
  /** Removes a note: to the trash the coach chose (FileManager.trashFile in the plugin). */
  delete(file: F): Promise<void>;
  /**
   * When the note is open in an editor: runs `fn` on the editor's text and applies its result there
   * (cursor, folds and undo survive), saved to disk at once; returns the text `fn` was given, or null
   * when no editor shows the note (then `process` is used).
   */
  processOpen?(path: string, fn: (data: string) => string): Promise<string | null>;
  /** Changes frontmatter keys as the host does (FileManager.processFrontMatter in the plugin). */
  processFrontMatter?(file: F, fn: (frontmatter: Record<string, unknown>) => void): Promise<void>;
  /** Makes sure a folder exists before a note is created in it ('' is the vault root). */
  ensureFolder?(folder: string): Promise<void>;
  /** Saves any unsaved editor text of the note, so `process` sees what the coach sees. */
  flushEditor?(path: string): Promise<void>;
  notice(message: string): void;
}

/** The applier's public face, whatever file type its vault uses. */
export type Applier = Pick<EditApplier<never>, 'read' | 'exists' | 'applyEdit' | 'applyFrontmatter' | 'applyChanges' | 'undo' | 'canUndo' | 'history'>;

/** A frontmatter key change: what `processFrontMatter` does to the parsed keys. */
export type FrontmatterChange = (frontmatter: Record<string, unknown>) => void;

export type ApplyResult = { ok: true; summary: string; changed: string[] } | { ok: false; reason: string };

/** One applied edit, as the undo stack keeps it. `before: null` means the edit created the note. */
export interface AppliedEdit {
  summary: string;
  changes: { path: string; before: string | null; after: string }[];
}

/** One step: the note must hold `expect` (null: must not exist) and is set to `result` (null: deleted). */
interface Op {
  path: string;
  expect: string | null;
  result: string | null;
}

class Conflict extends Error {}

/** A note as messages name it: its title, and where it is (`"2026-12-04 Jane Doe" (Sessions/2026-12-04 Jane Doe.md)`). */
export function noteName(path: string): string {
  const title = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return `"${title}" (${path})`;
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export interface EditApplierOptions {
  /** How many edits undo remembers (default 50). */
  undoLimit?: number;
  /** Also show a notice when an edit succeeds (default false: the views say so themselves). */
  noticeOnSuccess?: boolean;
}

export class EditApplier<F> {
  private readonly stack: AppliedEdit[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vault: EditVault<F>,
    private readonly options: EditApplierOptions = {},
  ) {}

  /** The edits undo can still take back, oldest first. */
  get history(): readonly AppliedEdit[] {
    return this.stack;
  }

  get canUndo(): boolean {
    return this.stack.length > 0;
  }

  /** Whether a note exists in the vault now (the index may not have read it yet). */
  exists(path: string): boolean {
    return this.vault.getFileByPath(path) !== null;
  }

  /** A note's current text after saving any unsaved editor text, or null if it does not exist. */
  read(path: string): Promise<string | null> {
    return this.serial(async () => {
      await this.vault.flushEditor?.(path);
      const file = this.vault.getFileByPath(path);
      return file === null ? null : this.vault.read(file);
    });
  }

  /**
   * Applies a single-note edit, computed inside `Vault.process` on the note's current text, so
   * there is no window between reading and writing.
   */
  applyEdit(path: string, edit: (text: string) => EditResult): Promise<ApplyResult> {
    return this.serial(() => this.editNow(path, edit));
  }

  /** `applyEdit`'s work, for a caller already in the queue. */
  private async editNow(path: string, edit: (text: string) => EditResult): Promise<ApplyResult> {
    await this.vault.flushEditor?.(path);
    const file = this.vault.getFileByPath(path);
    if (file === null) return this.fail(`${noteName(path)} does not exist (was it moved or deleted?); nothing was changed.`);
    let before: string | null = null;
    let outcome: EditResult | null = null;
    try {
      await this.processNote(file, path, (data) => {
        before = data;
        outcome = edit(data);
        return outcome.ok ? outcome.text : data;
      });
    } catch (e) {
      return this.fail(`${noteName(path)} could not be written (${(e as Error).message}); nothing was changed. Try again.`);
    }
    const r = outcome as EditResult | null;
    if (r === null || before === null) return this.fail(`${noteName(path)} could not be read; nothing was changed. Try again.`);
    if (!r.ok) return this.fail(r.reason);
    if (r.text !== before) this.remember({ summary: r.summary, changes: [{ path, before, after: r.text }] });
    return this.succeed(r.summary, r.text !== before ? [path] : []);
  }

  /**
   * Changes frontmatter keys through the host's frontmatter API when it has one (Obsidian's own
   * serializer, as other plugins expect) and the note's frontmatter is plain enough that writing it
   * out again loses nothing (`hostRewriteKeeps`); else as the text edit, which changes only the
   * key's line, so comments, quoting, dates and lists stay as the coach wrote them. `check` is the
   * core's text edit of the same change: it runs first on the note's current text, and if it
   * refuses nothing is written.
   */
  applyFrontmatter(path: string, change: FrontmatterChange, check: (text: string) => EditResult): Promise<ApplyResult> {
    const processFrontMatter = this.vault.processFrontMatter?.bind(this.vault);
    if (!processFrontMatter) return this.applyEdit(path, check);
    return this.serial(async () => {
      await this.vault.flushEditor?.(path);
      const file = this.vault.getFileByPath(path);
      if (file === null) return this.fail(`${noteName(path)} does not exist (was it moved or deleted?); nothing was changed.`);
      let before: string;
      try {
        before = await this.vault.read(file);
      } catch (e) {
        return this.fail(`${noteName(path)} could not be read (${(e as Error).message}); nothing was changed. Try again.`);
      }
      const planned = check(before);
      if (!planned.ok) return this.fail(planned.reason);
      if (planned.text === before) return this.succeed(planned.summary, []);
      // The text edit, on the text as it is when written (guarded like every other edit).
      if (!hostRewriteKeeps(before)) return this.editNow(path, check);
      try {
        await processFrontMatter(file, change);
      } catch (e) {
        return this.fail(`${noteName(path)}'s frontmatter could not be changed (${(e as Error).message}); nothing was changed. Try again.`);
      }
      const after = await this.vault.read(file).catch(() => null);
      if (after !== null && after !== before) this.remember({ summary: planned.summary, changes: [{ path, before, after }] });
      return this.succeed(planned.summary, after !== before ? [path] : []);
    });
  }

  /**
   * Applies a multi-note edit computed from texts read earlier. Each note is written only if it
   * still holds the text the edit was computed from; if any note fails, the others are put back.
   */
  applyChanges(result: MultiEditResult): Promise<ApplyResult> {
    return this.serial(async () => {
      if (!result.ok) return this.fail(result.reason);
      const ops: Op[] = result.changes.map((c: NoteChange) => ({ path: c.path, expect: c.before, result: c.after }));
      const problem = await this.run(ops);
      if (problem !== null) return this.fail(problem);
      const changes = result.changes.filter((c) => c.before !== c.after).map((c) => ({ path: c.path, before: c.before, after: c.after }));
      if (changes.length > 0) this.remember({ summary: result.summary, changes });
      return this.succeed(result.summary, changes.map((c) => c.path));
    });
  }

  /**
   * Takes back the newest applied edit, if its notes still hold exactly what it wrote. A refused
   * undo keeps the edit in the history, so the coach can put the note back and try again.
   */
  undo(): Promise<ApplyResult> {
    return this.serial(async () => {
      const entry = this.stack.at(-1);
      if (!entry) return this.fail('There is no Follow Through edit to undo.');
      // Newest change first: a recommit's source is un-marked before its carried line is removed,
      // so a failure in between leaves the commitment open in both notes, never carried to nowhere.
      const ops: Op[] = [...entry.changes].reverse().map((c) => ({ path: c.path, expect: c.after, result: c.before }));
      const problem = await this.run(ops, 'undo');
      if (problem !== null) {
        return this.fail(
          `Cannot undo "${entry.summary}": ${problem} The edit stays in the undo history: put the note back as the edit left it and undo again, or change the note by hand.`,
        );
      }
      this.stack.pop();
      return this.succeed(`Undid "${entry.summary}"`, entry.changes.map((c) => c.path));
    });
  }

  // ---- internals -----------------------------------------------------------------------------

  /** `process` through the note's open editor when there is one, else through the vault. */
  private async processNote(file: F, path: string, fn: (data: string) => string): Promise<void> {
    const viaEditor = this.vault.processOpen ? await this.vault.processOpen(path, fn) : null;
    if (viaEditor === null) await this.vault.process(file, fn);
  }

  /** Runs one operation at a time, so two quick clicks never interleave their reads and writes. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private remember(entry: AppliedEdit): void {
    this.stack.push(entry);
    const limit = this.options.undoLimit ?? 50;
    while (this.stack.length > limit) this.stack.shift();
  }

  private fail(reason: string): ApplyResult {
    this.vault.notice(reason);
    return { ok: false, reason };
  }

  private succeed(summary: string, changed: string[]): ApplyResult {
    if (this.options.noticeOnSuccess) this.vault.notice(summary);
    return { ok: true, summary, changed };
  }

  /**
   * Applies `ops` in order; on the first failure puts back the ones done and says why. An op that
   * threw after it had written (the note holds its result) counts as done, so it is put back too.
   */
  private async run(ops: Op[], what: 'edit' | 'undo' = 'edit'): Promise<string | null> {
    for (const op of ops) await this.vault.flushEditor?.(op.path);
    const done: Op[] = [];
    for (const op of ops) {
      try {
        await this.step(op, what);
        done.push(op);
      } catch (e) {
        const why = e instanceof Conflict ? e.message : `${noteName(op.path)} could not be written (${(e as Error).message})`;
        if (!(e instanceof Conflict) && (await this.holds(op.path, op.result))) done.push(op);
        const leftovers = await this.rollback(done);
        const tail =
          leftovers.length > 0
            ? ` Could not put back ${leftovers.map(noteName).join(', ')}, which changed meanwhile: open ${leftovers.length === 1 ? 'it' : 'them'} and remove what this ${what} wrote by hand.`
            : '';
        return `${why}; nothing was changed.${tail}`;
      }
    }
    return null;
  }

  /** Whether the note now holds `text` (null: does not exist); false when it cannot be read. */
  private async holds(path: string, text: string | null): Promise<boolean> {
    try {
      const file = this.vault.getFileByPath(path);
      if (file === null) return text === null;
      return text !== null && (await this.vault.read(file)) === text;
    } catch {
      return false;
    }
  }

  private async step(op: Op, what: 'edit' | 'undo' = 'edit'): Promise<void> {
    const since = what === 'undo' ? 'has changed since the edit was made' : 'has changed since the edit was prepared';
    const file = this.vault.getFileByPath(op.path);
    if (op.expect === null) {
      if (file !== null) throw new Conflict(`${noteName(op.path)} already exists`);
      if (op.result === null) return;
      await this.vault.ensureFolder?.(folderOf(op.path));
      await this.vault.create(op.path, op.result);
      return;
    }
    if (file === null) throw new Conflict(`${noteName(op.path)} no longer exists`);
    let current: string | null = null;
    await this.processNote(file, op.path, (data) => {
      current = data;
      return data === op.expect && op.result !== null ? op.result : data;
    });
    if (current !== op.expect) throw new Conflict(`${noteName(op.path)} ${since}`);
    if (op.result === null) await this.vault.delete(file);
  }

  /** Reverses applied ops, newest first; returns the paths that could not be put back. */
  private async rollback(done: Op[]): Promise<string[]> {
    const failed: string[] = [];
    for (const op of [...done].reverse()) {
      try {
        await this.step({ path: op.path, expect: op.result, result: op.expect });
      } catch {
        failed.push(op.path);
      }
    }
    return failed;
  }
}
