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
  /** Items this step worked (0 when it found them all worked already). */
  worked: number;
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
      const from = at;
      while (at < list.length && (at === from || !shouldStop())) work(list[at++]);
      if (at >= list.length) onDone?.();
      return { done: at, total: list.length, finished: at >= list.length, worked: at - from };
    },
  };
}

/**
 * Preparations one after the other. The progress is the last one's (what a view counts, such as
 * clients); while an earlier one runs it is 0 of 0, "not counting yet". Each step asks every part
 * from the first (an earlier part starts again when its items change) and stops once a part has
 * worked and the slice is up; a part with nothing left to work costs the step nothing, so every
 * step gets on, however short the slice.
 */
export function inSequence(...parts: Preparation[]): Preparation {
  return {
    step(shouldStop) {
      let worked = 0;
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i].step(shouldStop);
        worked += p.worked;
        const last = i === parts.length - 1;
        if (last) return { ...p, worked };
        if (!p.finished || (p.worked > 0 && shouldStop())) return { done: 0, total: 0, finished: false, worked };
      }
      return { done: 0, total: 0, finished: true, worked };
    },
  };
}
