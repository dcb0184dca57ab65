/**
 * How new dates are written on a line that has no fields yet: for Tasks (emoji, `📅 2026-12-02`)
 * or for Dataview (inline fields, `[due:: 2026-12-02]`). A line that already has fields keeps its
 * own convention. `auto` follows what the vault's dated commitments already use. Pure.
 */
import type { FieldConvention } from '../types';

export type DateStyle = 'auto' | 'tasks' | 'dataview';

export const DATE_STYLES: readonly DateStyle[] = ['auto', 'tasks', 'dataview'];

/** The convention most of the vault's dated lines use; Dataview's when none is dated or it is a tie. */
export function vaultDateConvention(commitments: Iterable<{ convention: FieldConvention; due: string | null; doneDate: string | null; letGoDate: string | null }>): FieldConvention {
  let emoji = 0;
  let dataview = 0;
  for (const c of commitments) {
    if (c.due === null && c.doneDate === null && c.letGoDate === null) continue;
    if (c.convention === 'emoji') emoji++;
    else dataview++;
  }
  return emoji > dataview ? 'emoji' : 'dataview';
}

/** The convention a setting asks for (an unknown value reads as `auto`). */
export function resolveDateStyle(style: unknown, vault: () => FieldConvention): FieldConvention {
  if (style === 'tasks') return 'emoji';
  if (style === 'dataview') return 'dataview';
  return vault();
}
