/**
 * axe-core in the test page: its source injected into the page and run over a part of it. The
 * tests fail on any serious or critical violation. Two rules axe leaves off by default are turned
 * on: label-in-name (the visible text is part of the accessible name) and target size (at least
 * 24 px, or spaced as if it were).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: string | null = null;

function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** The serious and critical violations axe finds within `selector` (default the whole page). */
export async function axeViolations(page: Page, selector = 'body'): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async (selector) => {
    const axe = (window as any).axe;
    const result = await axe.run(selector, {
      // No fetching of the page's stylesheets (a file: page cannot), and only violations back.
      preload: false,
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true }, 'target-size': { enabled: true } },
    });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
  }, selector);
}
