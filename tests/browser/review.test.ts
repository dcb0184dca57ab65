/**
 * The review queue in Chromium, over the demo vault's missed commitments as of 2026-12-01: card
 * order and progress, each of recommit / modify / let go with the inputs it asks for, the keys,
 * a refused edit, the closing summary, and screenshots in light and dark on desktop and phone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, usePages } from './browser';

const AS_OF = '2026-12-01';
const SUGGESTED = '2026-12-06';

// One browser for the file; each page is checked for errors and closed after its test.
const openTestPage = usePages();

interface Call {
  name: string;
  args: any[];
}

interface MountOptions {
  client?: string | null;
  /** What the edit actions answer (default: the recorder's success). */
  result?: unknown;
  /** Publish a new model without the acted-on item after each successful action, as the app does. */
  republish?: boolean;
}

/** Opens a page and mounts the queue over the demo vault's missed commitments; returns the items' texts. */
async function mountQueue(page: Page, options: MountOptions = {}): Promise<{ texts: string[]; clients: string[] }> {
  return page.evaluate(
    ({ asOf, suggested, client, result, republish }) => {
      const ft = (window as any).ft;
      const index = ft.demoIndex();
      const list: any[] = client ? index.commitmentsOf(client) : index.commitments();
      const live = (c: any) => c.status === 'open' || c.status === 'partial' || c.status === 'stuck';
      const overdue = (c: any) => live(c) && c.due < asOf;
      const items = list
        .filter((c) => c.sessionDate <= asOf && (overdue(c) || c.status === 'stuck' || c.status === 'skipped'))
        .sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.line - y.line))
        .map((c) => ({
          commitment: c,
          reason: overdue(c) ? 'overdue' : c.status === 'skipped' ? 'skipped' : 'stuck',
          suggestedDue: suggested,
        }));
      const model = ft.writable({ asOf, client, items });
      const act = (name: string) => {
        const record = result === undefined ? ft.recorder(name) : ft.recorder(name, result);
        return async (item: any, input: any) => {
          const answer = await record(item, input);
          if (republish && answer.ok) {
            const m = ft.get(model);
            model.set({ ...m, items: m.items.filter((i: any) => i.commitment.raw !== item.commitment.raw) });
          }
          return answer;
        };
      };
      ft.calls.length = 0;
      ft.mount('ReviewQueue', {
        model,
        actions: {
          recommit: act('recommit'),
          modify: act('modify'),
          letGo: act('letGo'),
          openEvidence: ft.recorder('openEvidence'),
          close: ft.recorder('close'),
        },
      });
      return { texts: items.map((i: any) => i.commitment.text), clients: items.map((i: any) => i.commitment.client) };
    },
    { asOf: AS_OF, suggested: SUGGESTED, client: options.client ?? null, result: options.result, republish: options.republish ?? false },
  );
}

const calls = (page: Page): Promise<Call[]> => page.evaluate(() => (window as any).ft.calls);
const cardText = (page: Page) => page.locator('.ft-review-card .ft-review-text').textContent();
const progress = async (page: Page) => (await page.locator('.ft-review-progress').textContent())?.trim();
const mode = (page: Page) => page.locator('.ft-review').getAttribute('data-mode');
const focusedField = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.field ?? null);

