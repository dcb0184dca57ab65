import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_FINDING_KINDS,
  AGREEMENT_TEMPLATE,
  AgreementIndex,
  agreementFileName,
  agreementTemplate,
  checkAgreement,
  checkInMinutes,
  findDate,
  frequencyDays,
  isActionableSupport,
  isVagueGoal,
  parseAgreement,
  type Agreement,
  type AgreementFinding,
} from '../../src/core/agreements';
import { judgementWords } from '../../src/core/nudges/template';
import { DEMO_ROOT, lineOf } from '../nudges/helpers';

const DEMO_PATH = 'Agreements/Alex and Jordan.md';
const DEMO_TEXT = readFileSync(join(DEMO_ROOT, DEMO_PATH), 'utf8');
const demo = parseAgreement(DEMO_PATH, DEMO_TEXT)!;

interface Parts {
  frontmatter?: string[];
  goals?: string[];
  checkins?: string[];
  support?: string[];
  consequences?: string[] | null;
  recalibration?: string[] | null;
  agenda?: { heading: string; items: string[] } | null;
}

/** A sound agreement between Sam Lee and Ana Ruiz; each test breaks one part. */
function agreement(p: Parts = {}): string {
  const lines = [
    '---',
    'type: agreement',
    'partners:',
    '  - "[[Sam Lee]]"',
    '  - Ana Ruiz',
    'created: 2026-11-02',
    ...(p.frontmatter ?? ['recalibrate: 2027-02-01']),
    '---',
    '# Sam and Ana',
    '',
    '## Goals',
    ...(p.goals ?? ['### Sam', '- Publish 2 blog posts a week until the end of January.', '', '### Ana', '- Send 5 pitches every Friday.']),
    '',
    '## Check-in frequency and format',
    ...(p.checkins ?? ['- Weekly on Fridays, by message: three lines each.']),
    '',
    '## Support style',
    ...(p.support ?? [
      '- Sam: "If I miss a commitment, ask me what got in the way before offering suggestions."',
      "- Ana: When I go quiet for two days, text me one question about what I'm working on.",
    ]),
    '',
  ];
  if (p.consequences !== null) lines.push('## Consequence mechanism', ...(p.consequences ?? ['- Two missed check-ins in a row: the one who missed buys coffee.']), '');
  if (p.recalibration !== null) lines.push('## Recalibration date', ...(p.recalibration ?? ['1 February 2027: review goals and format.']), '');
  if (p.agenda !== null) {
    const a = p.agenda ?? { heading: 'Check-in agenda (monthly call)', items: ['1. Wins', '2. What got in the way'] };
    lines.push(`## ${a.heading}`, ...a.items, '');
  }
  return lines.join('\n');
}

const AS_OF = '2026-12-01';
const check = (text: string, asOf = AS_OF) => checkAgreement(parseAgreement('Agreements/a.md', text)!, asOf);
const kinds = (f: AgreementFinding[]) => f.map((x) => `${x.kind}@${x.line}`);

describe('parseAgreement: the demo agreement', () => {
  it('reads partners, coach, dates and cadence', () => {
    expect(demo.partners).toEqual([
      { name: 'Jordan Ellis', line: lineOf(DEMO_TEXT, '[[Jordan Ellis]]') },
      { name: 'Alex Moreau', line: lineOf(DEMO_TEXT, '- Alex Moreau') },
    ]);
    expect(demo.coach).toBe('Priya Nair');
    expect(demo.start).toBe('2026-10-20');
    expect(demo.cadence).toBe(7);
    expect(demo.cadenceLine).toBe(lineOf(DEMO_TEXT, 'Weekly, Fridays by 5pm'));
    expect(demo.recalibrate).toEqual({ date: '2027-01-15', line: lineOf(DEMO_TEXT, 'recalibrate: 2027-01-15') });
    expect(demo.recalibrateDates.map((d) => d.date)).toEqual(['2027-01-15', '2027-01-15']);
    expect(demo.title).toBe('Accountability agreement: Alex and Jordan');
  });

  it('finds every section of the template, by heading', () => {
    expect(Object.keys(demo.sections).sort()).toEqual(['agenda', 'checkins', 'consequences', 'goals', 'log', 'recalibration', 'support']);
    expect(demo.sections.goals!.line).toBe(lineOf(DEMO_TEXT, '## Goals'));
    expect(demo.sections.agenda!.lines).toHaveLength(5);
  });

  it('gives each goal and support preference its partner, from a sub-heading or a "Name:" prefix', () => {
    expect(demo.goals.map((g) => [g.partner, g.line])).toEqual([
      ['Jordan Ellis', lineOf(DEMO_TEXT, 'Day rate at $650')],
      ['Jordan Ellis', lineOf(DEMO_TEXT, 'One retainer client')],
      ['Alex Moreau', lineOf(DEMO_TEXT, 'First paid issue')],
      ['Alex Moreau', lineOf(DEMO_TEXT, 'Get better at marketing')],
    ]);
    expect(demo.support.map((s) => [s.partner, s.text])).toEqual([
      ['Jordan Ellis', "Ask me what's in the way before you suggest anything."],
      ['Alex Moreau', 'Direct but kind.'],
    ]);
  });

  it('reads the check-in log', () => {
    expect(demo.checkIns.map((c) => `${c.date} ${c.status}`)).toEqual([
      '2026-10-23 held',
      '2026-10-30 held',
      '2026-11-06 held',
      '2026-11-13 held',
      '2026-11-20 missed',
    ]);
    expect(demo.checkIns[4]).toMatchObject({ note: 'Alex at a conference all week', line: lineOf(DEMO_TEXT, '2026-11-20 missed') });
    expect(demo.problems).toEqual([]);
  });

  it('is not an agreement without `type: agreement`', () => {
    expect(parseAgreement('x.md', '---\ntype: client\n---\n# X')).toBeNull();
    expect(parseAgreement('x.md', '# no frontmatter')).toBeNull();
    expect(parseAgreement('x.md', '---\ntype: [unclosed\n---')).toBeNull();
  });
});

