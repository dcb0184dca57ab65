/**
 * Surgery on one commitment line: its checkbox, its fields and its block id, in the line's own
 * convention. Everything else on the line (the text, other people's inline fields, spacing,
 * trailing whitespace) is left as it was.
 */
import type { Coping, FieldConvention } from '../types';

/** A list item split into the parts an edit may touch. Joining them gives the line back. */
export interface ItemParts {
  /** Indentation, list marker and the space after it. */
  prefix: string;
  /** The checkbox character, or null for a plain bullet. */
  box: string | null;
  /** Whitespace between `]` and the text. */
  boxGap: string;
  /** The text and fields, without the block id and trailing whitespace. */
  main: string;
  /** The block id with the whitespace before it (` ^c7f3a`), or ''. */
  idPart: string;
  id: string | null;
  trailing: string;
}

const ITEM = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*)$/;
const BOX = /^\[(.)\]([ \t]+|$)/;
const BLOCK_ID = /(^|[ \t]+)\^([A-Za-z0-9-]+)$/;

export function splitItem(line: string): ItemParts | null {
  const m = ITEM.exec(line);
  if (!m) return null;
  let rest = m[2];
  let box: string | null = null;
  let boxGap = '';
  const b = BOX.exec(rest);
  if (b) {
    box = b[1];
    boxGap = b[2];
    rest = rest.slice(b[0].length);
  }
  const trailing = /[ \t]*$/.exec(rest)![0];
  let core = rest.slice(0, rest.length - trailing.length);
  let idPart = '';
  let id: string | null = null;
  const idm = BLOCK_ID.exec(core);
  if (idm) {
    idPart = core.slice(idm.index);
    id = idm[2];
    core = core.slice(0, idm.index);
  }
  return { prefix: m[1], box, boxGap, main: core, idPart, id, trailing };
}

export function joinItem(p: ItemParts): string {
  const box = p.box === null ? '' : `[${p.box}]${p.boxGap}`;
  return p.prefix + box + p.main + p.idPart + p.trailing;
}

export function setBox(p: ItemParts, box: string): void {
  if (p.box === null) p.boxGap = p.main === '' && p.idPart === '' ? '' : ' ';
  else if (p.boxGap === '' && (p.main !== '' || p.idPart !== '')) p.boxGap = ' ';
  p.box = box;
}

export function setBlockId(p: ItemParts, id: string): void {
  p.id = id;
  p.idPart = `${p.main === '' ? '' : ' '}^${id}`;
}

export type FieldKey = 'due' | 'completion' | 'cancelled' | 'trigger' | 'coping' | 'confidence' | 'owner' | 'kind' | 'from';

/** The key names the parser reads for each field. The first is the one written. */
const KEY_NAMES: Record<FieldKey, string[]> = {
  due: ['due'],
  completion: ['completion', 'done'],
  cancelled: ['cancelled', 'canceled'],
  trigger: ['trigger', 'when'],
  coping: ['coping'],
  confidence: ['confidence'],
  owner: ['owner'],
  kind: ['kind'],
  from: ['from'],
};

/** Tasks' emoji for the date fields. The first is the one written. */
const EMOJI: Partial<Record<FieldKey, string[]>> = {
  due: ['📅', '📆', '🗓'],
  completion: ['✅'],
  cancelled: ['❌'],
};

/** The parser's inline-field syntax: `[key:: value]` (value may hold `[[links]]`) or `(key:: value)`. */
const INLINE_FIELD = /\[([A-Za-z][\w -]*?)::[ \t]*((?:[^[\]]|\[\[[^\]]*\]\])*?)[ \t]*\]|\(([A-Za-z][\w -]*?)::[ \t]*([^()]*?)[ \t]*\)/g;
const EMOJI_DATE = /(📅|📆|🗓|✅|❌|⏳|🛫|➕)(\uFE0F?[ \t]*)(\d{4}-\d{1,2}-\d{1,2})/gu;

interface Span {
  start: number;
  end: number;
  replacement: string;
}

function applySpans(s: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const sp of spans.sort((a, b) => a.start - b.start)) {
    out += s.slice(at, sp.start) + sp.replacement;
    at = sp.end;
  }
  return out + s.slice(at);
}

function inlineFieldSpans(main: string): { start: number; end: number; key: string; paren: boolean; keyText: string }[] {
  const out: { start: number; end: number; key: string; paren: boolean; keyText: string }[] = [];
  if (!main.includes('::')) return out;
  for (const m of main.matchAll(INLINE_FIELD)) {
    const keyText = (m[1] ?? m[3] ?? '').trim();
    out.push({ start: m.index!, end: m.index! + m[0].length, key: keyText.toLowerCase(), paren: m[1] === undefined, keyText });
  }
  return out;
}

