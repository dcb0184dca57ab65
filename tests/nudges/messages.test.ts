/**
 * One message per client per day: the client-facing nudges due for a client on a day are drafted
 * as one message that covers all of them, in the tone of the client's accountability level, and
 * carries every commitment it covers (each with its own edit target) for Mark sent.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_TONE, messageDraft } from '../../src/core/nudges/drafts';
import { resolveNudgeSettings } from '../../src/core/nudges/settings';
import { asksToLearn, judgementWords } from '../../src/core/nudges/template';
import { nudgeMessages, nudgesDue } from '../../src/core/nudges/today';
import type { AccountabilityLevel } from '../../src/core/types';
import { clientNote, demoIndex, indexOf, sessionNote, sessionPath, vault } from './helpers';

const S = resolveNudgeSettings();
const LEVELS: AccountabilityLevel[] = ['self-directed', 'check-in', 'active', 'consequences'];

const TWO_CLIENTS = vault(
  clientNote('Maya Chen', { accountability: 'active', sms: '+1 555 0142', email: 'maya@crumbhq.com' }),
  sessionNote('Maya Chen', '2026-11-24', [
    '- [ ] Send 10 outreach messages [due:: 2026-12-01] ^mc1',
    '- [ ] Book the investor coffees [due:: 2026-12-01]',
  ]),
  clientNote('Daniel Okafor', { accountability: 'check-in', email: 'daniel@ledgerly.io' }),
  sessionNote('Daniel Okafor', '2026-11-24', ['- [ ] Write the Q1 goals [due:: 2026-12-02]']),
);

describe('nudgeMessages', () => {
  it('groups the client-facing items by client: one message each, carrying every commitment it covers', () => {
    const asOf = '2026-11-27';
    const items = nudgesDue(indexOf(TWO_CLIENTS), asOf, S);
    expect(items.map((i) => `${i.client} ${i.step.kind}`)).toEqual(['Maya Chen midpoint', 'Maya Chen midpoint']);
    const messages = nudgeMessages(items, S, asOf);
    expect(messages).toHaveLength(1);
    const [maya] = messages;
    expect(maya.key).toBe('Maya Chen|2026-11-27');
    expect(maya.level).toBe('active');
    expect(maya.items.map((i) => i.commitment.text)).toEqual(['Send 10 outreach messages', 'Book the investor coffees']);
    expect(maya.items.map((i) => i.target.path)).toEqual([sessionPath('Maya Chen', '2026-11-24'), sessionPath('Maya Chen', '2026-11-24')]);
    expect(maya.draft).toBe(
      [
        'Hi Maya, checking in on what we agreed:',
        '- "Send 10 outreach messages", by Tuesday 1 December',
        '- "Book the investor coffees", by Tuesday 1 December',
        'How is each one going? If something is in the way, what have you noticed about it?',
      ].join('\n'),
    );
    expect(maya.subject).toBe('Checking in: 2 things we agreed');
    expect(maya.links.sms).toBe(`sms:+15550142?&body=${encodeURIComponent(maya.draft.replace(/\n/g, '\r\n'))}`);
    expect(maya.links.mailto).toContain(`subject=${encodeURIComponent(maya.subject)}`);
  });

  it('a client with one nudge gets that step’s own draft; coach flags are never messages', () => {
    const asOf = '2026-11-28';
    const items = nudgesDue(indexOf(TWO_CLIENTS), asOf, S);
    const messages = nudgeMessages(items, S, asOf);
    const daniel = messages.find((m) => m.client === 'Daniel Okafor')!;
    expect(daniel.items).toHaveLength(1);
    expect(daniel.draft).toBe(daniel.items[0].draft);
    expect(daniel.subject).toBe(daniel.items[0].subject);
    expect(daniel.links).toEqual(daniel.items[0].links);

    const demo = nudgesDue(demoIndex(), '2026-11-27', S);
    expect(demo.some((i) => i.step.audience === 'coach')).toBe(true);
    expect(nudgeMessages(demo, S, '2026-11-27').map((m) => m.client)).toEqual(['Maya Chen']);
  });

  it('a late step and today’s step of the same client share one message, late if either is', () => {
    const files = vault(
      clientNote('Maya Chen', { accountability: 'active' }),
      sessionNote('Maya Chen', '2026-11-20', ['- [ ] Draft the deck [due:: 2026-11-28]']),
      sessionNote('Maya Chen', '2026-11-26', ['- [ ] Call the bank [due:: 2026-12-10]']),
    );
    const asOf = '2026-11-26';
    const items = nudgesDue(indexOf(files), asOf, S);
    expect(items.map((i) => `${i.commitment.text} ${i.timing}`)).toEqual(['Draft the deck late', 'Call the bank today']);
    const [m] = nudgeMessages(items, S, asOf);
    expect(m.items).toHaveLength(2);
    expect(m.timing).toBe('late');
    expect(m.daysLate).toBe(Math.max(...items.map((i) => i.daysLate)));
  });
});

describe('messageDraft tone', () => {
  const commitments = [
    { text: 'Never check email before 10.', trigger: null, due: '2026-12-01' },
    { text: 'Ship the "launch" post', trigger: 'when the kids are asleep', due: '2026-12-03' },
  ];

  it('each level opens and closes in its own words, asks a learning question and never judges', () => {
    const bodies = new Set<string>();
    for (const level of LEVELS) {
      const { body } = messageDraft(commitments, { name: 'Jo Park' }, level, S, '2026-11-28');
      bodies.add(body);
      const lines = body.split('\n');
      expect(lines[0]).toBe(MESSAGE_TONE[level].opening.replace('{{first}}', 'Jo'));
      expect(lines.slice(1, 3)).toEqual(['- "Never check email before 10", by Tuesday 1 December', '- "Ship the \'launch\' post", by Thursday 3 December']);
      expect(lines[3]).toBe(MESSAGE_TONE[level].closing);
      // The words the plugin chose (the client's own are quoted as they wrote them).
      expect(judgementWords(`${MESSAGE_TONE[level].opening} ${MESSAGE_TONE[level].closing}`)).toEqual([]);
      expect(asksToLearn(body)).toBe(true);
    }
    expect(bodies.size).toBe(LEVELS.length);
  });
});
