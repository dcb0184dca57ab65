/**
 * The Dataview queries and Bases views in docs/tasks-dataview.md use the field names the plugin
 * writes: the inline fields on commitment lines (from the writers in src/core/edit), the session
 * properties the parser reads, the commitment headings and the checkbox characters.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitmentLine } from '../../src/core/edit/carry';
import { DEFAULT_SESSION_TEMPLATE } from '../../src/core/edit/session-note';
import { parseNote } from '../../src/core/parse/note';
import { DEFAULT_COMMITMENT_HEADINGS } from '../../src/core/settings';
import { writtenLines } from './written-lines';

const doc = readFileSync(fileURLToPath(new URL('../../docs/tasks-dataview.md', import.meta.url)), 'utf8');

function blocks(lang: string): string[] {
  const out: string[] = [];
  const re = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm');
  for (const m of doc.matchAll(re)) out.push(m[1]);
  return out;
}

const dataview = blocks('dataview');
const bases = blocks('yaml').map((y) => parse(y) as { filters: unknown; views: { order?: string[]; groupBy?: { property: string }; sort?: { property: string }[] }[] });

/** Dataview's own task fields (not written by us): https://blacksmithgu.github.io/obsidian-dataview/annotation/metadata-tasks/ */
const DATAVIEW_IMPLICIT = new Set(['text', 'status', 'section', 'tags', 'completed', 'checked', 'line', 'path', 'link', 'children']);

/** Every line the writers produce, in both conventions, plus a fresh line with every field set. */
const written = [
  ...writtenLines('dataview').map((w) => w.line),
  ...writtenLines('emoji').map((w) => w.line),
  commitmentLine(
    {
      text: 'Send 10 outreach messages',
      owner: 'partner',
      kind: 'outcome',
      due: '2026-12-02',
      trigger: 'after standup',
      coping: { obstacle: 'meetings run over', response: 'do it first thing' },
      confidence: 7,
      from: 'c7f3a',
      id: 'n3wid1',
    },
    'dataview',
  ),
];

const SESSION = ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', 'next: 2026-12-04', 'status: held', '---', '## Commitments', '- [ ] Send the deck [due:: 2026-12-02] ^a1b2c3', ''].join('\n');

describe('docs/tasks-dataview.md uses the names the plugin writes', () => {
  it('has the Dataview queries and the Bases views', () => {
    expect(dataview.length).toBeGreaterThanOrEqual(2);
    expect(bases.length).toBeGreaterThanOrEqual(2);
  });

  it('every task field a Dataview query reads (t.due, t.trigger, t.from…) is an inline field our writers put on a line', () => {
    const used = new Set<string>();
    for (const q of dataview) for (const m of q.matchAll(/\bt\.([A-Za-z]+)/g)) used.add(m[1]);
    const ours = [...used].filter((f) => !DATAVIEW_IMPLICIT.has(f));
    expect(ours.sort()).toEqual(['due', 'from', 'trigger']);
    for (const field of ours) expect(written.some((l) => l.includes(`[${field}:: `)), field).toBe(true);
  });

  it('every inline field in the docs table is one a writer produces', () => {
    for (const m of doc.matchAll(/`\[([a-z]+):: [^`]*\]`/g)) {
      expect(written.some((l) => l.includes(`[${m[1]}:: `)), m[1]).toBe(true);
    }
  });

  it('the page fields the queries filter on (type = "session", client) are the session properties', () => {
    for (const q of dataview) expect(q).toMatch(/WHERE type = "session"/);
    expect(DEFAULT_SESSION_TEMPLATE).toMatch(/^type: session$/m);
    expect(DEFAULT_SESSION_TEMPLATE).toMatch(/^client: "\[\[\{\{client\}\}\]\]"$/m);
    const n = parseNote('Sessions/2026-11-20 Jane Doe.md', SESSION);
    expect(n.type).toBe('session');
    expect(n.session).toMatchObject({ clientRef: 'Jane Doe', date: '2026-11-20', next: '2026-12-04', status: 'held' });
  });

  it('the queries keep to the commitment headings the parser uses', () => {
    for (const q of dataview.filter((x) => x.includes('meta(t.section)'))) {
      const list = /contains\(list\(([^)]*)\), meta\(t\.section\)\.subpath\)/.exec(q);
      expect(list).not.toBeNull();
      expect(JSON.parse(`[${list![1]}]`)).toEqual([...DEFAULT_COMMITMENT_HEADINGS]);
      expect(q).toContain('contains(t.tags, "#commitment")');
    }
  });

  it('the "open" checkbox characters in the queries are the ones the parser reads as open', () => {
    for (const q of dataview.filter((x) => x.includes('contains(list(" "'))) {
      const list = /contains\(list\(((?:"[^"]*"(?:, )?)+)\), t\.status\)/.exec(q);
      expect(list).not.toBeNull();
      const chars: string[] = JSON.parse(`[${list![1]}]`);
      expect(chars).toEqual([' ', '/', '?']);
      const note = (box: string) => SESSION.replace('- [ ]', `- [${box}]`);
      for (const ch of chars) expect(['open', 'partial', 'stuck']).toContain(parseNote('s.md', note(ch)).commitments[0].checkbox);
      for (const closed of ['x', '-', '>']) expect(['done', 'let-go', 'recommitted']).toContain(parseNote('s.md', note(closed)).commitments[0].checkbox);
    }
  });

  it('the Bases views use only session properties the parser reads, and file properties', () => {
    const props = new Set<string>();
    for (const b of bases) {
      const filters = JSON.stringify(b.filters);
      for (const m of filters.matchAll(/\b([a-z]+) (?:==|>=|<|>|<=|!=)/g)) props.add(m[1]);
      for (const v of b.views) {
        for (const p of v.order ?? []) props.add(p);
        if (v.groupBy) props.add(v.groupBy.property);
        for (const s of v.sort ?? []) props.add(s.property);
      }
    }
    const own = [...props].filter((p) => !p.startsWith('file.'));
    expect(own.every((p) => ['type', 'client', 'date', 'next', 'status'].includes(p)), own.join(', ')).toBe(true);
    expect(own).toEqual(expect.arrayContaining(['type', 'client', 'date', 'next']));
  });

  it('the example lines in the docs read back as the commitment they describe', () => {
    const examples = [...doc.matchAll(/^- \[ \] Send 10 outreach messages .*$/gm)].map((m) => m[0]);
    expect(examples.length).toBe(2);
    for (const line of examples) {
      const c = parseNote('s.md', SESSION.replace(/^- \[ \] Send the deck.*$/m, line)).commitments[0];
      expect(c).toMatchObject({ text: 'Send 10 outreach messages', due: '2026-12-02', trigger: 'after standup', confidence: 7, id: 'c7f3a' });
    }
  });
});
