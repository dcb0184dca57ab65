/**
 * Dates typed into a form (the capture form's due field, the review's Modify form), read as Tasks'
 * edit modal reads them: chrono-node, forward from today, in the vault's date order. Today is
 * Tuesday 1 December 2026, the demo vault's as-of date.
 */
import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../src/core/natural-dates';

const TODAY = '2026-12-01'; // a Tuesday

describe('parseTypedDate', () => {
  // [typed, month-first vault, day-first vault]
  const table: [string, string | null, string | null][] = [
    // Weekdays: the next one, today included; "next" is the one in the following week.
    ['fri', '2026-12-04', '2026-12-04'],
    ['Friday', '2026-12-04', '2026-12-04'],
    ['mon', '2026-12-07', '2026-12-07'],
    ['tue', '2026-12-01', '2026-12-01'],
    ['tues', '2026-12-01', '2026-12-01'],
    ['weds', '2026-12-02', '2026-12-02'],
    ['thur', '2026-12-03', '2026-12-03'],
    ['thurs', '2026-12-03', '2026-12-03'],
    ['next tue', '2026-12-08', '2026-12-08'],
    ['next fri', '2026-12-11', '2026-12-11'],
    ['by fri', '2026-12-04', '2026-12-04'],
    ['on Friday', '2026-12-04', '2026-12-04'],
    ['due fri', '2026-12-04', '2026-12-04'],
    // Relative days and weeks.
    ['today', '2026-12-01', '2026-12-01'],
    ['tomorrow', '2026-12-02', '2026-12-02'],
    ['tmrw', '2026-12-02', '2026-12-02'],
    ['in 3 days', '2026-12-04', '2026-12-04'],
    ['in 3d', '2026-12-04', '2026-12-04'],
    ['3 days', '2026-12-04', '2026-12-04'],
    ['in a week', '2026-12-08', '2026-12-08'],
    ['in 2 weeks', '2026-12-15', '2026-12-15'],
    ['in 2 wks', '2026-12-15', '2026-12-15'],
    ['next week', '2026-12-08', '2026-12-08'],
    ['end of week', '2026-12-04', '2026-12-04'],
    ['eow', '2026-12-04', '2026-12-04'],
    ['end of month', '2026-12-31', '2026-12-31'],
    ['eom', '2026-12-31', '2026-12-31'],
    // Backwards words are read backwards, not pushed forward.
    ['yesterday', '2026-11-30', '2026-11-30'],
    ['last friday', '2026-11-27', '2026-11-27'],
    ['2 days ago', '2026-11-29', '2026-11-29'],
    // Numeric dates in the vault's order; without a year, the next one.
    ['12/4', '2026-12-04', '2027-04-12'],
    ['4/12', '2027-04-12', '2026-12-04'],
    ['12.4', '2026-12-04', '2027-04-12'],
    ['12-4', '2026-12-04', '2027-04-12'],
    ['12/4/2027', '2027-12-04', '2027-04-12'],
    // A number that cannot be a month is read the only way it can be (as chrono does).
    ['11/30', '2027-11-30', '2027-11-30'],
    ['30/11', '2027-11-30', '2027-11-30'],
    // Month names, either order.
    ['dec 4', '2026-12-04', '2026-12-04'],
    ['Dec 4th', '2026-12-04', '2026-12-04'],
    ['4 dec', '2026-12-04', '2026-12-04'],
    ['4 December 2027', '2027-12-04', '2027-12-04'],
    ['sept 4', '2027-09-04', '2027-09-04'],
    // Ordinals alone: the next such day of a month.
    ['the 5th', '2026-12-05', '2026-12-05'],
    ['1st', '2026-12-01', '2026-12-01'],
    ['31st', '2026-12-31', '2026-12-31'],
    // ISO dates, as written.
    ['2026-12-04', '2026-12-04', '2026-12-04'],
    ['2026-12-4', '2026-12-04', '2026-12-04'],
    ['2027/01/15', '2027-01-15', '2027-01-15'],
    // Not a date.
    ['', null, null],
    ['   ', null, null],
    ['banana', null, null],
    ['fri blah', null, null],
    ['fri or sat', null, null],
    ['3pm', null, null],
    ['3', null, null],
    ['2026-02-30', null, null],
    ['13/13', null, null],
    ['31/2', null, null],
    ['the 32nd', null, null],
    ['x'.repeat(80), null, null],
  ];

  it.each(table)('%j reads as %s (month first) and %s (day first)', (typed, mdy, dmy) => {
    expect(parseTypedDate(typed, TODAY, 'mdy')).toBe(mdy);
    expect(parseTypedDate(typed, TODAY, 'dmy')).toBe(dmy);
  });

  it('reads from the given day, not the clock', () => {
    expect(parseTypedDate('fri', '2027-03-10', 'mdy')).toBe('2027-03-12');
    expect(parseTypedDate('in 3 days', '2026-12-30', 'mdy')).toBe('2027-01-02');
    expect(parseTypedDate('end of week', '2026-12-04', 'mdy')).toBe('2026-12-04');
    expect(parseTypedDate('end of week', '2026-12-05', 'mdy')).toBe('2026-12-11');
    expect(parseTypedDate('the 31st', '2027-02-10', 'mdy')).toBe('2027-03-31');
  });

  it('never throws on odd input, and an unreadable today reads nothing', () => {
    for (const odd of ['\u0000', '//', '12//4', '-', 'next', 'in days', '💥', 'fri\nsat']) {
      expect(() => parseTypedDate(odd, TODAY, 'mdy')).not.toThrow();
    }
    expect(parseTypedDate('fri', 'not a date', 'mdy')).toBeNull();
  });
});
