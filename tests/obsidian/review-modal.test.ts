// @vitest-environment happy-dom
/**
 * The review queue inside its Obsidian modal, keys pressed as the coach presses them: a keydown on
 * the focused element, which the fake's keymap (as Obsidian's) hears on the window first and hands
 * to the modal's scope. Esc backs out of a form (keeping what was typed) or skips a card and
 * closes the modal only from the summary; Enter takes a card's default action; a focused button
 * answers Enter itself; digits typed in a field stay text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice, type Modal } from '../fakes/obsidian';
import { fixToday, run, settle, start, type, until, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  fixToday();
  Notice.shown.length = 0;
  h = await start();
});
afterEach(() => {
  // Close without asking: a test may leave a form with what was typed.
  for (const m of [...h.app.modals]) (m as Modal & { closeNow?: () => void }).closeNow?.() ?? m.close();
  h.plugin.unload();
  vi.useRealTimers();
});

/** Opens the queue from the palette: every client's, or (with `client`) that client's, from their note. */
async function openQueue(client?: string): Promise<Modal> {
  if (client) h.app.workspace.activeFile = h.app.vault.getFileByPath(`Clients/${client}.md`);
  run(h.app, client ? 'review-missed-client' : 'review-missed');
  await until(() => h.app.modals[0]?.contentEl.querySelector('.ft-review-card'), 3000, 'the review card');
  return h.app.modals[0];
}

/** Presses `key` where the focus is, as a keyboard does; returns whether its default was prevented. */
async function press(key: string, init: KeyboardEventInit = {}): Promise<boolean> {
  const target = (document.activeElement as HTMLElement | null) ?? document.body;
  const evt = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(evt);
  await settle();
  return evt.defaultPrevented;
}

const q = (m: Modal, sel: string) => m.contentEl.querySelector<HTMLElement>(sel);
const progress = (m: Modal) => q(m, '.ft-review-progress')?.textContent?.trim();
const mode = (m: Modal) => q(m, '.ft-review')?.dataset.mode;
const cardText = (m: Modal) => q(m, '.ft-review-text')?.textContent;

