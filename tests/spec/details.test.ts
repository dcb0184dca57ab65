import { describe, it, expect } from 'vitest';
import { commitmentsNote, only, scanOne, sessionNote } from './helpers';

/** The only commitment of a note whose Commitments section is `line` with `children` under it. */
function withChildren(children: string[], line = '- [ ] Send 10 outreach messages') {
  return only(scanOne(commitmentsNote([line, ...children], { next: '2026-12-04' })));
}

describe('detail lines: trigger', () => {
  it('`when: …` is the trigger', () => {
    const c = withChildren(["    - when: I pour Monday's coffee"]);
    expect(c.trigger).toBe("I pour Monday's coffee");
    expect(c.notes).toEqual([]);
  });

  it('`trigger: …` is the trigger', () => {
    const c = withChildren(['    - trigger: I open my laptop after lunch']);
    expect(c.trigger).toBe('I open my laptop after lunch');
  });

  it('the natural "When …, I\'ll …" sentence gives the cue as the trigger', () => {
    const c = withChildren(["    - When I sit down with my coffee on Monday, I'll send the first message"]);
    expect(c.trigger).toBe('I sit down with my coffee on Monday');
    expect(c.coping).toBeNull();
  });

  it('"Whenever possible, …" is not a when-then sentence: it is kept as a note', () => {
    // Ambiguity: the contract gives the "When X, I'll Y" form; "Whenever" is read as a plain note.
    const c = withChildren(['    - Whenever possible, batch them in the morning']);
    expect(c.trigger).toBeNull();
    expect(c.notes).toEqual(['Whenever possible, batch them in the morning']);
  });
});

describe('detail lines: coping', () => {
  it('`if: A then: B` is a coping plan', () => {
    const c = withChildren(["    - if: the kids are sick then: I'll do it Wednesday evening"]);
    expect(c.coping).toEqual({ obstacle: 'the kids are sick', response: "I'll do it Wednesday evening" });
  });

  it('`coping: A -> B` is a coping plan', () => {
    const c = withChildren(['    - coping: meetings eat Monday -> first thing Tuesday']);
    expect(c.coping).toEqual({ obstacle: 'meetings eat Monday', response: 'first thing Tuesday' });
  });

  it('`coping: A -> B -> C` splits at the first arrow', () => {
    const c = withChildren(['    - coping: travel week -> two messages a day -> catch up Friday']);
    expect(c.coping).toEqual({ obstacle: 'travel week', response: 'two messages a day -> catch up Friday' });
  });

  it('`coping: …` without an arrow: obstacle null, the whole text is the response', () => {
    // The contract states this rule for "a coping field"; read here as applying to the detail line too.
    const c = withChildren(['    - coping: ask Sam to cover the Monday stand-up']);
    expect(c.coping).toEqual({ obstacle: null, response: 'ask Sam to cover the Monday stand-up' });
  });

  it('the natural "If …, then …" sentence is a coping plan', () => {
    const c = withChildren(["    - If Monday gets swallowed by meetings, then I'll do it first thing Tuesday"]);
    expect(c.coping).toEqual({ obstacle: 'Monday gets swallowed by meetings', response: "I'll do it first thing Tuesday" });
    expect(c.trigger).toBeNull();
  });
});

describe('detail lines: confidence', () => {
  it('`confidence: 7` is confidence 7', () => {
    expect(withChildren(['    - confidence: 7']).confidence).toBe(7);
  });

  it('`confidence 7/10` is confidence 7', () => {
    expect(withChildren(['    - confidence 7/10']).confidence).toBe(7);
  });

  it('`confidence: 10` is confidence 10', () => {
    expect(withChildren(['    - confidence: 10']).confidence).toBe(10);
  });

  it('is null when not given', () => {
    expect(withChildren([]).confidence).toBeNull();
  });
});

describe('detail lines: check-ins', () => {
  it('`2026-11-28 stuck: meetings ate Monday` is a check-in', () => {
    const c = withChildren(['    - 2026-11-28 stuck: meetings ate Monday']);
    expect(c.checkIns).toEqual([expect.objectContaining({ date: '2026-11-28', status: 'stuck', note: 'meetings ate Monday' })]);
    expect(c.notes).toEqual([]);
  });

  it.each(['done', 'partial', 'stuck', 'skipped'])('reads the status word %s', (word) => {
    const c = withChildren([`    - 2026-11-28 ${word}: said so on the call`]);
    expect(c.checkIns).toEqual([expect.objectContaining({ date: '2026-11-28', status: word, note: 'said so on the call' })]);
  });

  it('a check-in without a note has note null', () => {
    // Ambiguity: the contract only shows `date status: note`. A bare `date status` is read as a
    // check-in with no note.
    const c = withChildren(['    - 2026-11-29 done']);
    expect(c.checkIns).toEqual([expect.objectContaining({ date: '2026-11-29', status: 'done', note: null })]);
  });

  it('keeps every check-in, in the order written', () => {
    const c = withChildren([
      '    - 2026-11-24 partial: sent four',
      '    - 2026-11-28 stuck: meetings ate Monday',
      '    - 2026-12-01 done: all ten sent',
    ]);
    expect(c.checkIns.map((k) => [k.date, k.status, k.note])).toEqual([
      ['2026-11-24', 'partial', 'sent four'],
      ['2026-11-28', 'stuck', 'meetings ate Monday'],
      ['2026-12-01', 'done', 'all ten sent'],
    ]);
  });

  it('no check-ins is an empty list', () => {
    expect(withChildren([]).checkIns).toEqual([]);
  });
});

