import { describe, it, expect } from 'vitest';
import { clientNamed, clientNote, errors, note, scan, sessionNote } from './helpers';

describe('client notes: name', () => {
  it("takes the client's name from the file's basename", () => {
    const out = scan({ 'Clients/Jane Doe.md': clientNote() });
    expect(out.clients).toHaveLength(1);
    expect(out.clients[0].name).toBe('Jane Doe');
    expect(out.clients[0].path).toBe('Clients/Jane Doe.md');
  });

  it('uses `name:` over the basename when given', () => {
    const out = scan({ 'Clients/jdoe.md': clientNote({ name: 'Jane Doe' }) });
    expect(out.clients.map((c) => c.name)).toEqual(['Jane Doe']);
    expect(out.clients[0].path).toBe('Clients/jdoe.md');
  });

  it('accepts a quoted `name:`', () => {
    const out = scan({ 'Clients/jdoe.md': clientNote({ name: '"Jane Q. Doe"' }) });
    expect(out.clients.map((c) => c.name)).toEqual(['Jane Q. Doe']);
  });

  it('finds client notes in any folder, by `type: client`', () => {
    const out = scan({ 'People/Coaching/Omar Haddad.md': clientNote({ coach: 'Sam' }) });
    expect(clientNamed(out, 'Omar Haddad')).toMatchObject({ path: 'People/Coaching/Omar Haddad.md', coach: 'Sam' });
  });

  it('a note without `type: client` is not a client note, even in a Clients folder', () => {
    const out = scan({
      'Clients/Jane Doe.md': note(null, ['# Jane Doe', 'Some notes about Jane.']),
      'Clients/Omar.md': note({ tags: 'person' }, ['Omar']),
    });
    expect(out.clients).toEqual([]);
    expect(out.sessions).toEqual([]);
    expect(out.commitments).toEqual([]);
  });
});

describe('client notes: keys and defaults', () => {
  it('has every default when only `type: client` is given', () => {
    const out = scan({ 'Clients/Jane Doe.md': clientNote() });
    const jane = clientNamed(out, 'Jane Doe');
    expect(jane.coach).toBeNull();
    expect(jane.cadence).toBe(14);
    expect(jane.accountability).toBe('check-in');
    expect(jane.status).toBe('active');
    expect(jane.pausedUntil).toBeNull();
    expect(errors(out)).toEqual([]);
  });

  it('reads `coach`', () => {
    const out = scan({ 'Clients/Jane Doe.md': clientNote({ coach: 'Sam' }) });
    expect(clientNamed(out, 'Jane Doe').coach).toBe('Sam');
  });

  it.each([
    ['7', 7],
    ['21', 21],
    ['14', 14],
    ['weekly', 7],
    ['biweekly', 14],
    ['monthly', 28],
  ])('reads `cadence: %s` as %i days', (raw, days) => {
    const out = scan({ 'Clients/Jane Doe.md': clientNote({ cadence: raw }) });
    expect(clientNamed(out, 'Jane Doe').cadence).toBe(days);
  });

  it.each(['self-directed', 'check-in', 'active', 'consequences'] as const)('reads `accountability: %s`', (level) => {
    const out = scan({ 'Clients/Jane Doe.md': clientNote({ accountability: level }) });
    expect(clientNamed(out, 'Jane Doe').accountability).toBe(level);
  });

  it.each(['active', 'paused', 'ended'] as const)('reads `status: %s`', (status) => {
    const out = scan({ 'Clients/Jane Doe.md': clientNote({ status }) });
    expect(clientNamed(out, 'Jane Doe').status).toBe(status);
  });

  it('reads `paused_until` as a YYYY-MM-DD date', () => {
    const out = scan({ 'Clients/Jane Doe.md': clientNote({ status: 'paused', paused_until: '2026-12-15' }) });
    const jane = clientNamed(out, 'Jane Doe');
    expect(jane.status).toBe('paused');
    expect(jane.pausedUntil).toBe('2026-12-15');
  });

  it('reads every key together, alongside milestones and contact', () => {
    // milestones and contact are nested YAML; they must not disturb the other keys.
    const text = [
      '---',
      'type: client',
      'name: Jane Doe',
      'coach: Sam',
      'cadence: weekly',
      'accountability: consequences',
      'status: paused',
      'paused_until: 2027-01-05',
      'milestones:',
      '  - name: First paying client',
      '    due: 2027-02-01',
      '    done: false',
      '  - Launch the website',
      'contact:',
      '  sms: "+15555550123"',
      '  email: jane@example.com',
      '---',
      '# Jane',
    ].join('\n');
    const out = scan({ 'Clients/jane-doe.md': text });
    expect(clientNamed(out, 'Jane Doe')).toMatchObject({
      name: 'Jane Doe',
      coach: 'Sam',
      cadence: 7,
      accountability: 'consequences',
      status: 'paused',
      pausedUntil: '2027-01-05',
      path: 'Clients/jane-doe.md',
    });
    expect(errors(out)).toEqual([]);
  });
});

