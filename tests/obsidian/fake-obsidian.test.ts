// @vitest-environment happy-dom
/** The fake's own promises, where the adapter relies on Obsidian's order of things. */
import { describe, expect, it, vi } from 'vitest';
import { App, debounce, ItemView, Modal, Plugin, Setting, setIcon, type WorkspaceLeaf } from '../fakes/obsidian';

class LoggingView extends ItemView {
  state: unknown = null;
  constructor(
    leaf: WorkspaceLeaf,
    readonly log: string[],
    readonly name: string,
  ) {
    super(leaf);
  }
  getViewType() {
    return this.name;
  }
  getDisplayText() {
    return this.name;
  }
  override async onOpen() {
    this.log.push(`${this.name}:open`);
  }
  override async onClose() {
    this.log.push(`${this.name}:close`);
  }
  override async setState(state: unknown) {
    this.state = state;
    this.log.push(`${this.name}:setState ${JSON.stringify(state)}`);
  }
  override getState() {
    return (this.state ?? {}) as Record<string, unknown>;
  }
}

function withViews() {
  const app = new App();
  const plugin = new Plugin(app, { id: 'p', name: 'P', version: '0', minAppVersion: '0' });
  const log: string[] = [];
  plugin.load();
  plugin.registerView('a', (leaf) => new LoggingView(leaf, log, 'a'));
  plugin.registerView('b', (leaf) => new LoggingView(leaf, log, 'b'));
  return { app, plugin, log };
}

