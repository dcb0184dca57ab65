/**
 * Misreads found by reading real public 1:1 and coaching templates (an owner's sub-headings under
 * Action Items, a `Homework/experiments:` label in a session log, person files in a folder of
 * mentees, `@them`/`@me` owners, coach's to-dos that name the client), each as a small note of
 * the template's shape, with the layout `follow-through setup` proposes for such a vault.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, EVERY_RULE, resolveLayout, type NoteLayout } from '../../src/core/layout/layout';
import { scanFiles } from '../../src/core/scan';
import type { ScanOutput } from '../../src/core/scan-output';
import { proposeLayout } from '../../src/core/setup/propose';

const AS_OF = '2026-12-01';
const FLEX: Partial<NoteLayout> = {
  sessionTypes: ['session', 'one-on-one'],
  sessionTags: ['meeting/1on1'],
  sessionFolders: ['meetings/**'],
  ignoreFolders: ['templates/**'],
  clientKeys: ['with'],
  dateKeys: ['meeting_date'],
  nextKeys: ['next_meeting'],
  ...EVERY_RULE,
  coachNames: ['Sam Ortiz', 'Sam', 'Me', 'I'],
};

function scan(files: Record<string, string>, layout: Partial<NoteLayout> = FLEX): ScanOutput {
  return scanFiles(files, { asOf: AS_OF, settings: { layout: resolveLayout(layout) } });
}
const rows = (out: ScanOutput) => out.commitments.map((c) => [c.text, c.owner, c.status]);

describe('an owner’s sub-headings under Action Items (a 1:1 template)', () => {
  const note = [
    '---',
    'type: one-on-one',
    'with: Kenji Watanabe',
    'meeting_date: 2026-11-17',
    'next_meeting: 2026-12-01',
    '---',
    '## 📋 Agenda',
    '### Their Topics (Priority)',
    '- [x] Board update is in 3 weeks and he dreads it',
    '## 📊 Relationship Health',
    '### Communication Quality',
    '- [x] Clear and open',
    '- [ ] Could be better',
    '## ✅ Action Items',
    '### Kenji\'s Commitments',
    '- [ ] Write the headcount case for HR by Nov 24',
    '### My Commitments',
    '- [ ] Introduce him to the People Ops analyst',
    '### Shared/Follow-up',
    '- [ ] Pick one metric to own for the board update',
    '## 🔮 Looking Ahead',
    '- [ ] Revisit the board narrative',
    '',
  ].join('\n');

  it('reads only the action items, each with its owner; the agenda and the rating boxes are not commitments', () => {
    const out = scan({ 'meetings/2026-11-17-1on1-kenji-watanabe.md': note });
    expect(rows(out)).toEqual([
      ['Write the headcount case for HR by Nov 24', 'client', 'open'],
      ['Introduce him to the People Ops analyst', 'coach', 'open'],
      ['Pick one metric to own for the board update', 'client', 'open'],
    ]);
    expect(out.commitments[0].due).toBe('2026-11-24');
  });
});

describe('a `Homework/experiments:` label in a client file’s session log', () => {
  const note = [
    '# Felix Wagner',
    '## Session Log',
    '### Session 2026-11-09',
    '- Summary: Bad draft of 3.1 written.',
    '- Homework/experiments:',
    '  - draft sections 3.2 and 3.3 by 2026-11-20',
    '  - plan the week on Monday mornings',
    '- Outcome: admitted the weekend work is mostly email',
    '- Next session focus: weekend rule',
    '### Session 2026-11-23',
    '- Homework & experiments:',
    '  - send chapter 3 to the second reader by 2026-12-04',
    '',
  ].join('\n');

  it('reads the label’s items as the session’s commitments, with an ISO date in the words as the due date', () => {
    const out = scan({ 'Clients/Felix Wagner.md': note }, { ...FLEX, sessionFolders: ['Clients/**'] });
    expect(out.sessions.map((s) => [s.client, s.date])).toEqual([
      ['Felix Wagner', '2026-11-09'],
      ['Felix Wagner', '2026-11-23'],
    ]);
    expect(out.commitments.map((c) => [c.sessionDate, c.text, c.due, c.dueIsDefault])).toEqual([
      ['2026-11-09', 'draft sections 3.2 and 3.3 by 2026-11-20', '2026-11-20', false],
      ['2026-11-09', 'plan the week on Monday mornings', '2026-11-21', true],
      ['2026-11-23', 'send chapter 3 to the second reader by 2026-12-04', '2026-12-04', false],
    ]);
  });
});

describe('person files in a folder of mentees', () => {
  const person = (name: string, first: string) =>
    [
      `# Mentee: ${name}`,
      '**Start Date**: 2026-10-07',
      '## Session Log',
      '### 2026-10-21 - Session 2',
      '**Actions**:',
      '- [x] Coffee with two people outside Platform',
      '',
      '### 2026-11-04 - Session 3',
      '**Actions**:',
      '- [ ] Dry-run the forum talk with me on Nov 16',
      `- [x] Send ${first} two example RFCs from the Payments team`,
      `- [-] Read "Staff Engineer" ch. 3 — dropped, ${first} read it already`,
      '',
      '**Next Session**: 2026-11-18',
      '',
    ].join('\n');

  it('names each client by the file, not the folder, and reads the section’s Next Session line', () => {
    const out = scan(
      { 'mentoring/mentees/Jordan Blake.md': person('Jordan Blake', 'Jordan'), 'mentoring/mentees/Amara Okoye.md': person('Amara Okoye', 'Amara') },
      { ...FLEX, sessionFolders: ['mentoring/**'] },
    );
    expect(out.clients.map((c) => c.name)).toEqual(['Amara Okoye', 'Jordan Blake']);
    expect(out.sessions.map((s) => [s.client, s.date, s.next])).toEqual([
      ['Amara Okoye', '2026-10-21', null],
      ['Amara Okoye', '2026-11-04', '2026-11-18'],
      ['Jordan Blake', '2026-10-21', null],
      ['Jordan Blake', '2026-11-04', '2026-11-18'],
    ]);
    const jordan = out.commitments.filter((c) => c.client === 'Jordan Blake' && c.sessionDate === '2026-11-04');
    expect(jordan.map((c) => [c.text, c.owner, c.status])).toEqual([
      ['Dry-run the forum talk with me on Nov 16', 'client', 'open'],
      // The coach's own to-do: it names the client as the one it is done for.
      ['Send Jordan two example RFCs from the Payments team', 'coach', 'done'],
      // The client's name in a remark after the item does not make it the coach's.
      ['Read "Staff Engineer" ch. 3 — dropped, Jordan read it already', 'client', 'let-go'],
    ]);
    expect(jordan[0].due).toBe('2026-11-16');
  });
});

describe('`@them` and `@me` owners, with a person note and a template beside the meetings', () => {
  const files = {
    'meetings/2026-11-04 - Hana Sato.md': [
      '---',
      'date: 2026-11-04',
      'with: "[[Hana Sato]]"',
      'tags:',
      '  - meeting/1on1',
      '---',
      '# 1:1 with [[Hana Sato]] — 2026-11-04',
      '## ✅ Action Items',
      '- [ ] @them — Write up insights from the first 4 interviews by Nov 13',
      '- [ ] @me — Share the affinity-mapping board template',
      '- [ ] Introduce Hana to the head of design',
      '---',
      '→ Next scheduled: 2026-11-18',
      '',
    ].join('\n'),
    'people/Hana Sato.md': ['---', 'tags:', '  - type/person', '---', '# [[Hana Sato]]', '```dataview', 'LIST FROM #meeting/1on1', '```', '## Goals', '- [ ] Say no without apologising', ''].join('\n'),
    'templates/1on1.md': ['---', 'date: <% tp.date.now("YYYY-MM-DD") %>', 'with: "[[<% tp.system.prompt("Team member name?") %>]]"', '---', '## ✅ Action Items', '- [ ] @them — ', ''].join('\n'),
  };

  it('reads the owner marker off the text, and the next session from the arrow line', () => {
    const out = scan(files);
    expect(rows(out)).toEqual([
      ['Write up insights from the first 4 interviews by Nov 13', 'client', 'open'],
      ['Share the affinity-mapping board template', 'coach', 'open'],
      ['Introduce Hana to the head of design', 'coach', 'open'],
    ]);
    expect(out.sessions.map((s) => [s.path, s.next])).toEqual([['meetings/2026-11-04 - Hana Sato.md', '2026-11-18']]);
  });

  it('does not read a person note as a session for a tag inside its Dataview query, nor a template’s placeholders as bad YAML', () => {
    const out = scan(files);
    expect(out.diagnostics).toEqual([]);
  });
});

describe('the set-up proposal for a work vault with a journal beside its meetings', () => {
  const meeting = (date: string, who: string) => [`---`, `date: ${date}`, `tags: [meeting/one-on-one, people/${who.toLowerCase().replace(' ', '-')}]`, '---', `# ${date} ${who}`, '#### 📝 Action Items', '- [ ] Book a rehearsal 📅 2026-11-27', ''].join('\n');
  const daily = (date: string) => ['---', `date: ${date}`, '---', `# ${date}`, '#### 📝 Tasks', '- [ ] Renew the insurance 📅 2026-11-30', '```dataview', 'LIST FROM #meeting', '```', ''].join('\n');
  const notes: [string, string][] = [
    ['meetings/2026-11-02 Grace Kim.md', meeting('2026-11-02', 'Grace Kim')],
    ['meetings/2026-11-16 Grace Kim.md', meeting('2026-11-16', 'Grace Kim')],
    ['meetings/2026-11-18 Omar Shaikh.md', meeting('2026-11-18', 'Omar Shaikh')],
    ['journal/daily/2026-10-09.md', daily('2026-10-09')],
    ['journal/daily/2026-11-20.md', daily('2026-11-20')],
  ];

  it('proposes the meetings folder, not the journal whose dated notes name no client', () => {
    const { layout } = proposeLayout({ notes, coach: 'Sam Ortiz' });
    expect(layout.sessionFolders).toEqual(['meetings/**']);
    const out = scanFiles(Object.fromEntries(notes), { asOf: AS_OF, settings: { layout } });
    expect(out.sessions.map((s) => s.client)).toEqual(['Grace Kim', 'Grace Kim', 'Omar Shaikh']);
    expect(out.diagnostics).toEqual([]);
  });
});

describe('a team’s meeting notes beside the 1:1s (groepl/Obsidian-Templates’ Meeting Notes: Participants, Action Items)', () => {
  const meeting = (title: string, participants: string[], items: string[]) =>
    [
      '---', 'tags: type/meeting', 'created: 2026-11-13, 09:30', 'template-type: Meeting Notes', '---',
      `# ${title}`, '', '## Date & Time', '<!-- With starting and ending times -->', '- 09:30–10:00', '',
      '## Participants', '<!-- List of meeting participants using linked names -->', ...(participants.length > 0 ? participants.map((p) => `- ${p}`) : ['- ']), '',
      '## Action Items', '<!-- Add tasks, task owners and due dates -->', ...items, '',
      '## Decisions', '- Next meeting date and place: ', '',
    ].join('\n');
  const files = {
    'meetings/2026-11-13 Team sync.md': meeting('Team sync', ['[[Sam Ortiz]]', '[[Hana Sato]]'], ['- [ ] Hana: send the offsite agenda']),
    'meetings/2026-11-20 Leadership circle.md': meeting('Leadership circle', [], ['- [ ] Share the reading list']),
  };

  it('reads the people a group’s note lists as its clients, and never the group’s name as a client', () => {
    const out = scan(files);
    expect(out.clients.map((c) => c.name)).toEqual(['Hana Sato']);
    expect(out.commitments.map((c) => [c.client, c.text])).toEqual([['Hana Sato', 'send the offsite agenda']]);
    expect(out.diagnostics.map((d) => [d.path, d.severity, d.message.slice(0, 70)])).toEqual([
      ['meetings/2026-11-20 Leadership circle.md', 'warning', "session note's file name names a group ('Leadership circle'), not a cl"],
    ]);
  });
});

describe('a coaching-session template with the next session under its own heading (SZoloth/claude-skills’ product-coaching session template)', () => {
  const session = (date: string | null, next: string) =>
    [
      `# Coaching Session - Maria Lopez${date ? ` - ${date}` : ''}`, '',
      ...(date ? [`**Date**: ${date}`] : []), '**Coachee**: Maria Lopez', '**Duration**: 60 minutes', '',
      '## Next Steps (5 min)', '', '### Commitments Made by Coachee', '- [ ] Write up the interview synthesis', '',
      '### Commitments Made by Coach', '- [ ] Send Maria the opportunity tree chapter', '',
      '### Next Session', `- **Date**: ${next}`, '- **Focus**: Assumption mapping', '',
      '## Coaching Notes (Private)', '### Patterns Observed', '- Jumps to solutions', '',
    ].join('\n');

  it('reads the next session from the Date line under its heading, and the due dates from it', () => {
    const out = scan({ 'meetings/Coaching Session - Maria Lopez - 2026-11-03.md': session('2026-11-03', '2026-11-17') });
    expect(out.sessions.map((s) => [s.client, s.date, s.next])).toEqual([['Maria Lopez', '2026-11-03', '2026-11-17']]);
    expect(out.commitments.map((c) => [c.text, c.owner, c.due, c.dueIsDefault])).toEqual([
      ['Write up the interview synthesis', 'client', '2026-11-15', true],
      ['Send Maria the opportunity tree chapter', 'coach', '2026-11-15', true],
    ]);
  });

  it('never takes the next session’s date for the session’s own', () => {
    const out = scan({ 'meetings/Maria Lopez notes.md': session(null, '2026-11-17') });
    expect(out.sessions).toEqual([]);
    expect(out.diagnostics.map((d) => [d.path, d.severity, d.message.slice(0, 52)])).toEqual([['meetings/Maria Lopez notes.md', 'warning', 'note is in a sessions folder but has no date (frontm']]);
  });
});

describe('a session note whose H1 names the client in plain words (cast42/notes’ coaching session note: `# Session — <Name>`, `Date:`)', () => {
  const note = (title: string, date: string) => [`# ${title}`, '', `Date: ${date}`, '', '## Goal', '', '## Next actions', '', '- [ ] Hand the report template to Priya', ''].join('\n');

  it('names the client from the title beside the words for a session, and no one from other titles', () => {
    const out = scan({
      'meetings/2026-10/Session — Tom Baker.md': note('Session — Tom Baker', '2026-10-08'),
      'meetings/2026-10/Coaching Session - Maria Lopez.md': note('Coaching Session - Maria Lopez - 2026-10-06', '2026-10-06'),
      'meetings/2026-10/ana.md': note('1:1 with Ana Ruiz', '2026-10-09'),
      'meetings/2026-10/notes.md': note('Session notes', '2026-10-10'),
      'meetings/2026-10/finance.md': note('Meeting with Finance', '2026-10-11'),
      'meetings/2026-10/sam.md': note('Session — Sam Ortiz', '2026-10-12'),
    });
    expect(out.sessions.map((s) => [s.path, s.client])).toEqual([
      ['meetings/2026-10/Coaching Session - Maria Lopez.md', 'Maria Lopez'],
      ['meetings/2026-10/Session — Tom Baker.md', 'Tom Baker'],
      ['meetings/2026-10/ana.md', 'Ana Ruiz'],
    ]);
    // The coach's own name, a title that names no one and one that names a department: each says the note has no client.
    expect(out.diagnostics.map((d) => [d.path, d.severity])).toEqual([
      ['meetings/2026-10/finance.md', 'error'],
      ['meetings/2026-10/notes.md', 'error'],
      ['meetings/2026-10/sam.md', 'error'],
    ]);
  });

  it('reads the same titles in the languages vaults are kept in (`1:1 com …`, `Sesión con …`, `Séance avec …`, `Sitzung mit …`)', () => {
    const out = scan({
      'meetings/2026-10/a.md': note('1:1 com Ana Ruiz', '2026-10-09'),
      'meetings/2026-10/b.md': note('Sesión con María López', '2026-10-10'),
      'meetings/2026-10/c.md': note('Séance avec Jean Dupont', '2026-10-11'),
      'meetings/2026-10/d.md': note('Sitzung mit Karl Weber', '2026-10-12'),
      'meetings/2026-10/e.md': note('Mentoria com Pedro Alves', '2026-10-13'),
    });
    expect(out.sessions.map((s) => s.client)).toEqual(['Ana Ruiz', 'María López', 'Jean Dupont', 'Karl Weber', 'Pedro Alves']);
  });
});

describe('a folder per client with its sessions a level down (m-check1B’s coaching template: clients/<name>/sessions/, `Action Items:`)', () => {
  const session = (date: string, client: string, items: string[]) =>
    [`Session Date: ${date}`, `Client: ${client}`, 'Session #: 2 of 6', '', 'Key Topics Discussed:', '- Farmers market went well', '', 'Action Items:', ...items, '', 'Next Session Focus:', '- The 4-day week conversation', '', 'Notes for Coach:', '- Check in mid-way', ''].join('\n');
  const notes: [string, string][] = [
    ['clients/daniel-osei/sessions/2026-09-22.md', session('2026-09-22', 'Daniel Osei', ['- [x] Track hours worked for one week'])],
    ['clients/daniel-osei/sessions/2026-10-06.md', session('2026-10-06', 'Daniel Osei', ['- [x] Work out cost per loaf', '- [ ] Ask manager about a 4-day week by Oct 16', '- [ ] Send Daniel the pricing worksheet'])],
    ['clients/hannah-weiss/sessions/2026-10-01.md', session('2026-10-01', 'Hannah', ['- [/] Phone out of the bedroom 5 nights'])],
    ['clients/hannah-weiss/sessions/2026-10-08.md', session('Thursday, 8 October 2026', 'Hannah', ['- [ ] Pack running kit for the Berlin trip'])],
  ];

  it('setup proposes every depth of each person’s folder, and the plain `Action Items:` label opens the list', () => {
    const { layout } = proposeLayout({ notes, coach: 'Priya Nair' });
    expect(layout.sessionFolders).toEqual(['clients/*/**']);
    const out = scanFiles(Object.fromEntries(notes), { asOf: AS_OF, settings: { layout } });
    expect(out.sessions.map((s) => [s.client, s.date])).toEqual([
      ['Daniel Osei', '2026-09-22'],
      ['Daniel Osei', '2026-10-06'],
      ['Hannah Weiss', '2026-10-01'],
      ['Hannah Weiss', '2026-10-08'],
    ]);
    expect(out.commitments.map((c) => [c.client, c.text, c.owner, c.status])).toEqual([
      ['Daniel Osei', 'Track hours worked for one week', 'client', 'done'],
      ['Daniel Osei', 'Work out cost per loaf', 'client', 'done'],
      ['Daniel Osei', 'Ask manager about a 4-day week by Oct 16', 'client', 'open'],
      ['Daniel Osei', 'Send Daniel the pricing worksheet', 'coach', 'open'],
      ['Hannah Weiss', 'Phone out of the bedroom 5 nights', 'client', 'partial'],
      ['Hannah Weiss', 'Pack running kit for the Berlin trip', 'client', 'open'],
    ]);
    expect(out.diagnostics).toEqual([]);
  });

  it('with no client line, the person’s folder above `session_notes/` or a year names the client', () => {
    const body = '## Client Action Items\n- [ ] Push the scripts to GitLab\n';
    const out = scan({ 'clients/Lukas_Becker/session_notes/2026-10-05_session.md': body, 'Clients/Mei Tanaka/2026/2026-10-12.md': body }, { ...FLEX, sessionFolders: ['clients/*/**', 'Clients/*/**'] });
    expect(out.sessions.map((s) => [s.client, s.date])).toEqual([
      ['Mei Tanaka', '2026-10-12'],
      ['Lukas Becker', '2026-10-05'],
    ]);
  });
});

