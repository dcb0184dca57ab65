/**
 * The client's side of the loop in real Chromium, over the demo vault in memory behind the real
 * applier (tests/browser/components/client-loop.ts): the recap with its numbers, send links and
 * Mark sent (a confirm `nudged` check-in under each commitment); copy-only for a client with no
 * contact; the reply pasted, read live, refused while it has a problem and written on Write; the
 * calendar file saved (and refused over a file that is not ours); the four buttons for the client
 * view; axe-core with no serious or critical violations; screenshots.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { PHONE, screenshot, usePages, type PageOptions } from './browser';

const openTestPage = usePages();

async function page(options: PageOptions = {}): Promise<Page> {
  const p = await openTestPage(options);
  await p.evaluate(() =>
    document.addEventListener('click', (e) => {
      if ((e.target as Element).closest?.('a.ft-today-send')) e.preventDefault();
    }, true),
  );
  await p.evaluate(() => (window as any).ftLoop.start());
  return p;
}

const MAYA_NEW = 'Sessions/2026-11-24 Maya Chen.md';
const MAYA_OLD = 'Sessions/2026-11-17 Maya Chen.md';
const text = (p: Page, path: string) => p.evaluate((path) => (window as any).ftLoop.text(path) as string, path);

describe('Recap for client', () => {
  it("Maya's recap: numbers, her words, Text and Email links, Copy, and Mark sent logs a confirm nudge under each", async () => {
    const p = await page();
    await p.evaluate(() => (window as any).ftLoop.mountRecap('Maya Chen'));
    const panel = p.locator('.ft-loop[data-kind="recap"]');
    await expect.poll(() => panel.locator('h3').textContent()).toBe('Recap for Maya Chen');
    expect(await panel.locator('.ft-loop-numbers li').allTextContents()).toEqual([
      '1Have the conversation with Dana about the handoverdue Fri 27 Nov',
      "2Reply to the two investors' follow-up questionsdue Sun 22 Nov",
      '3Book 5 investor coffees for Novemberdue Sun 25 Oct',
    ]);
    const body = await panel.locator('textarea').inputValue();
    expect(body).toMatch(/^Hi Maya, here is what you're working on, in your words:\n\n1\. Have the conversation with Dana/);
    expect(body).toMatch(/Reply like '1 done, 2 stuck: meetings ate Monday'\.$/);
    expect(await panel.locator('a[data-channel="sms"]').getAttribute('href')).toMatch(/^sms:\+15555550142\?&body=Hi%20Maya/);
    expect(await panel.locator('a[data-channel="email"]').getAttribute('href')).toMatch(/^mailto:maya@crumbhq\.com\?subject=/);
    // an edit follows into the links
    await panel.locator('textarea').fill('Hi Maya, short version');
    expect(await panel.locator('a[data-channel="sms"]').getAttribute('href')).toBe('sms:+15555550142?&body=Hi%20Maya%2C%20short%20version');
    await panel.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => p.evaluate(() => (window as any).ftLoop.copied())).toEqual(['Hi Maya, short version']);
    expect(await panel.locator('.ft-today-copy').innerText()).toBe('Copied');
    expect(await panel.locator('[role="status"]').last().textContent()).toBe('The recap for Maya Chen is copied.');
    // A clipboard that refuses: the button and the live region say so, nothing is copied.
    await p.evaluate(() => (window as any).ftLoop.refuseCopies(true));
    await panel.locator('.ft-today-copy').click();
    await expect.poll(() => panel.locator('.ft-today-copy').innerText()).toBe('Copy failed');
    expect(await panel.locator('[role="status"]').last().textContent()).toBe('Could not copy.');
    expect(await p.evaluate(() => (window as any).ftLoop.copied())).toEqual(['Hi Maya, short version']);
    await p.evaluate(() => (window as any).ftLoop.refuseCopies(false));
    expect(await axeViolations(p, '.ft-loop')).toEqual([]);
    await panel.locator('a[data-channel="sms"]').click();
    await panel.getByRole('button', { name: 'Mark sent' }).click();
    await expect.poll(() => panel.locator('.ft-loop-result').textContent()).toBe('Recap to Maya Chen logged under 3 commitments.');
    expect(await text(p, MAYA_NEW)).toContain('nothing booked yet\n    - 2026-12-01 nudged: confirm nudge (sms)\n');
    expect(await text(p, MAYA_OLD)).toContain('still drafting for Kinfolk\n    - 2026-12-01 nudged: confirm nudge (sms)\n');
    expect(await panel.getByRole('button', { name: 'Logged' }).isDisabled()).toBe(true);
    expect(await axeViolations(p, '.ft-loop')).toEqual([]);
    await screenshot(p, 'client-loop-recap');
  });

  it('a client with no contact gets copy only, and is told so', async () => {
    const p = await page(PHONE);
    await p.evaluate(() => (window as any).ftLoop.mountRecap('Ravi Shah'));
    const panel = p.locator('.ft-loop');
    await expect.poll(() => panel.locator('.ft-loop-no-contact').textContent()).toBe('Ravi Shah has no phone number or email address in their client note, so copy the text and send it yourself.');
    expect(await panel.locator('a.ft-today-send').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Copy' }).count()).toBe(1);
    expect(await panel.locator('textarea').inputValue()).toContain('Our coaching has come to an end, so there are no reminders from me.');
    expect(await axeViolations(p, '.ft-loop')).toEqual([]);
    await screenshot(p, 'client-loop-recap-no-contact-phone');
  });

  it('progress so far: the text and Copy, no Mark sent', async () => {
    const p = await page();
    await p.evaluate(() => (window as any).ftLoop.mountProgress('Maya Chen'));
    const panel = p.locator('.ft-loop[data-kind="progress"]');
    expect(await panel.locator('textarea').inputValue()).toMatch(/^Progress so far, Maya: since our first session/);
    expect(await panel.getByRole('button', { name: 'Mark sent' }).count()).toBe(0);
    expect(await axeViolations(p, '.ft-loop')).toEqual([]);
  });
});

describe("Log a client's reply", () => {
  it('reads the reply as it is typed, refuses a problem, and writes the check-ins on Write', async () => {
    const p = await page();
    await p.evaluate(() => (window as any).ftLoop.mountReply('Maya Chen'));
    const panel = p.locator('.ft-loop[data-kind="reply"]');
    const write = panel.locator('button.ft-loop-write');
    expect(await write.isDisabled()).toBe(true);
    const box = panel.getByLabel('The reply, as Maya wrote it');
    await box.fill('1 done, 1 stuck');
    await expect.poll(() => panel.locator('.ft-loop-problems').textContent()).toContain('is named twice');
    expect(await write.isDisabled()).toBe(true);
    await box.fill('1 done, 7 stuck');
    await expect.poll(() => panel.locator('.ft-loop-problems').textContent()).toContain('There is no 7');
    expect(await axeViolations(p, '.ft-loop')).toEqual([]);
    await box.fill('1 ✅, 2 stuk: meetings ate Monday. Thanks!');
    await expect.poll(async () => (await panel.locator('.ft-loop-preview li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '1Have the conversation with Dana about the handover done',
      "2Reply to the two investors' follow-up questions stuck “meetings ate Monday”",
    ]);
    expect(await panel.locator('.ft-loop-problems').count()).toBe(0);
    expect(await write.textContent()).toBe('Write 2 check-ins');
    expect(await axeViolations(p, '.ft-loop')).toEqual([]);
    await screenshot(p, 'client-loop-reply');
    await write.click();
    await expect.poll(() => panel.locator('.ft-loop-result').textContent()).toBe("Logged 2 check-ins from Maya Chen's reply.");
    expect(await text(p, MAYA_NEW)).toMatch(/\[completion:: 2026-12-01\] \^dana4[\s\S]*nothing booked yet\n    - 2026-12-01 done\n/);
    expect(await text(p, MAYA_OLD)).toContain("- [?] Reply to the two investors' follow-up questions ^mc6f3\n    - 2026-11-23 partial: answered Ostrom, still drafting for Kinfolk\n    - 2026-12-01 stuck: meetings ate Monday\n");
    expect(await box.inputValue()).toBe('');
  });

  it('shows what it cannot place, and writes nothing for it', async () => {
    const p = await page(PHONE);
    await p.evaluate(() => (window as any).ftLoop.mountReply('Maya Chen'));
    const panel = p.locator('.ft-loop');
    await panel.getByLabel('The reply, as Maya wrote it').fill('the kids were sick all week');
    await expect.poll(() => panel.locator('.ft-loop-unplaced li').allTextContents()).toEqual(['“the kids were sick all week”it names no number and no status (done, partly, stuck or skipped)']);
    expect(await panel.locator('button.ft-loop-write').isDisabled()).toBe(true);
    expect(await axeViolations(p, '.ft-loop')).toEqual([]);
  });
});

describe('Calendar file for the client', () => {
  it("Marcus's file: the events, Save to vault, and a refusal over a file that is not ours", async () => {
    const p = await page();
    await p.evaluate(() => (window as any).ftLoop.mountCalendar('Marcus Bell'));
    const panel = p.locator('.ft-loop[data-kind="calendar"]');
    await expect.poll(() => panel.locator('h3').textContent()).toBe('Calendar file for Marcus Bell');
    expect(await panel.locator('p').first().textContent()).toContain('Your commitments from coaching with Priya Nair.');
    expect(await panel.locator('li[data-status="CANCELLED"]').count()).toBeGreaterThan(0);
    expect(await axeViolations(p, '.ft-loop')).toEqual([]);
    await screenshot(p, 'client-loop-calendar');
    await panel.getByRole('button', { name: 'Save to vault' }).click();
    await expect.poll(() => panel.locator('.ft-loop-result').textContent()).toMatch(/^Saved Marcus Bell's calendar \(\d+ events?\) to Client calendars\/Marcus Bell\.ics\./);
    const saved: string = await p.evaluate(() => (window as any).ftLoop.file('Client calendars/Marcus Bell.ics'));
    expect(saved).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(saved).toContain('@client.follow-through');

    await p.evaluate(async () => {
      const loop = (window as any).ftLoop;
      await loop.start();
      loop.putFile('Client calendars/Tom Whitaker.ics', 'my own notes, not a calendar');
      await loop.mountCalendar('Tom Whitaker');
    });
    const tom = p.locator('.ft-loop[data-kind="calendar"]');
    expect(await tom.locator('.ft-loop-no-reminders').textContent()).toBe('No reminders in this file.');
    await tom.getByRole('button', { name: 'Save to vault' }).click();
    await expect.poll(() => tom.locator('.ft-loop-result').textContent()).toBe(
      'Not saved: Client calendars/Tom Whitaker.ics exists and is not a calendar Follow Through wrote; nothing was written. Move it or delete it first.',
    );
    expect(await p.evaluate(() => (window as any).ftLoop.file('Client calendars/Tom Whitaker.ics'))).toBe('my own notes, not a calendar');
  });
});

describe('ClientLoopActions (for the client view)', () => {
  it('four buttons, each calling its action', async () => {
    const p = await page();
    await p.evaluate(() => (window as any).ftLoop.mountButtons('Maya Chen'));
    const group = p.getByRole('group', { name: 'Messages and files for Maya Chen' });
    for (const name of ['Recap', 'Log reply', 'Progress so far', 'Calendar file']) await group.getByRole('button', { name }).click();
    expect(await p.evaluate(() => (window as any).ftLoop.buttonCalls)).toEqual(['recap', 'reply', 'progress', 'calendar']);
    expect(await axeViolations(p, '.ft-loop-buttons')).toEqual([]);
  });
});

describe('the Today panel says why a nudge is or is not there', () => {
  it('2026-12-01 with thinning on: each card says why, and Daniel’s midpoints are listed as left out, with the reason', async () => {
    const p = await page();
    await p.evaluate(() => {
      const ft = (window as any).ft;
      const model = ft.writable(ft.today.buildTodayModel(ft.demoIndex(), '2026-12-01', ft.today.resolveNudgeSettings()));
      const noop = ft.recorder('today');
      ft.mount('TodayPanel', { model, actions: { markSent: noop, copy: noop, openEvidence: noop } });
    });
    const quiet = p.locator('.ft-today-quiet li');
    expect(await quiet.count()).toBe(2);
    expect(await quiet.first().locator('.ft-today-meta').textContent()).toBe("Daniel's last 3 commitments were done by their dates, so there is no midpoint nudge.");
    expect(await p.locator('.ft-today-card[data-client="Daniel Okafor"]').count()).toBe(0);
    const why = await p.locator('.ft-today-why').allTextContents();
    expect(why.length).toBeGreaterThan(0);
    expect(why.every((t) => t.trim().length > 0)).toBe(true);
    expect(await axeViolations(p, '.ft-today')).toEqual([]);
    await screenshot(p, 'client-loop-today-why');
  });
});
