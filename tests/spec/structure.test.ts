import { describe, it, expect } from 'vitest';
import { crlf, lineOf, note, clientNote, only, scan, scanOne, sessionNote, texts } from './helpers';

describe('commitments headings', () => {
  it.each(['Commitments', 'Action items', 'Homework', 'Between sessions'])('`## %s` holds commitments', (name) => {
    const out = scanOne(sessionNote({}, [`## ${name}`, '- [ ] Send 10 outreach messages']));
    expect(texts(out)).toEqual(['Send 10 outreach messages']);
  });

  it.each(['#', '##', '###', '####', '#####', '######'])('any level: `%s Commitments`', (hashes) => {
    const out = scanOne(sessionNote({}, [`${hashes} Commitments`, '- [ ] Send 10 outreach messages']));
    expect(texts(out)).toEqual(['Send 10 outreach messages']);
  });

  it.each(['COMMITMENTS', 'commitments', 'Action Items', 'ACTION ITEMS', 'action items', 'homework', 'HOMEWORK', 'Between Sessions', 'between sessions', 'BETWEEN SESSIONS'])(
    'any case: `## %s`',
    (name) => {
      const out = scanOne(sessionNote({}, [`## ${name}`, '- [ ] Send 10 outreach messages']));
      expect(texts(out)).toEqual(['Send 10 outreach messages']);
    },
  );

  it('other headings do not hold commitments', () => {
    const out = scanOne(
      sessionNote({}, ['## Notes', '- [ ] Renew the gym pass', '## Wins', '- Closed a client last week', '## Next time', '- [ ] Ask about pricing']),
    );
    expect(out.commitments).toEqual([]);
  });

  it('items before the heading are not commitments', () => {
    const out = scanOne(sessionNote({}, ['- [ ] Renew the gym pass', '', '## Commitments', '- [ ] Send 10 outreach messages']));
    expect(texts(out)).toEqual(['Send 10 outreach messages']);
  });

  it('a note may have several commitments sections', () => {
    const out = scanOne(
      sessionNote({}, [
        '## Commitments',
        '- [ ] Send 10 outreach messages',
        '## Notes',
        '- [ ] Renew the gym pass',
        '## Homework',
        '- [ ] Journal for ten minutes every evening',
      ]),
    );
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Journal for ten minutes every evening']);
  });

  it('paragraph text under the heading is not a commitment', () => {
    const out = scanOne(sessionNote({}, ['## Commitments', 'Jane agreed to the following:', '', '- [ ] Send 10 outreach messages', '', 'We will review on the 4th.']));
    expect(texts(out)).toEqual(['Send 10 outreach messages']);
  });

  it('top-level items separated by blank lines are all commitments', () => {
    const out = scanOne(sessionNote({}, ['## Commitments', '', '- [ ] Send 10 outreach messages', '', '- [ ] Practice the pitch out loud', '', '']));
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
  });

  it('`* ` and `+ ` list markers count like `- `', () => {
    // Ambiguity: the contract writes `- `; Markdown (and Obsidian) treat `*` and `+` the same.
    const out = scanOne(sessionNote({}, ['## Commitments', '* [ ] Send 10 outreach messages', '+ [x] Practice the pitch out loud', '* Draft the proposal']));
    expect(out.commitments.map((c) => [c.text, c.status])).toEqual([
      ['Send 10 outreach messages', 'open'],
      ['Practice the pitch out loud', 'done'],
      ['Draft the proposal', 'open'],
    ]);
  });
});

describe('where a commitments section ends', () => {
  it('at the next heading of the same level', () => {
    const out = scanOne(sessionNote({}, ['## Commitments', '- [ ] Send 10 outreach messages', '## Notes', '- [ ] Renew the gym pass', '- Buy a new notebook']));
    expect(texts(out)).toEqual(['Send 10 outreach messages']);
  });

  it('at the next heading of a higher level', () => {
    const out = scanOne(sessionNote({}, ['### Commitments', '- [ ] Send 10 outreach messages', '# Appendix', '- [ ] Renew the gym pass']));
    expect(texts(out)).toEqual(['Send 10 outreach messages']);
  });

  it('at a higher level after a deeper one', () => {
    const out = scanOne(sessionNote({}, ['### Commitments', '- [ ] Send 10 outreach messages', '#### Stretch', '- [ ] Practice the pitch out loud', '## Notes', '- [ ] Renew the gym pass']));
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
  });

  it('NOT at a deeper subheading: items under it are still commitments', () => {
    const out = scanOne(
      sessionNote({}, [
        '## Commitments',
        '- [ ] Send 10 outreach messages',
        '### For Monday',
        '- [ ] Schedule the follow-up calls',
        '#### Stretch goals',
        '- Draft the proposal',
        '### Notes from Jane',
        '- [ ] Journal for ten minutes every evening',
        '## Notes',
        '- [ ] Renew the gym pass',
      ]),
    );
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Schedule the follow-up calls', 'Draft the proposal', 'Journal for ten minutes every evening']);
  });

  it('runs to the end of the note when no heading follows', () => {
    const out = scanOne(sessionNote({}, ['# Session', '## Commitments', '- [ ] Send 10 outreach messages', '', 'Some closing words.', '', '- [ ] Practice the pitch out loud']));
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
  });
});

