/**
 * The index's cross-note rules: how a session's client reference finds its client (aliases,
 * case, spacing, a first name), sync-conflict copies, client notes that differ only in case, and
 * one carried commitment counted once (spec, Derived values).
 */
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../src/core/scan';
import { VaultIndex } from '../../src/core/index/vault-index';
import { conflictCopyOf } from '../../src/core/vault/conflicts';

const AS_OF = '2026-12-01';
const session = (client: string, date: string, items: string[], next?: string) =>
  ['---', 'type: session', `client: ${client}`, `date: ${date}`, ...(next ? [`next: ${next}`] : []), '---', '## Commitments', ...items].join('\n');
const clientNote = (extra: string[] = []) => ['---', 'type: client', ...extra, '---', ''].join('\n');

describe('client references', () => {
  it('[[JD]] through aliases, Jane as an unambiguous first name, and " Jane  Doe " are one client', () => {
    const out = scanFiles(
      {
        'Clients/Jane Doe.md': clientNote(['aliases: [JD]']),
        'S/1.md': session('"[[JD]]"', '2026-11-01', ['- [ ] A']),
        'S/2.md': session('Jane', '2026-11-08', ['- [ ] B']),
        'S/3.md': session('" Jane  Doe "', '2026-11-15', ['- [ ] C']),
        'S/4.md': session('"jane doe"', '2026-11-22', ['- [ ] D']),
      },
      { asOf: AS_OF },
    );
    expect(out.clients.map((c) => c.name)).toEqual(['Jane Doe']);
    expect(out.sessions.map((s) => s.client)).toEqual(['Jane Doe', 'Jane Doe', 'Jane Doe', 'Jane Doe']);
  });

  it("a client's own name wins over another client's alias, and an alias two clients share names neither, each said on the notes", () => {
    const out = scanFiles(
      {
        'Clients/Jane Doe.md': clientNote(['aliases: [JD]']),
        'Clients/Jack Dawson.md': clientNote(['aliases: [JD, Jane Doe]']),
        'S/1.md': session('"[[Jane Doe]]"', '2026-11-01', ['- [ ] Send the plan']),
        'S/2.md': session('"[[JD]]"', '2026-11-08', ['- [ ] Send the deck']),
      },
      { asOf: AS_OF },
    );
    // Jack's note sorts first by path: its alias had taken Jane's sessions from her.
    expect(out.commitments.map((c) => [c.client, c.text])).toEqual([['Jane Doe', 'Send the plan']]);
    expect(out.diagnostics.map((d) => [d.path, d.line, d.message])).toEqual([
      ['Clients/Jack Dawson.md', 3, "alias 'Jane Doe' is the name of another client (Clients/Jane Doe.md), so it names that client, not 'Jack Dawson'; remove it from this note's aliases"],
      ['Clients/Jane Doe.md', 3, "alias 'JD' is also an alias of 'Jack Dawson' (Clients/Jack Dawson.md), so a session naming 'JD' is read as neither client; keep it on one of the two notes"],
      ['S/2.md', 3, "client 'JD' could be Jack Dawson or Jane Doe; write the full name (or add it to that client note's aliases) so this session counts"],
    ]);
  });

  it('many aliases two clients share are one warning naming the first three and how many more', () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `A${i}`).join(', ');
    const out = scanFiles({ 'Clients/Jane Doe.md': clientNote([`aliases: [${aliases}]`]), 'Clients/Jack Dawson.md': clientNote([`aliases: [${aliases}]`]) }, { asOf: AS_OF });
    expect(out.diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['Clients/Jane Doe.md', "aliases 'A0', 'A1', 'A2' and 497 more are also aliases of 'Jack Dawson' (Clients/Jack Dawson.md), so a session naming one of them is read as neither client; keep each on one of the two notes"],
    ]);
  });

  it('an ambiguous first name is a diagnostic naming the candidates, and no client is invented', () => {
    const out = scanFiles(
      {
        'Clients/Sam Lee.md': clientNote(),
        'Clients/Sam Rivera.md': clientNote(),
        'S/1.md': session('Sam', '2026-11-01', ['- [ ] A']),
      },
      { asOf: AS_OF },
    );
    expect(out.clients.map((c) => c.name)).toEqual(['Sam Lee', 'Sam Rivera']);
    expect(out.commitments).toEqual([]);
    expect(out.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/'Sam' could be Sam Lee or Sam Rivera/)]);
  });

  it('zero-width characters and full-width spaces do not split a client', () => {
    const out = scanFiles(
      { 'Clients/Jane Doe.md': clientNote(), 'S/1.md': session('"Jane\u200b\u3000Doe"', '2026-11-01', ['- [ ] A']) },
      { asOf: AS_OF },
    );
    expect(out.sessions.map((s) => s.client)).toEqual(['Jane Doe']);
  });

  it('two client notes that differ only in case are one client, with a warning', () => {
    const out = scanFiles({ 'Clients/Jane Doe.md': clientNote(), 'Old/jane doe.md': clientNote(), 'S/1.md': session('Jane Doe', '2026-11-01', ['- [ ] A']) }, { asOf: AS_OF });
    expect(out.clients.map((c) => c.path)).toEqual(['Clients/Jane Doe.md']);
    expect(out.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.path)).toEqual(['Old/jane doe.md']);
  });
});

