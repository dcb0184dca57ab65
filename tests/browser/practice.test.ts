/**
 * The practice view in real Chromium: the model built in the page from the demo vault by the real
 * core (`buildPracticeModel` as of 2026-12-01), mounted with recording actions. Two coaches side
 * by side (Priya Nair, Sam Rivera), each figure with its counts and an eight-week sparkline, the
 * drill-down to a coach's clients and back, and the actions each click records.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { DESKTOP, PHONE, patchStore, screenshot, usePages, type PageOptions } from './browser';

const AS_OF = '2026-12-01';

const page = usePages();

interface MountOptions {
  review?: boolean;
  roster?: boolean;
  initialCoach?: string | null;
  /** What writeReview answers (default: a successful write). */
  reviewResult?: unknown;
}

/** Builds the practice model in the page, stores it as `window.__practice`, mounts the view. */
function mountPractice(page: Page, options: MountOptions = {}): Promise<{ coaches: string[]; weekEnds: string[] }> {
  return page.evaluate(
    ({ asOf, options }) => {
      const ft = (window as any).ft;
      const index = ft.demoIndex();
      const model = ft.practice.buildPracticeModel(index, asOf);
      const store = ft.writable(model);
      (window as any).__practice = store;
      (window as any).__index = index;
      const actions: Record<string, unknown> = {
        openClient: ft.recorder('openClient'),
        openEvidence: ft.recorder('openEvidence'),
        drillChanged: ft.recorder('drillChanged'),
      };
      if (options.review !== false) {
        actions.writeReview = ft.recorder('writeReview', options.reviewResult ?? { ok: true, summary: 'Wrote the weekly review Reviews/2026-W49.md.' });
      }
      if (options.roster) actions.openCoachRoster = ft.recorder('openCoachRoster');
      ft.mount('PracticeView', { model: store, actions, initialCoach: options.initialCoach ?? null });
      return { coaches: model.figures.coaches.map((c: any) => c.coach), weekEnds: model.figures.weekEnds };
    },
    { asOf: AS_OF, options },
  );
}

const calls = (p: Page) => p.evaluate(() => (window as any).ft.calls as { name: string; args: any[] }[]);
const callsNamed = async (p: Page, name: string) => (await calls(p)).filter((c) => c.name === name);

