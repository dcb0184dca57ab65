// @vitest-environment happy-dom
/**
 * The capture form in the plugin's modal, over the fake Obsidian: Esc (the handler the modal's own
 * scope holds, as Obsidian dispatches it) and the close button ask "Discard these changes?" when
 * the coach has typed something, and close at once when not; a capture closes the modal with a
 * notice that names the note by its title and the count.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice, type Modal } from '../fakes/obsidian';
import { fixToday, run, settle, start, until, type Harness } from './harness';

const DANIEL = 'Sessions/2026-11-24 Daniel Okafor.md';

let h: Harness;
beforeEach(async () => {
  fixToday();
  Notice.shown.length = 0;
  h = await start();
});
afterEach(() => {
  // Close without asking: a test may leave a form with edits.
  for (const m of [...h.app.modals]) (m as Modal & { closeNow?: () => void }).closeNow?.() ?? m.close();
  h.plugin.unload();
  vi.useRealTimers();
});

async function openCapture(path = DANIEL): Promise<Modal> {
  h.app.workspace.activeFile = h.app.vault.getFileByPath(path)!;
  run(h.app, 'capture-session');
  await until(() => h.app.modals[0]?.contentEl.querySelector('.ft-capture'), 3000, 'the capture form');
  return h.app.modals[0];
}

/** Presses Esc as Obsidian does: the newest Escape handler on the modal's scope. */
function esc(m: Modal): unknown {
  const handler = m.scope.handlersFor('Escape').at(-1)!;
  return handler.func(new KeyboardEvent('keydown', { key: 'Escape' }), { modifiers: '', key: 'Escape', vkey: 'Escape' });
}

function type(m: Modal, selector: string, value: string): void {
  const el = m.contentEl.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const prompt = (m: Modal) => m.contentEl.querySelector('.ft-discard');
const closeButton = (m: Modal) => m.modalEl.querySelector<HTMLElement>('.modal-close-button')!;

describe('the capture modal', () => {
  it('titles the form with the client and the session date as the settings show dates', async () => {
    const m = await openCapture();
    expect(m.titleEl.textContent).toBe('Capture commitments: Daniel Okafor, Tue 24 Nov');
    expect(m.contentEl.querySelectorAll('.ft-capture-item')).toHaveLength(3);
  });

  it('closes on Esc, the close button and a click outside when nothing was typed', async () => {
    let m = await openCapture();
    esc(m);
    expect(m.isOpen).toBe(false);
    expect(m.contentEl.childElementCount).toBe(0);

    m = await openCapture();
    closeButton(m).click();
    expect(m.isOpen).toBe(false);

    m = await openCapture();
    m.containerEl.querySelector<HTMLElement>('.modal-bg')!.click();
    expect(m.isOpen).toBe(false);
  });

  it('asks before Esc throws edits away; Esc again goes back to the form with everything kept', async () => {
    const m = await openCapture();
    type(m, '.ft-capture-item[data-index="1"] [data-field="trigger"]', 'at Monday sprint planning');
    type(m, '.ft-capture-item[data-index="2"] [data-field="coping"]', 'a fire drill -> do it Friday');
    await settle();

    esc(m);
    await settle();
    expect(m.isOpen).toBe(true);
    expect(prompt(m)?.textContent).toContain('Discard these changes?');
    expect(prompt(m)?.textContent).toContain('Your edits to 2 commitments will be lost.');
    expect(document.activeElement?.textContent).toBe('Discard');

    // Esc while asking: back to the form, nothing lost.
    esc(m);
    await settle();
    expect(m.isOpen).toBe(true);
    expect(prompt(m)).toBeNull();
    const trigger = m.contentEl.querySelector<HTMLInputElement>('.ft-capture-item[data-index="1"] [data-field="trigger"]')!;
    expect(trigger.value).toBe('at Monday sprint planning');

    // The close button asks too; "Keep editing" goes back.
    closeButton(m).click();
    await settle();
    expect(m.isOpen).toBe(true);
    expect(prompt(m)).not.toBeNull();
    m.contentEl.querySelector<HTMLElement>('.ft-discard-keep')!.click();
    await settle();
    expect(prompt(m)).toBeNull();
    expect(m.isOpen).toBe(true);

    // A click outside asks as well.
    m.containerEl.querySelector<HTMLElement>('.modal-bg')!.click();
    await settle();
    expect(m.isOpen).toBe(true);
    expect(prompt(m)).not.toBeNull();
    esc(m);
    await settle();
    expect(prompt(m)).toBeNull();

    // Discard closes, and writes nothing.
    const before = h.app.vault.text(DANIEL);
    esc(m);
    await settle();
    m.contentEl.querySelector<HTMLElement>('.ft-discard-confirm')!.click();
    await settle();
    expect(m.isOpen).toBe(false);
    expect(h.app.vault.text(DANIEL)).toBe(before);
    expect(Notice.shown.filter((n) => /captured/i.test(n))).toEqual([]);
  });

  it('captures, closes without asking and says how many commitments in which note, by title', async () => {
    const m = await openCapture();
    type(m, '.ft-capture-item[data-index="1"] [data-field="trigger"]', 'at Monday sprint planning');
    await settle();
    m.contentEl.querySelector<HTMLElement>('.ft-capture-confirm')!.click();
    await until(() => !m.isOpen, 3000, 'the modal to close');
    expect(Notice.shown).toContain('3 commitments captured in 2026-11-24 Daniel Okafor. Recap for Daniel Okafor');
    expect(Notice.shown.some((n) => n.includes('Sessions/'))).toBe(false);
    const lines = h.app.vault.text(DANIEL)!.split('\n');
    expect(lines.find((l) => l.includes('Push back'))).toMatch(/^- \[ \] Push back .*\[trigger:: at Monday sprint planning\].*\^\w+$/);

    // The confirmation offers the client's recap, one step from the session's end.
    const notice = Notice.notices.at(-1)!;
    const recap = notice.messageEl.querySelector<HTMLButtonElement>('button.ft-notice-button')!;
    expect(recap.textContent).toBe('Recap for Daniel Okafor');
    const before = h.app.modals.length;
    recap.click();
    await until(() => h.app.modals.length > before, 3000, 'the recap modal to open');
    expect(notice.visible).toBe(false);
    const modal = h.app.modals.at(-1)!;
    expect(modal.titleEl.textContent).toBe('Recap for Daniel Okafor');
    const message = [...modal.contentEl.querySelectorAll<HTMLTextAreaElement | HTMLElement>('textarea, pre, .ft-loop-message')].map((e) => ('value' in e ? e.value : e.textContent) ?? '').join('\n');
    expect(message).toContain('Reply like');
    modal.close();
  });

  it('names a note that is not a session note by its title', async () => {
    h.app.vault.seed('Inbox/Loose thoughts.md', '# Loose thoughts\n\n- call Sam\n');
    await settle();
    const { openCaptureModal } = await import('../../src/obsidian/views/capture-modal');
    // The plugin is the adapter's host.
    expect(await openCaptureModal(h.plugin, 'Inbox/Loose thoughts.md')).toBeNull();
    expect(Notice.shown.at(-1)).toBe('Follow Through: Loose thoughts is not a session note (it needs type: session, a client and a date).');
  });
});
