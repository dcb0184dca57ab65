/**
 * The client view and its completion chart in real Chromium: a client model built in the page from
 * the demo vault by the real core (as of 2026-12-01), mounted with recording actions.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, usePages } from './browser';

const AS_OF = '2026-12-01';

const page = usePages();

interface Built {
  open: { text: string; session: string; line: number; status: string }[];
  sessions: number;
  rated: number;
  chains: { text: string; links: { session: string; line: number; sessionDate: string }[] }[];
  milestones: { name: string; due: string | null; done: boolean }[];
}

/**
 * Builds the client view's model in the page the way the adapter does (core analysis, patterns,
 * brief, roster row; completion per held session), stores it as `window.__client` and mounts.
 */
function mountClient(page: Page, name: string, checkInResult?: unknown): Promise<Built> {
  return page.evaluate(
    ({ name, asOf, checkInResult }) => {
      const ft = (window as any).ft;
      const index = ft.demoIndex();
      const client = index.clients().find((c: any) => c.name === name);
      const t = ft.core.resolveThresholds();
      const a = ft.core.analyseClient(index, client, asOf, t);
      const row = ft.core.roster(index, { asOf }).find((r: any) => r.client === name);
      const patterns = ft.core.clientPatterns(index, client, asOf);
      const brief = ft.core.clientBrief(index, client, asOf);
      const expected = new Set(['open', 'partial', 'stuck', 'skipped']);
      const open = a.commitments.filter((c: any) => expected.has(c.status));
      const completionBySession = a.held.map((s: any) => {
        const due = a.clientOwned.filter((c: any) => c.session === s.path && (c.status !== 'open' || c.due < asOf));
        const done = due.filter((c: any) => c.status === 'done').length;
        const partial = due.filter((c: any) => c.status === 'partial').length;
        return { sessionDate: s.date, path: s.path, rate: due.length === 0 ? null : (done + partial / 2) / due.length, done, total: due.length };
      });
      const model = { asOf, client, row, patterns, brief, open, completionBySession, milestones: client.milestones };
      const store = ft.writable(model);
      (window as any).__client = store;
      const actions = {
        checkIn: ft.recorder('checkIn', checkInResult),
        openEvidence: ft.recorder('openEvidence'),
        openReview: ft.recorder('openReview'),
        renderMarkdown: (el: HTMLElement, markdown: string, sourcePath: string) => {
          ft.calls.push({ name: 'renderMarkdown', args: [sourcePath] });
          ft.renderMarkdown(el, markdown);
        },
      };
      ft.mount('ClientView', { model: store, actions });
      return {
        open: open.map((c: any) => ({ text: c.text, session: c.session, line: c.line, status: c.status })),
        sessions: completionBySession.length,
        rated: completionBySession.filter((p: any) => p.rate !== null).length,
        chains: patterns.chains.map((ch: any) => ({ text: ch.text, links: ch.links })),
        milestones: client.milestones,
      };
    },
    { name, asOf: AS_OF, checkInResult },
  );
}

const calls = (p: Page) => p.evaluate(() => (window as any).ft.calls as { name: string; args: any[] }[]);
const callsNamed = async (p: Page, name: string) => (await calls(p)).filter((c) => c.name === name);