describe('only top-level items are commitments', () => {
  it('indented children are details, not commitments', () => {
    const out = scanOne(
      sessionNote({}, [
        '## Commitments',
        '- [ ] Send 10 outreach messages',
        '    - [ ] find the names',
        '    - write the template',
        '        - [ ] ask Priya for hers',
        '- [ ] Practice the pitch out loud',
        '\t- [ ] record it once',
      ]),
    );
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
  });
});

describe('#commitment-tagged checkboxes elsewhere in a session note', () => {
  it('a tagged checkbox under another heading is a commitment, the tag removed', () => {
    const text = sessionNote({}, ['## Notes', 'Jane mentioned the accountant.', '- [ ] Call the accountant #commitment', '- [ ] Renew the gym pass']);
    const c = only(scanOne(text));
    expect(c.text).toBe('Call the accountant');
    expect(c.line).toBe(lineOf(text, 'Call the accountant'));
    expect(c.status).toBe('open');
  });

  it('before any heading', () => {
    const c = only(scanOne(sessionNote({}, ['- [x] Call the accountant #commitment', '', '# Session'])));
    expect(c).toMatchObject({ text: 'Call the accountant', status: 'done' });
  });

  it('the tag is removed wherever it is on the line', () => {
    const out = scanOne(
      sessionNote({}, [
        '## Notes',
        '- [ ] #commitment Call the accountant',
        '- [ ] Send the #commitment invoice to Acme',
        '- [/] Draft the proposal #commitment [due:: 2026-11-30] ^p1',
      ]),
    );
    expect(out.commitments.map((c) => [c.text.replace(/\s+/g, ' '), c.status])).toEqual([
      ['Call the accountant', 'open'],
      ['Send the invoice to Acme', 'open'],
      ['Draft the proposal', 'partial'],
    ]);
    expect(out.commitments[2]).toMatchObject({ id: 'p1', due: '2026-11-30', dueIsDefault: false });
  });

  it('a tagged item under a commitments heading is one commitment, the tag removed', () => {
    const out = scanOne(sessionNote({}, ['## Commitments', '- [ ] Send 10 outreach messages #commitment']));
    expect(texts(out)).toEqual(['Send 10 outreach messages']);
  });

  it('an untagged checkbox outside the section is not a commitment', () => {
    const out = scanOne(sessionNote({}, ['## Notes', '- [ ] Renew the gym pass', '- [x] Bought the notebook']));
    expect(out.commitments).toEqual([]);
  });

  it('a tagged plain bullet (no checkbox) outside the section is not a commitment', () => {
    // Ambiguity/literal reading: the contract says "a checkbox item tagged #commitment".
    const out = scanOne(sessionNote({}, ['## Notes', '- Call the accountant #commitment']));
    expect(out.commitments).toEqual([]);
  });

  it('a different tag (#commitments, #commitment-ideas) is not the tag', () => {
    // Obsidian tags end at the first character that cannot be part of a tag.
    const out = scanOne(sessionNote({}, ['## Notes', '- [ ] Call the accountant #commitments', '- [ ] Read the book #commitment-ideas']));
    expect(out.commitments).toEqual([]);
  });

  it('in a note that is not a session note, a tagged checkbox is not a commitment', () => {
    const out = scan({
      'Daily/2026-11-21.md': note(null, ['- [ ] Call the accountant #commitment']),
      'Clients/Jane Doe.md': clientNote({}, ['## Commitments', '- [ ] Send 10 outreach messages #commitment']),
      'Projects/Plan.md': note({ type: 'project' }, ['## Commitments', '- [ ] Draft the proposal']),
    });
    expect(out.commitments).toEqual([]);
  });
});

