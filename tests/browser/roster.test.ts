/**
 * The roster component in real Chromium: the demo vault's roster (as of 2026-12-01) through the
 * real core, mounted with recording actions; filtering and the counts that follow it, evidence
 * popovers, one Tab stop per row and arrow keys, rows that wrap at sidebar widths and at 1.5×
 * font, the first run (empty vault, indexing, notes not read), live updates, a 2,000-client list,
 * axe-core with no serious or critical violation, and screenshots at desktop and phone sizes in
 * light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { DESKTOP, PHONE, screenshot, usePages } from './browser';

const AS_OF = '2026-12-01';

const page = usePages();

interface MountOptions {
  asOf?: string;
  initialFilter?: { coach: string | null; signal: string | null; search: string } | null;
  /** Replace the demo rows by this many copies of them, renamed `Client 0001`… */
  synthetic?: number;
  /** Give the view a fixed height (and width), as Obsidian's sidebar does, so the list scrolls inside it. */
  pane?: { height: number; width?: number };
  /** No rows: an empty vault. */
  empty?: boolean;
  /** The model's notes not read. */
  notRead?: { path: string; line: number; severity: string; message: string }[];
  /** The vault-wide overdue count (default: the rows' sum). */
  overdueTotal?: number;
  /** Pass an `indexing` store with this progress (`window.__indexing`). */
  indexing?: { read: number; total: number } | null;
  /** Pass the first-run and diagnostic actions. */
  firstRunActions?: boolean;
}

interface Mounted {
  order: string[];
  released: string[];
  mountMs: number;
}

/** Mounts the roster in the page; the model store is `window.__roster`. Runs in the page. */
function mountRoster(page: Page, options: MountOptions = {}): Promise<Mounted> {
  return page.evaluate((o) => {
    const ft = (window as any).ft;
    const asOf = o.asOf;
    const demo = ft.core.roster(ft.demoIndex(), { asOf });
    let rows = o.empty ? [] : demo;
    if (o.synthetic) {
      rows = [];
      for (let i = 0; i < o.synthetic; i++) {
        const r = demo[i % demo.length];
        rows.push({ ...r, client: `Client ${String(i + 1).padStart(4, '0')}` });
      }
    }
    const isReleased = (r: any) => r.status !== 'active' || (r.pausedUntil !== null && asOf <= r.pausedUntil);
    const coaches = [...new Set(rows.map((r: any) => r.coach).filter((c: any) => c !== null))].sort() as string[];
    const overdueTotal = o.overdueTotal ?? rows.reduce((n: number, r: any) => n + r.overdue, 0);
    const store = ft.writable({ asOf, rows, coaches, overdueTotal, notRead: o.notRead ?? [] });
    (window as any).__roster = store;
    const root = document.getElementById('root')!;
    if (o.pane) {
      root.style.boxSizing = 'border-box';
      root.style.height = `${o.pane.height}px`;
      if (o.pane.width) {
        root.style.width = `${o.pane.width}px`;
        root.style.borderLeft = '1px solid var(--background-modifier-border)';
        root.style.background = 'var(--background-secondary)';
        root.style.marginLeft = 'auto';
      }
    }
    const actions = {
      openClient: ft.recorder('openClient'),
      openEvidence: ft.recorder('openEvidence'),
      openReview: ft.recorder('openReview'),
      filterChanged: ft.recorder('filterChanged'),
      ...(o.firstRunActions
        ? {
            setUp: ft.recorder('setUp'),
            createClientNote: ft.recorder('createClientNote'),
            insertSessionTemplate: ft.recorder('insertSessionTemplate'),
            openDiagnostic: ft.recorder('openDiagnostic'),
          }
        : {}),
    };
    const props: Record<string, unknown> = { model: store, actions, initialFilter: o.initialFilter ?? null };
    if (o.indexing !== undefined) {
      const indexing = ft.writable(o.indexing);
      (window as any).__indexing = indexing;
      props.indexing = indexing;
    }
    const t0 = performance.now();
    ft.mount('Roster', props);
    const mountMs = performance.now() - t0;
    return {
      order: rows.filter((r: any) => !isReleased(r)).map((r: any) => r.client),
      released: rows.filter(isReleased).map((r: any) => r.client),
      mountMs,
    };
  }, { asOf: AS_OF, ...options });
}

const renderedClients = (p: Page) => p.$$eval('.ft-roster-row', (els) => els.map((e) => (e as HTMLElement).dataset.client!));
const calls = (p: Page) => p.evaluate(() => (window as any).ft.calls as { name: string; args: any[] }[]);
const callsNamed = async (p: Page, name: string) => (await calls(p)).filter((c) => c.name === name);
const row = (p: Page, client: string) => p.locator(`.ft-roster-row[data-client="${client}"]`);