describe('review queue', () => {
  it('shows every missed commitment one card at a time, in due order, with progress', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts, clients } = await mountQueue(page);
    expect(texts.length).toBe(19);

    expect(await progress(page)).toBe('1 of 19');
    expect(await page.locator('.ft-review-card').count()).toBe(1);
    expect(await cardText(page)).toBe(texts[0]);
    expect(await page.locator('.ft-review-client').textContent()).toBe(clients[0]);
    expect(await page.locator('.ft-review-scope').textContent()).toBe('All clients');
    // The oldest: Marcus Bell's skipped portfolio send, due Sat 24 Oct.
    expect(texts[0]).toBe('Send my portfolio to three designers for feedback');
    expect(await page.locator('.ft-review-reason').textContent()).toBe('Skipped');
    expect(await page.locator('.ft-review-due-date').textContent()).toBe('Sat 24 Oct');
    expect(await page.locator('.ft-review-ago').textContent()).toBe('38 days ago');
    expect(await page.locator('.ft-review-trigger').textContent()).toBe('I get home on Tuesday');
    expect(await page.locator('.ft-review-checkins li').count()).toBe(1);
    // Learning frame, never shaming.
    expect(await page.locator('.ft-review-ask').textContent()).toContain('What got in the way?');
    expect((await page.locator('.ft-review').textContent())!.toLowerCase()).not.toMatch(/fail/);

    // Esc skips; the cards follow the queue's order.
    for (let i = 1; i < 4; i++) {
      await page.keyboard.press('Escape');
      expect(await progress(page)).toBe(`${i + 1} of 19`);
      expect(await cardText(page)).toBe(texts[i]);
    }
    expect(await page.locator('.ft-review-bar').getAttribute('aria-valuenow')).toBe('3');
    expect(await calls(page)).toEqual([]);
  });

  it('opens the session note from the session date', async () => {
    const page = await openTestPage(DESKTOP);
    await mountQueue(page, { client: 'Marcus Bell' });
    expect(await page.locator('.ft-review-scope').textContent()).toBe('Marcus Bell');
    const session = page.locator('.ft-review-session');
    expect((await session.textContent())?.trim()).toBe('Mon 19 Oct');
    await session.click();
    expect(await calls(page)).toEqual([
      {
        name: 'openEvidence',
        args: [
          {
            kind: 'commitment',
            path: 'Sessions/2026-10-19 Marcus Bell.md',
            line: expect.any(Number),
            text: 'Send my portfolio to three designers for feedback',
            date: '2026-10-24',
          },
        ],
      },
    ]);
  });

  it('recommits with the edited due date, shows the summary and moves on', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Marcus Bell' });
    expect(texts.length).toBe(4);
    await page.getByRole('button', { name: 'Recommit' }).click();
    const due = page.locator('.ft-review-form input[type=date]');
    expect(await due.inputValue()).toBe(SUGGESTED);
    expect(await focusedField(page)).toBe('due');
    await due.fill('2026-12-09');
    await page.locator('.ft-review-confirm').click();

    const [call] = await calls(page);
    expect(call.name).toBe('recommit');
    expect(call.args[0].commitment.text).toBe(texts[0]);
    expect(call.args[0].suggestedDue).toBe(SUGGESTED);
    expect(call.args[1]).toBe('2026-12-09');
    expect(await page.locator('.ft-review-flash').textContent()).toContain('recommit done');
    expect(await progress(page)).toBe('2 of 4');
    expect(await cardText(page)).toBe(texts[1]);
    expect(await mode(page)).toBe('choose');
    // The summary shows briefly, then goes.
    await page.locator('.ft-review-flash-text').waitFor({ state: 'detached', timeout: 8000 });
  });

  it('modifies with the edited text, trigger, coping plan and due date', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Marcus Bell' });
    // The third card has a coping plan and a confidence.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await cardText(page)).toBe('Send portfolio to three designers for feedback');
    expect((await page.locator('.ft-review-coping').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      "it feels like asking a favour → I'll offer a physics tutoring hour in return",
    );
    expect(await page.locator('.ft-review-confidence').textContent()).toBe('6/10');

    await page.getByRole('button', { name: 'Modify' }).click();
    const field = (name: string) => page.locator(`.ft-review-form [data-field="${name}"]`);
    expect(await field('text').inputValue()).toBe('Send portfolio to three designers for feedback');
    expect(await field('trigger').inputValue()).toBe('');
    expect(await field('coping').inputValue()).toBe("it feels like asking a favour -> I'll offer a physics tutoring hour in return");
    // Its due date (7 Nov) has passed, so the form proposes the suggested one.
    expect(await field('due').inputValue()).toBe(SUGGESTED);

    await field('text').fill('Send the portfolio to one designer');
    await field('trigger').fill('after Tuesday stand-up');
    await field('coping').fill('I start rewriting -> send it as it is');
    await field('due').fill('2026-12-04');
    await page.locator('.ft-review-confirm').click();

    expect(await calls(page)).toEqual([
      {
        name: 'modify',
        args: [
          expect.objectContaining({ reason: 'overdue', suggestedDue: SUGGESTED }),
          { text: 'Send the portfolio to one designer', trigger: 'after Tuesday stand-up', coping: 'I start rewriting -> send it as it is', due: '2026-12-04' },
        ],
      },
    ]);
    expect((await calls(page))[0].args[0].commitment.text).toBe(texts[2]);
    expect(await progress(page)).toBe('4 of 4');

    // Cleared fields are sent as null.
    await page.getByRole('button', { name: 'Modify' }).click();
    await field('trigger').fill('');
    await field('coping').fill('');
    await page.keyboard.press('Enter');
    const second = (await calls(page))[1];
    expect(second.args[1]).toEqual({ text: texts[3], trigger: null, coping: null, due: SUGGESTED });
  });

  it('lets go with a reason (required) and what was learned (optional)', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Marcus Bell' });
    await page.getByRole('button', { name: 'Let go' }).click();
    expect(await focusedField(page)).toBe('reason');

    // No reason: asks for one and calls nothing.
    await page.locator('.ft-review-confirm').click();
    expect(await page.locator('.ft-review-invalid').textContent()).toContain('reason');
    expect(await focusedField(page)).toBe('reason');
    expect(await calls(page)).toEqual([]);

    await page.locator('[data-field="reason"]').fill('He sent it in a later week instead');
    await page.locator('[data-field="learned"]').fill('Smaller asks go out faster');
    await page.locator('.ft-review-confirm').click();
    expect(await calls(page)).toEqual([
      {
        name: 'letGo',
        args: [
          expect.objectContaining({ reason: 'skipped' }),
          { reason: 'He sent it in a later week instead', learned: 'Smaller asks go out faster' },
        ],
      },
    ]);
    expect((await calls(page))[0].args[0].commitment.text).toBe(texts[0]);
    expect(await progress(page)).toBe('2 of 4');

    // Without a lesson: learned is null.
    await page.getByRole('button', { name: 'Let go' }).click();
    await page.locator('[data-field="reason"]').fill('Priorities changed');
    await page.locator('.ft-review-confirm').click();
    expect((await calls(page))[1].args[1]).toEqual({ reason: 'Priorities changed', learned: null });
  });

  it('works from the keyboard: 1/2/3 choose, Enter confirms, Esc goes back then skips', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Marcus Bell' });

    // 2 opens Modify; Esc goes back to the three choices, not to the next card.
    await page.keyboard.press('2');
    expect(await mode(page)).toBe('modify');
    expect(await focusedField(page)).toBe('text');
    await page.keyboard.press('Escape');
    expect(await mode(page)).toBe('choose');
    expect(await progress(page)).toBe('1 of 4');

    // 1 opens Recommit with the suggested date; Enter confirms it.
    await page.keyboard.press('1');
    expect(await mode(page)).toBe('recommit');
    expect(await focusedField(page)).toBe('due');
    await page.keyboard.press('Enter');
    expect((await calls(page)).map((c) => [c.name, c.args[1]])).toEqual([['recommit', SUGGESTED]]);
    expect(await progress(page)).toBe('2 of 4');

    // 3 opens Let go; digits typed in its fields stay text; Enter confirms.
    await page.keyboard.press('3');
    expect(await mode(page)).toBe('letgo');
    await page.keyboard.type('Plan 2 replaced it, 1 step at a time');
    expect(await mode(page)).toBe('letgo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3 designers was too many');
    await page.keyboard.press('Enter');
    expect((await calls(page))[1]).toEqual({
      name: 'letGo',
      args: [expect.anything(), { reason: 'Plan 2 replaced it, 1 step at a time', learned: '3 designers was too many' }],
    });
    expect((await calls(page))[1].args[0].commitment.text).toBe(texts[1]);
    expect(await progress(page)).toBe('3 of 4');

    // 2 then edit the text from the keyboard, Enter saves.
    await page.keyboard.press('2');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Send it to one designer');
    await page.keyboard.press('Enter');
    expect((await calls(page))[2].name).toBe('modify');
    expect((await calls(page))[2].args[1].text).toBe('Send it to one designer');

    // Esc on the last card skips to the summary.
    expect(await progress(page)).toBe('4 of 4');
    await page.keyboard.press('Escape');
    expect(await mode(page)).toBe('done');
    expect(await page.locator('.ft-review-summary').textContent()).toBe('1 recommitted, 1 modified, 1 let go, 1 skipped');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).textContent?.trim())).toBe('Close');
  });

  it('keeps the card and shows the reason when an edit is refused', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, {
      client: 'Marcus Bell',
      result: { ok: false, reason: "Line 14 of 2026-10-19 Marcus Bell.md has changed since the scan; nothing was written." },
    });
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    expect((await calls(page)).map((c) => c.name)).toEqual(['recommit']);
    expect(await page.locator('.ft-review-error').textContent()).toContain('has changed since the scan');
    expect(await progress(page)).toBe('1 of 4');
    expect(await cardText(page)).toBe(texts[0]);
    expect(await mode(page)).toBe('recommit');
    expect(await page.locator('.ft-review-flash').textContent()).not.toContain('✓');

    // Still usable: back, choose another path, it is refused too and the card stays.
    await page.keyboard.press('Escape');
    await page.keyboard.press('3');
    await page.keyboard.type('No longer relevant');
    await page.keyboard.press('Enter');
    expect((await calls(page)).map((c) => c.name)).toEqual(['recommit', 'letGo']);
    expect(await page.locator('.ft-review-error').isVisible()).toBe(true);
    expect(await progress(page)).toBe('1 of 4');
  });

  it('keeps its order when the app publishes a new model after each edit', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Marcus Bell', republish: true });
    for (let i = 0; i < 3; i++) {
      expect(await cardText(page)).toBe(texts[i]);
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      expect(await progress(page)).toBe(`${i + 2} of 4`);
    }
    expect(await cardText(page)).toBe(texts[3]);
    expect((await calls(page)).map((c) => c.args[0].commitment.text)).toEqual(texts.slice(0, 3));
  });

  it('ends with a summary of what happened and a Close button', async () => {
    const page = await openTestPage(DESKTOP);
    await mountQueue(page, { client: 'Hannah Lindqvist' });
    expect(await progress(page)).toBe('1 of 4');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('3');
    await page.keyboard.type('The contract ate the mornings');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await mode(page)).toBe('done');
    expect(await page.locator('.ft-review-summary').textContent()).toBe('2 recommitted, 0 modified, 1 let go, 1 skipped');
    expect(await page.locator('.ft-review-progress').textContent()).toContain('All 4 reviewed');
    expect(await page.locator('.ft-review-outcomes li').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')))).toEqual([
      'recommitted',
      'recommitted',
      'let-go',
      'skipped',
    ]);
    await page.getByRole('button', { name: 'Close' }).click();
    expect((await calls(page)).map((c) => c.name)).toEqual(['recommit', 'recommit', 'letGo', 'close']);
  });

  it('says so when there is nothing to review', async () => {
    const page = await openTestPage(DESKTOP);
    await mountQueue(page, { client: 'Daniel Okafor' });
    expect(await mode(page)).toBe('done');
    expect(await page.locator('.ft-review-done h3').textContent()).toBe('Nothing to review');
    await page.getByRole('button', { name: 'Close' }).click();
    expect((await calls(page)).map((c) => c.name)).toEqual(['close']);
  });

  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    for (const dark of [false, true]) {
      const name = `review-${size}-${dark ? 'dark' : 'light'}`;
      it(`renders readably: ${name}`, async () => {
        const page = await openTestPage({ ...viewport, dark });
        await mountQueue(page, { client: 'Maya Chen' });
        // Maya's third card has a trigger, a coping plan, a confidence and a check-in.
        if (dark) {
          await page.keyboard.press('Escape');
          await page.keyboard.press('Escape');
        } else {
          // Light: the choices, with the previous action's summary still showing.
          await page.keyboard.press('Escape');
          await page.keyboard.press('1');
          await page.keyboard.press('Enter');
          expect(await page.locator('.ft-review-flash').textContent()).toContain('recommit done');
        }
        expect(await cardText(page)).toBe('Have the conversation with Dana about the handover');
        expect(await progress(page)).toBe('3 of 3');
        if (dark) {
          // Dark: a sub-form (desktop: modify; phone: let go, confirmed without a reason).
          await page.keyboard.press(size === 'desktop' ? '2' : '3');
          if (size === 'phone') await page.keyboard.press('Enter');
        }
        const box = await page.locator('.ft-review').boundingBox();
        expect(box!.width).toBeLessThanOrEqual(Math.min(600, viewport.width));
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await screenshot(page, name);
      });
    }
  }
});
