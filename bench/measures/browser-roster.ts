/**
 * The roster component in Chromium (issue 5): first render of 500 and 2,000 rows, and a live
 * update after one client's row changes, timed inside the page from mount (or store update)
 * through Svelte's flush and a forced layout. Uses the browser test page (the real component
 * and styles) and Debian's Chromium; skipped with a reason when Chromium is not installed.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildBrowserPage } from '../../tests/browser/build';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/browser/chromium';
import { median, round } from '../util';

export interface BrowserRosterResult {
  method: string;
  firstRender500Ms: number;
  firstRender2000Ms: number;
  liveUpdate2000Ms: number;
  runs: { firstRender500Ms: number[]; firstRender2000Ms: number[]; liveUpdate2000Ms: number[] };
  domRowsAt2000: number;
}

export async function measureBrowserRoster(runs = 5): Promise<BrowserRosterResult | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install chromium)` };
  const url = await buildBrowserPage();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { ft?: unknown }).ft !== undefined);
    const sample = (n: number, update: boolean) =>
      page.evaluate(
        ({ n, update }) => {
          const ft = (window as any).ft;
          const base = ft.core.roster(ft.demoIndex(), { asOf: '2026-12-01' });
          const rows = Array.from({ length: n }, (_, i) => ({ ...base[i % base.length], client: `Client ${i + 1}`, sortKey: `${base[i % base.length].sortKey}|${String(i).padStart(5, '0')}` }));
          const model = ft.writable({ asOf: '2026-12-01', rows, coaches: ['Priya Nair', 'Sam Rivera'], overdueTotal: 17 });
          const actions = { openClient() {}, openEvidence() {}, openReview() {} };
          const root = document.getElementById('root')!;
          root.replaceChildren();
          const t0 = performance.now();
          const id = ft.mount('Roster', { model, actions });
          void document.body.offsetHeight;
          const first = performance.now() - t0;
          let live = 0;
          if (update) {
            const changed = rows.slice();
            changed[3] = { ...changed[3], overdue: 0, signals: [] };
            const t1 = performance.now();
            model.set({ asOf: '2026-12-01', rows: changed, coaches: ['Priya Nair', 'Sam Rivera'], overdueTotal: 16 });
            ft.flushSync();
            void document.body.offsetHeight;
            live = performance.now() - t1;
          }
          const domRows = root.querySelectorAll('[data-client]').length || root.querySelectorAll('.ft-roster-row').length;
          void ft.unmount(id);
          return { first, live, domRows };
        },
        { n, update },
      );
    await sample(500, false); // warm-up: JIT and style caches
    const r500: number[] = [];
    const r2000: number[] = [];
    const upd: number[] = [];
    let domRows = 0;
    for (let i = 0; i < runs; i++) {
      r500.push((await sample(500, false)).first);
      const s = await sample(2000, true);
      r2000.push(s.first);
      upd.push(s.live);
      domRows = s.domRows;
    }
    return {
      method: `Chromium ${browser.version()} headless at 420×900 (a sidebar): Roster mounted over N rows (demo rows repeated), timed in the page from mount to flushSync plus a forced layout; live update = one row changed through the store; median of ${runs} runs after a warm-up`,
      firstRender500Ms: round(median(r500), 1),
      firstRender2000Ms: round(median(r2000), 1),
      liveUpdate2000Ms: round(median(upd), 1),
      runs: { firstRender500Ms: r500.map((x) => round(x, 1)), firstRender2000Ms: r2000.map((x) => round(x, 1)), liveUpdate2000Ms: upd.map((x) => round(x, 1)) },
      domRowsAt2000: domRows,
    };
  } finally {
    await browser.close();
  }
}
