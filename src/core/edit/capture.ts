/**
 * Capture: right after a session, the coach confirms the commitments written under the
 * commitments heading. Each becomes a full commitment line: a checkbox, a block id, and the
 * fields the coach confirmed. Capturing again with the same confirmations changes nothing.
 */
import { plural } from '../words';
import { isIsoDate } from '../dates';
import { parseLineFields } from '../parse/fields';
import { matchListItem } from '../parse/lines';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { Coping, FieldConvention, IsoDate, Kind, Owner, ParsedCommitment, ParsedNote } from '../types';
import { blockIdsIn, newBlockId } from './block-id';
import { othersUnchanged } from './children';
import { commitmentText, copingValue, fieldValue, hasField, normaliseCoping, setBlockId, setBox, setField, splitItem, writeItem, type FieldKey } from './line-fields';
import { parseSessionForEdit } from './locate';
import { parseNote } from '../parse/note';
import { LineEditor } from './text';
import { quote, refuse, type EditResult, type EditTarget, type RandomSource } from './types';
import { all, same } from './verify';

/** The spec's default due date, shared with the index that derives it when reading notes. */
export { defaultDueDate } from '../index/vault-index';

/** The fields a coach confirmed for one commitment. Absent means "leave as it is". */
export interface CaptureFields {
  /** Edited commitment text; the fields on the line are kept around it. */
  text?: string;
  owner?: Owner;
  due?: IsoDate;
  trigger?: string;
  coping?: Coping;
  confidence?: number;
  kind?: Kind;
}

export interface CaptureItem {
  target: EditTarget;
  fields?: CaptureFields;
}

export interface CaptureOptions {
  /** The commitments to capture; omitted, every commitment without a checkbox or block id. */
  items?: readonly CaptureItem[];
  /** Written as the due date of a captured commitment that has none (see `defaultDueDate`). */
  defaultDue?: IsoDate | null;
  random: RandomSource;
  /** Block ids used elsewhere in the vault, so new ones are unique there too. */
  reservedIds?: Iterable<string>;
  settings?: CoreSettings;
  /** How to write fields on a line that has none yet (the "write dates for" setting); else Dataview's. */
  fieldStyle?: FieldConvention;
}

const ALL_FIELDS: readonly FieldKey[] = ['due', 'completion', 'cancelled', 'trigger', 'coping', 'confidence', 'owner', 'kind', 'from'];

const OPEN_BOXES = new Set(['open', 'partial', 'stuck']);

/** The commitment text a line would have, for recognising a line after it was captured. */
function textOf(line: string): string | null {
  const item = matchListItem(line);
  return item ? parseLineFields(item.content).text : null;
}

/**
 * Like `locateIn`, but tolerant of the capture itself: a line already captured (same text, now with
 * a checkbox and id) at the same place, or moved but unique by its text, is still the one meant.
 */
function locateForCapture(note: ParsedNote, target: EditTarget): ParsedCommitment | string {
  const at = note.commitments.find((c) => c.line === target.line);
  if (at && at.raw === target.expectedText) return at;
  const text = textOf(target.expectedText);
  if (at && text !== null && at.text === text && (target.id === null || at.id === target.id)) return at;
  if (target.id !== null) {
    const byId = note.commitments.filter((c) => c.id === target.id);
    if (byId.length === 1) return byId[0];
    if (byId.length > 1) return `block id ^${target.id} is on more than one commitment (lines ${byId.map((c) => c.line).join(', ')})`;
  }
  if (text !== null && text !== '') {
    const byText = note.commitments.filter((c) => c.text === text);
    if (byText.length === 1) return byText[0];
    if (byText.length > 1) return `line ${target.line} has changed and ${quote(text)} is on more than one line (${byText.map((c) => c.line).join(', ')})`;
  }
  return `line ${target.line} no longer reads ${quote(target.expectedText)} and the commitment cannot be found elsewhere`;
}

interface Planned {
  c: ParsedCommitment;
  fields: CaptureFields;
}