describe('headings that say whose items they hold (dhiahaddad/Consulting_Strategy’s Session Notes Template)', () => {
  const note = [
    '# Session Notes', '', '**Client Name**: Lukas Becker  ', '**Date**: 2026-10-05  ', '',
    '### My Preparation', '- [x] Reviewed intake form', '',
    '## Client Action Items', '', 'What should the client do next?', '',
    '### Immediate (This Week)', '- [ ] Put the analysis scripts in a git repo', '- [ ] ', '',
    '### Long-term (Learning Goals)', '- [ ] Work through the testing lesson', '',
    '## Resources Shared', '- [x] Sent the xarray docs', '',
    '## Consultant Follow-up Tasks', '', '### To Do Before Sending Summary Email', '- [x] Clean up code examples created during session', '- [ ] Prepare resources to share', '',
    '### Follow-up Email Status', '- [x] Email drafted', '',
  ].join('\n');

  it('`Client Action Items` and its sub-headings are the client’s; `Consultant Follow-up Tasks` and its sub-headings the coach’s', () => {
    const out = scan({ 'clients/Lukas_Becker/session_notes/2026-10-05_session.md': note }, { ...FLEX, sessionFolders: ['clients/*/**'] });
    expect(rows(out)).toEqual([
      ['Put the analysis scripts in a git repo', 'client', 'open'],
      ['Work through the testing lesson', 'client', 'open'],
      ['Clean up code examples created during session', 'coach', 'done'],
      ['Prepare resources to share', 'coach', 'open'],
      ['Email drafted', 'coach', 'done'],
    ]);
    expect(out.commitments[0].client).toBe('Lukas Becker');
  });
});

