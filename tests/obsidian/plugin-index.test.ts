// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { App, type Plugin as FakePlugin } from '../fakes/obsidian';
import FollowThroughPlugin from '../../src/obsidian/plugin';

const manifest = { id: 'follow-through', name: 'Follow Through', version: '0.1.0', minAppVersion: '1.5.7' };
const wait = (ms = 5) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 500): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await wait(2);
  }
}

const client = `---\ntype: client\ncadence: weekly\ncoach: Sam\n---\n`;
const session = (date: string, body: string) =>
  `---\ntype: session\nclient: "[[Jane Doe]]"\ndate: ${date}\n---\n## Commitments\n${body}\n`;

function setup() {
  const app = new App();
  app.vault.seed('Clients/Jane Doe.md', client);
  app.vault.seed('Sessions/2026-11-20 Jane.md', session('2026-11-20', '- [ ] Send 10 outreach messages ^c7f3a'));
  const plugin = new FollowThroughPlugin(app as never, manifest as never);
  return { app, plugin };
}

describe('plugin and vault index', () => {
  it('indexes the vault once the layout is ready', async () => {
    const { app, plugin } = setup();
    plugin.load();
    await wait();
    expect(plugin.index.size).toBe(0);
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer?.isReady);
    expect(plugin.index.clients().map((c) => c.name)).toEqual(['Jane Doe']);
    expect(plugin.index.commitments().map((c) => [c.text, c.due])).toEqual([['Send 10 outreach messages', '2026-11-25']]);
    plugin.unload();
  });

  it('follows metadata-cache changed, deleted and vault rename events', async () => {
    const { app, plugin } = setup();
    plugin.load();
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer?.isReady);

    const file = app.vault.getFileByPath('Sessions/2026-11-20 Jane.md')!;
    await app.vault.modify(file, session('2026-11-20', '- [x] Send 10 outreach messages ^c7f3a\n- [ ] Draft the scorecard'));
    await until(() => plugin.index.commitments().length === 2);
    expect(plugin.index.commitments().map((c) => c.status)).toEqual(['done', 'open']);

    await app.vault.create('Sessions/2026-11-27 Jane.md', session('2026-11-27', '- [ ] Book the offsite'));
    await until(() => plugin.index.commitments().length === 3);

    await app.vault.rename(file, 'Archive/2026-11-20 Jane.md');
    await until(() => plugin.index.note('Archive/2026-11-20 Jane.md') !== undefined);
    expect(plugin.index.note('Sessions/2026-11-20 Jane.md')).toBeUndefined();
    expect(plugin.index.commitmentsOfSession('Archive/2026-11-20 Jane.md')).toHaveLength(2);

    await app.vault.delete(app.vault.getFileByPath('Sessions/2026-11-27 Jane.md')!);
    await until(() => plugin.index.commitments().length === 2);
    plugin.unload();
  });

  it('unloads without leaving listeners behind', async () => {
    const { app, plugin } = setup();
    const before = app.metadataCache.listenerCount() + app.vault.listenerCount();
    plugin.load();
    app.workspace.triggerLayoutReady();
    await until(() => plugin.indexer?.isReady);
    expect(app.metadataCache.listenerCount()).toBeGreaterThan(0);
    plugin.unload();
    expect(app.metadataCache.listenerCount() + app.vault.listenerCount()).toBe(before);
    expect((plugin as unknown as FakePlugin).commands.size).toBe(0);
  });
});
