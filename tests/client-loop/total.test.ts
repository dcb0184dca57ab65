/**
 * Pure and total: the recap, the progress text, the numbering and the client calendar never
 * throw, whatever the notes hold, and the calendar file always reads back in ical.js.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildClientCalendar } from '../../src/core/calendar/client-ics';
import { numberCommitments } from '../../src/core/client-loop/numbering';
import { progressText } from '../../src/core/client-loop/progress';
import { recapMessage } from '../../src/core/client-loop/recap';
import { readReply } from '../../src/core/client-loop/reply';
import { clientNote, indexOf, sessionNote, vault } from '../nudges/helpers';

const box = fc.constantFrom('[ ]', '[x]', '[/]', '[?]', '[-]', '[>]');
const date = fc.date({ min: new Date('2026-10-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const words = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' '));
const item = fc.tuple(box, words, date, fc.option(words), fc.option(fc.constantFrom('done', 'stuck', 'skipped', 'partial', 'nudged'))).map(([b, t, due, cue, k]) =>
  [`- ${b} ${t || 'x'} [due:: ${due}]`, ...(cue ? [`    - When ${cue}, I'll start`] : []), ...(k ? [`    - ${due} ${k}: ${t}`] : [])].join('\n'),
);

describe('total over generated notes', () => {
  it('never throws; the calendar parses', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), date, fc.constantFrom('active', 'paused', 'ended'), words, (items, asOf, status, reply) => {
        const i = indexOf(vault(clientNote('Jane Doe', { accountability: 'consequences', status, sms: '+15555550100' }), sessionNote('Jane Doe', '2026-11-02', items, { next: '2026-11-16' })));
        const jane = i.client('Jane Doe')!;
        const recap = recapMessage(i, jane, asOf);
        expect(recap.body.length).toBeGreaterThan(0);
        expect(progressText(i, jane, asOf).body.length).toBeGreaterThan(0);
        const numbered = numberCommitments(i, jane, asOf);
        expect(numbered.map((x) => x.n)).toEqual(numbered.map((_x, k) => k + 1));
        readReply(reply, numbered, asOf);
        const ics = buildClientCalendar(i, jane, asOf, { previous: buildClientCalendar(i, jane, asOf) });
        expect(() => new ICAL.Component(ICAL.parse(ics))).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});
