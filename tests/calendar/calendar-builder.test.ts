/**
 * The calendar kept current (src/core/calendar/calendar-builder.ts): after any sequence of
 * changes, a builder that reuses what it kept writes the same bytes as a calendar built from
 * nothing over a fresh index of the same notes; and the UIDs, now looked up for a block id one
 * note holds once, are the ones the count over every commitment gave (`referenceUids`, the
 * previous algorithm, kept here as the reference).
 */
import { describe, expect, it } from 'vitest';
import { CalendarBuilder, buildCalendar } from '../../src/core/calendar/calendar-builder';
import { calendarEvents, commitmentUid, eventUids, stableHash, UID_DOMAIN, type CalendarOptions } from '../../src/core/calendar/ics';
import type { VaultIndex } from '../../src/core/index/vault-index';
import type { Commitment } from '../../src/core/types';
import { indexOf, sessionNote } from '../nudges/helpers';
import { apply, change, random, randomVault } from './random-vault';

/** The UIDs as every export before the builder counted them: over all of the vault's commitments. */
function referenceUids(index: VaultIndex, exported: readonly Commitment[]): Map<Commitment, string> {
  const uids = new Map<Commitment, string>();
  const place = (c: Commitment) => `${c.session}\u0000${c.line}`;
  const lists = new Map<string, Commitment[]>();
  for (const x of index.commitments()) {
    if (x.id === null) continue;
    lists.set(x.id, [...(lists.get(x.id) ?? []), x]);
  }
  const byId = new Map<string, { at: number; inNote: number }>();
  for (const list of lists.values()) {
    list.sort((x, y) => (x.session < y.session ? -1 : x.session > y.session ? 1 : x.line - y.line));
    let noteStart = 0;
    for (let i = 0; i < list.length; i++) {
      if (i > 0 && list[i].session !== list[i - 1].session) noteStart = i;
      byId.set(place(list[i]), { at: i, inNote: i - noteStart });
    }
  }
  for (const c of exported) {
    if (c.id !== null) {
      const found = byId.get(place(c));
      if (found === undefined || found.at === 0) uids.set(c, commitmentUid(c));
      else uids.set(c, `${c.id}.${stableHash(c.session)}${found.inNote > 0 ? `.${found.inNote + 1}` : ''}@${UID_DOMAIN}`);
    } else {
      const seen = new Map<string, number>();
      const before = new Map<number, number>();
      for (const x of index.commitmentsOfSession(c.session)) {
        if (x.id !== null) continue;
        const n = seen.get(x.text) ?? 0;
        before.set(x.line, n);
        seen.set(x.text, n + 1);
      }
      const n = before.get(c.line) ?? 0;
      uids.set(c, n === 0 ? commitmentUid(c) : commitmentUid(c).replace(`@${UID_DOMAIN}`, `-${n + 1}@${UID_DOMAIN}`));
    }
  }
  return uids;
}

