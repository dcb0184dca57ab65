/**
 * Debian's Chromium driven by playwright-core: never a downloaded browser. One browser per test
 * file; each page is the test page at a given size and theme.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { BROWSER_OUT } from './build';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
export { CHROMIUM, CHROMIUM_ARGS };

export const SCREENSHOTS = join(BROWSER_OUT, '..', 'screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PageOptions {
  width?: number;
  height?: number;
  dark?: boolean;
}

export const DESKTOP = { width: 1200, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function openPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const url = inject('browserPage');
  const page = await browser.newPage({ viewport: { width: options.width ?? DESKTOP.width, height: options.height ?? DESKTOP.height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(url);
  await page.evaluate((dark) => {
    document.body.classList.toggle('theme-dark', dark);
    document.body.classList.toggle('theme-light', !dark);
  }, options.dark ?? false);
  await page.waitForFunction(() => (window as unknown as { ft?: unknown }).ft !== undefined);
  return page;
}

/** Errors the page reported (uncaught exceptions and console errors). */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * One browser for the test file, and a `page(options)` that opens the test page and, after each
 * test, checks the page reported no errors and closes it.
 */
export function usePages(): (options?: PageOptions) => Promise<Page> {
  let browser: Browser;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) {
      expect(pageErrors(p)).toEqual([]);
      await p.close();
    }
  });
  return async (options: PageOptions = {}) => {
    const p = await openPage(browser, options);
    pages.push(p);
    return p;
  };
}

/**
 * Sets the writable store the page keeps as `window[name]` (a mounted view's model) to its
 * current value with `patch` over it, and flushes the update: a view's model changing in place.
 */
export function patchStore(page: Page, name: string, patch: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    ({ name, patch }) => {
      const w = window as unknown as Record<string, { subscribe(f: (v: object) => void): () => void; set(v: object): void }>;
      const store = w[name];
      let last: object = {};
      store.subscribe((v) => (last = v))();
      store.set({ ...last, ...patch });
      (window as unknown as { ft: { flushSync(): void } }).ft.flushSync();
    },
    { name, patch },
  );
}
