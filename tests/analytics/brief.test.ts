import { describe, expect, it } from 'vitest';
import { openingQuestions } from '../../src/core/analytics/brief';
import { VaultIndex } from '../../src/core/index/vault-index';
import { resolveLayout } from '../../src/core/layout/layout';
import { patternsOf as patternsFromAnalysis } from '../../src/core/analytics/patterns';
import { resolveThresholds } from '../../src/core/analytics/thresholds';
import { analysis, briefModelOf, briefOf, clientNote, JUDGEMENT, sessionNote, vault, weekly } from './fixtures';

const JANE = 'Jane Doe';
const AS_OF = '2026-11-24';

const files = vault(
  clientNote(JANE, { coach: 'Sam Rivera', cadence: 'weekly', accountability: 'consequences' }),
  weekly(JANE, '2026-11-03', [
    ['- [>] Have the conversation with Dana ^d1', '- [x] Prepare the invoice'],
    ['- [>] Have the conversation with Dana [from:: d1] ^d2', '- [ ] Prepare the budget'],
    [
      '- [ ] Have the conversation with Dana [from:: d2] ^d3',
      '- [x] Send the deck to Kinfolk',
      '- [ ] Call the printer [due:: 2026-11-20]',
      '    - 2026-11-21 stuck: the quote has not come back',
      '- [ ] Book the venue [confidence:: 6] [due:: 2026-11-30]',
      '- [ ] Coach: send Jane the template [due:: 2026-11-20]',
    ],
  ]),
);

function section(md: string, heading: string): string {
  const start = md.indexOf(`## ${heading}\n`);
  if (start < 0) return '';
  const rest = md.slice(start + heading.length + 4);
  const end = rest.indexOf('\n## ');
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the brief names the coach', () => {
  const unassigned = vault(clientNote('Ben Carter', { cadence: 'weekly' }), weekly('Ben Carter', '2026-11-17', [['- [ ] Send the deck']]));
  const withLayout = (coachNames: string[]) => {
    const index = new VaultIndex({ layout: resolveLayout({ coachNames }) });
    index.setNotes(Object.entries(unassigned));
    return index;
  };

  it('as the client note gives it, else as "none set" when no coach name is in the layout', () => {
    expect(briefModelOf(files, JANE, AS_OF).facts).toMatchObject({ coach: 'Sam Rivera', coachIsYou: false });
    expect(briefOf(unassigned, 'Ben Carter', AS_OF)).toContain('- Coach: none set\n');
    expect(briefModelOf(withLayout(['Me', 'I']), 'Ben Carter', AS_OF).facts).toMatchObject({ coach: null, coachIsYou: false });
  });

  it('as the coach named in the layout (setup --coach) when no note names one, and says so', () => {
    const index = withLayout(['Me', 'Priya Nair', 'Priya']);
    expect(briefModelOf(index, 'Ben Carter', AS_OF).facts).toMatchObject({ coach: 'Priya Nair', coachIsYou: true });
    expect(briefOf(index, 'Ben Carter', AS_OF)).toContain('- Coach: Priya Nair (you: no note names a coach)\n');
  });
});

