/**
 * The recap and "Progress so far" over every client of the demo vault: no judgement words in our
 * wording (the client's own words are theirs), plain text, second person, numbers that match the
 * reply's, the follow-up taken from the client's level, status and agreement.
 */
import { describe, expect, it } from 'vitest';
import { agreementsFrom } from '../../src/core/agreements/store';
import { numberCommitments } from '../../src/core/client-loop/numbering';
import { progressText } from '../../src/core/client-loop/progress';
import { recapMessage } from '../../src/core/client-loop/recap';
import { checkInChanges } from '../../src/core/client-loop/write';
import { judgementWords } from '../../src/core/nudges/template';
import type { Client } from '../../src/core/types';
import { clientNote, demoEntries, demoIndex, indexOf, sessionNote, vault } from '../nudges/helpers';

const AS_OF = '2026-12-01';
const index = demoIndex();
const agreements = agreementsFrom(demoEntries());

/** The text with the client's own words (commitments, cues, plans, milestones, lessons) taken out. */
function ourWords(text: string, client: Client): string {
  let out = text;
  const theirs: string[] = [client.name];
  for (const c of index.commitmentsOf(client)) {
    theirs.push(c.text, c.trigger ?? '', c.coping?.obstacle ?? '', c.coping?.response ?? '', ...c.learned.map((l) => l.text));
  }
  for (const m of client.milestones) theirs.push(m.name);
  for (const a of agreements) for (const s of Object.values(a.sections)) for (const l of s?.lines ?? []) theirs.push(l.text);
  for (const t of theirs.filter((x) => x.trim().length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(t.trim().replace(/[.;:,\s]+$/u, '')).join(' ');
  }
  return out;
}

describe('recap over every demo client', () => {
  for (const client of index.clients()) {
    it(client.name, () => {
      const m = recapMessage(index, client, AS_OF, { agreements });
      expect(judgementWords(ourWords(m.body, client))).toEqual([]);
      expect(judgementWords(m.subject)).toEqual([]);
      // plain text for SMS, email and chat: no markdown marks, no emoji, no control characters
      expect(m.body).not.toMatch(/\*\*|__|^#|\[\[|\p{Extended_Pictographic}/mu);
      expect(m.body).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
      expect(m.body.startsWith(`Hi ${client.name.split(' ')[0]}, `)).toBe(true);
      // second person, never the coach's third person
      expect(m.body).not.toMatch(new RegExp(`\\b${client.name.split(' ')[0]} (?:committed|will|has)\\b`));
      expect(m.numbered).toEqual(numberCommitments(index, client, AS_OF));
      for (const nc of m.numbered) expect(m.body).toContain(`\n${nc.n}. ${nc.commitment.text.trim().replace(/[.;:,\s]+$/u, '')}`);
      if (m.numbered.length > 1) expect(m.body).toMatch(/\nReply like '1 done, 2 stuck: meetings ate Monday'\.$/);
      if (m.numbered.length === 1) expect(m.body).toMatch(/\nReply like '1 done' or '1 stuck: what got in the way'\.$/);
      if (m.numbered.length === 0) expect(m.body).toContain('nothing open for you');
    });
  }

  it("Maya's recap: her words, her cue, her if-then, the dates in words and how the coach follows up", () => {
    const m = recapMessage(index, index.client('Maya Chen')!, AS_OF, { agreements });
    expect(m.body).toContain(
      [
        '1. Have the conversation with Dana about the handover',
        '   When I open my laptop on Wednesday',
        "   If Dana's slammed, then ask for 15 minutes and say it can wait till Monday",
        '   It was set for Friday 27 November',
      ].join('\n'),
    );
    expect(m.body).toContain("How I'll follow up: a check-in half way, and a reminder the day before each one is due.");
    expect(m.body).toContain("We'll look at these together on Tuesday 1 December.");
    expect(m.links.sms).toMatch(/^sms:\+15555550142\?&body=Hi%20Maya/);
    expect(m.links.mailto).toMatch(/^mailto:maya@crumbhq\.com\?subject=Your%20commitments/);
  });

  it("a consequences client hears that a passed date gets a follow-up; a self-directed one that it is theirs to run", () => {
    expect(recapMessage(index, index.client('Sofia Alvarez')!, AS_OF).body).toContain('If a date passes, I will get in touch to hear what got in the way.');
    const hannah = recapMessage(index, index.client('Hannah Lindqvist')!, AS_OF).body;
    expect(hannah).toContain('No reminders from me in between: this part is yours to run.');
  });

  it('paused, ended and released clients hear there are no reminders', () => {
    expect(recapMessage(index, index.client('Tom Whitaker')!, AS_OF).body).toContain('You are taking a break from coaching, so there are no reminders from me for now.');
    expect(recapMessage(index, index.client('Ravi Shah')!, AS_OF).body).toContain('Our coaching has come to an end, so there are no reminders from me.');
    expect(recapMessage(index, index.client('Grace Adeyemi')!, AS_OF).body).toContain('no reminders from me until after Thursday 10 December');
  });

  it("Jordan's recap names the check-in rhythm of his agreement", () => {
    expect(recapMessage(index, index.client('Jordan Ellis')!, AS_OF, { agreements }).body).toContain(
      'Your check-ins with Alex Moreau: Weekly, Fridays by 5pm, in our WhatsApp thread. Three lines each: did / didn\'t / next.',
    );
  });

  it('a client with no contact gets no links (copy only)', () => {
    const files = vault(clientNote('Jane Doe'), sessionNote('Jane Doe', '2026-11-24', ['- [ ] Send 10 outreach messages [due:: 2026-11-30]']));
    const i = indexOf(files);
    const m = recapMessage(i, i.client('Jane Doe')!, '2026-11-24');
    expect(m.links).toEqual({ sms: null, mailto: null });
    expect(m.body).toContain("here is what you're taking on from our session on Tuesday 24 November, in your words:");
  });
});

describe('numbering is deterministic from the as-of date', () => {
  it('a check-in written the next day does not renumber the message it answers', () => {
    const files = vault(
      clientNote('Jane Doe', { accountability: 'active' }),
      sessionNote('Jane Doe', '2026-11-24', ['- [ ] Send 10 outreach messages [due:: 2026-11-30] ^out1', '- [ ] Draft the hiring scorecard [due:: 2026-11-29] ^hir1']),
    );
    const i = indexOf(files);
    const jane = i.client('Jane Doe')!;
    const before = numberCommitments(i, jane, '2026-11-25').map((x) => [x.n, x.commitment.text]);
    const path = 'Sessions/2026-11-24 Jane Doe.md';
    const first = numberCommitments(i, jane, '2026-11-25')[0].commitment;
    const r = checkInChanges(new Map([[path, files[path]]]), [{ commitment: first, status: 'done', note: null }], '2026-11-26');
    expect(r.ok).toBe(true);
    if (r.ok) i.setNote(path, r.changes[0].after);
    expect(numberCommitments(i, i.client('Jane Doe')!, '2026-11-25').map((x) => [x.n, x.commitment.text])).toEqual(before);
    // nor one on the day of the check-in (a reply logged the day it came); the day after, it is no longer numbered
    expect(numberCommitments(i, i.client('Jane Doe')!, '2026-11-26').map((x) => [x.n, x.commitment.text])).toEqual(before);
    expect(numberCommitments(i, i.client('Jane Doe')!, '2026-11-27').map((x) => x.commitment.text)).toEqual(['Draft the hiring scorecard']);
    // and the same vault and date give the same numbers every time
    expect(numberCommitments(i, i.client('Jane Doe')!, '2026-11-25')).toEqual(numberCommitments(i, i.client('Jane Doe')!, '2026-11-25'));
  });
});

describe('progress so far over every demo client', () => {
  for (const client of index.clients()) {
    it(client.name, () => {
      const p = progressText(index, client, AS_OF);
      expect(judgementWords(ourWords(p.body, client))).toEqual([]);
      expect(p.body).not.toMatch(/\*\*|^#|\p{Extended_Pictographic}/mu);
      expect(p.figures.done + p.figures.letGo + p.figures.open).toBeLessThanOrEqual(p.figures.set);
      expect(p.body).toContain(`Done: ${p.figures.done} of the ${p.figures.set} commitment`);
    });
  }

  it("Maya's: done, carried, let go, milestones reached and ahead", () => {
    const p = progressText(index, index.client('Maya Chen')!, AS_OF).body;
    expect(p).toMatch(/^Progress so far, Maya: since our first session on Tuesday 13 October\n/);
    expect(p).toContain('Carried forward from one session to the next:\n- Have the conversation with Dana about the handover: written in 4 sessions, now partly done');
    expect(p).toContain('Milestones reached:\n- Hire first support lead');
    expect(p).toContain('Milestones ahead:\n- Dana runs weekly ops without me, by Tuesday 15 December\n- Close the seed extension, by Sunday 31 January 2027');
  });

  it('what the client noticed along the way, in their words', () => {
    const p = progressText(index, index.client('Sofia Alvarez')!, AS_OF).body;
    expect(p).toContain("What you noticed along the way:\n- it always starts after an email I'm dreading (Write down what \"drifting into the studio\" looks like)");
  });

  it('a let-go commitment comes with what the client took from it', () => {
    const files = vault(
      clientNote('Jane Doe'),
      sessionNote('Jane Doe', '2026-11-10', [
        '- [-] Rewrite the whole website [cancelled:: 2026-11-20]',
        '    - 2026-11-20 let go: too big for a fortnight',
        '    - learned: I start when the first step fits in an hour',
        '- [x] Send 10 outreach messages [completion:: 2026-11-12] [due:: 2026-11-14]',
      ]),
    );
    const i = indexOf(files);
    const p = progressText(i, i.client('Jane Doe')!, '2026-12-01');
    expect(p.body).toContain('Let go, and what you took from it:\n- Rewrite the whole website: I start when the first step fits in an hour');
    expect(p.body).toContain('Done: 1 of the 2 commitments you set.\n- Send 10 outreach messages, Thursday 12 November');
    expect(p.figures).toMatchObject({ set: 2, done: 1, letGo: 1, open: 0 });
  });
});
