/**
 * Whether the Tasks plugin's statuses read Follow Through's boxes as Follow Through does: `>`
 * (recommitted) as CANCELLED or NON_TASK, so "not done" queries leave it out; `?` (stuck) and `/`
 * (partial) as IN_PROGRESS. Reads Tasks' saved `statusSettings` (core and custom statuses) as
 * plain data; anything unexpected reads as "not set up". No obsidian import.
 */

export interface WantedStatus {
  symbol: string;
  name: string;
  next: string;
  types: readonly string[];
}

/** The statuses the README's table asks for. */
export const WANTED_TASKS_STATUSES: readonly WantedStatus[] = [
  { symbol: '>', name: 'Recommitted', next: ' ', types: ['CANCELLED', 'NON_TASK'] },
  { symbol: '?', name: 'Stuck', next: 'x', types: ['IN_PROGRESS'] },
  { symbol: '/', name: 'Partial', next: 'x', types: ['IN_PROGRESS'] },
];

export interface TasksStatusCheck {
  /** True when every wanted symbol has a wanted type. */
  ok: boolean;
  /** One sentence per symbol: right, or what to add or change in Tasks. */
  lines: string[];
}

function statusList(value: unknown): { symbol: string; type: string }[] {
  if (!Array.isArray(value)) return [];
  const out: { symbol: string; type: string }[] = [];
  for (const s of value as unknown[]) {
    if (typeof s !== 'object' || s === null) continue;
    const { symbol, type } = s as { symbol?: unknown; type?: unknown };
    if (typeof symbol === 'string' && typeof type === 'string') out.push({ symbol, type });
  }
  return out;
}

const typeText = (types: readonly string[]) => types.join(' or ');

export function checkTasksStatuses(statusSettings: unknown): TasksStatusCheck {
  const settings = typeof statusSettings === 'object' && statusSettings !== null ? (statusSettings as Record<string, unknown>) : {};
  // Tasks uses the first status with a symbol: its core statuses, then the custom ones in order.
  const all = [...statusList(settings.coreStatuses), ...statusList(settings.customStatuses)];
  const lines: string[] = [];
  let ok = true;
  for (const w of WANTED_TASKS_STATUSES) {
    const found = all.find((s) => s.symbol === w.symbol);
    if (found === undefined) {
      ok = false;
      lines.push(`[${w.symbol}] is not a Tasks status: add one with symbol ${w.symbol}, name ${w.name}, next symbol ${w.next === ' ' ? '(space)' : w.next} and type ${typeText(w.types)}.`);
    } else if (!w.types.includes(found.type)) {
      ok = false;
      lines.push(`[${w.symbol}] is ${found.type} in Tasks: change its type to ${typeText(w.types)} (${w.name}).`);
    } else {
      lines.push(`[${w.symbol}] is ${found.type} in Tasks, as Follow Through reads it (${w.name}).`);
    }
  }
  return { ok, lines };
}
