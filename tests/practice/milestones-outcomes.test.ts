/** Milestone progress, the promise/outcomes convention, and review periods (ISO weeks, months). */
import { describe, expect, it } from 'vitest';
import { milestoneProgress, milestoneState } from '../../src/core/practice/milestones';
import { clientOutcomes, readClientExtras } from '../../src/core/practice/outcomes';
import { parseNote } from '../../src/core/parse/note';

/** A client note's frontmatter as the index keeps it. */
const frontmatterOfText = (text: string) => parseNote('Clients/A.md', text).client?.frontmatter ?? null;
import { isoWeek, periodOf } from '../../src/core/practice/periods';
import type { Client, Milestone } from '../../src/core/types';
import { D, indexOf, rawClient } from './helpers';

const m = (name: string, due: string | null, done = false): Milestone => ({ name, due, done });

describe('milestoneProgress', () => {
  it('is overdue the day after it is due, due soon from its due date back to 14 days before', () => {
    expect(milestoneState(m('x', '2026-11-30'), null, D)).toBe('overdue');
    expect(milestoneState(m('x', D), null, D)).toBe('due-soon');
    expect(milestoneState(m('x', '2026-12-15'), null, D)).toBe('due-soon');
    expect(milestoneState(m('x', '2026-12-16'), null, D)).toBe('upcoming');
    expect(milestoneState(m('x', '2026-12-16'), null, D, 15)).toBe('due-soon');
    expect(milestoneState(m('x', null), null, D)).toBe('undated');
  });

  it('is done when marked done, unless its done date is after the as-of date', () => {
    expect(milestoneState(m('x', '2026-11-01', true), null, D)).toBe('done');
    expect(milestoneState(m('x', '2026-11-01', true), '2026-12-01', D)).toBe('done');
    expect(milestoneState(m('x', '2026-11-01', true), '2026-12-02', D)).toBe('overdue');
    expect(milestoneState(m('x', '2026-12-10', true), '2026-12-05', D)).toBe('due-soon');
  });

  it('counts a client’s milestones, with done dates by name (any case)', () => {
    const index = indexOf(
      rawClient('Mia Mile', [
        'milestones:',
        '  - {name: "Launch", due: 2026-11-20, done: 2026-11-18}',
        '  - {name: "First client", due: 2026-11-25, done: false}',
        '  - {name: "Workshop", due: 2026-12-10}',
        '  - Someday',
      ]),
    );
    const client = index.client('Mia Mile') as Client;
    const p = milestoneProgress(client, D, { doneDates: new Map([['launch', '2026-11-18']]) });
    expect(p).toMatchObject({ client: 'Mia Mile', done: 1, dueSoon: 1, overdue: 1, upcoming: 0, undated: 1, total: 4 });
    expect(p.milestones.map((x) => [x.name, x.state, x.doneOn])).toEqual([
      ['Launch', 'done', '2026-11-18'],
      ['First client', 'overdue', null],
      ['Workshop', 'due-soon', null],
      ['Someday', 'undated', null],
    ]);
    expect(milestoneProgress(client, '2026-11-10').milestones[0].state).toBe('done'); // without done dates: done throughout
  });

  it('a client with no milestones has all zeros', () => {
    const index = indexOf(rawClient('Nil Nothing', []));
    expect(milestoneProgress(index.client('Nil Nothing')!, D)).toMatchObject({ total: 0, done: 0, milestones: [] });
  });
});

describe('the promise and outcomes convention', () => {
  const text = [
    '---',
    'type: client',
    'promise: {text: "Land 3 new clients", target: 3, by: 2027-03-31}',
    'outcomes:',
    '  - {date: 2026-11-20, value: 2, note: "Signed Holloway"}',
    '  - {date: 2026-10-01, value: 1}',
    '  - "2026-11-28: second retainer"',
    '  - {value: 9, note: "no date: skipped"}',
    '  - "not a dated entry"',
    '  - {date: 2026-12-05, value: 3}',
    'milestones:',
    '  - {name: "Launch", due: 2026-11-20, done: 2026-11-18}',
    '  - {name: "Other", done: true}',
    '---',
    '',
  ].join('\n');

  it('reads a promise map, dated outcome entries (maps and "DATE: text" strings, oldest first) and milestone done dates', () => {
    const x = readClientExtras(frontmatterOfText(text));
    expect(x.promise).toEqual({ text: 'Land 3 new clients', target: 3, by: '2027-03-31' });
    expect(x.outcomes).toEqual([
      { date: '2026-10-01', value: 1, note: null },
      { date: '2026-11-20', value: 2, note: 'Signed Holloway' },
      { date: '2026-11-28', value: null, note: 'second retainer' },
      { date: '2026-12-05', value: 3, note: null },
    ]);
    expect([...x.milestoneDone]).toEqual([['launch', '2026-11-18']]);
  });

  it('reads a promise written as a sentence; nothing at all when the keys are absent', () => {
    expect(readClientExtras({ promise: 'Feel at home in the new role' }).promise).toEqual({ text: 'Feel at home in the new role', target: null, by: null });
    expect(readClientExtras({})).toMatchObject({ promise: null, outcomes: [] });
    expect(readClientExtras(null)).toMatchObject({ promise: null, outcomes: [] });
    expect(readClientExtras({ promise: { target: 3 }, outcomes: 'nope' })).toMatchObject({ promise: null, outcomes: [] });
  });

  it('as of a date: entries known by then, the latest numeric value, the promise met or not, entries in the window', () => {
    const x = readClientExtras(frontmatterOfText(text));
    expect(clientOutcomes(x, D, 28)).toMatchObject({ inWindow: 2, latestValue: 2, promiseMet: false, latest: { date: '2026-11-28' } });
    expect(clientOutcomes(x, '2026-12-05', 28)).toMatchObject({ latestValue: 3, promiseMet: true, inWindow: 2 });
    // The window is the 28 days before the date: an entry on the date itself is known but not in it.
    expect(clientOutcomes(x, '2026-11-20', 28)).toMatchObject({ inWindow: 0, latestValue: 2 });
    expect(clientOutcomes(readClientExtras({ promise: 'No number' }), D, 28).promiseMet).toBeNull();
  });
});

describe('review periods', () => {
  it('ISO weeks: Monday to Sunday, numbered by the week holding the Thursday', () => {
    expect(periodOf('week', '2026-11-29')).toEqual({ kind: 'week', label: '2026-W48', start: '2026-11-23', end: '2026-11-29' });
    expect(periodOf('week', '2026-11-30').label).toBe('2026-W49');
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 }); // 2026 starts on a Thursday: 53 weeks
    expect(periodOf('week', '2027-01-03')).toMatchObject({ label: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
    expect(periodOf('week', '2027-01-04').label).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
  });

  it('months: first to last day, leap years included', () => {
    expect(periodOf('month', '2026-11-15')).toEqual({ kind: 'month', label: '2026-11', start: '2026-11-01', end: '2026-11-30' });
    expect(periodOf('month', '2028-02-29')).toMatchObject({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('month', '2026-12-31')).toMatchObject({ label: '2026-12', end: '2026-12-31' });
  });
});