describe('an owner after the item (davekilleen/Dex’s One_on_One: `{{Action}} → {{Owner}}`, `*Next 1:1: …*`; danbrickey/exocortex: `(me)`)', () => {
  it('reads `→ Jordan` as the client’s and `→ Me` as the coach’s, leaves the arrow out of the text, and reads the italic next 1:1', () => {
    const note = ['---', 'date: 2026-09-29', '---', '# 1:1 with [[Jordan Blake]]', '', '## Action Items', '', '- [ ] Rewrite CV summary → Jordan', '- [ ] Send the CV examples pack → Me', '- [ ] Book the mock interview -> Jordan Blake', '', '## Follow-up for Next Time', '', '*Next 1:1: 2026-10-13*', ''].join('\n');
    const out = scan({ 'meetings/2026-09-29 - Jordan Blake.md': note });
    expect(rows(out)).toEqual([
      ['Rewrite CV summary', 'client', 'open'],
      ['Send the CV examples pack', 'coach', 'open'],
      ['Book the mock interview', 'client', 'open'],
    ]);
    expect(out.sessions.map((s) => s.next)).toEqual(['2026-10-13']);
  });

  it('a name in brackets or after a dash at the end is the owner only when it is the coach or the client; other words stay', () => {
    const note = ['---', 'date: 2026-09-15', '---', '## Action items', '- [ ] Share the rubric (me)', '- [ ] Review the draft — Sam', '- [ ] Read the rubric (Chris)', '- [ ] Call the bank — Tuesday', '- [ ] Ask about the offsite (Optional)', '', '- Next 1:1 on 2026-09-29', ''].join('\n');
    const out = scan({ 'meetings/2026-09-15 Chris Nguyen.md': note });
    expect(rows(out)).toEqual([
      ['Share the rubric', 'coach', 'open'],
      ['Review the draft', 'coach', 'open'],
      ['Read the rubric', 'client', 'open'],
      ['Call the bank — Tuesday', 'client', 'open'],
      ['Ask about the offsite (Optional)', 'client', 'open'],
    ]);
    expect(out.sessions.map((s) => s.next)).toEqual(['2026-09-29']);
  });
});