/** True when the line already carries the field, in either convention. */
export function hasField(p: ItemParts, key: FieldKey): boolean {
  const names = KEY_NAMES[key];
  const fields = inlineFieldSpans(p.main);
  if (fields.some((f) => names.includes(f.key))) return true;
  const emoji = EMOJI[key];
  if (!emoji) return false;
  for (const m of p.main.matchAll(EMOJI_DATE)) {
    if (emoji.includes(m[1]) && !fields.some((f) => m.index! >= f.start && m.index! < f.end)) return true;
  }
  return false;
}

/**
 * Sets a field on the line. An existing field (in either convention, under any name the parser
 * reads) has its value replaced where it stands; otherwise the field is appended to the text, as
 * a Tasks emoji when the line uses emoji and the field has one, else as a Dataview inline field.
 * The block id stays last. `value` must already be safe to write (see `fieldValue`).
 */
export function setField(p: ItemParts, key: FieldKey, value: string, convention: FieldConvention): void {
  const names = KEY_NAMES[key];
  const fields = inlineFieldSpans(p.main);
  const spans: Span[] = [];
  for (const f of fields) {
    if (!names.includes(f.key)) continue;
    const paren = f.paren && !/[()]/.test(value);
    spans.push({ start: f.start, end: f.end, replacement: paren ? `(${f.keyText}:: ${value})` : `[${f.keyText}:: ${value}]` });
  }
  const emoji = EMOJI[key];
  if (emoji) {
    for (const m of p.main.matchAll(EMOJI_DATE)) {
      if (!emoji.includes(m[1]) || fields.some((f) => m.index! >= f.start && m.index! < f.end)) continue;
      const start = m.index! + m[1].length + m[2].length;
      spans.push({ start, end: start + m[3].length, replacement: value });
    }
  }
  if (spans.length > 0) {
    p.main = applySpans(p.main, spans);
    return;
  }
  const written = emoji && convention === 'emoji' ? `${emoji[0]} ${value}` : `[${names[0]}:: ${value}]`;
  p.main = p.main === '' || /[ \t]$/.test(p.main) ? p.main + written : `${p.main} ${written}`;
}

/** Removes a field from the line (both conventions), with the space before it. */
export function removeField(p: ItemParts, key: FieldKey): void {
  const names = KEY_NAMES[key];
  const fields = inlineFieldSpans(p.main);
  const spans: Span[] = [];
  const widen = (start: number, end: number): Span => {
    let s = start;
    while (s > 0 && (p.main[s - 1] === ' ' || p.main[s - 1] === '\t')) s--;
    return { start: s, end, replacement: '' };
  };
  for (const f of fields) if (names.includes(f.key)) spans.push(widen(f.start, f.end));
  const emoji = EMOJI[key];
  if (emoji) {
    for (const m of p.main.matchAll(EMOJI_DATE)) {
      if (emoji.includes(m[1]) && !fields.some((f) => m.index! >= f.start && m.index! < f.end)) {
        spans.push(widen(m.index!, m.index! + m[0].length));
      }
    }
  }
  if (spans.length > 0) p.main = applySpans(p.main, spans);
}

/**
 * Makes free text safe as an inline field value: one line, single spaces, and no square brackets
 * except whole `[[wikilinks]]` (a stray bracket would end the field early).
 */
export function fieldValue(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat
    .split(/(\[\[[^[\]]*\]\])/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\[/g, '(').replace(/\]/g, ')')))
    .join('')
    .trim();
}

/** Free text as a commitment's own text: one line, nothing the parser would read as a field or id. */
export function commitmentText(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  t = t.replace(/::/g, ':');
  t = t.replace(/(📅|📆|🗓|✅|❌|⏳|🛫|➕)\uFE0F?/gu, '');
  t = t.replace(/(^|[ \t])#commitment(?=$|[ \t.,;:!?)])/gi, '$1');
  t = t.replace(/(?:^|[ \t]+)\^[A-Za-z0-9-]+$/, '');
  t = t.replace(/[⏫🔼🔽🔺⏬]\uFE0F?/gu, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** A coping plan as the parser reads it back: `obstacle -> response`, or just the response. */
export function copingValue(c: Coping): string | null {
  const obstacle = c.obstacle === null ? '' : fieldValue(c.obstacle).replace(/->|→/g, '=>');
  const response = c.response === null ? '' : fieldValue(c.response);
  if (obstacle === '' && response === '') return null;
  if (obstacle === '') return /->|→/.test(response) ? `-> ${response}` : response;
  return response === '' ? `${obstacle} ->` : `${obstacle} -> ${response}`;
}

/** What `copingValue` would read back as, so edits can check the parse. */
export function normaliseCoping(c: Coping): Coping | null {
  const obstacle = c.obstacle === null ? '' : fieldValue(c.obstacle).replace(/->|→/g, '=>');
  const response = c.response === null ? '' : fieldValue(c.response);
  if (obstacle === '' && response === '') return null;
  return { obstacle: obstacle || null, response: response || null };
}
