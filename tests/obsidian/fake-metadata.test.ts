/**
 * The fake's vault reads and metadata cache, where the adapter's start-up depends on them: reads
 * that fail or answer after events, a cache that is not ready until `changed`, metadata in
 * Obsidian's CachedMetadata shape, and renders that add a child to their owner.
 */
import { describe, expect, it } from 'vitest';
import { App, Component, getAllTags, MarkdownRenderer } from '../fakes/obsidian';

const NOTE = `---
type: session
client: "[[Jane Doe]]"
tags: [coaching, "#q4"]
date: 2026-11-20
---
# Session with Jane ##
Talked about #hiring and #2026 (a number is no tag) and [[Jane Doe|Jane]], ![[chart.png]].

\`\`\`
#not-a-tag [[not a link]]
\`\`\`
## Commitments
- [ ] Send the deck \`#code\` #commitment/q4 ^abc12
`;

describe('the fake metadata cache', () => {
  it('holds what Obsidian computes: frontmatter, tags, headings, links, positions', () => {
    const app = new App();
    const file = app.vault.seed('n.md', NOTE);
    const cache = app.metadataCache.getFileCache(file)!;
    expect(cache.frontmatter).toEqual({ type: 'session', client: '[[Jane Doe]]', tags: ['coaching', '#q4'], date: '2026-11-20' });
    expect(cache.frontmatterPosition).toEqual({ start: { line: 0, col: 0, offset: 0 }, end: { line: 5, col: 3, offset: NOTE.indexOf('\n---\n') + 4 } });
    expect(cache.frontmatterLinks).toEqual([{ key: 'client', link: 'Jane Doe', original: '[[Jane Doe]]', displayText: 'Jane Doe' }]);
    expect(cache.headings?.map((h) => [h.heading, h.level, h.position.start.line])).toEqual([
      ['Session with Jane', 1, 6],
      ['Commitments', 2, 12],
    ]);
    expect(cache.tags?.map((t) => t.tag)).toEqual(['#hiring', '#commitment/q4']);
    const hiring = cache.tags![0];
    expect(NOTE.slice(hiring.position.start.offset, hiring.position.end.offset)).toBe('#hiring');
    expect(cache.links?.map((l) => [l.link, l.displayText, l.original])).toEqual([['Jane Doe', 'Jane', '[[Jane Doe|Jane]]']]);
    expect(cache.embeds?.map((l) => l.link)).toEqual(['chart.png']);
    expect(getAllTags(cache)).toEqual(['#coaching', '#q4', '#hiring', '#commitment/q4']);
  });

  it('keeps no frontmatter for invalid YAML, but knows where the block is', () => {
    const app = new App();
    const cache = app.metadataCache.getFileCache(app.vault.seed('bad.md', '---\ntype: [session\n---\ntext\n'))!;
    expect(cache.frontmatter).toBeUndefined();
    expect(cache.frontmatterPosition?.start.line).toBe(0);
  });

  it('is null for a note not indexed yet, until its changed event; follows renames; drops deletes', async () => {
    const app = new App();
    const file = app.vault.seed('late.md', '# Later', { cached: false });
    expect(app.metadataCache.getFileCache(file)).toBeNull();
    const events: string[] = [];
    app.metadataCache.on('changed', (f: { path: string }, data: string, cache: unknown) => events.push(`${f.path}:${data}:${cache !== null}`));
    app.vault.indexLater('late.md');
    expect(events).toEqual(['late.md:# Later:true']);
    expect(app.metadataCache.getFileCache(file)?.headings?.[0].heading).toBe('Later');
    await app.vault.rename(file, 'moved.md');
    expect(app.metadataCache.getFileCache(file)?.headings?.[0].heading).toBe('Later');
    // A created note's cache comes with its changed event, a tick after the vault's create.
    const created = await app.vault.create('new.md', '# New');
    expect(app.metadataCache.getFileCache(created)).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    expect(app.metadataCache.getFileCache(created)?.headings?.[0].heading).toBe('New');
    await app.vault.delete(created);
    await new Promise((r) => setTimeout(r, 5));
    expect(app.metadataCache.getFileCache(created)).toBeNull();
  });
});

describe('the fake vault reads', () => {
  it('a read fails when the note is gone or is scripted to fail', async () => {
    const app = new App();
    const file = app.vault.seed('a.md', 'A');
    app.vault.failReads('a.md', 'EIO: i/o error');
    await expect(app.vault.cachedRead(file)).rejects.toThrow('EIO: i/o error');
    await expect(app.vault.read(file)).rejects.toThrow('EIO');
    app.vault.failReads('a.md', null);
    await expect(app.vault.cachedRead(file)).resolves.toBe('A');
    await app.vault.delete(file);
    await expect(app.vault.cachedRead(file)).rejects.toThrow('File does not exist');
    expect(app.vault.readCounts.get('a.md')).toBe(4);
  });

  it('held reads keep the text from when they started and answer when released, in any order', async () => {
    const app = new App();
    const a = app.vault.seed('a.md', 'old a');
    const b = app.vault.seed('b.md', 'b');
    const held = app.vault.holdReads();
    const order: string[] = [];
    const ra = app.vault.cachedRead(a).then((t) => order.push(t));
    const rb = app.vault.cachedRead(b).then((t) => order.push(t));
    await app.vault.modify(a, 'new a');
    expect(held.pending).toEqual(['a.md', 'b.md']);
    await held.release('reverse');
    await Promise.all([ra, rb]);
    expect(order).toEqual(['b', 'old a']);
    await expect(app.vault.cachedRead(a)).resolves.toBe('new a');
  });
});

describe('the fake MarkdownRenderer', () => {
  it('adds a child to its owner per render, gone when the owner unloads', async () => {
    const app = new App();
    const owner = new Component();
    owner.load();
    const el = { createDiv: () => null } as unknown as HTMLElement;
    await MarkdownRenderer.render(app, 'a', el, '', owner);
    await MarkdownRenderer.render(app, 'b', el, '', owner);
    expect(owner.childCount()).toBe(2);
    owner.unload();
    expect(owner.childCount()).toBe(0);
  });
});
