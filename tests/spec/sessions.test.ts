import { describe, it, expect } from 'vitest';
import { clientNamed, clientNote, commitmentsNote, errors, note, scan, sessionAt, sessionNote, SESSION_PATH } from './helpers';

describe('session notes: client', () => {
  it.each([
    ['"[[Jane Doe]]"'],
    ['"[[Clients/Jane Doe|Jane]]"'],
    ['Jane Doe'],
    ['"Jane Doe"'],
    ['"[[Jane Doe|JD]]"'],
    ["'[[Clients/Jane Doe]]'"],
  ])('`client: %s` resolves to client "Jane Doe"', (raw) => {
    const out = scan({ [SESSION_PATH]: sessionNote({ client: raw }) });
    expect(sessionAt(out, SESSION_PATH).client).toBe('Jane Doe');
    expect(out.clients.map((c) => c.name)).toEqual(['Jane Doe']);
    expect(errors(out)).toEqual([]);
  });

  it.each([['"[[Jane Doe]]"'], ['"[[Clients/Jane Doe|Jane]]"'], ['Jane Doe']])(
    '`client: %s` finds the client note Clients/Jane Doe.md',
    (raw) => {
      const out = scan({
        'Clients/Jane Doe.md': clientNote({ coach: 'Sam' }),
        [SESSION_PATH]: sessionNote({ client: raw }),
      });
      expect(out.clients).toHaveLength(1);
      expect(clientNamed(out, 'Jane Doe')).toMatchObject({ path: 'Clients/Jane Doe.md', coach: 'Sam' });
    },
  );

  it('the commitments of the session belong to the resolved client', () => {
    const out = scan({ [SESSION_PATH]: commitmentsNote(['- [ ] Send 10 outreach messages'], { client: '"[[Clients/Jane Doe|Jane]]"' }) });
    expect(out.commitments).toHaveLength(1);
    expect(out.commitments[0].client).toBe('Jane Doe');
    expect(out.commitments[0].session).toBe(SESSION_PATH);
  });
});

describe('session notes: date and next', () => {
  it('reads `date` as YYYY-MM-DD', () => {
    const out = scan({ [SESSION_PATH]: sessionNote({ date: '2026-11-20' }) });
    expect(sessionAt(out, SESSION_PATH).date).toBe('2026-11-20');
  });

  it('reads a quoted date', () => {
    const out = scan({ [SESSION_PATH]: sessionNote({ date: '"2026-11-20"' }) });
    expect(sessionAt(out, SESSION_PATH).date).toBe('2026-11-20');
  });

  it.each([['2026-11-20T10:30'], ['2026-11-20T10:30:00'], ['"2026-11-20T10:30:00"'], ['2026-11-20 10:30'], ['2026-11-20T09:00:00Z']])(
    'cuts the datetime `date: %s` to its date',
    (raw) => {
      const out = scan({ [SESSION_PATH]: sessionNote({ date: raw }) });
      expect(sessionAt(out, SESSION_PATH).date).toBe('2026-11-20');
      expect(errors(out)).toEqual([]);
    },
  );

  it('cuts a late-evening datetime with an offset to the date as written, not shifted to another zone', () => {
    // Ambiguity: "a datetime is cut to its date". Reading chosen: the date part as the coach typed
    // it, never converted (23:30 at -05:00 is still the 20th for the coach).
    const out = scan({ [SESSION_PATH]: sessionNote({ date: '2026-11-20T23:30:00-05:00' }) });
    expect(sessionAt(out, SESSION_PATH).date).toBe('2026-11-20');
  });

  it('`next` is null when absent', () => {
    const out = scan({ [SESSION_PATH]: sessionNote() });
    expect(sessionAt(out, SESSION_PATH).next).toBeNull();
  });

  it('reads `next`', () => {
    const out = scan({ [SESSION_PATH]: sessionNote({ next: '2026-12-04' }) });
    expect(sessionAt(out, SESSION_PATH).next).toBe('2026-12-04');
  });

  it('the commitments carry the session date as sessionDate', () => {
    const out = scan({ [SESSION_PATH]: commitmentsNote(['- [ ] Send the invoices'], { date: '2026-11-20T10:30:00' }) });
    expect(out.commitments[0].sessionDate).toBe('2026-11-20');
  });
});

