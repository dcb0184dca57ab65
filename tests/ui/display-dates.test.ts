/**
 * Messages from the core as the views say them: a date after due, until, on, by, dated or from
 * in the display format; the coach's quoted words and note titles as written.
 */
import { describe, expect, it } from 'vitest';
import { formatShortDate, withDisplayDates } from '../../src/ui/shared/dates';

const fmt = (d: string) => formatShortDate(d, '2026-12-01');

describe('withDisplayDates', () => {
  it('formats the dates a message states, and leaves note titles that start with a date alone', () => {
    expect(withDisplayDates('Recommitted "Send the deck" to 2026-12-01 Maya Chen, due 2026-12-09', fmt)).toBe('Recommitted "Send the deck" to 2026-12-01 Maya Chen, due Wed 9 Dec');
    expect(withDisplayDates('Accountability for Maya Chen released until 2027-01-05', fmt)).toBe('Accountability for Maya Chen released until Tue 5 Jan 2027');
    expect(withDisplayDates('Checked in on "Walk daily": done', fmt)).toBe('Checked in on "Walk daily": done');
    // Signal and agreement sentences.
    expect(withDisplayDates('No next session booked after 2026-11-20.', fmt)).toBe('No next session booked after Fri 20 Nov.');
    expect(withDisplayDates('1 commitment overdue by more than 14 days (the oldest due 2026-10-25).', fmt)).toBe('1 commitment overdue by more than 14 days (the oldest due Sun 25 Oct).');
    expect(withDisplayDates('The note gives two recalibration dates, on 2026-12-15 and on 2027-01-10: which one', fmt)).toBe(
      'The note gives two recalibration dates, on Tue 15 Dec and on Sun 10 Jan 2027: which one',
    );
  });

  it('keeps quoted words (the coach’s own) as written, straight or curly quotes', () => {
    expect(withDisplayDates('Let go of "Pay the invoice due 2026-12-03": moved', fmt)).toBe('Let go of "Pay the invoice due 2026-12-03": moved');
    expect(withDisplayDates('Modified “Book the venue by 2026-12-04”, due 2026-12-10', fmt)).toBe('Modified “Book the venue by 2026-12-04”, due Thu 10 Dec');
  });

  it('leaves a text that is not a date, and an impossible date, as it is', () => {
    expect(withDisplayDates('due 2026-02-30 and due soon', fmt)).toBe('due 2026-02-30 and due soon');
    expect(withDisplayDates('', fmt)).toBe('');
    expect(withDisplayDates('an odd "quote with no end due 2026-12-09', fmt)).toBe('an odd "quote with no end due Wed 9 Dec');
  });
});
