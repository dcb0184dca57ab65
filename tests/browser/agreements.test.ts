/**
 * The agreement panel in real Chromium: Jordan Ellis's agreement with Alex Moreau from the demo
 * vault, built in the page by the real core (`buildAgreementModel`, as of 2026-12-01), mounted
 * with recording actions; its findings as questions with their lines, its recent check-ins and
 * signal, the partner commitments, the empty state, axe-core with no serious or critical violation and
 * 24 px targets, and screenshots at desktop and phone widths in light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { DESKTOP, PHONE, screenshot, usePages } from './browser';

const AS_OF = '2026-12-01';
const PATH = 'Agreements/Alex and Jordan.md';

const page = usePages();

/** Builds the model in the page as the adapter does and mounts it, in a box as wide as the client view's column. */
function mountAgreements(p: Page, client: string, asOf = AS_OF, width?: number): Promise<void> {
  return p.evaluate(
    ({ client, asOf, width }) => {
      const ft = (window as any).ft;
      const model = ft.today.buildAgreementModel(ft.demoIndex(), ft.demoAgreements(), client, asOf);
      const store = ft.writable(model);
      (window as any).__agreements = store;
      let target: HTMLElement | undefined;
      if (width) {
        target = document.createElement('div');
        target.style.maxWidth = `${width}px`;
        document.getElementById('root')!.appendChild(target);
      }
      ft.mount('AgreementPanel', { model: store, actions: { openEvidence: ft.recorder('openEvidence') } }, target);
    },
    { client, asOf, width },
  );
}

