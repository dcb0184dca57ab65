/**
 * The floor under the index's ratio: the least reader that gets from these notes the records the
 * index keeps, written for this vault's one shape and nothing else. It splits each note into
 * lines, keeps the frontmatter as `key: value` strings, and for each item under the commitments
 * heading its text, box, block id, inline and Tasks date fields, with the check-ins, learned lines,
 * if-then, coping and confidence lines under it. No
 * other layout, no YAML, no dates read, no diagnostics, no copies of strings, no bookkeeping by
 * client: whatever the index does beyond this costs more than this.
 *
 * Timed as the line scan and the full index are: notes pre-generated in batches outside the timer,
 * only the pass over each batch timed, median of `runs`. Twice: with each note's records dropped
 * as soon as it is read (`readMs`), and with every note's records kept to the end of the run as an
 * index keeps them (`keptMs`), which adds what the garbage collector spends moving what is kept.
 * `commitments` is what it found, to be the generator's count: a reader that found fewer would be
 * a cheaper floor than the real one.
 */
import type { SynthVault } from '../synth-vault';
import { median, now, round } from '../util';

const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[(.)\][ \t]+)?/;
/** The action headings the benchmark's notes use. */
const ACTION_HEADING = /^#{2,3} (?:Commitments|Action items|Homework|Between sessions)\s*$/;
const CHECK_IN = /^\[?\[?(\d{4}-\d{2}-\d{2})\]?\]? (done|partial|stuck|skipped|nudged)\b:?[ \t]*(.*)$/;
/** A Tasks date sign and its date (due, done, cancelled, scheduled, start, created). */
const EMOJI_DATE = /[ \t]*(📅|✅|❌|⏳|🛫|➕)\uFE0F?[ \t]*(\d{4}-\d{2}-\d{2})/gu;

interface MinimalCommitment {
  line: number;
  raw: string;
  text: string;
  box: string | null;
  id: string | null;
  /** Inline and emoji fields, as key, value, key, value… */
  fields: string[];
  checkIns: { date: string; status: string; note: string }[];
  learned: string[];
  plans: string[];
  coping: string | null;
  confidence: string | null;
}

interface MinimalNote {
  path: string;
  frontmatter: Record<string, string>;
  commitments: MinimalCommitment[];
}

/** A list item's text without its `[key:: value]` and Tasks date fields (kept as key, value pairs) and its block id. */
function commitmentOf(line: string, at: number, box: string | null, lineNo: number): MinimalCommitment {
  let text = line.slice(at);
  let id: string | null = null;
  const caret = text.lastIndexOf(' ^');
  if (caret >= 0) {
    id = text.slice(caret + 2).trim();
    text = text.slice(0, caret);
  }
  const fields: string[] = [];
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[')) {
    const close = text.indexOf(']', open);
    const sep = text.indexOf('::', open);
    if (close < 0 || sep < 0 || sep > close) break;
    fields.push(text.slice(open + 1, sep).trim(), text.slice(sep + 2, close).trim());
    text = text.slice(0, open).trimEnd() + text.slice(close + 1);
  }
  if (text.includes('\u{1F4C5}') || text.includes('\u2705')) {
    text = text.replace(EMOJI_DATE, (_m, sign: string, date: string) => {
      fields.push(sign, date);
      return '';
    });
  }
  return { line: lineNo, raw: line, text: text.trim(), box, id, fields, checkIns: [], learned: [], plans: [], coping: null, confidence: null };
}

/** A detail line under an item: a check-in, a learned line, an if-then plan, a coping plan or a confidence. */
function readDetail(c: MinimalCommitment, d: string): void {
  const checkIn = CHECK_IN.exec(d);
  if (checkIn !== null) c.checkIns.push({ date: checkIn[1], status: checkIn[2], note: checkIn[3] });
  else if (d.startsWith('learned:')) c.learned.push(d.slice(8).trim());
  else if (d.startsWith('If ') || d.startsWith('When ') || d.startsWith('when:')) c.plans.push(d);
  else if (d.startsWith('coping:')) c.coping = d.slice(7).trim();
  else if (d.startsWith('confidence')) c.confidence = d.slice(10).replace(/^:/, '').trim();
}

