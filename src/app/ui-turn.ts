/**
 * A turn for the UI between two slices of work: a background task of the host's scheduler
 * (`scheduler.postTask`, which Obsidian's Chromium has) where there is one, else a zero-delay timer.
 *
 * Why not the timer everywhere: Chromium holds every zero timer of a chain past the fifth for
 * 4 ms (the HTML standard's nesting clamp), so a read of a hundred slices waited 400 ms doing
 * nothing. Measured in Chromium, 60 slices of 12 ms yielding by a zero timer took 950 ms; by a
 * background task 724 ms, and a timer chain running alongside (a stand-in for the UI's own work)
 * waited at most 12 ms for its turn, against 18 ms with timers, as every task of the page's own
 * (input, painting, timers) goes before a background one. `scheduler.yield()` and posted messages
 * were as quick but let the work go ahead of the page's own tasks (the timer chain waited 24 ms,
 * or never ran), so they are not used.
 */
import type { Prepared, Preparation } from '../core/index/prepare';

/** The part of the host's `scheduler` a turn uses (Chromium's Prioritized Task Scheduling API). */
export interface TaskScheduler {
  postTask(callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background'; signal?: AbortSignal }): Promise<unknown>;
}

/** What a turn needs of the host: its scheduler if it has one, and its timers otherwise. */
export interface TurnHost {
  scheduler?: TaskScheduler;
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Runs `handler` once the UI has had a turn; returns a function that cancels it (before it runs). */
export function afterUiTurn(handler: () => void, host: TurnHost): () => void {
  const scheduler = host.scheduler;
  if (scheduler === undefined || typeof scheduler.postTask !== 'function' || typeof AbortController !== 'function') {
    const id = host.setTimeout(handler, 0);
    return () => host.clearTimeout(id);
  }
  const abort = new AbortController();
  scheduler.postTask(handler, { priority: 'background', signal: abort.signal }).catch((e: unknown) => {
    // A cancelled task's promise rejects, and nothing waits for it; a handler that threw is
    // thrown again on its own, as it would have been from a timer, rather than lost.
    if (!abort.signal.aborted) host.setTimeout(() => {
      throw e;
    }, 0);
  });
  return () => abort.abort();
}

/** `afterUiTurn` as a promise, for work written as a loop with `await`. */
export function uiTurn(host: TurnHost): Promise<void> {
  return new Promise((resolve) => afterUiTurn(resolve, host));
}

/** The longest a piece of work done ahead runs before the UI gets a turn (ms). */
export const SLICE_MS = 12;

/**
 * Runs `work` (../core/index/prepare) `SLICE_MS` at a time, the UI getting a turn between
 * slices. After each slice `after` hears how far it has got: it goes on while `after` says so
 * and the work is not finished. Returns a function that cancels the next slice.
 */
export function inSlices(work: Preparation, host: TurnHost, now: () => number, after: (p: Prepared) => boolean): () => void {
  let next: (() => void) | null = null;
  const step = () => {
    next = null;
    const deadline = now() + SLICE_MS;
    const p = work.step(() => now() > deadline);
    if (after(p) && !p.finished) next = afterUiTurn(step, host);
  };
  step();
  return () => next?.();
}