describe('the review modal’s keys, through Obsidian’s scopes', () => {
  it('holds the modal’s scope while open: the queue’s keys replace the modal’s own Esc, and leave with it', async () => {
    const m = await openQueue();
    expect(h.app.keymap.activeScope).toBe(m.scope);
    // One Escape handler, the queue's: the modal's own (which closes it) was taken out.
    expect(m.scope.handlersFor('Escape')).toHaveLength(1);
    expect(m.scope.handlersFor('Enter')).toHaveLength(1);
    m.close();
    expect(h.app.keymap.activeScope).toBe(h.app.scope);
  });

  it('Esc in a half-filled Modify form keeps the modal open and backs out to the choices; the form comes back as typed', async () => {
    const m = await openQueue('Maya Chen');
    expect(progress(m)).toBe('1 of 3');
    expect(await press('2')).toBe(true);
    expect(mode(m)).toBe('modify');
    const text = q(m, '[data-field="text"]') as HTMLInputElement;
    expect(document.activeElement).toBe(text);
    type(text, 'Book 2 investor coffees');
    type(q(m, '[data-field="trigger"]') as HTMLInputElement, 'Monday after stand-up');
    (q(m, '[data-field="trigger"]') as HTMLInputElement).focus();

    expect(await press('Escape')).toBe(true);
    expect(m.isOpen).toBe(true);
    expect(mode(m)).toBe('choose');
    expect(progress(m)).toBe('1 of 3');
    // Nothing was written.
    expect(h.app.vault.text('Sessions/2026-10-20 Maya Chen.md')).toContain('Book 5 investor coffees for November');

    // Modify again: what was typed is there.
    await press('2');
    expect((q(m, '[data-field="text"]') as HTMLInputElement).value).toBe('Book 2 investor coffees');
    expect((q(m, '[data-field="trigger"]') as HTMLInputElement).value).toBe('Monday after stand-up');
  });

  it('Esc skips a card, and closes the modal only from the summary', async () => {
    const m = await openQueue('Maya Chen');
    expect(await press('Escape')).toBe(true);
    expect(progress(m)).toBe('2 of 3');
    await press('Escape');
    await press('Escape');
    expect(mode(m)).toBe('done');
    expect(m.isOpen).toBe(true);
    expect(q(m, '.ft-review-summary')?.textContent).toBe('3 skipped');
    expect(await press('Escape')).toBe(true);
    expect(m.isOpen).toBe(false);
  });

  it('Enter on a card takes its default action (Recommit, with the suggested date); Enter again confirms', async () => {
    const m = await openQueue('Maya Chen');
    const first = cardText(m);
    expect(await press('Enter')).toBe(true);
    expect(mode(m)).toBe('recommit');
    expect((q(m, '[data-field="due"]') as HTMLInputElement).value).toBe('2026-12-06');
    await press('Enter');
    await until(() => progress(m) === '2 of 3', 3000, 'the next card');
    expect(cardText(m)).not.toBe(first);
    expect(h.app.vault.text('Sessions/2026-10-20 Maya Chen.md')).toMatch(/- \[>\] Book 5 investor coffees for November/);
    expect(q(m, '.ft-review-undo')).not.toBeNull();
  });

  it('a focused button answers Enter itself; digits typed into a field stay text; modified keys pass by', async () => {
    const m = await openQueue('Maya Chen');
    const letGo = q(m, '[data-choice="letgo"]')!;
    letGo.focus();
    // The queue leaves Enter to the button (the browser clicks it): not prevented, no form opened by the queue.
    expect(await press('Enter')).toBe(false);
    expect(mode(m)).toBe('choose');
    await press('3');
    expect(mode(m)).toBe('letgo');
    const reason = q(m, '[data-field="reason"]') as HTMLInputElement;
    expect(document.activeElement).toBe(reason);
    expect(await press('1')).toBe(false);
    expect(await press('d')).toBe(false);
    expect(mode(m)).toBe('letgo');
    expect(await press('1', { ctrlKey: true })).toBe(false);
    // The modal's close button still closes it.
    (m.modalEl.querySelector('.modal-close-button') as HTMLElement).click();
    expect(m.isOpen).toBe(false);
  });

  it('D checks in as done with one key: the card stays with Undo, and Undo puts the line back', async () => {
    const m = await openQueue('Maya Chen');
    const path = 'Sessions/2026-10-20 Maya Chen.md';
    const before = h.app.vault.text(path);
    await press('d');
    await until(() => mode(m) === 'settled', 3000, 'the settled card');
    expect(progress(m)).toBe('1 of 3');
    expect(q(m, '.ft-review-settled-word')?.textContent?.trim()).toBe('✓ Done');
    expect(h.app.vault.text(path)).toMatch(/- \[x\] Book 5 investor coffees for November/);
    await press('u');
    await until(() => mode(m) === 'choose' && h.app.vault.text(path) === before, 3000, 'the undone check-in');
    expect(progress(m)).toBe('1 of 3');
  });

  it('a click outside or the close button with something typed asks "Discard these changes?" in place; nothing typed closes at once', async () => {
    let m = await openQueue('Maya Chen');
    const bg = (x: Modal) => x.containerEl.querySelector<HTMLElement>('.modal-bg')!;
    // A form opened and left as it opened holds nothing typed.
    await press('1');
    expect(mode(m)).toBe('recommit');
    bg(m).click();
    expect(m.isOpen).toBe(false);

    m = await openQueue('Maya Chen');
    await press('3');
    type(q(m, '[data-field="reason"]') as HTMLInputElement, 'The pitch moved to January');
    bg(m).click();
    await settle();
    expect(m.isOpen).toBe(true);
    expect(q(m, '.ft-discard')?.textContent).toContain('Discard these changes?');
    expect(q(m, '.ft-discard')?.textContent).toContain(`What you typed for “${cardText(m)}” will be lost.`);
    expect(document.activeElement?.textContent).toBe('Discard');
    // While asking the queue's keys do nothing but Esc, which goes back to the form as typed.
    expect(await press('2')).toBe(false);
    expect(mode(m)).toBe('letgo');
    expect(await press('Escape')).toBe(true);
    expect(q(m, '.ft-discard')).toBeNull();
    expect(m.isOpen).toBe(true);
    expect((q(m, '[data-field="reason"]') as HTMLInputElement).value).toBe('The pitch moved to January');
    expect(document.activeElement).toBe(q(m, '[data-field="reason"]'));

    // Backed out of the form, the draft still counts; Keep editing keeps it.
    await press('Escape');
    expect(mode(m)).toBe('choose');
    m.modalEl.querySelector<HTMLElement>('.modal-close-button')!.click();
    await settle();
    expect(m.isOpen).toBe(true);
    q(m, '.ft-discard-keep')!.click();
    await settle();
    expect(q(m, '.ft-discard')).toBeNull();
    await press('3');
    expect((q(m, '[data-field="reason"]') as HTMLInputElement).value).toBe('The pitch moved to January');

    // Discard closes and writes nothing.
    const before = h.app.vault.text('Sessions/2026-10-20 Maya Chen.md');
    bg(m).click();
    await settle();
    q(m, '.ft-discard-confirm')!.click();
    await settle();
    expect(m.isOpen).toBe(false);
    expect(h.app.vault.text('Sessions/2026-10-20 Maya Chen.md')).toBe(before);
    expect(h.app.vault.writes).toEqual([]);
  });
});
