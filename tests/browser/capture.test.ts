/**
 * The capture form in Chromium, over a demo session note's commitments (Daniel Okafor, 24 Nov:
 * one already captured, two plain bullets), today being Tue 1 Dec 2026: the research's prompts
 * appearing and going as fields change, typed due dates and their reset, a keyboard-only capture
 * of three commitments (weak spots first, due, owner and kind after), a refusal, the discard
 * prompt, axe-core and touch targets, the sticky Capture button on a phone, and screenshots in
 * light and dark on desktop and phone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { DESKTOP, PHONE, screenshot, usePages } from './browser';

const SESSION = 'Sessions/2026-11-24 Daniel Okafor.md';
const DEFAULT_DUE = '2026-12-06';

// One browser for the file; each page is checked for errors and closed after its test.
const openTestPage = usePages();

interface Call {
  name: string;
  args: any[];
}

/** Mounts the form over the session's commitments, as the app's capture model lists them; returns the items. */
async function mountCapture(
  page: Page,
  options: { result?: unknown; path?: string; dateOrder?: 'mdy' | 'dmy'; inModal?: boolean } = {},
): Promise<any[]> {
  return page.evaluate(
    ({ path, defaultDue, result, dateOrder, inModal }) => {
      const ft = (window as any).ft;
      const index = ft.demoIndex();
      // The app's capture model, as the plugin builds it for this note.
      const { items, sessionDate } = ft.models.buildCaptureModel(index, path);
      if (items.some((i: any) => i.defaultDue !== defaultDue)) throw new Error(`default due is not ${defaultDue}`);
      const model = ft.writable({ path, client: 'Daniel Okafor', sessionDate, items });
      ft.calls.length = 0;
      ft.mount('CaptureForm', {
        model,
        actions: {
          confirm: result === undefined ? ft.recorder('confirm') : ft.recorder('confirm', result),
          cancel: ft.recorder('cancel'),
        },
        asOf: '2026-12-01',
        dateOrder,
        // As the modal does: keep the form's close request, to call on Esc or the close button.
        bindCloseRequest: (request: () => boolean) => ((window as any).closeRequest = request),
      }, inModal ? phoneModal() : undefined);
      return items;

      /** A box shaped as Obsidian's modal on a phone: the screen's size, scrolling its content. */
      function phoneModal(): HTMLElement {
        const modal = document.createElement('div');
        modal.className = 'modal ft-modal';
        Object.assign(modal.style, { position: 'fixed', inset: '0', overflow: 'auto', padding: '16px', background: 'var(--background-primary)' });
        document.body.appendChild(modal);
        const content = document.createElement('div');
        content.className = 'modal-content';
        return modal.appendChild(content);
      }
    },
    {
      path: options.path ?? SESSION,
      defaultDue: DEFAULT_DUE,
      result: options.result,
      dateOrder: options.dateOrder ?? 'mdy',
      inModal: options.inModal ?? false,
    },
  );
}

/** What the modal's close() asks the form (Esc, the close button): true when it may close. */
const requestClose = (page: Page): Promise<boolean> => page.evaluate(() => (window as any).closeRequest());

const calls = (page: Page): Promise<Call[]> => page.evaluate(() => (window as any).ft.calls);
const item = (page: Page, i: number) => page.locator(`.ft-capture-item[data-index="${i}"]`);
/** Item `i`'s row of due date, owner and kind, after all the items. */
const detail = (page: Page, i: number) => page.locator(`.ft-capture-detail[data-index="${i}"]`);
const AFTER = new Set(['due', 'owner', 'kind']);
const field = (page: Page, i: number, name: string) => (AFTER.has(name) ? detail(page, i) : item(page, i)).locator(`[data-field="${name}"]`);
const dateRead = (page: Page, i: number) => detail(page, i).locator('.ft-date-input-read').textContent();
const prompts = (page: Page, i: number) => item(page, i).locator('.ft-capture-prompt').allTextContents();
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const at = el?.closest('.ft-capture-item, .ft-capture-detail') as HTMLElement | null;
    return el?.dataset.field ? `${at?.dataset.index}:${el.dataset.field}` : (el?.textContent?.trim() ?? null);
  });

