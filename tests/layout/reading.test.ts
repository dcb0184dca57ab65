/**
 * The note-layout rules (docs/note-format.md, "Vaults in other layouts"), one rule at a time, on
 * notes shaped like the real templates coaches use. Each rule is a layout setting; the default
 * layout reads none of it.
 */
import { describe, expect, it } from 'vitest';
import { FLEX } from './flexible-layout';
import { resolveLayout, type NoteLayout } from '../../src/core/layout/layout';
import { scanFiles } from '../../src/core/scan';
import type { ScanOutput } from '../../src/core/scan-output';

const AS_OF = '2026-12-01';

function scan(files: Record<string, string>, layout: Partial<NoteLayout> = FLEX): ScanOutput {
  return scanFiles(files, { asOf: AS_OF, settings: { layout: resolveLayout(layout) } });
}

const person = (name: string, extra = '') => `---\ntype: person\n${extra}---\n# ${name}\n`;

describe('which notes are sessions', () => {
  it('a type value among the layout’s, as a list or a link', () => {
    const out = scan({
      'A.md': '---\ntype: [meeting, work]\nclient: Ben Carter\ndate: 2026-10-01\n---\n## Action items\n- [ ] Send it\n',
      'B.md': '---\ntype: "[[1-1]]"\nclient: Ben Carter\ndate: 2026-10-08\n---\n## Action items\n- [ ] Send it again\n',
    });
    expect(out.sessions.map((s) => s.path)).toEqual(['A.md', 'B.md']);
  });

  it('a tag, and a folder glob', () => {
    const out = scan(
      {
        'Notes/x.md': '---\ntags: [coaching]\nclient: Ben\ndate: 2026-10-01\n---\n## Next steps\n- [ ] A\n',
        'Coaching/2026-10-02 Ben.md': '## Next steps\n- [ ] B\n',
        'Elsewhere/2026-10-03 Ben.md': '## Next steps\n- [ ] C\n',
      },
      { ...FLEX, sessionTags: ['coaching'], sessionFolders: ['Coaching/**'] },
    );
    expect(out.sessions.map((s) => [s.path, s.client, s.date])).toEqual([
      ['Coaching/2026-10-02 Ben.md', 'Ben', '2026-10-02'],
      ['Notes/x.md', 'Ben', '2026-10-01'],
    ]);
  });

  it('a note in a sessions folder without a date is a warning, never silently dropped', () => {
    const out = scan({ 'Coaching/About Ben.md': '# About Ben\n- likes mornings\n' }, { ...FLEX, sessionFolders: ['Coaching/**'] });
    expect(out.sessions).toEqual([]);
    expect(out.diagnostics.map((d) => [d.path, d.severity])).toEqual([['Coaching/About Ben.md', 'warning']]);
  });

  it('a person’s profile kept with their 1:1s (wbollock/obsidian-one-on-one-manager’s 1-1s/people/Ben-Carter.md) is not warned about', () => {
    const profile = '---\nname: Ben Carter\nrole: Senior Engineer\n---\n# Ben Carter\n';
    const out = scan({ '1-1s/people/Ben-Carter.md': profile, '1-1s/ben-carter/Notes.md': profile.replace('Senior', 'Staff'), '1-1s/ben-carter/2026-10-01.md': '## Action Items\n- [ ] A\n' }, { ...FLEX, sessionFolders: ['1-1s/*/'] });
    expect(out.sessions.map((s) => s.path)).toEqual(['1-1s/ben-carter/2026-10-01.md']);
    expect(out.diagnostics).toEqual([]);
  });

  it('a template kept in a sessions folder (danbrickey/exocortex’s mentees/template.md) is not a session and not worth a warning', () => {
    const tpl = '# Mentee: [Name]\n\n**Start Date**: [YYYY-MM-DD]\n\n## Action items\n- [ ] [What they commit to]\n';
    const out = scan({ 'mentees/template.md': tpl, 'mentees/Session Template.md': tpl.replace('Mentee', 'Session with') }, { ...FLEX, sessionFolders: ['mentees/**'] });
    expect(out.sessions).toEqual([]);
    expect(out.diagnostics).toEqual([]);
  });

  it('the default layout reads none of it, but names a note that looks like a session', () => {
    const out = scan({ 'Meetings/2026-10-01 Ben.md': '---\ndate: 2026-10-01\nattendees: ["[[Ben]]"]\n---\n## Action items\n- [ ] Send it\n' }, {});
    expect(out.sessions).toEqual([]);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0].message).toMatch(/looks like a session note .* not read: it has no `type: session`/);
  });

  it('notes with no coaching in them read as nothing, with no warning', () => {
    const out = scan({
      'Recipes/Bread.md': '# Banana bread\n## To do\n- [ ] Buy bananas\n',
      'Reading list.md': '- [x] Dune\n- [ ] Piranesi\n',
      'Projects/Q4.md': '---\nstatus: active\n---\n## Action items\n- [ ] Ship it\n',
    });
    expect(out.sessions).toEqual([]);
    expect(out.commitments).toEqual([]);
    expect(out.diagnostics).toEqual([]);
  });
});

