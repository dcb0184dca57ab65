/**
 * Small fixture vaults for the analytics tests: client notes, session notes with a `## Commitments`
 * list, and helpers to index them and read what the roster, signals, patterns and brief say.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { analyseClient, type ClientAnalysis } from '../../src/core/analytics/client-analysis';
import { clientPatterns, type Patterns } from '../../src/core/analytics/patterns';
import { clientBrief, type BriefModel } from '../../src/core/analytics/brief';
import { briefMarkdown } from '../../src/cli/commands/brief-format';
import { displayDates } from '../../src/core/display-dates';
import { clientRow, roster, type RosterRow } from '../../src/core/analytics/roster';
import { computeSignals, type Signal, type SignalName } from '../../src/core/analytics/signals';
import { resolveThresholds, type RiskThresholds } from '../../src/core/analytics/thresholds';
import { addDays } from '../../src/core/dates';
import { VaultIndex } from '../../src/core/index/vault-index';

export type Files = Record<string, string>;
export type Fm = Record<string, string | number | null | undefined>;

function frontmatter(fm: Fm): string[] {
  const lines = ['---'];
  for (const [k, v] of Object.entries(fm)) if (v !== null && v !== undefined) lines.push(`${k}: ${v}`);
  lines.push('---');
  return lines;
}

export const clientPath = (name: string) => `Clients/${name}.md`;
export const sessionPath = (client: string, date: string) => `Sessions/${date} ${client}.md`;

/** A client note at `Clients/NAME.md`. */
export function clientNote(name: string, fm: Fm = {}): Files {
  return { [clientPath(name)]: [...frontmatter({ type: 'client', ...fm }), `# ${name}`, ''].join('\n') };
}

export interface SessionOptions {
  next?: string | null;
  status?: 'held' | 'cancelled' | 'no-show';
  coach?: string;
  /** Extra body lines before the commitments heading. */
  before?: string[];
}

/**
 * A session note at `Sessions/DATE CLIENT.md`. Frontmatter (type, client, date, next, status,
 * coach), then `# Session`, a blank line, `## Commitments` and the items, one per line.
 */
export function sessionNote(client: string, date: string, items: string[] = [], o: SessionOptions = {}): Files {
  const fm = frontmatter({ type: 'session', client: `"[[${client}]]"`, date, next: o.next ?? null, status: o.status, coach: o.coach });
  const body = ['# Session', '', ...(o.before ?? []), '## Commitments', ...items, ''];
  return { [sessionPath(client, date)]: [...fm, ...body].join('\n') };
}

/** Merges fixture pieces into one vault. */
export function vault(...parts: Files[]): Files {
  return Object.assign({}, ...parts);
}

export function indexOf(files: Files): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(Object.entries(files));
  return index;
}

export function analysis(files: Files | VaultIndex, name: string, asOf: string, t: Partial<RiskThresholds> = {}): ClientAnalysis {
  const index = files instanceof VaultIndex ? files : indexOf(files);
  const client = index.client(name);
  if (!client) throw new Error(`fixture: no client ${name}`);
  return analyseClient(index, client, asOf, resolveThresholds(t));
}

export function signalsOf(files: Files | VaultIndex, name: string, asOf: string, t: Partial<RiskThresholds> = {}): Signal[] {
  return computeSignals(analysis(files, name, asOf, t), resolveThresholds(t));
}

export function signalNames(files: Files | VaultIndex, name: string, asOf: string, t: Partial<RiskThresholds> = {}): SignalName[] {
  return signalsOf(files, name, asOf, t).map((s) => s.name);
}

export function signal(files: Files | VaultIndex, name: string, asOf: string, which: SignalName, t: Partial<RiskThresholds> = {}): Signal {
  const found = signalsOf(files, name, asOf, t).filter((s) => s.name === which);
  expect(found, `${which} signal for ${name}`).toHaveLength(1);
  return found[0];
}

export function rowOf(files: Files | VaultIndex, name: string, asOf: string, t: Partial<RiskThresholds> = {}): RosterRow {
  const index = files instanceof VaultIndex ? files : indexOf(files);
  return clientRow(index, index.client(name)!, { asOf, thresholds: t });
}

export function rosterOf(files: Files | VaultIndex, asOf: string, coach: string | null = null, t: Partial<RiskThresholds> = {}): RosterRow[] {
  const index = files instanceof VaultIndex ? files : indexOf(files);
  return roster(index, { asOf, coach, thresholds: t });
}

export function patternsOf(files: Files | VaultIndex, name: string, asOf: string, t: Partial<RiskThresholds> = {}): Patterns {
  const index = files instanceof VaultIndex ? files : indexOf(files);
  return clientPatterns(index, index.client(name)!, asOf, t);
}

export function briefModelOf(files: Files | VaultIndex, name: string, asOf: string, t: Partial<RiskThresholds> = {}): BriefModel {
  const index = files instanceof VaultIndex ? files : indexOf(files);
  return clientBrief(index, index.client(name)!, asOf, t);
}

/** The brief as the CLI prints it, dates in the default display format (`EEE d MMM`). */
export function briefOf(files: Files | VaultIndex, name: string, asOf: string, t: Partial<RiskThresholds> = {}): string {
  return briefMarkdown(briefModelOf(files, name, asOf, t), displayDates('EEE d MMM', () => asOf));
}

/** 1-based number of the only line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const hits = text.split(/\r?\n/).flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`fixture: ${JSON.stringify(needle)} is on ${hits.length} lines`);
  return hits[0];
}

/** The text of a 1-based line of a fixture file. */
export function lineText(files: Files, path: string, line: number): string {
  const text = files[path];
  if (text === undefined) throw new Error(`fixture: no file ${path}`);
  return text.split(/\r?\n/)[line - 1] ?? '';
}

/**
 * A run of weekly held sessions (cadence 7, each with `next` one week later) starting at `start`,
 * one list of items per session.
 */
export function weekly(client: string, start: string, items: string[][], o: { lastNext?: string | null } = {}): Files {
  const out: Files = {};
  items.forEach((list, i) => {
    const date = addDays(start, 7 * i);
    const last = i === items.length - 1;
    const next = last && o.lastNext !== undefined ? o.lastNext : addDays(date, 7);
    Object.assign(out, sessionNote(client, date, list, { next }));
  });
  return out;
}

/** Judgement words the observation sentences and questions must avoid. */
export const JUDGEMENT = /\b(fail\w*|lazy|laziness|should\w*|never|bad|poor\w*|disappoint\w*|excuses?|blame\w*|guilt\w*)\b/i;

/** Every markdown file under a folder, as [vault-relative path, text]. */
export function readFolder(root: string, dir = root, out: [string, string][] = []): [string, string][] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) readFolder(root, p, out);
    else if (name.endsWith('.md')) out.push([relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8')]);
  }
  return out;
}