describe('sync conflict copies', () => {
  it.each([
    ['Sessions/Note (conflicted copy).md', 'Sessions/Note.md'],
    ["Sessions/Note (Sam's conflicted copy 2026-11-21).md", 'Sessions/Note.md'],
    ['Sessions/Note.sync-conflict-20261121-101010-ABCDEFG.md', 'Sessions/Note.md'],
    ['Sessions/Note (Conflicted copy 2026-11-21 101010).md', 'Sessions/Note.md'],
    ['Sessions/Note (Case Conflict).md', 'Sessions/Note.md'],
    ['Sessions/Note.Conflict.md', 'Sessions/Note.md'],
    ['Sessions/Note.Conflict (1).md', 'Sessions/Note.md'],
    ['Sessions/Note (SFConflict sam@example.com 2026-11-21-10-10-10).md', 'Sessions/Note.md'],
    ['Sessions/Note (conflicted).md', 'Sessions/Note.md'],
    ['Sessions/Conflict resolution plan.md', null],
    ['Sessions/Jean-Luc on conflict.md', null],
    ['Sessions/Note.md', null],
    ['Sessions/Copy of the plan.md', null],
  ])('%s is a copy of %s', (path, original) => {
    expect(conflictCopyOf(path)).toBe(original);
  });

  it('are not read: one warning each naming the original, and nothing counted twice', () => {
    const note = session('Jane Doe', '2026-11-20', ['- [ ] Send it ^a1']);
    const out = scanFiles(
      {
        'Clients/Jane Doe.md': clientNote(),
        'Clients/Jane Doe (conflicted copy).md': clientNote(),
        'Sessions/2026-11-20 Jane.md': note,
        'Sessions/2026-11-20 Jane (conflicted copy).md': note,
        'Sessions/2026-11-20 Jane.sync-conflict-20261121-101010-ABCDEFG.md': note,
      },
      { asOf: AS_OF },
    );
    expect(out.commitments).toHaveLength(1);
    expect(out.clients).toHaveLength(1);
    expect(out.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', expect.stringMatching(/^sync conflict copy of Clients\/Jane Doe\.md: resolve it/)],
      ['warning', expect.stringMatching(/^sync conflict copy of Sessions\/2026-11-20 Jane\.md: resolve it/)],
      ['warning', expect.stringMatching(/^sync conflict copy of Sessions\/2026-11-20 Jane\.md: resolve it/)],
    ]);
  });
});

describe('one carried commitment is one commitment', () => {
  const files = {
    'Clients/Marcus Bell.md': clientNote(),
    'S/1.md': session('Marcus Bell', '2026-10-19', ['- [ ] Send my portfolio to three designers for feedback'], '2026-10-28'),
    'S/2.md': session('Marcus Bell', '2026-10-28', ['- [/] Send the portfolio to 3 designers and ask for feedback'], '2026-11-02'),
    'S/3.md': session('Marcus Bell', '2026-11-02', ['- [ ] Send portfolio to three designers for feedback'], '2026-11-16'),
    'S/4.md': session('Marcus Bell', '2026-11-16', ['- [ ] Send the portfolio to three designers', '- [x] Book the review'], '2026-12-10'),
  };

  it('every earlier link is recommitted, whatever its box says; only the latest can be open or overdue', () => {
    const out = scanFiles(files, { asOf: AS_OF });
    expect(out.commitments.map((c) => [c.session, c.status, c.overdue])).toEqual([
      ['S/1.md', 'recommitted', false],
      ['S/2.md', 'recommitted', false],
      ['S/3.md', 'recommitted', false],
      ['S/4.md', 'open', false],
      ['S/4.md', 'done', false],
    ]);
  });

  it('a link that was done keeps its status, and what is written after it is a chain of its own', () => {
    const out = scanFiles({ ...files, 'S/2.md': session('Marcus Bell', '2026-10-28', ['- [x] Send the portfolio to 3 designers and ask for feedback'], '2026-11-02') }, { asOf: AS_OF });
    expect(out.commitments.map((c) => c.status)).toEqual(['recommitted', 'done', 'recommitted', 'open', 'done']);
  });

  it('the index answers the same after a one-note change (per-client results are cached by version)', () => {
    const index = new VaultIndex();
    index.setNotes(Object.entries(files));
    expect(index.overdue('2026-12-20').map((c) => c.session)).toEqual(['S/4.md']);
    expect(index.overdueCount('2026-12-20')).toBe(1);
    // Without its latest link, the 11-02 line is the chain's current form again, and overdue.
    index.setNote('S/4.md', session('Marcus Bell', '2026-11-16', ['- [x] Book the review'], '2026-12-10'));
    expect(index.overdue('2026-12-20').map((c) => c.session)).toEqual(['S/3.md']);
    expect(index.overdueCount('2026-12-20')).toBe(1);
    expect(index.commitmentsOf('Marcus Bell').map((c) => c.status)).toEqual(['recommitted', 'recommitted', 'open', 'done']);
  });
});

describe('frontmatter keys that differ only in case', () => {
  it('are a warning naming the key that is read', () => {
    const out = scanFiles({ 'Clients/Jane Doe.md': clientNote(['Paused_Until: 2026-12-20', 'paused_until: 2026-12-10']) }, { asOf: AS_OF });
    expect(out.clients[0].pausedUntil).toBe('2026-12-10');
    expect(out.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/both 'Paused_Until' and 'paused_until'; 'paused_until' is read and written/)]);
  });
});
