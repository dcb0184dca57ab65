/**
 * The client view and its completion chart in real Chromium: a client model built in the page from
 * the demo vault by the real core (as of 2026-12-01), mounted with recording actions.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { DESKTOP, PHONE, screenshot, usePages } from './browser';

const AS_OF = '2026-12-01';

const page = usePages();

interface Built {
  open: { text: string; session: string; line: number; status: string }[];
  sessions: number;
  rated: number;
  chains: { text: string; links: { note: { path: string; line: number }; sessionDate: string }[] }[];
  milestones: { name: string; due: string | null; done: boolean; state: string }[];
  points: { sessionDate: string; state: string; rate: number | null }[];
}

/**
 * Builds the client view's model in the page with the app's own builder (`buildClientModel`, as
 * the adapter does), stores it as `window.__client` and mounts the view with recording actions.
 */
function mountClient(page: Page, name: string, checkInResult?: unknown, withLoop = false, extra: Record<string, string> = {}): Promise<Built> {
  return page.evaluate(
    ({ name, asOf, checkInResult, withLoop, extra }) => {
      const ft = (window as any).ft;
      const index = ft.demoIndex(extra);
      const client = index.clients().find((c: any) => c.name === name);
      const settings = { thresholds: ft.core.resolveThresholds(), rosterStatuses: ['active', 'paused', 'ended'], dueLeadDays: 2 };
      const model = ft.models.buildClientModel(index, client, asOf, settings);
      const store = ft.writable(model);
      (window as any).__client = store;
      const actions = {
        checkIn: ft.recorder('checkIn', checkInResult),
        openEvidence: ft.recorder('openEvidence'),
        openReview: ft.recorder('openReview'),
        ...(withLoop ? { openLoop: ft.recorder('openLoop') } : {}),
      };
      ft.mount('ClientView', { model: store, actions });
      return {
        open: model.open.map((c: any) => ({ text: c.text, session: c.session, line: c.line, status: c.status })),
        sessions: model.completionBySession.length,
        rated: model.completionBySession.filter((p: any) => p.state === 'rated').length,
        chains: model.brief.chains.map((ch: any) => ({ text: ch.text, links: ch.links })),
        milestones: model.milestones,
        points: model.completionBySession.map((p: any) => ({ sessionDate: p.sessionDate, state: p.state, rate: p.rate })),
      };
    },
    { name, asOf: AS_OF, checkInResult, withLoop, extra },
  );
}

