/**
 * One note's text in, its client or session record, its commitments and its diagnostics out.
 * Pure and total: whatever the text, it returns a result and never throws.
 */
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../settings';
import type { CheckboxStatus, CommitmentStatus, Diagnostic, ParsedCommitment, ParsedNote, Severity } from '../types';
import { classifyKind } from './classify';
import { emptyDetails, readDetail, type Details } from './details';
import { parseLineFields } from './fields';
import { readFrontmatter, type Frontmatter } from './frontmatter';
import { isBlank, indentWidth, matchListItem, splitLines, stripListMarker, type ListItem } from './lines';
import { readClientNote, readSessionNote, frontmatterLookup } from './records';

const BOX_STATUS: Record<string, CheckboxStatus> = {
  ' ': 'open',
  x: 'done',
  X: 'done',
  '/': 'partial',
  '?': 'stuck',
  '-': 'let-go',
  '>': 'recommitted',
};

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;
const TAG_HINT = /#commitment/i;

const normalised = new Map<string, string>();

/** A heading's title as compared with the commitments headings (cached: titles repeat a lot). */
function headingKey(title: string): string {
  let key = normalised.get(title);
  if (key === undefined) {
    key = normaliseHeading(title);
    if (normalised.size > 10_000) normalised.clear();
    normalised.set(title, key);
  }
  return key;
}

export function normaliseHeading(title: string): string {
  return title
    .replace(/[ \t]+#+$/, '')
    .replace(/[*_`]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const headingSets = new WeakMap<readonly string[], Set<string>>();

/** The settings' heading names, normalised once per settings object rather than once per note. */
function headingSet(settings: CoreSettings): Set<string> {
  let set = headingSets.get(settings.commitmentHeadings);
  if (!set) headingSets.set(settings.commitmentHeadings, (set = new Set(settings.commitmentHeadings.map(normaliseHeading))));
  return set;
}

/** Hides HTML (`<!-- -->`) and Obsidian (`%% %%`) comments, which may span lines. */
class CommentMask {
  private html = false;
  private obsidian = false;

  visible(line: string): string {
    if (!this.html && !this.obsidian && !line.includes('<!--') && !line.includes('%%')) return line;
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (this.html || this.obsidian) {
        const close = this.html ? line.indexOf('-->', i) : line.indexOf('%%', i);
        if (close < 0) return out;
        i = close + (this.html ? 3 : 2);
        this.html = this.obsidian = false;
        continue;
      }
      const h = line.indexOf('<!--', i);
      const o = line.indexOf('%%', i);
      if (h < 0 && o < 0) {
        out += line.slice(i);
        break;
      }
      const isHtml = h >= 0 && (o < 0 || h < o);
      const at = isHtml ? h : o;
      out += line.slice(i, at);
      if (isHtml) this.html = true;
      else this.obsidian = true;
      i = at + (isHtml ? 4 : 2);
    }
    return out;
  }
}

interface Open {
  item: ListItem;
  line: number; // 1-based
  raw: string;
  tagged: boolean;
  details: Details;
  endLine: number;
}

function deriveStatus(box: CheckboxStatus, details: Details): CommitmentStatus {
  if (box !== 'open') return box;
  let latest = null as (typeof details.checkIns)[number] | null;
  for (const c of details.checkIns) {
    if (c.status === 'nudged') continue;
    if (latest === null || c.date >= latest.date) latest = c;
  }
  return latest ? (latest.status as Exclude<typeof latest.status, 'nudged'>) : 'open';
}

export function parseNote(path: string, text: string, settings: CoreSettings = DEFAULT_CORE_SETTINGS): ParsedNote {
  try {
    return parseNoteUnchecked(path, text, settings);
  } catch (e) {
    return {
      path,
      type: null,
      client: null,
      session: null,
      commitments: [],
      diagnostics: [{ path, line: 1, severity: 'error', message: `note could not be read: ${(e as Error).message}` }],
    };
  }
}

function noteType(fm: Frontmatter | null, path: string, settings: CoreSettings): 'client' | 'session' | null {
  const raw = fm ? frontmatterLookup(fm.data, 'type', settings) : undefined;
  const t = typeof raw === 'string' ? raw.trim().toLowerCase() : null;
  if (t === 'client' || t === 'session') return t;
  if (t === null && settings.sessionsFolder) {
    const folder = settings.sessionsFolder.replace(/\/+$/, '') + '/';
    if (path.startsWith(folder)) return 'session';
  }
  return null;
}

function parseNoteUnchecked(path: string, text: string, settings: CoreSettings): ParsedNote {
  const diagnostics: Diagnostic[] = [];
  const diag = (line: number, severity: Severity, message: string) => diagnostics.push({ path, line, severity, message });
  const result: ParsedNote = { path, type: null, client: null, session: null, commitments: [], diagnostics };

  const { lines } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (fm?.error) {
    // Only worth a word when the note looks like one of ours.
    if (/^type[ \t]*:[ \t]*["']?(?:client|session)\b/im.test(lines.slice(0, 40).join('\n')) || fm.endLine > 0) {
      diag(fm.error.line, 'error', fm.error.message);
    }
    return result;
  }
  result.type = noteType(fm, path, settings);
  if (result.type === 'client') {
    result.client = readClientNote(path, fm!, settings, diag);
    return result;
  }
  if (result.type !== 'session') return result;

  const session = readSessionNote(path, fm, settings, diag);
  if (session === null) return result;
  result.session = session;

  const headings = headingSet(settings);
  const mask = new CommentMask();
  const mayHaveComments = text.includes('<!--') || text.includes('%%');
  let fence: string | null = null;
  let sectionLevel: number | null = null;
  let open: Open | null = null;
  const ids = new Map<string, number>();

  const close = () => {
    if (open === null) return;
    const c = finishCommitment(open, diag);
    if (c) {
      if (c.id !== null) {
        const seen = ids.get(c.id);
        if (seen !== undefined) diag(c.line, 'warning', `block id ^${c.id} is also used on line ${seen}`);
        else ids.set(c.id, c.line);
      }
      result.commitments.push(c);
    }
    open = null;
  };

  for (let i = fm ? fm.endLine : 0; i < lines.length; i++) {
    const raw = lines[i];
    if (fence !== null) {
      const t = raw.trim();
      if (t.length >= fence.length && t.startsWith(fence) && /^(`+|~+)$/.test(t)) fence = null;
      if (open !== null && indentWidth(raw) > open.item.indent) open.endLine = i + 1;
      continue;
    }
    const line = mayHaveComments ? mask.visible(raw) : raw;
    if (isBlank(line)) continue;
    const lead = line.trimStart().charCodeAt(0);
    const f = lead === 96 /* ` */ || lead === 126 /* ~ */ ? FENCE_OPEN.exec(line) : null;
    if (f) {
      fence = f[1];
      if (open !== null && indentWidth(line) > open.item.indent) open.endLine = i + 1;
      else close();
      continue;
    }
    if (lead === 35 /* # */) {
      const h = HEADING.exec(line);
      if (h) {
        close();
        const level = h[1].length;
        if (sectionLevel !== null && level <= sectionLevel) sectionLevel = null;
        if (sectionLevel === null && headings.has(headingKey(h[2] ?? ''))) {
          sectionLevel = level;
          session.commitmentsHeadingLine ??= i + 1;
        }
        continue;
      }
    }
    const indent = indentWidth(line);
    if (open !== null && indent > open.item.indent) {
      readDetail(open.details, stripListMarker(line), i + 1);
      open.endLine = i + 1;
      continue;
    }
    close();
    // Outside a commitments section only a tagged checkbox matters; prose lines end here.
    if (sectionLevel === null && !TAG_HINT.test(line)) continue;
    const item = matchListItem(line);
    if (item === null) continue;
    const tagged = item.box !== null && /(^|[ \t])#commitment(?=$|[ \t.,;:!?)])/i.test(item.content);
    if (sectionLevel !== null || tagged) {
      open = { item, line: i + 1, raw, tagged: sectionLevel === null, details: emptyDetails(), endLine: i + 1 };
    }
  }
  close();
  return result;
}