describe('checkAgreement', () => {
  it('the demo agreement: the vague goal and the non-actionable support style, each with its line', () => {
    const f = checkAgreement(demo, AS_OF);
    expect(kinds(f)).toEqual([
      `vague-goal@${lineOf(DEMO_TEXT, 'Get better at marketing')}`,
      `support-not-actionable@${lineOf(DEMO_TEXT, 'Direct but kind')}`,
    ]);
    expect(f[0]).toMatchObject({ partner: 'Alex Moreau', text: 'Get better at marketing.' });
    expect(f[0].question).toBe('What would "Get better at marketing" look like in a single week: what could Alex do, or point to, by the next check-in?');
    expect(f[1].question).toBe(
      'What does "Direct but kind" look like in practice? When Alex misses a commitment, what would Alex like Jordan to say or do first? ' +
        '(For example: "If I miss a commitment, ask me what got in the way before offering suggestions.")',
    );
  });

  it('a sound agreement raises nothing', () => {
    expect(check(agreement())).toEqual([]);
  });

  it('vague-goal: a goal too vague to check weekly', () => {
    const text = agreement({ goals: ['### Sam', '- Be more consistent with content', '', '### Ana', '- Send 5 pitches every Friday.', '- Improve my network'] });
    expect(kinds(check(text))).toEqual([`vague-goal@${lineOf(text, 'Be more consistent')}`, `vague-goal@${lineOf(text, 'Improve my network')}`]);
  });

  it('missing-goals: a partner with no goals', () => {
    const text = agreement({ goals: ['### Sam', '- Publish 2 blog posts a week.'] });
    const f = check(text);
    expect(kinds(f)).toEqual([`missing-goals@${lineOf(text, '## Goals')}`]);
    expect(f[0].partner).toBe('Ana Ruiz');
  });

  it('stretch-mismatch: goals of very different stretch between partners', () => {
    const text = agreement({
      goals: [
        '### Sam',
        '- Double revenue by June; land 5 new clients by March',
        '- Raise a $500k seed round by April',
        '### Ana',
        '- Read one article a week',
      ],
    });
    const f = check(text);
    expect(kinds(f)).toEqual([`stretch-mismatch@${lineOf(text, '## Goals')}`]);
    expect(f[0].question).toBe(
      "Sam's goals look like a bigger stretch than Ana's (3 goals, 3 of them results rather than actions, against 1 goal, 0 of them results rather than actions). " +
        'Is that the balance you both want, or would one of you like to stretch further or scale back?',
    );
  });

  it('format-too-heavy: a check-in heavier than its cadence supports', () => {
    const text = agreement({ checkins: ['- A 60-minute video call every day, 7am.'] });
    const f = check(text);
    expect(kinds(f)).toEqual([`format-too-heavy@${lineOf(text, '60-minute video call')}`]);
    expect(f[0].question).toMatch(/^"A 60-minute video call every day, 7am" adds up to about 7 hours a week\. /);
  });

  it('format-too-heavy: an agenda longer than the check-in it is for', () => {
    const text = agreement({
      checkins: ['- A 15-minute call every Friday.'],
      agenda: { heading: 'Check-in agenda', items: ['1. Wins', '2. Misses', '3. What got in the way', '4. Lessons', '5. Next week'] },
    });
    const f = check(text);
    expect(kinds(f)).toEqual([`format-too-heavy@${lineOf(text, '## Check-in agenda')}`]);
    expect(f[0].question).toMatch(/^The agenda has 5 items, about 25 minutes, for "A 15-minute call every Friday"\./);
  });

  it('support-not-actionable and missing-support-style', () => {
    const text = agreement({ support: ['- Sam: Tough love', '- Someone else: whatever'] });
    const f = check(text);
    expect(kinds(f)).toEqual([
      `missing-support-style@${lineOf(text, '## Support style')}`,
      `support-not-actionable@${lineOf(text, 'Tough love')}`,
      `support-not-actionable@${lineOf(text, 'Someone else')}`,
    ]);
    expect(f.map((x) => x.partner)).toEqual(['Ana Ruiz', 'Sam Lee', null]);
    expect(f[0].question).toBe('When a week goes off track for Ana, what would help most from Sam: a question, a reminder, or some space first?');
  });

  it('no-consequence: no section, or one that says none', () => {
    const none = agreement({ consequences: null });
    expect(kinds(check(none))).toEqual([`no-consequence@${lineOf(none, '# Sam and Ana')}`]);
    const tbd = agreement({ consequences: ['- TBD'] });
    expect(kinds(check(tbd))).toEqual([`no-consequence@${lineOf(tbd, '## Consequence mechanism')}`]);
  });

  it('no-recalibration-date: neither the frontmatter nor the section gives one', () => {
    const text = agreement({ frontmatter: [], recalibration: ['- When it feels right'] });
    expect(kinds(check(text))).toEqual([`no-recalibration-date@${lineOf(text, '## Recalibration date')}`]);
    const bare = agreement({ frontmatter: [], recalibration: null });
    expect(kinds(check(bare))).toEqual([`no-recalibration-date@${lineOf(bare, '# Sam and Ana')}`]);
  });

  it('recalibration-past: the date has gone by', () => {
    const text = agreement({ frontmatter: ['recalibrate: 2026-11-15'], recalibration: ['15 November 2026'] });
    const f = check(text);
    expect(kinds(f)).toEqual([`recalibration-past@${lineOf(text, 'recalibrate: 2026-11-15')}`]);
    expect(f[0].question).toMatch(/^The recalibration date, due on 2026-11-15, has passed\. When will you/);
    expect(check(text, '2026-11-15')).toEqual([]); // due today is not past
  });

  it('recalibration-dates-differ: two dates that disagree', () => {
    const text = agreement({ frontmatter: ['recalibrate: 2027-02-01'], recalibration: ['March 1, 2027'] });
    expect(kinds(check(text))).toEqual([`recalibration-dates-differ@${lineOf(text, 'March 1, 2027')}`]);
  });

  it('every finding is a question, without judgement', () => {
    const worst = agreement({
      frontmatter: ['recalibrate: 2026-01-01'],
      goals: ['### Sam', '- Get better at sales', '- Double revenue; land 5 clients; hire 3 people by May', '### Ana', '- Read one article a week'],
      checkins: ['- Daily 2-hour call'],
      support: ['- Sam: Be honest'],
      consequences: null,
      recalibration: ['1 March 2026'],
      agenda: { heading: 'Agenda', items: ['1. a', '2. b', '3. c', '4. d', '5. e', '6. f', '7. g', '8. h', '9. i', '10. j', '11. k', '12. l', '13. m', '14. n', '15. o', '16. p', '17. q', '18. r', '19. s', '20. t', '21. u', '22. v', '23. w', '24. x', '25. y'] },
    });
    const f = check(worst);
    expect(new Set(f.map((x) => x.kind))).toEqual(
      new Set(AGREEMENT_FINDING_KINDS.filter((k) => k !== 'missing-goals' && k !== 'no-recalibration-date')),
    );
    for (const x of f) {
      expect(x.question, x.kind).toMatch(/\?/);
      expect(judgementWords(x.question.replace(x.text ?? '\u0000', '')), x.question).toEqual([]);
    }
    // Findings come in line order.
    expect(f.map((x) => x.line)).toEqual([...f.map((x) => x.line)].sort((a, b) => a - b));
  });
});

