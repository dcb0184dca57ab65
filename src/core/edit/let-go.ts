/**
 * Letting a commitment go: `[-]`, the let-go date (`❌ …` on an emoji line, `[cancelled:: …]`
 * otherwise), and under it a dated line with the reason and a `learned:` line.
 *
 * The spec's check-in words (done, partial, stuck, skipped) have none for letting go, so the reason
 * is written as `- 2026-12-01 let go: <reason>`, which the parser keeps as a note; the `learned:`
 * line is read as a lesson.
 */
import { isIsoDate } from '../dates';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { IsoDate } from '../types';
import { childLine, childStyle } from './children';
import { fieldValue, setBox, setField, splitItem, writeItem } from './line-fields';
import { locateCommitment } from './locate';
import { LineEditor } from './text';
import { quote, refuse, type EditResult, type EditTarget } from './types';
import { all, finishCommitmentEdit, same } from './verify';

export interface LetGoOptions {
  today: IsoDate;
  reason?: string | null;
  learned?: string | null;
  settings?: CoreSettings;
}

export function letGo(text: string, target: EditTarget, options: LetGoOptions): EditResult {
  const settings = options.settings ?? DEFAULT_CORE_SETTINGS;
  const date = options.today;
  if (!isIsoDate(date)) return refuse(`let-go date '${date}' is not a date (YYYY-MM-DD); nothing was changed.`);
  const loc = locateCommitment(text, target, settings);
  if (!loc.ok) return loc;
  const { note: parsed, commitment: c } = loc;
  if (c.checkbox === 'done' || c.checkbox === 'let-go' || c.checkbox === 'recommitted') {
    const what = c.checkbox === 'done' ? 'is already done' : c.checkbox === 'let-go' ? 'was already let go' : 'was carried forward to a later session';
    return refuse(`${target.path} line ${c.line}: ${quote(c.text)} ${what}; nothing was changed.`);
  }
  const reason = options.reason ? fieldValue(options.reason) || null : null;
  const learned = options.learned ? fieldValue(options.learned) || null : null;

  const editor = new LineEditor(text);
  const parts = splitItem(editor.lines[c.line - 1]);
  if (parts === null) return refuse(`${target.path} line ${c.line} is not a list item; nothing was changed.`);
  setBox(parts, '-');
  setField(parts, 'cancelled', date, c.convention);
  editor.replace(c.line - 1, writeItem(parts));

  const style = childStyle(editor.lines, parsed, c);
  const added: string[] = [];
  if (reason) added.push(childLine(style, `${date} let go: ${reason}`));
  if (learned) added.push(childLine(style, `learned: ${learned}`));
  editor.insertAfter(c.endLine - 1, added);

  const first = c.endLine + 1;
  return finishCommitmentEdit(
    editor,
    parsed,
    settings,
    c.line,
    c.line,
    (n) =>
      all(
        same('status', n.status, 'let-go'),
        same('let-go date', n.letGoDate, date),
        reason ? (n.notes.includes(`${date} let go: ${reason}`) ? null : 'the reason line would not read back') : null,
        learned ? (n.learned.some((l) => l.line === first + (reason ? 1 : 0) && l.text === learned) ? null : 'the learned line would not read back') : null,
      ),
    `Let go of ${quote(c.text, 40)}${reason ? `: ${reason}` : ''}`,
  );
}