describe('detail lines: learned and notes', () => {
  it('`learned: …` is kept as what the client learned, not as a note', () => {
    const c = withChildren(['    - 2026-11-28 stuck: meetings ate Monday', '    - learned: mornings only stay free if I block them']);
    expect(c.learned).toEqual(['mornings only stay free if I block them']);
    expect(c.notes).toEqual([]);
    expect(c.checkIns).toHaveLength(1);
  });

  it('anything else is a note, kept and not interpreted', () => {
    const c = withChildren(['    - Ask Priya for the message template', '    - she has a list of 40 leads already']);
    expect(c.notes).toEqual(['Ask Priya for the message template', 'she has a list of 40 leads already']);
    expect(c.trigger).toBeNull();
    expect(c.coping).toBeNull();
    expect(c.confidence).toBeNull();
    expect(c.checkIns).toEqual([]);
    expect(c.learned).toEqual([]);
    // A note never changes the commitment line's own values.
    expect(c.text).toBe('Send 10 outreach messages');
    expect(c.status).toBe('open');
  });

  it('an indented checkbox under a commitment is a detail, not a commitment', () => {
    const out = scanOne(commitmentsNote(['- [ ] Send 10 outreach messages', '    - [ ] find the 10 names', '    - [x] write the template']));
    expect(out.commitments.map((c) => c.text)).toEqual(['Send 10 outreach messages']);
  });
});

describe('detail lines: all together and in various shapes', () => {
  it('reads every kind of detail line under one commitment', () => {
    const c = withChildren([
      "    - When I sit down with my coffee on Monday, I'll send the first message",
      "    - If Monday gets swallowed by meetings, then I'll do it first thing Tuesday",
      '    - confidence 7/10',
      '    - 2026-11-28 stuck: meetings ate Monday',
      '    - learned: block the mornings',
      '    - Ask Priya for the template',
    ]);
    expect(c).toMatchObject({
      trigger: 'I sit down with my coffee on Monday',
      coping: { obstacle: 'Monday gets swallowed by meetings', response: "I'll do it first thing Tuesday" },
      confidence: 7,
      learned: ['block the mornings'],
      notes: ['Ask Priya for the template'],
      status: 'stuck',
    });
    expect(c.checkIns).toEqual([expect.objectContaining({ date: '2026-11-28', status: 'stuck', note: 'meetings ate Monday' })]);
  });

  it.each([
    ['two spaces', '  - '],
    ['four spaces', '    - '],
    ['a tab', '\t- '],
  ])('children indented with %s are details', (_label, prefix) => {
    const c = withChildren([`${prefix}when: I pour Monday's coffee`, `${prefix}confidence: 7`, `${prefix}2026-11-28 stuck: meetings ate Monday`]);
    expect(c.trigger).toBe("I pour Monday's coffee");
    expect(c.confidence).toBe(7);
    expect(c.checkIns).toHaveLength(1);
  });

  it('children with `*` markers are details too', () => {
    const c = withChildren(["  * when: I pour Monday's coffee", '  * confidence: 7']);
    expect(c.trigger).toBe("I pour Monday's coffee");
    expect(c.confidence).toBe(7);
  });

  it('capitalised keys (as a coach starting a bullet would type them) are read', () => {
    // Ambiguity: the contract writes the keys in lower case; only headings say "any case".
    // Reading chosen: a coach capitalising the first word of a bullet still means the same key.
    const c = withChildren(["    - When: I pour Monday's coffee", '    - Confidence: 8', '    - Learned: it was easier than expected']);
    expect(c.trigger).toBe("I pour Monday's coffee");
    expect(c.confidence).toBe(8);
    expect(c.learned).toEqual(['it was easier than expected']);
  });

  it('details belong to their own commitment only', () => {
    const out = scanOne(
      commitmentsNote([
        '- [ ] Send 10 outreach messages',
        '    - confidence: 7',
        '    - 2026-11-28 stuck: meetings ate Monday',
        '- [ ] Practice the pitch out loud',
        "    - when: I'm in the car",
      ]),
    );
    const [send, practice] = out.commitments;
    expect(send).toMatchObject({ text: 'Send 10 outreach messages', confidence: 7, trigger: null });
    expect(send.checkIns).toHaveLength(1);
    expect(practice).toMatchObject({ text: 'Practice the pitch out loud', confidence: null, trigger: "I'm in the car" });
    expect(practice.checkIns).toEqual([]);
  });

  it('details under a plain bullet', () => {
    const c = withChildren(['    - confidence: 5', '    - 2026-11-28 partial: three sent'], '- Send 10 outreach messages');
    expect(c.confidence).toBe(5);
    expect(c.status).toBe('partial');
  });

  it('details under a #commitment-tagged item outside the commitments section', () => {
    // The contract states children-are-details for the list under a heading; read as applying to
    // a tagged item's children too.
    const out = scanOne(
      sessionNote({ next: '2026-12-04' }, [
        '## Notes',
        '- [ ] Call the accountant #commitment',
        '    - when: I get back from the school run',
        '    - confidence: 9',
      ]),
    );
    const c = only(out);
    expect(c).toMatchObject({ text: 'Call the accountant', trigger: 'I get back from the school run', confidence: 9 });
  });
});
