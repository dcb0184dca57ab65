/**
 * End-to-end flows in Chromium: the real views over the app as the plugin wires it (app-harness.ts:
 * an in-memory copy of the demo vault, the index kept current on every write, the real applier,
 * commitment actions and live models), as of 2026-12-01. Each flow acts through clicks and keys
 * only and then reads the notes: the changed lines read exactly as the edit writes them, and every
 * other line of every note is byte-identical to before.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, openPage, pageErrors, screenshot } from './browser';

const TODAY = '2026-12-01';
const ID = '[a-z0-9]{4,}';

let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const p of pages.splice(0)) {
    expect(pageErrors(p)).toEqual([]);
    await p.close();
  }
});

interface StartOptions {
  reindexDelayMs?: number | 'sync';
  refreshDebounceMs?: number;
}

/** A page with the app started over a fresh copy of the demo vault; returns every note's text. */
async function start(options: StartOptions = {}): Promise<{ page: Page; before: Record<string, string> }> {
  const page = await openPage(browser, DESKTOP);
  pages.push(page);
  const before = await page.evaluate(async (o) => {
    const app = (window as any).ft.app;
    await app.start(o);
    return app.snapshot() as Record<string, string>;
  }, options);
  return { page, before };
}

/** Calls `ft.app[name](...args)` in the page. */
function app<T = any>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ name, args }) => {
      const a = (window as any).ft.app;
      const v = a[name];
      return typeof v === 'function' ? await v.apply(a, args) : v;
    },
    { name, args },
  );
}

const snapshot = (page: Page) => app<Record<string, string>>(page, 'snapshot');
/** Waits until the index has seen every write and the views' debounced refresh has run. */
async function settle(page: Page): Promise<void> {
  await app(page, 'settled');
  await page.waitForTimeout(40);
}

// ---- expected texts --------------------------------------------------------------------------------

/** `text` with 1-based line `n` replaced; throws unless it read `was`. */
function replaceLine(text: string, n: number, was: string, now: string): string {
  const lines = text.split('\n');
  if (lines[n - 1] !== was) throw new Error(`line ${n} reads ${JSON.stringify(lines[n - 1])}, not ${JSON.stringify(was)}`);
  lines[n - 1] = now;
  return lines.join('\n');
}

/** `text` with `added` inserted after 1-based line `n`. */
function insertAfter(text: string, n: number, added: string[]): string {
  const lines = text.split('\n');
  lines.splice(n, 0, ...added);
  return lines.join('\n');
}

function lineOf(text: string, n: number): string {
  return text.split('\n')[n - 1];
}