describe('the pre-session brief', () => {
  const md = briefOf(files, JANE, AS_OF);
  const model = briefModelOf(files, JANE, AS_OF);

  it('is headed with the client and date, and states the accountability level and rhythm, dates in display words', () => {
    expect(md.startsWith(`# Brief: ${JANE}, Tue 24 Nov\n`)).toBe(true);
    expect(md).toContain('- Coach: Sam Rivera');
    expect(md).toContain('- Accountability: Consequences. Go through each commitment; apply the agreed consequence for misses.');
    expect(md).toContain('- Rhythm: every 7 days');
    expect(md).toContain('- Last session: [[Sessions/2026-11-17 Jane Doe|Tue 17 Nov]] (7 days ago)');
    expect(md).toContain('- Next session: Tue 24 Nov');
    // No ISO date is shown: the only ones are inside link targets.
    expect(md.replace(/\[\[[^|\]]*\|/g, '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('the model keeps dates ISO and notes as references, for a view to format and open', () => {
    expect(model.asOf).toBe(AS_OF);
    expect(model.facts.lastSession).toEqual({ date: '2026-11-17', daysAgo: 7, note: { path: 'Sessions/2026-11-17 Jane Doe.md', title: '2026-11-17 Jane Doe', line: 1 } });
    expect(model.facts.nextSession).toBe('2026-11-24');
    const printer = model.since.items.find((x) => x.text === 'Call the printer')!;
    expect(printer).toMatchObject({ status: 'stuck', due: '2026-11-20', overdue: true, lastCheckIn: { date: '2026-11-21', status: 'stuck', note: 'the quote has not come back' } });
    expect(printer.note).toMatchObject({ path: 'Sessions/2026-11-17 Jane Doe.md', title: '2026-11-17 Jane Doe' });
    expect(model.signals.map((s) => s.name)).toEqual(['overdue', 'carried-over', 'low-confidence', 'coach-follow-up']);
    expect(model.signals.every((s) => s.evidence.length > 0)).toBe(true);
  });

  it('lists the commitments since the last session, each with its status in words, never a checkbox marker', () => {
    const since = section(md, 'Since the last session');
    const lines = since.split('\n').filter((l) => l.startsWith('- '));
    // Five written at the last session; the carried one is named under Carried forward instead.
    expect(lines).toHaveLength(4);
    expect(since).toContain('- Send the deck to Kinfolk: done, due Sun 22 Nov');
    expect(since).toContain('- Call the printer: stuck, due Fri 20 Nov, overdue; last check-in Sat 21 Nov, stuck: “the quote has not come back”');
    expect(since).toContain('- Book the venue: open, due Mon 30 Nov');
    expect(since).toContain('owner coach');
    expect(md).not.toMatch(/\[[ x?/>-]\] |\*\*/);
  });

  it('lists what is still overdue from earlier sessions, linked to its note by date', () => {
    expect(section(md, 'Still overdue from earlier')).toContain('- Prepare the budget: open, due Sun 15 Nov, overdue (from [[Sessions/2026-11-10 Jane Doe|Tue 10 Nov]])');
    expect(section(md, 'Still overdue from earlier')).not.toContain('Call the printer');
  });

  it('names a carried chain once, with its history and the question to ask', () => {
    const carried = section(md, 'Carried forward');
    expect(carried).toContain('- Have the conversation with Dana: 3 sessions; now open, due Sun 22 Nov, overdue');
    expect(carried).toContain(
      '[[Sessions/2026-11-03 Jane Doe|Tue 3 Nov]] carried forward → [[Sessions/2026-11-10 Jane Doe|Tue 10 Nov]] carried forward → [[Sessions/2026-11-17 Jane Doe|Tue 17 Nov]] open',
    );
    expect(carried).toContain('    - Ask: Recommit, modify, or let it go?');
    expect(md.split('Have the conversation with Dana')).toHaveLength(2);
    expect(model.chains).toHaveLength(1);
    expect(model.chains[0]).toMatchObject({ sessions: 3, live: true, carried: true, question: 'Recommit, modify, or let it go?' });
  });

  it('names the patterns that pass the minimum count, and only those, about the client in the third person', () => {
    const patterns = section(md, 'Patterns worth naming');
    expect(patterns).toContain('- Over the past 4 weeks Jane had 3 sessions');
    expect(patterns).not.toContain('if-then');
    expect(patterns).not.toMatch(/\b(we|you)\b/i);
  });

  it('lists the current signals by their labels, the carried one pointing at its chain', () => {
    expect(section(md, 'Signals')).toContain('- Carried forward: 1 commitment, under Carried forward.');
    expect(section(md, 'Signals')).toContain('- Overdue:');
    expect(section(md, 'Signals')).not.toMatch(/carried-over|coach-follow-up|low-confidence/);
  });

  it('opens with questions chosen by what happened', () => {
    const qs = section(md, 'Opening questions').split('\n').filter((l) => l.startsWith('- '));
    expect(qs).toEqual([
      '- You did exactly what you said: send the deck to Kinfolk. What made it work?',
      "- 'Call the printer': what got in the way? What did you learn?",
      "- You put your confidence in 'Book the venue' at 6. What would get you to an 8?",
    ]);
    for (const q of qs) expect(q).not.toMatch(JUDGEMENT);
  });
});

describe('opening questions', () => {
  const questions = (f: typeof files, asOf: string) => {
    const t = resolveThresholds();
    const a = analysis(f, JANE, asOf);
    const since = a.commitments.filter((c) => c.session === a.lastHeld?.path);
    return openingQuestions(a, patternsFromAnalysis(a, t), t, since);
  };
  const one = (items: string[]) => vault(clientNote(JANE, { cadence: 'weekly' }), sessionNote(JANE, '2026-11-17', items, { next: '2026-11-24' }));

  it('done: acknowledge it', () => {
    expect(questions(one(['- [x] Send the deck']), AS_OF)).toEqual([{ reason: 'done', question: 'You did exactly what you said: send the deck. What made it work?' }]);
  });

  it('missed (overdue, partial, stuck or skipped): what got in the way, what was learned', () => {
    for (const item of ['- [ ] Send the deck', '- [/] Send the deck', '- [?] Send the deck', '- [ ] Send the deck\n    - 2026-11-19 skipped']) {
      const q = questions(one(item.split('\n')), AS_OF);
      expect(q.map((x) => x.reason), item).toEqual(['missed']);
      expect(q[0].question.toLowerCase()).toContain('what got in the way? what did you learn?');
    }
  });

  it('not yet due and not low confidence: no question about it, and a general one instead', () => {
    expect(questions(one(['- [ ] Send the deck [due:: 2026-12-10]']), AS_OF)).toEqual([
      { reason: 'no-commitments', question: 'What would make the time between this session and the next one count?' },
    ]);
    expect(questions(one(['- [-] Send the deck']), AS_OF).map((q) => q.reason)).toEqual(['no-commitments']);
  });

  it('low confidence (7 asks, 8 does not)', () => {
    expect(questions(one(['- [ ] Send the deck [confidence:: 7] [due:: 2026-12-10]']), AS_OF)).toEqual([
      { reason: 'low-confidence', question: "You put your confidence in 'Send the deck' at 7. What would get you to an 8?" },
    ]);
    expect(questions(one(['- [ ] Send the deck [confidence:: 8] [due:: 2026-12-10]']), AS_OF).map((q) => q.reason)).toEqual(['no-commitments']);
  });

  it('carried 2 sessions is asked as a miss; 3 names the pattern instead, once', () => {
    const two = vault(clientNote(JANE, { cadence: 'weekly' }), weekly(JANE, '2026-11-10', [['- [>] Send the deck ^a'], ['- [ ] Send the deck [from:: a]']]));
    expect(questions(two, AS_OF).map((q) => q.reason)).toEqual(['missed']);
    const three = vault(
      clientNote(JANE, { cadence: 'weekly' }),
      weekly(JANE, '2026-11-03', [['- [>] Send the deck ^a'], ['- [>] Send the deck [from:: a] ^b'], ['- [ ] Send the deck [from:: b]']]),
    );
    expect(questions(three, AS_OF)).toEqual([
      { reason: 'carried', question: "'Send the deck' has been carried over 3 sessions running. Recommit, modify, or let it go?" },
    ]);
  });

  it("asks nothing about the coach's own items", () => {
    expect(questions(one(['- [x] Coach: send the template', '- [ ] Coach: book the room']), AS_OF).map((q) => q.reason)).toEqual(['no-commitments']);
  });
});

describe('brief edge cases', () => {
  it('a client with no sessions gets a brief that says so', () => {
    const md = briefOf(clientNote(JANE), JANE, AS_OF);
    expect(md).toContain('- Last session: none held yet');
    expect(md).toContain('Next session: not booked');
    expect(md).toContain('No session held yet.');
    expect(md).not.toContain('## Signals');
    expect(md).not.toContain('## Patterns worth naming');
  });

  it('a released client: says until when, and raises no signals', () => {
    const paused = vault(
      clientNote(JANE, { cadence: 'weekly', paused_until: '2026-12-10' }),
      sessionNote(JANE, '2026-10-01', ['- [ ] Send the deck'], { next: '2026-12-15' }),
    );
    const md = briefOf(paused, JANE, AS_OF);
    expect(md).toContain('- Released from accountability until Thu 10 Dec');
    expect(md).not.toContain('## Signals');
  });
});

describe('note text in the brief is shown as written, never rendered', () => {
  it('escapes HTML, embeds, links and emphasis from a note, so a remote image never loads from a brief', async () => {
    const { VaultIndex } = await import('../../src/core/index/vault-index');
    const { clientBrief } = await import('../../src/core/analytics/brief');
    const index = new VaultIndex();
    index.setNotes([
      ['Clients/Jane <b>Doe</b>.md', '---\ntype: client\nname: "Jane <b>Doe</b>"\ncoach: "[[x]](javascript:alert(1))"\n---\n'],
      [
        'Sessions/2026-11-20 Jane.md',
        [
          '---',
          'type: session',
          'client: "Jane <b>Doe</b>"',
          'date: 2026-11-20',
          '---',
          '## Commitments',
          '- [ ] Look at <img src=https://evil.example/p.png> and ![[secret.png]] and [click](javascript:alert(1)) **now**',
          '    - 2026-11-25 stuck: <script>alert(1)</script>',
        ].join('\n'),
      ],
    ]);
    const { briefMarkdown } = await import('../../src/cli/commands/brief-format');
    const { displayDates } = await import('../../src/core/display-dates');
    const md = briefMarkdown(clientBrief(index, index.client('Jane <b>Doe</b>')!, '2026-12-01'), displayDates('EEE d MMM', () => '2026-12-01'));
    expect(md).not.toMatch(/<img|<script|<b>|!\[\[|\]\(javascript:/);
    expect(md).toContain('&lt;img src\\=https://evil.example/p.png&gt;');
    expect(md).toContain('\\!\\[\\[secret.png\\]\\]');
  });
});
