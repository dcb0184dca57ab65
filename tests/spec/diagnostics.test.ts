import { describe, it, expect } from 'vitest';
import type { ScanOutput } from '../../src/core/scan-output';
import { clientNote, commitmentsNote, errors, lineOf, note, scan, scanOne, sessionNote } from './helpers';

const GOOD = 'Sessions/2026-11-20 Jane.md';
const BAD = 'Sessions/bad.md';

function goodNote() {
  return commitmentsNote(['- [ ] Send 10 outreach messages ^c7f3a', '- [ ] Practice the pitch out loud'], { next: '2026-12-04' });
}

/** The bad note left no trace but its diagnostic, and the good note scanned in full. */
function expectOnlyTheBadNoteDropped(out: ScanOutput) {
  expect(out.sessions.map((s) => s.path)).toEqual([GOOD]);
  expect(out.commitments.map((c) => c.session)).toEqual([GOOD, GOOD]);
  expect(out.commitments.map((c) => c.text)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
  expect(out.commitments[0]).toMatchObject({ id: 'c7f3a', client: 'Jane Doe', due: '2026-12-02' });
}

function diagnosticsFor(out: ScanOutput, path: string) {
  return out.diagnostics.filter((d) => d.path === path);
}

describe('a session note missing `client`', () => {
  const bad = commitmentsNote(['- [ ] Draft the proposal', '- [ ] Call the bank #commitment'], { client: null, date: '2026-11-21' });
  const out = scan({ [BAD]: bad, [GOOD]: goodNote() });

  it('yields one error diagnostic with path, line and a message', () => {
    const ds = diagnosticsFor(out, BAD);
    expect(ds).toHaveLength(1);
    expect(ds[0].severity).toBe('error');
    expect(Number.isInteger(ds[0].line)).toBe(true);
    expect(ds[0].line).toBeGreaterThanOrEqual(1);
    // Points into the frontmatter, where the key is missing.
    expect(ds[0].line).toBeLessThanOrEqual(lineOf(bad, 'date:') + 1);
    expect(ds[0].message).toMatch(/client/i);
  });

  it('and no records; other notes still scan', () => {
    expectOnlyTheBadNoteDropped(out);
  });
});

describe('a session note missing `date`', () => {
  const bad = commitmentsNote(['- [ ] Draft the proposal'], { date: null, client: '"[[Omar Haddad]]"' });
  const out = scan({ [BAD]: bad, [GOOD]: goodNote() });

  it('yields one error diagnostic at line 1, as in the contract example', () => {
    const ds = diagnosticsFor(out, BAD);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ path: BAD, line: 1, severity: 'error' });
    expect(ds[0].message).toMatch(/date/i);
  });

  it('and no records; other notes still scan', () => {
    expectOnlyTheBadNoteDropped(out);
  });

  it('and the client it names is not made up from it', () => {
    // Ambiguity: "no records" read literally — the bad note does not create a client either.
    expect(out.clients.map((c) => c.name)).toEqual(['Jane Doe']);
  });
});

describe('a session note with a date that does not parse', () => {
  it.each([['sometime soon'], ['"next Tuesday"'], ['2026-13-45'], ['2026-02-30']])('`date: %s`', (raw) => {
    // 2026-02-30 has the right shape but is no calendar date; read as "does not parse".
    const bad = commitmentsNote(['- [ ] Draft the proposal'], { date: raw });
    const out = scan({ [BAD]: bad, [GOOD]: goodNote() });
    const ds = diagnosticsFor(out, BAD);
    expect(ds).toHaveLength(1);
    expect(ds[0].severity).toBe('error');
    // Ambiguity: the line may be the `date:` key's or the note's first line; both are sensible.
    expect([1, lineOf(bad, 'date:')]).toContain(ds[0].line);
    expect(ds[0].message.length).toBeGreaterThan(0);
    expectOnlyTheBadNoteDropped(out);
  });
});

describe('several bad notes at once', () => {
  it('each gets its own diagnostic and none stops the scan', () => {
    const out = scan({
      'Sessions/a.md': sessionNote({ client: null }),
      'Sessions/b.md': sessionNote({ date: null }),
      'Sessions/c.md': sessionNote({ date: 'whenever' }),
      [GOOD]: goodNote(),
      'Clients/Jane Doe.md': clientNote({ coach: 'Sam' }),
    });
    expect(errors(out).map((d) => d.path).sort()).toEqual(['Sessions/a.md', 'Sessions/b.md', 'Sessions/c.md']);
    expectOnlyTheBadNoteDropped(out);
    expect(out.clients).toHaveLength(1);
    expect(out.clients[0]).toMatchObject({ name: 'Jane Doe', coach: 'Sam' });
  });
});

