/**
 * Check-ins: a dated line under a commitment (`- 2026-11-28 stuck: meetings ate Monday`), with an
 * optional `- learned: …` line after it. A `done` check-in also ticks the box and records the done
 * date in the line's own convention (`✅ 2026-11-28` on an emoji line, `[completion:: …]` otherwise).
 */
import { isIsoDate } from '../dates';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { CheckInStatus, IsoDate, ParsedCommitment } from '../types';
import { childLine, childStyle } from './children';
import { fieldValue, setBox, setField, splitItem, writeItem } from './line-fields';
import { locateCommitment } from './locate';
import { LineEditor } from './text';
import { quote, refuse, type EditResult, type EditTarget } from './types';
import { all, finishCommitmentEdit, same } from './verify';

export interface CheckInOptions {
  status: CheckInStatus;
  /** The caller's today; the check-in's date unless `date` is given. */
  today: IsoDate;
  date?: IsoDate;
  note?: string | null;
  learned?: string | null;
  settings?: CoreSettings;
}

const CLOSED: Partial<Record<ParsedCommitment['checkbox'], string>> = {
  done: 'is already done',
  'let-go': 'was let go',
  recommitted: 'was carried forward to a later session',
};

/** The checkbox a check-in leaves: done ticks it; a partial/stuck box follows the new word. */
function boxAfter(box: string | null, status: CheckInStatus): string | null {
  if (status === 'done') return 'x';
  if (box !== '/' && box !== '?') return box;
  if (status === 'partial') return '/';
  if (status === 'stuck') return '?';
  if (status === 'skipped') return ' ';
  return box;
}

export function checkInLineText(date: IsoDate, status: CheckInStatus, note: string | null): string {
  return note ? `${date} ${status}: ${note}` : `${date} ${status}`;
}

export function checkIn(text: string, target: EditTarget, options: CheckInOptions): EditResult {
  const settings = options.settings ?? DEFAULT_CORE_SETTINGS;
  const date = options.date ?? options.today;
  if (!isIsoDate(date)) return refuse(`check-in date '${date}' is not a date (YYYY-MM-DD); nothing was changed.`);
  const loc = locateCommitment(text, target, settings);
  if (!loc.ok) return loc;
  const { note: parsed, commitment: c } = loc;
  const closed = CLOSED[c.checkbox];
  if (closed) return refuse(`${target.path} line ${c.line}: ${quote(c.text)} ${closed}; a check-in needs an open commitment. Nothing was changed.`);

  const note = options.note ? fieldValue(options.note) || null : null;
  // The same check-in again (a reply logged twice): written once.
  const twin = c.checkIns.find((k) => k.date === date && k.status === options.status && k.note === note);
  if (twin) return refuse(`${target.path} line ${c.line}: ${quote(c.text)} already has this check-in (${checkInLineText(date, options.status, note)}, line ${twin.line}), so it was logged before; nothing was changed.`);
  const learned = options.learned ? fieldValue(options.learned) || null : null;
  const editor = new LineEditor(text);
  const parts = splitItem(editor.lines[c.line - 1]);
  if (parts === null) return refuse(`${target.path} line ${c.line} is not a list item; nothing was changed.`);

  const box = boxAfter(parts.box, options.status);
  if (box !== null && box !== parts.box) setBox(parts, box);
  if (options.status === 'done') setField(parts, 'completion', date, c.convention);
  editor.replace(c.line - 1, writeItem(parts));

  const style = childStyle(editor.lines, parsed, c);
  const added = [childLine(style, checkInLineText(date, options.status, note))];
  if (learned) added.push(childLine(style, `learned: ${learned}`));
  editor.insertAfter(c.endLine - 1, added);

  const checkInLine = c.endLine + 1;
  return finishCommitmentEdit(
    editor,
    parsed,
    settings,
    c.line,
    c.line,
    (n) => {
      const k = n.checkIns.find((x) => x.line === checkInLine);
      return all(
        k ? same('the check-in', [k.date, k.status, k.note], [date, options.status, note]) : 'the check-in line would not read as a check-in',
        options.status === 'done' ? all(same('status', n.status, 'done'), same('done date', n.doneDate, date)) : null,
        learned ? (n.learned.some((l) => l.line === checkInLine + 1 && l.text === learned) ? null : 'the learned line would not read back') : null,
      );
    },
    `Checked in on ${quote(c.text, 40)}: ${options.status}${note ? ` (${note})` : ''}`,
  );
}
