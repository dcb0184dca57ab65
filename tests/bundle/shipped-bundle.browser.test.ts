/**
 * Tests what ships: main.js, built by the release build (esbuild.config.mjs's `pluginBuilds`,
 * production), loaded in Chromium the way Obsidian loads a plugin (the CommonJS module evaluated
 * with a `require` that supplies only `obsidian`), with styles.css applied. `obsidian` is the
 * in-memory fake (tests/fakes/obsidian.ts) bundled for the page. The plugin is enabled on the
 * demo vault, the roster, a client view and the capture command are used, and the plugin is
 * disabled; any page error, unhandled rejection, leftover DOM, listener or interval fails it.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../browser/browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(root, 'test-output', 'bundle');
const SESSION = 'Sessions/2026-11-24 Maya Chen.md';

function demoNotes(): Record<string, string> {
  const dir = join(root, 'examples', 'demo-vault');
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Builds main.js and styles.css with the release options (into test-output), and the page. */
async function buildShipped(): Promise<{ url: string; mainJs: string }> {
  mkdirSync(OUT, { recursive: true });
  const config = (await import(pathToFileURL(join(root, 'esbuild.config.mjs')).href)) as {
    pluginBuilds: (o: { production: boolean }) => esbuild.BuildOptions[];
  };
  const [main, styles] = config.pluginBuilds({ production: true });
  await esbuild.build({ ...main, outfile: join(OUT, 'main.js'), logLevel: 'warning' });
  await esbuild.build({ ...styles, outfile: join(OUT, 'styles.css'), logLevel: 'warning' });
  await esbuild.build({
    entryPoints: [join(root, 'tests/bundle/page-entry.ts')],
    outfile: join(OUT, 'obsidian-fake.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2021',
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'tests/browser/page/obsidian-theme.css'), join(OUT, 'obsidian-theme.css'));
  writeFileSync(
    join(OUT, 'index.html'),
    `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="obsidian-theme.css"><link rel="stylesheet" href="styles.css"></head>
<body class="theme-light"><script src="obsidian-fake.js"></script></body></html>`,
  );
  return { url: pathToFileURL(join(OUT, 'index.html')).href, mainJs: readFileSync(join(OUT, 'main.js'), 'utf8') };
}

/**
 * Runs in the page before anything else: records uncaught errors and unhandled rejections, and
 * tracks the listeners on window, document and body and the intervals, to find what is left over.
 */
function instrument(): void {
  const w = window as unknown as {
    ftProbe: { errors: string[]; listeners: Listener[]; nextId: number; intervals: Set<number> };
  };
  type Listener = { id: number; target: string; type: string; fn: unknown; capture: boolean };
  const probe = { errors: [] as string[], listeners: [] as Listener[], nextId: 0, intervals: new Set<number>() };
  w.ftProbe = probe;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  add.call(window, 'error', (e: Event) => probe.errors.push(`error: ${(e as ErrorEvent).message}`));
  add.call(window, 'unhandledrejection', (e: Event) => probe.errors.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`));
  const name = (t: EventTarget) => (t === window ? 'window' : t === document ? 'document' : t === document.body ? 'body' : t === document.documentElement ? 'html' : null);
  const capture = (o: boolean | AddEventListenerOptions | EventListenerOptions | undefined) => (typeof o === 'boolean' ? o : !!o?.capture);
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, o?: boolean | AddEventListenerOptions) {
    const target = name(this);
    if (target && fn && !probe.listeners.some((l) => l.target === target && l.type === type && l.fn === fn && l.capture === capture(o))) {
      probe.listeners.push({ id: probe.nextId++, target, type, fn, capture: capture(o) });
    }
    return add.call(this, type, fn, o);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, o?: boolean | EventListenerOptions) {
    const target = name(this);
    if (target) {
      const i = probe.listeners.findIndex((l) => l.target === target && l.type === type && l.fn === fn && l.capture === capture(o));
      if (i >= 0) probe.listeners.splice(i, 1);
    }
    return remove.call(this, type, fn, o);
  };
  const setI = window.setInterval.bind(window);
  const clearI = window.clearInterval.bind(window);
  window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = setI(fn, ms, ...args);
    probe.intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) probe.intervals.delete(id);
    clearI(id);
  }) as typeof window.clearInterval;
}

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const { url, mainJs } = await buildShipped();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.addInitScript(instrument);
  await page.goto(url);
  // As Obsidian does: main.js is a CommonJS module, evaluated with a `require` of its own.
  await page.addScriptTag({
    content: `window.ftRequired = [];
window.ftPlugin = { exports: {} };
(function (module, exports, require) {
${mainJs}
})(window.ftPlugin, window.ftPlugin.exports, function (id) {
  window.ftRequired.push(id);
  if (id === 'obsidian') return window.ftObsidian;
  throw new Error('main.js asked for ' + id + ', which a plugin cannot count on');
});`,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface PageState {
  ft: {
    app: any;
    plugin: any;
    before: { listeners: number; vault: number; metadataCache: number; workspace: number; bodyChildren: number; head: number };
  };
  ftPlugin: { exports: { default: new (app: unknown, manifest: unknown) => unknown } };
  ftObsidian: any;
  ftRequired: string[];
  ftProbe: { errors: string[]; listeners: { id: number; target: string; type: string }[]; nextId: number; intervals: Set<number> };
}

describe('the shipped main.js in Chromium', () => {
  it('is a CommonJS module exporting the plugin class, and asks only for obsidian', async () => {
    const r = await page.evaluate(() => {
      const w = window as unknown as PageState;
      return { type: typeof w.ftPlugin.exports.default, extendsPlugin: w.ftPlugin.exports.default.prototype instanceof w.ftObsidian.Plugin, required: [...new Set(w.ftRequired)] };
    });
    expect(r).toEqual({ type: 'function', extendsPlugin: true, required: ['obsidian'] });
  });

  it('enables on the demo vault: index, status bar, ribbon icon and commands', async () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
    const r = await page.evaluate(
      async ({ notes, manifest }) => {
        const w = window as unknown as PageState;
        const app = new w.ftObsidian.App();
        document.body.append(app.ribbonEl, app.workspace.containerEl, app.statusBarEl);
        for (const [path, text] of Object.entries(notes)) app.vault.seed(path, text);
        const before = {
          listeners: w.ftProbe.nextId,
          vault: app.vault.listenerCount(),
          metadataCache: app.metadataCache.listenerCount(),
          workspace: app.workspace.listenerCount(),
          bodyChildren: document.body.childElementCount,
          head: document.head.childElementCount,
        };
        const plugin = new w.ftPlugin.exports.default(app, manifest) as any;
        w.ft = { app, plugin, before };
        plugin.load();
        app.workspace.triggerLayoutReady();
        const end = performance.now() + 10_000;
        while (!(plugin.indexer?.isReady && app.statusBarEl.querySelector('.ft-status'))) {
          if (performance.now() > end) throw new Error('the index and the status bar did not appear');
          await new Promise((r) => setTimeout(r, 10));
        }
        return {
          status: app.statusBarEl.querySelector('.ft-status')!.textContent,
          ribbon: app.ribbonEl.childElementCount,
          commands: Object.keys(app.commands.commands).filter((id) => id.startsWith(`${manifest.id}:`)).length,
        };
      },
      { notes: demoNotes(), manifest },
    );
    expect(r.status).toMatch(/^\d+ overdue$/);
    expect(r.ribbon).toBe(1);
    expect(r.commands).toBeGreaterThanOrEqual(10);
  });

  it('opens the roster, styled by styles.css, and a client view from it', async () => {
    const r = await page.evaluate(async () => {
      const { app, plugin } = (window as unknown as PageState).ft;
      const until = async (check: () => unknown, what: string) => {
        const end = performance.now() + 10_000;
        while (!check()) {
          if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      if (!app.commands.executeCommandById('follow-through:open-roster')) throw new Error('open-roster is not available');
      await until(() => document.querySelector('.ft-roster-row'), 'the roster rows');
      const rows = document.querySelectorAll('.ft-roster-row').length;
      const rowStyle = getComputedStyle(document.querySelector('.ft-roster-row')!);
      (document.querySelector('.ft-roster-row[data-client="Maya Chen"] .ft-roster-name') as HTMLElement).click();
      await until(() => document.querySelector('.ft-client'), 'the client view');
      const shown = plugin.index.clients().filter((c: { status: string }) => plugin.settings.rosterStatuses.includes(c.status)).length;
      return {
        rows,
        shown,
        boxSizing: rowStyle.boxSizing,
        client: document.querySelector('.ft-client')!.textContent!.includes('Maya Chen'),
        visible: (document.querySelector('.ft-client') as HTMLElement).getBoundingClientRect().height > 0,
      };
    });
    // One row per client the roster shows (active and paused by default); styles.css's
    // box-sizing rule applies in the views.
    expect(r.rows).toBe(r.shown);
    expect(r.rows).toBeGreaterThan(5);
    expect(r.boxSizing).toBe('border-box');
    expect(r.client).toBe(true);
    expect(r.visible).toBe(true);
  });

  it('runs "Capture commitments from this session" on a session note', async () => {
    const r = await page.evaluate(async (session) => {
      const { app, plugin } = (window as unknown as PageState).ft;
      app.workspace.activeFile = app.vault.getFileByPath(session);
      if (!app.commands.executeCommandById('follow-through:capture-session')) throw new Error('capture-session is not available');
      const end = performance.now() + 10_000;
      while (!document.querySelector('.modal-container .ft-capture')) {
        if (performance.now() > end) throw new Error('the capture form did not open');
        await new Promise((r) => setTimeout(r, 10));
      }
      const items = document.querySelectorAll('.ft-capture-item').length;
      const expected = plugin.index.commitmentsOfSession(session).length;
      const title = document.querySelector('.modal-container .modal-title')!.textContent;
      app.modals[0].close();
      return { items, expected, title, open: document.querySelectorAll('.modal-container').length };
    }, SESSION);
    expect(r.title).toBe('Capture commitments: Maya Chen, Tue 24 Nov');
    expect(r.items).toBe(r.expected);
    expect(r.items).toBeGreaterThan(0);
    expect(r.open).toBe(0);
  });

  let leftListeners: string[] = [];

  it('disables cleanly: no DOM, interval, command, view or Obsidian event handler left, and no error at any point', async () => {
    const r = await page.evaluate(async () => {
      const w = window as unknown as PageState;
      const { app, plugin, before } = w.ft;
      plugin.unload();
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
      return {
        ftElements: [...document.querySelectorAll('[class^="ft-"], [class*=" ft-"]')].map((e) => e.className),
        ribbon: app.ribbonEl.childElementCount,
        statusBar: app.statusBarEl.childElementCount,
        bodyChildren: document.body.childElementCount - before.bodyChildren,
        head: document.head.childElementCount - before.head,
        listeners: w.ftProbe.listeners.filter((l) => l.id >= before.listeners).map((l) => `${l.target} ${l.type}`),
        intervals: w.ftProbe.intervals.size,
        fakeListeners: {
          vault: app.vault.listenerCount() - before.vault,
          metadataCache: app.metadataCache.listenerCount() - before.metadataCache,
          workspace: app.workspace.listenerCount() - before.workspace,
        },
        commands: Object.keys(app.commands.commands).length,
        views: app.viewRegistry.types(),
        errors: w.ftProbe.errors,
      };
    });
    leftListeners = r.listeners;
    expect({ ...r, listeners: undefined }).toEqual({
      ftElements: [],
      ribbon: 0,
      statusBar: 0,
      bodyChildren: 0,
      head: 0,
      listeners: undefined,
      intervals: 0,
      fakeListeners: { vault: 0, metadataCache: 0, workspace: 0 },
      commands: 0,
      views: [],
      errors: [],
    });
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('leaves no listener on window, document or body once disabled', () => {
    // Each enable evaluates main.js afresh; a listener left on document keeps that copy alive.
    expect(leftListeners).toEqual([]);
  });
});
