/**
 * Issue 11 items 8, 10 and 12 through the CLI, black-box over generated vaults. These depend on
 * the index and parser (another engineer's work); the CLI only reads the files and shows what
 * the core makes of them, so these check that the whole chain counts each note once.
 */
import { describe, expect, it } from 'vitest';
import { AS_OF, clientNote, makeVault, run, scanJson, sessionNote } from './helpers';

const SESSION = sessionNote('[[Jane Doe]]', '2026-11-20', ['- [ ] Send 10 outreach messages [due:: 2026-11-28] ^c7f3a', '- [ ] Call the bank [due:: 2026-11-29]'], ['next: 2026-12-04']);

describe('item 8: sync conflict copies are not counted', () => {
  const copies = [
    'Sessions/2026-11-20 Jane Doe (conflicted copy).md', // Dropbox
    "Sessions/2026-11-20 Jane Doe (Sam's conflicted copy 2026-11-21).md", // Dropbox, named
    'Sessions/2026-11-20 Jane Doe.sync-conflict-20261121-101010-ABCDEFG.md', // Syncthing
    'Sessions/2026-11-20 Jane Doe (Conflicted copy MacBook 202611211010).md', // Obsidian Sync
    'Sessions/2026-11-20 Jane Doe_conflict-20261121-101010.md', // ownCloud
    'Sessions/2026-11-20 Jane Doe (Google Drive conflict).md', // a bracket naming a conflict
  ];

  it('each copy of a session and of a client note is one warning naming the original, and nothing is counted twice', () => {
    const files: Record<string, string> = {
      'Clients/Jane Doe.md': clientNote('Jane Doe'),
      'Clients/Jane Doe (conflicted copy).md': clientNote('Jane Doe'),
      'Sessions/2026-11-20 Jane Doe.md': SESSION,
    };
    for (const c of copies) files[c] = SESSION.replace('Send 10', 'Send 12');
    const json = scanJson(makeVault(files));
    expect(json.sessions.map((s) => s.path)).toEqual(['Sessions/2026-11-20 Jane Doe.md']);
    expect(json.commitments).toHaveLength(2);
    expect(json.clients.map((c) => c.name)).toEqual(['Jane Doe']);
    for (const c of copies) {
      const d = json.diagnostics.filter((x) => x.path === c);
      expect({ c, d: d.map((x) => [x.severity, x.message]) }).toEqual({
        c,
        d: [['warning', expect.stringMatching(/sync conflict copy of Sessions\/2026-11-20 Jane Doe\.md: resolve it/)]],
      });
    }
    expect(json.diagnostics.filter((x) => x.path === 'Clients/Jane Doe (conflicted copy).md')).toHaveLength(1);
  });
});

describe('item 10: one client however the notes name her', () => {
  it('[[JD]] through aliases, a first name, and doubled or surrounding spaces are all Jane Doe', () => {
    const root = makeVault({
      'Clients/Jane Doe.md': clientNote('Jane Doe', ['aliases: [JD]']),
      'Sessions/a.md': sessionNote('[[JD]]', '2026-11-06', ['- [ ] One [due:: 2026-11-10]']),
      'Sessions/b.md': sessionNote('Jane', '2026-11-13', ['- [ ] Two [due:: 2026-11-17]']),
      'Sessions/c.md': sessionNote(' Jane  Doe ', '2026-11-20', ['- [ ] Three [due:: 2026-11-24]']),
    });
    const json = scanJson(root);
    expect(json.clients.map((c) => c.name)).toEqual(['Jane Doe']);
    expect(json.sessions.map((s) => s.client)).toEqual(['Jane Doe', 'Jane Doe', 'Jane Doe']);
    expect(json.commitments.map((c) => c.client)).toEqual(['Jane Doe', 'Jane Doe', 'Jane Doe']);
    const roster = JSON.parse(run('roster', root, '--json', '--as-of', AS_OF).out).roster;
    expect(roster).toHaveLength(1);
  });

  it('an ambiguous first name is a diagnostic naming the candidates, not a new client', () => {
    const json = scanJson(
      makeVault({
        'Clients/Sam Rivera.md': clientNote('Sam Rivera'),
        'Clients/Sam Okafor.md': clientNote('Sam Okafor'),
        'Sessions/s.md': sessionNote('Sam', '2026-11-20', ['- [ ] Draft the plan [due:: 2026-11-27]']),
      }),
    );
    expect(json.clients.map((c) => c.name).sort()).toEqual(['Sam Okafor', 'Sam Rivera']);
    const d = json.diagnostics.filter((x) => x.path === 'Sessions/s.md');
    expect(d).toHaveLength(1);
    expect(d[0].message).toMatch(/Sam Okafor/);
    expect(d[0].message).toMatch(/Sam Rivera/);
  });
});

describe('item 12: a checkbox with no space after it', () => {
  it('`- [x]Sent the invoice` is done with the text "Sent the invoice"', () => {
    const json = scanJson(
      makeVault({
        'Clients/Jane Doe.md': clientNote('Jane Doe'),
        'Sessions/a.md': sessionNote('[[Jane Doe]]', '2026-11-20', ['- [x]Sent the invoice [due:: 2026-11-25]', '- [ ]Book the room [due:: 2026-11-26]']),
      }),
    );
    expect(json.commitments.map((c) => [c.text, c.status, c.overdue])).toEqual([
      ['Sent the invoice', 'done', false],
      ['Book the room', 'open', true],
    ]);
  });
});