/** Every pair of boxes that overlap, among the elements `selector` matches (empty boxes left out). */
function overlaps(p: Page, selector: string): Promise<string[]> {
  return p.locator(selector).evaluateAll((els) => {
    const boxes = els
      .map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0 && b.r.height > 0 && b.text.trim() !== '');
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${boxes[i].text} × ${boxes[j].text}`);
      }
    return out;
  });
}

const calls = (p: Page) => p.evaluate(() => (window as any).ft.calls as { name: string; args: any[] }[]);
const callsNamed = async (p: Page, name: string) => (await calls(p)).filter((c) => c.name === name);

describe('client view', () => {
  it("offers the client's side of the loop (recap, reply, progress, calendar file) where the host has it, and not otherwise", async () => {
    const plain = await page();
    await mountClient(plain, 'Maya Chen');
    expect(await plain.locator('.ft-loop-buttons').count()).toBe(0);
    const fresh = await page();
    await mountClient(fresh, 'Maya Chen', undefined, true);
    const group = fresh.getByRole('group', { name: 'Messages and files for Maya Chen' });
    for (const [label, kind] of [['Recap', 'recap'], ['Log reply', 'reply'], ['Progress so far', 'progress'], ['Calendar file', 'calendar']] as const) {
      await group.getByRole('button', { name: label, exact: true }).click();
      const last = (await callsNamed(fresh, 'openLoop')).at(-1);
      expect(last?.args).toEqual(['Maya Chen', kind]);
    }
  });

  it('shows the header from the brief facts, and the brief as a component in human words', async () => {
    const p = await page();
    const { chains } = await mountClient(p, 'Marcus Bell');
    expect(await p.locator('.ft-client-name').innerText()).toBe('Marcus Bell');
    const facts = await p.locator('.ft-client-facts').innerText();
    // Completion counts Marcus's carried portfolio links as not done (spec, Derived values).
    for (const text of ['Priya Nair', 'Active', 'Every 7 days', 'Mon 16 Nov', 'Wed 2 Dec', 'tomorrow', '57%', '73%']) {
      expect(facts).toContain(text);
    }
    expect(await p.locator('.ft-client-status').innerText()).toBe('Active');
    // The last session's date opens its note.
    await p.locator('.ft-client-facts button.ft-link', { hasText: 'Mon 16 Nov' }).click();
    expect((await callsNamed(p, 'openEvidence'))[0].args[0]).toMatchObject({ kind: 'session', path: 'Sessions/2026-11-16 Marcus Bell.md', line: 1 });

    // The brief: a component, not markdown. No markdown markup, no ISO dates, no signal ids, no checkbox markers.
    const brief = p.locator('.ft-brief');
    expect(await brief.locator('.ft-brief-head').allInnerTexts()).toEqual(['Since the last session', 'Carried forward\n1 commitment', 'Opening questions']);
    const text = await brief.innerText();
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\[\[|\]\]|\*\*|\[[ x?/>-]\]|carried-over|missed-sessions|#/);
    expect(await brief.locator('input[type="checkbox"]').count()).toBe(0);
    // Each fact once: what the header says is not said again in the brief.
    for (const fact of ['Priya Nair', 'Every 7 days', '57%', '73%', 'Wed 2 Dec', 'Active']) expect(text).not.toContain(fact);
    // A chain is named once in the whole view (the open card is the one to check in on).
    const chain = chains[0].text;
    expect(text.split(chain)).toHaveLength(2);
    expect((await p.locator('.ft-client-patterns').innerText()).includes(chain)).toBe(false);
    // Status words with their colour.
    const items = brief.locator('.ft-brief-item');
    expect(await items.locator('.ft-brief-text').allInnerTexts()).toEqual([
      'Book the portfolio review with Dev from the meetup',
      'Change the LinkedIn headline to "UX designer, ex-physics teacher"',
    ]);
    expect(await items.first().locator('.ft-status').innerText()).toBe('done');
    const colour = (sel: string) => p.locator(sel).first().evaluate((e) => getComputedStyle(e).color);
    const normal = await p.locator('.ft-brief-text').first().evaluate((e) => getComputedStyle(e).color);
    expect(await colour('.ft-brief .ft-status[data-status="done"]')).not.toBe(normal);
    expect(await colour('.ft-brief .ft-status[data-status="overdue"]')).not.toBe(await colour('.ft-brief .ft-status[data-status="done"]'));
    expect(await brief.locator('.ft-chain .ft-brief-meta').innerText()).toMatch(/^Now\s+stuck\s+Overdue\s+due Sat 21 Nov$/);
    expect(await brief.locator('.ft-chain-question').innerText()).toBe('Ask: Recommit, modify, or let it go?');
    expect(await brief.locator('.ft-brief-questions li').allInnerTexts()).toEqual([
      'You did exactly what you said: book the portfolio review with Dev from the meetup. What made it work?',
      'You did exactly what you said: change the LinkedIn headline to "UX designer, ex-physics teacher". What made it work?',
    ]);

    // A new brief re-renders in place (not appended).
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const store = (window as any).__client;
      const m = ft.get(store);
      store.set({ ...m, brief: { ...m.brief, questions: [{ reason: 'no-commitments', question: 'Updated question' }] } });
      ft.flushSync();
    });
    expect(await brief.locator('.ft-brief-questions li').allInnerTexts()).toEqual(['Updated question']);
    expect(await p.locator('.ft-brief').count()).toBe(1);

    // Header signals with their evidence.
    const signals = p.locator('.ft-client-signals .ft-signal');
    // overdue, stalled, carried-over, missed-sessions (his one overdue link is his latest, checked in on time).
    expect(await signals.count()).toBe(4);
    await p.locator('.ft-client-signals .ft-signal[data-signal="missed-sessions"]').hover();
    const popover = p.locator('.ft-client-signals .ft-popover:not([hidden])');
    await expect.poll(() => popover.count()).toBe(1);
    await popover.locator('.ft-evidence').first().click();
    expect((await callsNamed(p, 'openEvidence'))[1].args[0]).toMatchObject({
      kind: 'session',
      path: 'Sessions/2026-11-09 Marcus Bell.md',
      line: 6,
    });

    await p.locator('.ft-client-review').click();
    expect(await callsNamed(p, 'openReview')).toEqual([{ name: 'openReview', args: ['Marcus Bell'] }]);
  });

  it('shows note text in the brief as written: never rendered as markup', async () => {
    const p = await page();
    await mountClient(p, 'Marcus Bell');
    const hostile = '<img src=https://evil.example/p.png> ![[secret.png]] [click](javascript:alert(1)) **now**';
    await p.evaluate((hostile) => {
      const ft = (window as any).ft;
      const m = ft.get((window as any).__client);
      const brief = { ...m.brief, since: { ...m.brief.since, items: [{ ...m.brief.since.items[0], text: hostile }] } };
      const host = document.createElement('div');
      host.id = 'hostile-brief';
      document.body.appendChild(host);
      ft.mount('Brief', { brief, formatDate: (d: string) => d, onOpen: ft.recorder('open'), uid: 'h' }, host);
    }, hostile);
    const item = p.locator('#hostile-brief .ft-brief-text');
    expect(await item.innerText()).toBe(hostile);
    expect(await p.locator('#hostile-brief img, #hostile-brief a, #hostile-brief strong').count()).toBe(0);
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

  it('shows a long list 50 at a time: a client with 120 open commitments renders 50 cards and says how many more there are', async () => {
    const p = await page();
    const session = (date: string, due: string, n: number, what: string) =>
      `---\ntype: session\nclient: Maya Chen\ndate: ${date}\n---\n## Commitments\n` +
      Array.from({ length: n }, (_, i) => `- [ ] ${what} ${i + 1} [due:: ${due}]`).join('\n') +
      '\n';
    const { open } = await mountClient(p, 'Maya Chen', undefined, false, {
      'Sessions/2026-10-13 Maya Chen.md': session('2026-10-13', '2026-10-20', 70, 'Old step'),
      'Sessions/2026-11-30 Maya Chen.md': session('2026-11-30', '2026-12-10', 120, 'Pasted step'),
    });
    expect(open.length).toBeGreaterThanOrEqual(190);

    const cards = p.locator('.ft-commitment');
    expect(await cards.count()).toBe(50);
    expect(await cards.locator('.ft-commitment-text').allInnerTexts()).toEqual(open.slice(0, 50).map((c) => c.text));
    const more = p.locator('.ft-commitments + .ft-show-more');
    expect(await more.innerText()).toContain(`${open.length - 50} more open commitments not shown.`);
    await more.getByRole('button', { name: 'Show 50 more' }).click();
    expect(await cards.count()).toBe(100);
    // Pressing until the end shows every card, in order, and the line goes away.
    while ((await more.count()) > 0) await more.getByRole('button').click();
    expect(await cards.locator('.ft-commitment-text').allInnerTexts()).toEqual(open.map((c) => c.text));

    // The brief's overdue list is cut the same way: 70 old items show as 50 and "20 more".
    const overdue = p.locator('[data-part="overdue"]');
    expect(await overdue.locator('.ft-brief-items > li').count()).toBe(50);
    const overdueMore = overdue.locator('.ft-show-more');
    expect(await overdueMore.innerText()).toContain('more overdue commitments not shown.');
    const left = Number((await overdueMore.innerText()).match(/(\d+) more/)![1]);
    await overdueMore.getByRole('button', { name: `Show ${Math.min(50, left)} more` }).click();
    expect(await overdue.locator('.ft-brief-items > li').count()).toBe(50 + left);
    expect(await overdueMore.count()).toBe(0);
    expect(await axeViolations(p)).toEqual([]);
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
      const pt = (d: string, rate: number | null, done: number, total: number, pending = 0) => ({
        sessionDate: d,
        path: `S/${d}.md`,
        state: pending > 0 ? 'pending' : rate === null ? 'none' : 'rated',
        rate,
        done,
        partial: 0,
        total,
        pending,
      });
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
            pt('2026-10-13', 1, 1, 1, 2),
          ],
        },
        host,
      );
    });
    const chart = p.locator('#chart');
    expect(await chart.locator('.ft-chart-point').count()).toBe(4);
    expect(await chart.locator('.ft-chart-gap').count()).toBe(2);
    // The last session's commitments are not all due: pending, not drawn as its 100% so far.
    expect(await chart.locator('.ft-chart-pending').count()).toBe(1);
    expect(await chart.locator('.ft-chart-point[data-date="2026-10-13"]').count()).toBe(0);
    expect(await chart.locator('.ft-chart-pending title').textContent()).toBe('Tue 13 Oct: pending, 2 of 3 not due yet (1 of 1 done so far)');
    // Two lines: the run before the gap and the run after it.
    expect(await chart.locator('.ft-chart-line').count()).toBe(2);
    const ys = await chart.locator('.ft-chart-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('cy'))));
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
    expect(await chart.locator('desc').textContent()).toBe(
      'Completion over 4 of 7 sessions: 100% on Tue 1 Sep, 75% on Tue 29 Sep; average 56% (6 of 11 commitments done). 2 sessions had nothing come due. The session on Tue 13 Oct is still pending: commitments not due yet.',
    );
    expect(await chart.locator('svg').evaluate((e) => e.getBoundingClientRect().width)).toBe(400);
  });

  it('shows patterns with counts, carried-over chains whose links open the note, and milestones', async () => {
    const p = await page();
    const { chains, milestones } = await mountClient(p, 'Marcus Bell');
    const observations = await p.locator('.ft-observations li').allInnerTexts();
    expect(observations).toContain('With an if-then plan Marcus completed 1 of 4; without one, 10 of 11.');
    for (const o of observations) expect(o).not.toMatch(/\b(you|your|we|we've)\b/i);
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
      const milestones = [
        { name: 'Finished', due: '2026-11-01', done: true },
        { name: 'Someday', due: null, done: false },
        { name: 'Soon', due: '2026-12-05', done: false },
      ];
      // The core decides each state; the view shows it.
      store.set({ ...m, milestones: ft.models.milestoneProgress({ ...m.client, milestones }, m.asOf).milestones });
      ft.flushSync();
    });
    expect(await p.locator('.ft-milestone').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.state))).toEqual([
      'done',
      'undated',
      'due-soon',
    ]);
    expect(await p.locator('.ft-milestone-state').allInnerTexts()).toEqual(['Done', 'No date', 'Due soon · in 4 days']);
  });

  it("draws a session whose commitments are not yet due as pending: Hannah's chart does not end at 100%", async () => {
    const p = await page();
    const { points } = await mountClient(p, 'Hannah Lindqvist');
    const last = points[points.length - 1];
    expect(last).toMatchObject({ sessionDate: '2026-11-24', state: 'pending' });
    const chart = p.locator('.ft-client-chart');
    expect(await chart.locator('.ft-chart-pending[data-date="2026-11-24"]').count()).toBe(1);
    expect(await chart.locator('.ft-chart-point[data-date="2026-11-24"]').count()).toBe(0);
    // The last drawn rate is the last session whose figure is in, not a provisional 100%.
    const drawn = await chart.locator('.ft-chart-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rate'))));
    const lastRated = points.filter((x) => x.state === 'rated').at(-1)!;
    expect(drawn.at(-1)).toBeCloseTo(lastRated.rate!, 6);
    expect(await chart.locator('.ft-chart-caption').innerText()).toContain('The session on Tue 24 Nov is still pending: commitments not due yet.');
  });

  it('never lets two axis labels overlap, at any width or date format', async () => {
    const p = await page();
    const overlapsAt = async (width: number, long: boolean, sessions: number) => {
      await p.evaluate(
        ({ width, long, sessions }) => {
          const ft = (window as any).ft;
          document.getElementById('axis-chart')?.remove();
          const host = document.createElement('div');
          host.id = 'axis-chart';
          host.style.width = `${width}px`;
          document.body.appendChild(host);
          const points = Array.from({ length: sessions }, (_, i) => {
            const d = new Date(Date.UTC(2026, 0, 5 + i * 7)).toISOString().slice(0, 10);
            return { sessionDate: d, path: `S/${d}.md`, state: 'rated', rate: (i % 4) / 3, done: i % 4, partial: 0, total: 3, pending: 0 };
          });
          const formatDate = long
            ? (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
            : undefined;
          ft.mount('CompletionChart', formatDate ? { points, formatDate } : { points }, host);
          ft.flushSync();
        },
        { width, long, sessions },
      );
      // Let the measuring pass settle.
      await p.waitForTimeout(50);
      const chart = p.locator('#axis-chart');
      const svg = await chart.locator('svg').evaluate((e) => e.getBoundingClientRect().toJSON());
      const labels = await chart.locator('.ft-chart-date').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      // The latest session is always named (the first too wherever both fit), and every label stays inside the chart.
      expect(labels.length).toBeGreaterThanOrEqual(width >= 390 ? 2 : 1);
      expect(await chart.locator('.ft-chart-date').last().textContent()).not.toBe('');
      for (const l of labels) {
        expect(l.left).toBeGreaterThanOrEqual(svg.left - 1);
        expect(l.right).toBeLessThanOrEqual(svg.right + 1);
      }
      return overlaps(p, '#axis-chart .ft-chart-axis');
    };
    for (const width of [220, 280, 320, 390, 600, 1000]) {
      for (const long of [false, true]) {
        for (const sessions of [2, 7, 30]) {
          expect(await overlapsAt(width, long, sessions), `${width}px, ${long ? 'long' : 'short'} dates, ${sessions} sessions`).toEqual([]);
        }
      }
    }
    // And in the client view at a phone width.
    const phone = await page({ ...PHONE });
    await mountClient(phone, 'Marcus Bell');
    expect(await overlaps(phone, '.ft-client-chart .ft-chart-axis')).toEqual([]);
  });

  it('shows only bars with the minimum count behind them, each count agreeing with its rate', async () => {
    const p = await page();
    await mountClient(p, 'Hannah Lindqvist');
    const rows = await p.locator('.ft-split').evaluateAll((els) =>
      els.map((e) => ({
        count: (e.querySelector('.ft-split-count') as HTMLElement).innerText,
        rate: (e.querySelector('.ft-split-rate') as HTMLElement).innerText,
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const m = /^(\d+) of (\d+)(?: \(\+(\d+) partly\))?$/.exec(r.count);
      expect(m, r.count).not.toBeNull();
      const [done, total, partial] = [Number(m![1]), Number(m![2]), Number(m![3] ?? 0)];
      expect(total).toBeGreaterThanOrEqual(3);
      expect(r.rate).toBe(`${Math.round(((done + partial / 2) / total) * 100)}%`);
    }
    const minCount = await p.evaluate(() => (window as any).ft.get((window as any).__client).patterns.bars);
    const note = await p.locator('.ft-splits-note').innerText();
    if (minCount.hidden > 0) expect(note).toContain(`with fewer than ${minCount.minCount} come due`);
  });

  it('looks right at desktop and phone widths, light and dark, with no serious or critical axe violation', async () => {
    for (const [name, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      for (const dark of [false, true]) {
        const p = await page({ ...size, dark });
        await mountClient(p, 'Marcus Bell');
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        expect(await axeViolations(p, '.ft-client'), `${name} ${dark ? 'dark' : 'light'}`).toEqual([]);
        expect(await overlaps(p, '.ft-client-chart .ft-chart-axis')).toEqual([]);
        await screenshot(p, `client-${name}-${dark ? 'dark' : 'light'}`);
      }
    }
  }, 60_000);

  it('has no serious or critical axe violation for a released client and one with pending sessions either, light and dark', async () => {
    for (const client of ['Grace Adeyemi', 'Hannah Lindqvist', 'Elena Petrova']) {
      for (const dark of [false, true]) {
        const p = await page({ ...PHONE, dark });
        await mountClient(p, client);
        expect(await axeViolations(p, '.ft-client'), `${client} ${dark ? 'dark' : 'light'}`).toEqual([]);
      }
    }
  }, 60_000);
});
