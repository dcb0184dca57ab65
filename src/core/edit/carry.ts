/**
 * Recommit and modify: the commitment is marked `[>]` where it was made, and a new open line
 * carrying it forward (`[from:: id]`, a new due date, and for modify the edited text, trigger,
 * coping plan) goes into the commitments section of the session it is carried to. The old line
 * gets a block id if it had none, so the new one can point at it.
 */
import { isIsoDate } from '../dates';
import { parseNote } from '../parse/note';
import { basename } from '../parse/records';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { Coping, FieldConvention, IsoDate, Kind, Owner, ParsedCommitment, ParsedNote } from '../types';
import { blockIdsIn, newBlockId } from './block-id';
import { othersUnchanged } from './children';
import { commitmentText, copingValue, fieldValue, normaliseCoping, setBlockId, setBox, setField, splitItem, writeItem, type ItemParts } from './line-fields';
import { locateCommitment, parseSessionForEdit } from './locate';
import { appendSection } from './session-note';
import { LineEditor } from './text';
import { quote, refuse, type EditTarget, type MultiEditResult, type NoteChange, type RandomSource } from './types';
import { all, same } from './verify';
import { Fences } from '../syntax/fences';

/** The session note a commitment is carried into. */
export interface CarryInto {
  path: string;
  /** Its current text, or for a note still to be created, the text it will be created with. */
  text: string;
  isNew: boolean;
  /** The due date used when the caller gives none (see `planCarryTarget`). */
  defaultDue: IsoDate;
}

export interface RecommitOptions {
  today: IsoDate;
  /** The new due date; defaults to `into.defaultDue`. */
  due?: IsoDate;
  /** A fresh confidence for the new line (not carried over: it is asked again). */
  confidence?: number;
  random: RandomSource;
  reservedIds?: Iterable<string>;
  settings?: CoreSettings;
}

export interface ModifyOptions extends RecommitOptions {
  text?: string;
  /** null removes the trigger from the carried-forward line. */
  trigger?: string | null;
  coping?: Coping | null;
}

/** What the new line should read back as. */
interface NewCommitment {
  text: string;
  owner: Owner;
  kind: Kind | null;
  due: IsoDate;
  trigger: string | null;
  coping: Coping | null;
  confidence: number | null;
  from: string;
  id: string;
}

/** A heading's level; nothing after the marks is matched, so a long heading costs nothing. */
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const COACH_PREFIX = /^coach[ \t]*:[ \t]*/i;

/** Builds a fresh commitment line in the convention of the line it continues. */
export function commitmentLine(n: NewCommitment, convention: FieldConvention): string {
  const coach = n.owner === 'coach';
  const parts: ItemParts = { prefix: '- ', box: ' ', boxGap: ' ', main: (coach ? 'Coach: ' : '') + n.text, idPart: '', id: null, trailing: '' };
  if (!coach && n.owner !== 'client') setField(parts, 'owner', fieldValue(n.owner), convention);
  setField(parts, 'due', n.due, convention);
  if (n.trigger) setField(parts, 'trigger', n.trigger, convention);
  const coping = n.coping ? copingValue(n.coping) : null;
  if (coping) setField(parts, 'coping', coping, convention);
  if (n.confidence !== null) setField(parts, 'confidence', String(n.confidence), convention);
  if (n.kind) setField(parts, 'kind', n.kind, convention);
  setField(parts, 'from', n.from, convention);
  setBlockId(parts, n.id);
  return writeItem(parts);
}

/**
 * Inserts a commitment line into a session note's commitments section: after the section's last
 * commitment (and its details), else right under the heading; a note without a commitments
 * heading gets `## Commitments` at the end. Returns the new line's 1-based number.
 */