describe('where the client and the date come from', () => {
  it('attendees without the coach; several people make a group session attributed per line', () => {
    const out = scan({
      'Clients/Aisha Khan.md': person('Aisha Khan'),
      'Clients/Maya Chen.md': person('Maya Chen'),
      '1.md': '---\ntype: meeting\ndate: 2026-10-07\nattendees: ["[[Priya Nair]]", "[[Aisha Khan]]"]\n---\n## Action items\n- [ ] Aisha: draft the plan\n',
      '2.md': '---\ntype: meeting\ndate: 2026-11-04\nattendees: ["[[Priya Nair]]", "[[Aisha Khan]]", "[[Maya Chen]]"]\n---\n## Action items\n- [ ] Aisha: call Omar\n- [ ] Maya: give feedback\n- [ ] Book the room\n',
    });
    expect(out.commitments.map((c) => [c.session, c.client, c.text, c.owner])).toEqual([
      ['1.md', 'Aisha Khan', 'draft the plan', 'client'],
      ['2.md', 'Aisha Khan', 'call Omar', 'client'],
      ['2.md', 'Maya Chen', 'give feedback', 'client'],
    ]);
    expect(out.clients.map((c) => c.name)).toEqual(['Aisha Khan', 'Maya Chen']);
    expect(out.diagnostics.some((d) => d.path === '2.md' && /group session: this item names none of/.test(d.message))).toBe(true);
  });

  it('a client value splits into people only where it lists people, never into a client named "A, B"', () => {
    const out = scan({
      '1.md': '---\ntype: session\nclient: "[[Imogen Shaw]], Priya"\ndate: 2026-10-13\n---\n## Commitments\n- [ ] A\n',
      '2.md': '---\ntype: session\nclient: "Doe, Jane"\ndate: 2026-10-14\n---\n## Commitments\n- [ ] B\n',
    });
    expect(out.sessions.map((s) => s.client)).toEqual(['Imogen Shaw', 'Doe, Jane']);
  });

  it('a Client:: line or **Coachee**: line in the body, also in a callout', () => {
    const out = scan({
      'a.md': '---\ntype: session\ndate: 2026-10-01\n---\n> [!info]\n> Client:: [[Ben Carter]]\n\n## Commitments\n- [ ] A\n',
      'b.md': '---\ntype: session\ndate: 2026-10-02\n---\n**Coachee**: Hugo Brandt\n## Commitments\n- [ ] B\n',
    });
    expect(out.sessions.map((s) => s.client)).toEqual(['Ben Carter', 'Hugo Brandt']);
  });

  it('the folder (with a matching client note), the file name and the title’s link', () => {
    const out = scan(
      {
        'People/Ben Carter.md': person('Ben Carter'),
        '1-1s/ben-carter/2026-10-01.md': '## Action Items\n- [ ] A\n',
        'Coaching/Hugo Brandt - 2026-10-08.md': '## Action items\n- [ ] B\n',
        'Coaching/2026-10-09.md': '# Call with [[Jane Doe]]\n## Action items\n- [ ] C\n',
      },
      { ...FLEX, sessionFolders: ['1-1s/**', 'Coaching/**'] },
    );
    expect(out.sessions.map((s) => [s.path, s.client, s.date])).toEqual([
      ['1-1s/ben-carter/2026-10-01.md', 'Ben Carter', '2026-10-01'],
      ['Coaching/2026-10-09.md', 'Jane Doe', '2026-10-09'],
      ['Coaching/Hugo Brandt - 2026-10-08.md', 'Hugo Brandt', '2026-10-08'],
    ]);
  });

  it('a file name or title that names a group (Peer Group, Team sync) is no client: a warning saying so (likely no client’s session), not a client of its own', () => {
    const out = scan({
      'Meetings/2026-11-12 Peer Group.md': '---\ntags: [meeting]\n---\n# Peer group\n\n## Action items\n- [ ] Share the reading list\n',
      'Meetings/2026-11-13 Team sync.md': '---\ntags: [meeting]\n---\n## Action items\n- [ ] Update the board\n',
      'Meetings/2026-11-15 Coaching circle.md': '---\ntags: [meeting]\n---\n## Action items\n- [ ] Draft the plan\n',
      'Meetings/2026-11-14 Jane Doe.md': '---\ntags: [meeting]\n---\n## Action items\n- [ ] Draft the plan\n',
      'Meetings/2026-11-16 Ben.md': '---\ntags: [meeting]\nattendees: ["[[Priya Nair]]", "[[Ben]]"]\n---\n# Ben with the team\n## Action items\n- [ ] Book the room\n',
      'Meetings/2026-10-21 Monthly All Hands.md': '---\ntags: [meeting]\n---\n## Action items\n- [ ] Send the hiring plan\n',
      'Sessions/2026-11-17 Team sync.md': '---\ntype: session\ndate: 2026-11-17\n---\n## Commitments\n- [ ] Update the board\n',
    }, { ...FLEX, sessionTags: ['meeting'] });
    expect(out.clients.map((c) => c.name)).toEqual(['Ben', 'Jane Doe']);
    expect(out.sessions.map((s) => s.client)).toEqual(['Jane Doe', 'Ben']);
    // `type: session` says it is a session: no client is then an error, as the spec's own format has it.
    expect(out.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toEqual(['Sessions/2026-11-17 Team sync.md']);
    const errors = out.diagnostics.filter((d) => d.severity === 'warning');
    expect(errors.map((d) => [d.path, d.line])).toEqual([
      ['Meetings/2026-10-21 Monthly All Hands.md', 1],
      ['Meetings/2026-11-12 Peer Group.md', 1],
      ['Meetings/2026-11-13 Team sync.md', 1],
      ['Meetings/2026-11-15 Coaching circle.md', 1],
    ]);
    expect(errors[0].message).toContain("names a group ('Monthly All Hands'), not a client");
    expect(errors[1].message).toContain("names a group ('Peer Group'), not a client");
    expect(errors[2].message).toContain("('Team sync')");
    for (const e of errors) expect(e.message).toMatch(/add client: "\[\[Name\]\]".*attendees/);
  });

  it('a group named only by a dated file name: its listed people are its clients; with none, a warning', () => {
    const out = scan({
      'People/Ben Carter.md': person('Ben Carter'),
      'People/Jane Doe.md': person('Jane Doe'),
      'Notes/2026-11-18 Peer mastermind.md': '# Peer mastermind\n\n**Attendees**: Priya Nair, [[Ben Carter]], [[Jane Doe]]\n\n## Action items\n- [ ] Ben Carter: send the deck\n- [ ] Jane Doe: book the venue\n',
      'Notes/2026-11-17 Team retro.md': '# Team retro\n\n## Action items\n- [ ] Update the board\n',
    });
    expect(out.sessions.map((s) => [s.path, s.client])).toEqual([
      ['Notes/2026-11-18 Peer mastermind.md', 'Ben Carter'],
      ['Notes/2026-11-18 Peer mastermind.md', 'Jane Doe'],
    ]);
    expect(out.commitments.map((c) => [c.client, c.text])).toEqual([
      ['Ben Carter', 'send the deck'],
      ['Jane Doe', 'book the venue'],
    ]);
    expect(out.diagnostics.map((d) => [d.path, d.severity])).toEqual([['Notes/2026-11-17 Team retro.md', 'warning']]);
    expect(out.diagnostics[0].message).toContain("names a group ('Team retro')");
  });

  it('a folder name that matches no client is a warning, not a new client', () => {
    const out = scan({ 'Calls/jordan-smith/2026-10-01.md': '## Action Items\n- [ ] A\n', 'Calls/Weekly sync/2026-10-02.md': '## Action Items\n- [ ] B\n' }, { ...FLEX, sessionFolders: ['Calls/**'] });
    expect(out.clients).toEqual([]);
    expect(out.diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['Calls/Weekly sync/2026-10-02.md', 'session note has no client; add client: "[[Name]]" (the client note\'s name) to its frontmatter'],
      ['Calls/jordan-smith/2026-10-01.md', expect.stringMatching(/'Jordan Smith' \(read from the note's folder, file name or text, as no client: key names one\) matches no client note/)],
    ]);
  });

  it('dates from a datetime, a Date: line, and next from a body line', () => {
    const out = scan({
      'a.md': '---\ntype: session\nclient: Ben\ncreated: 2026-10-13 09:30\n---\n## Commitments\n- [ ] A\n',
      'b.md': '---\ntype: session\nclient: Ben\n---\nDate: 2026-10-20\n## Commitments\n- [ ] B\nNext meeting (if scheduled): **2026-10-29**\n',
    });
    expect(out.sessions.map((s) => [s.date, s.next])).toEqual([
      ['2026-10-13', null],
      ['2026-10-20', '2026-10-29'],
    ]);
  });
});

describe('a note per client with a dated heading per session', () => {
  const note = [
    '---\ntype: person\naliases: [Lena]\n---',
    '# Lena Fischer',
    '## 2026-11-05 – Hiring',
    '- Key points: wants a junior',
    '- [ ] shortlist three applicants 📅 2026-11-06',
    '## [2026-10-15] - Studio',
    '- Follow-ups:',
    '    - [x] Lena: draft the brief ✅ 2026-10-28',
    '    - [ ] Me: send the checklist',
    '- Personal observations: calmer',
  ].join('\n');

  it('each dated section is a session at its heading’s line; its items are that session’s', () => {
    const out = scan({ 'People/Lena Fischer.md': note });
    expect(out.sessions.map((s) => [s.path, s.line, s.date, s.client])).toEqual([
      ['People/Lena Fischer.md', 6, '2026-11-05', 'Lena Fischer'],
      ['People/Lena Fischer.md', 9, '2026-10-15', 'Lena Fischer'],
    ]);
    expect(out.commitments.map((c) => [c.line, c.sessionDate, c.text, c.owner, c.status])).toEqual([
      [8, '2026-11-05', 'shortlist three applicants', 'client', 'open'],
      [11, '2026-10-15', 'draft the brief', 'client', 'done'],
      [12, '2026-10-15', 'send the checklist', 'coach', 'open'],
    ]);
  });
});

describe('action items as templates write them', () => {
  const session = (body: string, fm = 'type: session\nclient: "[[Ben Carter]]"\ndate: 2026-10-01\nnext: 2026-10-15') => `---\n${fm}\n---\n${body}`;

  it('extra headings (emoji-prefixed, H1), owner sub-headings, and template sub-sections that are not items', () => {
    const out = scan({
      's.md': session(
        [
          '# ✅ Action Items',
          "### Ben's commitments",
          '- [ ] Draft the budget',
          '### My commitments',
          '- [ ] Send the article',
          '### Next 1:1',
          '- [ ] Next meeting: 2026-10-15',
          '## Takeaways',
          '- [ ] Block focus time',
        ].join('\n'),
      ),
    });
    expect(out.commitments.map((c) => [c.text, c.owner])).toEqual([
      ['Draft the budget', 'client'],
      ['Send the article', 'coach'],
      ['Block focus time', 'client'],
    ]);
  });

  it('owners as prefixes and suffixes, removed from the text', () => {
    const out = scan({
      'Clients/Ben Carter.md': person('Ben Carter'),
      's.md': session(
        [
          '## Action items',
          '- [ ] Me: send the deck',
          '- [ ] Ben: draft the plan',
          '- [ ] Book the room @Priya',
          '- [ ] Hand over the accounts (Owner: Ben)',
          '- [ ] Share notes (assigned to me)',
          '- [ ] Confirm the date - @Sandra',
        ].join('\n'),
      ),
    });
    expect(out.commitments.map((c) => [c.text, c.owner])).toEqual([
      ['send the deck', 'coach'],
      ['draft the plan', 'client'],
      ['Book the room', 'coach'],
      ['Hand over the accounts', 'client'],
      ['Share notes', 'coach'],
      ['Confirm the date', 'Sandra'],
    ]);
  });

  it('due dates: emoji, key aliases, (Due: …), ⏳ when no 📅, phrases read forward from the session, never before it', () => {
    const out = scan({
      's.md': session(
        [
          '## Action items',
          '- [ ] A 📅 2026-10-20',
          '- [ ] B [DueDate:: 2026-10-21]',
          '- [ ] C (Due: 2026-10-22)',
          '- [ ] D ⏳ 2026-10-23',
          '- [ ] E by Oct 2',
          '- [ ] F on 12/2',
          '- [ ] G by Friday',
          '- [ ] H before next session',
          '- [ ] I by Sep 20',
          '- [ ] J every Friday',
        ].join('\n'),
      ),
    });
    expect(out.commitments.map((c) => [c.text[0], c.due, c.dueIsDefault])).toEqual([
      ['A', '2026-10-20', false],
      ['B', '2026-10-21', false],
      ['C', '2026-10-22', false],
      ['D', '2026-10-23', false],
      ['E', '2026-10-02', false],
      ['F', '2026-12-02', false],
      ['G', '2026-10-02', false],
      ['H', '2026-10-15', false],
      ['I', '2026-10-13', true],
      ['J', '2026-10-13', true],
    ]);
  });

  it('day/month order is a setting', () => {
    const out = scan({ 's.md': session('## Action items\n- [ ] F on 4/12') }, { ...FLEX, dateOrder: 'dmy' });
    expect(out.commitments[0].due).toBe('2026-12-04');
  });

  it('strikethrough is done (or let go when dropped); a Tasks recurrence stays out of the text', () => {
    const out = scan({
      's.md': session(['## Action items', '- ~~Send the invoice~~ done 10/3', '- ~~Phone off at 10pm~~ dropped for now', '- ~~Write a blog post~~ — parked until after the forum', '- [ ] Block focus time 🔁 every week'].join('\n')),
    });
    expect(out.commitments.map((c) => [c.text, c.status])).toEqual([
      ['Send the invoice', 'done'],
      ['Phone off at 10pm', 'let-go'],
      // Put aside, not done.
      ['Write a blog post', 'let-go'],
      ['Block focus time', 'open'],
    ]);
  });

  it('list items inside a callout read as if the > were not there', () => {
    const out = scan({ 's.md': session('> [!todo] Next steps\n> - [ ] Call the bank\n> - [x] Pay the rent\n\nAfter the callout.\n- [ ] Not an item') });
    expect(out.commitments.map((c) => [c.line, c.text, c.status])).toEqual([
      [8, 'Call the bank', 'open'],
      [9, 'Pay the rent', 'done'],
    ]);
  });

  it('a later note’s copy of earlier items is a check-in on the original, not a new commitment', () => {
    const out = scan({
      '1.md': session('## Action items\n- [ ] Write down the three decisions\n- [ ] Block focus time'),
      '2.md': session('### Outstanding Action Items\n- [x] Write down the three decisions\n- [ ] Block focus time\n## Action Items\n- [ ] Run the first delegation talk', 'type: session\nclient: "[[Ben Carter]]"\ndate: 2026-10-15'),
    });
    expect(out.commitments.map((c) => [c.session, c.text, c.status])).toEqual([
      ['1.md', 'Write down the three decisions', 'done'],
      ['1.md', 'Block focus time', 'open'],
      ['2.md', 'Run the first delegation talk', 'open'],
    ]);
    expect(out.commitments[0].checkIns).toEqual([{ date: '2026-10-15', status: 'done', note: 'marked done in 2' }]);
  });
});

describe('daily notes with a coaching section', () => {
  it('a section naming a client is a session on the daily note’s date; other sections are not', () => {
    const out = scan(
      {
        'Clients/Daniel Reyes.md': person('Daniel Reyes'),
        'Daily/2026-10-05.md': '# Monday\n### General\n- [ ] Buy milk\n### Coaching — [[Daniel Reyes]]\n- [ ] Hold a skip-level lunch\n### [[Project X]]\n- [ ] Ship it\n',
      },
      { ...FLEX, dailyNotesFolder: 'Daily' },
    );
    expect(out.sessions.map((s) => [s.path, s.line, s.client, s.date])).toEqual([['Daily/2026-10-05.md', 4, 'Daniel Reyes', '2026-10-05']]);
    expect(out.commitments.map((c) => c.text)).toEqual(['Hold a skip-level lunch']);
  });
});

describe('precision: a vault with no coaching in it', () => {
  it('help-style notes with "Next steps" headings and links, but no dates, read as nothing and raise no warning', () => {
    const out = scan(
      {
        'en/Sync/Set up Sync.md': '# Set up Sync\nSee [[Sync settings]].\n## Next steps\n- Read [[Sync FAQ]]\n- [ ] Try it\n',
        'en/Plugins/Core plugins.md': '---\naliases: [Plugins]\n---\n## To do\n- [[Backlinks]]\n',
      },
      {},
    );
    expect([out.sessions, out.commitments, out.diagnostics]).toEqual([[], [], []]);
  });
});

describe('numbered and GROW headings', () => {
  it("a GROW template's Will / Way forward holds the items, its Goal, Reality and Options do not, numbered or not", () => {
    const note = (heading: string) =>
      ['---', 'type: session', 'client: Ben Carter', 'date: 2026-11-20', '---', '## 1. Goal', '- [ ] Be promoted by June', '## 2. Reality', '- [ ] Two reviews missed', '## 3. Options', '- [ ] Ask for a mentor', `## ${heading}`, '- [ ] Book the talk with Dana by Tuesday', ''].join('\n');
    for (const heading of ['4. Will', 'W – Way Forward', '4️⃣ Will (Way Forward)', 'Way forward', 'IV. Will']) {
      const out = scan({ 'S/2026-11-20 Ben Carter.md': note(heading) });
      expect(out.commitments.map((c) => [c.text, c.due]), heading).toEqual([['Book the talk with Dana by Tuesday', '2026-11-24']]);
    }
  });

  it('a numbered action heading is read in our own format too (`## 3. Commitments`)', () => {
    const out = scan({ 'S/1.md': ['---', 'type: session', 'client: Ben Carter', 'date: 2026-11-20', '---', '## 3. Commitments', '- [ ] Send the deck', ''].join('\n') }, {});
    expect(out.commitments.map((c) => c.text)).toEqual(['Send the deck']);
  });
});

describe("the coach's own list, in the languages vaults are kept in", () => {
  it("'My follow-ups', 'Mis tareas', 'Meus follow-ups', 'Minhas tarefas', 'Mes actions', 'Meine Aufgaben', 'Mijn acties' hold the coach's items, as a heading or under Action items", () => {
    for (const h of ['My follow-ups', 'Mis tareas', 'Meus follow-ups', 'Minhas tarefas', 'Mes actions', 'Meine Aufgaben', 'Mijn acties']) {
      for (const lines of [[`## ${h}`, '- [ ] Call the venue'], ['## Action items', '- [ ] Send the deck', `### ${h}`, '- [ ] Call the venue']]) {
        const out = scan({ 'S/2026-11-20 Ben Carter.md': ['---', 'type: session', 'client: Ben Carter', 'date: 2026-11-20', '---', ...lines, ''].join('\n') });
        const venue = out.commitments.find((c) => c.text === 'Call the venue');
        expect(venue?.owner, `${h} in ${lines[0]}`).toBe('coach');
      }
    }
  });
});

describe('due dates templates write under the item', () => {
  it("'- Due: …' on a line of its own under the item is its due date, not a note; a weekday named on that weekday is a week on", () => {
    const note = (detail: string) => ({ 'S/2026-11-20 Ben Carter.md': ['---', 'type: session', 'client: Ben Carter', 'date: 2026-11-20', '---', '## Action items', '- [ ] Send the deck to Dana', `  - ${detail}`, ''].join('\n') });
    for (const [detail, due] of [
      ['Due: 2026-11-27', '2026-11-27'],
      ['**Due:** 27.11.2026', '2026-11-27'],
      ['Due date: Nov 30', '2026-11-30'],
      ['Deadline: next Tuesday', '2026-11-24'],
      ['Due: Friday', '2026-11-27'],
    ]) {
      const out = scan(note(detail));
      expect(out.commitments.map((c) => [c.due, c.dueIsDefault, c.notes]), detail).toEqual([[due, false, []]]);
    }
    // Anything else under the item is still a note.
    expect(scan(note('Notes: due soon')).commitments.map((c) => [c.dueIsDefault, c.notes])).toEqual([[true, ['Notes: due soon']]]);
  });
});

describe('due phrases in the languages vaults are kept in', () => {
  it("'até 16/10', 'para el 13/10', 'pour le 13/10', 'bis 14.10.', 'voor 13-10-2026' and '(@2026-10-10)' are due dates, day first, after the session", () => {
    const items = ['Enviar o relatório até 16/10', 'Mandar el informe para el 13/10', 'Envoyer le rapport pour le 13/10', 'Bericht schicken bis 14.10.', 'Rapport sturen voor 13-10-2026', 'Send the deck (@2026-10-10)', 'Reservar mesa para 2 personas'];
    const out = scan({ 'S/2026-10-06 Ben Carter.md': ['---', 'type: session', 'client: Ben Carter', 'date: 2026-10-06', '---', '## Action items', ...items.map((t) => `- [ ] ${t}`), ''].join('\n') });
    expect(out.commitments.map((c) => [c.due, c.dueIsDefault])).toEqual([
      ['2026-10-16', false],
      ['2026-10-13', false],
      ['2026-10-13', false],
      ['2026-10-14', false],
      ['2026-10-13', false],
      ['2026-10-10', false],
      ['2026-10-18', true],
    ]);
  });
});

describe('a date inside a condition', () => {
  it("'If it rains tomorrow, take the bus' has no due date from 'tomorrow'; the plan's own date still counts", () => {
    const items = ['If it rains tomorrow, take the bus', 'When I get home on Friday, send the deck', 'If the quote comes in, call the printer by Friday', 'Take the bus tomorrow'];
    const out = scan({ 'S/2026-11-17 Ben Carter.md': ['---', 'type: session', 'client: Ben Carter', 'date: 2026-11-17', '---', '## Action items', ...items.map((t) => `- [ ] ${t}`), ''].join('\n') });
    expect(out.commitments.map((c) => [c.due, c.dueIsDefault])).toEqual([
      ['2026-11-29', true],
      ['2026-11-29', true],
      ['2026-11-20', false],
      ['2026-11-18', false],
    ]);
  });
});

describe("a note's checklists are not its commitments", () => {
  it('in a note without an action heading, boxes under an ICF competency checklist or the agenda are not read; the rest are', () => {
    const out = scan({
      'S/2026-11-20 Ben Carter.md': ['---', 'type: session', 'client: Ben Carter', 'date: 2026-11-20', '---', '## Agenda', '- [x] Review last week', '- [x] Pricing', '## ICF core competencies', '- [x] Establishes and maintains agreements', '- [x] Evokes awareness', '### Markers', '- [ ] Partners with the client', '## Notes', '- [ ] Send Ben the pricing sheet by Tuesday', ''].join('\n'),
    });
    expect(out.commitments.map((c) => c.text)).toEqual(['Send Ben the pricing sheet by Tuesday']);
  });
});

describe("the coach's name leading an item", () => {
  it("'Priya ask the infra team for the logs' and 'Priya Nair review the draft' are the coach's, the name leaving the text", () => {
    const items = ['Priya ask the infra team for the logs', 'Priya Nair review the draft', 'Priyanka call the venue', 'Ben send the deck'];
    const out = scan({ 'S/2026-11-20 Ben Carter.md': ['---', 'type: session', 'client: Ben Carter', 'date: 2026-11-20', '---', '## Action items', ...items.map((t) => `- [ ] ${t}`), ''].join('\n') });
    expect(out.commitments.map((c) => [c.text, c.owner])).toEqual([
      ['ask the infra team for the logs', 'coach'],
      ['review the draft', 'coach'],
      ['Priyanka call the venue', 'client'],
      ['Ben send the deck', 'client'],
    ]);
  });
});

describe('a due field shown as code, in the flexible layout', () => {
  it('`DueDate:: 2026-12-05` or `[due:: …]` inside backticks stays in the text and gives no due date', () => {
    const out = scan({ 'S/2026-11-20 Ben Carter.md': ['---', 'type: session', 'client: Ben Carter', 'date: 2026-11-20', '---', '## Action items', '- [ ] Explain `DueDate:: 2026-12-05` to the team', '- [ ] Explain `[due:: 2026-12-06]` too', ''].join('\n') });
    expect(out.commitments.map((c) => [c.text, c.dueIsDefault])).toEqual([
      ['Explain `DueDate:: 2026-12-05` to the team', true],
      ['Explain `[due:: 2026-12-06]` too', true],
    ]);
  });
});
