// The arithmetic in src/core/dates.ts against the Date-based code it replaced.
import { describe, it, expect } from 'vitest';
import { addDays, daysBetween, parseIsoDate, weekday } from '../src/core/dates';
const DAY = 86400000;
const old = {
  addDays: (d: string, n: number) => { const x = new Date(new Date(`${d}T00:00:00Z`).getTime() + n * DAY); return `${String(x.getUTCFullYear()).padStart(4,'0')}-${String(x.getUTCMonth()+1).padStart(2,'0')}-${String(x.getUTCDate()).padStart(2,'0')}`; },
  daysBetween: (a: string, b: string) => Math.round((new Date(`${b}T00:00:00Z`).getTime() - new Date(`${a}T00:00:00Z`).getTime()) / DAY),
  weekday: (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay(),
};
describe('date arithmetic on YYYY-MM-DD', () => {
it('gives what Date gives, for every date and for odd text', () => {
  let seed = 20261202;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const samples = ['1970-01-01','2000-02-29','2026-12-01','1900-03-01','0001-01-01','9999-12-31','2026-02-30','2024-13-01','abcd-ef-gh','2026-1-5','', '2026-12-01T10:00', '1600-02-29'];
  for (let k = 0; k < 3000; k++) { const y = 1 + Math.floor(rnd()*9998), m = 1+Math.floor(rnd()*12), d = 1+Math.floor(rnd()*31); samples.push(`${String(y).padStart(4,'0')}-${String(m).padStart(2,'0')}-${String(d).padStart(2,'0')}`); }
  for (const s of samples) for (const n of [0, 1, -1, 13, -400, 36500, -36500]) {
    // Past the four-digit years, the last or first day of them (Date would give a five-digit or negative year).
    const was = old.addDays(s, n);
    const want = was.includes('NaN') || /^\d{4}-\d{2}-\d{2}$/.test(was) ? was : n > 0 ? '9999-12-31' : '0000-01-01';
    expect(addDays(s, n), `${s} ${n}`).toBe(want);
    expect(Number.isNaN(daysBetween(s, '2026-12-01')) ? 'nan' : daysBetween(s, '2026-12-01'), s).toBe(Number.isNaN(old.daysBetween(s, '2026-12-01')) ? 'nan' : old.daysBetween(s, '2026-12-01'));
    expect(Number.isNaN(weekday(s)) ? 'nan' : weekday(s), s).toBe(Number.isNaN(old.weekday(s)) ? 'nan' : old.weekday(s));
  }
});
});

describe('dates read as one string per date', () => {
  it('reads every date as itself, in the years it keeps one string for and outside them', () => {
    const start = Date.UTC(1850, 0, 1);
    for (let i = 0; i < 132_000; i += 1) {
      const iso = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      expect(parseIsoDate(iso)).toBe(iso);
      if (i % 997 === 0) expect(parseIsoDate(`${iso}T10:00`)).toBe(iso);
    }
    expect(parseIsoDate('2026-02-30')).toBeNull();
  });
});
