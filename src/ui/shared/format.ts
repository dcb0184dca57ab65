/** Number formatting shared by the views. */
import { formatRate, type Completion } from '../../core/analytics/completion';

export { formatRate };

/** `7 of 9` (done of those that came due). */
export function ofTotal(c: Pick<Completion, 'done' | 'total'>): string {
  return `${c.done} of ${c.total}`;
}

/** `1 commitment`, `3 commitments`: the core's one wording of a count. */
export { plural } from '../../core/words';
