import { describe, it, expect } from 'vitest';
import { clientNote, crlf, lineOf, scan } from './helpers';

/** One session note using every construct of the contract at once. */
const PATH = 'Coaching/Sessions/2026-11-20 Jane.md';
const NOTE = [
  '---',
  'type: session',
  'client: "[[Clients/Jane Doe|Jane]]"',
  'date: 2026-11-20T09:30:00',
  'next: 2026-12-04',
  'coach: Priya',
  'summary: |',
  '  - [ ] Not a commitment, it is frontmatter #commitment',
  '  ## Commitments',
  '---',
  '# Session with Jane',
  '',
  'Jane arrived late; we started with her wins.',
  '',
  '- [ ] Schedule the follow-up room #commitment ^room1',
  '- [ ] Renew the gym pass',
  '',
  '<!-- - [ ] Commented out #commitment -->',
  '',
  '## Commitments',
  '',
  '- [ ] Send 10 outreach messages [due:: 2026-12-02] [confidence:: 8] ^c7f3a',
  "\t- When I sit down with my coffee on Monday, I'll send the first message",
  "\t- If Monday gets swallowed by meetings, then I'll do it first thing Tuesday",
  '\t- 2026-11-28 stuck: meetings ate Monday',
  '\t- learned: mornings are protected only if I block them',
  '\t- Ask Priya for the template',
  '- [x] Draft the pricing page ✅ 2026-11-25 📅 2026-11-26',
  '- [-] Send the follow-up survey [kind:: outcome] ❌ 2026-11-30',
  '- Practice the pitch out loud',
  '- [/] Journal every evening [owner:: Alex] [from:: a1b2c] ^j2',
  '  - confidence 6/10',
  '  - coping: travel week -> write three lines on the phone',
  '  - [ ] buy a notebook',
  '- [>] Coach: send Jane the negotiation checklist ^k9',
  '',
  '### If the week goes sideways',
  '',
  '- [?] Call the recruiter [trigger:: I finish lunch on Tuesday] [coping:: no answer -> leave a voicemail]',
  '  - 2026-11-27 partial: left one voicemail',
  '  - 2026-11-29 done: we spoke',
  '- [ ] Get promoted to team lead 📅 2027-03-31',
  '',
  '```',
  '- [ ] Not a commitment #commitment',
  '## Notes',
  '- [ ] Still not',
  '```',
  '<!--',
  '- [ ] Hidden in a multi-line comment',
  '-->',
  '- [ ] Close the deal with Acme [owner:: coach]',
  '',
  '## Notes',
  '',
  '- [ ] Renew the passport',
  '- [X] Send the signed contract #commitment',
  '',
].join('\n');

const CLIENT = clientNote({ coach: 'Sam', cadence: 'weekly', accountability: 'active' }, ['# Jane Doe']);

const L = (needle: string) => lineOf(NOTE, needle);
const base = { client: 'Jane Doe', session: PATH, sessionDate: '2026-11-20' };
const none = { trigger: null, coping: null, confidence: null, from: null, doneDate: null, letGoDate: null };

