/**
 * Applies the core's edits to the vault, guarded:
 *
 * - Every write is a `Vault.process` (Obsidian's atomic read-modify-write). The callback checks the
 *   note still holds the text the edit was computed from (or computes the edit on the text it is
 *   given), and if not it returns the text unchanged: nothing is written.
 * - A multi-note edit (recommit: the old note and the next session's note) is all or nothing: if a
 *   later note fails, the notes already written are put back (each only if it still holds what we
 *   wrote), and a note this edit created is deleted again.
 * - Unsaved editor text: `Vault.process` works on the saved file, while an open editor may hold a
 *   couple of seconds of typing that Obsidian has not saved yet (TextFileView saves on a debounce).
 *   Before touching a note the applier calls the facade's `flushEditor(path)`; in the plugin that
 *   asks every MarkdownView showing the note to `save()` (see `facade.ts`), so the edit is computed
 *   on the text the coach sees and the editor then reloads the result like any external change.
 * - A refused edit shows a Notice with the reason and changes nothing.
 * - Every applied edit can be undone (newest first) while its notes still hold what it wrote.
 */
import type { EditResult, MultiEditResult, NoteChange } from '../core/edit/types';

/** The few vault operations the applier needs; `obsidianEditVault(app)` builds it from Obsidian's. */
export interface EditVault<F> {
  getFileByPath(path: string): F | null;
  read(file: F): Promise<string>;
  process(file: F, fn: (data: string) => string): Promise<string>;
  create(path: string, data: string): Promise<F>;
  delete(file: F): Promise<void>;
  /** Makes sure a folder exists before a note is created in it ('' is the vault root). */
  ensureFolder?(folder: string): Promise<void>;
  /** Saves any unsaved editor text of the note, so `process` sees what the coach sees. */
  flushEditor?(path: string): Promise<void>;
  notice(message: string): void;
}

/** The applier's public face, whatever file type its vault uses. */
export type Applier = Pick<EditApplier<never>, 'read' | 'exists' | 'applyEdit' | 'applyChanges' | 'undo' | 'canUndo' | 'history'>;

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
    return this.serial(async () => {
      await this.vault.flushEditor?.(path);
      const file = this.vault.getFileByPath(path);
      if (file === null) return this.fail(`${path} does not exist (was it moved or deleted?); nothing was changed.`);
      let before: string | null = null;
      let outcome: EditResult | null = null;
      try {
        await this.vault.process(file, (data) => {
          before = data;
          outcome = edit(data);
          return outcome.ok ? outcome.text : data;
        });
      } catch (e) {
        return this.fail(`${path} could not be written: ${(e as Error).message}`);
      }
      const r = outcome as EditResult | null;
      if (r === null || before === null) return this.fail(`${path} could not be read; nothing was changed.`);
      if (!r.ok) return this.fail(r.reason);
      if (r.text !== before) this.remember({ summary: r.summary, changes: [{ path, before, after: r.text }] });
      return this.succeed(r.summary, r.text !== before ? [path] : []);
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

  /** Takes back the newest applied edit, if its notes still hold exactly what it wrote. */
  undo(): Promise<ApplyResult> {
    return this.serial(async () => {
      const entry = this.stack.pop();
      if (!entry) return this.fail('There is no Follow Through edit to undo.');
      const ops: Op[] = [...entry.changes].reverse().map((c) => ({ path: c.path, expect: c.after, result: c.before }));
      const problem = await this.run(ops);
      if (problem !== null) return this.fail(`Cannot undo "${entry.summary}": ${problem}`);
      return this.succeed(`Undid "${entry.summary}"`, entry.changes.map((c) => c.path));
    });
  }

  // ---- internals -----------------------------------------------------------------------------

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

  /** Applies `ops` in order; on the first failure puts back the ones done and says why. */
  private async run(ops: Op[]): Promise<string | null> {
    for (const op of ops) await this.vault.flushEditor?.(op.path);
    const done: Op[] = [];
    for (const op of ops) {
      try {
        await this.step(op);
        done.push(op);
      } catch (e) {
        const why = e instanceof Conflict ? e.message : `${op.path} could not be written: ${(e as Error).message}`;
        const leftovers = await this.rollback(done);
        const tail = leftovers.length > 0 ? ` Could not put back ${leftovers.join(', ')}, which changed meanwhile.` : '';
        return `${why}; nothing was changed.${tail}`;
      }
    }
    return null;
  }

  private async step(op: Op): Promise<void> {
    const file = this.vault.getFileByPath(op.path);
    if (op.expect === null) {
      if (file !== null) throw new Conflict(`${op.path} already exists`);
      if (op.result === null) return;
      await this.vault.ensureFolder?.(folderOf(op.path));
      await this.vault.create(op.path, op.result);
      return;
    }
    if (file === null) throw new Conflict(`${op.path} no longer exists`);
    let current: string | null = null;
    await this.vault.process(file, (data) => {
      current = data;
      return data === op.expect && op.result !== null ? op.result : data;
    });
    if (current !== op.expect) throw new Conflict(`${op.path} has changed since the edit was prepared`);
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
