/**
 * Updating a review note in place: only the generated block between the two marker lines is
 * rewritten; a note whose markers are missing, repeated or out of order is refused with a reason.
 */

export const REVIEW_START = '<!-- follow-through:review:start -->';
export const REVIEW_END = '<!-- follow-through:review:end -->';

export type ReviewUpdate = { ok: true; text: string; changed: boolean; created: boolean } | { ok: false; reason: string };

interface Block {
  /** Offsets of the start marker line's first character and just past the end marker's text. */
  from: number;
  to: number;
}

/** The one generated block of a note, or the reason there is not exactly one well-formed block. */
function findBlock(text: string): Block | { reason: string } {
  const starts: number[] = [];
  const ends: { from: number; to: number }[] = [];
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const raw = text.slice(at, lineEnd);
    const line = raw.replace(/\r$/, '').trim();
    if (line === REVIEW_START) starts.push(at + raw.indexOf(REVIEW_START));
    else if (line === REVIEW_END) {
      const from = at + raw.indexOf(REVIEW_END);
      ends.push({ from, to: from + REVIEW_END.length });
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  if (starts.length === 0 && ends.length === 0) return { reason: 'the note has no Follow Through review block (no start or end marker)' };
  if (starts.length === 0) return { reason: 'the review block has an end marker but no start marker' };
  if (ends.length === 0) return { reason: 'the review block has a start marker but no end marker' };
  if (starts.length > 1) return { reason: `the note has ${starts.length} start markers; expected one` };
  if (ends.length > 1) return { reason: `the note has ${ends.length} end markers; expected one` };
  if (ends[0].from < starts[0]) return { reason: 'the end marker comes before the start marker' };
  return { from: starts[0], to: ends[0].to };
}

/** The period a review block is for, from its heading (`# Weekly review: 2026-W48 (…)`), or null. */
function periodIn(block: string): string | null {
  const m = /^#[ \t]+(?:Weekly|Monthly)[ \t]+review:[ \t]+(\S+)/m.exec(block);
  return m ? m[1] : null;
}

/**
 * The note with its generated block replaced by the one in `generated` (a note or block from
 * `renderReview`/`renderReviewBlock`). Everything outside the block is kept byte for byte, and the
 * new block takes the note's line endings. With no existing note, `generated` is the note. When
 * the existing note's markers are missing, repeated or out of order nothing is changed and the
 * reason is given: the safe choice, since guessing where the generated part ends could overwrite
 * what the reader wrote. So is a note whose block is another period's review.
 */
export function updateReviewNote(existing: string | null, generated: string): ReviewUpdate {
  const fresh = findBlock(generated);
  if ('reason' in fresh) return { ok: false, reason: `the generated text is not a review block: ${fresh.reason}` };
  if (existing === null) return { ok: true, text: generated, changed: true, created: true };
  const old = findBlock(existing);
  if ('reason' in old) return { ok: false, reason: `${old.reason}; the note was left unchanged` };
  const was = periodIn(existing.slice(old.from, old.to));
  const now = periodIn(generated.slice(fresh.from, fresh.to));
  if (was !== null && now !== null && was !== now) {
    // The block says only its own period's review rewrites it: another period's would put this
    // week's figures beside last week's reflections.
    return { ok: false, reason: `the note holds the ${was} review, not ${now}'s; write the ${now} review to a note of its own (the note was left unchanged)` };
  }
  let block = generated.slice(fresh.from, fresh.to).replace(/\r\n/g, '\n');
  if (/\r\n/.test(existing)) block = block.replace(/\n/g, '\r\n');
  const text = existing.slice(0, old.from) + block + existing.slice(old.to);
  return { ok: true, text, changed: text !== existing, created: false };
}
