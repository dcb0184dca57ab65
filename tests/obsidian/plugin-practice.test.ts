// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice } from '../fakes/obsidian';
import { VIEW_PRACTICE, VIEW_ROSTER } from '../../src/obsidian/host';
import { click, content, fixToday, leafWith, run, start, until, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  fixToday();
  Notice.shown.length = 0;
  h = await start();
});
afterEach(() => {
  h.plugin.unload();
  vi.useRealTimers();
});

describe('the practice view and review notes in Obsidian', () => {
  it('"Open practice view" shows the coaches side by side', async () => {
    run(h.app, 'open-practice');
    const leaf = await leafWith(h.app, VIEW_PRACTICE, '.ft-part-practice');
    await until(() => (content(leaf).textContent ?? '').includes('Priya Nair'));
    expect(content(leaf).textContent).toContain('Sam Rivera');
  });

  it('"Write the weekly review note" writes Reviews/2026-W49.md, keeps the reader\'s notes on a rerun, and opens it', async () => {
    run(h.app, 'write-weekly-review');
    await until(() => h.app.vault.text('Reviews/2026-W49.md') !== undefined);
    const first = h.app.vault.text('Reviews/2026-W49.md')!;
    expect(first).toContain('<!-- follow-through:review:start -->');
    const mine = first + '\nMy own notes for the week.\n';
    await h.app.vault.modify(h.app.vault.getFileByPath('Reviews/2026-W49.md')!, mine);
    run(h.app, 'write-weekly-review');
    await until(() => Notice.shown.length >= 2);
    expect(h.app.vault.text('Reviews/2026-W49.md')).toContain('My own notes for the week.');
  });

  it('drilling into a coach and "Open in roster" opens the roster filtered to that coach', async () => {
    run(h.app, 'open-roster');
    await leafWith(h.app, VIEW_ROSTER, '.ft-part-roster');
    h.plugin.rosterFilter = null;
    await h.plugin.nav.openPractice();
    const leaf = await leafWith(h.app, VIEW_PRACTICE, '.ft-part-practice');
    await until(() => (content(leaf).textContent ?? '').includes('Priya Nair'));
    const coachButton = [...content(leaf).querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith('Priya Nair'));
    click(coachButton);
    await until(() => [...content(leaf).querySelectorAll('button')].some((b) => /open in roster/i.test(b.textContent ?? '')));
    click([...content(leaf).querySelectorAll('button')].find((b) => /open in roster/i.test(b.textContent ?? '')));
    await until(() => h.plugin.rosterFilter?.coach === 'Priya Nair');
    const roster = h.app.workspace.getLeavesOfType(VIEW_ROSTER)[0];
    await until(() => (content(roster).querySelector('select') as HTMLSelectElement | null)?.value === 'Priya Nair');
  });
});