export function capture(text: string, path: string, options: CaptureOptions): EditResult {
  const settings = options.settings ?? DEFAULT_CORE_SETTINGS;
  const parsed = parseSessionForEdit(text, path, settings);
  if (!('path' in parsed)) return parsed;
  if (options.defaultDue != null && !isIsoDate(options.defaultDue)) return refuse(`default due date '${options.defaultDue}' is not a date; nothing was changed.`);

  const planned: Planned[] = [];
  if (options.items === undefined) {
    for (const c of parsed.commitments) if (!c.hasCheckbox || c.id === null) planned.push({ c, fields: {} });
  } else {
    for (const item of options.items) {
      const c = locateForCapture(parsed, item.target);
      if (typeof c === 'string') return refuse(`${path}: ${c}; nothing was changed.`);
      if (planned.some((p) => p.c === c)) return refuse(`${path} line ${c.line}: two capture items name the same commitment; nothing was changed.`);
      const problem = fieldProblem(item.fields ?? {});
      if (problem) return refuse(`${path} line ${c.line}: ${problem}; nothing was changed.`);
      planned.push({ c, fields: item.fields ?? {} });
    }
  }
  if (planned.length === 0) return { ok: true, text, changedLines: [], summary: 'Nothing to capture' };

  const taken = blockIdsIn(text);
  for (const id of options.reservedIds ?? []) taken.add(id.toLowerCase());
  const editor = new LineEditor(text);
  const expected = new Map<number, (c: ParsedCommitment) => string | null>();

  for (const { c, fields } of planned) {
    const parts = splitItem(editor.lines[c.line - 1]);
    if (parts === null) return refuse(`${path} line ${c.line} is not a list item; nothing was changed.`);
    // A plain bullet gets a box; `[x]Sent…` (Tasks reads it as a box) gets its space after the box.
    setBox(parts, parts.box ?? ' ');
    const id = c.id ?? newBlockId(taken, options.random);
    if (c.id === null) setBlockId(parts, id);
    let text = c.text;
    if (fields.text !== undefined && commitmentText(fields.text) !== c.text) {
      text = commitmentText(fields.text);
      const at = c.text === '' ? -1 : parts.main.indexOf(c.text);
      if (text === '') return refuse(`${path} line ${c.line}: the edited text is empty; nothing was changed.`);
      if (at < 0) return refuse(`${path} line ${c.line}: the text could not be changed in place (it is split by fields); edit the note directly; nothing was changed.`);
      parts.main = parts.main.slice(0, at) + text + parts.main.slice(at + c.text.length);
    }

    const want: { key: FieldKey; value: string }[] = [];
    const set = (key: FieldKey, value: string) => want.push({ key, value });
    if (fields.owner !== undefined && ownerReadBack(fields.owner) !== c.owner) set('owner', fieldValue(fields.owner));
    const due = fields.due ?? (c.due === null && OPEN_BOXES.has(c.checkbox) ? options.defaultDue ?? null : null);
    if (due !== null && due !== c.due) set('due', due);
    const trigger = fields.trigger !== undefined ? fieldValue(fields.trigger) || null : undefined;
    if (trigger != null && trigger !== c.trigger) set('trigger', trigger);
    const coping = fields.coping !== undefined ? normaliseCoping(fields.coping) : undefined;
    if (coping != null && JSON.stringify(coping) !== JSON.stringify(c.coping)) set('coping', copingValue(coping)!);
    if (fields.confidence !== undefined && fields.confidence !== c.confidence) set('confidence', String(fields.confidence));
    if (fields.kind !== undefined && (fields.kind !== c.kind || c.kindIsDefault)) set('kind', fields.kind);
    // A line with fields keeps its convention; a bare one gets the coach's (or the vault's) choice.
    const bare = c.convention !== 'emoji' && !ALL_FIELDS.some((k) => hasField(parts, k));
    const convention = options.fieldStyle !== undefined && bare ? options.fieldStyle : c.convention;
    for (const w of want) setField(parts, w.key, w.value, convention);
    editor.replace(c.line - 1, writeItem(parts));

    expected.set(c.line, (n) =>
      all(
        n.hasCheckbox ? null : 'the line would have no checkbox',
        same('block id', n.id, id),
        same('text', n.text, text),
        due !== null ? same('due date', n.due, due) : null,
        fields.owner !== undefined ? same('owner', n.owner, ownerReadBack(fields.owner)) : null,
        trigger != null ? same('trigger', n.trigger, trigger) : null,
        coping != null ? same('coping plan', n.coping, coping) : null,
        fields.confidence !== undefined ? same('confidence', n.confidence, fields.confidence) : null,
        fields.kind !== undefined ? same('kind', n.kind, fields.kind) : null,
      ),
    );
  }

  const out = editor.text();
  const after = parseNote(path, out, settings);
  const lines = planned.map((p) => p.c.line);
  for (const line of lines) {
    const n = after.commitments.find((x) => x.line === line);
    const problem = n ? expected.get(line)!(n) : 'the line would no longer read as a commitment';
    if (problem) return refuse(`${path} line ${line}: ${problem}; nothing was changed.`);
  }
  const others = othersUnchanged(parsed, after, lines, lines);
  if (others) return refuse(`${path}: ${others}; nothing was changed.`);
  const changed = editor.changedLines();
  return {
    ok: true,
    text: out,
    changedLines: changed,
    summary: changed.length === 0 ? 'Nothing to capture' : `Captured ${plural(changed.length, 'commitment')} in ${path}`,
  };
}

function ownerReadBack(owner: Owner): Owner {
  const v = fieldValue(owner);
  const link = /^\[\[([^\]|]+)(?:\|[^\]]*)?\]\]$/.exec(v);
  const name = link ? link[1].trim() : v;
  const lower = name.toLowerCase();
  if (lower === 'me' || lower === 'client') return 'client';
  if (lower === 'coach') return 'coach';
  return name;
}

function fieldProblem(f: CaptureFields): string | null {
  if (f.due !== undefined && !isIsoDate(f.due)) return `due date '${f.due}' is not a date (YYYY-MM-DD)`;
  if (f.confidence !== undefined && !(Number.isInteger(f.confidence) && f.confidence >= 1 && f.confidence <= 10)) return `confidence ${f.confidence} is not a whole number from 1 to 10`;
  if (f.kind !== undefined && f.kind !== 'process' && f.kind !== 'outcome') return `kind '${String(f.kind)}' is neither process nor outcome`;
  if (f.owner !== undefined && fieldValue(f.owner) === '') return 'owner is empty';
  if (f.text !== undefined && commitmentText(f.text) === '') return 'the commitment text is empty';
  return null;
}
