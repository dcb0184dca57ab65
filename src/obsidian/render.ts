/**
 * Markdown rendered into view elements, each render owned by a component of its own: the next
 * render into the same element, or `clear()` (the view closing or re-rendering), unloads it,
 * so what Obsidian's renderer registers (embeds, post-processors, their listeners) does not pile
 * up on a long-lived owner.
 */
import { Component, MarkdownRenderer, type App } from 'obsidian';

export class MarkdownRenders {
  private readonly slots = new Map<HTMLElement, Component>();

  constructor(
    private readonly app: App,
    /** What the renders live under (the view), so they go at the latest when it unloads. */
    private readonly owner: Component,
  ) {}

  render(el: HTMLElement, markdown: string, sourcePath: string): void {
    this.release(el);
    el.empty();
    const child = this.owner.addChild(new Component());
    this.slots.set(el, child);
    MarkdownRenderer.render(this.app, markdown, el, sourcePath, child).catch((e: unknown) => {
      console.error('Follow Through: rendering failed', e);
    });
  }

  /** Unloads every render (the view is closing or rendering afresh). */
  clear(): void {
    for (const el of [...this.slots.keys()]) this.release(el);
  }

  private release(el: HTMLElement): void {
    const child = this.slots.get(el);
    if (!child) return;
    this.slots.delete(el);
    this.owner.removeChild(child);
  }
}
