/**
 * The UI turn the work ahead and the start-up read yield by (src/app/ui-turn.ts): a background
 * task of the host's scheduler where it has one (Obsidian's Chromium), cancellable, an error in
 * the work not lost; a zero timer where it has none (Node, where the tests and the bench run).
 */
import { describe, expect, it } from 'vitest';
import { afterUiTurn, uiTurn, type TaskScheduler, type TurnHost } from '../../src/app/ui-turn';

/** A scheduler that queues tasks until `flush`, as postTask does, rejecting aborted ones. */
function fakeScheduler() {
  const tasks: { run: () => void; priority?: string; signal?: AbortSignal; done: (v: unknown) => void; fail: (e: unknown) => void }[] = [];
  const scheduler: TaskScheduler = {
    postTask: (callback, options) =>
      new Promise((done, fail) => {
        tasks.push({ run: callback, priority: options?.priority, signal: options?.signal, done, fail });
      }),
  };
  const flush = async () => {
    while (tasks.length > 0) {
      const t = tasks.shift()!;
      if (t.signal?.aborted) t.fail(new DOMException('aborted', 'AbortError'));
      else
        try {
          t.done(t.run());
        } catch (e) {
          t.fail(e);
        }
      await Promise.resolve();
    }
  };
  return { scheduler, tasks, flush };
}

describe('a UI turn', () => {
  it('is a background task of the host’s scheduler, run after the current task, in order', async () => {
    const { scheduler, tasks, flush } = fakeScheduler();
    const host: TurnHost = { scheduler, setTimeout: () => 0, clearTimeout: () => {} };
    const seen: string[] = [];
    afterUiTurn(() => seen.push('a'), host);
    afterUiTurn(() => seen.push('b'), host);
    seen.push('now');
    expect(tasks.map((t) => t.priority)).toEqual(['background', 'background']);
    await flush();
    expect(seen).toEqual(['now', 'a', 'b']);
  });

  it('is cancelled by the function it returns, and cancelling after it ran changes nothing', async () => {
    const { scheduler, flush } = fakeScheduler();
    const thrown: unknown[] = [];
    const host: TurnHost = { scheduler, setTimeout: (h) => thrown.push(h), clearTimeout: () => {} };
    let ran = 0;
    const cancel = afterUiTurn(() => ran++, host);
    cancel();
    const after = afterUiTurn(() => ran++, host);
    await flush();
    after();
    await Promise.resolve();
    expect(ran).toBe(1);
    expect(thrown).toEqual([]);
  });

  it('throws a failing handler’s error again on its own, not into the void', async () => {
    const { scheduler, flush } = fakeScheduler();
    const later: (() => void)[] = [];
    const host: TurnHost = { scheduler, setTimeout: (h) => later.push(h), clearTimeout: () => {} };
    afterUiTurn(() => {
      throw new Error('slice failed');
    }, host);
    await flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(later).toHaveLength(1);
    expect(() => later[0]()).toThrow('slice failed');
  });

  it('is a zero timer of the host’s where it has no scheduler (as in Node)', async () => {
    const calls: [string, unknown][] = [];
    const bare: TurnHost = {
      setTimeout: (h, ms) => {
        calls.push(['set', ms]);
        return 7;
      },
      clearTimeout: (id) => calls.push(['clear', id]),
    };
    const cancel = afterUiTurn(() => {}, bare);
    cancel();
    expect(calls).toEqual([
      ['set', 0],
      ['clear', 7],
    ]);
    // Node's own timers, through the promise form.
    let done = false;
    const turn = uiTurn(globalThis).then(() => (done = true));
    expect(done).toBe(false);
    await turn;
    expect(done).toBe(true);
  });
});