describe('session notes: status', () => {
  it('defaults to held', () => {
    const out = scan({ [SESSION_PATH]: sessionNote() });
    expect(sessionAt(out, SESSION_PATH).status).toBe('held');
  });

  it.each(['held', 'cancelled', 'no-show'] as const)('reads `status: %s`', (status) => {
    const out = scan({ [SESSION_PATH]: sessionNote({ status }) });
    expect(sessionAt(out, SESSION_PATH).status).toBe(status);
  });
});

describe('session notes: coach', () => {
  it("overrides the client's coach for this session only", () => {
    const out = scan({
      'Clients/Jane Doe.md': clientNote({ coach: 'Sam' }),
      'Sessions/2026-11-20 Jane.md': sessionNote({ date: '2026-11-20', coach: 'Priya' }),
      'Sessions/2026-12-04 Jane.md': sessionNote({ date: '2026-12-04' }),
    });
    expect(sessionAt(out, 'Sessions/2026-11-20 Jane.md').coach).toBe('Priya');
    // Without an override the session's coach is the client's (types.ts: "the session's coach, else the client's").
    expect(sessionAt(out, 'Sessions/2026-12-04 Jane.md').coach).toBe('Sam');
    expect(clientNamed(out, 'Jane Doe').coach).toBe('Sam');
  });

  it('is null when neither the session nor the client names one', () => {
    const out = scan({ [SESSION_PATH]: sessionNote() });
    expect(sessionAt(out, SESSION_PATH).coach).toBeNull();
  });

  it('is the session coach when the client has no note', () => {
    const out = scan({ [SESSION_PATH]: sessionNote({ coach: 'Priya' }) });
    expect(sessionAt(out, SESSION_PATH).coach).toBe('Priya');
  });
});

describe('session notes: records', () => {
  it('every session note yields one session record with its path', () => {
    const out = scan({
      'Sessions/2026-11-06 Jane.md': sessionNote({ date: '2026-11-06', next: '2026-11-20' }),
      'Sessions/2026-11-20 Jane.md': sessionNote({ date: '2026-11-20', next: '2026-12-04' }),
      'Sessions/2026-11-21 Omar.md': sessionNote({ client: '"[[Omar Haddad]]"', date: '2026-11-21', status: 'no-show' }),
    });
    expect(out.sessions.map((s) => s.path).sort()).toEqual([
      'Sessions/2026-11-06 Jane.md',
      'Sessions/2026-11-20 Jane.md',
      'Sessions/2026-11-21 Omar.md',
    ]);
    expect(sessionAt(out, 'Sessions/2026-11-06 Jane.md')).toMatchObject({ client: 'Jane Doe', date: '2026-11-06', next: '2026-11-20', status: 'held' });
    expect(sessionAt(out, 'Sessions/2026-11-21 Omar.md')).toMatchObject({ client: 'Omar Haddad', date: '2026-11-21', next: null, status: 'no-show' });
  });

  it('a session note with no commitments heading is still a session, with no commitments', () => {
    const out = scan({ [SESSION_PATH]: sessionNote({}, ['# Session', '', 'We talked about pricing.', '- a bullet in the notes', '- [ ] a checkbox in the notes']) });
    expect(out.sessions).toHaveLength(1);
    expect(out.commitments).toEqual([]);
  });

  it('a note without `type: session` is not a session, even with a client and date', () => {
    const out = scan({ 'Sessions/draft.md': note({ client: '"[[Jane Doe]]"', date: '2026-11-20' }, ['## Commitments', '- [ ] Send the invoices']) });
    expect(out.sessions).toEqual([]);
    expect(out.commitments).toEqual([]);
  });
});