function finishCommitment(open: Open, diag: (line: number, severity: Severity, message: string) => void): ParsedCommitment | null {
  const { item, details } = open;
  const f = parseLineFields(item.content);
  if (f.text === '' && f.id === null && item.content.trim() === '') return null; // an empty bullet
  for (const p of f.problems) diag(open.line, 'warning', p);
  for (const p of details.problems) diag(p.line, 'warning', p.message);
  let checkbox: CheckboxStatus = 'open';
  if (item.box !== null) {
    const s = BOX_STATUS[item.box];
    if (s === undefined) diag(open.line, 'warning', `checkbox [${item.box}] is not a status this plugin knows; read as open`);
    else checkbox = s;
  }
  if (f.text === '') diag(open.line, 'warning', 'commitment has no text');
  const kind = f.kind ?? classifyKind(f.text);
  return {
    id: f.id,
    line: open.line,
    raw: open.raw,
    endLine: open.endLine,
    text: f.text,
    owner: f.owner ?? 'client',
    kind,
    kindIsDefault: f.kind === null,
    checkbox,
    hasCheckbox: item.box !== null,
    status: deriveStatus(checkbox, details),
    due: f.due,
    doneDate: f.doneDate,
    letGoDate: f.letGoDate,
    trigger: f.trigger ?? details.trigger,
    coping: f.coping ?? details.coping,
    confidence: f.confidence ?? details.confidence,
    from: f.from,
    checkIns: details.checkIns,
    learned: details.learned,
    notes: details.notes,
    convention: f.convention,
    tagged: open.tagged,
  };
}