const calls = (p: Page) => p.evaluate(() => (window as any).ft.calls as { name: string; args: any[] }[]);
const opened = async (p: Page) => (await calls(p)).filter((c) => c.name === 'openEvidence').map((c) => c.args[0]);
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
/** The buttons in the panel less than 24 px tall or wide, by class and size. */
const smallTargets = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ft-agreements button')]
      .map((b) => ({ b, r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 24 || r.width < 24)
      .map(({ b, r }) => `${b.className} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );

describe('agreement panel', () => {
  it('shows Jordan’s agreement: partner, rhythm, recalibration and the last four check-ins', async () => {
    const p = await page();
    await mountAgreements(p, 'Jordan Ellis');
    expect(text(await p.locator('.ft-agreements-title').textContent())).toBe('Accountability partners 1');
    const a = p.locator('.ft-agreement');
    expect(await a.count()).toBe(1);
    expect(await a.getAttribute('data-path')).toBe(PATH);
    expect(await a.locator('.ft-agreement-open').innerText()).toBe('Accountability agreement: Alex and Jordan');
    expect(await a.locator('.ft-agreement-with').innerText()).toBe('with Alex Moreau');
    const facts = text(await a.locator('.ft-agreement-facts').textContent());
    for (const t of ['Check-ins weekly', 'Since Tue 20 Oct', 'Recalibrate Fri 15 Jan (in 45 days)', 'Coach Priya Nair']) expect(facts).toContain(t);

    const periods = a.locator('.ft-agreement-period');
    expect(await periods.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.status} ${e.textContent!.replace(/\s+/g, ' ').trim()}`))).toEqual([
      'held ✓ Tue 3 Nov',
      'held ✓ Tue 10 Nov',
      'missed ✕ Tue 17 Nov',
      'unlogged – Tue 24 Nov',
    ]);
    expect(await periods.nth(2).getAttribute('aria-label')).toBe('Tue 17 Nov to Mon 23 Nov: missed (Alex at a conference all week). Open the check-in log');
    await periods.nth(2).click();
    await periods.nth(3).click();
    expect(await opened(p)).toEqual([
      { kind: 'agreement', path: PATH, line: 50, text: 'missed check-in', date: '2026-11-17' },
      { kind: 'agreement', path: PATH, line: 45, text: 'no check-in logged from 2026-11-24', date: '2026-11-24' },
    ]);

    // The missed check-ins signal, with its evidence lines.
    const signal = a.locator('.ft-agreement-signal');
    expect(await signal.count()).toBe(1);
    expect(await signal.getAttribute('data-signal')).toBe('partner-check-ins-missed');
    expect(await signal.locator('.ft-agreement-signal-name').innerText()).toBe('Missed partner check-ins');
    expect(await signal.locator('.ft-agreement-signal-message').innerText()).toBe(
      '2 of the last 4 weekly check-ins with Alex Moreau were missed or not logged.',
    );
    expect((await signal.locator('.ft-agreement-link').allTextContents()).map(text)).toEqual([
      'missed check-in: Alex at a conference all week line 50',
      'no check-in logged from 2026-11-24 to 2026-11-30 line 45',
    ]);

    await a.locator('.ft-agreement-recalibrate').click();
    await a.locator('.ft-agreement-open').click();
    expect((await opened(p)).slice(2)).toEqual([
      { kind: 'agreement', path: PATH, line: 8, text: 'recalibration date 2027-01-15', date: '2027-01-15' },
      { kind: 'agreement', path: PATH, line: 10, text: 'Accountability agreement: Alex and Jordan', date: '2026-10-20' },
    ]);
  });

  it('asks about the vague goal and the unactionable support style, each linking to its line', async () => {
    const p = await page();
    await mountAgreements(p, 'Jordan Ellis');
    const findings = p.locator('.ft-finding');
    expect(await findings.count()).toBe(2);
    expect(text(await p.locator('.ft-agreement-questions .ft-agreement-subtitle').textContent())).toBe('Questions for the conversation 2');

    const vague = findings.nth(0);
    expect(await vague.getAttribute('data-kind')).toBe('vague-goal');
    expect(await vague.locator('.ft-finding-kind').innerText()).toBe('Vague goal');
    expect(await vague.locator('.ft-finding-partner').innerText()).toBe('Alex Moreau');
    expect(await vague.locator('.ft-finding-quote').innerText()).toBe('“Get better at marketing.”');
    expect(await vague.locator('.ft-finding-question').innerText()).toBe(
      'What would "Get better at marketing" look like in a single week: what could Alex do, or point to, by the next check-in?',
    );
    expect(await vague.locator('.ft-finding-line').innerText()).toBe('line 21');

    const support = findings.nth(1);
    expect(await support.getAttribute('data-kind')).toBe('support-not-actionable');
    expect(await support.locator('.ft-finding-quote').innerText()).toBe('“Direct but kind.”');
    expect(await support.locator('.ft-finding-question').innerText()).toMatch(/^What does "Direct but kind" look like in practice\?/);
    expect(await support.locator('.ft-finding-line').innerText()).toBe('line 29');
    expect(await support.locator('.ft-finding-line').getAttribute('aria-label')).toBe('Open Alex and Jordan at line 29');

    // Keyboard: focus the line link and press Enter.
    await vague.locator('.ft-finding-line').focus();
    await p.keyboard.press('Enter');
    await support.locator('.ft-finding-line').click();
    expect(await opened(p)).toEqual([
      { kind: 'agreement', path: PATH, line: 21, text: 'Get better at marketing.', date: AS_OF },
      { kind: 'agreement', path: PATH, line: 29, text: 'Direct but kind.', date: AS_OF },
    ]);
  });

  it('lists the partner commitments with their partner, status and due date, opening the session line', async () => {
    const p = await page();
    await mountAgreements(p, 'Jordan Ellis');
    const items = p.locator('.ft-partner-commitment');
    expect(text(await p.locator('.ft-partner-commitments .ft-agreement-subtitle').textContent())).toBe('Partner commitments 2');
    expect(await items.locator('.ft-partner-text').allInnerTexts()).toEqual([
      'Send Jordan the Friday check-in prompt',
      "Review Jordan's rate card and mark anything that sounds apologetic",
    ]);
    expect(await items.locator('.ft-partner-status').allInnerTexts()).toEqual(['open', 'done']);
    expect(text(await items.nth(0).locator('.ft-partner-meta').textContent())).toMatch(/^Alex Moreau · due Tue 8 Dec \(in 7 days\) · from Thu 26 Nov$/);
    expect(text(await items.nth(1).locator('.ft-partner-meta').textContent())).toMatch(/^Alex Moreau · due Tue 24 Nov · from Thu 12 Nov$/);
    expect(await items.nth(0).getAttribute('data-live')).toBe('true');
    expect(await items.nth(1).getAttribute('data-live')).toBeNull();
    await items.nth(0).locator('.ft-partner-source').click();
    const [e] = await opened(p);
    expect(e).toMatchObject({ kind: 'commitment', path: 'Sessions/2026-11-26 Jordan Ellis.md', text: 'Send Jordan the Friday check-in prompt', date: '2026-12-08' });
    expect(e.line).toBeGreaterThan(5);
  });

  it('flags the overdue partner commitment and the recalibration once they are due', async () => {
    const p = await page();
    await mountAgreements(p, 'Jordan Ellis', '2027-01-05');
    const names = await p.locator('.ft-agreement-signal').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.signal));
    expect(names).toContain('recalibration-due');
    expect(names).toContain('partner-commitment-overdue');
    expect(await p.locator('.ft-agreement-fact[data-due]').count()).toBe(1);
    const first = p.locator('.ft-partner-commitment').first();
    expect(await first.getAttribute('data-overdue')).toBe('true');
    expect(await first.locator('.ft-partner-status').innerText()).toBe('overdue');
  });

  it('says so for a client with no agreement', async () => {
    const p = await page();
    await mountAgreements(p, 'Marcus Bell');
    expect(await p.locator('.ft-agreement, .ft-partner-commitment').count()).toBe(0);
    expect(await p.locator('.ft-agreements-empty').innerText()).toBe(
      'Marcus Bell is not in an accountability agreement, and no partner has taken on a commitment in their sessions.',
    );
  });

  it('fits a phone without overflowing', async () => {
    const p = await page({ ...PHONE });
    await mountAgreements(p, 'Jordan Ellis');
    const width = await p.evaluate(() => document.querySelector('.ft-agreements')!.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    // Every button is a 24 px target for a thumb: the links in the facts, signals, findings and partner list too.
    expect(await p.locator('.ft-agreements button').count()).toBeGreaterThan(10);
    expect(await smallTargets(p)).toEqual([]);
    // Section titles in sentence case, as Obsidian's own (no shouting capitals), and no faint labels.
    for (const sel of ['.ft-agreements-title', '.ft-agreement-subtitle', '.ft-agreement-fact dt']) {
      expect(await p.locator(sel).first().evaluate((e) => getComputedStyle(e).textTransform), sel).toBe('none');
    }
  });

  it('has no serious or critical axe violation at desktop and phone widths, light and dark (and screenshots them)', async () => {
    for (const [name, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      for (const dark of [false, true]) {
        const p = await page({ ...size, dark });
        await mountAgreements(p, 'Jordan Ellis', AS_OF, name === 'desktop' ? 720 : undefined);
        const where = `${name} ${dark ? 'dark' : 'light'}`;
        expect(await p.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(size.width);
        expect(await axeViolations(p, '.ft-agreements'), where).toEqual([]);
        await screenshot(p, `agreements-${name}-${dark ? 'dark' : 'light'}`);
      }
    }
  }, 60_000);

  it('has no serious or critical axe violation once the recalibration and a partner commitment are due, nor in the empty state', async () => {
    for (const dark of [false, true]) {
      for (const [client, asOf] of [
        ['Jordan Ellis', '2027-01-05'],
        ['Marcus Bell', AS_OF],
      ] as const) {
        const p = await page({ ...PHONE, dark });
        await mountAgreements(p, client, asOf);
        expect(await axeViolations(p, '.ft-agreements'), `${client} ${asOf} ${dark ? 'dark' : 'light'}`).toEqual([]);
      }
    }
  }, 60_000);
});
