// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkdownView, Menu, Notice, WorkspaceLeaf, type Modal } from '../fakes/obsidian';
import { AS_OF, click, fixToday, PLUGIN_ID, run, settle, start, statusBar, until, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  fixToday();
  Notice.shown.length = 0;
  h = await start();
});
afterEach(() => {
  for (const m of [...h.app.modals]) m.close();
  h.plugin.unload();
  vi.useRealTimers();
});

const available = (id: string) => h.app.commands.isAvailable(`${PLUGIN_ID}:${id}`);
const file = (path: string) => h.app.vault.getFileByPath(path)!;

/** A session note of `client` with commitments, and a client note. */
function sessionOf(client: string): string {
  return h.plugin.index.commitments().find((c) => c.client === client)!.session;
}

async function modal(): Promise<Modal> {
  await until(() => h.app.modals.length === 1, 3000, 'a modal');
  return h.app.modals[0];
}

describe('the status bar', () => {
  it('shows the vault’s overdue count and follows a note’s change, once the refresh debounce has passed', async () => {
    const overdue = h.plugin.index.overdue(AS_OF);
    expect(overdue.length).toBeGreaterThan(1);
    expect(statusBar(h.app)!.textContent).toBe(`${overdue.length} overdue`);
    expect(statusBar(h.app)!.classList.contains('ft-status-overdue')).toBe(true);

    // Tick one off in the note, as the coach would in the editor.
    const c = overdue[0];
    const lines = h.app.vault.text(c.session)!.split('\n');
    lines[c.line - 1] = lines[c.line - 1].replace('- [ ]', '- [x]');
    await h.app.vault.modify(file(c.session), lines.join('\n'));
    await until(() => h.plugin.index.overdue(AS_OF).length === overdue.length - 1);
    // Not yet: views and the status bar refresh `refreshDebounceMs` (300) after the last change.
    expect(statusBar(h.app)!.textContent).toBe(`${overdue.length} overdue`);
    await until(() => statusBar(h.app)!.textContent === `${overdue.length - 1} overdue`, 2000);
  });

  it('opens the review queue when clicked', async () => {
    click(statusBar(h.app));
    const m = await modal();
    expect(m.titleEl.textContent).toBe('Review missed commitments');
  });
});

describe('commands', () => {
  it('"Capture commitments from this session" is there only on a session note, and opens the capture form', async () => {
    expect(available('capture-session')).toBe(false);
    h.app.workspace.activeFile = file('Clients/Maya Chen.md');
    expect(available('capture-session')).toBe(false);
    const path = sessionOf('Maya Chen');
    h.app.workspace.activeFile = file(path);
    run(h.app, 'capture-session');
    const m = await modal();
    const date = h.plugin.index.note(path)!.session!.date;
    expect(m.titleEl.textContent).toBe(`Capture commitments: Maya Chen, ${h.plugin.formatDate(date)}`);
    await until(() => m.contentEl.querySelector('.ft-capture'));
    expect(m.modalEl.classList.contains('ft-modal')).toBe(true);
    expect(m.contentEl.querySelectorAll('.ft-capture-item')).toHaveLength(h.plugin.index.commitmentsOfSession(path).length);
    m.close();
    expect(m.contentEl.childElementCount).toBe(0);
  });

  it('"Review missed commitments" opens the review queue; Esc is the queue’s, on the modal’s scope', async () => {
    run(h.app, 'review-missed');
    const m = await modal();
    expect(m.titleEl.textContent).toBe('Review missed commitments');
    await until(() => m.contentEl.querySelector('.ft-review'));
    expect(m.contentEl.querySelector('.ft-review-scope')?.textContent).toBe('All clients');
    // The queue's Escape replaced the modal's own (which would close it): one handler, and an Esc
    // pressed in the modal skips the card and leaves the modal open (tests/obsidian/review-modal.test.ts).
    expect(m.scope.handlersFor('Escape')).toHaveLength(1);
    const evt = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    m.contentEl.dispatchEvent(evt);
    expect(evt.defaultPrevented).toBe(true);
    expect(m.isOpen).toBe(true);
  });

  it('"Review missed commitments for this note’s client" follows the active note', async () => {
    expect(available('review-missed-client')).toBe(false);
    h.app.workspace.activeFile = file(sessionOf('Marcus Bell'));
    run(h.app, 'review-missed-client');
    const m = await modal();
    expect(m.titleEl.textContent).toBe('Review missed commitments: Marcus Bell');
    m.close();
    h.app.workspace.activeFile = file('Clients/Elena Petrova.md');
    run(h.app, 'review-missed-client');
    expect((await modal()).titleEl.textContent).toBe('Review missed commitments: Elena Petrova');
  });

  it('"Rescan vault" re-reads every note and says how many', async () => {
    const indexAll = vi.spyOn(h.plugin.indexer, 'indexAll');
    run(h.app, 'rescan-vault');
    await until(() => Notice.shown.length > 0);
    expect(indexAll).toHaveBeenCalledTimes(1);
    expect(Notice.shown).toEqual([`Follow Through: indexed ${h.app.vault.getMarkdownFiles().length} notes.`]);
  });

  it('"Undo the last commitment edit" is there only after an edit, and takes it back', async () => {
    expect(available('undo-last-edit')).toBe(false);
    const c = h.plugin.index.commitments().find((x) => x.status === 'open')!;
    const before = h.app.vault.text(c.session);
    expect((await h.plugin.actions.checkIn(c, { status: 'done', note: null })).ok).toBe(true);
    expect(h.app.vault.text(c.session)).not.toBe(before);
    run(h.app, 'undo-last-edit');
    await until(() => h.app.vault.text(c.session) === before);
    expect(h.app.vault.writes.map((w) => w.method)).toEqual(['process', 'process']);
    expect(available('undo-last-edit')).toBe(false);
  });

  it('the editor menu of a session note offers capture, and only there', async () => {
    const path = sessionOf('Maya Chen');
    const view = new MarkdownView(h.app, file(path), h.app.vault.text(path));
    h.app.workspace.leaves.push(new WorkspaceLeaf(view));
    const menu = new Menu();
    h.app.workspace.trigger('editor-menu', menu, {}, view);
    const item = menu.item('Capture commitments from this session')!;
    expect(item.icon).toBe('list-checks');
    item.click();
    await until(() => h.app.modals[0]?.contentEl.querySelector('.ft-capture'));

    const other = new Menu();
    h.app.workspace.trigger('editor-menu', other, {}, new MarkdownView(h.app, file('Inbox.md'), ''));
    expect(other.items).toHaveLength(0);
    await settle();
  });
});