/** The one match of `re` (anchored to a whole line) in `text`, with its groups. */
function matchLine(text: string, re: RegExp): RegExpExecArray {
  const found = text.split('\n').map((l) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  expect(found, `one line matching ${re} in:\n${text}`).toHaveLength(1);
  return found[0];
}

/** Every note other than `changed` is byte-identical, and no note appeared or went other than `created`. */
function expectOthersUntouched(before: Record<string, string>, after: Record<string, string>, changed: string[], created: string[] = []): void {
  expect(Object.keys(after).sort()).toEqual([...Object.keys(before), ...created].sort());
  for (const path of Object.keys(before)) if (!changed.includes(path)) expect(after[path], path).toBe(before[path]);
}

/** A session note as recommit creates it from the built-in template, with its commitment lines. */
function newSessionNote(client: string, date: string, lines: string[]): string {
  return `---\ntype: session\nclient: "[[${client}]]"\ndate: ${date}\n---\n## Summary\n\n## Commitments\n${lines.map((l) => l + '\n').join('')}`;
}

// ---- views -------------------------------------------------------------------------------------------

const progress = async (page: Page) => (await page.locator('.ft-review-progress').textContent())?.trim();
const cardText = (page: Page) => page.locator('.ft-review-card .ft-review-text').textContent();
const reviewField = (page: Page, name: string) => page.locator(`.ft-review-form [data-field="${name}"]`);

const MARCUS_1019 = 'Sessions/2026-10-19 Marcus Bell.md';
const MARCUS_1028 = 'Sessions/2026-10-28 Marcus Bell.md';
const MARCUS_1102 = 'Sessions/2026-11-02 Marcus Bell.md';
const MARCUS_1116 = 'Sessions/2026-11-16 Marcus Bell.md';
/** Marcus's latest session (23 Nov, a no-show) booked the next for 2 Dec; there is no note for it yet. */
const MARCUS_NEXT = 'Sessions/2026-12-02 Marcus Bell.md';
const SOFIA_1030 = 'Sessions/2026-10-30 Sofia Alvarez.md';
const SOFIA_1113 = 'Sessions/2026-11-13 Sofia Alvarez.md';
const DANIEL_1124 = 'Sessions/2026-11-24 Daniel Okafor.md';

// Recommit-into-a-new-note, modify, the two refusals and the live roster were written around Marcus
// Bell's four-card review queue; under the carried-chain rule his chain is one card, and those
// flows are being rewritten on clients with several cards (issue 12).
describe('review queue → recommit', () => {
  it('is undone as one edit: both notes back byte for byte, the created note gone', async () => {
    const { page, before } = await start();
    await app(page, 'mountReview', 'Marcus Bell');
    // One carried chain, one card: the latest link (11-16, line 14), not its three earlier versions.
    expect(await progress(page)).toBe('1 of 1');
    expect(await cardText(page)).toBe('Send the portfolio to the other two designers for feedback');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress(page)).toBe('All 1 reviewed');
    await settle(page);
    expect((await snapshot(page))[MARCUS_NEXT]).toBeDefined();
    const undone = await app(page, 'undo');
    expect(undone.ok).toBe(true);
    await settle(page);
    expect(await snapshot(page)).toEqual(before);
  });
});

describe('review queue → let go', () => {
  it('closes an emoji line with ❌ and a dataview line with [cancelled::], the reason and lesson under each', async () => {
    const { page, before } = await start();
    await app(page, 'mountReview', 'Sofia Alvarez');
    expect(await progress(page)).toBe('1 of 4');

    // The emoji line, from the keyboard: 3, the reason, Tab, what was learned, Enter.
    expect(await cardText(page)).toBe('Draft the scorecard');
    await page.keyboard.press('3');
    await page.keyboard.type('the holiday rush took every morning');
    await page.keyboard.press('Tab');
    await page.keyboard.type('three numbers on a Friday is scorecard enough');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress(page)).toBe('2 of 4');

    // The dataview line (with a sub-checklist under it), by clicks.
    expect(await cardText(page)).toBe('Send the wholesale pricing sheet to the three new shops');
    await page.getByRole('button', { name: 'Let go' }).click();
    await reviewField(page, 'reason').fill('all three shops stocked up for the season');
    await reviewField(page, 'learned').fill('send the sheet with the first email');
    await page.getByRole('button', { name: 'Let it go' }).click();
    await expect.poll(() => progress(page)).toBe('3 of 4');
    await settle(page);

    const after = await snapshot(page);
    expect(after[SOFIA_1030]).toBe(
      insertAfter(
        replaceLine(before[SOFIA_1030], 11, '- [ ] Draft the scorecard 📅 2026-11-14 ^x9k2', `- [-] Draft the scorecard 📅 2026-11-14 ❌ ${TODAY} ^x9k2`),
        11,
        [`  - ${TODAY} let go: the holiday rush took every morning`, '  - learned: three numbers on a Friday is scorecard enough'],
      ),
    );
    expect(after[SOFIA_1113]).toBe(
      insertAfter(
        replaceLine(
          before[SOFIA_1113],
          15,
          '- [ ] Send the wholesale pricing sheet to the three new shops [due:: 2026-11-20] ^sa6f1',
          `- [-] Send the wholesale pricing sheet to the three new shops [due:: 2026-11-20] [cancelled:: ${TODAY}] ^sa6f1`,
        ),
        19,
        [`    - ${TODAY} let go: all three shops stocked up for the season`, '    - learned: send the sheet with the first email'],
      ),
    );
    expectOthersUntouched(before, after, [SOFIA_1030, SOFIA_1113]);

    const scorecard = (await app<any[]>(page, 'parse', SOFIA_1030)).find((c) => c.id === 'x9k2');
    expect(scorecard).toMatchObject({ status: 'let-go', letGoDate: TODAY, notes: [`${TODAY} let go: the holiday rush took every morning`] });
    expect(scorecard.learned.map((l: any) => l.text)).toEqual(['three numbers on a Friday is scorecard enough']);
    const sheet = (await app<any[]>(page, 'parse', SOFIA_1113)).find((c) => c.id === 'sa6f1');
    expect(sheet).toMatchObject({ status: 'let-go', letGoDate: TODAY });
    expect(sheet.notes).toContain(`${TODAY} let go: all three shops stocked up for the season`);
    expect(sheet.learned.map((l: any) => l.text)).toEqual(['send the sheet with the first email']);
    await screenshot(page, 'flow-let-go');
  });
});

