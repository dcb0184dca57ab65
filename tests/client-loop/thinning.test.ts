/**
 * Fewer, better-timed nudges: a client whose last N commitments (setting, default 3) were done on
 * time loses the midpoint step; one with a stuck or skipped streak keeps it, as a check-in
 * question; the Today model says why a nudge is there and which midpoints it left out.
 */
import { describe, expect, it } from 'vitest';
import { buildTodayModel } from '../../src/app/today';
import { buildCalendar } from '../../src/core/calendar/calendar-builder';
import { clientRhythm } from '../../src/core/nudges/rhythm';
import { nudgeSchedule } from '../../src/core/nudges/schedule';
import { resolveNudgeSettings } from '../../src/core/nudges/settings';
import { asksToLearn, judgementWords } from '../../src/core/nudges/template';
import { nudgesDue, quietNudges } from '../../src/core/nudges/today';
import { DEFAULT_SETTINGS, loadSettings } from '../../src/core/plugin-settings';
import { clientNote, demoIndex, indexOf, sessionNote, vault } from '../nudges/helpers';

const S = resolveNudgeSettings();

function history(kind: 'on-time' | 'late' | 'stuck') {
  const past = {
    'on-time': [
      '- [x] Write the one-page plan [due:: 2026-11-05] [completion:: 2026-11-04]',
      '- [x] Call the accountant [due:: 2026-11-06] [completion:: 2026-11-06]',
      '- [x] Send the proposal [due:: 2026-11-07] [completion:: 2026-11-05]',
    ],
    late: [
      '- [x] Write the one-page plan [due:: 2026-11-05] [completion:: 2026-11-04]',
      '- [x] Call the accountant [due:: 2026-11-06] [completion:: 2026-11-09]',
      '- [x] Send the proposal [due:: 2026-11-07] [completion:: 2026-11-05]',
    ],
    stuck: [
      '- [ ] Write the one-page plan [due:: 2026-11-05]',
      '    - 2026-11-04 stuck: no quiet hour all week',
      '- [ ] Call the accountant [due:: 2026-11-06]',
      '    - 2026-11-06 skipped: forgot until Friday night',
    ],
  }[kind];
  return indexOf(
    vault(
      clientNote('Jane Doe', { accountability: 'active' }),
      sessionNote('Jane Doe', '2026-11-02', past),
      sessionNote('Jane Doe', '2026-11-20', ['- [ ] Send 10 outreach messages [due:: 2026-11-30] ^out1']),
    ),
  );
}

describe('clientRhythm', () => {
  it('steady after 3 on time (the default), usual when one was late, stuck after two stuck/skipped check-ins', () => {
    const at = '2026-11-25';
    expect(clientRhythm(history('on-time'), history('on-time').client('Jane Doe')!, at, S)).toMatchObject({ kind: 'steady', onTime: 3, needed: 3 });
    const late = clientRhythm(history('late'), history('late').client('Jane Doe')!, at, S);
    expect(late).toMatchObject({ kind: 'usual', onTime: 1 });
    expect(late.reason).toBe("Every step of the cadence applies: 1 of Jane's latest commitments in a row were done by their dates, and 3 in a row drop the midpoint.");
    expect(clientRhythm(history('stuck'), history('stuck').client('Jane Doe')!, at, S)).toMatchObject({ kind: 'stuck', streak: 2, since: '2026-11-04' });
  });
  it('the setting changes N; 0 turns thinning off', () => {
    const i = history('on-time');
    expect(clientRhythm(i, i.client('Jane Doe')!, '2026-11-25', resolveNudgeSettings({ thinAfterOnTime: 4 })).kind).toBe('usual');
    expect(clientRhythm(i, i.client('Jane Doe')!, '2026-11-25', resolveNudgeSettings({ thinAfterOnTime: 2 })).kind).toBe('steady');
    expect(clientRhythm(i, i.client('Jane Doe')!, '2026-11-25', resolveNudgeSettings({ thinAfterOnTime: 0 })).kind).toBe('usual');
  });
});