describe('heuristics', () => {
  it('vague and checkable goals', () => {
    for (const g of ['Get better at marketing.', 'Be more consistent', 'Work on my confidence', 'Improve sleep', 'Marketing']) expect(isVagueGoal(g), g).toBe(true);
    for (const g of ['Send 5 pitches every Friday', 'One retainer client signed by the end of January.', 'Ship the website', 'Run three times a week', 'Day rate at $650 on every new quote'])
      expect(isVagueGoal(g), g).toBe(false);
  });

  it('actionable and not-actionable support preferences', () => {
    for (const s of ['Direct but kind.', 'Tough love', 'Be honest with me', 'Supportive']) expect(isActionableSupport(s), s).toBe(false);
    for (const s of [
      'If I miss a commitment, ask me what got in the way before offering suggestions',
      "Ask me what's in the way before you suggest anything.",
      'When I go quiet, text me one question',
      'Remind me on Thursday evenings',
    ])
      expect(isActionableSupport(s), s).toBe(true);
  });

  it('frequencies, durations and loose dates', () => {
    expect(['daily', 'Weekly, Fridays', 'twice a week', 'every 10 days', 'fortnightly', 'first Monday of the month', 'every other week', 'nothing'].map(frequencyDays)).toEqual([
      1, 7, 3.5, 10, 14, 28, 14, null,
    ]);
    expect(['A 30-minute call', '1.5 hours', 'half an hour', 'a coffee', 'three lines in WhatsApp', 'we meet'].map(checkInMinutes)).toEqual([30, 90, 30, 30, 5, 30]);
    expect(['15 January 2027: review', 'January 15, 2027', '2027-1-5', 'on 3rd Feb 2027', 'soon'].map(findDate)).toEqual([
      '2027-01-15',
      '2027-01-15',
      '2027-01-05',
      '2027-02-03',
      null,
    ]);
  });
});

