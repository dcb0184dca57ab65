// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice, type Modal } from '../fakes/obsidian';
import { VIEW_CLIENT, VIEW_ROSTER } from '../../src/obsidian/host';
import { buildCalendar } from '../../src/core/calendar/calendar-builder';
import { calendarEvents } from '../../src/core/calendar/ics';
import { click, content, fixToday, leafWith, run, start, type, until, type Harness } from './harness';

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

async function modal(): Promise<Modal> {
  await until(() => h.app.modals.length === 1, 3000, 'a modal');
  return h.app.modals[0];
}

describe('nudges, calendar and agreements in Obsidian', () => {
  it('the roster view shows the Today panel above the rows', async () => {
    run(h.app, 'open-roster');
    const leaf = await leafWith(h.app, VIEW_ROSTER, '.ft-part-roster');
    const el = content(leaf);
    expect(el.querySelector('.ft-part-today')).not.toBeNull();
    expect(el.firstElementChild?.classList.contains('ft-part-today')).toBe(true);
    await until(() => (el.querySelector('.ft-part-today')?.textContent ?? '').length > 0);
  });

  it("\"Show today's nudges\" opens the Today panel in a modal", async () => {
    run(h.app, 'show-today');
    const m = await modal();
    await until(() => (m.contentEl.textContent ?? '').length > 0);
    m.close();
    expect(m.contentEl.childElementCount).toBe(0);
  });

  it('"Export calendar" writes the .ics file into the vault, and again only when it changed', async () => {
    run(h.app, 'export-calendar');
    const path = h.plugin.settings.calendar.vaultPath;
    await until(() => h.app.vault.text(path) !== undefined);
    const ics = h.app.vault.text(path)!;
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain('obsidian://open?vault=');
    const writes = h.app.vault.writes.length;
    run(h.app, 'export-calendar');
    await until(() => Notice.shown.filter((n) => n.includes('calendar written')).length === 2);
    expect(h.app.vault.writes.length).toBe(writes);
  });

  it('with the calendar kept in the vault, an edit rewrites the file, to what a calendar built from nothing writes', { timeout: 15_000 }, async () => {
    await h.plugin.updateSettings({ calendar: { ...h.plugin.settings.calendar, writeToVault: true } });
    const path = h.plugin.settings.calendar.vaultPath;
    run(h.app, 'export-calendar');
    await until(() => h.app.vault.text(path) !== undefined);
    const before = h.app.vault.text(path)!;
    // A new open commitment in a session note with an event already (an active client's): the
    // file is rewritten a moment after the index hears of it.
    const options = () => ({ vaultName: h.app.vault.getName(), settings: h.plugin.settings.calendar, nudges: h.plugin.settings.nudges });
    const exported = calendarEvents(h.plugin.index, h.plugin.today(), options())[0].path;
    const note = h.app.vault.getMarkdownFiles().find((f) => f.path === exported)!;
    const text = h.app.vault.text(note.path)!;
    const at = text.indexOf('\n', text.search(/^## (?:Commitments|Action items)/m)) + 1;
    expect(at).toBeGreaterThan(0);
    await h.app.vault.modify(note, `${text.slice(0, at)}- [ ] Ring the printer about the flyers [due:: 2026-12-05] ^ring1\n${text.slice(at)}`);
    await until(() => h.app.vault.text(path) !== before, 6000, 'the calendar file rewritten');
    const kept = h.app.vault.text(path)!;
    expect(kept).toContain('Ring the printer about the flyers');
    const fresh = buildCalendar(h.plugin.index, h.plugin.today(), options());
    expect(kept).toBe(fresh);
  });

  it('"New accountability agreement" creates the note from the template in the agreements folder and opens it', async () => {
    run(h.app, 'new-agreement');
    const m = await modal();
    const inputs = [...m.contentEl.querySelectorAll('input')] as HTMLInputElement[];
    type(inputs[0], 'Maya Chen');
    type(inputs[1], 'Sam Patel');
    click([...m.contentEl.querySelectorAll('button')].find((b) => b.textContent === 'Create'));
    const path = 'Agreements/Maya Chen and Sam Patel.md';
    await until(() => h.app.vault.text(path) !== undefined);
    const text = h.app.vault.text(path)!;
    expect(text).toMatch(/^---\ntype: agreement/);
    expect(text).toContain('Maya Chen');
    expect(text).toContain('Sam Patel');
    await until(() => h.plugin.agreements.get(path) !== undefined);
  });

  it("the client view shows the client's agreement panel, fed by the agreement index", async () => {
    expect(h.plugin.agreements.list().map((a) => a.path)).toEqual(['Agreements/Alex and Jordan.md']);
    h.plugin.nav.openClient('Jordan Ellis');
    const leaf = await leafWith(h.app, VIEW_CLIENT, '.ft-part-agreements');
    const panel = () => content(leaf).querySelector('.ft-part-agreements')?.textContent ?? '';
    await until(() => panel().includes('Alex and Jordan'));
    expect(panel()).toContain('Missed partner check-ins');
  });
});
