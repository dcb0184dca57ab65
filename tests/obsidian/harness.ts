/**
 * The adapter tests' harness: the real plugin class on a fake App seeded with the demo vault,
 * today fixed at 2026-12-01 (only `Date` is faked; timers run for real), and small waits.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { App, Plugin as FakePlugin, type WorkspaceLeaf } from '../fakes/obsidian';
import FollowThroughPlugin from '../../src/obsidian/plugin';

export const AS_OF = '2026-12-01';
export const PLUGIN_ID = 'follow-through';
export const manifest = { id: PLUGIN_ID, name: 'Follow Through', version: '0.1.0', minAppVersion: '1.5.7' };

// (A string, not `new URL(…)`: in a DOM test `URL` is the DOM's, which node:url does not take.)
const DEMO = join(dirname(fileURLToPath(import.meta.url)), '../../examples/demo-vault');

/** The demo vault's notes, `{ path: text }`, read from examples/demo-vault. */
export function demoNotes(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(DEMO, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(DEMO);
  return out;
}

/** Today is 2026-12-01 (noon local time) for the plugin's `localToday()`; timers stay real. */
export function fixToday(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 1, 12, 0, 0));
}

export const wait = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits (on real timers) until `check` holds (or its promise resolves to something truthy). */
export async function until(check: () => unknown, ms = 3000, what = 'condition'): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(5);
  }
}

/** Lets pending promises, Svelte updates and zero-delay timers run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await wait(0);
}

export interface Harness {
  app: App;
  plugin: FollowThroughPlugin;
  /** The same plugin, seen as the fake's Plugin (test helpers such as `commands`). */
  fake: FakePlugin;
}

/** A fake App with the demo vault and the plugin, not loaded yet. `data` is what data.json holds. */
export function create(data?: unknown, notes: Record<string, string> = demoNotes()): Harness {
  const app = new App();
  for (const [path, text] of Object.entries(notes)) app.vault.seed(path, text);
  const plugin = new FollowThroughPlugin(app as never, manifest as never);
  const fake = plugin as unknown as FakePlugin;
  if (data !== undefined) fake.setStoredData(data);
  return { app, plugin, fake };
}

/** Loads the plugin, makes the layout ready and waits for the first index and the status bar. */
export async function start(data?: unknown, notes?: Record<string, string>): Promise<Harness> {
  const h = create(data, notes);
  h.plugin.load();
  h.app.workspace.triggerLayoutReady();
  await until(() => h.plugin.indexer?.isReady && statusBar(h.app) !== null, 3000, 'the index and the status bar');
  return h;
}

export function statusBar(app: App): HTMLElement | null {
  return app.statusBarEl.querySelector<HTMLElement>('.ft-status');
}

/** Runs a command the way the palette does; throws if it is not available. */
export function run(app: App, id: string): void {
  if (!app.commands.executeCommandById(`${PLUGIN_ID}:${id}`)) throw new Error(`Command ${id} is not available`);
}

/** The content element of the view in `leaf` (an ItemView). */
export function content(leaf: WorkspaceLeaf): HTMLElement {
  return (leaf.view as unknown as { contentEl: HTMLElement }).contentEl;
}

/** The one leaf of a view type, once it has rendered something matching `selector`. */
export async function leafWith(app: App, type: string, selector: string): Promise<WorkspaceLeaf> {
  await until(() => app.workspace.getLeavesOfType(type)[0] && content(app.workspace.getLeavesOfType(type)[0]).querySelector(selector), 3000, `${type} showing ${selector}`);
  return app.workspace.getLeavesOfType(type)[0];
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
}

/** The input of the setting named `name` in a settings tab. */
export function settingInput(container: HTMLElement, name: string): HTMLInputElement | HTMLTextAreaElement {
  const item = [...container.querySelectorAll('.setting-item')].find((s) => s.querySelector('.setting-item-name')?.textContent === name);
  const input = item?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  if (!input) throw new Error(`No setting named ${name}`);
  return input;
}

/** Types into a text input as the coach would: the value, then an `input` event. */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Counts the intervals started and not yet cleared while it is installed. */
export function trackIntervals(): { live: Set<unknown>; restore(): void } {
  const live = new Set<unknown>();
  const realSet = globalThis.setInterval;
  const realClear = globalThis.clearInterval;
  globalThis.setInterval = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const id = realSet(fn, ms, ...args);
    live.add(id);
    return id;
  }) as typeof setInterval;
  globalThis.clearInterval = ((id: Parameters<typeof clearInterval>[0]) => {
    live.delete(id);
    realClear(id);
  }) as typeof clearInterval;
  return {
    live,
    restore() {
      globalThis.setInterval = realSet;
      globalThis.clearInterval = realClear;
    },
  };
}