describe('roster', () => {
  it('renders one row per client in the core order, released clients muted at the end', async () => {
    const p = await page();
    const { order, released } = await mountRoster(p);
    expect(order[0]).toBe('Marcus Bell');
    expect(released).toEqual(['Grace Adeyemi', 'Ravi Shah', 'Tom Whitaker']);
    expect(await renderedClients(p)).toEqual([...order, ...released]);

    // Released: muted rows after a heading, each with its note.
    expect(await p.locator('.ft-roster-released-title').textContent()).toBe('Paused or ended · 3');
    for (const name of released) expect(await row(p, name).getAttribute('data-released')).not.toBeNull();
    expect(await row(p, 'Ravi Shah').locator('.ft-roster-signals').innerText()).toBe('Ended');
    expect(await row(p, 'Tom Whitaker').locator('.ft-roster-signals').innerText()).toBe('Paused');
    expect(await row(p, 'Grace Adeyemi').locator('.ft-roster-signals').innerText()).toBe('Paused until Thu 10 Dec');

    // The roster fields for the riskiest client.
    const marcus = row(p, 'Marcus Bell');
    expect(await marcus.locator('.ft-roster-coach').innerText()).toBe('Priya Nair');
    expect(await marcus.locator('.ft-roster-next').innerText()).toMatch(/Wed 2 Dec/);
    expect(await marcus.locator('.ft-roster-last').innerText()).toMatch(/Mon 16 Nov \(15d\)/);
    expect(await marcus.locator('.ft-roster-counts').innerText()).toMatch(/1 open · 1 overdue/);
    expect(await marcus.locator('.ft-rate-recent').innerText()).toBe('57%');
    expect(await marcus.locator('.ft-rate-all').innerText()).toBe('73%');
    // Signals, heaviest first, with severity from their weight.
    const signals = await marcus.locator('.ft-signal').evaluateAll((els) =>
      els.map((e) => [(e as HTMLElement).dataset.signal, (e as HTMLElement).dataset.severity]),
    );
    expect(signals).toEqual([
      ['overdue', 'high'],
      ['stalled', 'high'],
      ['carried-over', 'medium'],
      ['missed-sessions', 'medium'],
    ]);
    expect(await row(p, 'Daniel Okafor').locator('.ft-roster-signals').innerText()).toBe('No signals');
    // Sofia has no next call booked; Elena's booked date has passed.
    expect(await row(p, 'Sofia Alvarez').locator('.ft-roster-next').innerText()).toBe('No call booked');
    expect(await row(p, 'Elena Petrova').locator('.ft-roster-next').getAttribute('data-past')).not.toBeNull();

    // Every button has an accessible name.
    const unnamed = await p.$$eval('.ft-roster button, .ft-roster select, .ft-roster input', (els) =>
      els.filter((e) => !(e.getAttribute('aria-label') || (e as HTMLElement).innerText.trim())).map((e) => e.outerHTML),
    );
    expect(unnamed).toEqual([]);
  });

  it('filters by coach, by signal and by name search, and reports each change', async () => {
    const p = await page();
    await mountRoster(p);
    await p.selectOption('.ft-roster-coach-select', { label: 'Sam Rivera' });
    expect(await renderedClients(p)).toEqual(['Sofia Alvarez', 'Maya Chen', 'Daniel Okafor', 'Grace Adeyemi', 'Ravi Shah']);
    expect(await p.locator('.ft-roster-count').innerText()).toBe('5 of 10 clients');

    await p.selectOption('.ft-roster-signal-select', { value: 'carried-over' });
    expect(await renderedClients(p)).toEqual(['Maya Chen']);

    await p.selectOption('.ft-roster-coach-select', { label: 'All coaches' });
    expect(await renderedClients(p)).toEqual(['Marcus Bell', 'Maya Chen', 'Hannah Lindqvist']);

    await p.selectOption('.ft-roster-signal-select', { label: 'Any signal' });
    await p.fill('.ft-roster-search', 'ma');
    expect(await renderedClients(p)).toEqual(['Marcus Bell', 'Maya Chen']);
    await p.fill('.ft-roster-search', 'nobody here');
    expect(await renderedClients(p)).toEqual([]);
    expect(await p.locator('.ft-roster .ft-empty').innerText()).toContain('No clients match');
    await p.locator('.ft-empty button', { hasText: 'Clear filters' }).click();
    expect((await renderedClients(p)).length).toBe(10);

    const changes = (await callsNamed(p, 'filterChanged')).map((c) => c.args[0]);
    expect(changes[0]).toEqual({ coach: 'Sam Rivera', signal: null, search: '' });
    expect(changes[1]).toEqual({ coach: 'Sam Rivera', signal: 'carried-over', search: '' });
    expect(changes).toContainEqual({ coach: null, signal: null, search: 'ma' });
    expect(changes[changes.length - 1]).toEqual({ coach: null, signal: null, search: '' });
  });

  it('restores an initial filter', async () => {
    const p = await page();
    await mountRoster(p, { initialFilter: { coach: 'Priya Nair', signal: 'overdue', search: '' } });
    expect(await renderedClients(p)).toEqual(['Marcus Bell', 'Elena Petrova', 'Jordan Ellis']);
    expect(await p.locator('.ft-roster-coach-select').evaluate((e) => (e as HTMLSelectElement).selectedOptions[0].text)).toBe('Priya Nair');
    expect(await p.locator('.ft-roster-signal-select').evaluate((e) => (e as HTMLSelectElement).value)).not.toBe('');
    expect(await callsNamed(p, 'filterChanged')).toEqual([]);
  });

  it('shows a signal’s evidence on hover; an evidence button opens the note at the line', async () => {
    const p = await page();
    await mountRoster(p);
    const badge = row(p, 'Marcus Bell').locator('.ft-signal[data-signal="overdue"]');
    const popover = row(p, 'Marcus Bell').locator('.ft-popover').first();
    expect(await popover.isVisible()).toBe(false);
    await badge.hover();
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    expect(await popover.locator('.ft-popover-message').innerText()).toBe('1 commitment overdue.');
    const evidence = popover.locator('.ft-evidence');
    expect(await evidence.count()).toBe(1);
    expect(await evidence.first().innerText()).toContain('Send the portfolio to the other two designers for feedback');
    await evidence.first().click();
    const opened = await callsNamed(p, 'openEvidence');
    expect(opened).toHaveLength(1);
    expect(opened[0].args[0]).toMatchObject({ kind: 'commitment', path: 'Sessions/2026-11-16 Marcus Bell.md', line: 14 });
    await expect.poll(() => popover.isVisible()).toBe(false);

    // Moving away closes a hover popover.
    await badge.hover();
    await expect.poll(() => popover.isVisible()).toBe(true);
    await p.mouse.move(5, 5);
    await expect.poll(() => popover.isVisible()).toBe(false);
  });

  it('shows evidence on keyboard focus and on tap, and dismisses it with Escape or a tap elsewhere', async () => {
    const p = await page({ ...PHONE });
    await mountRoster(p);
    const marcus = row(p, 'Marcus Bell');
    // Keyboard: Right arrow from the client's name to its first signal opens its evidence.
    await marcus.locator('.ft-roster-name').focus();
    await p.keyboard.press('ArrowRight');
    const overdue = marcus.locator('.ft-signal[data-signal="overdue"]');
    expect(await overdue.evaluate((e) => e === document.activeElement)).toBe(true);
    await expect.poll(() => overdue.getAttribute('aria-expanded')).toBe('true');
    // Tabbing into the popover keeps it open; Enter on an evidence item opens that note.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.classList.contains('ft-evidence'))).toBe(true);
    expect(await overdue.getAttribute('aria-expanded')).toBe('true');
    await p.keyboard.press('Escape');
    await expect.poll(() => overdue.getAttribute('aria-expanded')).toBe('false');
    expect(await overdue.evaluate((e) => e === document.activeElement)).toBe(true);

    // Tap (click): pins it open until a tap elsewhere.
    const stalled = marcus.locator('.ft-signal[data-signal="stalled"]');
    await stalled.click();
    await expect.poll(() => stalled.getAttribute('aria-expanded')).toBe('true');
    await p.mouse.move(5, 5);
    await p.waitForTimeout(300);
    expect(await stalled.getAttribute('aria-expanded')).toBe('true');
    const pinned = marcus.locator('.ft-popover:not([hidden])');
    expect(await pinned.count()).toBe(1);
    expect(await pinned.locator('.ft-popover-message').innerText()).toBe('15 days since the last session; the rhythm is every 7 days.');
    await pinned.locator('.ft-evidence').click();
    expect((await callsNamed(p, 'openEvidence'))[0].args[0]).toMatchObject({
      kind: 'session',
      path: 'Sessions/2026-11-16 Marcus Bell.md',
      line: 4,
    });
    // Pin another, then tap outside.
    await stalled.click();
    await expect.poll(() => stalled.getAttribute('aria-expanded')).toBe('true');
    await p.locator('.ft-roster-summary').click({ position: { x: 2, y: 2 } });
    await expect.poll(() => stalled.getAttribute('aria-expanded')).toBe('false');
    // Only one popover at a time.
    await stalled.click();
    await marcus.locator('.ft-signal[data-signal="carried-over"]').click();
    expect(await p.locator('.ft-popover:not([hidden])').count()).toBe(1);

    // No horizontal scroll at phone width.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('opens the evidence upward, within the list, when there is no room below', async () => {
    const p = await page({ width: 360, height: 520 });
    await mountRoster(p, { pane: { height: 520 } });
    const scroller = p.locator('.ft-roster-scroll');
    // Maya's row at the bottom of the list's view.
    await row(p, 'Maya Chen').evaluate((e) => {
      const s = e.closest('.ft-roster-scroll') as HTMLElement;
      s.scrollTop += e.getBoundingClientRect().bottom - s.getBoundingClientRect().bottom;
    });
    await row(p, 'Maya Chen').locator('.ft-signal[data-signal="overdue"]').click();
    const popover = row(p, 'Maya Chen').locator('.ft-popover');
    expect(await popover.getAttribute('data-placement')).toBe('above');
    const [pop, box] = await Promise.all([popover.boundingBox(), scroller.boundingBox()]);
    expect(pop!.y).toBeGreaterThanOrEqual(box!.y);
    expect(pop!.y + pop!.height).toBeLessThanOrEqual(box!.y + box!.height);
  });

  it('opens a client from its name and the review from the overdue button', async () => {
    const p = await page();
    await mountRoster(p);
    await row(p, 'Hannah Lindqvist').locator('.ft-roster-name').click();
    const review = p.locator('.ft-roster-review');
    // The visible words are the accessible name; the rows add up to it.
    expect(await review.innerText()).toBe('11 overdue · Review');
    expect(await review.getAttribute('aria-label')).toBeNull();
    expect(await p.locator('.ft-roster-elsewhere').count()).toBe(0);
    await review.click();
    expect(await calls(p)).toEqual([
      { name: 'openClient', args: ['Hannah Lindqvist'] },
      { name: 'openReview', args: [null] },
    ]);
  });

  it('updates rows in place on a store change, keeping the filter, the scroll position and the layout', async () => {
    const p = await page({ width: 420, height: 700 });
    await mountRoster(p, { pane: { height: 420 } });
    await p.selectOption('.ft-roster-coach-select', { label: 'Priya Nair' });
    expect(await renderedClients(p)).toEqual(['Marcus Bell', 'Elena Petrova', 'Hannah Lindqvist', 'Jordan Ellis', 'Tom Whitaker']);
    const scroller = p.locator('.ft-roster-scroll');
    expect(await scroller.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    await scroller.evaluate((e) => (e.scrollTop = 60));
    const before = await p.$$eval('.ft-roster-row', (els) => els.map((e) => [(e as HTMLElement).dataset.client, (e as HTMLElement).offsetTop]));
    const hannahNode = await row(p, 'Hannah Lindqvist').elementHandle();

    // Marcus's overdue commitments are dealt with; Elena's coach changes to another coach.
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const store = (window as any).__roster;
      const m = ft.get(store);
      const rows = m.rows.map((r: any) =>
        r.client === 'Marcus Bell'
          ? { ...r, overdue: 0, open: 0, signals: r.signals.filter((s: any) => s.name !== 'overdue' && s.name !== 'coach-follow-up') }
          : r,
      );
      store.set({ ...m, rows, overdueTotal: m.overdueTotal - 1 });
      ft.flushSync();
    });
    const marcus = row(p, 'Marcus Bell');
    expect(await marcus.locator('.ft-roster-counts').innerText()).toMatch(/0 open · 0 overdue/);
    expect(await marcus.locator('.ft-signal').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.signal))).toEqual([
      'stalled',
      'carried-over',
      'missed-sessions',
    ]);
    expect(await p.locator('.ft-roster-review').innerText()).toBe('10 overdue · Review');
    expect(await scroller.evaluate((e) => e.scrollTop)).toBe(60);
    expect(await p.locator('.ft-roster-coach-select').evaluate((e) => (e as HTMLSelectElement).selectedOptions[0].text)).toBe('Priya Nair');
    // The same rows in the same order; rows wrap, so only Marcus's (fewer signals) may change height.
    const after = await p.$$eval('.ft-roster-row', (els) => els.map((e) => [(e as HTMLElement).dataset.client, (e as HTMLElement).offsetTop]));
    expect(after.map(([c]) => c)).toEqual(before.map(([c]) => c));
    const gaps = (list: (string | number | undefined)[][]) => list.slice(2).map(([c, top], i) => [c, (top as number) - (list[i + 1][1] as number)]);
    expect(gaps(after)).toEqual(gaps(before));
    // The same DOM node was updated, not re-created.
    expect(await hannahNode!.evaluate((e) => e.isConnected)).toBe(true);
  });

  it('renders 2,000 rows windowed; scrolling brings later rows in', async () => {
    const p = await page({ width: 420, height: 900 });
    const { order, released, mountMs } = await mountRoster(p, { synthetic: 2000, pane: { height: 800 } });
    const all = [...order, ...released];
    expect(all).toHaveLength(2000);
    expect(mountMs).toBeLessThan(1500);
    const rendered = await renderedClients(p);
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(80);
    expect(rendered).toEqual(all.slice(0, rendered.length));
    const scroller = p.locator('.ft-roster-scroll');
    // Rows wrap, so their heights differ: the spacers estimate from the rendered rows' average.
    const rowHeight = await p.$$eval('.ft-roster-item', (els) => els.reduce((n, e) => n + e.getBoundingClientRect().height, 0) / els.length);
    const scrollHeight = await scroller.evaluate((e) => e.scrollHeight);
    expect(Math.abs(scrollHeight - 2001 * rowHeight)).toBeLessThan(2001 * rowHeight * 0.1);

    // The middle: the rows around half way are rendered, in order, and fill the view.
    await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight / 2));
    await expect
      .poll(async () => {
        const r = await renderedClients(p);
        return r.some((c) => Math.abs(all.indexOf(c) - 1000) < 150);
      })
      .toBe(true);
    const middle = await renderedClients(p);
    expect(middle.length).toBeLessThan(80);
    expect(middle).toEqual(all.slice(all.indexOf(middle[0]), all.indexOf(middle[0]) + middle.length));
    const inView = await scroller.evaluate((s) => {
      const box = s.getBoundingClientRect();
      return [...s.querySelectorAll('.ft-roster-row')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.bottom > box.top && r.top < box.bottom;
      }).length;
    });
    expect(inView).toBeGreaterThan(3);

    // The end: the last released client.
    await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight));
    await expect.poll(async () => (await renderedClients(p)).includes('Client 2000')).toBe(true);
    expect(await row(p, 'Client 2000').isVisible()).toBe(true);

    // A live update while scrolled keeps the position.
    await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight / 4));
    await expect.poll(async () => (await renderedClients(p)).some((c) => Math.abs(all.indexOf(c) - 500) < 100)).toBe(true);
    const around = await renderedClients(p);
    const target = around[Math.floor(around.length / 2)];
    const scrollTop = await scroller.evaluate((e) => e.scrollTop);
    await p.evaluate((name) => {
      const ft = (window as any).ft;
      const store = (window as any).__roster;
      const m = ft.get(store);
      store.set({ ...m, rows: m.rows.map((r: any) => (r.client === name ? { ...r, open: 99 } : r)) });
      ft.flushSync();
    }, target);
    expect(await row(p, target).locator('.ft-roster-counts').innerText()).toMatch(/^99 open/);
    expect(await scroller.evaluate((e) => e.scrollTop)).toBe(scrollTop);

    // Search still finds one client among 2,000.
    await p.fill('.ft-roster-search', 'client 1999');
    expect(await renderedClients(p)).toEqual(['Client 1999']);
  });

  it('windows 2,000 rows when the page itself scrolls', async () => {
    const p = await page({ width: 1200, height: 800 });
    const { order } = await mountRoster(p, { synthetic: 2000 });
    expect((await renderedClients(p)).length).toBeLessThan(80);
    const rowHeight = await p.$$eval('.ft-roster-item', (els) => els.reduce((n, e) => n + e.getBoundingClientRect().height, 0) / els.length);
    await p.evaluate((y) => window.scrollTo(0, y), 1200 * rowHeight);
    await expect.poll(async () => (await renderedClients(p)).includes(order[1200])).toBe(true);
    expect((await renderedClients(p)).length).toBeLessThan(80);
    expect(await row(p, order[1200]).isVisible()).toBe(true);
  });

  it('signal counts follow the coach and the search; each count is the rows the filter then shows', async () => {
    const p = await page();
    await mountRoster(p);
    const options = () =>
      p.$$eval('.ft-roster-signal-select option', (els) =>
        els.map((e) => [(e as HTMLOptionElement).value, (e as HTMLOptionElement).text] as [string, string]),
      );
    const check = async () => {
      for (const [value, text] of await options()) {
        const n = /\((\d+)\)$/.exec(text);
        if (!n || value === '') continue;
        await p.selectOption('.ft-roster-signal-select', { value });
        expect(await renderedClients(p), `${text}`).toHaveLength(Number(n[1]));
      }
      await p.selectOption('.ft-roster-signal-select', { label: 'Any signal' });
    };
    expect((await options()).find(([v]) => v === 'declining')![1]).toBe('Declining (1)');
    await check();
    // Sam Rivera's clients: Hannah's "Declining" is not among them, so it has no count.
    await p.selectOption('.ft-roster-coach-select', { label: 'Sam Rivera' });
    expect((await options()).find(([v]) => v === 'declining')![1]).toBe('Declining');
    expect((await options()).find(([v]) => v === 'overdue')![1]).toBe('Overdue (2)');
    await check();
    await p.selectOption('.ft-roster-coach-select', { label: 'All coaches' });
    await p.fill('.ft-roster-search', 'ma');
    expect((await options()).find(([v]) => v === 'carried-over')![1]).toBe('Carried forward (2)');
    await check();
  });

  it('the header’s overdue count equals the rows’ sum, or says what else it includes', async () => {
    const p = await page();
    await mountRoster(p, { overdueTotal: 13 });
    // The demo rows: 11 of the clients' own, Sofia's row has 1 of the coach's, and 1 more elsewhere.
    expect(await p.locator('.ft-roster-review').innerText()).toBe('13 overdue · Review');
    expect(await p.locator('.ft-roster-elsewhere').innerText()).toBe('(includes 1 coach commitment, 1 not on the roster)');
    const rowsSum = await p.$$eval('.ft-roster-row', (els) =>
      els.reduce((n, e) => n + Number(/(\d+) overdue/.exec(e.querySelector('.ft-roster-counts')!.textContent!)![1]), 0),
    );
    expect(rowsSum).toBe(11);

    // As the app builds it over the demo vault: 12 in the index, 11 on the rows, 1 the coach's own.
    const q = await page();
    await q.evaluate(async () => {
      const app = (window as any).ft.app;
      await app.start();
      app.mountRoster();
    });
    expect(await q.locator('.ft-roster-review').innerText()).toBe(`${await q.evaluate(() => (window as any).ft.app.overdueCount())} overdue · Review`);
    expect(await q.locator('.ft-roster-review').innerText()).toBe('12 overdue · Review');
    expect(await q.locator('.ft-roster-elsewhere').innerText()).toBe('(includes 1 coach commitment)');
  });

  it('one Tab stop per row; arrow keys move between rows and along a row; Enter opens the client', async () => {
    const p = await page();
    const { order, released } = await mountRoster(p);
    const stops = await p.$$eval('.ft-roster-list button, .ft-roster-list [tabindex]', (els) =>
      els.filter((e) => (e as HTMLElement).tabIndex >= 0).map((e) => (e as HTMLElement).closest('.ft-roster-row')!.getAttribute('data-client')),
    );
    expect(stops).toEqual([...order, ...released]);
    // Tab from the search and the filters into the list lands on the first row, and the next Tab on the next row.
    await row(p, order[0]).locator('.ft-roster-name').focus();
    await p.keyboard.press('Tab');
    const focused = () => p.evaluate(() => [document.activeElement?.closest('.ft-roster-row')?.getAttribute('data-client'), document.activeElement?.className]);
    expect((await focused())[0]).toBe(order[1]);
    await p.keyboard.press('ArrowDown');
    expect((await focused())[0]).toBe(order[2]);
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('ArrowUp');
    expect((await focused())[0]).toBe(order[0]);
    await p.keyboard.press('End');
    expect((await focused())[0]).toBe(released[released.length - 1]);
    await p.keyboard.press('Home');
    expect((await focused())[0]).toBe(order[0]);
    // Along the row: the signals, each showing its evidence on focus; the row keeps that stop.
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    const stalled = row(p, order[0]).locator('.ft-signal[data-signal="stalled"]');
    expect(await stalled.evaluate((e) => e === document.activeElement)).toBe(true);
    await expect.poll(() => stalled.getAttribute('aria-expanded')).toBe('true');
    expect(await stalled.getAttribute('tabindex')).toBe('0');
    expect(await row(p, order[0]).locator('.ft-roster-name').getAttribute('tabindex')).toBe('-1');
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.press('ArrowLeft');
    expect((await focused())[1]).toContain('ft-roster-name');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    expect(await callsNamed(p, 'openClient')).toEqual([{ name: 'openClient', args: [order[1]] }]);
  });

  it('rows wrap at 280, 320 and 400 px and at 1.5× font: no name, coach or signal is clipped (and in the wide layout)', async () => {
    for (const width of [280, 320, 400, 760, 900]) {
      for (const scale of [1, 1.5]) {
        const p = await page({ width: Math.max(1000, width + 100), height: 900 });
        await p.evaluate((scale) => {
          const b = document.body.style;
          for (const [k, v] of [['--font-ui-smaller', 12], ['--font-ui-small', 13], ['--font-ui-medium', 15]] as const) b.setProperty(k, `${v * scale}px`);
        }, scale);
        await mountRoster(p, { pane: { height: 900, width } });
        // A long name and a long coach's name, whole too.
        await p.evaluate(() => {
          const ft = (window as any).ft;
          const store = (window as any).__roster;
          const m = ft.get(store);
          const rows = m.rows.map((r: any) =>
            r.client === 'Jordan Ellis' ? { ...r, client: 'Alexandra Konstantinopoulou-Whitfield', coach: 'Maximiliana Featherstonehaugh' } : r,
          );
          store.set({ ...m, rows });
          ft.flushSync();
        });
        const where = `${width}px at ${scale}×`;
        const clipped = await p.evaluate(() => {
          const out: string[] = [];
          for (const rowEl of document.querySelectorAll('.ft-roster-row')) {
            const box = rowEl.getBoundingClientRect();
            for (const el of rowEl.querySelectorAll<HTMLElement>('.ft-roster-name, .ft-roster-coach, .ft-signal, .ft-signal-text, .ft-roster-next, .ft-roster-facts > *, .ft-roster-released-tag, .ft-roster-clear-tag')) {
              const r = el.getBoundingClientRect();
              if (el.scrollWidth > el.clientWidth + 0.5 || r.right > box.right + 0.5 || r.left < box.left - 0.5) out.push(`${rowEl.getAttribute('data-client')}: ${el.className} "${el.textContent?.trim()}"`);
            }
          }
          return out;
        });
        expect(clipped, where).toEqual([]);
        // No word of a name or a coach is broken across lines.
        const broken = await p.evaluate(() => {
          const out: string[] = [];
          for (const el of document.querySelectorAll('.ft-roster-name, .ft-roster-coach')) {
            const node = el.firstChild?.nodeType === Node.TEXT_NODE ? el.firstChild : [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
            if (!node) continue;
            const text = node.textContent!;
            for (const m of text.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, m.index!);
              range.setEnd(node, m.index! + m[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) out.push(m[0]);
            }
          }
          return out;
        });
        // (A word longer than the whole row may wrap; none of the demo's is.)
        expect(broken.filter((w) => w !== 'Konstantinopoulou-Whitfield' && w !== 'Featherstonehaugh'), where).toEqual([]);
        // Column headings only in the wide layout (one line per client).
        expect(await p.locator('.ft-roster-columns').isVisible(), where).toBe(width >= 900);
        // Names and coaches whole, every signal's full name shown.
        const marcus = row(p, 'Marcus Bell');
        expect(await marcus.locator('.ft-roster-name').innerText(), where).toBe('Marcus Bell');
        expect(await marcus.locator('.ft-roster-coach').innerText(), where).toBe('Priya Nair');
        expect(await marcus.locator('.ft-signal-text').allInnerTexts(), where).toEqual(['Overdue', 'Stalled', 'Carried forward', 'Missed sessions']);
        const long = row(p, 'Alexandra Konstantinopoulou-Whitfield');
        expect(await long.locator('.ft-roster-name').innerText().then((t) => t.replace(/\s+/g, ' ')), where).toBe('Alexandra Konstantinopoulou-Whitfield');
        expect(await long.locator('.ft-roster-coach').isVisible(), where).toBe(true);
        expect(await p.evaluate(() => document.querySelector('.ft-roster')!.scrollWidth <= document.querySelector('.ft-roster')!.clientWidth), where).toBe(true);
        if (width === 280 && scale === 1.5) await screenshot(p, 'roster-280px-font-1.5x');
      }
    }
  }, 120_000);

  it('an empty vault says what counts as a client and a session note, with the first-run actions', async () => {
    const p = await page({ ...PHONE });
    await mountRoster(p, { empty: true, firstRunActions: true });
    const first = p.locator('.ft-first-run');
    expect(await first.locator('h3').innerText()).toBe('Your roster is empty');
    expect(await first.locator('h4').allInnerTexts()).toEqual(['A client note', 'A session note']);
    const examples = await first.locator('pre').allInnerTexts();
    expect(examples[0]).toContain('type: client');
    expect(examples[1]).toContain('type: session');
    expect(examples[1]).toContain('## Commitments');
    expect(await p.locator('.ft-roster-filters').count()).toBe(0);
    for (const [label, action] of [
      ['Set up from my notes', 'setUp'],
      ['Create a client note', 'createClientNote'],
      ['Insert a session template', 'insertSessionTemplate'],
    ]) {
      await first.getByRole('button', { name: label, exact: true }).click();
      expect((await calls(p)).at(-1)).toEqual({ name: action, args: [] });
    }
    expect(await axeViolations(p, '.ft-roster')).toEqual([]);
    await screenshot(p, 'roster-first-run-phone-light');
    // Without the optional actions: the explanation, no buttons.
    const q = await page();
    await mountRoster(q, { empty: true });
    expect(await q.locator('.ft-first-run button').count()).toBe(0);
  });

  it('while the vault is read, says how far it has got; then the roster', async () => {
    const p = await page();
    await mountRoster(p, { empty: true, indexing: { read: 1200, total: 4800 }, firstRunActions: true });
    expect(await p.locator('.ft-roster-indexing').innerText()).toMatch(/^Reading notes… 1,200 of 4,800/);
    expect(await p.locator('.ft-roster-indexing progress').evaluate((e) => (e as HTMLProgressElement).value)).toBe(1200);
    expect(await p.locator('.ft-first-run').count()).toBe(0);
    expect(await p.locator('.ft-roster-loading').innerText()).toBe('Your clients will show here once the notes are read.');
    expect(await axeViolations(p, '.ft-roster')).toEqual([]);
    await p.evaluate(() => {
      const ft = (window as any).ft;
      (window as any).__indexing.set({ read: 4800, total: 4800 });
      ft.flushSync();
    });
    expect(await p.locator('.ft-roster-indexing').innerText()).toMatch(/^Reading notes… 4,800 of 4,800/);
    await p.evaluate(() => {
      const ft = (window as any).ft;
      (window as any).__indexing.set(null);
      ft.flushSync();
    });
    expect(await p.locator('.ft-roster-indexing').count()).toBe(0);
    expect(await p.locator('.ft-first-run').count()).toBe(1);
  });

  it('while the clients are worked out after the read, says how far it has got; then the rows', async () => {
    const p = await page();
    await mountRoster(p, { empty: true, firstRunActions: true });
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const store = (window as any).__roster;
      store.update((m: any) => ({ ...m, preparing: { done: 800, total: 2000 } }));
      ft.flushSync();
    });
    expect(await p.locator('.ft-roster-indexing').innerText()).toMatch(/^Working out clients… 800 of 2,000/);
    expect(await p.locator('.ft-roster-indexing progress').evaluate((e) => (e as HTMLProgressElement).value)).toBe(800);
    expect(await p.locator('.ft-first-run').count()).toBe(0);
    expect(await p.locator('.ft-roster-loading').count()).toBe(1);
    expect(await axeViolations(p, '.ft-roster')).toEqual([]);
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const demo = ft.core.roster(ft.demoIndex(), { asOf: '2026-12-01' });
      (window as any).__roster.update((m: any) => ({ ...m, rows: demo, preparing: null }));
      ft.flushSync();
    });
    expect(await p.locator('.ft-roster-indexing').count()).toBe(0);
    expect(await p.locator('.ft-roster-row').count()).toBeGreaterThan(0);
  });

  it('lists the notes not read, one line away, each with its reason, opening the note at the line', async () => {
    const p = await page();
    // As the app builds it: the demo vault's two unreadable session notes.
    await p.evaluate(async () => {
      const app = (window as any).ft.app;
      await app.start();
      app.mountRoster();
    });
    const toggle = p.locator('.ft-not-read-toggle');
    expect(await toggle.locator('.ft-not-read-summary').innerText()).toBe('2 notes not read');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await p.locator('.ft-not-read-list').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const items = p.locator('.ft-not-read-list li');
    expect(await items.allInnerTexts()).toEqual([
      expect.stringMatching(/^Daniel Okafor - catch-up\s+Not read: session date 'next Thursday' does not parse/),
      expect.stringMatching(/^Untitled session\s+Not read: session note has no date/),
    ]);
    // The host's openDiagnostic opens the note at the line.
    const r = await page();
    await mountRoster(r, {
      firstRunActions: true,
      notRead: [
        { path: 'Sessions/Daniel Okafor - catch-up.md', line: 4, severity: 'error', message: "session date 'next Thursday' does not parse (expected YYYY-MM-DD)" },
        { path: 'Clients/Jane.md', line: 2, severity: 'warning', message: 'unknown accountability level' },
        { path: 'Sessions/Untitled session.md', line: 1, severity: 'error', message: 'session note has no date' },
      ],
    });
    expect(await r.locator('.ft-not-read-summary').innerText()).toBe('3 notes not read or read with problems');
    await r.locator('.ft-not-read-toggle').click();
    await r.locator('.ft-not-read-item', { hasText: 'Jane' }).click();
    expect(await callsNamed(r, 'openDiagnostic')).toEqual([
      { name: 'openDiagnostic', args: [{ path: 'Clients/Jane.md', line: 2, severity: 'warning', message: 'unknown accountability level' }] },
    ]);
    // Titles, never paths or line numbers.
    expect(await r.locator('.ft-not-read-list').innerText()).not.toMatch(/Sessions\/|\.md|line \d/);
    expect(await axeViolations(r, '.ft-roster')).toEqual([]);
  });

  it('axe finds no serious or critical violation: light and dark, desktop and phone, with evidence open', async () => {
    for (const size of [DESKTOP, PHONE]) {
      for (const dark of [false, true]) {
        const p = await page({ ...size, dark });
        await mountRoster(p, { notRead: [{ path: 'Sessions/x.md', line: 1, severity: 'error', message: 'session note has no date' }] });
        const where = `${size.width}×${size.height} ${dark ? 'dark' : 'light'}`;
        expect(await axeViolations(p, '.ft-roster'), where).toEqual([]);
        await row(p, 'Marcus Bell').locator('.ft-signal[data-signal="overdue"]').click();
        await p.locator('.ft-not-read-toggle').click();
        await row(p, 'Marcus Bell').locator('.ft-signal[data-signal="overdue"]').click();
        await row(p, 'Marcus Bell').hover();
        expect(await axeViolations(p, '.ft-roster'), `${where}, evidence open`).toEqual([]);
      }
    }
  }, 120_000);

  it('in a 320 px sidebar under the Today strip, the sidebar opens with clients in view; focus shows as a ring', async () => {
    for (const dark of [false, true]) {
      const p = await page({ width: 1200, height: 800, dark });
      await p.evaluate(() => {
        const ft = (window as any).ft;
        const root = document.getElementById('root')!;
        Object.assign(root.style, { width: '320px', marginLeft: 'auto', background: 'var(--background-secondary)' });
        const today = document.createElement('div');
        const roster = document.createElement('div');
        root.append(today, roster);
        const settings = ft.today.resolveNudgeSettings({ thinAfterOnTime: 0 }); // the full cadence: Daniel's two midpoints are in the strip
        const model = ft.writable(ft.today.buildTodayModel(ft.demoIndex(), '2026-12-01', settings));
        const noop = ft.recorder('today');
        ft.mount('TodayPanel', { model, actions: { markSent: noop, copy: noop, openEvidence: noop }, collapsible: true }, today);
        const rows = ft.core.roster(ft.demoIndex(), { asOf: '2026-12-01' });
        const store = ft.writable({ asOf: '2026-12-01', rows, coaches: ['Priya Nair', 'Sam Rivera'], overdueTotal: 16, notRead: [] });
        const r = ft.recorder('roster');
        ft.mount('Roster', { model: store, actions: { openClient: r, openEvidence: r, openReview: r } }, roster);
      });
      expect(await p.locator('.ft-today-toggle').innerText()).toBe('4 nudges today');
      // At least the riskiest four clients are in view without scrolling.
      const inView = await p.$$eval('.ft-roster-row', (els) => els.filter((e) => e.getBoundingClientRect().bottom <= window.innerHeight).length);
      expect(inView).toBeGreaterThanOrEqual(4);
      expect(await axeViolations(p)).toEqual([]);
      await row(p, 'Marcus Bell').locator('.ft-roster-name').focus();
      await p.keyboard.press('ArrowDown');
      const ring = await row(p, 'Elena Petrova').locator('.ft-roster-name').evaluate((e) => getComputedStyle(e).boxShadow);
      expect(ring).not.toBe('none');
      await screenshot(p, `roster-sidebar-with-today-${dark ? 'dark' : 'light'}`);
    }
  });

  it('looks right at desktop and phone widths, light and dark', async () => {
    for (const [name, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      for (const dark of [false, true]) {
        const p = await page({ ...size, dark });
        await mountRoster(p);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        await screenshot(p, `roster-${name}-${dark ? 'dark' : 'light'}`);
      }
    }
    // As it sits in Obsidian's right sidebar, with an evidence popover open.
    for (const dark of [false, true]) {
      const p = await page({ width: 1200, height: 820, dark });
      await mountRoster(p, { pane: { height: 820, width: 360 } });
      await row(p, 'Hannah Lindqvist').locator('.ft-signal[data-signal="declining"]').click();
      await screenshot(p, `roster-sidebar-${dark ? 'dark' : 'light'}`);
    }
  });
});
