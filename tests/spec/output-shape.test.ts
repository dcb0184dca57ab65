import { describe, it, expect } from 'vitest';
import { clientNote, commitmentsNote, lineOf, only, scan, scanOne, sessionNote, SESSION_PATH } from './helpers';

/**
 * The contract's own example, reproduced as a vault: the session note puts the commitment on
 * line 14, with the detail lines the contract's "Detail lines" table uses.
 */
const EXAMPLE_SESSION = [
  '---', // 1
  'type: session', // 2
  'client: "[[Jane Doe]]"', // 3
  'date: 2026-11-20', // 4
  'next: 2026-12-04', // 5
  '---', // 6
  '# Session with Jane, 20 November', // 7
  '', // 8
  '## Notes', // 9
  '', // 10
  'Monday mornings keep disappearing into meetings.', // 11
  '', // 12
  '## Commitments', // 13
  '- [ ] Send 10 outreach messages [due:: 2026-12-02] ^c7f3a', // 14
  "    - When I sit down with my coffee on Monday, I'll send the first message", // 15
  "    - If Monday gets swallowed by meetings, then I'll do it first thing Tuesday", // 16
  '    - confidence: 7', // 17
  '    - 2026-11-28 stuck: meetings ate Monday', // 18
  '',
].join('\n');

const EXAMPLE_CLIENT = clientNote({ coach: 'Sam' }, ['# Jane Doe']);

/** `Sessions/bad.md`: a session note with no date. */
const EXAMPLE_BAD = ['---', 'type: session', 'client: "[[Jane Doe]]"', '---', '## Commitments', '- [ ] Send the invoices'].join('\n');

const EXAMPLE_VAULT = {
  'Clients/Jane Doe.md': EXAMPLE_CLIENT,
  'Sessions/2026-11-20 Jane.md': EXAMPLE_SESSION,
  'Sessions/bad.md': EXAMPLE_BAD,
};

const EXAMPLE_COMMITMENT = {
  id: 'c7f3a',
  client: 'Jane Doe',
  session: 'Sessions/2026-11-20 Jane.md',
  sessionDate: '2026-11-20',
  line: 14,
  text: 'Send 10 outreach messages',
  owner: 'client',
  kind: 'process',
  // The example's JSON says "open", but its commitment has an open box and a `stuck` check-in,
  // and "Derived values" says an open box with check-ins takes the latest check-in's status.
  // Ambiguity (the example contradicts the rule): the rule wins here; overdue is true either way.
  status: 'stuck',
  due: '2026-12-02',
  dueIsDefault: false,
  trigger: 'I sit down with my coffee on Monday',
  coping: { obstacle: 'Monday gets swallowed by meetings', response: "I'll do it first thing Tuesday" },
  confidence: 7,
  from: null,
  checkIns: [{ date: '2026-11-28', status: 'stuck', note: 'meetings ate Monday' }],
  overdue: true,
};

describe("the contract's example", () => {
  it('the fixture really puts the commitment on line 14', () => {
    expect(lineOf(EXAMPLE_SESSION, 'Send 10 outreach messages')).toBe(14);
  });

  it("reproduces the example's commitment", () => {
    const out = scan(EXAMPLE_VAULT, '2026-12-03');
    expect(out.commitments).toHaveLength(1);
    expect(out.commitments[0]).toMatchObject(EXAMPLE_COMMITMENT);
  });

  it("reproduces the example's whole output", () => {
    const out = scan(EXAMPLE_VAULT, '2026-12-03');
    expect(out).toMatchObject({
      asOf: '2026-12-03',
      clients: [{ name: 'Jane Doe', coach: 'Sam', cadence: 14, accountability: 'check-in', status: 'active', path: 'Clients/Jane Doe.md' }],
      sessions: [{ path: 'Sessions/2026-11-20 Jane.md', client: 'Jane Doe', date: '2026-11-20', next: '2026-12-04', status: 'held' }],
      commitments: [EXAMPLE_COMMITMENT],
      diagnostics: [{ path: 'Sessions/bad.md', line: 1, severity: 'error', message: expect.stringMatching(/date/i) }],
    });
  });

  it('the same note with the Tasks emoji due date gives the same commitment', () => {
    const emoji = EXAMPLE_SESSION.replace('[due:: 2026-12-02]', '📅 2026-12-02');
    expect(emoji).toContain('📅 2026-12-02 ^c7f3a');
    const out = scan({ 'Clients/Jane Doe.md': EXAMPLE_CLIENT, 'Sessions/2026-11-20 Jane.md': emoji }, '2026-12-03');
    expect(only(out)).toMatchObject(EXAMPLE_COMMITMENT);
  });

  it('the same note with inline fields instead of detail lines gives the same commitment', () => {
    // Inline coping uses `A -> B`; the trigger is given without the leading "when".
    const inline = EXAMPLE_SESSION.replace(
      '[due:: 2026-12-02] ^c7f3a',
      "[due:: 2026-12-02] [trigger:: I sit down with my coffee on Monday] [coping:: Monday gets swallowed by meetings -> I'll do it first thing Tuesday] [confidence:: 7] ^c7f3a",
    )
      .replace(/\n {4}- When I sit.*\n/, '\n')
      .replace(/\n {4}- If Monday.*\n/, '\n')
      .replace('\n    - confidence: 7', '');
    expect(lineOf(inline, 'Send 10 outreach messages')).toBe(14);
    expect(inline).not.toContain('When I sit');
    const out = scan({ 'Clients/Jane Doe.md': EXAMPLE_CLIENT, 'Sessions/2026-11-20 Jane.md': inline }, '2026-12-03');
    expect(only(out)).toMatchObject(EXAMPLE_COMMITMENT);
  });
});

