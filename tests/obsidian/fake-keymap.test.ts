// @vitest-environment happy-dom
/**
 * The fake's key dispatch, as Obsidian's: the keymap sees a keydown on the window before the page,
 * gives it to the scope on top of its stack (a modal's while it is open), the first matching
 * handler of that scope answers, a scope without one passes the key to its parent, and `false`
 * prevents the default. See the comment above `Scope` in tests/fakes/obsidian.ts for the sources.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App, Keymap, Modal, Scope } from '../fakes/obsidian';

/** Presses `key` on `target` as the browser would: a keydown that bubbles from the element. */
function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const evt = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(evt);
  return evt;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the fake keymap', () => {
  it('hears a key on the window before the element it was pressed in, and routes it to the app scope', () => {
    const app = new App();
    const order: string[] = [];
    app.scope.register(['Mod'], 'k', () => {
      order.push('scope');
      return false;
    });
    const input = document.body.appendChild(document.createElement('input'));
    input.addEventListener('keydown', (e) => order.push(`input:${e.defaultPrevented}`));
    const evt = press(input, 'k', { ctrlKey: true });
    expect(order).toEqual(['scope', 'input:true']);
    expect(evt.defaultPrevented).toBe(true);
    // Without the modifier the handler does not match: nothing is prevented.
    expect(press(input, 'k').defaultPrevented).toBe(false);
    expect(order).toEqual(['scope', 'input:true', 'input:false']);
  });

  it('runs only the first matching handler of a scope, oldest first; a handler not returning false leaves the default', () => {
    const app = new App();
    const calls: string[] = [];
    app.scope.register([], 'Enter', () => {
      calls.push('first');
    });
    app.scope.register([], 'Enter', () => {
      calls.push('second');
      return false;
    });
    const evt = press(document.body, 'Enter');
    expect(calls).toEqual(['first']);
    expect(evt.defaultPrevented).toBe(false);
  });

  it('passes a key with no match to the parent scope; null modifiers and keys match anything', () => {
    const app = new App();
    const calls: string[] = [];
    app.scope.register(null, 'x', () => calls.push('root x'));
    const child = new Scope(app.scope);
    child.register([], 'y', () => calls.push('child y'));
    app.keymap.pushScope(child);
    press(document.body, 'x', { shiftKey: true });
    press(document.body, 'y');
    press(document.body, 'y', { altKey: true }); // no match in the child nor the root
    expect(calls).toEqual(['root x', 'child y']);
    const any = new Scope();
    any.register(null, null, (_e, ctx) => calls.push(`any ${ctx.modifiers}+${ctx.key}`));
    app.keymap.pushScope(any);
    press(document.body, 'q', { ctrlKey: true, shiftKey: true });
    expect(calls.at(-1)).toBe('any Ctrl,Shift+q');
    app.keymap.popScope(any);
    app.keymap.popScope(child);
    expect(app.keymap.activeScope).toBe(app.scope);
  });

  it('a modal pushes its scope on open and pops it on close; its own Esc closes it', () => {
    const app = new App();
    const m = new Modal(app);
    m.open();
    expect(app.keymap.activeScope).toBe(m.scope);
    expect(m.scope.parent).toBe(app.scope);
    const evt = press(m.contentEl, 'Escape');
    expect(evt.defaultPrevented).toBe(true);
    expect(m.isOpen).toBe(false);
    expect(app.keymap.activeScope).toBe(app.scope);
  });

  it('a modal’s Esc comes first: an Escape handler registered after it never runs', () => {
    const app = new App();
    const m = new Modal(app);
    let mine = 0;
    m.scope.register([], 'Escape', () => {
      mine++;
      return false;
    });
    m.open();
    press(m.contentEl, 'Escape');
    expect(mine).toBe(0);
    expect(m.isOpen).toBe(false);
  });

  it('an Escape handler wins once the modal’s own is taken out of scope.keys, as plugins do', () => {
    const app = new App();
    const m = new Modal(app);
    for (const h of m.scope.keys.filter((k) => k.key === 'Escape')) m.scope.unregister(h);
    let mine = 0;
    m.scope.register([], 'Escape', () => {
      mine++;
      return false;
    });
    m.open();
    expect(press(m.contentEl, 'Escape').defaultPrevented).toBe(true);
    expect(mine).toBe(1);
    expect(m.isOpen).toBe(true);
    m.close();
  });

  it('keys go to the newest modal; closing it gives them back to the one under it', () => {
    const app = new App();
    const under = new Modal(app);
    const over = new Modal(app);
    under.open();
    over.open();
    press(document.body, 'Escape');
    expect([under.isOpen, over.isOpen]).toEqual([true, false]);
    press(document.body, 'Escape');
    expect(under.isOpen).toBe(false);
  });

  it('is the newest app’s: one app per window', () => {
    const old = new App();
    const calls: string[] = [];
    old.scope.register([], 'a', () => calls.push('old'));
    const app = new App();
    app.scope.register([], 'a', () => calls.push('new'));
    press(document.body, 'a');
    expect(calls).toEqual(['new']);
    expect(Keymap.isModifier(new KeyboardEvent('keydown', { ctrlKey: true }), 'Mod')).toBe(true);
  });
});
