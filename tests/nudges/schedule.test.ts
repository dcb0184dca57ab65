import { describe, expect, it } from 'vitest';
import { nudgeSchedule, type NudgeStep } from '../../src/core/nudges/schedule';
import { DEFAULT_NUDGE_SETTINGS, NUDGE_KINDS, resolveNudgeSettings } from '../../src/core/nudges/settings';
import { client, commitment } from './helpers';

const S = resolveNudgeSettings();
const plan = (steps: NudgeStep[]) => steps.map((s) => `${s.kind} ${s.date} ${s.audience}`);

// A week-long commitment: session Tuesday 24 Nov, due Tuesday 1 Dec.
const WEEK = commitment('2026-11-24', '2026-12-01');

describe('nudge schedule by accountability level', () => {
  it('self-directed: none', () => {
    expect(nudgeSchedule(WEEK, client('self-directed'), S)).toEqual([]);
  });

  it('self-directed, unless the client asks (a per-client override)', () => {
    const s = resolveNudgeSettings({ clients: { 'jane doe': { steps: ['before-due'] } } });
    expect(plan(nudgeSchedule(WEEK, client('self-directed'), s))).toEqual(['before-due 2026-11-30 client']);
  });

  it('check-in: the midpoint and 24 hours before the due date', () => {
    expect(plan(nudgeSchedule(WEEK, client('check-in'), S))).toEqual(['midpoint 2026-11-27 client', 'before-due 2026-11-30 client']);
  });

  it('active: every client-facing step (confirm on day 0, midpoint, the day before)', () => {
    expect(plan(nudgeSchedule(WEEK, client('active'), S))).toEqual([
      'confirm 2026-11-24 client',
      'midpoint 2026-11-27 client',
      'before-due 2026-11-30 client',
    ]);
  });

  it('consequences: all of those plus the overdue flag to the coach, the day after the due date', () => {
    expect(plan(nudgeSchedule(WEEK, client('consequences'), S))).toEqual([
      'confirm 2026-11-24 client',
      'midpoint 2026-11-27 client',
      'before-due 2026-11-30 client',
      'overdue 2026-12-02 coach',
    ]);
  });

  it('paused and ended clients get none', () => {
    expect(nudgeSchedule(WEEK, client('consequences', { status: 'paused' }), S)).toEqual([]);
    expect(nudgeSchedule(WEEK, client('consequences', { status: 'ended' }), S)).toEqual([]);
  });

  it('paused_until releases the steps on or before that date', () => {
    const c = client('consequences', { pausedUntil: '2026-11-27' });
    expect(plan(nudgeSchedule(WEEK, c, S))).toEqual(['before-due 2026-11-30 client', 'overdue 2026-12-02 coach']);
    expect(nudgeSchedule(WEEK, client('consequences', { pausedUntil: '2026-12-31' }), S)).toEqual([]);
    expect(nudgeSchedule(WEEK, client('consequences', { pausedUntil: '2026-11-23' }), S)).toHaveLength(4);
  });

  it('only live, client-owned commitments get steps', () => {
    const c = client('consequences');
    for (const status of ['done', 'let-go', 'recommitted', 'skipped'] as const) {
      expect(nudgeSchedule({ ...WEEK, status }, c, S), status).toEqual([]);
    }
    for (const status of ['open', 'partial', 'stuck'] as const) expect(nudgeSchedule({ ...WEEK, status }, c, S), status).toHaveLength(4);
    expect(nudgeSchedule({ ...WEEK, owner: 'coach' }, c, S)).toEqual([]);
    expect(nudgeSchedule({ ...WEEK, owner: 'Alex' }, c, S)).toEqual([]);
  });

  it('nothing when nudges are switched off', () => {
    expect(nudgeSchedule(WEEK, client('consequences'), resolveNudgeSettings({ enabled: false }))).toEqual([]);
  });
});