const EXPECTED = [
  {
    ...base, ...none,
    id: 'room1', line: L('Schedule the follow-up room'), text: 'Schedule the follow-up room', owner: 'client', kind: 'process',
    status: 'open', due: '2026-12-02', dueIsDefault: true, checkIns: [], overdue: true, learned: [], notes: [],
  },
  {
    ...base, ...none,
    id: 'c7f3a', line: L('Send 10 outreach messages'), text: 'Send 10 outreach messages', owner: 'client', kind: 'process',
    status: 'stuck', due: '2026-12-02', dueIsDefault: false,
    trigger: 'I sit down with my coffee on Monday',
    coping: { obstacle: 'Monday gets swallowed by meetings', response: "I'll do it first thing Tuesday" },
    confidence: 8,
    checkIns: [{ date: '2026-11-28', status: 'stuck', note: 'meetings ate Monday' }],
    overdue: true, learned: ['mornings are protected only if I block them'], notes: ['Ask Priya for the template'],
  },
  {
    ...base, ...none,
    id: null, line: L('Draft the pricing page'), text: 'Draft the pricing page', owner: 'client', kind: 'process',
    status: 'done', due: '2026-11-26', dueIsDefault: false, doneDate: '2026-11-25', checkIns: [], overdue: false,
  },
  {
    ...base, ...none,
    id: null, line: L('Send the follow-up survey'), text: 'Send the follow-up survey', owner: 'client', kind: 'outcome',
    status: 'let-go', due: '2026-12-02', dueIsDefault: true, letGoDate: '2026-11-30', checkIns: [], overdue: false,
  },
  {
    ...base, ...none,
    id: null, line: L('Practice the pitch out loud'), text: 'Practice the pitch out loud', owner: 'client', kind: 'process',
    status: 'open', due: '2026-12-02', dueIsDefault: true, checkIns: [], overdue: true,
  },
  {
    ...base, ...none,
    id: 'j2', line: L('Journal every evening'), text: 'Journal every evening', owner: 'Alex', kind: 'process',
    status: 'partial', due: '2026-12-02', dueIsDefault: true, confidence: 6, from: 'a1b2c',
    coping: { obstacle: 'travel week', response: 'write three lines on the phone' }, checkIns: [], overdue: true,
  },
  {
    ...base, ...none,
    id: 'k9', line: L('negotiation checklist'), text: 'send Jane the negotiation checklist', owner: 'coach', kind: 'process',
    status: 'recommitted', due: '2026-12-02', dueIsDefault: true, checkIns: [], overdue: false,
  },
  {
    ...base, ...none,
    id: null, line: L('Call the recruiter'), text: 'Call the recruiter', owner: 'client', kind: 'process',
    // The box is `?`, not open, so the check-ins do not change the status.
    status: 'stuck', due: '2026-12-02', dueIsDefault: true, trigger: 'I finish lunch on Tuesday',
    coping: { obstacle: 'no answer', response: 'leave a voicemail' },
    checkIns: [
      { date: '2026-11-27', status: 'partial', note: 'left one voicemail' },
      { date: '2026-11-29', status: 'done', note: 'we spoke' },
    ],
    overdue: true,
  },
  {
    ...base, ...none,
    id: null, line: L('Get promoted to team lead'), text: 'Get promoted to team lead', owner: 'client', kind: 'outcome',
    status: 'open', due: '2027-03-31', dueIsDefault: false, checkIns: [], overdue: false,
  },
  {
    ...base, ...none,
    id: null, line: L('Close the deal with Acme'), text: 'Close the deal with Acme', owner: 'coach', kind: 'outcome',
    status: 'open', due: '2026-12-02', dueIsDefault: true, checkIns: [], overdue: true,
  },
  {
    ...base, ...none,
    id: null, line: L('Send the signed contract'), text: 'Send the signed contract', owner: 'client', kind: 'process',
    status: 'done', due: '2026-12-02', dueIsDefault: true, checkIns: [], overdue: false,
  },
];

describe('a note using every construct at once', () => {
  const vault = { 'Coaching/Clients/Jane Doe.md': CLIENT, [PATH]: NOTE };

  it('finds exactly the commitments, in line order', () => {
    const out = scan(vault, '2026-12-03');
    expect(out.commitments.map((c) => c.text)).toEqual(EXPECTED.map((e) => e.text));
    expect(out.commitments.map((c) => c.line)).toEqual(EXPECTED.map((e) => e.line));
  });

  it.each(EXPECTED.map((e) => [e.text, e] as const))('gets every field of "%s" right', (text, expected) => {
    const out = scan(vault, '2026-12-03');
    const c = out.commitments.find((x) => x.text === text);
    expect(c).toBeDefined();
    expect(c).toMatchObject(expected);
  });

  it('gets the session and the client right', () => {
    const out = scan(vault, '2026-12-03');
    expect(out.sessions).toHaveLength(1);
    expect(out.sessions[0]).toMatchObject({ path: PATH, client: 'Jane Doe', date: '2026-11-20', next: '2026-12-04', status: 'held', coach: 'Priya' });
    expect(out.clients).toHaveLength(1);
    expect(out.clients[0]).toMatchObject({
      name: 'Jane Doe', coach: 'Sam', cadence: 7, accountability: 'active', status: 'active', path: 'Coaching/Clients/Jane Doe.md', pausedUntil: null,
    });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('scans the same with CRLF line endings', () => {
    const a = scan(vault, '2026-12-03');
    const b = scan({ 'Coaching/Clients/Jane Doe.md': crlf(CLIENT), [PATH]: crlf(NOTE) }, '2026-12-03');
    expect(b.commitments).toEqual(a.commitments);
    expect(b.sessions).toEqual(a.sessions);
    expect(b.clients).toEqual(a.clients);
  });

  it('as of an earlier date, nothing is overdue yet', () => {
    const out = scan(vault, '2026-12-02');
    expect(out.commitments.filter((c) => c.overdue)).toEqual([]);
  });
});