const card = (p: Page, coach: string) => p.locator(`.ft-practice-coach[data-coach="${coach}"]`);
const figure = (p: Page, coach: string, key: string) => card(p, coach).locator(`.ft-practice-figure[data-figure="${key}"]`);
/** The visible buttons and menus in the view less than 24 px tall or wide, by class and size. */
const smallTargets = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ft-practice button, .ft-practice select')]
      .filter((b) => b.offsetParent !== null)
      .map((b) => ({ b, r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 24 || r.width < 24)
      .map(({ b, r }) => `${b.className} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
const figureText = async (p: Page, coach: string, key: string) => (await figure(p, coach, key).locator('.ft-practice-figure-value').innerText()).replace(/\s+/g, ' ');

describe('practice view', () => {
  it('shows the practice totals and the as-of date, with supportive framing', async () => {
    const p = await page();
    await mountPractice(p);
    expect(await p.locator('.ft-practice-title').innerText()).toBe('Practice');
    const asOf = await p.locator('.ft-practice-asof').innerText();
    expect(asOf).toContain('Tue 1 Dec');
    expect(asOf).toContain('Tue 3 Nov – Mon 30 Nov');
    expect(asOf).toContain('8 weeks');
    expect(await p.locator('.ft-practice-framing').innerText()).toContain('Where clients are stuck is where the practice can help');

    const total = async (key: string) => {
      const tile = p.locator(`.ft-practice-total[data-figure="${key}"]`);
      return `${await tile.locator('.ft-practice-total-value').innerText()} ${await tile.locator('.ft-practice-total-detail').innerText()}`;
    };
    expect(await total('activeClients')).toBe('7 3 paused or ended');
    expect(await p.locator('.ft-practice-total[data-figure="activeClients"] .ft-practice-total-detail').innerText()).toBe('3 paused or ended');
    expect((await total('sessionRhythm')).replace(/\s+/g, ' ')).toBe('67% 12 of 17.8 held');
    expect((await total('completion')).replace(/\s+/g, ' ')).toBe('60% 23 + 3 partly of 41 done');
    expect((await total('caughtSameWeek')).replace(/\s+/g, ' ')).toBe('57% 8 of 14 overdue caught');
    expect((await total('clientsAtRisk')).replace(/\s+/g, ' ')).toBe('5 of 7 active clients');
    expect((await total('escalations')).replace(/\s+/g, ' ')).toBe('6 5 clients');
    expect(await p.locator('.ft-practice-totals .ft-spark').count()).toBe(6);
  });

  it('puts the coaches side by side with their figures, counts and not just rates', async () => {
    const p = await page();
    const { coaches } = await mountPractice(p);
    expect(coaches).toEqual(['Priya Nair', 'Sam Rivera']);
    const cards = p.locator('.ft-practice-coach');
    expect(await cards.count()).toBe(2);
    expect(await cards.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.coach))).toEqual(['Priya Nair', 'Sam Rivera']);

    // Side by side on a desktop: same top, Priya left of Sam.
    const a = (await cards.nth(0).boundingBox())!;
    const b = (await cards.nth(1).boundingBox())!;
    expect(Math.abs(a.y - b.y)).toBeLessThan(1);
    expect(b.x).toBeGreaterThan(a.x + a.width - 1);
    // The rows line up across the two cards (a figure at the same height in both).
    for (const key of ['sessionRhythm', 'milestones', 'outcomes']) {
      const ya = (await figure(p, 'Priya Nair', key).boundingBox())!.y;
      const yb = (await figure(p, 'Sam Rivera', key).boundingBox())!.y;
      expect(Math.abs(ya - yb)).toBeLessThan(1);
    }

    // Priya: 4 active (Tom ended), 5 of 9.8 sessions held; Sam: 3 active, 7 of 8 held.
    // Moving (no escalation, not at risk) and stuck: Priya's Jordan moves, Sam's Daniel.
    expect((await card(p, 'Priya Nair').locator('.ft-practice-coach-sub').innerText()).replace(/\s+/g, ' ')).toBe('1 client moving · 3 stuck');
    expect((await card(p, 'Sam Rivera').locator('.ft-practice-coach-sub').innerText()).replace(/\s+/g, ' ')).toBe('1 client moving · 2 stuck');
    expect(await figureText(p, 'Priya Nair', 'activeClients')).toBe('4 1 paused or ended');
    expect(await figureText(p, 'Sam Rivera', 'activeClients')).toBe('3 2 paused or ended');
    expect(await figureText(p, 'Priya Nair', 'sessionRhythm')).toBe('51% 5 of 9.8 held');
    expect(await figureText(p, 'Sam Rivera', 'sessionRhythm')).toBe('88% 7 of 8 held');
    expect(await figureText(p, 'Priya Nair', 'completion')).toBe('50% 8 + 1 partly of 17 done');
    expect(await figureText(p, 'Sam Rivera', 'completion')).toBe('67% 15 + 2 partly of 24 done');
    expect(await figureText(p, 'Priya Nair', 'caughtSameWeek')).toBe('71% 5 of 7 overdue caught');
    expect(await figureText(p, 'Sam Rivera', 'caughtSameWeek')).toBe('43% 3 of 7 overdue caught');
    expect(await figureText(p, 'Priya Nair', 'followUpLag')).toBe('1 day median of 5 · 2 not yet');
    expect(await figureText(p, 'Sam Rivera', 'followUpLag')).toBe('1 day median of 3 · 4 not yet');
    expect(await figureText(p, 'Priya Nair', 'coachOwnedOnTime')).toBe('– none came due');
    expect(await figure(p, 'Priya Nair', 'coachOwnedOnTime').getAttribute('data-empty')).toBe('true');
    expect(await figureText(p, 'Sam Rivera', 'coachOwnedOnTime')).toBe('67% 2 of 3 on time');
    expect(await figureText(p, 'Priya Nair', 'escalations')).toBe('4 3 clients');
    expect(await figureText(p, 'Sam Rivera', 'escalations')).toBe('2 2 clients');
    expect(await figureText(p, 'Priya Nair', 'clientsAtRisk')).toBe('3 of 4 active clients');
    expect(await figureText(p, 'Sam Rivera', 'clientsAtRisk')).toBe('2 of 3 active clients');
    expect(await figureText(p, 'Priya Nair', 'milestones')).toBe('0 of 6 done 0 due soon · 1 overdue');
    expect(await figureText(p, 'Sam Rivera', 'milestones')).toBe('5 of 9 done 1 due soon · 0 overdue');
    expect(await figureText(p, 'Sam Rivera', 'outcomes')).toBe('3 entries 2 of 3 with progress · 0 of 2 promises met');
    expect(await figureText(p, 'Priya Nair', 'outcomes')).toBe('0 entries 0 of 4 with progress · 3 of 4 outcome steps done');

    // Where support could help: the clients with an escalation or at risk, riskiest first.
    const support = (coach: string) => card(p, coach).locator('.ft-practice-support-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.client));
    expect(await support('Priya Nair')).toEqual(['Marcus Bell', 'Elena Petrova', 'Hannah Lindqvist']);
    expect(await support('Sam Rivera')).toEqual(['Sofia Alvarez', 'Maya Chen']);
    expect(await card(p, 'Priya Nair').locator('.ft-practice-support-item[data-client="Marcus Bell"] .ft-signal').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.signal))).toEqual(['stalled']);
  });

  it('draws an eight-week sparkline for every figure, with an accessible summary', async () => {
    const p = await page();
    const { weekEnds } = await mountPractice(p);
    expect(weekEnds).toHaveLength(8);
    for (const coach of ['Priya Nair', 'Sam Rivera']) {
      const sparks = card(p, coach).locator('.ft-spark');
      expect(await sparks.count()).toBe(10);
      const points = await sparks.evaluateAll((els) => els.map((e) => [e.getAttribute('data-points'), e.querySelectorAll('.ft-spark-point').length]));
      expect(points).toEqual(Array.from({ length: 10 }, () => ['8', 8]));
    }
    // Sam's rhythm: 100% for seven weeks, then 88% (Sofia's gap).
    const rhythm = figure(p, 'Sam Rivera', 'sessionRhythm').locator('.ft-spark');
    expect(await rhythm.getAttribute('role')).toBe('img');
    const label = await rhythm.getAttribute('aria-label');
    expect(label).toBe('Sam Rivera: Session rhythm, 8 weeks to Tue 1 Dec: down from 100% (Tue 13 Oct) to 88% now.');
    expect(await rhythm.locator('title').first().textContent()).toBe(label);
    const values = await rhythm.locator('.ft-spark-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(values).toEqual([1, 1, 1, 1, 1, 1, 1, 0.875]);
    // Priya's follow-up lag had nothing to measure in the first two weeks: gaps, and said so.
    const lag = figure(p, 'Priya Nair', 'followUpLag').locator('.ft-spark');
    expect(await lag.locator('.ft-spark-gap').count()).toBe(2);
    expect(await lag.getAttribute('aria-label')).toContain('nothing to measure in 2 weeks');
  });

  it('drills down to a coach’s clients and back, keeping keyboard focus in place', async () => {
    const p = await page();
    await mountPractice(p, { roster: true });
    await card(p, 'Priya Nair').locator('.ft-practice-coach-name').click();
    const drill = p.locator('.ft-practice-drill');
    await expect.poll(() => drill.count()).toBe(1);
    expect(await p.locator('.ft-practice-coach').count()).toBe(0);
    expect(await drill.getAttribute('data-coach')).toBe('Priya Nair');
    expect(await p.evaluate(() => document.activeElement?.classList.contains('ft-practice-drill-title'))).toBe(true);
    expect(await drill.locator('.ft-practice-drill-title').innerText()).toBe('Priya Nair · 5 clients');

    const rows = drill.locator('.ft-practice-client');
    expect(await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.client))).toEqual([
      'Marcus Bell',
      'Elena Petrova',
      'Hannah Lindqvist',
      'Jordan Ellis',
      'Tom Whitaker',
    ]);
    const marcus = drill.locator('.ft-practice-client[data-client="Marcus Bell"]');
    expect((await marcus.locator('.ft-practice-client-sessions').innerText()).replace(/\s+/g, ' ')).toBe('Last Mon 16 Nov Next Wed 2 Dec');
    expect(await marcus.locator('[data-fact="rhythm"] dd').innerText()).toBe('1 of 4 held');
    expect(await marcus.locator('[data-fact="completion"] dd').innerText()).toBe('60% · 3 of 5');
    expect(await marcus.locator('.ft-practice-risk-tag').innerText()).toBe('at risk');
    expect(await marcus.locator('.ft-practice-client-signals .ft-signal').count()).toBe(4);
    expect(await drill.locator('.ft-practice-client[data-client="Tom Whitaker"] .ft-practice-status').innerText()).toBe('Paused');
    expect(await drill.locator('.ft-practice-client[data-client="Tom Whitaker"]').getAttribute('data-counted')).toBeNull();

    // Open in roster, when the host has one.
    await drill.locator('.ft-practice-roster').click();
    expect(await callsNamed(p, 'openCoachRoster')).toEqual([{ name: 'openCoachRoster', args: ['Priya Nair'] }]);

    // Back: the cards again, focus on the coach it came from.
    await drill.locator('.ft-practice-back').click();
    await expect.poll(() => p.locator('.ft-practice-coach').count()).toBe(2);
    expect(await p.evaluate(() => (document.activeElement?.closest('.ft-practice-coach') as HTMLElement | null)?.dataset.coach)).toBe('Priya Nair');
    expect((await callsNamed(p, 'drillChanged')).map((c) => c.args[0])).toEqual(['Priya Nair', null]);

    // By keyboard: Enter on Sam's name, Escape back.
    await card(p, 'Sam Rivera').locator('.ft-practice-coach-name').focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('.ft-practice-drill[data-coach="Sam Rivera"]').count()).toBe(1);
    await p.keyboard.press('Escape');
    await expect.poll(() => p.locator('.ft-practice-coach').count()).toBe(2);
    expect(await p.evaluate(() => (document.activeElement?.closest('.ft-practice-coach') as HTMLElement | null)?.dataset.coach)).toBe('Sam Rivera');
  });

  it('opens a figure’s clients sorted for it, and the sort can change', async () => {
    const p = await page();
    await mountPractice(p);
    await figure(p, 'Sam Rivera', 'completion').locator('.ft-practice-figure-name').click();
    const drill = p.locator('.ft-practice-drill[data-coach="Sam Rivera"]');
    await expect.poll(() => drill.count()).toBe(1);
    expect(await drill.locator('.ft-practice-clients').getAttribute('data-focus')).toBe('completion');
    const order = () => drill.locator('.ft-practice-client').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.client));
    // Lowest completion first among the counted clients (Sofia 50%, Maya 64%, Daniel 100%), then the released.
    expect(await order()).toEqual(['Sofia Alvarez', 'Maya Chen', 'Daniel Okafor', 'Grace Adeyemi', 'Ravi Shah']);
    await drill.locator('.ft-practice-sort select').selectOption('activeClients');
    expect(await drill.locator('.ft-practice-clients').getAttribute('data-focus')).toBeNull();
    expect(await order()).toEqual(['Sofia Alvarez', 'Maya Chen', 'Daniel Okafor', 'Grace Adeyemi', 'Ravi Shah']);
    await drill.locator('.ft-practice-sort select').selectOption('milestones');
    expect(await drill.locator('.ft-practice-clients').getAttribute('data-focus')).toBe('milestones');
  });

  it('records openClient from a card and from the drill-down', async () => {
    const p = await page();
    await mountPractice(p);
    await card(p, 'Priya Nair').locator('.ft-practice-support-item[data-client="Elena Petrova"] .ft-practice-client-link').click();
    await card(p, 'Sam Rivera').locator('.ft-practice-coach-name').click();
    await p.locator('.ft-practice-client[data-client="Daniel Okafor"] .ft-practice-client-name').click();
    expect(await callsNamed(p, 'openClient')).toEqual([
      { name: 'openClient', args: ['Elena Petrova'] },
      { name: 'openClient', args: ['Daniel Okafor'] },
    ]);
  });

  it('opens an escalation’s evidence at its line, from the card and from the drill-down', async () => {
    const p = await page();
    await mountPractice(p);
    // The card: Maya's overdue escalation; its popover lists the commitment.
    const badge = card(p, 'Sam Rivera').locator('.ft-practice-support-item[data-client="Maya Chen"] .ft-signal[data-signal="overdue"]');
    await badge.click();
    const popover = card(p, 'Sam Rivera').locator('.ft-popover');
    await expect.poll(() => popover.count()).toBe(1);
    expect(await popover.locator('.ft-popover-message').innerText()).toBe('1 commitment overdue by more than 14 days (the oldest due Sun 25 Oct).');
    await popover.locator('.ft-evidence').first().click();
    expect((await callsNamed(p, 'openEvidence'))[0].args[0]).toEqual({
      kind: 'commitment',
      path: 'Sessions/2026-10-20 Maya Chen.md',
      line: 17,
      text: 'Book 5 investor coffees for November',
      date: '2026-10-25',
    });

    // The drill-down: every escalation with its notes as buttons.
    await card(p, 'Priya Nair').locator('.ft-practice-coach-name').click();
    const elena = p.locator('.ft-practice-client[data-client="Elena Petrova"]');
    expect(await elena.locator('.ft-practice-escalation').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))).toEqual(['overdue', 'stalled']);
    const stalled = elena.locator('.ft-practice-escalation[data-kind="stalled"]');
    expect(await stalled.locator('.ft-practice-escalation-text').innerText()).toContain('48 days since the last session; the rhythm is every 28 days.');
    const evidence = stalled.locator('.ft-practice-evidence');
    expect(await evidence.getAttribute('data-path')).toBe('Sessions/2026-10-14 Elena Petrova.md');
    expect(await evidence.getAttribute('data-line')).toBe('4');
    await evidence.click();
    expect((await callsNamed(p, 'openEvidence'))[1].args[0]).toMatchObject({ kind: 'session', path: 'Sessions/2026-10-14 Elena Petrova.md', line: 4 });
  });

  it('writes the weekly and monthly review through the action and says what it did', async () => {
    const p = await page();
    await mountPractice(p);
    const week = p.locator('.ft-practice-review[data-period="week"]');
    const month = p.locator('.ft-practice-review[data-period="month"]');
    expect(await week.innerText()).toBe('Write weekly review');
    expect(await month.innerText()).toBe('Write monthly review');
    await week.click();
    await expect.poll(() => p.locator('.ft-practice-result').innerText()).toBe('Wrote the weekly review Reviews/2026-W49.md.');
    await month.click();
    await expect.poll(() => callsNamed(p, 'writeReview')).toEqual([
      { name: 'writeReview', args: ['week'] },
      { name: 'writeReview', args: ['month'] },
    ]);
  });

  it('says why a review was not written, and hides the buttons without the action', async () => {
    const p = await page();
    await mountPractice(p, { reviewResult: { ok: false, reason: 'the markers are out of order' } });
    await p.locator('.ft-practice-review[data-period="month"]').click();
    await expect.poll(() => p.locator('.ft-practice-result').innerText()).toBe('Not written: the markers are out of order');
    expect(await p.locator('.ft-practice-result').getAttribute('data-ok')).toBe('false');
    // The refusal reads at 4.5:1 in either theme.
    expect(await axeViolations(p, '.ft-practice-result'), 'light').toEqual([]);
    const d = await page({ dark: true });
    await mountPractice(d, { reviewResult: { ok: false, reason: 'the markers are out of order' } });
    await d.locator('.ft-practice-review[data-period="week"]').click();
    await expect.poll(() => d.locator('.ft-practice-result[data-ok="false"]').count()).toBe(1);
    expect(await axeViolations(d, '.ft-practice-result'), 'dark').toEqual([]);

    const q = await page();
    await mountPractice(q, { review: false });
    expect(await q.locator('.ft-practice-review').count()).toBe(0);
    expect(await q.locator('.ft-practice-roster').count()).toBe(0);
  });

  it('updates in place when the model changes, keeping the drill-down', async () => {
    const p = await page();
    await mountPractice(p, { initialCoach: 'Sam Rivera' });
    expect(await p.locator('.ft-practice-drill').getAttribute('data-coach')).toBe('Sam Rivera');
    const name = p.locator('.ft-practice-client[data-client="Maya Chen"] .ft-practice-client-name');
    await name.evaluate((el) => ((el as any).__kept = true));
    // Rebuild as of a week later: the same rows (keyed), new figures.
    await p.evaluate(() => {
      const ft = (window as any).ft;
      (window as any).__practice.set(ft.practice.buildPracticeModel((window as any).__index, '2026-12-08'));
      ft.flushSync();
    });
    expect(await p.locator('.ft-practice-asof time').innerText()).toBe('Tue 8 Dec');
    expect(await p.locator('.ft-practice-drill').getAttribute('data-coach')).toBe('Sam Rivera');
    expect(await name.evaluate((el) => (el as any).__kept === true)).toBe(true);

    await p.locator('.ft-practice-back').click();
    const spark = figure(p, 'Priya Nair', 'sessionRhythm').locator('.ft-spark');
    await spark.evaluate((el) => ((el as any).__kept = true));
    await p.evaluate(() => {
      const ft = (window as any).ft;
      (window as any).__practice.set(ft.practice.buildPracticeModel((window as any).__index, '2026-12-01'));
      ft.flushSync();
    });
    expect(await spark.evaluate((el) => (el as any).__kept === true)).toBe(true);
    expect(await figureText(p, 'Priya Nair', 'sessionRhythm')).toBe('51% 5 of 9.8 held');
  });

  it('says it is working out the clients while the first figures are not ready, then shows them; later work keeps the figures shown', async () => {
    const p = await page();
    await p.evaluate((asOf) => {
      const ft = (window as any).ft;
      const index = ft.demoIndex();
      (window as any).__index = index;
      const store = ft.writable({ asOf, figures: null, preparing: { done: 3, total: 12 } });
      (window as any).__practice = store;
      ft.mount('PracticeView', { model: store, actions: { openClient: ft.recorder('openClient'), openEvidence: ft.recorder('openEvidence') } });
    }, AS_OF);
    expect(await p.locator('.ft-practice-preparing').innerText()).toBe('Working out clients… 3 of 12');
    expect(await p.locator('.ft-practice-preparing').getAttribute('role')).toBe('status');
    expect(await p.locator('.ft-practice-preparing progress').evaluate((e) => (e as HTMLProgressElement).value)).toBe(3);
    // No figures yet: no coach cards, no "no coaches" message, no totals, no window text.
    expect(await p.locator('.ft-practice-coach').count()).toBe(0);
    expect(await p.locator('.ft-empty').count()).toBe(0);
    expect(await p.locator('.ft-practice-total').count()).toBe(0);
    expect(await p.locator('.ft-practice-asof').innerText()).toBe('As of Tue 1 Dec');
    expect(await axeViolations(p, '.ft-practice')).toEqual([]);
    await p.evaluate((asOf) => {
      const ft = (window as any).ft;
      (window as any).__practice.set(ft.practice.buildPracticeModel((window as any).__index, asOf));
      ft.flushSync();
    }, AS_OF);
    expect(await p.locator('.ft-practice-preparing').count()).toBe(0);
    expect(await card(p, 'Priya Nair').count()).toBe(1);
    // Work after a change: the figures stay, with the status above them.
    await patchStore(p, '__practice', { preparing: { done: 0, total: 0 } });
    expect(await p.locator('.ft-practice-preparing').innerText()).toBe('Working out clients…');
    expect(await card(p, 'Priya Nair').count()).toBe(1);
  });

  it('stacks the coaches on a phone, with nothing wider than the screen', async () => {
    const p = await page({ ...PHONE });
    await mountPractice(p);
    const cards = p.locator('.ft-practice-coach');
    const a = (await cards.nth(0).boundingBox())!;
    const b = (await cards.nth(1).boundingBox())!;
    expect(b.y).toBeGreaterThan(a.y + a.height - 1);
    expect(Math.abs(a.x - b.x)).toBeLessThan(1);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Every name, figure and button is a 24 px target for a thumb, on the cards and in the drill-down.
    expect(await smallTargets(p)).toEqual([]);
    // Section titles in sentence case, as Obsidian's own.
    for (const sel of ['.ft-practice-section-title', '.ft-practice-support-title']) {
      expect(await p.locator(sel).first().evaluate((e) => getComputedStyle(e).textTransform), sel).toBe('none');
    }
    await card(p, 'Priya Nair').locator('.ft-practice-coach-name').click();
    await expect.poll(() => p.locator('.ft-practice-drill').count()).toBe(1);
    expect(await p.locator('.ft-practice-drill button').count()).toBeGreaterThan(5);
    expect(await smallTargets(p)).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('renders a lone Sparkline with gaps and a rate scale', async () => {
    const p = await page();
    await p.evaluate(() => {
      const ft = (window as any).ft;
      ft.mount('Sparkline', {
        values: [null, 0.5, 0.75, null, 1, 0.5, 0.25, 0.5],
        dates: ['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24', '2026-12-01'],
        label: 'Completion',
        kind: 'rate',
      });
    });
    const svg = p.locator('svg.ft-spark');
    expect(await svg.getAttribute('data-points')).toBe('8');
    expect(await svg.locator('.ft-spark-point').count()).toBe(8);
    expect(await svg.locator('.ft-spark-gap').count()).toBe(2);
    expect(await svg.locator('.ft-spark-line').count()).toBe(2);
    expect(await svg.getAttribute('aria-label')).toBe(
      'Completion, 8 weeks to Tue 1 Dec: 50% (Tue 20 Oct), 50% now; range 25% to 100%; nothing to measure in 2 weeks.',
    );
  });
});

describe('practice view screenshots', () => {
  const shots: [string, PageOptions][] = [
    ['practice-desktop-light', { ...DESKTOP }],
    ['practice-desktop-dark', { ...DESKTOP, dark: true }],
    ['practice-phone-light', { ...PHONE }],
    ['practice-phone-dark', { ...PHONE, dark: true }],
  ];
  for (const [name, options] of shots) {
    it(`${name}, with no serious or critical axe violation on the cards nor in the drill-down`, async () => {
      const p = await page(options);
      await mountPractice(p, { roster: true });
      expect(await p.locator('.ft-practice-coach').count()).toBe(2);
      expect(await axeViolations(p, '.ft-practice'), `${name} cards`).toEqual([]);
      await screenshot(p, name);
      // A popover open, and a review written: what they add is checked too.
      await card(p, 'Sam Rivera').locator('.ft-practice-support-item[data-client="Maya Chen"] .ft-signal[data-signal="overdue"]').click();
      await expect.poll(() => card(p, 'Sam Rivera').locator('.ft-popover').count()).toBe(1);
      expect(await axeViolations(p, '.ft-practice'), `${name} popover`).toEqual([]);
      await p.keyboard.press('Escape');
      await p.locator('.ft-practice-review[data-period="week"]').click();
      await expect.poll(() => p.locator('.ft-practice-result').count()).toBe(1);
      expect(await axeViolations(p, '.ft-practice'), `${name} review written`).toEqual([]);
      // The drill-down, by coach and by figure.
      await card(p, 'Priya Nair').locator('.ft-practice-coach-name').click();
      await expect.poll(() => p.locator('.ft-practice-drill').count()).toBe(1);
      expect(await axeViolations(p, '.ft-practice'), `${name} drill-down`).toEqual([]);
      await p.locator('.ft-practice-back').click();
      await figure(p, 'Sam Rivera', 'completion').locator('.ft-practice-figure-name').click();
      await expect.poll(() => p.locator('.ft-practice-drill[data-coach="Sam Rivera"]').count()).toBe(1);
      expect(await axeViolations(p, '.ft-practice'), `${name} drill-down by figure`).toEqual([]);
    }, 60_000);
  }

  it('practice-drilldown-desktop-light', async () => {
    const p = await page({ ...DESKTOP });
    await mountPractice(p, { roster: true });
    await card(p, 'Priya Nair').locator('.ft-practice-coach-name').click();
    await expect.poll(() => p.locator('.ft-practice-drill').count()).toBe(1);
    await p.mouse.move(0, 0);
    await screenshot(p, 'practice-drilldown-desktop-light');
  });
});
