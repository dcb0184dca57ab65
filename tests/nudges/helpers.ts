/**
 * Small vault fixtures shared by the nudge, calendar and agreement tests: client and session
 * notes as text, an index over them, and the demo vault read from disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VaultIndex } from '../../src/core/index/vault-index';
import type { Client, Commitment } from '../../src/core/types';

export type Files = Record<string, string>;
type Fm = Record<string, string | number | null | undefined>;

function frontmatter(fm: Fm, extra: string[] = []): string[] {
  const lines = ['---'];
  for (const [k, v] of Object.entries(fm)) if (v !== null && v !== undefined) lines.push(`${k}: ${v}`);
  lines.push(...extra, '---');
  return lines;
}

export interface ClientOptions {
  accountability?: string;
  status?: string;
  paused_until?: string;
  coach?: string;
  cadence?: string | number;
  sms?: string;
  email?: string;
}

export const clientPath = (name: string) => `Clients/${name}.md`;
export const sessionPath = (client: string, date: string) => `Sessions/${date} ${client}.md`;

export function clientNote(name: string, o: ClientOptions = {}): Files {
  const contact = o.sms || o.email ? ['contact:', ...(o.sms ? [`  sms: "${o.sms}"`] : []), ...(o.email ? [`  email: "${o.email}"`] : [])] : [];
  const fm = frontmatter(
    { type: 'client', coach: o.coach, cadence: o.cadence, accountability: o.accountability, status: o.status, paused_until: o.paused_until },
    contact,
  );
  return { [clientPath(name)]: [...fm, `# ${name}`, ''].join('\n') };
}

export function sessionNote(client: string, date: string, items: string[], o: { next?: string; coach?: string; status?: string } = {}): Files {
  const fm = frontmatter({ type: 'session', client: `"[[${client}]]"`, date, next: o.next, coach: o.coach, status: o.status });
  return { [sessionPath(client, date)]: [...fm, '# Session', '', '## Commitments', ...items, ''].join('\n') };
}

export function vault(...parts: Files[]): Files {
  return Object.assign({}, ...parts);
}

export function indexOf(files: Files): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(Object.entries(files));
  return index;
}

/** A commitment as the schedule needs it. */
export function commitment(sessionDate: string, due: string, o: Partial<Commitment> = {}): Commitment {
  return {
    id: null,
    line: 1,
    raw: '- [ ] x',
    endLine: 1,
    text: 'Send 10 outreach messages',
    owner: 'client',
    kind: 'process',
    kindIsDefault: true,
    checkbox: 'open',
    hasCheckbox: true,
    status: 'open',
    due,
    doneDate: null,
    letGoDate: null,
    trigger: null,
    coping: null,
    confidence: null,
    from: null,
    checkIns: [],
    learned: [],
    notes: [],
    convention: 'dataview',
    tagged: false,
    sessionIndex: 0,
    person: null,
    recurrence: null,
    client: 'Jane Doe',
    session: 'Sessions/s.md',
    sessionKey: o.session ?? 'Sessions/s.md',
    sessionDate,
    dueIsDefault: false,
    ...o,
  };
}

export function client(accountability: Client['accountability'], o: Partial<Client> = {}): Client {
  return {
    name: 'Jane Doe',
    coach: null,
    cadence: 14,
    accountability,
    status: 'active',
    pausedUntil: null,
    milestones: [],
    contact: null,
    path: 'Clients/Jane Doe.md',
    ...o,
  };
}

export const DEMO_ROOT = fileURLToPath(new URL('../../examples/demo-vault', import.meta.url));

/** Every markdown file under a folder, as [vault-relative path, text], in path order. */
export function readFolder(root: string, dir = root, out: [string, string][] = []): [string, string][] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) readFolder(root, p, out);
    else if (name.endsWith('.md')) out.push([relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8')]);
  }
  return out;
}

export function demoEntries(): [string, string][] {
  return readFolder(DEMO_ROOT);
}

export function demoIndex(): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(demoEntries());
  return index;
}

/** 1-based number of the only line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const hits = text.split(/\r?\n/).flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`fixture: ${JSON.stringify(needle)} is on ${hits.length} lines`);
  return hits[0];
}