export function readMinimal(path: string, text: string): MinimalNote {
  const lines = text.split('\n');
  const frontmatter: Record<string, string> = {};
  let i = 0;
  if (lines[0] === '---') {
    for (i = 1; i < lines.length && lines[i] !== '---'; i++) {
      const l = lines[i];
      const colon = l.indexOf(':');
      if (colon > 0) frontmatter[l.slice(0, colon).trim()] = l.slice(colon + 1).trim();
    }
    i++;
  }
  const commitments: MinimalCommitment[] = [];
  let open: MinimalCommitment | null = null;
  let inCommitments = false;
  let fenced = false;
  let comment = false;
  for (; i < lines.length; i++) {
    const l = lines[i];
    // Code fences and HTML comments hold examples and templates, not commitments.
    if (l.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    if (comment || l.startsWith('<!--')) {
      comment = !l.includes('-->');
      continue;
    }
    const first = l.charCodeAt(0);
    if (first === 35 /* # */) {
      // A heading: the items under an action heading are the session's commitments.
      inCommitments = ACTION_HEADING.test(l);
      open = null;
      continue;
    }
    if (first === 32 || first === 9) {
      if (open === null) continue;
      const detail = l.trim();
      if (detail.startsWith('- ')) readDetail(open, detail.slice(2));
      continue;
    }
    open = null;
    if (l.length === 0) continue;
    // Elsewhere, an item tagged #commitment.
    const tagged = !inCommitments && l.includes('#commitment');
    if (!inCommitments && !tagged) continue;
    const m = LIST_ITEM.exec(l);
    if (m === null || (!inCommitments && m[1] === undefined)) continue;
    open = commitmentOf(l, m[0].length, m[1] ?? null, i + 1);
    if (tagged) open.text = open.text.replace(/[ \t]*#commitment\b/, '');
    commitments.push(open);
  }
  return { path, frontmatter, commitments };
}

export interface MinimalReaderResult {
  method: string;
  readMs: number;
  keptMs: number;
  readRunsMs: number[];
  keptRunsMs: number[];
  commitments: number;
}

function passOnce(vault: SynthVault, batchSize: number, keep: boolean): { ms: number; commitments: number } {
  const kept: MinimalNote[] = [];
  let ms = 0;
  let commitments = 0;
  for (let from = 0; from < vault.noteCount; from += batchSize) {
    const batch = vault.batch(from, from + batchSize);
    const t0 = now();
    for (const [path, text] of batch) {
      const note = readMinimal(path, text);
      commitments += note.commitments.length;
      if (keep) kept.push(note);
    }
    ms += now() - t0;
  }
  kept.length = 0;
  return { ms, commitments };
}

export function measureMinimalReader(vault: SynthVault, runs = 3, batchSize = 1000): MinimalReaderResult {
  passOnce(vault, batchSize, false); // warm-up
  const readRunsMs: number[] = [];
  const keptRunsMs: number[] = [];
  let commitments = 0;
  for (let r = 0; r < runs; r++) {
    readRunsMs.push(passOnce(vault, batchSize, false).ms);
    const kept = passOnce(vault, batchSize, true);
    keptRunsMs.push(kept.ms);
    commitments = kept.commitments;
  }
  return {
    method: `the least reader of this vault's one note shape (frontmatter lines, checkbox lines with id and inline fields, their check-in, learned and if-then children), over the full index's batches of ${batchSize}; read = records dropped as read, kept = every note's records kept to the end of the run; only the pass is timed; median of ${runs}`,
    readMs: round(median(readRunsMs), 1),
    keptMs: round(median(keptRunsMs), 1),
    readRunsMs: readRunsMs.map((m) => round(m, 1)),
    keptRunsMs: keptRunsMs.map((m) => round(m, 1)),
    commitments,
  };
}
