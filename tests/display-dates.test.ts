import { describe, expect, it } from 'vitest';
import { displayDates } from '../src/core/display-dates';

describe('display dates', () => {
  const d = displayDates('EEE d MMM', () => '2026-12-01');

  it("shows this year's dates in the format as set", () => {
    expect(d('2026-11-03')).toBe('Tue 3 Nov');
  });

  it("adds the year to another year's dates when the format has none (last November is not this one)", () => {
    expect(d('2025-11-03')).toBe('Mon 3 Nov 2025');
    expect(d('2027-01-05')).toBe('Tue 5 Jan 2027');
  });

  it('keeps a format that writes its own year as it is, and a year inside quoted text is no year', () => {
    expect(displayDates('yyyy-MM-dd', () => '2026-12-01')('2025-11-03')).toBe('2025-11-03');
    expect(displayDates("d MMM 'y'", () => '2026-12-01')('2025-11-03')).toBe('3 Nov y 2025');
  });

  it('falls back to the ISO date when the format cannot be used', () => {
    expect(displayDates('EEE {bad} j', () => '2026-12-01')('2026-11-03')).toBe('2026-11-03');
  });
});
