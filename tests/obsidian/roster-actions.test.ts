// @vitest-environment happy-dom
/** The roster's first-run and diagnostic actions, as the roster view wires them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice, type MarkdownView, type Modal } from '../fakes/obsidian';
import type { RosterActions } from '../../src/ui/contracts';
import { VIEW_ROSTER } from '../../src/obsidian/host';
import { fixToday, settingInput, start, type, until, type Harness } from './harness';

let h: Harness;
let actions: RosterActions;
beforeEach(async () => {
  fixToday();
  h = await start();
  await h.plugin.nav.openRoster();
  const view = h.app.workspace.getLeavesOfType(VIEW_ROSTER)[0].view as unknown as { parts(): { props: { actions: RosterActions } }[] };
  actions = view.parts()[1].props.actions;
});
afterEach(() => {
  h.plugin.unload();
  vi.useRealTimers();
});

/** Types `name` into the open name modal and submits it. */
async function answer(label: string, name: string): Promise<void> {
  await until(() => h.app.modals.length === 1);
  const modal = h.app.modals[0] as Modal & { submit(): void };
  type(settingInput(modal.contentEl, label), name);
  modal.submit();
}

const opened = () => (h.app.workspace.getLeavesOfType('markdown')[0]?.view as MarkdownView | undefined)?.file?.path;

describe('roster actions', () => {
  it('setUp runs the plugin’s "Set up from my notes" command, which opens its modal', async () => {
    const shown = Notice.shown.length;
    actions.setUp!();
    expect(Notice.shown.slice(shown)).toEqual([]);
    await until(() => h.app.modals.some((m) => m.titleEl.textContent === 'Set up from my notes'));
    const modal = h.app.modals.find((m) => m.titleEl.textContent === 'Set up from my notes')!;
    await until(() => /Looked at \d+ notes/.test(modal.contentEl.textContent ?? ''));
    expect(modal.contentEl.querySelector('pre')?.textContent).toMatch(/sessions, \d+ commitments, \d+ clients/);
    modal.close();
  });

  it('createClientNote asks for the name and creates Clients/NAME.md with type: client, refusing one that exists', async () => {
    actions.createClientNote!();
    await answer('Client name', 'Ada Lovelace');
    await until(() => opened() === 'Clients/Ada Lovelace.md');
    expect(h.app.vault.text('Clients/Ada Lovelace.md')).toBe('---\ntype: client\n---\n');
    await until(() => h.plugin.index.client('Ada Lovelace') !== null);

    const existing = h.app.vault.text('Clients/Maya Chen.md');
    const shown = Notice.shown.length;
    actions.createClientNote!();
    await answer('Client name', 'Maya Chen');
    await until(() => Notice.shown.length > shown);
    expect(Notice.shown.at(-1)).toContain('already exists');
    expect(h.app.vault.text('Clients/Maya Chen.md')).toBe(existing);
  });

  it('insertSessionTemplate creates a session note for today from the template', async () => {
    actions.insertSessionTemplate!();
    await answer('Client', 'Maya Chen');
    await until(() => opened()?.endsWith('.md') && opened()!.includes('2026-12-01'));
    const path = opened()!;
    expect(path.startsWith(`${h.plugin.settings.sessionsFolder}/`)).toBe(true);
    await until(() => h.plugin.index.note(path)?.session !== null && h.plugin.index.note(path) !== undefined);
    expect(h.plugin.index.note(path)!.session).toMatchObject({ date: '2026-12-01', clientRef: 'Maya Chen' });
  });

  it('openDiagnostic opens the note at the diagnostic line', async () => {
    const d = h.plugin.index.diagnostics()[0];
    expect(d).toBeDefined();
    actions.openDiagnostic!(d);
    await until(() => opened() === d.path);
    const view = h.app.workspace.getLeavesOfType('markdown')[0].view as MarkdownView;
    expect(view.eState).toEqual({ line: d.line - 1 });
  });
});