describe('key sets (every key present; fields may be added)', () => {
  const out = scan(EXAMPLE_VAULT, '2026-12-03');

  it('the top-level object', () => {
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['asOf', 'clients', 'sessions', 'commitments', 'diagnostics']));
    expect(out.asOf).toBe('2026-12-03');
  });

  it('a client', () => {
    expect(Object.keys(out.clients[0])).toEqual(expect.arrayContaining(['name', 'coach', 'cadence', 'accountability', 'status', 'path']));
    // Added by src/core/scan-output.ts.
    expect(Object.keys(out.clients[0])).toEqual(expect.arrayContaining(['pausedUntil']));
  });

  it('a session', () => {
    expect(Object.keys(out.sessions[0])).toEqual(expect.arrayContaining(['path', 'client', 'date', 'next', 'status']));
    expect(Object.keys(out.sessions[0])).toEqual(expect.arrayContaining(['coach']));
  });

  it('a commitment', () => {
    expect(Object.keys(out.commitments[0])).toEqual(
      expect.arrayContaining([
        'id', 'client', 'session', 'sessionDate', 'line', 'text', 'owner', 'kind', 'status',
        'due', 'dueIsDefault', 'trigger', 'coping', 'confidence', 'from', 'checkIns', 'overdue',
      ]),
    );
    expect(Object.keys(out.commitments[0])).toEqual(expect.arrayContaining(['doneDate', 'letGoDate', 'learned', 'notes']));
  });

  it('a coping plan', () => {
    expect(Object.keys(out.commitments[0].coping!)).toEqual(expect.arrayContaining(['obstacle', 'response']));
  });

  it('a check-in', () => {
    expect(Object.keys(out.commitments[0].checkIns[0])).toEqual(expect.arrayContaining(['date', 'status', 'note']));
  });

  it('a diagnostic', () => {
    expect(Object.keys(out.diagnostics[0])).toEqual(expect.arrayContaining(['path', 'line', 'severity', 'message']));
  });
});

describe('absent values are null, never omitted', () => {
  it('on a bare commitment', () => {
    const c = only(scanOne(commitmentsNote(['- [ ] Send 10 outreach messages'])));
    for (const key of ['id', 'trigger', 'coping', 'confidence', 'from', 'doneDate', 'letGoDate'] as const) {
      expect(c, key).toHaveProperty(key, null);
    }
    expect(c.checkIns).toEqual([]);
    expect(c.learned).toEqual([]);
    expect(c.notes).toEqual([]);
  });

  it('on a session and a client without a note', () => {
    const out = scanOne(sessionNote());
    expect(out.sessions[0]).toHaveProperty('next', null);
    expect(out.sessions[0]).toHaveProperty('coach', null);
    expect(out.clients[0]).toHaveProperty('path', null);
    expect(out.clients[0]).toHaveProperty('coach', null);
    expect(out.clients[0]).toHaveProperty('pausedUntil', null);
  });

  it('on a coping plan without an obstacle', () => {
    const c = only(scanOne(commitmentsNote(['- [ ] Send 10 outreach messages [coping:: do them on the train]'])));
    expect(c.coping).toHaveProperty('obstacle', null);
  });

  it('on a check-in without a note', () => {
    const c = only(scanOne(commitmentsNote(['- [ ] Send 10 outreach messages', '    - 2026-11-29 done'])));
    expect(c.checkIns[0]).toHaveProperty('note', null);
  });

  it('the output survives a JSON round trip unchanged (no undefined, no Date objects)', () => {
    const out = scan({
      ...EXAMPLE_VAULT,
      'Clients/Omar Haddad.md': clientNote({ status: 'paused', paused_until: '2027-01-05', cadence: 'weekly' }),
      'Sessions/2026-11-21 Omar.md': commitmentsNote(
        ['- [x] Draft the proposal ✅ 2026-11-25', '- [-] Land three clients ❌ 2026-11-30', '- Practice the pitch'],
        { client: 'Omar Haddad', date: '2026-11-21T10:00:00' },
      ),
    });
    expect(out).toStrictEqual(JSON.parse(JSON.stringify(out)));
  });
});