describe('lines that are never commitments', () => {
  it('fenced code blocks (``` and ~~~), even under the heading and even tagged', () => {
    const out = scanOne(
      sessionNote({}, [
        '## Commitments',
        '- [ ] Send 10 outreach messages',
        '```',
        '- [ ] Not a commitment',
        '- [ ] Not one either #commitment',
        '```',
        '~~~markdown',
        '- [ ] Still not a commitment',
        '~~~',
        '- [ ] Practice the pitch out loud',
        '## Notes',
        '```md',
        '- [ ] Tagged but fenced #commitment',
        '```',
      ]),
    );
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
  });

  it('a heading inside a fence neither opens nor closes a section', () => {
    const out = scanOne(
      sessionNote({}, [
        '## Notes',
        '```',
        '## Commitments',
        '- [ ] Not a commitment',
        '```',
        '- [ ] Renew the gym pass',
        '## Commitments',
        '- [ ] Send 10 outreach messages',
        '```',
        '## Notes',
        '```',
        '- [ ] Practice the pitch out loud',
      ]),
    );
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
  });

  it('single-line HTML comments', () => {
    const out = scanOne(
      sessionNote({}, [
        '## Commitments',
        '<!-- - [ ] Not a commitment -->',
        '- [ ] Send 10 outreach messages',
        '<!-- - [ ] Call the accountant #commitment -->',
      ]),
    );
    expect(texts(out)).toEqual(['Send 10 outreach messages']);
  });

  it('multi-line HTML comments', () => {
    const text = sessionNote({}, [
      '## Commitments',
      '<!--',
      '- [ ] Not a commitment',
      '- Not one either',
      '- [ ] Tagged but commented #commitment',
      '## Notes',
      '-->',
      '- [ ] Send 10 outreach messages',
      '<!-- start',
      '- [ ] Still commented',
      'end -->',
      '- [ ] Practice the pitch out loud',
    ]);
    const out = scanOne(text);
    expect(texts(out)).toEqual(['Send 10 outreach messages', 'Practice the pitch out loud']);
    expect(out.commitments.map((c) => c.line)).toEqual([lineOf(text, 'Send 10'), lineOf(text, 'Practice the pitch')]);
  });

  it('frontmatter', () => {
    const text = sessionNote({ summary: '|\n  - [ ] Not a commitment #commitment\n  ## Commitments\n  - [ ] Not one either' }, [
      '## Notes',
      '- [ ] Renew the gym pass',
    ]);
    const out = scanOne(text);
    expect(out.commitments).toEqual([]);
    expect(out.sessions).toHaveLength(1);
  });

  it('frontmatter lines still count for line numbers', () => {
    const text = sessionNote({ next: '2026-12-04', coach: 'Priya', summary: '|\n  line one\n  line two' }, ['## Commitments', '- [ ] Send 10 outreach messages']);
    // ---, type, client, date, next, coach, summary + 2, ---, heading => the item is line 12.
    expect(lineOf(text, 'Send 10')).toBe(12);
    expect(only(scanOne(text)).line).toBe(12);
  });
});

describe('line endings and indentation', () => {
  const body = [
    '# Session',
    '',
    '## Commitments',
    '- [ ] Send 10 outreach messages [due:: 2026-12-02] ^c7f3a',
    "    - When I sit down with my coffee on Monday, I'll send the first message",
    '    - confidence: 7',
    '    - 2026-11-28 stuck: meetings ate Monday',
    '- [x] Draft the proposal ✅ 2026-11-25 ^d2',
    '## Notes',
    '- [ ] Call the accountant #commitment',
  ];
  const lf = sessionNote({ next: '2026-12-04' }, body);

  it('CRLF notes scan exactly like LF notes', () => {
    const a = scanOne(lf);
    const b = scanOne(crlf(lf));
    expect(b.commitments).toEqual(a.commitments);
    expect(b.sessions).toEqual(a.sessions);
    expect(b.commitments.map((c) => c.text)).toEqual(['Send 10 outreach messages', 'Draft the proposal', 'Call the accountant']);
  });

  it('CRLF: no carriage return leaks into any value', () => {
    const out = scanOne(crlf(lf));
    expect(JSON.stringify(out)).not.toContain('\\r');
    const c = out.commitments[0];
    expect(c).toMatchObject({ id: 'c7f3a', due: '2026-12-02', confidence: 7, trigger: 'I sit down with my coffee on Monday' });
    expect(c.checkIns).toEqual([expect.objectContaining({ date: '2026-11-28', status: 'stuck', note: 'meetings ate Monday' })]);
    expect(out.commitments[1]).toMatchObject({ id: 'd2', doneDate: '2026-11-25' });
    expect(out.sessions[0]).toMatchObject({ client: 'Jane Doe', date: '2026-11-20', next: '2026-12-04' });
  });

  it('CRLF: line numbers are the same', () => {
    const out = scanOne(crlf(lf));
    expect(out.commitments.map((c) => c.line)).toEqual([lineOf(lf, 'Send 10'), lineOf(lf, 'Draft the proposal'), lineOf(lf, 'Call the accountant')]);
  });

  it('CRLF in a client note', () => {
    const out = scan({ 'Clients/Jane Doe.md': crlf(clientNote({ coach: 'Sam', cadence: 'weekly', accountability: 'active' })) });
    expect(out.clients[0]).toMatchObject({ name: 'Jane Doe', coach: 'Sam', cadence: 7, accountability: 'active' });
  });

  it('tab-indented children scan like space-indented ones', () => {
    const tabbed = lf.replace(/\n {4}- /g, '\n\t- ');
    expect(tabbed).toContain('\n\t- confidence: 7');
    const a = scanOne(lf);
    const b = scanOne(tabbed);
    expect(b.commitments).toEqual(a.commitments);
  });

  it('two-space-indented children scan like four-space-indented ones', () => {
    const two = lf.replace(/\n {4}- /g, '\n  - ');
    expect(scanOne(two).commitments).toEqual(scanOne(lf).commitments);
  });
});