describe('the calendar kept current', () => {
  it('writes, after every change, the bytes a calendar built from nothing writes, over 40 random vaults of 12 changes each', () => {
    let builds = 0;
    let events = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = random(seed);
      let files = randomVault(r);
      const live = indexOf(files);
      const builder = new CalendarBuilder();
      for (let step = 0; step < 12; step++) {
        // The date moves on now and then, and the options change (a filter, a setting).
        const asOf = step < 8 ? '2026-11-27' : '2026-12-02';
        const options: CalendarOptions = { vaultName: 'v', coach: step === 5 ? 'Sam Rivera' : null, settings: { includePastAlarms: step >= 10 } };
        const kept = builder.build(live, asOf, options);
        const fresh = indexOf(files);
        expect(kept, `seed ${seed}, step ${step}`).toBe(buildCalendar(fresh, asOf, options));
        events += (kept.match(/BEGIN:VEVENT/g) ?? []).length;
        builds++;
        const next = { ...files };
        change(next, r);
        apply(live, files, next);
        files = next;
      }
    }
    expect(builds).toBe(480);
    expect(events).toBeGreaterThan(2000);
  });

  it('gives every event the UID the count over every commitment gives: block ids reused across notes and within one, texts repeated without ids', () => {
    let checked = 0;
    let told = 0;
    for (let seed = 100; seed < 220; seed++) {
      const r = random(seed);
      const index = indexOf(randomVault(r));
      const exported = index.commitments().filter((c) => c.status === 'open' || c.status === 'partial' || c.status === 'stuck');
      const got = eventUids(index, exported);
      const want = referenceUids(index, exported);
      for (const c of exported) expect(got.get(c), `${c.session}:${c.line}`).toBe(want.get(c));
      checked += exported.length;
      told += exported.filter((c) => want.get(c) !== commitmentUid(c)).length;
    }
    expect(checked).toBeGreaterThan(1000);
    // The random vaults reuse ids enough that many UIDs are told apart, not just the plain ones.
    expect(told).toBeGreaterThan(100);
  });

  it('works the next build out ahead a client per step: the build after it writes no event text, and a change meanwhile starts it again', () => {
    for (let seed = 300; seed < 320; seed++) {
      const r = random(seed);
      let files = randomVault(r);
      const index = indexOf(files);
      const builder = new CalendarBuilder();
      const options: CalendarOptions = { vaultName: 'v' };
      let work = builder.prepare(index, '2026-11-27', options);
      let steps = 0;
      let p = work.step(() => true);
      // First the vault's block ids, a note per step (progress 0 of 0: not counting clients yet).
      let notes = 1;
      for (; p.total === 0 && !p.finished; p = work.step(() => true)) notes++;
      expect(notes).toBeGreaterThan(10);
      for (; !p.finished; p = work.step(() => true)) {
        steps++;
        expect(p.worked).toBe(1);
        if (steps === 2) {
          // A note comes half-way: the next step starts from the first client again (the block
          // ids, kept current note by note, are not built again).
          const next = { ...files, ...sessionNote('Ana Lee', '2026-11-26', ['- [ ] Send the deck again [due:: 2026-12-03] ^late1']) };
          apply(index, files, next);
          files = next;
          const again = work.step(() => true);
          expect(again.done).toBe(1);
          steps++;
        }
      }
      expect(p.total).toBe(index.clients().length);
      const text = builder.build(index, '2026-11-27', options);
      expect(builder.written, `seed ${seed}`).toBe(0);
      expect(text).toBe(buildCalendar(indexOf(files), '2026-11-27', options));
      // Without the work ahead, a builder writes every event's text.
      const cold = new CalendarBuilder();
      cold.build(index, '2026-11-27', options);
      expect(cold.written).toBe((text.match(/BEGIN:VEVENT/g) ?? []).length);
      work = builder.prepare(index, '2026-11-27', { ...options, client: 'Maya Chen' });
      while (!work.step(() => false).finished);
      expect(builder.build(index, '2026-11-27', { ...options, client: 'Maya Chen' })).toBe(buildCalendar(indexOf(files), '2026-11-27', { ...options, client: 'Maya Chen' }));
      expect(builder.written).toBe(0);
    }
  });

  it('keeps what did not change: after one note changes, only its client is worked out again, and unchanged events keep their text', () => {
    const r = random(7);
    const files = randomVault(r);
    const index = indexOf(files);
    const builder = new CalendarBuilder();
    const options: CalendarOptions = { vaultName: 'v' };
    const first = builder.build(index, '2026-11-27', options);
    const before = calendarEvents(index, '2026-11-27', options);
    // A session note of one client gets a new open commitment.
    const path = Object.keys(files).find((p) => p.startsWith('Sessions/') && files[p].includes('Maya Chen'))!;
    index.setNote(path, `${files[path]}\n- [ ] Ring the printer [due:: 2026-12-05] ^new1\n`);
    const second = builder.build(index, '2026-11-27', options);
    const after = calendarEvents(index, '2026-11-27', options);
    expect(after).toHaveLength(before.length + 1);
    expect(second).toContain('Ring the printer');
    // Every event of the first build is still there, byte for byte.
    const blocks = (ics: string) => ics.split('BEGIN:VEVENT').slice(1).map((b) => b.slice(0, b.indexOf('END:VEVENT')));
    for (const b of blocks(first)) expect(blocks(second)).toContain(b);
    expect(second).toBe(buildCalendar(indexOf({ ...files, [path]: `${files[path]}\n- [ ] Ring the printer [due:: 2026-12-05] ^new1\n` }), '2026-11-27', options));
  });
});