describe('dates, lines and paths', () => {
  it('every date is YYYY-MM-DD', () => {
    const out = scan({
      'Clients/Omar Haddad.md': clientNote({ status: 'paused', paused_until: '2027-01-05' }),
      'Sessions/2026-11-21 Omar.md': commitmentsNote(
        [
          '- [x] Draft the proposal ✅ 2026-11-25 📅 2026-11-26',
          '- [-] Land three clients [cancelled:: 2026-11-30]',
          '- [ ] Practice the pitch',
          '    - 2026-11-28 partial: twice',
        ],
        { client: 'Omar Haddad', date: '2026-11-21T10:00:00', next: '2026-12-05T10:00:00' },
      ),
    });
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    expect(out.asOf).toMatch(iso);
    expect(out.clients[0].pausedUntil).toMatch(iso);
    expect(out.sessions[0].date).toBe('2026-11-21');
    // `next` is a date too; a datetime is read as its date (by analogy with `date`).
    expect(out.sessions[0].next).toBe('2026-12-05');
    for (const c of out.commitments) {
      expect(c.sessionDate).toBe('2026-11-21');
      expect(c.due).toMatch(iso);
    }
    expect(out.commitments[0].doneDate).toBe('2026-11-25');
    expect(out.commitments[1].letGoDate).toBe('2026-11-30');
    expect(out.commitments[2].checkIns[0].date).toBe('2026-11-28');
  });

  it('`line` is 1-based and points at the commitment line', () => {
    const text = ['---', 'type: session', 'client: Jane Doe', 'date: 2026-11-20', '---', '## Commitments', '- [ ] Send 10 outreach messages', '  - confidence: 7', '- [ ] Practice the pitch'].join('\n');
    const out = scanOne(text);
    expect(out.commitments.map((c) => c.line)).toEqual([7, 9]);
  });

  it('`line` of a tagged commitment right after the frontmatter', () => {
    const text = ['---', 'type: session', 'client: Jane Doe', 'date: 2026-11-20', '---', '- [ ] Call the accountant #commitment'].join('\n');
    expect(only(scanOne(text)).line).toBe(6);
  });

  it('paths are vault-relative with `/`, exactly as given', () => {
    const out = scan({
      'Coaching/Clients/Jane Doe.md': clientNote(),
      'Coaching/2026/Sessions/2026-11-20 Jane.md': commitmentsNote(['- [ ] Send 10 outreach messages']),
      'Coaching/2026/Sessions/no date.md': sessionNote({ date: null }),
    });
    expect(out.clients[0].path).toBe('Coaching/Clients/Jane Doe.md');
    expect(out.sessions[0].path).toBe('Coaching/2026/Sessions/2026-11-20 Jane.md');
    expect(out.commitments[0].session).toBe('Coaching/2026/Sessions/2026-11-20 Jane.md');
    expect(out.diagnostics.map((d) => d.path)).toContain('Coaching/2026/Sessions/no date.md');
    const all = [...out.clients.map((c) => c.path!), ...out.sessions.map((s) => s.path), ...out.commitments.map((c) => c.session), ...out.diagnostics.map((d) => d.path)];
    for (const p of all) {
      expect(p).not.toContain('\\');
      expect(p.startsWith('/')).toBe(false);
      expect(p.startsWith('./')).toBe(false);
    }
  });
});

describe('commitment order', () => {
  it('commitments come in path order, then line order, whatever order the files are given in', () => {
    const out = scan({
      'Sessions/2026-11-20 Omar.md': commitmentsNote(['- [ ] Omar one', '- [ ] Omar two'], { client: 'Omar Haddad' }),
      'Sessions/2026-11-20 Jane.md': sessionNote({}, [
        '- [ ] Jane tagged first #commitment',
        '## Commitments',
        '- [ ] Jane one',
        '- [ ] Jane two',
        '## Notes',
        '- [ ] Jane tagged last #commitment',
      ]),
      'Sessions/2026-11-06 Jane.md': commitmentsNote(['- [ ] Early one'], { date: '2026-11-06' }),
      'Archive/2025/2025-12-01 Jane.md': commitmentsNote(['- [ ] Archived one', '- [ ] Archived two'], { date: '2025-12-01' }),
    });
    expect(out.commitments.map((c) => c.text)).toEqual([
      'Archived one',
      'Archived two',
      'Early one',
      'Jane tagged first',
      'Jane one',
      'Jane two',
      'Jane tagged last',
      'Omar one',
      'Omar two',
    ]);
    const jane = out.commitments.filter((c) => c.session === 'Sessions/2026-11-20 Jane.md').map((c) => c.line);
    expect(jane).toEqual([...jane].sort((a, b) => a - b));
  });

  it('each commitment names its session, session date and client', () => {
    const out = scan({
      [SESSION_PATH]: commitmentsNote(['- [ ] Send 10 outreach messages']),
      'Sessions/2026-11-21 Omar.md': commitmentsNote(['- [ ] Practice the pitch'], { client: '"[[Omar Haddad]]"', date: '2026-11-21' }),
    });
    expect(out.commitments.map((c) => [c.client, c.session, c.sessionDate])).toEqual([
      ['Jane Doe', SESSION_PATH, '2026-11-20'],
      ['Omar Haddad', 'Sessions/2026-11-21 Omar.md', '2026-11-21'],
    ]);
  });
});
