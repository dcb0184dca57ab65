import { describe, expect, it } from 'vitest';
import { checkIn } from '../../src/core/edit/check-in';
import { mailtoLink, nudgeLinks, phoneForUri, smsLink } from '../../src/core/nudges/links';
import { resolveNudgeSettings } from '../../src/core/nudges/settings';
import { formatDue, renderTemplate, templateProblems } from '../../src/core/nudges/template';
import { nudgeCheckIn, nudgesDue, type NudgeItem } from '../../src/core/nudges/today';
import { nudgeDraft } from '../../src/core/nudges/drafts';
import { clientNote, indexOf, lineOf, sessionNote, sessionPath, vault } from './helpers';

const S = resolveNudgeSettings();

// Maya (active) committed on Tuesday 24 Nov to two things due Tuesday 1 Dec.
const MAYA = vault(
  clientNote('Maya Chen', { accountability: 'active', coach: 'Sam Rivera', sms: '+1 (555) 555-0142', email: 'maya@crumbhq.com' }),
  sessionNote('Maya Chen', '2026-11-24', [
    "- [ ] Send 10 outreach messages [due:: 2026-12-01] [trigger:: when I pour Monday's coffee] ^mc1",
    '- [ ] Book the investor coffees [due:: 2026-12-01]',
  ]),
);
const summary = (items: NudgeItem[]) => items.map((i) => `${i.client} | ${i.commitment.text} | ${i.step.kind} ${i.step.date} | ${i.timing} ${i.daysLate}`);

