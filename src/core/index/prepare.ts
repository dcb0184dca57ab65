/**
 * Work done ahead, a slice at a time: the per-client figures the views read (a client's sessions,
 * commitments and chains; a roster row) worked out client by client until the caller's slice is
 * up, so a view that asks afterwards reads them instead of working them out all at once. Pure:
 * the caller decides how long a slice is and yields between slices (src/app/live-models.ts).
 */

/** How far a preparation has got. */
export interface Prepared {
  done: number;
  total: number;
  /** Every item is worked out for the state the last step saw. */
  finished: boolean;
}

/** One unit of work per item, resumed where the last step stopped. */
export interface Preparation {
  step(shouldStop: () => boolean): Prepared;
}

/**
 * A preparation over `items()` (taken again whenever `version()` changes, and worked from the
 * start: items already done are cache hits, cheap to pass again). At least one item is worked per
 * step, so every step gets on; `onDone` runs when a step works the last item.
 */
export function preparation<T>(items: () => readonly T[], version: () => number, work: (item: T) => void, onDone?: () => void): Preparation {
  let list: readonly T[] = [];
  let at = 0;
  let seen = -1;
  return {
    step(shouldStop) {
      if (version() !== seen) {
        seen = version();
        list = items();
        at = 0;
      }
      let first = true;
      while (at < list.length && (first || !shouldStop())) {
        work(list[at++]);
        first = false;
      }
      if (at >= list.length) onDone?.();
      return { done: at, total: list.length, finished: at >= list.length };
    },
  };
}

/**
 * Preparations one after the other. The progress is the last one's (what a view counts, such as
 * clients); while an earlier one runs it is 0 of 0, "not counting yet".
 */
export function inSequence(...parts: Preparation[]): Preparation {
  return {
    step(shouldStop) {
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i].step(shouldStop);
        const last = i === parts.length - 1;
        if (!p.finished) return last ? p : { done: 0, total: 0, finished: false };
        if (last) return p;
        if (shouldStop()) return { done: 0, total: 0, finished: false };
      }
      return { done: 0, total: 0, finished: true };
    },
  };
}