describe('a meeting template with an email summary that restates the action items (abrahamuxojeda-dev/Template-Vault-de-Obsidian’s meeting.md)', () => {
  const note = (summaryFirst: boolean) => {
    const summary = ['## 📧 Meeting Summary (Email Draft)', '', '**Hi Sofía,**', '', '**Action Items:**', '- @Sofía - Draft the pitch deck outline - Due: Oct 14', '- @Sofía - List 20 target angels - Due: Oct 19', '', '**Next Meeting:** Wed Oct 21, 9:00', ''];
    const actions = [
      '## ✅ Action Items', '', '```dataview', 'TASK', 'WHERE !completed', '```', '', '### Priority Action Items',
      '- [x] **@Sofía** - Draft the pitch deck outline - 📅 Due: 2026-10-14', '- [ ] **@Sofía** - List 20 target angels - 📅 Due: 2026-10-19', '',
      '### Follow-up Required', '- [ ] Send Sofía the YC deck template', '', '---', '',
      '## 🔄 Follow-up Items', '', '### Before Next Meeting', '- [ ] Sofía: book a call with her co-founder', '',
    ];
    return ['---', 'type: meeting', 'date: 2026-10-07', 'attendees:', '  - "[[Sofía Reyes]]"', '  - "[[Priya Nair]]"', 'next-meeting: "2026-10-21"', '---', '# 🤝 Coaching - Sofía Reyes', '', ...(summaryFirst ? [...summary, ...actions] : [...actions, ...summary])].join('\n');
  };
  const layout: Partial<NoteLayout> = { ...FLEX, sessionTypes: ['meeting'], attendeeKeys: ['attendees'], nextKeys: ['next-meeting'], coachNames: ['Priya Nair', 'Priya', 'Me', 'I'] };

  it('reads each item once, from the action items, without the bold or the calendar sign; `Follow-up Items` and its sub-heading are items too', () => {
    const out = scan({ 'Meetings/2026-10-07 Coaching - Sofía Reyes.md': note(false) }, layout);
    expect(out.commitments.map((c) => [c.text, c.owner, c.status, c.due])).toEqual([
      ['Draft the pitch deck outline', 'client', 'done', '2026-10-14'],
      ['List 20 target angels', 'client', 'open', '2026-10-19'],
      ['Send Sofía the YC deck template', 'coach', 'open', '2026-10-19'],
      ['book a call with her co-founder', 'client', 'open', '2026-10-19'],
    ]);
  });

  it('a summary that comes before any item is read: it is then the only list of them', () => {
    const out = scan({ 'Meetings/2026-10-07 Coaching - Sofía Reyes.md': note(true) }, layout);
    expect(out.commitments.slice(0, 2).map((c) => [c.text, c.line])).toEqual([
      ['Draft the pitch deck outline', 16],
      ['List 20 target angels', 17],
    ]);
  });
});

