/**
 * The review queue in Chromium, over the demo vault's missed commitments as of 2026-12-01: card
 * order and progress, each of recommit / modify / let go with the inputs it asks for, the keys,
 * a refused edit, the closing summary, and screenshots in light and dark on desktop and phone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, SCREENSHOTS, screenshot, usePages } from './browser';
import { axeViolations } from './axe';

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
  /** What the edit actions answer (default: the recorder's success, undoable). */
  result?: unknown;
  /** Publish a new model without the acted-on item after each successful action, as the app does. */
  republish?: boolean;
  settleMs?: number;
  messageMs?: number;
}

/**
 * Opens the queue in its modal (the adapter's, over the fake Obsidian: keys reach it through the
 * keymap and the modal's scope) over the demo vault's model as the plugin builds it; returns the
 * cards' texts and clients. The actions are recorders.
 */
async function mountQueue(page: Page, options: MountOptions = {}): Promise<{ texts: string[]; clients: string[] }> {
  return page.evaluate(
    ({ asOf, client, result, republish, settleMs, messageMs }) => {
      const ft = (window as any).ft;
      const review = (window as any).ftReview;
      const model = ft.writable(review.demoModel(client, asOf));
      const items: any[] = ft.get(model).items;
      const act = (name: string) => {
        const record = result === undefined ? ft.recorder(name, { ok: true, summary: `${name} done`, undoable: true }) : ft.recorder(name, result);
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
      review.open({
        model,
        settleMs,
        messageMs,
        actions: {
          checkIn: act('checkIn'),
          recommit: act('recommit'),
          modify: act('modify'),
          letGo: act('letGo'),
          undo: ft.recorder('undo', { ok: true, summary: 'Undid it' }),
          openEvidence: ft.recorder('openEvidence'),
          close: ft.recorder('close'),
        },
      });
      return { texts: items.map((i: any) => i.commitment.text), clients: items.map((i: any) => i.commitment.client) };
    },
    { asOf: AS_OF, client: options.client ?? null, result: options.result, republish: options.republish ?? false, settleMs: options.settleMs, messageMs: options.messageMs },
  );
}

const calls = (page: Page): Promise<Call[]> => page.evaluate(() => (window as any).ft.calls);
const cardText = (page: Page) => page.locator('.ft-review-card .ft-review-text').textContent();
const progress = async (page: Page) => (await page.locator('.ft-review-progress').textContent())?.trim();
const mode = (page: Page) => page.locator('.ft-review').getAttribute('data-mode');
const focusedField = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.field ?? null);
const field = (page: Page, name: string) => page.locator(`.ft-review-form [data-field="${name}"]`);
const modalOpen = (page: Page) => page.evaluate(() => (window as any).ftReview.isOpen() as boolean);

/** Maya Chen's three cards, in due order: two partly-done asks and the Dana conversation (trigger, plan, confidence). */
const MAYA = ['Book 5 investor coffees for November', "Reply to the two investors' follow-up questions", 'Have the conversation with Dana about the handover'];
/** Sofia Alvarez's four: an emoji line, a dataview line with a trigger, a stuck one, and one the coach owns. */
const SOFIA = [
  'Draft the scorecard',
  'Send the wholesale pricing sheet to the three new shops',
  'Tell the team at stand-up about the scorecard miss',
  'send Sofia three times for the next session',
];
/** The due date recommit proposes for Sofia (two days before her next session). */
const SOFIA_SUGGESTED = '2026-12-13';

