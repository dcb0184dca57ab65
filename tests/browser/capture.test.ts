/**
 * The capture form in Chromium, over a demo session note's commitments (Daniel Okafor, 24 Nov:
 * one already captured, two plain bullets): the research's prompts appearing and going as fields
 * change, the default due date and its reset, a keyboard-only capture of three commitments, a
 * refusal, cancel, and screenshots in light and dark on desktop and phone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
async function mountCapture(page: Page, options: { result?: unknown; path?: string } = {}): Promise<any[]> {
  return page.evaluate(
    ({ path, defaultDue, result }) => {
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
      });
      return items;
    },
    { path: options.path ?? SESSION, defaultDue: DEFAULT_DUE, result: options.result },
  );
}

const calls = (page: Page): Promise<Call[]> => page.evaluate(() => (window as any).ft.calls);
const item = (page: Page, i: number) => page.locator(`.ft-capture-item[data-index="${i}"]`);
const field = (page: Page, i: number, name: string) => item(page, i).locator(`[data-field="${name}"]`);
const prompts = (page: Page, i: number) => item(page, i).locator('.ft-capture-prompt').allTextContents();
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const at = el?.closest('.ft-capture-item') as HTMLElement | null;
    return el?.dataset.field ? `${at?.dataset.index}:${el.dataset.field}` : (el?.textContent?.trim() ?? null);
  });

describe('capture form', () => {
  it("lists the session's commitments, editable, with the default due date beside the field", async () => {
    const page = await openTestPage(DESKTOP);
    const items = await mountCapture(page);
    expect(items.map((i) => i.text)).toEqual([
      'Send the JD to the two referrals Aisha mentioned',
      'Push back on one mid-sprint request with "yes, and here\'s what moves"',
      "Write a first draft of the team's Q1 goals before our next session",
    ]);
    expect(await page.locator('.ft-capture-item').count()).toBe(3);
    expect(await field(page, 1, 'text').inputValue()).toBe(items[1].text);
    expect(await field(page, 1, 'owner').inputValue()).toBe('client');
    expect(await field(page, 1, 'kind').inputValue()).toBe('process');
    expect(await field(page, 1, 'due').inputValue()).toBe(DEFAULT_DUE);
    expect(await field(page, 1, 'confidence').inputValue()).toBe('');
    expect((await item(page, 1).locator('.ft-field-hint').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'default: Sun 6 Dec, 12 days after the session',
    );
    expect(await page.locator('.ft-capture-head').textContent()).toContain('Daniel Okafor');
    expect(await page.locator('.ft-capture-head').textContent()).toContain('Session Tue 24 Nov');

    // Focus starts on the first item's first field.
    expect(await focused(page)).toBe('0:text');

    // The text wraps to show it whole, but stays one line: Enter adds no line break.
    await field(page, 1, 'text').press('End');
    await field(page, 1, 'text').press('Enter');
    expect(await field(page, 1, 'text').inputValue()).toBe(items[1].text);

    // Changing the due date offers a reset to the default.
    expect(await item(page, 1).locator('.ft-capture-reset').count()).toBe(0);
    await field(page, 1, 'due').fill('2026-12-02');
    await item(page, 1).locator('.ft-capture-reset').click();
    expect(await field(page, 1, 'due').inputValue()).toBe(DEFAULT_DUE);
    expect(await item(page, 1).locator('.ft-capture-reset').count()).toBe(0);

    // The pre-mortem question is offered per item, folded away.
    const premortem = item(page, 1).locator('.ft-capture-premortem');
    expect(await premortem.locator('p').isVisible()).toBe(false);
    await premortem.locator('summary').click();
    expect(await premortem.locator('p').textContent()).toBe(
      "Imagine it's the next session and this didn't happen. What got in the way?",
    );
    expect(await premortem.locator('p').isVisible()).toBe(true);
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
    await field(page, 1, 'kind').selectOption('process');
    await field(page, 1, 'confidence').fill('9');
    expect(await prompts(page, 1)).toEqual([]);
    expect(await item(page, 1).locator('.ft-capture-prompts').count()).toBe(0);

    // A blank trigger counts as none; other items are untouched.
    await field(page, 1, 'trigger').fill('   ');
    expect(await prompts(page, 1)).toEqual(['When exactly will this happen?']);
    expect(await prompts(page, 2)).toEqual(['When exactly will this happen?']);
  });

  it('captures three commitments from the keyboard alone, weak-spot fields first', async () => {
    const page = await openTestPage(DESKTOP);
    const items = await mountCapture(page);
    const started = Date.now();
    let keys = 0;
    const type = async (text: string) => {
      keys += text.length;
      await page.keyboard.type(text);
    };
    const press = async (key: string) => {
      keys++;
      await page.keyboard.press(key);
    };

    const typed = [
      { text: 'Send the JD to both referrals', trigger: 'Tuesday after stand-up', coping: 'I forget -> calendar reminder', confidence: '9', due: null, owner: null, kind: null },
      { text: null, trigger: 'at Monday sprint planning', coping: 'PM pushes back -> offer a swap', confidence: '7', due: '12042026', owner: null, kind: 'o' },
      { text: 'Draft the Q1 goals', trigger: 'Thursday 8am, first thing', coping: '', confidence: '10', due: null, owner: 'coach', kind: null },
    ];
    const order: string[] = [await focused(page) as string];
    for (let i = 0; i < 3; i++) {
      const t = typed[i];
      // Focus arrives with the text selected: typing replaces it, Tab keeps it.
      if (t.text !== null) await type(t.text);
      for (const [name, value] of [
        ['trigger', t.trigger],
        ['coping', t.coping],
        ['confidence', t.confidence],
        ['due', t.due],
        ['owner', t.owner],
        ['kind', t.kind],
      ] as const) {
        await press('Tab');
        order.push((await focused(page)) as string);
        expect(order.at(-1)).toBe(`${i}:${name}`);
        if (value) {
          if (name === 'owner') await press('ControlOrMeta+a');
          await type(value);
        }
      }
      await press('Tab');
      order.push((await focused(page)) as string);
    }
    expect(order).toEqual([
      ...[0, 1, 2].flatMap((i) => ['text', 'trigger', 'coping', 'confidence', 'due', 'owner', 'kind'].map((f) => `${i}:${f}`)),
      'Capture 3 commitments Ctrl Enter',
    ]);
    await press('Control+Enter');
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
    // Well under a minute of typing: about 200 keystrokes, three Tabs' worth of fields each.
    expect(keys).toBeLessThan(260);
    expect(elapsed).toBeLessThan(60_000);
    expect(await page.locator('.ft-capture-done').textContent()).toContain('confirm done');
    expect(await page.locator('.ft-capture-confirm').isDisabled()).toBe(true);
  });

  it('shows the reason when the capture is refused, and lets the coach try again', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page, { result: { ok: false, reason: 'Line 13 of 2026-11-24 Daniel Okafor.md has changed since the form opened.' } });
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
    await page.keyboard.press('Control+Enter');
    const [call] = await calls(page);
    expect(call.name).toBe('confirm');
    expect(call.args[0][1].confidence).toBeNull();
    expect(call.args[0][2].text).toBe('Draft the Q1 goals');
  });

  it('cancels', async () => {
    const page = await openTestPage(DESKTOP);
    await mountCapture(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await calls(page)).toEqual([{ name: 'cancel', args: [] }]);
  });

  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    for (const dark of [false, true]) {
      const name = `capture-${size}-${dark ? 'dark' : 'light'}`;
      it(`renders readably: ${name}`, async () => {
        const page = await openTestPage({ ...viewport, dark });
        await mountCapture(page);
        // A mix: one item with weak spots showing, one with a changed due date, the pre-mortem open.
        await field(page, 1, 'confidence').fill('6');
        await field(page, 1, 'kind').selectOption('outcome');
        await field(page, 2, 'trigger').fill('Thursday 8am, first thing');
        await field(page, 2, 'coping').fill('a fire drill eats the morning -> do it Friday 8am instead');
        await field(page, 2, 'confidence').fill('9');
        await field(page, 2, 'due').fill('2026-12-04');
        await item(page, 0).locator('.ft-capture-premortem summary').click();
        await field(page, 0, 'text').focus();
        const box = await page.locator('.ft-capture').boundingBox();
        expect(box!.width).toBeLessThanOrEqual(Math.min(600, viewport.width));
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await screenshot(page, name);
      });
    }
  }
});
