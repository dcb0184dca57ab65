// @vitest-environment happy-dom
/**
 * Issue 11 item 20: typing in the reading settings re-read the whole vault on every keystroke,
 * and the views saw an empty index while it did. Now the text fields save once typing pauses, the
 * re-read happens in place, and views never see the index empty.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoNotes, fixToday, run, settingInput, settle, start, type, until, wait, type Harness } from './harness';

const SESSION = 'Sessions/2026-11-17 Maya Chen.md';
const NEXT_STEPS = 'Sessions/2026-11-30 Maya Chen.md';

let h: Harness;
let sizes: number[];
beforeEach(async () => {
  fixToday();
  const notes = demoNotes();
  notes[NEXT_STEPS] = '---\ntype: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-30\n---\n## Next steps\n- [ ] Book the offsite\n';
  h = await start(undefined, notes);
  sizes = [];
  h.plugin.index.onChange(() => sizes.push(h.plugin.index.size));
});
afterEach(() => {
  h.plugin.unload();
  vi.useRealTimers();
});

const reads = () => h.app.vault.readCounts.get(SESSION) ?? 0;

describe('re-reading for new reading settings', () => {
  it('ten keystrokes in a reading setting make one re-read, and the index is never empty meanwhile', async () => {
    const tab = h.app.setting.pluginTabs[0];
    h.app.setting.openTab(tab);
    expect(reads()).toBe(1);
    const input = settingInput(tab.containerEl, 'Extra commitment headings');
    const word = 'Next steps';
    for (let i = 1; i <= word.length; i++) {
      type(input, word.slice(0, i));
      await wait(5);
    }
    await until(() => h.plugin.index.commitmentsOfSession(NEXT_STEPS).length === 1, 5000, 'the new heading read');
    await wait(600); // longer than the typing pause
    await settle();
    expect(reads()).toBe(2);
    expect(h.plugin.settings.extraHeadings).toEqual(['Next steps']);
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
  });

  it('closing the settings right after typing still saves what was typed', async () => {
    const tab = h.app.setting.pluginTabs[0];
    h.app.setting.openTab(tab);
    type(settingInput(tab.containerEl, 'Extra commitment headings'), 'Next steps');
    h.app.setting.close();
    await until(() => h.plugin.index.commitmentsOfSession(NEXT_STEPS).length === 1, 5000, 'the re-read');
    expect(((await h.fake.loadData()) as { extraHeadings: string[] }).extraHeadings).toEqual(['Next steps']);
  });

  it('a note changed while the vault is re-read keeps its new text', async () => {
    const held = h.app.vault.holdReads();
    const done = h.plugin.updateSettings({ extraHeadings: ['Next steps'] });
    await until(() => held.pending.includes(SESSION), 3000, 'the re-read of the session');
    const file = h.app.vault.getFileByPath(SESSION)!;
    await h.app.vault.modify(file, '---\ntype: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-17\n---\n## Commitments\n- [ ] Changed meanwhile\n');
    await until(() => h.plugin.index.commitmentsOfSession(SESSION).length === 1, 3000, 'the changed event');
    await held.release('reverse');
    await done;
    expect(h.plugin.index.settings.commitmentHeadings).toContain('Next steps');
    expect(h.plugin.index.commitmentsOfSession(SESSION).map((c) => c.text)).toEqual(['Changed meanwhile']);
    expect(h.plugin.index.commitmentsOfSession(NEXT_STEPS)).toHaveLength(1);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
  });

  it('"Rescan vault" re-reads in place too', async () => {
    const before = h.plugin.index.commitments();
    run(h.app, 'rescan-vault');
    await until(() => reads() === 2);
    await until(() => h.plugin.indexer.isReady && sizes.length > 0);
    await settle();
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(h.plugin.index.commitments()).toEqual(before);
  });
});
