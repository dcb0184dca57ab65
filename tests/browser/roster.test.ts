/**
 * The roster component in real Chromium: the demo vault's roster (as of 2026-12-01) through the
 * real core, mounted with recording actions; filtering, evidence popovers, live updates, a
 * 2,000-client list, and screenshots at desktop and phone sizes in light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
    let rows = demo;
    if (o.synthetic) {
      rows = [];
      for (let i = 0; i < o.synthetic; i++) {
        const r = demo[i % demo.length];
        rows.push({ ...r, client: `Client ${String(i + 1).padStart(4, '0')}` });
      }
    }
    const isReleased = (r: any) => r.status !== 'active' || (r.pausedUntil !== null && asOf <= r.pausedUntil);
    const coaches = [...new Set(rows.map((r: any) => r.coach).filter((c: any) => c !== null))].sort() as string[];
    const overdueTotal = rows.reduce((n: number, r: any) => n + r.overdue, 0);
    const store = ft.writable({ asOf, rows, coaches, overdueTotal });
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
    };
    const t0 = performance.now();
    ft.mount('Roster', { model: store, actions, initialFilter: o.initialFilter ?? null });
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
    expect(await p.locator('.ft-roster-released-title').textContent()).toBe('Released · 3');
    for (const name of released) expect(await row(p, name).getAttribute('data-released')).not.toBeNull();
    expect(await row(p, 'Ravi Shah').locator('.ft-roster-signals').innerText()).toBe('Ended');
    expect(await row(p, 'Tom Whitaker').locator('.ft-roster-signals').innerText()).toBe('Paused');
    expect(await row(p, 'Grace Adeyemi').locator('.ft-roster-signals').innerText()).toBe('Released until Thu 10 Dec');

    // The roster fields for the riskiest client.
    const marcus = row(p, 'Marcus Bell');
    expect(await marcus.locator('.ft-roster-coach').innerText()).toBe('Priya Nair');
    expect(await marcus.locator('.ft-roster-next').innerText()).toMatch(/Wed 2 Dec/);
    expect(await marcus.locator('.ft-roster-last').innerText()).toMatch(/Mon 16 Nov \(15d\)/);
    expect(await marcus.locator('.ft-roster-counts').innerText()).toMatch(/3 open · 3 overdue/);
    expect(await marcus.locator('.ft-rate-recent').innerText()).toBe('64%');
    expect(await marcus.locator('.ft-rate-all').innerText()).toBe('77%');
    // Signals, heaviest first, with severity from their weight.
    const signals = await marcus.locator('.ft-signal').evaluateAll((els) =>
      els.map((e) => [(e as HTMLElement).dataset.signal, (e as HTMLElement).dataset.severity]),
    );
    expect(signals).toEqual([
      ['overdue', 'high'],
      ['stalled', 'high'],
      ['carried-over', 'medium'],
      ['missed-sessions', 'medium'],
      ['coach-follow-up', 'medium'],
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
    expect(await renderedClients(p)).toEqual(['Marcus Bell', 'Hannah Lindqvist', 'Maya Chen']);

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
    expect(await renderedClients(p)).toEqual(['Marcus Bell', 'Elena Petrova', 'Hannah Lindqvist', 'Jordan Ellis']);
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
    expect(await popover.locator('.ft-popover-message').innerText()).toBe('3 commitments past due.');
    const evidence = popover.locator('.ft-evidence');
    expect(await evidence.count()).toBe(3);
    expect(await evidence.first().innerText()).toContain('Send the portfolio to 3 designers and ask for feedback');
    await evidence.first().click();
    const opened = await callsNamed(p, 'openEvidence');
    expect(opened).toHaveLength(1);
    expect(opened[0].args[0]).toMatchObject({ kind: 'commitment', path: 'Sessions/2026-10-28 Marcus Bell.md', line: 11 });
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
    // Keyboard: Tab from the client's name to its first signal opens its evidence.
    await marcus.locator('.ft-roster-name').focus();
    await p.keyboard.press('Tab');
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

    // No horizontal scroll at phone width; rows keep one fixed height.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const heights = await p.$$eval('.ft-roster-item', (els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().height)))]);
    expect(heights).toHaveLength(1);
  });

  it('opens the evidence upward, within the list, when there is no room below', async () => {
    const p = await page({ width: 360, height: 520 });
    await mountRoster(p, { pane: { height: 520 } });
    const scroller = p.locator('.ft-roster-scroll');
    await scroller.evaluate((e) => (e.scrollTop = 130));
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
    expect(await review.innerText()).toBe('16 overdue — review');
    expect(await review.getAttribute('aria-label')).toBe('Review 16 overdue commitments');
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
      store.set({ ...m, rows, overdueTotal: m.overdueTotal - 3 });
      ft.flushSync();
    });
    const marcus = row(p, 'Marcus Bell');
    expect(await marcus.locator('.ft-roster-counts').innerText()).toMatch(/0 open · 0 overdue/);
    expect(await marcus.locator('.ft-signal').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.signal))).toEqual([
      'stalled',
      'carried-over',
      'missed-sessions',
    ]);
    expect(await p.locator('.ft-roster-review').innerText()).toBe('13 overdue — review');
    expect(await scroller.evaluate((e) => e.scrollTop)).toBe(60);
    expect(await p.locator('.ft-roster-coach-select').evaluate((e) => (e as HTMLSelectElement).selectedOptions[0].text)).toBe('Priya Nair');
    const after = await p.$$eval('.ft-roster-row', (els) => els.map((e) => [(e as HTMLElement).dataset.client, (e as HTMLElement).offsetTop]));
    expect(after).toEqual(before);
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
    const rowHeight = await p.locator('.ft-roster-row').first().evaluate((e) => e.getBoundingClientRect().height);
    // The spacers keep the full height: 2,000 rows and the released heading.
    const scrollHeight = await scroller.evaluate((e) => e.scrollHeight);
    expect(Math.abs(scrollHeight - 2001 * rowHeight)).toBeLessThan(rowHeight * 2);

    // The middle.
    await scroller.evaluate((e, h) => (e.scrollTop = 1000 * h), rowHeight);
    await expect.poll(async () => (await renderedClients(p)).includes(all[1000])).toBe(true);
    const middle = await renderedClients(p);
    expect(middle.length).toBeLessThan(80);
    expect(middle).toEqual(all.slice(all.indexOf(middle[0]), all.indexOf(middle[0]) + middle.length));
    // The rendered row sits where it should in the scroller.
    const top = await row(p, all[1000]).evaluate((e) => {
      const s = e.closest('.ft-roster-scroll')!;
      return e.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop;
    });
    expect(Math.abs(top - 1000 * rowHeight)).toBeLessThan(2);

    // The end: the last released client.
    await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight));
    await expect.poll(async () => (await renderedClients(p)).includes('Client 2000')).toBe(true);
    expect(await row(p, 'Client 2000').isVisible()).toBe(true);

    // A live update while scrolled keeps the position.
    await scroller.evaluate((e, h) => (e.scrollTop = 500 * h), rowHeight);
    await expect.poll(async () => (await renderedClients(p)).includes(all[500])).toBe(true);
    const scrollTop = await scroller.evaluate((e) => e.scrollTop);
    await p.evaluate((name) => {
      const ft = (window as any).ft;
      const store = (window as any).__roster;
      const m = ft.get(store);
      store.set({ ...m, rows: m.rows.map((r: any) => (r.client === name ? { ...r, open: 99 } : r)) });
      ft.flushSync();
    }, all[500]);
    expect(await row(p, all[500]).locator('.ft-roster-counts').innerText()).toMatch(/^99 open/);
    expect(await scroller.evaluate((e) => e.scrollTop)).toBe(scrollTop);

    // Search still finds one client among 2,000.
    await p.fill('.ft-roster-search', 'client 1999');
    expect(await renderedClients(p)).toEqual(['Client 1999']);
  });

  it('windows 2,000 rows when the page itself scrolls', async () => {
    const p = await page({ width: 1200, height: 800 });
    const { order } = await mountRoster(p, { synthetic: 2000 });
    expect((await renderedClients(p)).length).toBeLessThan(80);
    const rowHeight = await p.locator('.ft-roster-row').first().evaluate((e) => e.getBoundingClientRect().height);
    await p.evaluate((y) => window.scrollTo(0, y), 1200 * rowHeight);
    await expect.poll(async () => (await renderedClients(p)).includes(order[1200])).toBe(true);
    expect((await renderedClients(p)).length).toBeLessThan(80);
    expect(await row(p, order[1200]).isVisible()).toBe(true);
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
