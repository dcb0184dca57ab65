// @vitest-environment happy-dom
/**
 * Issue 11 item 19: the plugin was the owner of every brief render, so render children piled up
 * on it until unload. Each render now has a component of its own, unloaded when the brief renders
 * again or the view closes.
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
  return leafWith(h.app, VIEW_CLIENT, `.ft-client[data-client="${name}"] .ft-brief .markdown-fake-render`);
}

describe('brief renders', () => {
  it('do not pile up on the plugin or the view as the brief renders again and again', async () => {
    const before = childrenOf(h.plugin);
    const leaf = await show('Maya Chen');
    const rendersBefore = MarkdownRenderer.rendered.length;
    for (const name of ['Marcus Bell', 'Maya Chen', 'Elena Petrova', 'Maya Chen']) await show(name);
    // The same mounted brief rendering again (its client's note changed) replaces its render.
    const session = h.plugin.index.sessionsOf('Maya Chen').at(-1)!.path;
    const file = h.app.vault.getFileByPath(session)!;
    await h.app.vault.modify(file, h.app.vault.text(session)! + '\n- [ ] One more thing\n');
    await until(() => MarkdownRenderer.rendered.length > rendersBefore + 4, 3000, 'the brief rendering again');
    await settle();
    expect(childrenOf(h.plugin)).toBe(before);
    expect(childrenOf(leaf.view)).toBe(1);
    const last = MarkdownRenderer.rendered.at(-1)!.component;
    expect(last.loaded).toBe(true);
    // Every earlier render's component is unloaded.
    expect(MarkdownRenderer.rendered.slice(rendersBefore, -1).every((r) => !r.component.loaded)).toBe(true);
  });

  it('are unloaded when the view closes', async () => {
    const leaf = await show('Maya Chen');
    const render = MarkdownRenderer.rendered.at(-1)!.component;
    expect(render.loaded).toBe(true);
    leaf.detach();
    await until(() => !render.loaded, 3000, 'the render unloaded');
    expect(childrenOf(leaf.view)).toBe(0);
  });
});