describe('capture form', () => {
  it("lists the session's commitments, editable, with due, owner and kind after them", async () => {
    const page = await openTestPage(DESKTOP);
    const items = await mountCapture(page);
    expect(items.map((i) => i.text)).toEqual([
      'Send the JD to the two referrals Aisha mentioned',
      'Push back on one mid-sprint request with "yes, and here\'s what moves"',
      "Write a first draft of the team's Q1 goals before our next session",
    ]);
    expect(await page.locator('.ft-capture-item').count()).toBe(3);
    expect(await page.locator('.ft-capture-detail').count()).toBe(3);
    expect(await field(page, 1, 'text').inputValue()).toBe(items[1].text);
    expect(await field(page, 1, 'owner').inputValue()).toBe('client');
    expect(await field(page, 1, 'kind').inputValue()).toBe('process');
    expect(await field(page, 1, 'due').inputValue()).toBe(DEFAULT_DUE);
    expect(await dateRead(page, 1)).toBe('→ Sun 6 Dec');
    expect(await field(page, 1, 'confidence').inputValue()).toBe('');
    expect((await detail(page, 1).locator('.ft-field-hint').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'default: Sun 6 Dec, 12 days after the session',
    );
    // Each item says its due date, owner and kind in words; the row after all items edits them.
    expect(await item(page, 1).locator('.ft-capture-facts').textContent()).toBe('Due Sun 6 Dec · client · process step');
    expect(await detail(page, 1).locator('.ft-capture-detail-text').textContent()).toContain('Push back on one mid-sprint request');
    // The row's fields are named for their commitment, with the visible label first.
    expect(await detail(page, 1).getByRole('textbox', { name: 'Due' }).count()).toBe(1);
    expect(await page.locator('.ft-capture-head').textContent()).toContain('Daniel Okafor');
    expect(await page.locator('.ft-capture-head').textContent()).toContain('Session Tue 24 Nov');

    // Focus starts on the first item's first field.
    expect(await focused(page)).toBe('0:text');

    // The text wraps to show it whole, but stays one line: Enter adds no line break.
    await field(page, 1, 'text').press('End');
    await field(page, 1, 'text').press('Enter');
    expect(await field(page, 1, 'text').inputValue()).toBe(items[1].text);

    // The pre-mortem question: a real checkbox with a label, from the keyboard (Shift+Tab from
    // the first field reaches it), shown under every coping plan and read with it.
    expect(await page.locator('.ft-capture-premortem').count()).toBe(0);
    await field(page, 0, 'text').focus();
    await page.keyboard.press('Shift+Tab');
    const toggle = page.getByRole('checkbox', { name: 'Show the pre-mortem question' });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await toggle.isChecked()).toBe(true);
    expect(await item(page, 1).locator('.ft-capture-premortem').textContent()).toBe(
      "Pre-mortem: Imagine it's the next session and this didn't happen. What got in the way?",
    );
    expect(await page.locator('.ft-capture-premortem').count()).toBe(3);
    const described = await field(page, 1, 'coping').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain('What got in the way?');
    await page.keyboard.press('Space');
    expect(await page.locator('.ft-capture-premortem').count()).toBe(0);
  });

  it('asks the research questions live as confidence, trigger and kind change', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page);
    // A plain bullet: no trigger yet, confidence not given, a process step.
    expect(await prompts(page, 1)).toEqual(['When exactly will this happen?']);

    await field(page, 1, 'confidence').fill('6');
    expect(await prompts(page, 1)).toEqual(['What would get you to an 8?', 'When exactly will this happen?']);
    await field(page, 1, 'confidence').fill('8');
    expect(await prompts(page, 1)).toEqual(['When exactly will this happen?']);
    await field(page, 1, 'confidence').fill('7');
    expect(await prompts(page, 1)).toEqual(['What would get you to an 8?', 'When exactly will this happen?']);

    await field(page, 1, 'trigger').fill('at Monday sprint planning');
    expect(await prompts(page, 1)).toEqual(['What would get you to an 8?']);

    await field(page, 1, 'kind').selectOption('outcome');
    expect(await prompts(page, 1)).toEqual(['What would get you to an 8?', "What's the process step you control?"]);
    expect(await item(page, 1).locator('.ft-capture-facts').textContent()).toBe('Due Sun 6 Dec · client · outcome');
    await field(page, 1, 'kind').selectOption('process');
    await field(page, 1, 'confidence').fill('9');
    expect(await prompts(page, 1)).toEqual([]);
    expect(await item(page, 1).locator('.ft-capture-prompts').count()).toBe(0);

    // A blank trigger counts as none; other items are untouched.
    await field(page, 1, 'trigger').fill('   ');
    expect(await prompts(page, 1)).toEqual(['When exactly will this happen?']);
    expect(await prompts(page, 2)).toEqual(['When exactly will this happen?']);
  });

  it('captures three commitments from the keyboard alone: weak spots of each first, then due, owner and kind', async () => {
    const page = await openTestPage(DESKTOP);
    const items = await mountCapture(page);
    const started = Date.now();
    let keys = 0;
    const type = async (text: string) => {
      keys += text.length;
      await page.keyboard.type(text);
    };
    const tab = async () => {
      keys++;
      await page.keyboard.press('Tab');
      return (await focused(page)) as string;
    };

    const weak = [
      { text: 'Send the JD to both referrals', trigger: 'Tuesday after stand-up', coping: 'I forget -> calendar reminder', confidence: '9' },
      { text: null, trigger: 'at Monday sprint planning', coping: 'PM pushes back -> offer a swap', confidence: '7' },
      { text: 'Draft the Q1 goals', trigger: 'Thursday 8am, first thing', coping: '', confidence: '10' },
    ];
    // First pass: text, trigger, coping, confidence of each commitment in turn. No Tab stops on
    // a due date, owner or kind on the way (they were 8 of 18 Tabs, all left at their defaults).
    const order: string[] = [(await focused(page)) as string];
    for (let i = 0; i < 3; i++) {
      const t = weak[i];
      if (i > 0) order.push(await tab());
      // Focus arrives with the text selected: typing replaces it, Tab keeps it.
      if (t.text !== null) await type(t.text);
      for (const name of ['trigger', 'coping', 'confidence'] as const) {
        order.push(await tab());
        if (t[name]) await type(t[name]);
      }
    }
    expect(order).toEqual([0, 1, 2].flatMap((i) => ['text', 'trigger', 'coping', 'confidence'].map((f) => `${i}:${f}`)));

    // Then the rows of due, owner and kind, for the few the coach changes: a typed date for the
    // second, "coach" for the third, the second an outcome.
    const rest: string[] = [];
    rest.push(await tab()); // 0:due
    rest.push(await tab()); // 0:owner
    rest.push(await tab()); // 0:kind
    rest.push(await tab()); // 1:due
    await type('12/4');
    expect(await dateRead(page, 1)).toBe('→ Fri 4 Dec');
    rest.push(await tab()); // the reset link beside the changed date
    rest.push(await tab()); // 1:owner
    rest.push(await tab()); // 1:kind
    await type('o');
    rest.push(await tab()); // 2:due
    rest.push(await tab()); // 2:owner
    keys++;
    await page.keyboard.press('ControlOrMeta+a');
    await type('coach');
    rest.push(await tab()); // 2:kind
    rest.push(await tab()); // the Capture button
    expect(rest).toEqual(['0:due', '0:owner', '0:kind', '1:due', 'reset', '1:owner', '1:kind', '2:due', '2:owner', '2:kind', 'Capture 3 commitments Ctrl Enter']);
    keys++;
    await page.keyboard.press('Control+Enter');
    const elapsed = Date.now() - started;

    const result = await calls(page);
    expect(result.map((c) => c.name)).toEqual(['confirm']);
    const [confirmed] = result[0].args as [any[]];
    expect(confirmed).toEqual([
      {
        ...items[0],
        text: 'Send the JD to both referrals',
        trigger: 'Tuesday after stand-up',
        coping: 'I forget -> calendar reminder',
        confidence: 9,
      },
      {
        ...items[1],
        trigger: 'at Monday sprint planning',
        coping: 'PM pushes back -> offer a swap',
        confidence: 7,
        due: '2026-12-04',
        kind: 'outcome',
      },
      {
        ...items[2],
        text: 'Draft the Q1 goals',
        trigger: 'Thursday 8am, first thing',
        confidence: 10,
        owner: 'coach',
      },
    ]);
    // Well under a minute of typing: about 200 keystrokes.
    expect(keys).toBeLessThan(240);
    expect(elapsed).toBeLessThan(60_000);
    expect(await page.locator('.ft-capture-done').textContent()).toContain('confirm done');
    expect(await page.locator('.ft-capture-confirm').isDisabled()).toBe(true);
    // Captured: nothing left to discard, so a close request closes.
    expect(await requestClose(page)).toBe(true);
  });

  it('reads due dates as typed, in the vault’s date order, and says when one is not a date', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page);
    const due = field(page, 1, 'due');
    for (const [typed, read] of [
      ['fri', '→ Fri 4 Dec'],
      ['next tue', '→ Tue 8 Dec'],
      ['in 3 days', '→ Fri 4 Dec'],
      ['tomorrow', '→ Wed 2 Dec'],
      ['12/4', '→ Fri 4 Dec'],
      ['dec 10', '→ Thu 10 Dec'],
      ['2026-12-18', '→ Fri 18 Dec'],
    ]) {
      await due.fill(typed);
      expect(await dateRead(page, 1), typed).toBe(read);
      expect(await due.getAttribute('aria-invalid')).toBe('false');
    }
    // The read date is part of the field's description, with the default.
    const describedBy = (await due.getAttribute('aria-describedby'))!.split(' ');
    expect(await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()))).toEqual([
      '→ Fri 18 Dec',
      expect.stringContaining('default: Sun 6 Dec'),
    ]);
    // Arrow keys move the date by a day.
    await due.press('ArrowUp');
    expect(await due.inputValue()).toBe('2026-12-19');
    expect(await dateRead(page, 1)).toBe('→ Sat 19 Dec');
    await due.press('ArrowDown');
    await due.press('ArrowDown');
    expect(await dateRead(page, 1)).toBe('→ Thu 17 Dec');

    // Not a date: said beside the field, marked invalid, and the form will not confirm.
    await due.fill('fri blah');
    expect(await dateRead(page, 1)).toBe('not a date');
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    expect(await item(page, 1).locator('.ft-capture-facts').textContent()).toBe('No due date yet · client · process step');
    await page.locator('.ft-capture-confirm').click();
    expect(await calls(page)).toEqual([]);
    expect(await detail(page, 1).locator('.ft-capture-invalid').textContent()).toBe('Type a due date, such as "fri", "in 3 days" or a date.');
    expect(await focused(page)).toBe('1:due');
    // Reset puts the default back, in the field and beside it.
    await detail(page, 1).locator('.ft-capture-reset').click();
    expect(await due.inputValue()).toBe(DEFAULT_DUE);
    expect(await dateRead(page, 1)).toBe('→ Sun 6 Dec');
    expect(await due.getAttribute('aria-invalid')).toBe('false');
    expect(await detail(page, 1).locator('.ft-capture-reset').count()).toBe(0);
    // The link is gone; the focus stays in the row, on the date.
    expect(await focused(page)).toBe('1:due');
    await page.keyboard.press('Control+Enter');
    expect((await calls(page)).map((c) => c.name)).toEqual(['confirm']);
  });

  it('reads 12/4 as 12 April in a day-first vault', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page, { dateOrder: 'dmy' });
    await field(page, 2, 'due').fill('12/4');
    expect(await dateRead(page, 2)).toBe('→ Mon 12 Apr 2027');
    await field(page, 2, 'due').fill('4/12');
    expect(await dateRead(page, 2)).toBe('→ Fri 4 Dec');
    expect(await field(page, 2, 'due').getAttribute('placeholder')).toBe('fri, in 3 days, 4/12');
  });

  it('shows the reason when the capture is refused, and lets the coach try again', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page, { result: { ok: false, reason: '2026-11-24 Daniel Okafor has changed since the form opened.' } });
    await page.keyboard.press('Control+Enter');
    expect((await calls(page)).map((c) => c.name)).toEqual(['confirm']);
    expect(await page.locator('.ft-capture-error').textContent()).toContain('has changed since the form opened');
    expect(await page.locator('.ft-capture-item').count()).toBe(3);
    expect(await page.locator('.ft-capture-confirm').isDisabled()).toBe(false);
    await page.locator('.ft-capture-confirm').click();
    expect((await calls(page)).map((c) => c.name)).toEqual(['confirm', 'confirm']);
  });

  it('checks the fields before confirming', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page);
    await field(page, 2, 'text').fill('');
    await field(page, 1, 'confidence').fill('12');
    await page.locator('.ft-capture-confirm').click();
    expect(await calls(page)).toEqual([]);
    expect(await item(page, 1).locator('.ft-capture-invalid').textContent()).toContain('1 to 10');
    expect(await item(page, 2).locator('.ft-capture-invalid').textContent()).toContain('Say what will be done');
    expect(await focused(page)).toBe('1:confidence');
    expect(await page.locator('.ft-capture-error').textContent()).toBe('Check the highlighted fields.');

    await field(page, 1, 'confidence').fill('');
    await field(page, 2, 'text').fill('Draft the Q1 goals');
    expect(await page.locator('.ft-capture-error').count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    const [call] = await calls(page);
    expect(call.name).toBe('confirm');
    expect(call.args[0][1].confidence).toBeNull();
    expect(call.args[0][2].text).toBe('Draft the Q1 goals');
  });

  it('cancels and closes at once when nothing was changed', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page);
    expect(await requestClose(page)).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await calls(page)).toEqual([{ name: 'cancel', args: [] }]);
    expect(await page.locator('.ft-discard').count()).toBe(0);
  });

  it('asks "Discard these changes?" before Esc, the close button or Cancel throws edits away', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page);
    const prompt = page.getByRole('alertdialog', { name: 'Discard these changes?' });
    await field(page, 1, 'trigger').fill('at Monday sprint planning');
    await field(page, 2, 'due').fill('fri');
    await field(page, 2, 'trigger').focus();

    // Esc (or the modal's close button): the modal asks the form, which asks the coach.
    expect(await requestClose(page)).toBe(false);
    expect(await prompt.isVisible()).toBe(true);
    expect(await prompt.textContent()).toContain('Your edits to 2 commitments will be lost.');
    expect(await focused(page)).toBe('Discard');
    // The form behind is out of reach while the question is open.
    expect(await page.locator('.ft-capture-items').getAttribute('inert')).not.toBeNull();
    await screenshot(page, 'capture-discard-desktop-light');

    // Esc again: back to the form, everything kept, focus where it was.
    expect(await requestClose(page)).toBe(false);
    expect(await prompt.count()).toBe(0);
    expect(await field(page, 1, 'trigger').inputValue()).toBe('at Monday sprint planning');
    expect(await field(page, 2, 'due').inputValue()).toBe('fri');
    expect(await focused(page)).toBe('2:trigger');

    // Cancel asks too; "Keep editing" goes back.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await prompt.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Keep editing' }).click();
    expect(await prompt.count()).toBe(0);
    expect(await calls(page)).toEqual([]);

    // Enter confirms the discard: the form cancels, and a close request now closes.
    expect(await requestClose(page)).toBe(false);
    await page.keyboard.press('Enter');
    expect(await calls(page)).toEqual([{ name: 'cancel', args: [] }]);
    expect(await requestClose(page)).toBe(true);
  });

  it('asks nothing when an edit was typed and undone', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page);
    await field(page, 1, 'trigger').fill('x');
    await field(page, 1, 'trigger').fill('');
    await field(page, 1, 'due').fill('sun');
    expect(await field(page, 1, 'due').inputValue()).toBe('sun');
    expect(await requestClose(page)).toBe(true);
  });

  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    for (const dark of [false, true]) {
      const name = `capture-${size}-${dark ? 'dark' : 'light'}`;
      it(`renders readably, with no serious axe findings: ${name}`, async () => {
        const page = await openTestPage({ ...viewport, dark });
        await mountCapture(page);
        // A mix: one item with weak spots showing, one with a typed due date, the pre-mortem on.
        await field(page, 1, 'confidence').fill('6');
        await field(page, 1, 'kind').selectOption('outcome');
        await field(page, 2, 'trigger').fill('Thursday 8am, first thing');
        await field(page, 2, 'coping').fill('a fire drill eats the morning -> do it Friday 8am instead');
        await field(page, 2, 'confidence').fill('9');
        await field(page, 2, 'due').fill('fri');
        await page.getByRole('checkbox', { name: 'Show the pre-mortem question' }).check();
        await field(page, 0, 'text').focus();
        const box = await page.locator('.ft-capture').boundingBox();
        expect(box!.width).toBeLessThanOrEqual(Math.min(600, viewport.width));
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(await axeViolations(page, '.ft-capture')).toEqual([]);
        if (size === 'phone') {
          // Every control is at least 24 px each way (or, for an inline link, 24 px tall).
          const small = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.ft-capture button, .ft-capture input, .ft-capture select, .ft-capture textarea')]
              .map((el) => ({ el: el.className || el.getAttribute('data-field') || el.tagName, r: el.getBoundingClientRect() }))
              .filter(({ r }) => r.width < 24 || r.height < 24)
              .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`),
          );
          expect(small).toEqual([]);
        }
        await screenshot(page, name);
        // The question before discarding, too.
        await page.getByRole('button', { name: 'Cancel' }).click();
        expect(await axeViolations(page, '.ft-capture')).toEqual([]);
      });
    }
  }

  it('keeps the Capture button in view at the bottom of a phone while the form scrolls', async () => {
    const page = await openTestPage(PHONE);
    // In the modal, which scrolls its content (Obsidian's .modal is the scrolling box).
    await mountCapture(page, { inModal: true });
    const height = await page.evaluate(() => document.querySelector('.modal')!.scrollHeight);
    expect(height).toBeGreaterThan(PHONE.height * 1.5);
    for (const y of [0, height / 3, height]) {
      await page.evaluate((y) => document.querySelector('.modal')!.scrollTo(0, y), y);
      const r = (await page.locator('.ft-capture-confirm').boundingBox())!;
      expect(r.y).toBeGreaterThan(PHONE.height / 2);
      expect(r.y + r.height).toBeLessThanOrEqual(PHONE.height);
    }
    // Full width, easy to reach with a thumb.
    expect((await page.locator('.ft-capture-confirm').boundingBox())!.width).toBeGreaterThan(PHONE.width / 3);
    expect((await page.locator('.ft-capture-confirm').boundingBox())!.height).toBeGreaterThanOrEqual(24);
  });
});
