/**
 * `review VAULT --week|--month [--as-of D] [--out FILE]`: the weekly or monthly review note.
 * Without --out the note is printed. With --out it is written there; when the file exists, only
 * its generated block is replaced and everything the reader wrote is kept (a file without a
 * well-formed block, or with another period's, is refused, exit 1). --out may name a folder (one
 * not made yet ends with `/`): the note goes in it as `2026-W48.md` / `2026-11.md`.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VaultIndex } from '../../core/index/vault-index';
import type { PracticeOptions } from '../../core/practice/figures';
import { periodOf, type ReviewPeriodKind } from '../../core/practice/periods';
import { renderReview, updateReviewNote } from '../../core/practice/review';
import type { IsoDate } from '../../core/types';
import { UsageError } from '../args';
import { danglingLinkReason, readTextAndEncoding } from '../read-vault';
import { NoteWriteError, writeFileChecked } from '../write-notes';

export class ReviewWriteError extends Error {}

export interface ReviewCommandOptions {
  period: ReviewPeriodKind;
  asOf: IsoDate;
  /** File (or existing folder) to write; null prints the note. */
  out: string | null;
  /** The settings' thresholds and the like, as the practice view's figures use them. */
  practice?: PracticeOptions;
}

/** `--week` / `--month` to a period; neither means a week, both is a usage error. */
export function reviewPeriod(flags: { week: boolean; month: boolean }): ReviewPeriodKind {
  if (flags.week && flags.month) throw new UsageError('review takes --week or --month, not both');
  return flags.month ? 'month' : 'week';
}

/** The review note (printed), or writes/updates it at `out` and says what it did. */
export function reviewCommand(index: VaultIndex, options: ReviewCommandOptions): string {
  const generated = renderReview(index, { ...(options.practice ?? {}), period: options.period, asOf: options.asOf });
  if (options.out === null) return generated;

  const label = periodOf(options.period, options.asOf).label;
  let file = options.out;
  if (/[\\/]$/.test(file) || (existsSync(file) && statSync(file).isDirectory())) file = join(file, `${label}.md`);
  else if (!/\.md$/i.test(file)) {
    // A folder not made yet, or a note's name without `.md`: either way, not a file Obsidian would show.
    throw new ReviewWriteError(`not writing ${file}: it is not a folder and not a .md note; end it with / for a folder (the review goes in it as ${label}.md), or name the note ${file}.md`);
  }
  const dangling = danglingLinkReason(file);
  if (dangling !== null) throw new ReviewWriteError(`not writing ${file}: ${dangling}`);
  let existing: string | null = null;
  if (existsSync(file)) {
    // Only a regular file whose text can be read is updated: never a pipe, never bytes re-encoded as garbage.
    const read = readTextAndEncoding(file);
    if ('reason' in read) throw new ReviewWriteError(`not writing ${file}: ${read.reason.replace(/^not read: /, '')}`);
    existing = read.text;
  }
  const update = updateReviewNote(existing, generated);
  if (!update.ok) throw new ReviewWriteError(`not writing ${file}: ${update.reason}`);
  if (!update.changed) return `${file}: the ${label} review is already up to date\n`;
  mkdirSync(dirname(file), { recursive: true });
  // The guarded note write: the note must still hold what the update was made from (or still not
  // be there), and it is written as it was kept (encoding, byte-order mark, permissions, a link's
  // real file), whole or not at all.
  try {
    writeFileChecked(file, existing, update.text, { during: `the ${label} review was prepared`, what: 'the review' });
  } catch (err) {
    if (err instanceof NoteWriteError) throw new ReviewWriteError(`not writing ${file}: ${err.message}`);
    throw err;
  }
  return update.created
    ? `wrote the ${label} review to ${file}\n`
    : `updated the ${label} review in ${file}; everything outside the generated block is unchanged\n`;
}