describe('review queue', () => {
  it('shows every missed commitment one card at a time, one client at a time, with progress', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts, clients } = await mountQueue(page);
    // One card per carried chain; the clients in the order of their oldest missed due date.
    expect(clients).toEqual([
      'Maya Chen', 'Maya Chen', 'Maya Chen', 'Elena Petrova',
      'Sofia Alvarez', 'Sofia Alvarez', 'Sofia Alvarez', 'Sofia Alvarez', 'Marcus Bell', 'Jordan Ellis',
    ]);
    expect(texts.slice(0, 3)).toEqual(MAYA);
    expect(texts.slice(4, 8)).toEqual(SOFIA);

    expect(await progress(page)).toBe('1 of 10');
    expect(await page.locator('.ft-review-card').count()).toBe(1);
    expect(await cardText(page)).toBe(texts[0]);
    expect(await page.locator('.ft-review-client').textContent()).toBe('Maya Chen');
    expect(await page.locator('.ft-review-group').textContent()).toBe('1 of 3 for this client');
    expect(await page.locator('.ft-review-scope').textContent()).toBe('All clients');
    // The oldest: Maya's partly-done coffees, due Sun 25 Oct, with its one check-in.
    expect(await page.locator('.ft-review-reason').textContent()).toBe('Overdue');
    expect(await page.locator('.ft-review-status').textContent()).toBe('Partly done');
    expect(await page.locator('.ft-review-due-date').textContent()).toBe('Sun 25 Oct');
    expect(await page.locator('.ft-review-ago').textContent()).toBe('37 days ago');
    expect(await page.locator('.ft-review-checkins li').count()).toBe(1);
    expect(await page.locator('.ft-review-ci-note').textContent()).toBe("3 booked, two haven't replied");
    // Learning frame, never shaming; one word for it: Overdue.
    expect(await page.locator('.ft-review-ask').textContent()).toContain('What got in the way?');
    expect((await page.locator('.ft-review').textContent())!.toLowerCase()).not.toMatch(/fail|past due/);

    // Esc skips; the cards follow the queue's order, the group count with them.
    for (let i = 1; i < 5; i++) {
      await page.keyboard.press('Escape');
      expect(await progress(page)).toBe(`${i + 1} of 10`);
      expect(await cardText(page)).toBe(texts[i]);
      expect(await page.locator('.ft-review-client').textContent()).toBe(clients[i]);
    }
    // Elena has one card (no count); Sofia's first of four.
    expect(await page.locator('.ft-review-group').textContent()).toBe('1 of 4 for this client');
    expect(await page.locator('.ft-review-bar').getAttribute('aria-valuenow')).toBe('4');
    for (let i = 4; i < 10; i++) await page.keyboard.press("Escape");
    expect(await mode(page)).toBe('done');
    // The summary, grouped by client as the queue was.
    expect(await page.locator('.ft-review-outcome-client').allTextContents()).toEqual(['Maya Chen', 'Elena Petrova', 'Sofia Alvarez', 'Marcus Bell', 'Jordan Ellis']);
    expect(await page.locator('.ft-review-summary').textContent()).toBe('10 skipped');
    expect(await calls(page)).toEqual([]);
    expect(await modalOpen(page)).toBe(true);
  });

  it('opens the session note from the session date', async () => {
    const page = await openTestPage(DESKTOP);
    await mountQueue(page, { client: 'Maya Chen' });
    expect(await page.locator('.ft-review-scope').textContent()).toBe('Maya Chen');
    // Within one client's queue the card does not repeat the name.
    expect(await page.locator('.ft-review-client').count()).toBe(0);
    const session = page.locator('.ft-review-session');
    expect((await session.textContent())?.trim()).toBe('Tue 20 Oct');
    await session.click();
    expect(await calls(page)).toEqual([
      {
        name: 'openEvidence',
        args: [
          {
            kind: 'commitment',
            path: 'Sessions/2026-10-20 Maya Chen.md',
            line: 17,
            text: 'Book 5 investor coffees for November',
            date: '2026-10-25',
          },
        ],
      },
    ]);
  });

  it('recommits with the edited due date, shows the summary with Undo and moves on', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Maya Chen', messageMs: 1500 });
    expect(texts).toEqual(MAYA);
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
    expect(await page.locator('.ft-review-flash-text').textContent()).toBe('recommit done');
    expect(await page.locator('.ft-review-flash .ft-review-undo').isVisible()).toBe(true);
    expect(await progress(page)).toBe('2 of 3');
    expect(await cardText(page)).toBe(texts[1]);
    expect(await mode(page)).toBe('choose');
    // The summary shows for a while, then goes.
    await page.locator('.ft-review-flash-text').waitFor({ state: 'detached', timeout: 8000 });
  });

  it('modifies with the edited text, trigger, coping plan and due date; cleared fields are sent as null', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Maya Chen' });
    // The third card has a trigger, a coping plan and a confidence.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await cardText(page)).toBe(MAYA[2]);
    expect(await page.locator('.ft-review-trigger').textContent()).toBe('I open my laptop on Wednesday');
    expect((await page.locator('.ft-review-coping').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      "Dana's slammed → ask for 15 minutes and say it can wait till Monday",
    );
    expect(await page.locator('.ft-review-confidence').textContent()).toBe('7/10');

    await page.getByRole('button', { name: 'Modify' }).click();
    expect(await field(page, 'text').inputValue()).toBe(MAYA[2]);
    expect(await field(page, 'trigger').inputValue()).toBe('I open my laptop on Wednesday');
    expect(await field(page, 'coping').inputValue()).toBe("Dana's slammed -> ask for 15 minutes and say it can wait till Monday");
    // Its due date (27 Nov) has passed, so the form proposes the suggested one.
    expect(await field(page, 'due').inputValue()).toBe(SUGGESTED);

    await field(page, 'text').fill('Send Dana the handover doc first');
    await field(page, 'trigger').fill('after the Monday check-in');
    await field(page, 'coping').fill('she has no time -> ask for a written yes');
    await field(page, 'due').fill('2026-12-04');
    await page.locator('.ft-review-confirm').click();

    expect(await calls(page)).toEqual([
      {
        name: 'modify',
        args: [
          expect.objectContaining({ reason: 'overdue', suggestedDue: SUGGESTED }),
          { text: 'Send Dana the handover doc first', trigger: 'after the Monday check-in', coping: 'she has no time -> ask for a written yes', due: '2026-12-04' },
        ],
      },
    ]);
    expect((await calls(page))[0].args[0].commitment.text).toBe(texts[2]);
    expect(await progress(page)).toBe('All 3 reviewed');

    // Cleared fields are sent as null (a fresh queue, the same card).
    const again = await openTestPage(DESKTOP);
    await mountQueue(again, { client: 'Maya Chen' });
    await again.keyboard.press('Escape');
    await again.keyboard.press('Escape');
    await again.getByRole('button', { name: 'Modify' }).click();
    await field(again, 'trigger').fill('');
    await field(again, 'coping').fill('');
    await again.keyboard.press('Enter');
    expect((await calls(again))[0].args[1]).toEqual({ text: MAYA[2], trigger: null, coping: null, due: SUGGESTED });
  });

  it('lets go with a reason (required) and what was learned (optional)', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Maya Chen' });
    await page.getByRole('button', { name: 'Let go' }).click();
    expect(await focusedField(page)).toBe('reason');

    // No reason: asks for one and calls nothing.
    await page.locator('.ft-review-confirm').click();
    expect(await page.locator('.ft-review-invalid').textContent()).toContain('reason');
    expect(await focusedField(page)).toBe('reason');
    expect(await calls(page)).toEqual([]);

    await page.locator('[data-field="reason"]').fill('Two coffees were enough for this round');
    await page.locator('[data-field="learned"]').fill('Book them in one sitting');
    await page.locator('.ft-review-confirm').click();
    expect(await calls(page)).toEqual([
      {
        name: 'letGo',
        args: [expect.objectContaining({ reason: 'overdue' }), { reason: 'Two coffees were enough for this round', learned: 'Book them in one sitting' }],
      },
    ]);
    expect((await calls(page))[0].args[0].commitment.text).toBe(texts[0]);
    expect(await progress(page)).toBe('2 of 3');

    // Without a lesson: learned is null.
    await page.getByRole('button', { name: 'Let go' }).click();
    await page.locator('[data-field="reason"]').fill('Priorities changed');
    await page.locator('.ft-review-confirm').click();
    expect((await calls(page))[1].args[1]).toEqual({ reason: 'Priorities changed', learned: null });
    expect((await calls(page))[1].args[0].commitment.text).toBe(texts[1]);
  });

  it('works from the keyboard: 1/2/3 choose, Enter confirms (on a card: recommits), Esc goes back then skips, and closes only from the summary', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Sofia Alvarez' });
    expect(texts).toEqual(SOFIA);

    // 2 opens Modify; Esc goes back to the choices, not to the next card, and the modal stays.
    await page.keyboard.press('2');
    expect(await mode(page)).toBe('modify');
    expect(await focusedField(page)).toBe('text');
    await page.keyboard.type(' for Friday');
    await page.keyboard.press('Escape');
    expect(await mode(page)).toBe('choose');
    expect(await progress(page)).toBe('1 of 4');
    expect(await modalOpen(page)).toBe(true);
    // Backed out, not lost: Modify again shows what was typed.
    await page.keyboard.press('2');
    expect(await field(page, 'text').inputValue()).toBe('Draft the scorecard for Friday');
    await page.keyboard.press('Escape');

    // 1 opens Recommit with the suggested date; Enter confirms it.
    await page.keyboard.press('1');
    expect(await mode(page)).toBe('recommit');
    expect(await focusedField(page)).toBe('due');
    await page.keyboard.press('Enter');
    expect((await calls(page)).map((c) => [c.name, c.args[1]])).toEqual([['recommit', SOFIA_SUGGESTED]]);
    expect(await progress(page)).toBe('2 of 4');

    // 3 opens Let go; digits typed in its fields stay text; Enter confirms.
    await page.keyboard.press('3');
    expect(await mode(page)).toBe('letgo');
    await page.keyboard.type('Plan 2 replaced it, 1 step at a time');
    expect(await mode(page)).toBe('letgo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3 shops was too many');
    await page.keyboard.press('Enter');
    expect((await calls(page))[1]).toEqual({
      name: 'letGo',
      args: [expect.anything(), { reason: 'Plan 2 replaced it, 1 step at a time', learned: '3 shops was too many' }],
    });
    expect((await calls(page))[1].args[0].commitment.text).toBe(texts[1]);
    expect(await progress(page)).toBe('3 of 4');

    // 2 then edit the text from the keyboard, Enter saves.
    await page.keyboard.press('2');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Tell the team on Friday');
    await page.keyboard.press('Enter');
    expect((await calls(page))[2].name).toBe('modify');
    expect((await calls(page))[2].args[1].text).toBe('Tell the team on Friday');

    // Enter on a card takes its default action: Recommit's form; Esc backs out, Esc skips.
    expect(await progress(page)).toBe('4 of 4');
    await page.keyboard.press('Enter');
    expect(await mode(page)).toBe('recommit');
    await page.keyboard.press('Escape');
    expect(await mode(page)).toBe('choose');
    await page.keyboard.press('Escape');
    expect(await mode(page)).toBe('done');
    expect(await page.locator('.ft-review-summary').textContent()).toBe('1 recommitted, 1 modified, 1 let go, 1 skipped');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.ftClose)).toBe('');
    // Only now does Esc close.
    expect((await calls(page)).map((c) => c.name)).toEqual(['recommit', 'letGo', 'modify']);
    await page.keyboard.press('Escape');
    expect((await calls(page)).map((c) => c.name)).toEqual(['recommit', 'letGo', 'modify', 'close']);
  });

  it('asks "Discard these changes?" before a click outside throws away what was typed; Enter discards, Esc keeps it', async () => {
    const page = await openTestPage({ ...PHONE, dark: true });
    await mountQueue(page, { client: 'Sofia Alvarez' });
    await page.keyboard.press('3');
    expect(await mode(page)).toBe('letgo');
    await page.keyboard.type('The scorecard is the team lead’s now');
    await page.locator('.modal-bg').dispatchEvent('click');
    const prompt = page.locator('.ft-discard');
    await prompt.waitFor();
    expect(await modalOpen(page)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Discard');
    expect(await page.locator('.ft-review-form button.ft-review-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'review-phone-dark-discard');
    expect(await axeViolations(page, '.ft-review')).toEqual([]);

    // Esc: back to the form as typed, focus where it was.
    await page.keyboard.press('Escape');
    expect(await prompt.count()).toBe(0);
    expect(await field(page, 'reason').inputValue()).toBe('The scorecard is the team lead’s now');
    expect(await focusedField(page)).toBe('reason');

    // Asked again, Enter on the focused Discard closes (here, the recorded Close) without writing.
    await page.locator('.modal-bg').dispatchEvent('click');
    await prompt.waitFor();
    await page.keyboard.press('Enter');
    expect(await prompt.count()).toBe(0);
    expect((await calls(page)).map((c) => c.name)).toEqual(['close']);
  });

  it('keeps the card and shows the reason when an edit is refused', async () => {
    const page = await openTestPage(DESKTOP);
    const reason = '"2026-10-20 Maya Chen" has changed since it was read; nothing was changed.';
    const { texts } = await mountQueue(page, { client: 'Maya Chen', result: { ok: false, reason } });
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    expect((await calls(page)).map((c) => c.name)).toEqual(['recommit']);
    expect(await page.locator('.ft-review-error').textContent()).toBe(reason);
    expect(await progress(page)).toBe('1 of 3');
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
    expect(await progress(page)).toBe('1 of 3');

    // A refused one-tap check-in: the reason, the card in place with its choices, no Undo.
    await page.keyboard.press('Escape');
    await page.keyboard.press('d');
    expect((await calls(page)).map((c) => c.name)).toEqual(['recommit', 'letGo', 'checkIn']);
    expect(await page.locator('.ft-review-error').textContent()).toBe(reason);
    expect(await mode(page)).toBe('choose');
    expect(await page.locator('.ft-review-undo').count()).toBe(0);
    expect(await progress(page)).toBe('1 of 3');
  });

  it('keeps its order when the app publishes a new model after each edit', async () => {
    const page = await openTestPage(DESKTOP);
    const { texts } = await mountQueue(page, { client: 'Sofia Alvarez', republish: true });
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
    await mountQueue(page, { client: 'Sofia Alvarez' });
    expect(await progress(page)).toBe('1 of 4');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('3');
    await page.keyboard.type('The holiday rush took the mornings');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await mode(page)).toBe('done');
    expect(await page.locator('.ft-review-summary').textContent()).toBe('2 recommitted, 1 let go, 1 skipped');
    expect(await page.locator('.ft-review-progress').textContent()).toContain('All 4 reviewed');
    expect(await page.locator('.ft-review-outcomes li').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')))).toEqual([
      'recommitted',
      'recommitted',
      'let-go',
      'skipped',
    ]);
    expect(await page.locator('.ft-review-outcomes li .ft-review-outcome').allTextContents()).toEqual(['Recommitted', 'Recommitted', 'Let go', 'Skipped']);
    // One client's queue: no client headings.
    expect(await page.locator('.ft-review-outcome-client').count()).toBe(0);
    expect(await page.locator('.ft-review-done').textContent()).toContain('1 skipped commitment will be here next time.');
    await page.getByRole('button', { name: 'Close' }).click();
    expect((await calls(page)).map((c) => c.name)).toEqual(['recommit', 'recommit', 'letGo', 'close']);
  });

  it('checks in with one tap: the card stays in place as "Done · Undo", then the next card comes', async () => {
    const page = await openTestPage(PHONE);
    const { texts } = await mountQueue(page, { client: 'Maya Chen', settleMs: 1200 });
    const done = page.locator('[data-choice="done"]');
    const before = await done.boundingBox();
    await done.click();
    expect((await calls(page)).map((c) => [c.name, c.args[0].commitment.text, c.args[1]])).toEqual([['checkIn', texts[0], 'done']]);
    // In place: the same card, the choices replaced by the result and Undo; a second tap where
    // Done was lands on the result, not on the next card's button.
    expect(await mode(page)).toBe('settled');
    expect(await progress(page)).toBe('1 of 3');
    expect(await cardText(page)).toBe(texts[0]);
    expect((await page.locator('.ft-review-settled-line').innerText()).replace(/\s+/g, ' ')).toMatch(/^✓ Done · Undo/);
    await page.mouse.click(before!.x + before!.width / 2, before!.y + before!.height / 2);
    expect((await calls(page)).length).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/review-phone-settled.png` });
    // Then the next card, the check-in's message (with Undo) above it.
    await expect.poll(() => progress(page), { timeout: 5000 }).toBe('2 of 3');
    expect(await cardText(page)).toBe(texts[1]);
    expect(await page.locator('.ft-review-flash-text').textContent()).toBe('checkIn done');
    expect(await page.locator('.ft-review-flash .ft-review-undo').isVisible()).toBe(true);

    // Partly done, then Undo: the card is back in front, its choices again.
    await page.locator('[data-choice="partial"]').click();
    expect(await mode(page)).toBe('settled');
    await page.locator('.ft-review-settled .ft-review-undo').click();
    expect((await calls(page)).map((c) => c.name)).toEqual(['checkIn', 'checkIn', 'undo']);
    expect(await mode(page)).toBe('choose');
    expect(await progress(page)).toBe('2 of 3');
    expect(await page.locator('.ft-review-flash-text').textContent()).toBe('Undid it');

    // From the keyboard: D, then the next key acts on the next card at once.
    await page.keyboard.press('d');
    expect(await mode(page)).toBe('settled');
    await page.keyboard.press('Enter');
    expect(await progress(page)).toBe('3 of 3');
    // Undo of a form's edit from its message takes the queue back to that card.
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    expect(await mode(page)).toBe('done');
    await page.locator('.ft-review-flash .ft-review-undo').click();
    expect(await progress(page)).toBe('3 of 3');
    expect(await cardText(page)).toBe(texts[2]);
    expect((await calls(page)).map((c) => c.name)).toEqual(['checkIn', 'checkIn', 'undo', 'checkIn', 'recommit', 'undo']);
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
        await mountQueue(page, size === 'desktop' ? {} : { client: 'Maya Chen' });
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
        expect(await progress(page)).toBe(size === 'desktop' ? '3 of 10' : '3 of 3');
        if (dark) {
          // Dark: a sub-form (desktop: modify; phone: let go, confirmed without a reason).
          await page.keyboard.press(size === 'desktop' ? '2' : '3');
          if (size === 'phone') await page.keyboard.press('Enter');
        }
        const box = await page.locator('.ft-review').boundingBox();
        expect(box!.width).toBeLessThanOrEqual(Math.min(600, viewport.width));
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await screenshot(page, name);
        // No serious or critical accessibility violation, in this state and after a one-tap check-in.
        expect(await axeViolations(page, '.ft-review')).toEqual([]);
        if (!dark) {
          await page.keyboard.press('d');
          expect(await mode(page)).toBe('settled');
          expect(await axeViolations(page, '.ft-review')).toEqual([]);
          await page.keyboard.press('Enter');
          for (let i = 0; i < 10 && (await mode(page)) !== 'done'; i++) await page.keyboard.press('Escape');
          expect(await mode(page)).toBe('done');
          expect(await axeViolations(page, '.ft-review')).toEqual([]);
          await screenshot(page, `${name}-summary`);
        }
      });
    }
  }
});
