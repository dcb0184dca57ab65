/**
 * The queue's keys, handed to it by its host. In Obsidian the modal's scope gets every key before
 * the page does (and the modal's own Esc would close it), so the adapter registers these keys on
 * the modal's scope and passes each press on here; the component never listens on the window
 * itself, so no key is handled twice.
 */

/** The keys the queue answers (pressed without modifiers). */
export const QUEUE_KEYS = ['Escape', 'Enter', '1', '2', '3', 'd', 'p', 'u'] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

export interface QueueKeyPress {
  key: QueueKey;
  /** Where the focus was (a focused button answers Enter itself; a text field keeps its digits). */
  target: EventTarget | null;
  /** An input method is composing (the key belongs to it). */
  isComposing: boolean;
}

/** The channel between the host's key handlers and the mounted queue. */
export class QueueKeys {
  private handler: ((press: QueueKeyPress) => boolean) | null = null;

  /** The queue listens; returns the function that stops it. */
  attach(handler: (press: QueueKeyPress) => boolean): () => void {
    this.handler = handler;
    return () => {
      if (this.handler === handler) this.handler = null;
    };
  }

  /** The host passes a key on; true when the queue acted on it (the host then prevents the default). */
  press(press: QueueKeyPress): boolean {
    return this.handler?.(press) ?? false;
  }
}

/** Whether focus is in a place that takes typed characters. */
export function isTyping(target: EventTarget | null): boolean {
  return typeof HTMLElement !== 'undefined' && target instanceof HTMLElement && (target.matches('input, textarea, select') || target.isContentEditable);
}

/** Whether focus is on a control that answers Enter itself. */
export function isControl(target: EventTarget | null): boolean {
  return typeof HTMLElement !== 'undefined' && target instanceof HTMLElement && target.closest('button, a, select') !== null;
}