describe('the agreement template', () => {
  it('creates a note with every section the check reads', () => {
    const text = agreementTemplate({ partners: ['Alex Moreau', 'Jordan Ellis'], coach: 'Priya Nair', date: '2026-12-01' });
    const a = parseAgreement('Agreements/Alex Moreau and Jordan Ellis.md', text)!;
    expect(a).not.toBeNull();
    expect(Object.keys(a.sections).sort()).toEqual(['agenda', 'checkins', 'consequences', 'goals', 'log', 'recalibration', 'support']);
    expect(a.partners.map((p) => p.name)).toEqual(['Alex Moreau', 'Jordan Ellis']);
    expect(a.coach).toBe('Priya Nair');
    expect(a.recalibrate!.date).toBe('2027-02-23');
    expect(a.cadence).toBe(7);
    expect(text).not.toMatch(/\{\{/);
    // Blank, it asks for goals, support styles and a consequence, and nothing else.
    expect(checkAgreement(a, '2026-12-01').map((f) => f.kind)).toEqual([
      'missing-goals',
      'missing-goals',
      'missing-support-style',
      'missing-support-style',
      'no-consequence',
    ]);
    expect(AGREEMENT_TEMPLATE).toContain('type: agreement');
  });

  it('filled in, it raises nothing', () => {
    const text = agreementTemplate({ partners: ['Alex Moreau', 'Jordan Ellis'], date: '2026-12-01', recalibrate: '2027-03-01' })
      .replace('### Alex Moreau\n- ', '### Alex Moreau\n- Publish the newsletter every Tuesday')
      .replace('### Jordan Ellis\n- ', '### Jordan Ellis\n- Send 3 quotes a week at the new rate')
      .replace('- Alex Moreau: ', '- Alex Moreau: If I skip a Tuesday, ask me what got in the way before suggesting fixes.')
      .replace('- Jordan Ellis: ', '- Jordan Ellis: When I go quiet, text me one question about the quotes.')
      .replace('## Consequence mechanism\n<!--[^\n]*-->\n- ', '')
      .replace(/(## Consequence mechanism\n<!--[^\n]*-->\n)- /, '$1- Two misses in a row: the one who missed buys lunch.');
    expect(checkAgreement(parseAgreement('a.md', text)!, '2026-12-01')).toEqual([]);
    expect(agreementFileName(['Alex Moreau', 'Jordan/Ellis'])).toBe('Agreements/Alex Moreau and JordanEllis.md');
  });
});

describe('AgreementIndex', () => {
  it('keeps only agreements, by path, and follows changes', () => {
    const store = new AgreementIndex();
    store.setNotes([
      [DEMO_PATH, DEMO_TEXT],
      ['Clients/X.md', '---\ntype: client\n---'],
    ]);
    expect(store.list().map((a: Agreement) => a.path)).toEqual([DEMO_PATH]);
    const v = store.version;
    expect(store.setNote('Clients/X.md', 'still not one')).toBe(false);
    expect(store.version).toBe(v);
    store.renameNote(DEMO_PATH, 'Agreements/Pair.md', DEMO_TEXT);
    expect(store.list().map((a) => a.path)).toEqual(['Agreements/Pair.md']);
    expect(store.setNote('Agreements/Pair.md', '# no longer an agreement')).toBe(true);
    expect(store.list()).toEqual([]);
  });
});
