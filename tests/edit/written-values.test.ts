/**
 * Every value the plugin writes into frontmatter or a link reads back as the same value (issue 11
 * item 11), and where two frontmatter keys differ only in case the writer edits the one the
 * reader reads (item 14). Written, then read with the project's own parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommit } from '../../src/core/edit/carry';
import { releaseAccountability, setFrontmatterValue, yamlScalar } from '../../src/core/edit/frontmatter-edit';
import { pickFrontmatterKey } from '../../src/core/parse/records';
import { clientReference, renderSessionNote } from '../../src/core/edit/session-note';
import { splitNote } from '../../src/core/edit/text';
import { readFrontmatter } from '../../src/core/parse/frontmatter';
import { parseNote } from '../../src/core/parse/note';
import { DEFAULT_CORE_SETTINGS } from '../../src/core/settings';
import { nastyName, nastyString } from './arbitraries';
import { PATH, seeded, session, target } from './helpers';

const RUNS = Number(process.env.FT_PROPERTY_RUNS ?? 200);

/**
 * Names the reader itself cannot tell from others, whatever is written: it reads a `client:` value
 * as a path (`A/B` is client `B`, `X.md` is `X`), trims it, and reads a value shaped `[[…]]` as a
 * link. (A reader-side change, reported; the writer cannot help these.)
 */
const readable = (name: string) => !name.includes('/') && !/\.md\s*$/i.test(name) && !/^\s*\[\[[^]*\]\]\s*$/.test(name);

function frontmatterOf(text: string) {
  return readFrontmatter(splitNote(text).lines);
}

