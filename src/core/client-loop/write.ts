/**
 * The check-ins a read reply would write, as one multi-note edit: per note, each check-in is the
 * core's guarded `checkIn` edit (it finds the line by its text and block id and verifies the note
 * reads back as intended), applied from the lowest commitment up the note so no insertion moves a
 * line still to be found. One refusal refuses the whole edit: nothing is written. Pure and total.
 */
import { plural } from '../words';
import { checkIn } from '../edit/check-in';
import { noteTitle } from './title';
import { refuse, type MultiEditResult, type NoteChange } from '../edit/types';
import type { CoreSettings } from '../settings';
import type { Commitment, IsoDate } from '../types';
import type { ReplyStatus } from './reply';
import { pushTo } from '../index/keys';

export interface CheckInToWrite {
  commitment: Pick<Commitment, 'session' | 'line' | 'raw' | 'id' | 'text'>;
  status: ReplyStatus | 'nudged';
  note: string | null;
}

/** `texts`: each note's current text by path (null when it could not be read). */
export function checkInChanges(
  texts: ReadonlyMap<string, string | null>,
  items: readonly CheckInToWrite[],
  date: IsoDate,
  settings?: CoreSettings,
  summary?: string,
): MultiEditResult {
  if (items.length === 0) return refuse('There is no check-in to write; nothing was changed.');
  const byNote = new Map<string, CheckInToWrite[]>();
  for (const item of items) pushTo(byNote, item.commitment.session, item);
  const changes: NoteChange[] = [];
  for (const [path, list] of [...byNote].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = texts.get(path);
    if (typeof before !== 'string') return refuse(`${noteTitle(path)} could not be read (was it moved or deleted?); nothing was changed.`);
    let text = before;
    const changed = new Set<number>();
    for (const item of [...list].sort((a, b) => b.commitment.line - a.commitment.line)) {
      const c = item.commitment;
      const r = checkIn(text, { path, line: c.line, expectedText: c.raw, id: c.id }, { status: item.status, today: date, note: item.note, settings });
      // The edit's own "Nothing was changed." gives way to the reply's (one sentence end, not `.;`).
      if (!r.ok) return refuse(`${r.reason.replace(/ ?Nothing was changed\.?$|; nothing was changed\.?$/i, '').replace(/[.;]+$/, '')}; nothing was changed (no check-in of this reply was written).`);
      text = r.text;
      for (const l of r.changedLines) changed.add(l);
    }
    changes.push({ path, before, after: text, changedLines: [...changed].sort((a, b) => a - b) });
  }
  const n = items.length;
  return { ok: true, changes, summary: summary ?? `Logged ${plural(n, 'check-in')}.` };
}
