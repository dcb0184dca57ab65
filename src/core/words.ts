/** How the views and the brief say each commitment status in words. */
export const STATUS_WORD: Readonly<Record<string, string>> = Object.freeze({
  open: 'open',
  done: 'done',
  partial: 'partly done',
  stuck: 'stuck',
  skipped: 'skipped',
  'let-go': 'let go',
  recommitted: 'carried forward',
});

/** A count with its noun: `1 commitment`, `3 commitments` (`many` for irregular plurals). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