describe('client view', () => {
  it('shows the header and renders the brief through the host renderer', async () => {
    const p = await page();
    await mountClient(p, 'Marcus Bell');
    expect(await p.locator('.ft-client-name').innerText()).toBe('Marcus Bell');
    const facts = await p.locator('.ft-client-facts').innerText();
    // Completion counts Marcus's carried portfolio links as not done (spec, Derived values).
    for (const text of ['Priya Nair', 'Active', 'Every 7 days', 'Mon 16 Nov', 'Wed 2 Dec', 'tomorrow', '57%', '73%']) {
      expect(facts).toContain(text);
    }
    expect(await p.locator('.ft-client-status').innerText()).toBe('Active');
    // The brief: rendered into the container by actions.renderMarkdown, with the client note as source.
    expect(await p.locator('.ft-brief h1').innerText()).toBe('Brief: Marcus Bell, 2026-12-01');
    const headings = await p.locator('.ft-brief h2').allInnerTexts();
    expect(headings).toContain('Since the last session');
    expect(headings).toContain('Opening questions');
    expect(await callsNamed(p, 'renderMarkdown')).toEqual([{ name: 'renderMarkdown', args: ['Clients/Marcus Bell.md'] }]);

    // A new brief re-renders in place (not appended).
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const store = (window as any).__client;
      store.set({ ...ft.get(store), brief: '# Brief: updated\n- one line' });
      ft.flushSync();
    });
    expect(await p.locator('.ft-brief h1').allInnerTexts()).toEqual(['Brief: updated']);
    expect(await p.locator('.ft-brief h2').count()).toBe(0);

    // Header signals with their evidence.
    const signals = p.locator('.ft-client-signals .ft-signal');
    // overdue, stalled, carried-over, missed-sessions (his one overdue link is his latest, checked in on time).
    expect(await signals.count()).toBe(4);
    await p.locator('.ft-client-signals .ft-signal[data-signal="missed-sessions"]').hover();
    const popover = p.locator('.ft-client-signals .ft-popover:not([hidden])');
    await expect.poll(() => popover.count()).toBe(1);
    await popover.locator('.ft-evidence').first().click();
    expect((await callsNamed(p, 'openEvidence'))[0].args[0]).toMatchObject({
      kind: 'session',
      path: 'Sessions/2026-11-09 Marcus Bell.md',
      line: 6,
    });

    await p.locator('.ft-client-review').click();
    expect(await callsNamed(p, 'openReview')).toEqual([{ name: 'openReview', args: ['Marcus Bell'] }]);
  });

  it('checks in on an open commitment with one tap, with an optional note, and shows the result', async () => {
    const p = await page();
    // Jordan has six open commitments (Marcus's chain now counts once, so he has one).
    const { open } = await mountClient(p, 'Jordan Ellis');
    expect(open.length).toBeGreaterThanOrEqual(3);
    const cards = p.locator('.ft-commitment');
    expect(await cards.count()).toBe(open.length);
    expect(await cards.locator('.ft-commitment-text').allInnerTexts()).toEqual(open.map((c) => c.text));

    const first = cards.nth(0);
    await first.locator('.ft-checkin-button', { hasText: 'Done' }).click();
    await expect.poll(() => first.locator('.ft-checkin-result').count()).toBe(1);
    expect(await first.locator('.ft-checkin-result').innerText()).toBe('checkIn done');
    expect(await first.locator('.ft-checkin-result').getAttribute('data-ok')).toBe('true');

    const second = cards.nth(1);
    await second.locator('.ft-checkin-note').fill('drafted both, sent one');
    await second.locator('.ft-checkin-button', { hasText: 'Stuck' }).click();
    await expect.poll(() => second.locator('.ft-checkin-result').count()).toBe(1);
    expect(await second.locator('.ft-checkin-note').inputValue()).toBe('');

    const third = cards.nth(2);
    await third.locator('.ft-checkin-button', { hasText: 'Skipped' }).click();
    await expect.poll(() => third.locator('.ft-checkin-result').count()).toBe(1);

    const checkIns = await callsNamed(p, 'checkIn');
    expect(checkIns.map((c) => [c.args[0].text, c.args[0].session, c.args[0].line, c.args[1], c.args[2]])).toEqual([
      [open[0].text, open[0].session, open[0].line, 'done', null],
      [open[1].text, open[1].session, open[1].line, 'stuck', 'drafted both, sent one'],
      [open[2].text, open[2].session, open[2].line, 'skipped', null],
    ]);

    // The edit lands: the first commitment is no longer open; its result stays visible.
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const store = (window as any).__client;
      const m = ft.get(store);
      store.set({ ...m, open: m.open.slice(1) });
      ft.flushSync();
    });
    expect(await cards.count()).toBe(open.length - 1);
    expect(await p.locator('.ft-checkin-settled').innerText()).toContain(`${open[0].text}: checkIn done`);
    // The other cards kept their results.
    expect(await cards.nth(0).locator('.ft-checkin-result').innerText()).toBe('checkIn done');

    // Every check-in button has a name and sits in a group naming its commitment.
    const groups = await p.locator('.ft-checkin').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(groups[0]).toBe(`Check in: ${open[1].text}`);
  });

  it('shows why a check-in failed', async () => {
    const p = await page();
    await mountClient(p, 'Hannah Lindqvist', { ok: false, reason: 'The note changed since it was read.' });
    const card = p.locator('.ft-commitment').first();
    await card.locator('.ft-checkin-note').fill('tried twice');
    await card.locator('.ft-checkin-button', { hasText: 'Partial' }).click();
    await expect.poll(() => card.locator('.ft-checkin-result').count()).toBe(1);
    expect(await card.locator('.ft-checkin-result').innerText()).toBe('Not checked in: The note changed since it was read.');
    expect(await card.locator('.ft-checkin-result').getAttribute('data-ok')).toBe('false');
    // The note is kept for another try.
    expect(await card.locator('.ft-checkin-note').inputValue()).toBe('tried twice');
  });

  it('draws one chart point per session with a rate, with an accessible summary', async () => {
    const p = await page();
    const { sessions, rated } = await mountClient(p, 'Marcus Bell');
    expect(sessions).toBe(7);
    const svg = p.locator('.ft-client-chart svg');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.getAttribute('data-sessions')).toBe(String(sessions));
    expect(await p.locator('.ft-client-chart .ft-chart-point').count()).toBe(rated);
    const label = await svg.evaluate((e) =>
      (e.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' | '),
    );
    expect(label).toContain('Completion by session for Marcus Bell');
    expect(label).toMatch(/Completion over \d of 7 sessions: 100% on Mon 28 Sep/);
    expect(await p.locator('.ft-client-chart .ft-chart-axis').allTextContents()).toEqual(expect.arrayContaining(['0%', '50%', '100%', 'Mon 28 Sep', 'Mon 16 Nov']));

    // Standalone, with gaps where nothing came due.
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const host = document.createElement('div');
      host.id = 'chart';
      host.style.width = '400px';
      document.body.appendChild(host);
      const pt = (d: string, rate: number | null, done: number, total: number) => ({ sessionDate: d, path: `S/${d}.md`, rate, done, total });
      ft.mount(
        'CompletionChart',
        {
          points: [
            pt('2026-09-01', 1, 2, 2),
            pt('2026-09-08', 0.5, 1, 2),
            pt('2026-09-15', null, 0, 0),
            pt('2026-09-22', 0, 0, 3),
            pt('2026-09-29', 0.75, 3, 4),
            pt('2026-10-06', null, 0, 0),
          ],
        },
        host,
      );
    });
    const chart = p.locator('#chart');
    expect(await chart.locator('.ft-chart-point').count()).toBe(4);
    expect(await chart.locator('.ft-chart-gap').count()).toBe(2);
    // Two lines: the run before the gap and the run after it.
    expect(await chart.locator('.ft-chart-line').count()).toBe(2);
    const ys = await chart.locator('.ft-chart-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('cy'))));
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
    expect(await chart.locator('desc').textContent()).toBe(
      'Completion over 4 of 6 sessions: 100% on Tue 1 Sep, 75% on Tue 29 Sep; average 56% (6 of 11 commitments done). 2 sessions had nothing come due.',
    );
    expect(await chart.locator('svg').evaluate((e) => e.getBoundingClientRect().width)).toBe(400);
  });

  it('shows patterns with counts, carried-over chains whose links open the note, and milestones', async () => {
    const p = await page();
    const { chains, milestones } = await mountClient(p, 'Marcus Bell');
    const observations = await p.locator('.ft-observations li').allInnerTexts();
    expect(observations).toContain('With an if-then plan you completed 1 of 4; without one, 10 of 11.');
    const split = async (label: string) =>
      p.locator(`.ft-split[data-label="${label}"]`).evaluate((e) => [...e.children].map((c) => (c as HTMLElement).innerText.trim()));
    expect(await split('With a plan')).toEqual(['With a plan', '', '1 of 4', '25%']);
    // The partial link was carried forward, so it counts as not done: 10 of 11.
    expect(await split('Without')).toEqual(['Without', '', '10 of 11', '91%']);
    expect(await split('Process')).toEqual(['Process', '', '10 of 14', '71%']);
    expect(await split('Saturday')).toEqual(['Saturday', '', '10 of 14', '71%']);

    // Chains: each link's session date and status; a click opens that line.
    expect(chains).toHaveLength(1);
    const chain = p.locator('.ft-chain');
    expect(await chain.locator('.ft-chain-text').innerText()).toBe(chains[0].text);
    expect(await chain.locator('.ft-chain-count').innerText()).toBe('4 sessions');
    const links = chain.locator('.ft-chain-link');
    // Earlier links read as carried forward (spec, Derived values); the latest keeps its own status.
    expect(await links.allInnerTexts()).toEqual(['Mon 19 Oct\ncarried forward', 'Wed 28 Oct\ncarried forward', 'Mon 2 Nov\ncarried forward', 'Mon 16 Nov\nstuck']);
    await links.nth(1).click();
    expect((await callsNamed(p, 'openEvidence'))[0].args[0]).toEqual({
      kind: 'commitment',
      path: 'Sessions/2026-10-28 Marcus Bell.md',
      line: 11,
      text: chains[0].text,
      date: '2026-10-28',
    });

    // Milestones, as of the model's date.
    expect(milestones).toHaveLength(3);
    const items = p.locator('.ft-milestone');
    expect(await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.state))).toEqual(['overdue', 'upcoming', 'upcoming']);
    expect(await items.nth(0).innerText()).toContain('Portfolio v2');
    expect(await items.nth(0).locator('.ft-milestone-state').innerText()).toBe('Overdue · 16 days ago');
    expect(await items.nth(1).locator('.ft-milestone-state').innerText()).toBe('in 19 days');
  });

  it('marks done milestones and a released client', async () => {
    const p = await page();
    await mountClient(p, 'Grace Adeyemi');
    expect(await p.locator('.ft-client-status').innerText()).toBe('Released until Thu 10 Dec');
    expect(await p.locator('.ft-client-signals').innerText()).toContain('Released from accountability');
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const store = (window as any).__client;
      const m = ft.get(store);
      store.set({ ...m, milestones: [{ name: 'Finished', due: '2026-11-01', done: true }, { name: 'Someday', due: null, done: false }] });
      ft.flushSync();
    });
    expect(await p.locator('.ft-milestone').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.state))).toEqual([
      'done',
      'undated',
    ]);
  });

  it('looks right at desktop and phone widths, light and dark', async () => {
    for (const [name, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      for (const dark of [false, true]) {
        const p = await page({ ...size, dark });
        await mountClient(p, 'Marcus Bell');
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        await screenshot(p, `client-${name}-${dark ? 'dark' : 'light'}`);
      }
    }
  });
});