describe('a clean vault', () => {
  it('has no error diagnostics', () => {
    const out = scan({
      [GOOD]: goodNote(),
      'Clients/Jane Doe.md': clientNote({ coach: 'Sam', cadence: 'weekly' }),
      'Daily/2026-11-21.md': note(null, ['Nothing to see here.']),
      'Ideas.md': 'Just some text with no frontmatter at all.',
      'Empty.md': '',
    });
    expect(errors(out)).toEqual([]);
    expect(out.sessions).toHaveLength(1);
  });
});

describe('robustness: broken notes never stop the scan', () => {
  it('unclosed frontmatter', () => {
    const out = scan({ 'Sessions/broken.md': '---\ntype: session\nclient: Jane Doe\ndate: 2026-11-21\n## Commitments\n- [ ] Draft it', [GOOD]: goodNote() });
    expect(out.sessions.map((s) => s.path)).toContain(GOOD);
    expect(out.commitments.filter((c) => c.session === GOOD)).toHaveLength(2);
  });

  it('invalid YAML in a session note', () => {
    const out = scan({ 'Sessions/broken.md': '---\ntype: session\nclient: "[[Jane Doe]]\ndate: : 2026-11-21\n  - :\n---\n## Commitments\n- [ ] Draft it', [GOOD]: goodNote() });
    expect(out.sessions.map((s) => s.path)).toContain(GOOD);
    expect(out.commitments.filter((c) => c.session === GOOD).map((c) => c.text)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
  });

  it('an unquoted `client: [[Jane Doe]]` (YAML reads a nested list) either resolves or is diagnosed', () => {
    // Ambiguity: the contract quotes the link. Unquoted, YAML parses it as [["Jane Doe"]].
    // Accept either a session for Jane Doe or a diagnostic; never a crash or a garbled name.
    const out = scan({ 'Sessions/unquoted.md': sessionNote({ client: '[[Jane Doe]]' }), [GOOD]: goodNote() });
    const s = out.sessions.find((x) => x.path === 'Sessions/unquoted.md');
    if (s) expect(s.client).toBe('Jane Doe');
    else expect(diagnosticsFor(out, 'Sessions/unquoted.md').length).toBeGreaterThan(0);
    expect(out.clients.map((c) => c.name)).toEqual(['Jane Doe']);
    expect(out.sessions.map((x) => x.path)).toContain(GOOD);
  });

  it('a client note with odd values still scans the rest of the vault', () => {
    const out = scan({ 'Clients/Jane Doe.md': clientNote({ cadence: 'whenever', accountability: 'lots' }), [GOOD]: goodNote() });
    expect(out.sessions.map((s) => s.path)).toEqual([GOOD]);
    expect(out.commitments).toHaveLength(2);
  });
});

describe('a client that is only invisible characters', () => {
  it.each(['"\u200b"', '"\u200f\u202e"', '"[[\u2060]]"'])('client: %s is an error at the client line, not a session that vanishes', (value) => {
    const out = scanOne(['---', 'type: session', `client: ${value}`, 'date: 2026-11-20', '---', '## Commitments', '- [ ] Send it', ''].join('\n'));
    expect(out.sessions).toEqual([]);
    expect(out.diagnostics.map((d) => [d.line, d.severity])).toEqual([[3, 'error']]);
    expect(out.diagnostics[0].message).toMatch(/client is not a name or \[\[link\]\]/);
  });
});

describe('a note whose type says both client and session', () => {
  it('is read as a client note, with a warning at its type line saying to keep one', () => {
    const out = scan({ 'Clients/Jane Doe.md': ['---', 'type: [session, client]', 'date: 2026-11-20', '---', ''].join('\n') });
    expect(out.clients.map((c) => c.name)).toEqual(['Jane Doe']);
    expect(out.sessions).toEqual([]);
    expect(out.diagnostics.map((d) => [d.path, d.line, d.severity])).toEqual([['Clients/Jane Doe.md', 2, 'warning']]);
    expect(out.diagnostics[0].message).toMatch(/type says both client and session; read as a client note: keep one type/);
  });
});