describe('templates folders in other languages, or by what they hold (Template-Vault-de-Obsidian’s 00-Plantillas.)', () => {
  it('setup leaves them out, so a template’s placeholders are never a client or an error', () => {
    const tpl = ['---', 'type: meeting', 'date: <% tp.date.now("YYYY-MM-DD") %>', 'attendees:', '  - "<% tp.file.cursor(1) %>"', '---', '## ✅ Action Items', '- [ ] ', ''].join('\n');
    const meeting = (d: string) => ['---', 'type: meeting', `date: ${d}`, 'attendees:', '  - "[[Sofía Reyes]]"', '---', '## ✅ Action Items', '- [ ] Draft the deck', ''].join('\n');
    const notes: [string, string][] = [
      ['00-Plantillas./meeting.md', tpl],
      ['Vorlagen/Sitzung.md', tpl],
      ['Stuff/one.md', tpl],
      ['Stuff/two.md', '# {{title}}\n\n## Action items\n- [ ] {{item}}\n'],
      ['Meetings/2026-10-07 Coaching - Sofía Reyes.md', meeting('2026-10-07')],
      ['Meetings/2026-10-21 Coaching - Sofía Reyes.md', meeting('2026-10-21')],
    ];
    const { layout } = proposeLayout({ notes, coach: 'Priya Nair' });
    expect(layout.ignoreFolders).toEqual(['00-Plantillas./**', 'Vorlagen/**', 'Stuff/**']);
    const out = scanFiles(Object.fromEntries(notes), { asOf: AS_OF, settings: { layout } });
    expect(out.clients.map((c) => c.name)).toEqual(['Sofía Reyes']);
    expect(out.diagnostics).toEqual([]);
  });
});

describe('a heading led by when, not whose', () => {
  it('`This week’s action items`, `Today’s tasks` are action items with no owner of their own', () => {
    for (const h of ["## This week's action items", "## Today's Action Items", "## Action Items\n### This week's tasks", '## Commitments for the client']) {
      const out = scan({ 'meetings/2026-10-01 Ben Carter.md': `${h}\n- [ ] Send it\n` });
      expect(rows(out), h).toEqual([['Send it', 'client', 'open']]);
    }
  });
});

describe('people named by mention (Educentr/obsidian-setting-pack’s 121: `@Olga Ivanova`), and a SOAP plan’s bold fields (Monolith-Tech/Medcare)', () => {
  it('`@Olga Ivanova` is Olga Ivanova: the same client, and an item for her is the coach’s', () => {
    const note = ['---', 'type: 121', 'date: 2026-10-01', 'people: ["[[@Olga Ivanova]]", "[[Priya Nair]]"]', '---', '## Action items', '- [ ] Order a second monitor for Olga', '- [ ] Write the talk abstract', ''].join('\n');
    const out = scan({ 'meetings/2026-10-01 121.md': note, 'People/Olga Ivanova.md': '---\ntype: client\n---\n' }, { ...FLEX, sessionTypes: ['121'], attendeeKeys: ['people'], coachNames: ['Priya Nair', 'Priya', 'Me'] });
    expect(out.clients.map((c) => c.name)).toEqual(['Olga Ivanova']);
    expect(out.commitments.map((c) => [c.client, c.text, c.owner])).toEqual([
      ['Olga Ivanova', 'Order a second monitor for Olga', 'coach'],
      ['Olga Ivanova', 'Write the talk abstract', 'client'],
    ]);
  });

  it('`- **Medications:** None.` names no owner called Medications; a bold client or @mention does', () => {
    const note = ['## Plan', '- **Medications:** None.', '- **Ben:** send the form', '- **@Ben** - book the room', ''].join('\n');
    const out = scan({ 'meetings/2026-10-01 Ben Carter.md': note });
    expect(rows(out)).toEqual([
      ['**Medications:** None.', 'client', 'open'],
      ['send the form', 'client', 'open'],
      ['book the room', 'client', 'open'],
    ]);
  });
});