describe('capture', () => {
  /** Presses Tab until the focus is on item `i`'s `field`. */
  async function tabTo(page: Page, i: number, field: string): Promise<void> {
    for (let n = 0; n < 40; n++) {
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return `${(el?.closest('.ft-capture-item') as HTMLElement | null)?.dataset.index}:${el?.dataset.field}`;
      });
      if (at === `${i}:${field}`) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`never reached ${i}:${field}`);
  }

  const BULLET_1 = `- Push back on one mid-sprint request with "yes, and here's what moves"`;
  const BULLET_2 = "- Write a first draft of the team's Q1 goals before our next session";

  /** Captures Daniel's 24 Nov note from the keyboard; returns the form's handle. */
  async function captureDaniel(page: Page): Promise<number> {
    const id = await app<number | null>(page, 'mountCapture', DANIEL_1124);
    expect(id).not.toBeNull();
    expect(await page.locator('.ft-capture-item').count()).toBe(3);
    // Item 1: a trigger and a confidence. Item 2: a coping plan and an earlier due date.
    await tabTo(page, 1, 'trigger');
    await page.keyboard.type('at Monday sprint planning');
    await tabTo(page, 1, 'confidence');
    await page.keyboard.type('8');
    await tabTo(page, 2, 'coping');
    await page.keyboard.type('a fire drill eats the morning -> do it Friday 8am');
    await tabTo(page, 2, 'due');
    await page.keyboard.type('12042026');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.ft-capture-done').count()).toBe(1);
    await settle(page);
    return id!;
  }

  it('turns plain bullets into commitment lines with the confirmed fields; capturing again changes nothing', async () => {
    const { page, before } = await start();
    const form = await captureDaniel(page);
    const after = await snapshot(page);
    const note = after[DANIEL_1124];
    const [l12, id1] = matchLine(
      note,
      new RegExp(
        `^- \\[ \\] Push back on one mid-sprint request with "yes, and here's what moves" \\[trigger:: at Monday sprint planning\\] \\[confidence:: 8\\] \\[due:: 2026-12-06\\] \\^(${ID})$`,
      ),
    );
    const [l13, id2] = matchLine(
      note,
      new RegExp(
        `^- \\[ \\] Write a first draft of the team's Q1 goals before our next session \\[coping:: a fire drill eats the morning -> do it Friday 8am\\] \\[due:: 2026-12-04\\] \\^(${ID})$`,
      ),
    );
    expect(id1).not.toBe(id2);
    expect([lineOf(note, 12), lineOf(note, 13)]).toEqual([l12, l13]);
    // Every line but the commitments is as it was (line 11, the done line, see the next test).
    const b = before[DANIEL_1124].split('\n');
    const a = note.split('\n');
    expect(a.length).toBe(b.length);
    expect(a.filter((_, i) => i < 10 || i > 12)).toEqual(b.filter((_, i) => i < 10 || i > 12));
    expect([b[11], b[12]]).toEqual([BULLET_1, BULLET_2]);
    expectOthersUntouched(before, after, [DANIEL_1124]);
    expect(await page.locator('.ft-capture-done').textContent()).toContain(`Captured`);
    expect(await app(page, 'navigations')).toEqual([{ kind: 'close', arg: 'capture' }]);

    const parsed = await app<any[]>(page, 'parse', DANIEL_1124);
    expect(parsed.filter((c) => c.line >= 12).map((c) => [c.line, c.status, c.id, c.due, c.trigger, c.coping, c.confidence])).toEqual([
      [12, 'open', id1, '2026-12-06', 'at Monday sprint planning', null, 8],
      [13, 'open', id2, '2026-12-04', null, { obstacle: 'a fire drill eats the morning', response: 'do it Friday 8am' }, null],
    ]);
    await screenshot(page, 'flow-capture');

    // Capture again, confirming the form as it opens: nothing changes, nothing is written.
    const writes = (await app<unknown[]>(page, 'writes')).length;
    await app(page, 'unmount', form);
    expect(await app(page, 'mountCapture', DANIEL_1124)).not.toBeNull();
    await page.locator('.ft-capture-confirm').click();
    await expect.poll(() => page.locator('.ft-capture-done').count()).toBe(1);
    expect(await page.locator('.ft-capture-done').textContent()).toContain('Nothing to capture');
    await settle(page);
    expect(await snapshot(page)).toEqual(after);
    expect((await app<unknown[]>(page, 'writes')).length).toBe(writes);
  });

  // Was a bug: the form sent every item with its due date and kind, so an already-captured, done
  // line the coach never touched gained `[due:: …] [kind:: process]`. Only changed fields go now.
  it('leaves the already-captured, done line alone', async () => {
    const { page, before } = await start();
    await captureDaniel(page);
    expect(lineOf((await snapshot(page))[DANIEL_1124], 11)).toBe(lineOf(before[DANIEL_1124], 11));
  });
});

