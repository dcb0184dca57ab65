import { describe, expect, it } from 'vitest';
import { modify, recommit } from '../../src/core/edit/carry';
import { planCarryTarget, renderSessionNote, sessionNotePath, formatDate, type CarrySession } from '../../src/core/edit/session-note';
import { parseNote } from '../../src/core/parse/note';
import { crlf, commitment, commitments, expectOnlyChanged, PATH, seeded, session, target } from './helpers';

const TODAY = '2026-12-04';
const source = session([
  '## Commitments',
  '- [?] Send 10 outreach messages [due:: 2026-12-02] [kind:: process]',
  '    - When I sit down with my coffee on Monday, I’ll send the first message',
  '    - coping: Monday gets swallowed -> first thing Tuesday',
  '    - 2026-11-28 stuck: meetings ate Monday',
  '- [ ] Coach: send the worksheet 📅 2026-11-25 ^wk1',
  '- [x] Done already ^dn1',
]);
const NEXT = 'Sessions/2026-12-04 Jane Doe.md';
const next = [
  '---',
  'type: session',
  'client: "[[Jane Doe]]"',
  'date: 2026-12-04',
  'next: 2026-12-18',
  '---',
  '## Summary',
  'Good week.',
  '',
  '## Action items',
  '- [ ] Draft the Q1 plan ^q1p',
  '    - confidence: 6',
  '',
  'Some paragraph after the list.',
  '',
  '## Next time',
  '- pricing',
  '',
].join('\n');