describe('nudge schedule edge dates', () => {
  const active = client('consequences');
  const at = (session: string, due: string, c = active, s = S) => plan(nudgeSchedule(commitment(session, due), c, s));

  it('due on the session day: confirm that day, then only the overdue flag', () => {
    expect(at('2026-11-24', '2026-11-24')).toEqual(['confirm 2026-11-24 client', 'overdue 2026-11-25 coach']);
  });

  it('due the next day: the day before is the session day, so confirm covers it', () => {
    expect(at('2026-11-24', '2026-11-25')).toEqual(['confirm 2026-11-24 client', 'overdue 2026-11-26 coach']);
    // Without a confirm step, a before-due nudge on the session day itself is dropped too.
    expect(at('2026-11-24', '2026-11-25', client('check-in'))).toEqual([]);
  });

  it('two days: the midpoint would fall on the day before, which wins', () => {
    expect(at('2026-11-24', '2026-11-26')).toEqual(['confirm 2026-11-24 client', 'before-due 2026-11-25 client', 'overdue 2026-11-27 coach']);
  });

  it('three days: every step on its own day', () => {
    expect(at('2026-11-24', '2026-11-27')).toEqual([
      'confirm 2026-11-24 client',
      'midpoint 2026-11-25 client',
      'before-due 2026-11-26 client',
      'overdue 2026-11-28 coach',
    ]);
  });

  it('a due date before the session (a typo) leaves only the overdue flag', () => {
    expect(at('2026-11-24', '2026-11-20')).toEqual(['overdue 2026-11-21 coach']);
  });

  it('across a month end, a year end and a leap day', () => {
    expect(at('2026-12-28', '2027-01-04')).toEqual([
      'confirm 2026-12-28 client',
      'midpoint 2026-12-31 client',
      'before-due 2027-01-03 client',
      'overdue 2027-01-05 coach',
    ]);
    expect(at('2028-02-26', '2028-03-02')).toEqual([
      'confirm 2028-02-26 client',
      'midpoint 2028-02-28 client',
      'before-due 2028-03-01 client',
      'overdue 2028-03-03 coach',
    ]);
  });

  it('a long commitment: midpoint half way, rounded down', () => {
    expect(at('2026-11-01', '2026-11-30')).toContain('midpoint 2026-11-15 client');
  });

  it('the cadence comes from the settings', () => {
    const s = resolveNudgeSettings({ confirmAfterDays: 1, beforeDueDays: 2, overdueAfterDays: 3, midpointAt: 0.25 });
    expect(at('2026-11-01', '2026-11-21', active, s)).toEqual([
      'confirm 2026-11-02 client',
      'midpoint 2026-11-06 client',
      'before-due 2026-11-19 client',
      'overdue 2026-11-24 coach',
    ]);
  });

  it('which steps each level gets comes from the settings', () => {
    const s = resolveNudgeSettings({ levels: { 'self-directed': [], 'check-in': ['overdue'], active: [], consequences: [] } });
    expect(at('2026-11-24', '2026-12-01', client('check-in'), s)).toEqual(['overdue 2026-12-02 coach']);
  });
});

describe('nudge settings', () => {
  it('defaults are frozen and list the steps in cadence order', () => {
    expect(Object.isFrozen(DEFAULT_NUDGE_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_NUDGE_SETTINGS.levels.active)).toBe(true);
    expect(Object.isFrozen(DEFAULT_NUDGE_SETTINGS.templates)).toBe(true);
    expect(DEFAULT_NUDGE_SETTINGS.levels).toEqual({
      'self-directed': [],
      'check-in': ['midpoint', 'before-due'],
      active: ['confirm', 'midpoint', 'before-due'],
      consequences: [...NUDGE_KINDS],
    });
  });

  it('resolving drops unknown step names, orders steps, and repairs bad values', () => {
    const s = resolveNudgeSettings({
      levels: { active: ['overdue', 'nonsense', 'confirm'] } as never,
      beforeDueDays: -3,
      midpointAt: 7,
      templates: { midpoint: '' } as never,
      clients: { Jane: { steps: ['midpoint', 'x'], templates: { overdue: 'How did {{text}} go?', bogus: 'y' } } } as never,
    });
    expect(s.levels.active).toEqual(['confirm', 'overdue']);
    expect(s.levels['check-in']).toEqual(['midpoint', 'before-due']);
    expect(s.beforeDueDays).toBe(1);
    expect(s.midpointAt).toBe(0.5);
    expect(s.templates.midpoint).toBe(DEFAULT_NUDGE_SETTINGS.templates.midpoint);
    expect(s.clients.Jane).toEqual({ steps: ['midpoint'], templates: { overdue: 'How did {{text}} go?' } });
    // Never shares the frozen defaults.
    s.levels.active.push('midpoint');
    expect(DEFAULT_NUDGE_SETTINGS.levels.active).toEqual(['confirm', 'midpoint', 'before-due']);
  });
});
