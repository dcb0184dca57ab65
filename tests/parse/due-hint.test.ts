/**
 * The due-phrase reader's first test (DUE_HINT in src/core/natural-dates.ts): a text it turns
 * away must be one the phrase patterns read no date from, or a coach's `by Friday` would be lost.
 * Texts are built from the words due phrases are made of and the words around them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueFromPhrase, mayNameDue, readDuePhrase } from '../../src/core/natural-dates';

const SESSION = '2026-11-20';
const NEXT = '2026-12-04';
const piece = fc.constantFrom(
  'by', 'By', 'BY', 'before', 'due', 'due on', 'until', 'till', 'no later than', 'deadline:', 'on', 'in', 'a', 'one', 'two', 'three',
  'tomorrow', 'Tomorrow', 'next', 'this', 'week', 'weeks', 'day', 'days', 'end of week', 'end of the week', 'eow', 'EOW', 'the end',
  'Friday', 'fri', 'Tues', 'weds', 'monday', 'Oct', 'october', 'Dec', 'the', '12th', '2nd', '2', '12/2', '2026-12-02', '14.10.', '@2026-12-09',
  'session', 'meeting', 'call', 'ahead of', 'every', 'If', 'When', ',', ';', 'para el', 'até', 'bis', 'voor', 'pour le',
  'send', 'the', 'deck', 'walk', 'Jane', 'bye', 'nextdoor', 'weekday', 'daybreak', 'endless', 'Dueling', 'byline', '(', ')', '-', '—', ' ', '\t', 'é', 'K', 'ſ',
);
const text = fc.array(piece, { maxLength: 10 }).map((p) => p.join(' '));

describe('the due-phrase hint', () => {
  it('turns away only texts from which the phrase patterns read no date, in either date order', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('mdy' as const, 'dmy' as const), (t, order) => {
        const found = readDuePhrase(t, SESSION, NEXT, order);
        if (!mayNameDue(t)) expect(found).toBeNull();
        expect(dueFromPhrase(t, SESSION, NEXT, order)).toEqual(found);
      }),
      { numRuns: 20_000 },
    );
  });

  it('lets the phrases coaches write through, and turns away plain commitments', () => {
    for (const t of ['Send the deck by Friday', 'Call Ana tomorrow', 'Draft the plan next week', 'Finish in two weeks', 'Book it before next session', 'Ship by end of week', 'Pay on 12/2', 'Renew para el 13/12', 'Send it by Monday']) {
      expect([t, mayNameDue(t)]).toEqual([t, true]);
      expect(dueFromPhrase(t, SESSION, NEXT, 'mdy')).not.toBeNull();
    }
    for (const t of ['Walk at lunch on weekdays', 'Send the outreach messages', 'Journal after work', 'Ask Dana for feedback on the deck']) expect([t, mayNameDue(t)]).toEqual([t, false]);
  });
});