describe('recommit', () => {
  it('marks the old line [>] with a new block id, and adds the carried line to the next session’s commitments', () => {
    const r = recommit(source, target(source, 'Send 10 outreach messages'), { path: NEXT, text: next, isNew: false, defaultDue: '2026-12-16' }, { today: TODAY, random: seeded(9) });
    if (!r.ok) throw new Error(r.reason);
    // The destination is written first, the source marked [>] after it (see the applier).
    expect(r.changes.map((c) => [c.path, c.before !== null])).toEqual([
      [NEXT, true],
      [PATH, true],
    ]);
    const [dest, src] = r.changes;
    const old = commitment(src.after, 'Send 10 outreach messages');
    expect(old.status).toBe('recommitted');
    expect(old.id).toMatch(/^[a-z][a-z0-9]{5}$/);
    expect(old.raw).toBe(`- [>] Send 10 outreach messages [due:: 2026-12-02] [kind:: process] ^${old.id}`);
    expectOnlyChanged(source, src.after, src.changedLines, [8]);

    const lines = dest.after.split('\n');
    expect(lines[12]).toMatch(
      new RegExp(
        `^- \\[ \\] Send 10 outreach messages \\[trigger:: I sit down with my coffee on Monday\\] \\[coping:: Monday gets swallowed -> first thing Tuesday\\] \\[kind:: process\\] \\[from:: ${old.id}\\] \\[due:: 2026-12-16\\] \\^[a-z][a-z0-9]{5}$`,
      ),
    );
    expect(dest.changedLines).toEqual([13]);
    expectOnlyChanged(next, dest.after, dest.changedLines, []);
    const n = commitment(dest.after, 'Send 10 outreach messages', NEXT);
    expect([n.status, n.due, n.from, n.kind, n.trigger, n.coping?.response]).toEqual(['open', '2026-12-16', old.id, 'process', 'I sit down with my coffee on Monday', 'first thing Tuesday']);
    expect(n.id).not.toBe(old.id);
  });

  it('keeps an existing id, the owner and the emoji convention, and takes the caller’s due date', () => {
    const r = recommit(source, target(source, 'send the worksheet'), { path: NEXT, text: crlf(next), isNew: false, defaultDue: '2026-12-16' }, { today: TODAY, due: '2026-12-10', random: seeded(9) });
    if (!r.ok) throw new Error(r.reason);
    expect(commitment(r.changes[1].after, 'send the worksheet').raw).toBe('- [>] Coach: send the worksheet 📅 2026-11-25 ^wk1');
    const dest = r.changes[0].after;
    // Inline fields before the Tasks emoji, which Tasks reads only at the end of the line.
    expect(dest).toMatch(/- \[ \] Coach: send the worksheet \[from:: wk1\] 📅 2026-12-10 \^[a-z0-9]{6}\r\n\r\nSome paragraph/);
    expect(dest.replace(/\r\n/g, '')).not.toContain('\n');
    expect(commitment(dest, 'send the worksheet', NEXT).owner).toBe('coach');
  });

  it('creates the next session note when there is none', () => {
    const text = renderSessionNote({ client: 'Jane Doe', date: '2026-12-04' });
    const r = recommit(source, target(source, 'Send 10 outreach messages'), { path: NEXT, text, isNew: true, defaultDue: '2026-12-16' }, { today: '2026-11-30', random: seeded(2) });
    if (!r.ok) throw new Error(r.reason);
    expect(r.changes[0]).toMatchObject({ path: NEXT, before: null });
    const parsed = parseNote(NEXT, r.changes[0].after);
    expect(parsed.session).toMatchObject({ clientRef: 'Jane Doe', date: '2026-12-04' });
    expect(parsed.commitments.map((c) => c.text)).toEqual(['Send 10 outreach messages']);
  });

  it('adds a commitments heading to a next session note without one', () => {
    const bare = '---\ntype: session\nclient: Jane Doe\ndate: 2026-12-04\n---\nNotes only.';
    const r = recommit(source, target(source, 'Send 10 outreach messages'), { path: NEXT, text: bare, isNew: false, defaultDue: '2026-12-16' }, { today: TODAY, random: seeded(2) });
    if (!r.ok) throw new Error(r.reason);
    expect(r.changes[0].after).toMatch(/^---\ntype: session\nclient: Jane Doe\ndate: 2026-12-04\n---\nNotes only\.\n\n## Commitments\n- \[ \] Send 10 outreach messages .*\^[a-z0-9]{6}$/);
    expectOnlyChanged(bare, r.changes[0].after, r.changes[0].changedLines, []);
  });

  it('can carry into the same note', () => {
    const r = recommit(source, target(source, 'send the worksheet'), { path: PATH, text: source, isNew: false, defaultDue: '2026-12-16' }, { today: TODAY, random: seeded(2) });
    if (!r.ok) throw new Error(r.reason);
    expect(r.changes).toHaveLength(1);
    const cs = commitments(r.changes[0].after);
    expect(cs.map((c) => [c.text, c.status])).toEqual([
      ['Send 10 outreach messages', 'stuck'],
      ['send the worksheet', 'recommitted'],
      ['Done already', 'done'],
      ['send the worksheet', 'open'],
    ]);
    expect(cs[3].from).toBe('wk1');
  });

  it('refuses a done commitment, and a line without an id that moved and changed', () => {
    expect(recommit(source, target(source, 'Done already'), { path: NEXT, text: next, isNew: false, defaultDue: '2026-12-16' }, { today: TODAY, random: seeded() }).ok).toBe(false);
    const t = target(source, 'Send 10 outreach messages');
    const moved = source.replace('## Commitments\n', '## Commitments\n- [ ] New\n').replace(t.expectedText, t.expectedText + ' (edited)');
    const r = recommit(moved, t, { path: NEXT, text: next, isNew: false, defaultDue: '2026-12-16' }, { today: TODAY, random: seeded() });
    expect(!r.ok && r.reason).toMatch(/has changed since it was read/);
  });
});

describe('modify', () => {
  it('carries edited text, trigger, coping and due; the old line is kept and marked [>]', () => {
    const r = modify(
      source,
      target(source, 'Send 10 outreach messages'),
      { path: NEXT, text: next, isNew: false, defaultDue: '2026-12-16' },
      { today: TODAY, random: seeded(4), text: 'Send 5 outreach messages', trigger: 'I close my laptop on Tuesday', coping: null, due: '2026-12-09', confidence: 8 },
    );
    if (!r.ok) throw new Error(r.reason);
    const old = commitment(r.changes[1].after, 'Send 10 outreach messages');
    expect(old.status).toBe('recommitted');
    const n = commitment(r.changes[0].after, 'Send 5 outreach messages', NEXT);
    expect([n.due, n.trigger, n.coping, n.confidence, n.from]).toEqual(['2026-12-09', 'I close my laptop on Tuesday', null, 8, old.id]);
  });

  it('refuses a modification that changes nothing', () => {
    const r = modify(source, target(source, 'Send 10 outreach messages'), { path: NEXT, text: next, isNew: false, defaultDue: '2026-12-16' }, { today: TODAY, random: seeded(), text: 'Send 10 outreach messages' });
    expect(!r.ok && r.reason).toMatch(/changes nothing/);
  });
});

describe('session notes for carried commitments', () => {
  const from: CarrySession = { path: 'Sessions/2026-11-20 Jane Doe.md', date: '2026-11-20', next: '2026-12-04', status: 'held' };

  it('carries to the next held session note on or after today', () => {
    const sessions: CarrySession[] = [
      from,
      { path: 'Sessions/2026-11-27 Jane Doe.md', date: '2026-11-27', next: null, status: 'held' },
      { path: 'Sessions/2026-12-04 Jane Doe.md', date: '2026-12-04', next: '2026-12-18', status: 'held' },
      { path: 'Sessions/2026-12-03 cancelled.md', date: '2026-12-03', next: null, status: 'cancelled' },
    ];
    const plan = planCarryTarget({ client: { name: 'Jane Doe', cadence: 14 }, from, sessions, today: '2026-12-01', leadDays: 2, exists: () => true });
    expect(plan).toEqual({ kind: 'existing', path: 'Sessions/2026-12-04 Jane Doe.md', sessionDate: '2026-12-04', defaultDue: '2026-12-16' });
  });

  it('else makes a note for the next session date, from the template, in the settings’ folder', () => {
    const taken = new Set(['Coaching/2026-12-04 Jane Doe.md']);
    const plan = planCarryTarget({
      client: { name: 'Jane Doe', cadence: 7 },
      from,
      sessions: [from],
      today: '2026-11-28',
      leadDays: 2,
      noteSettings: { folder: 'Coaching/', template: '', filenamePattern: '{{date}} {{client}}' },
      exists: (p) => taken.has(p),
    });
    expect(plan).toMatchObject({ kind: 'new', path: 'Coaching/2026-12-04 Jane Doe 2.md', sessionDate: '2026-12-04', defaultDue: '2026-12-09' });
  });

  it('rolls a next date that has passed forward by the cadence, next to the source note by default', () => {
    const plan = planCarryTarget({ client: { name: 'Jane Doe', cadence: 7 }, from, sessions: [from], today: '2026-12-10', leadDays: 2, exists: () => false });
    expect(plan).toMatchObject({ kind: 'new', path: 'Sessions/2026-12-11 Jane Doe.md', sessionDate: '2026-12-11' });
  });

  it('renders the coach’s template (Obsidian date formats), fixing what the parser needs', () => {
    const template = '---\nclient: "[[]]"\ndate: "{{date:YYYY-MM-DD}}"\nnext:\ntags: [template]\n---\n# {{client}}, {{date:dddd D MMMM}}\n\n## Homework\n- [ ] \n';
    const text = renderSessionNote({ client: 'Jane Doe', date: '2026-12-04', template });
    expect(text).toBe('---\nclient: "[[Jane Doe]]"\ndate: "2026-12-04"\nnext:\ntags: [template]\ntype: session\n---\n# Jane Doe, Friday 4 December\n\n## Homework\n- [ ] \n');
    expect(parseNote('x.md', text).session).toMatchObject({ clientRef: 'Jane Doe', date: '2026-12-04', commitmentsHeadingLine: 10 });
  });

  it('adds frontmatter and a commitments heading to a template that has neither', () => {
    const text = renderSessionNote({ client: 'Jane Doe', date: '2026-12-04', template: 'Notes for {{client}}' });
    expect(text).toBe('---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-12-04\n---\nNotes for Jane Doe\n\n## Commitments');
  });

  it('builds paths without characters Obsidian refuses', () => {
    expect(sessionNotePath({ folder: '/Sessions/', template: '', filenamePattern: '{{date:YYYY-MM-DD}} {{client}}' }, 'A/B: C', '2026-12-04')).toBe('Sessions/2026-12-04 A B C.md');
    expect(formatDate('2026-01-05', 'ddd D MMM YY [week]')).toBe('Mon 5 Jan 26 week');
  });
});
