import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, pageErrors } from './browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await openPage(browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the pure core in Chromium', () => {
  it('indexes the demo vault and computes the roster in the browser', async () => {
    const result = await page.evaluate(() => {
      const ft = (window as any).ft;
      const index = ft.demoIndex();
      const rows = ft.core.roster(index, { asOf: '2026-12-01' });
      return { clients: index.clients().length, commitments: index.commitments().length, first: rows[0].client, rows: rows.length };
    });
    expect(result).toEqual({ clients: 10, commitments: 135, first: 'Marcus Bell', rows: 10 });
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('a UI turn in Chromium (src/app/ui-turn.ts)', () => {
  it('is a background task of the page’s own scheduler, after the current task, and can be cancelled', async () => {
    const result = await page.evaluate(async () => {
      const ft = (window as any).ft;
      const w = window as any;
      const hasScheduler = typeof w.scheduler?.postTask === 'function';
      const posted: string[] = [];
      const real = w.scheduler.postTask.bind(w.scheduler);
      w.scheduler.postTask = (cb: () => void, o: { priority?: string }) => {
        posted.push(o?.priority ?? 'none');
        return real(cb, o);
      };
      const seen: string[] = [];
      ft.afterUiTurn(() => seen.push('first'), window);
      const cancel = ft.afterUiTurn(() => seen.push('cancelled'), window);
      ft.afterUiTurn(() => seen.push('second'), window);
      cancel();
      seen.push('now');
      await new Promise<void>((done) => ft.afterUiTurn(done, window));
      w.scheduler.postTask = real;
      return { hasScheduler, posted, seen };
    });
    expect(result.hasScheduler).toBe(true);
    expect(result.posted).toEqual(['background', 'background', 'background', 'background']);
    expect(result.seen).toEqual(['now', 'first', 'second']);
    expect(pageErrors(page)).toEqual([]);
  });
});