describe('the schedule and the Today panel', () => {
  it('a steady client: no midpoint, and the panel lists the one it left out, with why', () => {
    const i = history('on-time');
    const jane = i.client('Jane Doe')!;
    const c = i.commitmentsOf(jane).find((x) => x.text === 'Send 10 outreach messages')!;
    expect(nudgeSchedule(c, jane, S, clientRhythm(i, jane, '2026-11-25', S)).map((s) => s.kind)).toEqual(['confirm', 'before-due']);
    expect(nudgeSchedule(c, jane, S).map((s) => s.kind)).toEqual(['confirm', 'midpoint', 'before-due']);
    // the unsent confirm step is what is left; with the full cadence the midpoint would have taken its place
    expect(nudgesDue(i, '2026-11-25', S).map((x) => x.step.kind)).toEqual(['confirm']);
    expect(nudgesDue(i, '2026-11-25', resolveNudgeSettings({ thinAfterOnTime: 0 })).map((x) => x.step.kind)).toEqual(['midpoint']);
    const model = buildTodayModel(i, '2026-11-25', S);
    expect(model.quiet).toEqual([
      {
        key: 'Sessions/2026-11-20 Jane Doe.md:9:midpoint',
        client: 'Jane Doe',
        commitment: { text: 'Send 10 outreach messages', due: '2026-11-30', session: 'Sessions/2026-11-20 Jane Doe.md', line: 9 },
        date: '2026-11-25',
        reason: "Jane's last 3 commitments were done by their dates, so there is no midpoint nudge.",
      },
    ]);
    // the calendar's alarms thin the same way
    expect(buildCalendar(i, '2026-11-21', { vaultName: 'v' })).not.toContain('Midpoint check-in');
  });

  it('a late one keeps the midpoint, and says why it is there', () => {
    const i = history('late');
    const [item] = nudgesDue(i, '2026-11-25', S);
    expect(item.step.kind).toBe('midpoint');
    expect(item.question).toBe(false);
    expect(item.why).toMatch(/^Half way from the session to the due date\. Every step of the cadence applies/);
    expect(quietNudges(i, '2026-11-25', S)).toEqual([]);
  });

  it('a stuck streak keeps the midpoint as a check-in question instead of a reminder', () => {
    const i = history('stuck');
    const items = nudgesDue(i, '2026-11-25', S).filter((x) => x.commitment.text === 'Send 10 outreach messages');
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item.step.kind).toBe('midpoint');
    expect(item.question).toBe(true);
    expect(item.draft).toBe(
      'Hi Jane, a question rather than a reminder: what is one small part of "Send 10 outreach messages" you could do this week, and what might get in the way of it?',
    );
    expect(asksToLearn(item.draft)).toBe(true);
    expect(judgementWords(item.draft)).toEqual([]);
    expect(item.why).toContain('The last 2 check-ins from Jane were stuck or skipped, so the midpoint stays, as a question rather than a reminder.');
  });

  it('the demo vault on 2026-12-01: Daniel (steady) has his midpoints left out, with the reason', () => {
    const model = buildTodayModel(demoIndex(), '2026-12-01', S);
    expect(model.messages.some((m) => m.client === 'Daniel Okafor')).toBe(false);
    expect(model.quiet?.map((q) => q.client)).toEqual(['Daniel Okafor', 'Daniel Okafor']);
    expect(model.quiet?.[0].reason).toBe("Daniel's last 3 commitments were done by their dates, so there is no midpoint nudge.");
    const full = buildTodayModel(demoIndex(), '2026-12-01', resolveNudgeSettings({ thinAfterOnTime: 0 }));
    expect(full.messages.some((m) => m.client === 'Daniel Okafor')).toBe(true);
    expect(full.quiet).toEqual([]);
  });
});

describe('the setting', () => {
  it('defaults to 3, also for data saved before it existed, and keeps a saved value', () => {
    expect(DEFAULT_SETTINGS.nudges.thinAfterOnTime).toBe(3);
    expect(loadSettings({ settingsVersion: 3, nudges: { enabled: true } }).nudges.thinAfterOnTime).toBe(3);
    expect(loadSettings({ settingsVersion: 1, leadDays: 3 }).nudges.thinAfterOnTime).toBe(3);
    expect(loadSettings({ nudges: { thinAfterOnTime: 5 } }).nudges.thinAfterOnTime).toBe(5);
    expect(loadSettings({ nudges: { thinAfterOnTime: 'lots' } }).nudges.thinAfterOnTime).toBe(3);
    expect(loadSettings({ nudges: { thinAfterOnTime: -2 } }).nudges.thinAfterOnTime).toBe(3);
  });
});