describe('a date written as a link to the day’s note (NonakaVal/obsidian-starter-template’s `created: - "[[2026-10-13]]"`)', () => {
  it.each(['"[[2026-10-13]]"', '[[2026-10-13]]', "\n  - '[[2026-10-13]]'", '"[[2026-10-13|Tuesday]]"'])('date: %s is 2026-10-13, with no error', (value) => {
    const out = scan({ 'Sessions/s.md': `---\ntype: session\nclient: Jane Doe\ndate: ${value}\n---\n## Commitments\n- [ ] Send it\n` });
    expect(out.sessions.map((s) => s.date)).toEqual(['2026-10-13']);
    expect(out.diagnostics).toEqual([]);
  });
});

describe('folders of meetings named in other languages (FadouaElkourti/client-knowledge’s reuniones/, johanlb/scapin’s Réunions/)', () => {
  it('`reuniones/`, `REUNIÕES/`, `Réunions/` name no client: the file name does, and a top folder above them never does', () => {
    const body = '## Action items\n- [ ] Send it\n';
    const out = scan(
      {
        'reuniones/2026-10-01 Lucía Fernández.md': body,
        'REUNIÕES/2026-10-02 Mentoria Ana Souza.md': body,
        'PKM/Réunions/1-1 Camille — 20 octobre 2026.md': body,
      },
      { ...FLEX, sessionFolders: ['reuniones/**', 'REUNIÕES/**', 'PKM/**'], dateOrder: 'dmy' },
    );
    expect(out.sessions.map((s) => [s.client, s.date])).toEqual([
      ['Camille', '2026-10-20'],
      ['Ana Souza', '2026-10-02'],
      ['Lucía Fernández', '2026-10-01'],
    ]);
  });
});

describe('items no reader sees as items (code-by-gunnar/coaching-resource-hub’s pasted session email: □ boxes; Logseq TODO)', () => {
  it('setup says which notes have them and what to write instead, rather than only "nothing to change"', () => {
    const email = (d: string) => [`Session ${d} with Maya`, '', 'YOUR ACTION COMMITMENTS:', '□ Apply to five product ops roles - by 9 October', '☑ Update the CV', ''].join('\n');
    const notes: [string, string][] = [
      ['Sessions/2026-10-01 Maya.md', email('1 October')],
      ['Sessions/2026-10-15 Maya.md', email('15 October')],
      ['journal/2026-10-02.md', '- TODO Send the deck\n- DONE Call Ana\n'],
    ];
    const { reasons } = proposeLayout({ notes, coach: 'Priya Nair' });
    expect(reasons.join('\n')).toMatch(/2 notes list items with ballot boxes .* write each as "- \[ \] Send the deck" \("- \[x\]" for done\)/);
    expect(reasons.join('\n')).toMatch(/1 note has Logseq tasks/);
  });
});

