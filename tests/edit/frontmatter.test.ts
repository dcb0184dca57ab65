import { describe, expect, it } from 'vitest';
import { releaseAccountability, setFrontmatterValue } from '../../src/core/edit/frontmatter-edit';
import { parseNote } from '../../src/core/parse/note';
import { resolveCoreSettings } from '../../src/core/settings';
import { crlf, expectOnlyChanged } from './helpers';

const PATH = 'Clients/Maya Chen.md';
const client = [
  '---',
  'type: client',
  'coach: Sam Rivera   # lead coach',
  'cadence: weekly',
  "accountability: 'active'",
  'milestones:',
  '  - {name: "Hire first support lead", due: 2026-10-30, done: true}',
  'contact:',
  '  sms: "+15555550142"',
  '# notes for me',
  '---',
  '# Maya Chen',
  'Body ✨ ',
].join('\n');

describe('release accountability', () => {
  it('inserts paused_until after the last top-level key, touching nothing else', () => {
    const r = releaseAccountability(client, PATH, '2027-01-05');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.split('\n').slice(7, 11)).toEqual(['contact:', '  sms: "+15555550142"', 'paused_until: 2027-01-05', '# notes for me']);
    expect(r.changedLines).toEqual([10]);
    expectOnlyChanged(client, r.text, r.changedLines, []);
    expect(parseNote(PATH, r.text).client).toMatchObject({ pausedUntil: '2027-01-05', coach: 'Sam Rivera', cadence: 7, accountability: 'active' });
  });

  it('replaces an existing value in place, keeping quotes and a comment', () => {
    const text = crlf(client.replace('cadence: weekly', 'paused_until: "2026-12-01"  # after the move\ncadence: weekly'));
    const r = releaseAccountability(text, PATH, '2027-02-01');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('\r\npaused_until: "2027-02-01"  # after the move\r\n');
    expectOnlyChanged(text, r.text, r.changedLines, [4]);
    expect(parseNote(PATH, r.text).client?.pausedUntil).toBe('2027-02-01');
  });

  it('fills an empty key, and null takes the release back', () => {
    const text = client.replace('cadence: weekly', 'paused_until:\ncadence: weekly');
    const r = releaseAccountability(text, PATH, '2027-01-05');
    expect(r.ok && r.text).toContain('\npaused_until: 2027-01-05\ncadence: weekly\n');
    if (!r.ok) return;
    const back = releaseAccountability(r.text, PATH, null);
    expect(back.ok && back.text).toBe(client);
  });

  it('uses an alias key from the settings when the note has it', () => {
    const text = client.replace('cadence: weekly', 'Paused-Until: 2026-01-01\ncadence: weekly');
    const settings = resolveCoreSettings({ keyAliases: { paused_until: ['paused-until'] } });
    const r = releaseAccountability(text, PATH, '2027-01-05', settings);
    expect(r.ok && r.text).toContain('\nPaused-Until: 2027-01-05\n');
    if (r.ok) expect(parseNote(PATH, r.text, settings).client?.pausedUntil).toBe('2027-01-05');
  });

  it('adds frontmatter to a note without any, keeping a missing final newline', () => {
    const r = releaseAccountability('# Just a note', PATH, '2027-01-05');
    expect(r.ok && r.text).toBe('---\npaused_until: 2027-01-05\n---\n# Just a note');
  });

  it('refuses unclosed frontmatter and a bad date', () => {
    expect(releaseAccountability('---\ntype: client\n', PATH, '2027-01-05').ok).toBe(false);
    expect(releaseAccountability(client, PATH, '05/01/2027').ok).toBe(false);
  });
});

describe('setFrontmatterValue', () => {
  it('quotes only what YAML needs', () => {
    const r = setFrontmatterValue('---\na: 1\n---\n', 'client', '[[Jane Doe]]');
    expect(r.ok && r.text).toBe('---\na: 1\nclient: "[[Jane Doe]]"\n---\n');
    const s = setFrontmatterValue('---\na: 1\n---\n', 'name', "O'Brien: the elder");
    expect(s.ok && s.text).toBe('---\na: 1\nname: "O\'Brien: the elder"\n---\n');
  });

  it('replaces a block value and its indented lines', () => {
    const r = setFrontmatterValue('---\ntags:\n  - a\n  - b\nnext: x\n---\n', 'tags', 'none');
    expect(r.ok && r.text).toBe('---\ntags: none\nnext: x\n---\n');
  });

  it('inserts into empty frontmatter right after the opening fence', () => {
    const r = setFrontmatterValue('---\n---\nbody', 'k', 'v');
    expect(r.ok && r.text).toBe('---\nk: v\n---\nbody');
  });
});
