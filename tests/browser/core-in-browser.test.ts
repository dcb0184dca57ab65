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