describe('a personal trainer’s folder per client with weekly progress reports (SeanSwan/-SS-PT-New’s client-data/<client>/progress/)', () => {
  const report = (client: string, date: string) =>
    [`# Weekly Progress Report`, '', `**Client:** ${client}`, `**Date:** ${date}`, '', '## 🎯 Goals for Next Week', '- [ ] Three workouts', '- [x] Sleep 7 hours', '', '## Notes', '- Good week', ''].join('\n');
  const notes: [string, string][] = [
    ['client-data/emma-clark/progress/2026-11-08-week-5.md', report('Emma Clark', '2026-11-08')],
    ['client-data/emma-clark/progress/2026-11-15-week-6.md', report('Emma Clark', '2026-11-15')],
    ['client-data/emma-clark/README.md', '# Emma\n'],
    ['client-data/emma-clark/notes/private-notes.md', '# Private notes\n- knee\n'],
    ['client-data/emma-clark/workouts/2026-11-03-session-9.md', '# Session 9\n**Date:** 2026-11-03\n- Squats 3x8\n'],
    ['client-data/emma-clark/workouts/2026-11-24-session-14.md', '# Session 14\n**Date:** 2026-11-24\n- Squats 3x8\n'],
    ['client-data/raj-patel/progress/2026-11-22-week-2.md', report('Raj Patel', '2026-11-22')],
    ['client-data/raj-patel/README.md', '# Raj\n'],
    ['client-data/raj-patel/notes/private-notes.md', '# Private notes\n- shoulder\n'],
    ['client-data/raj-patel/workouts/2026-11-17-session-5.md', '# Session 5\n**Date:** 2026-11-17\n- Rows 3x10\n'],
  ];

  it('setup proposes the same folder in every client’s, and the goals for next week are the commitments', () => {
    const { layout } = proposeLayout({ notes, coach: 'Priya Nair' });
    expect(layout.sessionFolders).toEqual(['client-data/*/progress/**']);
    const out = scanFiles(Object.fromEntries(notes), { asOf: AS_OF, settings: { layout } });
    expect(out.sessions.map((s) => s.client)).toEqual(['Emma Clark', 'Emma Clark', 'Raj Patel']);
    expect(out.commitments.filter((c) => c.client === 'Raj Patel').map((c) => [c.text, c.status])).toEqual([
      ['Three workouts', 'open'],
      ['Sleep 7 hours', 'done'],
    ]);
  });

  it('gives that folder once when two clients’ folders are each big enough to be chosen alone', () => {
    const both: [string, string][] = [...notes, ['client-data/raj-patel/progress/2026-11-29-week-3.md', report('Raj Patel', '2026-11-29')]];
    const { layout, reasons } = proposeLayout({ notes: both, coach: 'Priya Nair' });
    expect(layout.sessionFolders).toEqual(['client-data/*/progress/**']);
    expect(reasons.filter((r) => r.startsWith('sessions: notes in'))).toEqual([expect.stringMatching(/^sessions: notes in client-data\/\*\/progress\/\*\* \(4, the same folder in each person's: emma-clark, raj-patel…\)$/)]);
  });
});

describe('a SOAP plan’s follow-up line, and a German meeting template’s `Task - Owner - Date` (PathToPenguin/obsidian-vault-website)', () => {
  it('`Follow-up appointment on 2026-10-28` is the next session, not an item', () => {
    const note = ['## Plan', '- [ ] Walk 20 minutes daily', '- Follow-up appointment on 2026-10-28', ''].join('\n');
    const out = scan({ 'meetings/2026-10-14 Ben Carter.md': note });
    expect(out.sessions.map((s) => s.next)).toEqual(['2026-10-28']);
    expect(out.commitments.map((c) => c.text)).toEqual(['Walk 20 minutes daily']);
  });

  it('reads the owner and the dotted date at the end, day first whatever the vault’s order', () => {
    const note = ['## 🎯 Action Items', '- [ ] Artikel zu Delegation schicken - Sam - 14.10.2026', '- [ ] Lebenslauf überarbeiten - Ben - 4.11.2026', ''].join('\n');
    const out = scan({ 'meetings/2026-10-07 Ben Carter.md': note }, { ...FLEX, dateOrder: 'mdy' });
    expect(out.commitments.map((c) => [c.text, c.owner, c.due])).toEqual([
      ['Artikel zu Delegation schicken', 'coach', '2026-10-14'],
      ['Lebenslauf überarbeiten', 'client', '2026-11-04'],
    ]);
  });
});

describe('action items and next sessions in other languages (NonakaVal’s REUNIÕES, FadouaElkourti’s reunión, PathToPenguin’s Meeting-Notes)', () => {
  it('reads `# Ações`, `## Acciones Comprometidas`, `## Nächste Schritte`, and the next session in their words; a next meeting’s fields are no items', () => {
    const pt = ['# Ações (Who/What/When)', '- [ ] Ana: conversar com o gestor até 20/10', '- [x] Priya: enviar o livro', '', '# Próximos Passos', '- Próxima mentoria: 27/10/2026 às 19h', ''].join('\n');
    const es = ['## Acciones Comprometidas', '- [ ] Hablar con tres diseñadores UX', ''].join('\n');
    const de = ['## ➡️ Nächste Schritte', '- [ ] Artikel zu Delegation schicken', '', '**Nächstes Meeting:**', '- **Datum:** 26.10.2026', '- **Zeit:** 17:00', ''].join('\n');
    const out = scan(
      { 'meetings/2026-10-13 Ana Souza.md': pt, 'meetings/2026-10-14 Lucía Fernández.md': es, 'meetings/2026-10-12 Lena Fischer.md': de },
      { ...FLEX, coachNames: ['Priya Nair', 'Priya', 'Me'], dateOrder: 'dmy' },
    );
    expect(out.commitments.map((c) => [c.client, c.text, c.owner])).toEqual([
      ['Lena Fischer', 'Artikel zu Delegation schicken', 'client'],
      ['Ana Souza', 'conversar com o gestor até 20/10', 'client'],
      ['Ana Souza', 'enviar o livro', 'coach'],
      ['Lucía Fernández', 'Hablar con tres diseñadores UX', 'client'],
    ]);
    expect(out.sessions.find((s) => s.client === 'Ana Souza')?.next).toBe('2026-10-27');
  });
});

describe('the same item twice in one meeting note (PathToPenguin’s Meeting-Notes: a topic’s **Action Items:** and the note’s own)', () => {
  it('is one commitment; two different items, or one written with another status, stay two', () => {
    const note = ['## Thema 1', '**Action Items:**', '- [ ] Artikel schicken', '', '## 🎯 Action Items', '- [ ] Artikel schicken', '- [ ] Lebenslauf überarbeiten', '- [x] Lebenslauf überarbeiten', ''].join('\n');
    const out = scan({ 'meetings/2026-10-12 Lena Fischer.md': note });
    expect(out.commitments.map((c) => [c.text, c.line, c.status])).toEqual([
      ['Artikel schicken', 3, 'open'],
      ['Lebenslauf überarbeiten', 7, 'open'],
      ['Lebenslauf überarbeiten', 8, 'done'],
    ]);
  });
});

describe('a client’s own note tagged like the sessions (FadouaElkourti/client-knowledge’s clientes/<name>/index.md: tags [cliente, coaching])', () => {
  it('is not a session, and is not warned about as one without a date', () => {
    const index = ['---', 'layout: cliente', 'nombre: "Javier Morales"', 'tags: [cliente, coaching, activo]', '---', '# Javier Morales', ''].join('\n');
    const session = ['---', 'tags: [coaching]', 'date: 2026-10-07', 'with: Javier Morales', '---', '## Acciones', '- [ ] Delegar el informe semanal', ''].join('\n');
    for (const layout of [{ ...FLEX, sessionTags: ['coaching'] }, { ...FLEX, sessionFolders: ['clientes/*/**'] }]) {
      const out = scan({ 'clientes/javier-morales/index.md': index, 'clientes/javier-morales/reuniones/2026-10-07.md': session }, layout);
      expect(out.sessions.map((s) => [s.client, s.date])).toEqual([['Javier Morales', '2026-10-07']]);
      expect(out.diagnostics).toEqual([]);
    }
  });
});

describe('frontmatter keys and statuses in other languages (FadouaElkourti’s reunion.md, NonakaVal’s REUNIOES-TEMPLATE.md)', () => {
  it('setup reads cliente:, participantes:, fecha: and data:, and a cancelada session is cancelled', () => {
    const es = (d: string, status: string) => ['---', 'tags: [reunion]', `fecha: ${d}`, 'cliente: "Lucía Fernández"', `status: ${status}`, '---', '## Acciones', '- [ ] Hablar con tres diseñadores UX', ''].join('\n');
    const pt = (d: string) => ['---', `data: ${d}`, 'participantes: ["[[Ana Souza]]", "[[Priya Nair]]"]', '---', '# Ações', '- [ ] Ana: conversar com o gestor', ''].join('\n');
    const notes: [string, string][] = [
      ['reuniones/2026-10-07.md', es('2026-10-07', 'realizada')],
      ['reuniones/2026-10-21.md', es('2026-10-21', 'cancelada')],
      ['reuniones/2026-11-04.md', es('2026-11-04', 'realizada')],
      ['REUNIOES/Mentoria 1.md', pt('2026-10-13')],
      ['REUNIOES/Mentoria 2.md', pt('2026-10-27')],
    ];
    const { layout } = proposeLayout({ notes, coach: 'Priya Nair' });
    expect(layout.clientKeys).toContain('cliente');
    expect(layout.attendeeKeys).toContain('participantes');
    expect(layout.dateKeys).toEqual(expect.arrayContaining(['fecha', 'data']));
    const out = scanFiles(Object.fromEntries(notes), { asOf: AS_OF, settings: { layout } });
    expect(out.sessions.map((s) => [s.client, s.date, s.status])).toEqual([
      ['Ana Souza', '2026-10-13', 'held'],
      ['Ana Souza', '2026-10-27', 'held'],
      ['Lucía Fernández', '2026-10-07', 'held'],
      ['Lucía Fernández', '2026-10-21', 'cancelled'],
      ['Lucía Fernández', '2026-11-04', 'held'],
    ]);
  });
});

describe('a next meeting given by a label with its details below (PathToPenguin’s German Meeting-Notes)', () => {
  it('`**Nächstes Meeting:**` then `- **Datum:** 26.10.2026` books the next session; `**Next meeting:**` then `- Date: …` too', () => {
    const de = ['## ➡️ Nächste Schritte', '- [ ] Artikel schicken', '', '**Nächstes Meeting:**', '- **Datum:** 26.10.2026', '- **Zeit:** 17:00', ''].join('\n');
    const en = ['## Action items', '- [ ] Send it', '', '**Next meeting:**', '- Date: 2026-10-27', ''].join('\n');
    const out = scan({ 'meetings/2026-10-12 Lena Fischer.md': de, 'meetings/2026-10-13 Ben Carter.md': en });
    expect(out.sessions.map((s) => [s.client, s.next])).toEqual([
      ['Lena Fischer', '2026-10-26'],
      ['Ben Carter', '2026-10-27'],
    ]);
    expect(out.commitments.map((c) => c.text)).toEqual(['Artikel schicken', 'Send it']);
  });
});

describe('setup on notes whose action items are a table, or that name no client (justindeisler/officeOS Templates/1-on-1.md; brendonhc/brain-unifique templates/one-on-one.md)', () => {
  const officeNote = (who: string, date: string) =>
    ['# 1:1 Meeting', '', '## Meeting Details', `- **Date:** ${date}`, `- **With:** ${who}`, '', '## Action Items', '| Task | Owner | Due Date |', '|------|-------|----------|', `| Write the lead role doc | ${who.split(' ')[0]} | Oct 12 |`, '| Send the reading list | Me | Oct 7 |', ''].join('\n');

  it('a folder per person whose notes keep their action items in a table is proposed, so each table is named in a warning rather than the vault reading as empty', () => {
    const notes: [string, string][] = [
      ['1-on-1s/Jordan Lee/2026-10-05.md', officeNote('Jordan Lee', '2026-10-05')],
      ['1-on-1s/Jordan Lee/2026-10-19.md', officeNote('Jordan Lee', '2026-10-19')],
      ['1-on-1s/Sofia Martins/2026-10-08.md', officeNote('Sofia Martins', '2026-10-08')],
      ['Templates/1-on-1.md', officeNote('{{name}}', '{{date}}')],
    ];
    const { layout } = proposeLayout({ notes, coach: 'Priya Nair' });
    expect(layout.sessionFolders).toEqual(['1-on-1s/*/']);
    const out = scanFiles(Object.fromEntries(notes), { asOf: AS_OF, settings: { layout } });
    expect(out.sessions.map((s) => [s.client, s.date])).toEqual([
      ['Jordan Lee', '2026-10-05'],
      ['Jordan Lee', '2026-10-19'],
      ['Sofia Martins', '2026-10-08'],
    ]);
    expect(out.diagnostics.map((d) => [d.path, d.line, d.message.split(':')[0]])).toEqual([
      ['1-on-1s/Jordan Lee/2026-10-05.md', 8, '2 action items in this table (lines 10–11) are not read'],
      ['1-on-1s/Jordan Lee/2026-10-19.md', 8, '2 action items in this table (lines 10–11) are not read'],
      ['1-on-1s/Sofia Martins/2026-10-08.md', 8, '2 action items in this table (lines 10–11) are not read'],
    ]);
  });

  it('notes that look like sessions but that nothing marks or names a client of are named, with what to do, not called "our own format"; the templates folder it names is saved', () => {
    const note = (date: string, who: string) => ['## 1:1 com ' + who, '', `- **Data**: ${date}`, '', '**Action items:**', '- [ ] Ler o ADR de pagamentos — @Lucas — 16/10', ''].join('\n');
    const notes: [string, string][] = [
      [`meetings/2026-10-09-1on1-lucas.md`, note('2026-10-09', 'Lucas Ferreira')],
      [`meetings/2026-10-16-1on1-camila.md`, note('2026-10-16', 'Camila Rocha')],
      ['templates/one-on-one.md', note('{{date}}', '{{nome}}')],
    ];
    const { layout, reasons } = proposeLayout({ notes, coach: 'Priya Nair' });
    const text = reasons.join('\n');
    expect(text).not.toMatch(/own format/);
    expect(text).toMatch(/2 notes look like a session \(action items and a date: meetings\/2026-10-09-1on1-lucas\.md, meetings\/2026-10-16-1on1-camila\.md\) but .*not read\. To have them read, give each a client/);
    expect(layout.ignoreFolders).toEqual(['templates/**']);
  });
});

describe('the reading rules’ one list', () => {
  it('EVERY_RULE holds every on/off rule of the layout, and set-up proposes each of them on (dated sections by what it found)', () => {
    const switches = Object.entries(DEFAULT_LAYOUT)
      .filter(([, v]) => typeof v === 'boolean')
      .map(([k]) => k)
      .sort();
    expect(Object.keys(EVERY_RULE).sort()).toEqual(switches);
    expect(switches.length).toBeGreaterThanOrEqual(9);
    // A work vault's meetings (tags, a dated file name), not our own format: set-up proposes rules.
    const note = (date: string) => ['---', `date: ${date}`, 'tags: [meeting/one-on-one]', '---', `# ${date} Grace Kim`, '#### 📝 Action Items', '- [ ] Book a rehearsal 📅 2026-11-27', ''].join('\n');
    const notes: [string, string][] = ['2026-11-02', '2026-11-16'].map((d) => [`meetings/${d} Grace Kim.md`, note(d)]);
    const { layout } = proposeLayout({ notes, coach: 'Sam Ortiz' });
    expect(layout.sessionFolders).toEqual(['meetings/**']);
    for (const k of switches) if (k !== 'datedSections') expect([k, layout[k as keyof NoteLayout]]).toEqual([k, true]);
  });
});
