/**
 * Dates as the views and the CLI show them: the settings' date-fns display format (`EEE d MMM`
 * by default), with the year added to a date outside this year when the format has none, so a
 * brief's "due Mon 3 Nov" is never last year's November read as this one. ISO if the format fails.
 */
import { format } from 'date-fns';
import type { IsoDate } from './types';

/** Whether a date-fns format writes a year (a year token outside quoted text). */
function writesYear(dateFormat: string): boolean {
  return /[yYuR]/.test(dateFormat.replace(/'[^']*'/g, ''));
}

/** The display words for dates, judged against `today` (the year a date needs no year in). */
export function displayDates(dateFormat: string, today: () => IsoDate): (date: IsoDate) => string {
  const withYear = writesYear(dateFormat) ? dateFormat : `${dateFormat} yyyy`;
  return (date) => {
    try {
      const d = new Date(`${date}T12:00:00`);
      return format(d, date.slice(0, 4) === today().slice(0, 4) ? dateFormat : withYear);
    } catch {
      return date;
    }
  };
}