describe('clients known only from session notes', () => {
  it('a client mentioned by a session note but without a client note exists, with defaults and path null', () => {
    const out = scan({ 'Sessions/2026-11-20 Omar.md': sessionNote({ client: '"[[Omar Haddad]]"' }) });
    expect(out.clients).toHaveLength(1);
    expect(out.clients[0]).toMatchObject({
      name: 'Omar Haddad',
      coach: null,
      cadence: 14,
      accountability: 'check-in',
      status: 'active',
      path: null,
      pausedUntil: null,
    });
  });

  it('lists such a client once however many sessions mention it', () => {
    const out = scan({
      'Sessions/2026-11-06 Omar.md': sessionNote({ client: '"[[Omar Haddad]]"', date: '2026-11-06' }),
      'Sessions/2026-11-20 Omar.md': sessionNote({ client: 'Omar Haddad', date: '2026-11-20' }),
      'Sessions/2026-12-04 Omar.md': sessionNote({ client: '"[[People/Omar Haddad|Omar]]"', date: '2026-12-04' }),
    });
    expect(out.clients.map((c) => c.name)).toEqual(['Omar Haddad']);
    expect(out.sessions).toHaveLength(3);
  });

  it('a client with a client note and sessions is listed once, with its note path', () => {
    const out = scan({
      'Sessions/2026-11-20 Jane.md': sessionNote({ client: '"[[Jane Doe]]"' }),
      'Clients/Jane Doe.md': clientNote({ coach: 'Sam', cadence: '7' }),
    });
    expect(out.clients).toHaveLength(1);
    expect(out.clients[0]).toMatchObject({ name: 'Jane Doe', path: 'Clients/Jane Doe.md', coach: 'Sam', cadence: 7 });
  });

  it('a client note with no sessions is still listed', () => {
    const out = scan({
      'Clients/Jane Doe.md': clientNote(),
      'Clients/Omar Haddad.md': clientNote({ status: 'ended' }),
      'Sessions/2026-11-20 Jane.md': sessionNote(),
    });
    expect(out.clients.map((c) => c.name).sort()).toEqual(['Jane Doe', 'Omar Haddad']);
    expect(clientNamed(out, 'Omar Haddad').status).toBe('ended');
  });
});

describe('resolving a session to a client note whose name differs from its basename', () => {
  // Ambiguity: the contract says the name is `name:` when given, and sessions name a client by
  // link or plain name. Reading chosen: a session naming the client by its `name:` finds that
  // note, and a link to the note's file (basename) also finds it; either way there is one client.
  it('a plain `client: Jane Doe` matches the note with `name: Jane Doe`', () => {
    const out = scan({
      'Clients/jdoe.md': clientNote({ name: 'Jane Doe', coach: 'Sam' }),
      'Sessions/2026-11-20 Jane.md': sessionNote({ client: 'Jane Doe' }),
    });
    expect(out.clients).toHaveLength(1);
    expect(out.clients[0]).toMatchObject({ name: 'Jane Doe', path: 'Clients/jdoe.md', coach: 'Sam' });
    expect(out.sessions[0].client).toBe('Jane Doe');
  });

  it('a link to the file `[[jdoe]]` resolves to the client named by `name:`', () => {
    const out = scan({
      'Clients/jdoe.md': clientNote({ name: 'Jane Doe', coach: 'Sam' }),
      'Sessions/2026-11-20 Jane.md': sessionNote({ client: '"[[Clients/jdoe|Jane]]"' }),
    });
    expect(out.clients).toHaveLength(1);
    expect(out.clients[0]).toMatchObject({ name: 'Jane Doe', path: 'Clients/jdoe.md' });
    expect(out.sessions[0].client).toBe('Jane Doe');
  });
});

describe('clients mentioned by sessions alone', () => {
  it('every person a group session names exists as a client, with defaults, in clients[]', () => {
    const out = scan({ 'Sessions/2026-11-20 Pair.md': ['---', 'type: session', 'client: [Jane Doe, Bob Ray]', 'date: 2026-11-20', '---', '## Commitments', ''].join('\n') });
    expect(out.clients.map((c) => [c.name, c.path, c.cadence])).toEqual([
      ['Bob Ray', null, 14],
      ['Jane Doe', null, 14],
    ]);
    expect(out.sessions.map((s) => s.client)).toEqual(['Jane Doe', 'Bob Ray']);
  });
});

describe('a group session in our own format', () => {
  const note = (items: string[]) => ({
    'Sessions/2026-11-20 Pair.md': ['---', 'type: session', 'client: ["[[Jane Doe]]", "[[Bob Ray]]"]', 'date: 2026-11-20', '---', '## Commitments', ...items, ''].join('\n'),
  });

  it("gives an item to the person its line names first, as the warning asks ('Bob Ray: …', 'Jane: …', '**Bob**: …')", () => {
    const out = scan(note(['- [ ] Bob Ray: send the deck [due:: 2026-11-27]', '- [ ] Jane: draft the plan', '- [ ] **Bob**: book the room']));
    expect(out.commitments.map((c) => [c.client, c.text])).toEqual([
      ['Bob Ray', 'send the deck'],
      ['Jane Doe', 'draft the plan'],
      ['Bob Ray', 'book the room'],
    ]);
    expect(out.diagnostics).toEqual([]);
  });

  it('an item that names no one present is still a warning, and not counted', () => {
    const out = scan(note(['- [ ] Send the deck', '- [ ] Note: book the room']));
    expect(out.commitments).toEqual([]);
    expect(out.diagnostics.map((d) => [d.line, /group session: this item names none of Jane Doe, Bob Ray/.test(d.message)])).toEqual([
      [7, true],
      [8, true],
    ]);
  });
});
