// @vitest-environment happy-dom
/**
 * Issue 11 item 19: the plugin was the owner of every brief render, so render children piled up
 * on it until unload. Issue 12 §3: the brief is now a Svelte component drawn from the brief model,
 * so the client view renders no markdown at all, and showing clients again and again (or the
 * brief changing under an open view) leaves nothing behind on the plugin or the view.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Component, MarkdownRenderer } from '../fakes/obsidian';
import { VIEW_CLIENT } from '../../src/obsidian/host';
import { fixToday, leafWith, settle, start, until, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  fixToday();
  h = await start();
});
afterEach(() => {
  h.plugin.unload();
  vi.useRealTimers();
});

const childrenOf = (c: unknown) => (c as Component).childCount();

async function show(name: string) {
  await h.plugin.nav.openClientView(name);
  return leafWith(h.app, VIEW_CLIENT, `.ft-client[data-client="${name}"] .ft-brief .ft-brief-head`);
}

describe('the brief in the client view', () => {
  it('renders no markdown and leaves nothing on the plugin or the view as it shows client after client', async () => {
    const before = childrenOf(h.plugin);
    const rendersBefore = MarkdownRenderer.rendered.length;
    const leaf = await show('Maya Chen');
    const viewChildren = childrenOf(leaf.view);
    for (const name of ['Marcus Bell', 'Maya Chen', 'Elena Petrova', 'Maya Chen']) await show(name);
    // The same mounted brief drawing again (its client's note changed) updates in place.
    const session = h.plugin.index.sessionsOf('Maya Chen').at(-1)!.path;
    const file = h.app.vault.getFileByPath(session)!;
    await h.app.vault.modify(file, h.app.vault.text(session)! + '\n- [ ] One more thing\n');
    await until(() => (leaf.view.containerEl.textContent ?? '').includes('One more thing'), 3000, 'the brief drawing again');
    await settle();
    expect(MarkdownRenderer.rendered.length).toBe(rendersBefore);
    expect(childrenOf(h.plugin)).toBe(before);
    expect(childrenOf(leaf.view)).toBe(viewChildren);
    expect(leaf.view.containerEl.querySelectorAll('.ft-brief')).toHaveLength(1);
  });
});