describe('frontmatter values read back as written', () => {
  it('setFrontmatterValue, for any string, in every quote style a key may already have', () => {
    fc.assert(
      fc.property(fc.oneof(nastyString, fc.string({ unit: 'binary', maxLength: 12 })), fc.constantFrom('', 'k: old', 'k: "old"', "k: 'old'", 'k:\n  - a', 'k: plain # note'), (value, existing) => {
        const text = `---\ntype: client\n${existing}\n---\nbody\n`;
        const r = setFrontmatterValue(text, 'k', value);
        if (!r.ok) throw new Error(r.reason);
        const fm = frontmatterOf(r.text)!;
        expect(fm.error).toBeNull();
        expect(fm.data.k).toBe(value);
        expect(fm.data.type).toBe('client');
        expect(r.text.endsWith('---\nbody\n')).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('yamlScalar escapes line breaks and controls, and single quotes give way to double where they cannot carry them', () => {
    expect(yamlScalar('Jane\nDoe', "'")).toBe('"Jane\\nDoe"');
    expect(yamlScalar('a\u2028b\u0007', '')).toBe('"a\\Lb\\u0007"');
    expect(yamlScalar('Jane #2', '')).toBe('"Jane #2"');
    expect(yamlScalar('Jane Doe', '')).toBe('Jane Doe');
  });
});

describe('a new session note names its client so it reads back as that client', () => {
  it('`Jane #2`, `A|B`, `x]] y`, `Say "hi"`, `Ms: Jane` and a name with a line break', () => {
    for (const name of ['Jane #2', 'A|B', 'x]] y', 'Say "hi"', 'Ms: Jane', 'Jane\nDoe', 'Jane Doe']) {
      const text = renderSessionNote({ client: name, date: '2026-12-04' });
      const note = parseNote('Sessions/new.md', text);
      expect(note.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(note.session?.clientRef, JSON.stringify(name)).toBe(name);
    }
    expect(renderSessionNote({ client: 'Jane #2', date: '2026-12-04' })).toContain('\nclient: "Jane #2"\n');
    expect(renderSessionNote({ client: 'Jane Doe', date: '2026-12-04' })).toContain('\nclient: "[[Jane Doe]]"\n');
    expect(clientReference('Jane #2')).toBe('Jane #2');
    expect(clientReference(' Jane')).toBe(' Jane');
  });

  it('a name with a comment marker (`%%`, `<!--`) in a template that writes it in the body hides no part of the note', () => {
    const template = '---\nclient: [[{{client}}]]\ndate: {{date}}\n---\nNotes for {{client}}';
    for (const name of ['%%Ⰰ', 'Jo %% Lee', 'Ana <!-- Ruiz', 'A <<!--!-- B']) {
      const text = renderSessionNote({ client: name, date: '2026-12-04', template });
      const note = parseNote('Sessions/new.md', text);
      expect(note.session?.clientRef, name).toBe(name);
      expect(note.session?.commitmentsHeadingLine, name).not.toBeNull();
      expect(text.split('---\n')[2]).not.toMatch(/%%|<!--/);
    }
  });

  it('for any name, with the default template and templates that put {{client}} elsewhere in the frontmatter', () => {
    const templates = [
      '',
      "---\ntype: session\nclient: '[[{{client}}]]'\ndate: {{date}}\ntitle: {{client}} session\naliases: [{{client}}]\n---\n# {{client}}\n\n## Commitments\n",
      '---\nclient: [[{{client}}]]\ndate: {{date}}\n---\nNotes for {{client}}',
      '---\ntype: session\nclient: {{client}}\ndate: {{date}}\n---\n',
    ];
    fc.assert(
      fc.property(nastyName.filter(readable), fc.constantFrom(...templates), (name, template) => {
        const text = renderSessionNote({ client: name, date: '2026-12-04', template });
        const note = parseNote('Sessions/new.md', text);
        expect(note.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(note.session?.clientRef).toBe(name.trim());
        expect(note.session?.date).toBe('2026-12-04');
        expect(note.session?.commitmentsHeadingLine).not.toBeNull();
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('a recommit into a new note for such a client carries the line there, under that client', () => {
    const source = session(['## Commitments', '- [ ] Send the deck ^s1']);
    fc.assert(
      fc.property(nastyName.filter(readable), fc.integer(), (name, seed) => {
        const text = renderSessionNote({ client: name, date: '2026-12-04' });
        const r = recommit(source, target(source, 'Send the deck'), { path: 'Sessions/new.md', text, isNew: true, defaultDue: '2026-12-16' }, { today: '2026-12-01', random: seeded(seed) });
        if (!r.ok) throw new Error(r.reason);
        const created = parseNote('Sessions/new.md', r.changes.find((c) => c.before === null)!.after);
        expect(created.session?.clientRef).toBe(name.trim());
        expect(created.commitments.map((c) => [c.text, c.from])).toEqual([['Send the deck', 's1']]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('keys that differ only in case: the writer edits the key the reader reads (item 14)', () => {
  it('pickFrontmatterKey: exact key, else exact alias, else the first in file order without case', () => {
    expect(pickFrontmatterKey(['Paused_Until', 'paused_until'], 'paused_until')).toBe('paused_until');
    expect(pickFrontmatterKey(['Paused_Until', 'PAUSED_UNTIL'], 'paused_until')).toBe('Paused_Until');
    expect(pickFrontmatterKey(['Pause', 'on_hold', 'paused_until'], 'paused_until', ['on_hold'])).toBe('paused_until');
    expect(pickFrontmatterKey(['PAUSED_UNTIL', 'on_hold'], 'paused_until', ['on_hold'])).toBe('on_hold');
    expect(pickFrontmatterKey(['ON_HOLD', 'Paused_until'], 'paused_until', ['on_hold'])).toBe('ON_HOLD');
    expect(pickFrontmatterKey(['type'], 'paused_until')).toBeNull();
  });

  it('release edits `paused_until:` when `Paused_Until:` comes first, and the reader sees the new date', () => {
    const text = '---\ntype: client\nPaused_Until: 2026-10-01\npaused_until: 2026-11-01\n---\n';
    const r = releaseAccountability(text, 'Clients/Jane.md', '2027-01-05');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toBe('---\ntype: client\nPaused_Until: 2026-10-01\npaused_until: 2027-01-05\n---\n');
    expect(parseNote('Clients/Jane.md', r.text).client!.pausedUntil).toBe('2027-01-05');
  });

  it('and with only case variants, the first of them', () => {
    const text = '---\ntype: client\nPaused_Until: 2026-10-01\nPAUSED_UNTIL: 2026-11-01\n---\n';
    const r = releaseAccountability(text, 'Clients/Jane.md', '2027-01-05', DEFAULT_CORE_SETTINGS);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toBe('---\ntype: client\nPaused_Until: 2027-01-05\nPAUSED_UNTIL: 2026-11-01\n---\n');
  });
});