describe('client view → check-in', () => {
  it('ticks a dataview line with [completion::] and an emoji line with ✅, each with a dated note', async () => {
    const { page, before } = await start();
    await app(page, 'mountClient', 'Marcus Bell');
    const TEXT = 'Send the portfolio to the other two designers for feedback';
    const card = page.locator('.ft-commitment', { hasText: TEXT });
    expect(await card.getAttribute('data-status')).toBe('stuck');
    await card.locator('.ft-checkin-note').fill('sent both on Sunday night');
    await card.locator('.ft-checkin-button', { hasText: 'Done' }).click();
    // The result stays; the card leaves the open list once the model refreshes.
    await expect.poll(() => page.locator('.ft-checkin-settled').count()).toBe(1);
    expect(await page.locator('.ft-checkin-settled').innerText()).toBe(
      `${TEXT}: Checked in on "Send the portfolio to the other two des…": done (sent both on Sunday night)`,
    );
    expect(await card.count()).toBe(0);
    await settle(page);

    let after = await snapshot(page);
    // The box ticks with the done date in the line's (dataview) convention; the check-in goes
    // after the existing details, at their indent.
    expect(after[MARCUS_1116]).toBe(
      insertAfter(replaceLine(before[MARCUS_1116], 14, `- [ ] ${TEXT}`, `- [x] ${TEXT} [completion:: ${TODAY}]`), 16, [
        `    - ${TODAY} done: sent both on Sunday night`,
      ]),
    );
    expectOthersUntouched(before, after, [MARCUS_1116]);
    const sent = (await app<any[]>(page, 'parse', MARCUS_1116)).find((c) => c.line === 14);
    expect(sent).toMatchObject({ status: 'done', doneDate: TODAY });
    expect(sent.checkIns.map((k: any) => [k.date, k.status, k.note])).toEqual([
      ['2026-11-22', 'stuck', "drafted both, didn't send"],
      [TODAY, 'done', 'sent both on Sunday night'],
    ]);
    await screenshot(page, 'flow-check-in');

    // An emoji line (Sofia's scorecard): ✅ before the block id.
    const mid = after;
    await app(page, 'mountClient', 'Sofia Alvarez');
    const sofia = page.locator('.ft-app-part[data-part="client"]').last();
    const scorecard = sofia.locator('.ft-commitment', { hasText: 'Draft the scorecard' });
    await scorecard.locator('.ft-checkin-note').fill('three numbers, one page');
    await scorecard.locator('.ft-checkin-button', { hasText: 'Done' }).click();
    await expect.poll(() => scorecard.count()).toBe(0);
    await settle(page);
    after = await snapshot(page);
    expect(after[SOFIA_1030]).toBe(
      insertAfter(
        replaceLine(mid[SOFIA_1030], 11, '- [ ] Draft the scorecard 📅 2026-11-14 ^x9k2', `- [x] Draft the scorecard 📅 2026-11-14 ✅ ${TODAY} ^x9k2`),
        11,
        [`  - ${TODAY} done: three numbers, one page`],
      ),
    );
    expectOthersUntouched(mid, after, [SOFIA_1030]);
    expect(await app(page, 'notices')).toEqual([]);
  });
});

