/**
 * The Today panel in real Chromium: the demo vault's nudges built in the page by the real core
 * (`buildTodayModel`), mounted with recording actions. One message per client per day, covering
 * all of that client's nudges; drafts are editable and the Text / Email links follow the edit;
 * Mark sent hands over the message (with every commitment it covers), the edited draft and the
 * channel used; coach flags have no send buttons, only Review; the empty state; the roster's
 * one-line strip; axe-core; screenshots.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { DESKTOP, PHONE, patchStore, screenshot, usePages, type PageOptions } from './browser';

const openTestPage = usePages();

async function page(options: PageOptions = {}): Promise<Page> {
  const p = await openTestPage(options);
  // The send links open the coach's own apps; in the test page they go nowhere.
  await p.evaluate(() =>
    document.addEventListener(
      'click',
      (e) => {
        if ((e.target as Element).closest?.('a.ft-today-send')) e.preventDefault();
      },
      true,
    ),
  );
  return p;
}

interface MountOptions {
  asOf?: string;
  /** Replace the model's items (after building), e.g. with [] for the empty state. */
  empty?: boolean;
  enabled?: boolean;
  markSentResult?: unknown;
  collapsible?: boolean;
  open?: boolean;
  /** Mount inside a box this wide, as the roster sidebar or a modal would hold it. */
  width?: number;
}

interface Item {
  key: string;
  client: string;
  text: string;
  kind: string;
  audience: string;
  timing: string;
  daysLate: number;
  draft: string;
  subject: string;
  contact: { sms?: string; email?: string } | null;
  links: { sms: string | null; mailto: string | null };
  target: { path: string; line: number };
}

interface Message {
  key: string;
  client: string;
  draft: string;
  items: string[];
}

/** Builds the model in the page with the real core, as the adapter does; the store is `window.__today`. */
async function mountToday(p: Page, o: MountOptions = {}): Promise<Item[]> {
  return (await mountTodayModel(p, o)).items;
}

function mountTodayModel(p: Page, o: MountOptions = {}): Promise<{ items: Item[]; messages: Message[] }> {
  return p.evaluate((o) => {
    const ft = (window as any).ft;
    // The full cadence (thinning for steady clients is tested in tests/client-loop/thinning.test.ts).
    const settings = ft.today.resolveNudgeSettings({ enabled: o.enabled ?? true, thinAfterOnTime: 0 });
    const model = ft.today.buildTodayModel(ft.demoIndex(), o.asOf ?? '2026-11-27', settings);
    if (o.empty) Object.assign(model, { items: [], messages: [], flags: [] });
    const store = ft.writable(model);
    (window as any).__today = store;
    const actions = {
      markSent: ft.recorder('markSent', o.markSentResult),
      copy: ft.recorder('copy', undefined),
      openEvidence: ft.recorder('openEvidence'),
      openClient: ft.recorder('openClient'),
    };
    let target: HTMLElement | undefined;
    if (o.width) {
      target = document.createElement('div');
      target.style.width = `${o.width}px`;
      target.style.maxWidth = '100%';
      document.getElementById('root')!.appendChild(target);
    }
    const props: Record<string, unknown> = { model: store, actions };
    if (o.collapsible !== undefined) props.collapsible = o.collapsible;
    if (o.open !== undefined) props.open = o.open;
    if (o.collapsible) props.onToggle = ft.recorder('toggle');
    ft.mount('TodayPanel', props, target);
    const messages = model.messages.map((m: any) => ({ key: m.key, client: m.client, draft: m.draft, items: m.items.map((i: any) => i.key) }));
    const items = model.items.map((i: any) => ({
      key: i.key,
      client: i.client,
      text: i.commitment.text,
      kind: i.step.kind,
      audience: i.step.audience,
      timing: i.timing,
      daysLate: i.daysLate,
      draft: i.draft,
      subject: i.subject,
      contact: i.contact,
      links: i.links,
      target: i.target,
    }));
    return { items, messages };
  }, o);
}

