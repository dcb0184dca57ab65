/** Number formatting shared by the views. */
import { formatRate, type Completion } from '../../core/analytics/completion';

export { formatRate };

/** `7 of 9` (done of those that came due). */
export function ofTotal(c: Pick<Completion, 'done' | 'total'>): string {
  return `${c.done} of ${c.total}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