/**
 * The index (and so every view's model) catches up with a write a moment later: Obsidian's metadata
 * cache re-reads the note, then the live models wait `refreshDebounceMs` (300 by default). These
 * flows act inside that window. They are refused safely (nothing written), but should not be.
 */
describe('acting before the views catch up', () => {
  // Was a bug: the second check-in targets the line it saw (13), which the first check-in's detail
  // line pushed to 14, and a line without a block id could not be found once moved. The edit now
  // finds the one line that still reads exactly as it was seen.
  it('checks in on two uncaptured commitments of one note in quick succession', async () => {
    // A model refresh that cannot land between the two taps (in the app: 300 ms after the metadata cache).
    const { page } = await start({ refreshDebounceMs: 5000 });
    await app(page, 'mountClient', 'Daniel Okafor');
    const first = page.locator('.ft-commitment', { hasText: 'Push back on one mid-sprint request' });
    const second = page.locator('.ft-commitment', { hasText: "Write a first draft of the team's Q1 goals" });
    await first.locator('.ft-checkin-button', { hasText: 'Done' }).click();
    await expect.poll(() => first.locator('.ft-checkin-result').getAttribute('data-ok')).toBe('true');
    await second.locator('.ft-checkin-button', { hasText: 'Done' }).click();
    await expect.poll(() => second.locator('.ft-checkin-result').count()).toBe(1);
    expect(await second.locator('.ft-checkin-result').innerText()).not.toContain('Not checked in');
  });

  // Was a bug: where a recommit goes was planned from the index alone, so until the metadata cache
  // read the note the first recommit created, the second planned to create it again and was
  // refused. The actions now read back what they wrote, and the planner checks the vault too.
  it('recommits twice into a session note the index has not read yet', async () => {
    // Maya's queue: one card per chain (her four-link Dana chain is one card, the 11-24 line).
    const { page } = await start({ reindexDelayMs: 5000 });
    await app(page, 'mountReview', 'Maya Chen');
    expect(await progress(page)).toBe('1 of 3');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress(page)).toBe('2 of 3');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ft-review-error').count(), { timeout: 500 }).toBe(1).catch(() => undefined);
    expect(await page.locator('.ft-review-error').count()).toBe(0);
    expect(await progress(page)).toBe('3 of 3');
  });
});