describe('the fake Obsidian', () => {
  it('setViewState opens the new view after closing the old one, then hands it its state', async () => {
    const { app, log } = withViews();
    const leaf = app.workspace.getLeaf('tab');
    await leaf.setViewState({ type: 'a', state: { x: 1 } });
    await leaf.setViewState({ type: 'a', state: { x: 2 } });
    await leaf.setViewState({ type: 'b' });
    expect(log).toEqual(['a:open', 'a:setState {"x":1}', 'a:setState {"x":2}', 'a:close', 'b:open', 'b:setState {}']);
    const view = leaf.view as LoggingView;
    expect([...view.containerEl.children].map((c) => c.className)).toEqual(['view-header', 'view-content']);
    expect(view.containerEl.children[1]).toBe(view.contentEl);
    leaf.detach();
    await leaf.whenClosed();
    expect(log.at(-1)).toBe('b:close');
    expect(app.workspace.getLeavesOfType('b')).toEqual([]);
  });

  it('unloading a plugin closes its views and keeps the leaves; loading the type again reopens them', async () => {
    const { app, plugin, log } = withViews();
    const leaf = app.workspace.getRightLeaf(false)!;
    await leaf.setViewState({ type: 'a', state: { x: 1 } });
    plugin.unload();
    await leaf.whenClosed();
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toContain('a:close');
    expect(leaf.getViewState()).toMatchObject({ type: 'a', state: { x: 1 } });
    expect(() => plugin.registerView('a', (l) => new LoggingView(l, log, 'a'))).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(leaf.view).toBeInstanceOf(LoggingView);
    expect(log.slice(-2)).toEqual(['a:open', 'a:setState {"x":1}']);
  });

  it('a view type can be registered once', () => {
    const { plugin } = withViews();
    expect(() => plugin.registerView('a', () => null as never)).toThrow(/existing view type/);
  });

  it('has Obsidian’s element helpers', () => {
    const el = document.createElement('div');
    const child = el.createEl('button', { cls: ['a', 'b c'], text: 'Go', attr: { 'data-x': 1, hidden: null }, title: 't' });
    expect(child.outerHTML).toBe('<button class="a b c" data-x="1" title="t">Go</button>');
    el.createSpan('first', (s) => s.setText('1'));
    el.createDiv({ cls: 'top', prepend: true });
    expect([...el.children].map((c) => c.className)).toEqual(['top', 'a b c', 'first']);
    child.toggleClass('on', true);
    child.removeClass('a');
    child.setAttr('aria-label', 'go');
    expect(child.className).toBe('b c on');
    expect(child.getAttr('aria-label')).toBe('go');
    setIcon(child, 'list-checks');
    expect(child.querySelector('svg')?.getAttribute('data-icon')).toBe('list-checks');
    el.empty();
    expect(el.childNodes).toHaveLength(0);
  });

  it('settings controls: typing calls onChange, setValue does not (a toggle’s does)', () => {
    const el = document.createElement('div');
    const changes: unknown[] = [];
    new Setting(el)
      .setName('Name')
      .addText((t) => t.setValue('a').onChange((v) => changes.push(v)))
      .addToggle((t) => t.onChange((v) => changes.push(v)).setValue(true))
      .addDropdown((d) => d.addOptions({ x: 'X', y: 'Y' }).setValue('y').onChange((v) => changes.push(v)))
      .addSlider((s) => s.setLimits(0, 10, 1).setValue(3).onChange((v) => changes.push(v)));
    expect(changes).toEqual([true]);
    const input = el.querySelector('input[type="text"]') as HTMLInputElement;
    input.value = 'b';
    input.dispatchEvent(new Event('input'));
    (el.querySelector('.checkbox-container') as HTMLElement).click();
    const select = el.querySelector('select')!;
    select.value = 'x';
    select.dispatchEvent(new Event('change'));
    const slider = el.querySelector('input[type="range"]') as HTMLInputElement;
    slider.value = '7';
    slider.dispatchEvent(new Event('change'));
    expect(changes).toEqual([true, 'b', false, 'x', 7]);
    expect(el.querySelector('.setting-item-name')?.textContent).toBe('Name');
  });

  it('a modal is in the document while open, with Esc on its scope', () => {
    const app = new App();
    const events: string[] = [];
    const m = new (class extends Modal {
      override onOpen() {
        events.push('open');
      }
      override onClose() {
        events.push('close');
      }
    })(app);
    m.setTitle('Hi').open();
    expect(document.body.contains(m.modalEl)).toBe(true);
    expect(app.modals).toEqual([m]);
    expect(m.scope.handlersFor('Escape')).toHaveLength(1);
    m.scope.handlersFor('Escape')[0].func(new KeyboardEvent('keydown', { key: 'Escape' }), { modifiers: '', key: 'Escape', vkey: 'Escape' });
    expect(events).toEqual(['open', 'close']);
    expect(document.body.contains(m.modalEl)).toBe(false);
    expect(app.modals).toEqual([]);
  });

  it('debounce calls once with the latest arguments; run() calls now, cancel() never', async () => {
    vi.useFakeTimers();
    try {
      const calls: number[] = [];
      const d = debounce((n: number) => calls.push(n), 100, true);
      d(1);
      vi.advanceTimersByTime(60);
      d(2);
      vi.advanceTimersByTime(60);
      expect(calls).toEqual([]);
      vi.advanceTimersByTime(40);
      expect(calls).toEqual([2]);
      d(3);
      d.run();
      d(4);
      d.cancel();
      vi.advanceTimersByTime(200);
      expect(calls).toEqual([2, 3]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the fake vault’s disk (reads that take time on other threads, as on desktop)', () => {
  it('answers each read after its disk time on the first free lane, never at once, failures included', async () => {
    const app = new App();
    const files = ['a', 'b', 'c', 'd'].map((n) => app.vault.seed(`${n}.md`, n));
    app.vault.failReads('d.md', 'EACCES: permission denied');
    app.vault.simulateDisk({ readUs: 4000, lanes: 2 });
    const answered: string[] = [];
    const reads = files.map((f) =>
      app.vault.cachedRead(f).then(
        (text) => answered.push(text),
        (e: Error) => answered.push(e.message),
      ),
    );
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(answered).toEqual([]); // not in the same task: the disk has work to do
    // Two lanes: a and b are read side by side (answered within a moment of each other, as
    // they were asked: in one millisecond or the next); c and d wait for a lane.
    await Promise.all([reads[0], reads[1]]);
    expect(answered.sort()).toEqual(['a', 'b']);
    await Promise.all(reads);
    expect(answered.slice(2).sort()).toEqual(['EACCES: permission denied', 'c']);
    app.vault.simulateDisk(null);
    let now = '';
    const read = app.vault.cachedRead(files[0]).then((t) => (now = t));
    await Promise.resolve();
    await read;
    expect(now).toBe('a');
  });
});

describe('the fake window’s task scheduler (Chromium’s scheduler.postTask, as Obsidian’s window has)', () => {
  const scheduler = () => (window as unknown as { scheduler: { postTask(cb: () => unknown, o?: { priority?: string; signal?: AbortSignal }): Promise<unknown> } }).scheduler;

  it('runs a task after the current one and resolves with what it returned, or rejects with what it threw', async () => {
    const seen: string[] = [];
    const a = scheduler().postTask(() => (seen.push('a'), 1), { priority: 'background' });
    const b = scheduler().postTask(() => {
      throw new Error('boom');
    });
    seen.push('now');
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow('boom');
    expect(seen).toEqual(['now', 'a']);
  });

  it('never runs a task whose signal aborts first, and rejects it with an AbortError', async () => {
    const ran = vi.fn();
    const abort = new AbortController();
    const task = scheduler().postTask(ran, { priority: 'background', signal: abort.signal });
    abort.abort();
    await expect(task).rejects.toMatchObject({ name: 'AbortError' });
    const late = new AbortController();
    late.abort();
    await expect(scheduler().postTask(ran, { signal: late.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 5));
    expect(ran).not.toHaveBeenCalled();
  });

  it('is what the adapter’s UI turns go through', async () => {
    const { afterUiTurn } = await import('../../src/app/ui-turn');
    const spy = vi.spyOn(scheduler(), 'postTask');
    await new Promise<void>((done) => afterUiTurn(done, window as never));
    expect(spy).toHaveBeenCalledWith(expect.any(Function), expect.objectContaining({ priority: 'background' }));
    spy.mockRestore();
  });
});