/** Adds 2026-12-01's messages (Daniel's, covering two commitments) in front of the mounted model's. */
function addDecemberFirst(p: Page): Promise<void> {
  return p.evaluate(() => {
    const ft = (window as any).ft;
    const store = (window as any).__today;
    const m = ft.get(store);
    const built = ft.today.buildTodayModel(ft.demoIndex(), '2026-12-01', ft.today.resolveNudgeSettings({ thinAfterOnTime: 0 }));
    store.set({ ...m, items: [...built.items, ...m.items], messages: [...built.messages, ...m.messages] });
    ft.flushSync();
  });
}

const calls = (p: Page) => p.evaluate(() => (window as any).ft.calls as { name: string; args: any[] }[]);
const callsNamed = async (p: Page, name: string) => (await calls(p)).filter((c) => c.name === name);

/** The links the core builds for an edited draft, computed in the page. */
function linksFor(p: Page, item: Item, body: string): Promise<{ sms: string | null; mailto: string | null }> {
  return p.evaluate(({ contact, subject, body }) => (window as any).ft.today.nudgeLinks(contact, subject, body), {
    contact: item.contact,
    subject: item.subject,
    body,
  });
}

describe('Today panel', () => {
  it('renders the demo vault’s nudges: a message card with its draft and links, and coach flags with Review only', async () => {
    const p = await page();
    const items = await mountToday(p, { asOf: '2026-11-27' });
    expect(items.map((i) => `${i.client} ${i.kind} ${i.audience}`)).toEqual([
      'Maya Chen before-due client',
      'Sofia Alvarez overdue coach',
      'Sofia Alvarez overdue coach',
      'Sofia Alvarez overdue coach',
    ]);
    expect(await p.locator('.ft-today-count').innerText()).toBe('4');
    expect(await p.getByRole('heading', { name: 'Today 4 nudges', exact: true }).count()).toBe(1);
    expect(await p.locator('.ft-today-date').innerText()).toBe('Fri 27 Nov');

    const cards = p.locator('.ft-today-card:not(.ft-today-flag)');
    expect(await cards.count()).toBe(1);
    const maya = cards.first();
    expect(await maya.locator('.ft-today-client').innerText()).toBe('Maya Chen');
    expect(await maya.locator('.ft-today-step').innerText()).toBe('Day before');
    expect(await maya.locator('.ft-today-timing').innerText()).toBe('1 day late');
    expect(await maya.locator('.ft-today-text').innerText()).toBe('Have the conversation with Dana about the handover');
    expect(await maya.locator('.ft-today-meta').innerText()).toContain('due Fri 27 Nov');
    expect(await maya.locator('.ft-today-meta').innerText()).toContain('not logged: confirm, midpoint');
    // The message is the step's draft with the reply key (numbered as the client's recap numbers it).
    expect(await maya.locator('textarea').inputValue()).toBe(`${items[0].draft}\nReply like '1 done' or '1 stuck: what got in the way'.`);
    // The draft is in the learning frame: it asks what is going on, it does not judge.
    expect(items[0].draft).toMatch(/How is it going\?/);
    const replyKey = encodeURIComponent("\r\nReply like '1 done' or '1 stuck: what got in the way'.");
    expect(await maya.locator('a[data-channel="sms"]').getAttribute('href')).toBe(`${items[0].links.sms}${replyKey}`);
    expect(await maya.locator('a[data-channel="email"]').getAttribute('href')).toBe(`${items[0].links.mailto}${replyKey}`);
    expect(await maya.locator('a[data-channel="sms"]').getAttribute('aria-label')).toBe('Text Maya the draft (opens your messages app)');
    expect(await maya.locator('textarea').getAttribute('id')).toBeTruthy();
    const label = await maya.locator('label').innerText();
    expect(label).toContain('Draft message to Maya Chen');

    const flags = p.locator('.ft-today-flag');
    expect(await flags.count()).toBe(3);
    expect(await flags.locator('.ft-today-step').first().innerText()).toBe('For you');
    expect(await flags.locator('.ft-today-send, .ft-today-mark, textarea').count()).toBe(0);
    expect(await flags.first().locator('.ft-today-text').innerText()).toBe(
      '"Draft the scorecard" passed its due date (Saturday 14 November): follow up with Sofia',
    );
    expect(await flags.first().locator('.ft-today-timing').innerText()).toBe('12 days late');
    await flags.first().locator('.ft-today-review').click();
    expect((await callsNamed(p, 'openEvidence'))[0].args[0]).toEqual({
      kind: 'commitment',
      path: items[1].target.path,
      line: items[1].target.line,
      text: 'Draft the scorecard',
      date: '2026-11-14',
    });
    await maya.locator('button.ft-today-client').click();
    expect(await callsNamed(p, 'openClient')).toEqual([{ name: 'openClient', args: ['Maya Chen'] }]);
    expect((await p.locator('.ft-today-group').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['To send 1', 'Follow up yourself 3']);
  });

  it('rebuilds the Text and Email links from the edited draft, and can reset it', async () => {
    const p = await page();
    const [maya] = await mountToday(p, { asOf: '2026-11-27' });
    const card = p.locator('.ft-today-card').first();
    const edited = 'Hi Maya, how did the Dana conversation go?\nWhat did you notice about it?';
    await card.locator('textarea').fill(edited);
    const expected = await linksFor(p, maya, edited);
    expect(expected.sms).toContain('%0D%0AWhat%20did%20you%20notice');
    expect(await card.locator('a[data-channel="sms"]').getAttribute('href')).toBe(expected.sms);
    expect(await card.locator('a[data-channel="email"]').getAttribute('href')).toBe(expected.mailto);
    expect(expected.sms).not.toBe(maya.links.sms);

    await card.locator('.ft-today-reset').click();
    expect(await card.locator('textarea').inputValue()).toBe(`${maya.draft}\nReply like '1 done' or '1 stuck: what got in the way'.`);
    expect(await card.locator('a[data-channel="sms"]').getAttribute('href')).toBe(`${maya.links.sms}${encodeURIComponent('\r\nReply like \'1 done\' or \'1 stuck: what got in the way\'.')}`);
    expect(await card.locator('.ft-today-reset').count()).toBe(0);
  });

  it('Mark sent hands over the edited draft and the channel used, then folds the card to “Logged”', async () => {
    const p = await page();
    const items = await mountToday(p, { asOf: '2026-11-27' });
    const card = p.locator('.ft-today-card').first();
    const edited = 'Hi Maya, how is the handover conversation going? What have you noticed?';
    await card.locator('textarea').fill(edited);
    await card.locator('a[data-channel="sms"]').click();
    expect(await card.locator('a[data-channel="sms"]').getAttribute('data-used')).toBe('true');
    expect(await card.locator('.ft-today-mark').getAttribute('class')).toContain('mod-cta');
    await card.locator('.ft-today-mark').click();

    await expect.poll(() => card.locator('.ft-today-logged').count()).toBe(1);
    const sent = await callsNamed(p, 'markSent');
    expect(sent).toHaveLength(1);
    expect(sent[0].args[0]).toMatchObject({ client: 'Maya Chen', items: [{ key: items[0].key, client: 'Maya Chen', step: { kind: 'before-due' } }] });
    expect(sent[0].args.slice(1)).toEqual([edited, 'sms']);
    expect(await card.locator('.ft-today-logged').innerText()).toMatch(/Logged\s+Maya Chen · “Have the conversation with Dana about the handover” · by text/);
    expect(await card.locator('textarea, .ft-today-mark').count()).toBe(0);
    expect(await card.getAttribute('data-sent')).toBe('true');
    // Focus stays on the folded card, not lost to the page.
    expect(await p.evaluate(() => document.activeElement?.classList.contains('ft-today-logged'))).toBe(true);
    expect(await p.locator('.ft-today-count').first().innerText()).toBe('3');
    expect(await p.locator('[role="status"]').innerText()).toBe('Logged: markSent done');

    // The live model drops the item once the index reads the note: it moves to the Logged list.
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const store = (window as any).__today;
      const m = ft.get(store);
      store.set({ ...m, items: m.items.slice(1), messages: m.messages.slice(1) });
      ft.flushSync();
    });
    expect(await p.locator('.ft-today-list .ft-today-card:not(.ft-today-flag)').count()).toBe(0);
    expect(await p.locator('.ft-today-settled li').allInnerTexts()).toEqual([
      expect.stringMatching(/Logged\s+Maya Chen · “Have the conversation with Dana about the handover” · by text/),
    ]);
  });

  it('Mark sent without a send link used logs the client’s first channel; it works from the keyboard', async () => {
    const p = await page();
    const { items, messages } = await mountTodayModel(p, { asOf: '2026-12-01' });
    expect(items.slice(0, 2).map((i) => `${i.client} ${i.links.sms === null} ${i.links.mailto !== null}`)).toEqual([
      'Daniel Okafor true true',
      'Daniel Okafor true true',
    ]);
    const card = p.locator('.ft-today-card').first();
    // Daniel has an email address only: no Text link.
    expect(await card.locator('a[data-channel="sms"]').count()).toBe(0);
    expect(await card.locator('a[data-channel="email"]').count()).toBe(1);
    await card.locator('textarea').focus();
    await p.keyboard.press('Tab'); // Email
    expect(await p.evaluate(() => (document.activeElement as HTMLElement).dataset.channel)).toBe('email');
    await p.keyboard.press('Tab'); // Copy
    await p.keyboard.press('Tab'); // Mark sent
    expect(await p.evaluate(() => document.activeElement?.classList.contains('ft-today-mark'))).toBe(true);
    await p.keyboard.press('Enter');
    await expect.poll(() => callsNamed(p, 'markSent').then((c) => c.length)).toBe(1);
    const [call] = await callsNamed(p, 'markSent');
    expect(call.args.slice(1)).toEqual([messages[0].draft, 'email']);
  });

  it('copies the edited draft and says so', async () => {
    const p = await page();
    await mountToday(p, { asOf: '2026-11-27' });
    const card = p.locator('.ft-today-card').first();
    await card.locator('textarea').fill('Hi Maya, what is in the way right now?');
    await card.locator('.ft-today-copy').click();
    await expect.poll(() => card.locator('.ft-today-copy').innerText()).toBe('Copied');
    expect(await callsNamed(p, 'copy')).toEqual([{ name: 'copy', args: ['Hi Maya, what is in the way right now?'] }]);
    expect(await card.locator('.ft-today-copy').getAttribute('data-used')).toBe('true');
    await card.locator('.ft-today-mark').click();
    await expect.poll(() => callsNamed(p, 'markSent').then((c) => c.length)).toBe(1);
    expect((await callsNamed(p, 'markSent'))[0].args[2]).toBe('copy');
  });

  it('shows why a Mark sent failed and keeps the card and the draft', async () => {
    const p = await page();
    await mountToday(p, { asOf: '2026-11-27', markSentResult: { ok: false, reason: 'The line has changed since it was read; nothing was changed.' } });
    const card = p.locator('.ft-today-card').first();
    await card.locator('textarea').fill('Hi Maya, how is it going?');
    await card.locator('.ft-today-mark').click();
    await expect.poll(() => card.locator('.ft-today-error').count()).toBe(1);
    expect(await card.locator('.ft-today-error').innerText()).toBe('Not logged: The line has changed since it was read; nothing was changed.');
    expect(await card.locator('textarea').inputValue()).toBe('Hi Maya, how is it going?');
    expect(await card.locator('.ft-today-mark').isEnabled()).toBe(true);
  });

  it('says when nothing is due, and when nudges are off', async () => {
    const p = await page();
    await mountToday(p, { empty: true });
    expect(await p.locator('.ft-today-empty').innerText()).toBe('No nudges due today.');
    expect(await p.locator('.ft-today-count').innerText()).toBe('0');
    const q = await page();
    await mountToday(q, { enabled: false });
    expect(await q.locator('.ft-today-empty').innerText()).toMatch(/^No nudges due today\.\n+Nudges are turned off in the settings\.$/);
  });

  it('says it is working out the nudges rather than that none are due, until they come', async () => {
    const p = await page();
    await mountToday(p, { empty: true });
    await patchStore(p, '__today', { preparing: { done: 40, total: 300 } });
    expect(await p.locator('.ft-today-preparing').innerText()).toBe('Working out nudges… 40 of 300');
    expect(await p.locator('.ft-today-empty').count()).toBe(0);
    expect(await axeViolations(p, '.ft-today')).toEqual([]);
    await patchStore(p, '__today', { preparing: null });
    expect(await p.locator('.ft-today-preparing').count()).toBe(0);
    expect(await p.locator('.ft-today-empty').innerText()).toBe('No nudges due today.');
  });

  it('collapses as the roster’s section, keyboard operable, reporting the state', async () => {
    const p = await page();
    await mountToday(p, { asOf: '2026-11-27', collapsible: true, open: false, width: 320 });
    const toggle = p.getByRole('button', { name: '4 nudges today', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await p.locator('.ft-today-body').isVisible()).toBe(false);
    await toggle.focus();
    await p.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await p.locator('.ft-today-body').isVisible()).toBe(true);
    await toggle.click();
    expect(await p.locator('.ft-today-body').isVisible()).toBe(false);
    expect(await callsNamed(p, 'toggle')).toEqual([
      { name: 'toggle', args: [true] },
      { name: 'toggle', args: [false] },
    ]);
    // Nothing overflows a 320px sidebar (measured without the chevron's turn in flight).
    await p.emulateMedia({ reducedMotion: 'reduce' });
    await toggle.click();
    const overflow = await p.evaluate(() =>
      [...document.querySelectorAll('.ft-today *')].filter((el) => {
        const r = el.getBoundingClientRect();
        const box = document.querySelector('.ft-today')!.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
      }).map((el) => `${el.tagName}.${el.getAttribute('class')}`),
    );
    expect(overflow).toEqual([]);
  });

  it('drafts one message per client per day: Daniel’s two nudges in one card, and Mark sent covers both', async () => {
    const p = await page();
    const { items, messages } = await mountTodayModel(p, { asOf: '2026-12-01' });
    const daniel = items.filter((i) => i.client === 'Daniel Okafor');
    expect(daniel).toHaveLength(2);
    expect(messages.map((m) => `${m.client}: ${m.items.length}`)).toEqual(['Daniel Okafor: 2']);
    const cards = p.locator('.ft-today-card:not(.ft-today-flag)');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.getAttribute('data-covers')).toBe('2');
    expect(await card.locator('.ft-today-step').innerText()).toBe('2 commitments');
    expect(await card.locator('.ft-today-covers .ft-today-text').allInnerTexts()).toEqual(daniel.map((i) => i.text));
    expect(await card.locator('.ft-today-covers .ft-today-meta').first().innerText()).toMatch(/^Midpoint · due /);
    const draft = await card.locator('textarea').inputValue();
    expect(draft).toBe(messages[0].draft);
    expect(draft.split('\n')).toEqual([
      'Hi Daniel, a quick check-in on what we noted:',
      `1. "Push back on one mid-sprint request with 'yes, and here's what moves'", by ${draft.split('\n')[1].split(', by ')[1]}`,
      `2. "Write a first draft of the team's Q1 goals before our next session", by ${draft.split('\n')[2].split(', by ')[1]}`,
      'How are these going, and what are you noticing?',
      "Reply like '1 done, 2 stuck: meetings ate Monday'.",
    ]);
    expect(await p.locator('.ft-today-count').innerText()).toBe('4');
    await card.locator('.ft-today-mark').click();
    await expect.poll(() => card.locator('.ft-today-logged').count()).toBe(1);
    const [call] = await callsNamed(p, 'markSent');
    expect(call.args[0].items.map((i: any) => i.key)).toEqual(daniel.map((i) => i.key));
    expect(call.args.slice(1)).toEqual([draft, 'email']);
    expect(await card.locator('.ft-today-logged').innerText()).toMatch(/Logged\s+Daniel Okafor · 2 commitments · by email/);
    expect(await p.locator('.ft-today-count').innerText()).toBe('3');
  });

  it('as the roster’s section: a one-line strip, collapsed unless the host remembers it open', async () => {
    const p = await page();
    await mountToday(p, { asOf: '2026-12-01', collapsible: true, width: 320 });
    const strip = p.locator('.ft-today-toggle');
    expect(await strip.innerText()).toBe('4 nudges today');
    expect(await strip.getAttribute('aria-expanded')).toBe('false');
    expect(await p.locator('.ft-today-body').isVisible()).toBe(false);
    // One line: no taller than a touch target and a little padding.
    expect(await p.locator('.ft-today').evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(48);
    await strip.click();
    expect(await callsNamed(p, 'toggle')).toEqual([{ name: 'toggle', args: [true] }]);
    const q = await page();
    await mountToday(q, { asOf: '2026-12-01', collapsible: true, open: true, width: 320 });
    expect(await q.locator('.ft-today-toggle').getAttribute('aria-expanded')).toBe('true');
    const r = await page();
    await mountToday(r, { asOf: '2026-12-01', collapsible: true, empty: true, width: 320 });
    expect(await r.locator('.ft-today-toggle').innerText()).toBe('No nudges today');
  });

  it('axe finds no serious or critical violation: light and dark, desktop and phone, the strip and the panel', async () => {
    for (const size of [DESKTOP, PHONE]) {
      for (const dark of [false, true]) {
        const where = `${size.width} ${dark ? 'dark' : 'light'}`;
        const p = await page({ ...size, dark });
        await mountToday(p, { asOf: '2026-11-27' });
        await addDecemberFirst(p);
        await p.locator('.ft-today-card').nth(1).locator('a[data-channel="sms"]').click();
        expect(await axeViolations(p, '.ft-today'), where).toEqual([]);
        await p.locator('.ft-today-card').nth(1).locator('.ft-today-mark').click();
        await expect.poll(() => p.locator('.ft-today-logged').count()).toBe(1);
        expect(await axeViolations(p, '.ft-today'), `${where}, logged`).toEqual([]);
        const q = await page({ ...size, dark });
        await mountToday(q, { asOf: '2026-12-01', collapsible: true });
        expect(await axeViolations(q, '.ft-today'), `${where}, strip`).toEqual([]);
      }
    }
  }, 120_000);

  it('screenshots: desktop and phone, light and dark', async () => {
    for (const [name, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      for (const dark of [false, true]) {
        const d = await page({ ...size, dark });
        await mountToday(d, { asOf: '2026-11-27' });
        // Daniel's message covering two commitments, Maya's as sent, and Sofia's flags.
        await addDecemberFirst(d);
        await d.locator('.ft-today-card').nth(1).locator('.ft-today-mark').click();
        await expect.poll(() => d.locator('.ft-today-logged').count()).toBe(1);
        expect(await d.evaluate(() => document.querySelector('.ft-today')!.scrollWidth)).toBeLessThanOrEqual(size.width);
        await screenshot(d, `today-${name}-${dark ? 'dark' : 'light'}`);
      }
    }
  }, 60_000);
});
