/**
 * One evidence popover open at a time, across every view: whichever opened last. `pinned` means
 * it was opened by a click or tap and stays until dismissed; otherwise it follows hover or focus.
 */
import { writable } from 'svelte/store';

export interface ActivePopover {
  id: string;
  pinned: boolean;
}

export const activePopover = writable<ActivePopover | null>(null);

let next = 0;
export function popoverId(): string {
  return `ft-popover-${++next}`;
}