describe('nudgesDue: the Today panel', () => {
  it('a step falling on the as-of date is due today', () => {
    const items = nudgesDue(indexOf(MAYA), '2026-11-27', S);
    expect(summary(items)).toEqual([
      'Maya Chen | Send 10 outreach messages | midpoint 2026-11-27 | today 0',
      'Maya Chen | Book the investor coffees | midpoint 2026-11-27 | today 0',
    ]);
  });

  it('an unsent step stays until the next one comes round, which then takes its place', () => {
    expect(summary(nudgesDue(indexOf(MAYA), '2026-11-29', S))[0]).toBe('Maya Chen | Send 10 outreach messages | midpoint 2026-11-27 | late 2');
    const items = nudgesDue(indexOf(MAYA), '2026-11-30', S);
    expect(summary(items)[0]).toBe('Maya Chen | Send 10 outreach messages | before-due 2026-11-30 | today 0');
    expect(items[0].missedSteps).toEqual(['confirm', 'midpoint']);
  });

  it('one item per commitment, never one per step', () => {
    const items = nudgesDue(indexOf(MAYA), '2026-11-26', S);
    expect(items.map((i) => i.step.kind)).toEqual(['confirm', 'confirm']);
    expect(items.every((i) => i.timing === 'late' && i.daysLate === 2)).toBe(true);
  });

  it('a nudged check-in on or after the step date marks it sent; an earlier one does not', () => {
    const sent = vault(
      MAYA,
      sessionNote('Maya Chen', '2026-11-24', [
        '- [ ] Send 10 outreach messages [due:: 2026-12-01] ^mc1',
        '    - 2026-11-27 nudged: midpoint nudge (sms)',
        '- [ ] Book the investor coffees [due:: 2026-12-01]',
        '    - 2026-11-24 nudged: confirm nudge',
      ]),
    );
    const items = nudgesDue(indexOf(sent), '2026-11-28', S);
    expect(summary(items)).toEqual(['Maya Chen | Book the investor coffees | midpoint 2026-11-27 | late 1']);
    expect(items[0].lastNudged).toBe('2026-11-24');
    expect(items[0].missedSteps).toEqual([]);
  });

  it('client-facing steps stop after the due date; the overdue flag is only for levels that have it', () => {
    expect(nudgesDue(indexOf(MAYA), '2026-12-01', S).map((i) => i.step.kind)).toEqual(['before-due', 'before-due']);
    expect(nudgesDue(indexOf(MAYA), '2026-12-02', S)).toEqual([]);
    const sofia = vault(
      clientNote('Sofia Alvarez', { accountability: 'consequences', sms: '+15555550187' }),
      sessionNote('Sofia Alvarez', '2026-11-13', ['- [ ] Draft the scorecard [due:: 2026-11-20] ^sa1']),
    );
    const items = nudgesDue(indexOf(sofia), '2026-12-01', S);
    expect(summary(items)).toEqual(['Sofia Alvarez | Draft the scorecard | overdue 2026-11-21 | late 10']);
    expect(items[0].step.audience).toBe('coach');
    expect(items[0].headline).toBe('"Draft the scorecard" passed its due date (Friday 20 November): follow up with Sofia');
    expect(items[0].draft).toMatch(/^Hi Sofia, how did "Draft the scorecard" go\?/);
  });

  it('done, let-go and coach-owned items, paused clients and notes written ahead give nothing', () => {
    const files = vault(
      clientNote('Maya Chen', { accountability: 'consequences' }),
      clientNote('Tom Whitaker', { accountability: 'consequences', status: 'paused' }),
      clientNote('Grace Adeyemi', { accountability: 'consequences', paused_until: '2026-12-10' }),
      sessionNote('Maya Chen', '2026-11-24', [
        '- [x] Send the deck [due:: 2026-11-27]',
        '- [-] Book the coffees [due:: 2026-11-27]',
        '- [ ] Coach: send the template [due:: 2026-11-27]',
        '- [ ] Check in with Maya [owner:: Alex] [due:: 2026-11-27]',
      ]),
      sessionNote('Maya Chen', '2026-12-08', ['- [ ] Planned for next time [due:: 2026-11-27]']),
      sessionNote('Tom Whitaker', '2026-11-24', ['- [ ] Close the kitchen one night [due:: 2026-11-27]']),
      sessionNote('Grace Adeyemi', '2026-11-24', ['- [ ] Plan the return [due:: 2026-11-27]']),
    );
    expect(nudgesDue(indexOf(files), '2026-11-30', S)).toEqual([]);
  });

  it('filters by coach (the session coach, else the client coach) and by client', () => {
    const files = vault(
      MAYA,
      clientNote('Daniel Okafor', { accountability: 'check-in', coach: 'Sam Rivera' }),
      sessionNote('Daniel Okafor', '2026-11-24', ['- [ ] Write the Q1 goals [due:: 2026-12-01]'], { coach: 'Priya Nair' }),
    );
    const index = indexOf(files);
    expect(nudgesDue(index, '2026-11-27', S).map((i) => i.client)).toEqual(['Daniel Okafor', 'Maya Chen', 'Maya Chen']);
    expect(nudgesDue(index, '2026-11-27', S, { coach: 'priya nair' }).map((i) => `${i.client} ${i.coach}`)).toEqual(['Daniel Okafor Priya Nair']);
    expect(nudgesDue(index, '2026-11-27', S, { coach: 'Sam Rivera' }).map((i) => i.client)).toEqual(['Maya Chen', 'Maya Chen']);
    expect(nudgesDue(index, '2026-11-27', S, { client: 'daniel okafor' }).map((i) => i.client)).toEqual(['Daniel Okafor']);
  });

  it('gives the edit target, and logging the nudge with the checkIn edit marks it sent without changing status', () => {
    const index = indexOf(MAYA);
    const [item] = nudgesDue(index, '2026-11-27', S);
    const path = sessionPath('Maya Chen', '2026-11-24');
    const text = MAYA[path];
    expect(item.target).toEqual({
      path,
      line: lineOf(text, 'Send 10 outreach'),
      expectedText: "- [ ] Send 10 outreach messages [due:: 2026-12-01] [trigger:: when I pour Monday's coffee] ^mc1",
      id: 'mc1',
    });
    const r = checkIn(text, item.target, nudgeCheckIn(item, '2026-11-27', 'sms'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.split('\n')[item.target.line].trim()).toBe('- 2026-11-27 nudged: midpoint nudge (sms)');
    index.setNote(path, r.text);
    expect(index.commitmentById('mc1')!.status).toBe('open');
    expect(nudgesDue(index, '2026-11-27', S).map((i) => i.commitment.text)).toEqual(['Book the investor coffees']);
    // The next step still comes round.
    expect(nudgesDue(index, '2026-11-30', S).map((i) => `${i.commitment.text} ${i.step.kind}`)).toContain('Send 10 outreach messages before-due');
  });

  it('builds sms: and mailto: links from the client note\'s contact', () => {
    const [item] = nudgesDue(indexOf(MAYA), '2026-11-27', S);
    expect(item.contact).toEqual({ sms: '+1 (555) 555-0142', email: 'maya@crumbhq.com' });
    expect(item.links.sms).toBe(`sms:+15555550142?&body=${encodeURIComponent(item.draft)}`);
    expect(item.links.mailto).toBe(`mailto:maya@crumbhq.com?subject=${encodeURIComponent(item.subject)}&body=${encodeURIComponent(item.draft)}`);
    expect(item.subject).toBe('Checking in: Send 10 outreach messages');
    const bare = vault(MAYA, clientNote('Maya Chen', { accountability: 'active' })); // no contact
    expect(nudgesDue(indexOf(bare), '2026-11-27', S)[0].links).toEqual({ sms: null, mailto: null });
  });
});

describe('links', () => {
  it('encode the body as UTF-8 with CRLF line breaks, and keep the address intact', () => {
    const body = 'How did "Send 10 messages" go?\nAny wins? 🎉 & more';
    expect(smsLink('+44 7700 900123', body)).toBe('sms:+447700900123?&body=How%20did%20%22Send%2010%20messages%22%20go%3F%0D%0AAny%20wins%3F%20%F0%9F%8E%89%20%26%20more');
    expect(mailtoLink('jane+coach@example.com', 'Checking in', body)).toBe(
      'mailto:jane%2Bcoach@example.com?subject=Checking%20in&body=How%20did%20%22Send%2010%20messages%22%20go%3F%0D%0AAny%20wins%3F%20%F0%9F%8E%89%20%26%20more',
    );
    expect(decodeURIComponent(new URL(mailtoLink('a@b.co', 's', body)!).searchParams.get('body')!)).toBe(body.replace('\n', '\r\n'));
  });

  it('refuse what is not a phone number or an address', () => {
    expect(phoneForUri('call me')).toBeNull();
    expect(smsLink('n/a', 'x')).toBeNull();
    expect(mailtoLink('not an address', 's', 'b')).toBeNull();
    expect(nudgeLinks(null, 's', 'b')).toEqual({ sms: null, mailto: null });
    expect(nudgeLinks({ sms: '555 0100', email: null }, 's', 'b')).toEqual({ sms: 'sms:5550100?&body=b', mailto: null });
  });
});

describe('draft templates', () => {
  const c = { text: 'Send 10 outreach messages.', trigger: "when I pour Monday's coffee", due: '2026-12-01' };
  const maya = { name: 'Maya Chen' };

  it('fill in the placeholders, in the client\'s words', () => {
    const t = '{{client}}|{{first}}|{{text}}|{{trigger}}|{{due}}';
    expect(renderTemplate(t, { client: 'Maya Chen', first: 'Maya', text: 'Send 10', trigger: "I pour Monday's coffee", due: 'Tuesday 1 December' })).toBe(
      "Maya Chen|Maya|Send 10|I pour Monday's coffee|Tuesday 1 December",
    );
    const s = resolveNudgeSettings({ templates: { midpoint: 'Hey {{first}}: how is "{{text}}" going (cue: {{trigger}}, due {{due}})?' } as never });
    expect(nudgeDraft('midpoint', c, maya, s, '2026-11-27').body).toBe(
      "Hey Maya: how is \"Send 10 outreach messages\" going (cue: I pour Monday's coffee, due Tuesday 1 December)?",
    );
  });

  it('keep {{#x}} sections only when x has a value, {{^x}} only when it has none', () => {
    const t = 'How is it going?{{#trigger}} Cue: {{trigger}}.{{/trigger}}{{^trigger}} No cue yet.{{/trigger}}';
    const v = { client: 'A B', first: 'A', text: 't', due: 'd' };
    expect(renderTemplate(t, { ...v, trigger: 'lunch' })).toBe('How is it going? Cue: lunch.');
    expect(renderTemplate(t, { ...v, trigger: null })).toBe('How is it going? No cue yet.');
    expect(renderTemplate('Hi {{nmae}}, how?', { ...v, trigger: null })).toBe('Hi {{nmae}}, how?');
  });

  it('per-client overrides win over the defaults, for that client only (any case)', () => {
    const s = resolveNudgeSettings({ clients: { 'MAYA CHEN': { templates: { midpoint: 'Maya, what is working on "{{text}}"?' } } } });
    expect(nudgeDraft('midpoint', c, maya, s).body).toBe('Maya, what is working on "Send 10 outreach messages"?');
    expect(nudgeDraft('midpoint', c, { name: 'Daniel Okafor' }, s).body).toMatch(/^Hi Daniel, a quick midway check-in/);
    expect(nudgeDraft('overdue', c, maya, s).body).toMatch(/^Hi Maya, how did "Send 10 outreach messages" go\?/);
  });

  it('the default drafts use the trigger when there is one', () => {
    expect(nudgeDraft('confirm', c, maya, S, '2026-11-24').body).toBe(
      'Hi Maya, thanks for today. Here is what I noted for you: "Send 10 outreach messages", by Tuesday 1 December. ' +
        "Your cue: \"when I pour Monday's coffee\". Does that still feel right, and what would make it easy to start?",
    );
    expect(nudgeDraft('confirm', { ...c, trigger: null }, maya, S, '2026-11-24').body).toBe(
      'Hi Maya, thanks for today. Here is what I noted for you: "Send 10 outreach messages", by Tuesday 1 December. Does that still feel right, and what would make it easy to start?',
    );
  });

  it('format the due date with its weekday, and the year when it is not this year', () => {
    expect(formatDue('2026-12-01', '2026-11-27')).toBe('Tuesday 1 December');
    expect(formatDue('2027-01-04', '2026-12-28')).toBe('Monday 4 January 2027');
    expect(formatDue('2028-02-29')).toBe('Tuesday 29 February');
  });

  it('templateProblems flags unknown placeholders, unclosed sections, judgement and no question', () => {
    expect(templateProblems(S.templates.overdue)).toEqual([]);
    const p = templateProblems('{{first}}, you should have done {{txt}} already{{#trigger}}');
    expect(p.join('\n')).toMatch(/\{\{txt\}\} is not a placeholder/);
    expect(p.join('\n')).toMatch(/not closed/);
    expect(p.join('\n')).toMatch(/"should" can read as judgement/);
    expect(p.join('\n')).toMatch(/asks no question/);
  });
});
