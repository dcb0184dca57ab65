// @vitest-environment happy-dom
/**
 * The client-loop commands in the plugin over the fake Obsidian: each picks a client with the
 * fuzzy picker and opens its modal; the reply's check-ins and the recap's Mark sent go through
 * Vault.process (the guarded applier); the calendar file is saved into the vault and a second
 * save keeps it (same UIDs).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice, type FuzzySuggestModal, type Modal } from '../fakes/obsidian';
import { AS_OF, click, fixToday, run, start, until, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  fixToday();
  Notice.shown.length = 0;
  h = await start();
});
afterEach(() => {
  // Close without asking: a test may leave a reply pasted and not written.
  for (const m of [...h.app.modals]) (m as Modal & { closeNow?: () => void }).closeNow?.() ?? m.close();
  h.plugin.unload();
  vi.useRealTimers();
});

async function pick(command: string, query: string): Promise<Modal> {
  run(h.app, command);
  await until(() => h.app.modals.length === 1, 3000, 'the client picker');
  await (h.app.modals[0] as unknown as FuzzySuggestModal<unknown>).choose(query);
  await until(() => h.app.modals.length === 1 && h.app.modals[0].contentEl.querySelector('.ft-loop') !== null, 3000, 'the modal');
  return h.app.modals[0];
}

function type(el: HTMLTextAreaElement, text: string): void {
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('client-loop commands', () => {
  it('are in the palette', () => {
    for (const id of ['client-reply', 'client-recap', 'client-progress', 'client-calendar']) expect(h.app.commands.findCommand(`follow-through:${id}`)).toBeDefined();
    expect(h.app.commands.findCommand('follow-through:client-reply')?.name).toBe("Log a client's reply");
  });

  it('"Log a client\'s reply": the numbers, the preview, and Write through Vault.process', async () => {
    const m = await pick('client-reply', 'maya');
    expect(m.titleEl.textContent).toBe("Log Maya Chen's reply");
    const el = m.contentEl;
    expect([...el.querySelectorAll('.ft-loop-numbers li')].map((li) => li.querySelector('.ft-loop-n')?.textContent)).toEqual(['1', '2', '3']);
    type(el.querySelector('textarea')!, '1 done, 2 stuck: meetings ate Monday');
    await until(() => el.querySelectorAll('.ft-loop-preview li').length === 2);
    const write = el.querySelector<HTMLButtonElement>('button.ft-loop-write')!;
    expect(write.textContent?.trim()).toBe('Write 2 check-ins');
    click(write);
    await until(() => el.querySelector('.ft-loop-result') !== null);
    expect(el.querySelector('.ft-loop-result')?.textContent).toBe("Logged 2 check-ins from Maya Chen's reply.");
    expect(h.app.vault.writes.map((w) => w.method)).toEqual(['process', 'process']);
    expect(h.app.vault.text('Sessions/2026-11-24 Maya Chen.md')).toContain(`nothing booked yet\n    - ${AS_OF} done\n`);
    expect(h.app.vault.text('Sessions/2026-11-17 Maya Chen.md')).toContain(`still drafting for Kinfolk\n    - ${AS_OF} stuck: meetings ate Monday\n`);
  });

  it('a reply with a problem cannot be written', async () => {
    const m = await pick('client-reply', 'maya');
    type(m.contentEl.querySelector('textarea')!, '1 done, 5 stuck');
    await until(() => m.contentEl.querySelector('.ft-loop-problems') !== null);
    expect(m.contentEl.querySelector<HTMLButtonElement>('button.ft-loop-write')!.disabled).toBe(true);
    expect(h.app.vault.writes).toEqual([]);
  });

  it('a pasted reply not yet written is not lost to a click outside: "Discard these changes?" first', async () => {
    const m = await pick('client-reply', 'maya');
    const bg = m.containerEl.querySelector<HTMLElement>('.modal-bg')!;
    // Nothing pasted: a click outside closes at once.
    bg.click();
    expect(m.isOpen).toBe(false);

    const again = await pick('client-reply', 'maya');
    type(again.contentEl.querySelector('textarea')!, '1 done, 2 stuck: meetings ate Monday');
    await until(() => again.contentEl.querySelectorAll('.ft-loop-preview li').length === 2);
    again.containerEl.querySelector<HTMLElement>('.modal-bg')!.click();
    await until(() => again.contentEl.querySelector('.ft-discard') !== null);
    expect(again.isOpen).toBe(true);
    expect(again.contentEl.querySelector('.ft-discard')?.textContent).toContain('The reply you pasted will be lost');
    expect(document.activeElement?.textContent).toBe('Discard');
    // Esc while asking (the modal's own Esc, through close()): back to the reply, kept.
    again.scope.handlersFor('Escape').at(-1)!.func(new KeyboardEvent('keydown', { key: 'Escape' }), { modifiers: '', key: 'Escape', vkey: 'Escape' });
    await until(() => again.contentEl.querySelector('.ft-discard') === null);
    expect(again.isOpen).toBe(true);
    expect(again.contentEl.querySelector('textarea')!.value).toBe('1 done, 2 stuck: meetings ate Monday');
    expect(document.activeElement).toBe(again.contentEl.querySelector('textarea'));
    // The close button asks too; Discard closes and writes nothing.
    again.modalEl.querySelector<HTMLElement>('.modal-close-button')!.click();
    await until(() => again.contentEl.querySelector('.ft-discard-confirm') !== null);
    click(again.contentEl.querySelector('.ft-discard-confirm'));
    await until(() => !again.isOpen);
    expect(h.app.vault.writes).toEqual([]);
  });

  it('"Recap for client": Mark sent logs a confirm nudge under each numbered commitment', async () => {
    const m = await pick('client-recap', 'maya');
    expect(m.titleEl.textContent).toBe('Recap for Maya Chen');
    expect(m.contentEl.querySelector('textarea')!.value).toMatch(/^Hi Maya, /);
    click(m.contentEl.querySelector('button.ft-loop-mark'));
    await until(() => m.contentEl.querySelector('.ft-loop-result') !== null);
    expect(m.contentEl.querySelector('.ft-loop-result')?.textContent).toBe('Recap to Maya Chen logged under 3 commitments.');
    expect(h.app.vault.text('Sessions/2026-11-24 Maya Chen.md')).toContain(`    - ${AS_OF} nudged: confirm nudge (sms)\n`);
  });

  it('"Progress so far" opens the progress text', async () => {
    const m = await pick('client-progress', 'maya');
    expect(m.contentEl.querySelector('textarea')!.value).toMatch(/^Progress so far, Maya: /);
  });

  it('"Calendar file for the client" saves the file into the vault, and saving again keeps its events', async () => {
    const m = await pick('client-calendar', 'marcus');
    click(m.contentEl.querySelector('button.ft-loop-save'));
    await until(() => m.contentEl.querySelector('.ft-loop-result') !== null);
    expect(m.contentEl.querySelector('.ft-loop-result')?.textContent).toMatch(/^Saved Marcus Bell's calendar/);
    const first = h.app.vault.text('Client calendars/Marcus Bell.ics')!;
    expect(first).toMatch(/^BEGIN:VCALENDAR/);
    m.close();
    const again = await pick('client-calendar', 'marcus');
    click(again.contentEl.querySelector('button.ft-loop-save'));
    await until(() => again.contentEl.querySelector('.ft-loop-result') !== null);
    expect(h.app.vault.text('Client calendars/Marcus Bell.ics')).toBe(first);
  });
});