export function insertCommitment(editor: LineEditor, note: ParsedNote, settings: CoreSettings, line: string): number {
  const headingLine = note.session?.commitmentsHeadingLine ?? null;
  if (headingLine === null) return appendSection(editor, '## Commitments', [line]) + 1;
  const level = HEADING.exec(editor.lines[headingLine - 1])?.[1].length ?? 1;
  let end = editor.length + 1; // 1-based line of the next heading of the same or a higher level
  const code = new Fences();
  for (let i = headingLine; i < editor.length; i++) {
    const l = editor.lines[i];
    if (code.isCode(l)) continue;
    const h = HEADING.exec(l);
    if (h && h[1].length <= level) {
      end = i + 1;
      break;
    }
  }
  let after = headingLine; // insert after this 1-based line
  for (const c of note.commitments) {
    if (!c.tagged && c.line > headingLine && c.line < end) after = Math.max(after, c.endLine);
  }
  editor.insertAfter(after - 1, [line]);
  return after + 1;
}

function isClosed(c: ParsedCommitment): string | null {
  if (c.checkbox === 'done') return 'is already done';
  if (c.checkbox === 'let-go') return 'was let go';
  if (c.checkbox === 'recommitted') return 'was already carried forward';
  return null;
}

function carry(kind: 'recommit' | 'modify', sourceText: string, target: EditTarget, into: CarryInto, options: ModifyOptions): MultiEditResult {
  const settings = options.settings ?? DEFAULT_CORE_SETTINGS;
  const due = options.due ?? into.defaultDue;
  if (!isIsoDate(due)) return refuse(`due date '${due}' is not a date (YYYY-MM-DD); nothing was changed.`);
  if (options.confidence !== undefined && !(Number.isInteger(options.confidence) && options.confidence >= 1 && options.confidence <= 10)) {
    return refuse(`confidence ${options.confidence} is not a whole number from 1 to 10; nothing was changed.`);
  }
  const loc = locateCommitment(sourceText, target, settings);
  if (!loc.ok) return loc;
  const { note: source, commitment: c } = loc;
  const closed = isClosed(c);
  if (closed) return refuse(`${target.path} line ${c.line}: ${quote(c.text)} ${closed}; nothing was changed.`);

  const samePath = into.path === target.path;
  if (samePath && into.isNew) return refuse(`${into.path} already exists; nothing was changed.`);

  // The new commitment.
  // Edited text is read the way the parser reads a line: a leading `Coach:` makes the coach the owner.
  let text = options.text !== undefined ? commitmentText(options.text) : c.text;
  let owner = c.owner;
  const coach = options.text !== undefined ? COACH_PREFIX.exec(text) : null;
  if (coach) {
    text = text.slice(coach[0].length);
    owner = 'coach';
  }
  if (text === '') return refuse(`the new commitment text is empty; nothing was changed.`);
  // Carried values may come from detail lines, where anything goes; as inline fields they must be safe.
  const trigger = options.trigger !== undefined ? (options.trigger === null ? null : fieldValue(options.trigger) || null) : c.trigger === null ? null : fieldValue(c.trigger) || null;
  const coping = options.coping !== undefined ? (options.coping === null ? null : normaliseCoping(options.coping)) : c.coping === null ? null : normaliseCoping(c.coping);
  if (kind === 'modify') {
    const changes =
      (options.text !== undefined && text !== c.text) ||
      (options.trigger !== undefined && trigger !== (c.trigger === null ? null : fieldValue(c.trigger) || null)) ||
      (options.coping !== undefined && JSON.stringify(coping) !== JSON.stringify(c.coping === null ? null : normaliseCoping(c.coping))) ||
      (options.due !== undefined && options.due !== c.due);
    if (!changes) return refuse(`${target.path} line ${c.line}: the modification changes nothing (use recommit to carry it forward as it is); nothing was changed.`);
  }

  const taken = blockIdsIn(sourceText);
  for (const id of blockIdsIn(into.text)) taken.add(id);
  for (const id of options.reservedIds ?? []) taken.add(id.toLowerCase());
  const oldId = c.id ?? newBlockId(taken, options.random);
  const newId = newBlockId(taken, options.random);

  // The old line: [>] and an id.
  const src = new LineEditor(sourceText);
  const parts = splitItem(src.lines[c.line - 1]);
  if (parts === null) return refuse(`${target.path} line ${c.line} is not a list item; nothing was changed.`);
  setBox(parts, '>');
  if (c.id === null) setBlockId(parts, oldId);
  src.replace(c.line - 1, writeItem(parts));

  const wanted: NewCommitment = {
    text,
    owner,
    kind: c.kindIsDefault ? null : c.kind,
    due,
    trigger,
    coping,
    confidence: options.confidence ?? null,
    from: oldId,
    id: newId,
  };
  const line = commitmentLine(wanted, c.convention);

  // The session it goes to.
  const destBefore = samePath ? src.text() : into.text;
  const destParsed = parseSessionForEdit(destBefore, into.path, settings);
  if (!('path' in destParsed)) return destParsed;
  const dest = samePath ? src : new LineEditor(destBefore);
  const newLine = insertCommitment(dest, destParsed, settings, line);

  // Read everything back.
  const srcAfter = parseNote(target.path, src.text(), settings);
  const oldLine = samePath && newLine <= c.line ? c.line + 1 : c.line;
  const old = srcAfter.commitments.find((x) => x.line === oldLine);
  const oldProblem = old ? all(same('status', old.status, 'recommitted'), same('block id', old.id, oldId)) : 'the old line would no longer read as a commitment';
  if (oldProblem) return refuse(`${target.path} line ${c.line}: ${oldProblem}; nothing was changed.`);
  const destAfter = parseNote(into.path, dest.text(), settings);
  const n = destAfter.commitments.find((x) => x.line === newLine);
  const newProblem = n
    ? all(
        same('status', n.status, 'open'),
        same('text', n.text, wanted.text),
        same('owner', n.owner, wanted.owner),
        same('due date', n.due, due),
        same('carried from', n.from, oldId),
        same('block id', n.id, newId),
        same('trigger', n.trigger, wanted.trigger),
        same('coping plan', n.coping, wanted.coping),
        wanted.kind ? same('kind', n.kind, wanted.kind) : null,
        wanted.confidence !== null ? same('confidence', n.confidence, wanted.confidence) : null,
      )
    : 'the new line would not read as a commitment';
  if (newProblem) return refuse(`${into.path} line ${newLine}: ${newProblem}; nothing was changed.`);
  if (samePath) {
    const others = othersUnchanged(source, destAfter, [c.line], [oldLine, newLine]);
    if (others) return refuse(`${target.path}: ${others}; nothing was changed.`);
  } else {
    const others = othersUnchanged(source, srcAfter, [c.line], [c.line]) ?? othersUnchanged(destParsed, destAfter, [], [newLine]);
    if (others) return refuse(`${target.path}: ${others}; nothing was changed.`);
  }

  // The destination first, then the source: the applier writes in this order, so a failure
  // between the two leaves the new line without the old one marked (nothing is lost), never the
  // old line marked `[>]` with nothing carried.
  const changes: NoteChange[] = samePath
    ? [{ path: target.path, before: sourceText, after: dest.text(), changedLines: dest.changedLines() }]
    : [
        { path: into.path, before: into.isNew ? null : into.text, after: dest.text(), changedLines: into.isNew ? dest.lines.map((_, i) => i + 1) : dest.changedLines() },
        { path: target.path, before: sourceText, after: src.text(), changedLines: src.changedLines() },
      ];
  const verb = kind === 'recommit' ? 'Recommitted' : 'Modified and recommitted';
  return { ok: true, changes, summary: `${verb} ${quote(text, 40)} to ${basename(into.path)}, due ${due}` };
}

/** Carries a commitment forward as it is, with a new due date. */
export function recommit(sourceText: string, target: EditTarget, into: CarryInto, options: RecommitOptions): MultiEditResult {
  return carry('recommit', sourceText, target, into, options);
}

/** Carries a commitment forward with edited text, trigger, coping plan or due date. */
export function modify(sourceText: string, target: EditTarget, into: CarryInto, options: ModifyOptions): MultiEditResult {
  return carry('modify', sourceText, target, into, options);
}
