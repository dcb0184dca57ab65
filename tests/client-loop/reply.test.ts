/**
 * The reply reader over a table of replies as clients write them: numbers, words that name a
 * commitment, "all done", status words in their common forms, typos and emoji, notes after a
 * colon or a dash; what it cannot place is listed, and a number out of range or a commitment
 * named twice is a problem (the callers write nothing then).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberCommitments, type NumberedCommitment } from '../../src/core/client-loop/numbering';
import { readReply } from '../../src/core/client-loop/reply';
import { clientNote, indexOf, sessionNote, vault } from '../nudges/helpers';

const files = vault(
  clientNote('Jane Doe', { accountability: 'active' }),
  sessionNote('Jane Doe', '2026-11-24', [
    '- [ ] Send 10 outreach messages [due:: 2026-11-30] ^out1',
    '- [ ] Draft the hiring scorecard [due:: 2026-11-29] ^hir1',
    '- [ ] Book the dentist [due:: 2026-11-28] ^den1',
  ]),
);
const index = indexOf(files);
const numbered: NumberedCommitment[] = numberCommitments(index, index.client('Jane Doe')!, '2026-11-25');
const AS_OF = '2026-11-25';
const read = (reply: string) => readReply(reply, numbered, AS_OF);
const brief = (reply: string) => read(reply).checkIns.map((k) => [k.n, k.status, k.note]);

describe('numbering', () => {
  it('numbers the live commitments in note order, from the as-of date', () => {
    expect(numbered.map((x) => [x.n, x.commitment.text])).toEqual([
      [1, 'Send 10 outreach messages'],
      [2, 'Draft the hiring scorecard'],
      [3, 'Book the dentist'],
    ]);
  });
});

describe('readReply: a table of real-sounding replies', () => {
  const table: [string, [number, string, string | null][]][] = [
    ['1 done, 2 stuck: meetings ate Monday', [[1, 'done', null], [2, 'stuck', 'meetings ate Monday']]],
    ['1 done 2 stuck 3 skipped', [[1, 'done', null], [2, 'stuck', null], [3, 'skipped', null]]],
    ['all done', [[1, 'done', null], [2, 'done', null], [3, 'done', null]]],
    ['All done!! 🎉', [[1, 'done', null], [2, 'done', null], [3, 'done', null]]],
    ['all done except 3', [[1, 'done', null], [2, 'done', null]]],
    ['all done, 3 skipped - dentist was closed', [[1, 'done', null], [2, 'done', null], [3, 'skipped', 'dentist was closed']]],
    ['1 ✅ 2 ❌ 3 👍', [[1, 'done', null], [2, 'skipped', null], [3, 'done', null]]],
    ['1. did it\n2. half\n3. skipped', [[1, 'done', null], [2, 'partial', null], [3, 'skipped', null]]],
    ['1 dnoe, 2 stuk', [[1, 'done', null], [2, 'stuck', null]]],
    ['#2 partialy - wrote the first half', [[2, 'partial', 'wrote the first half']]],
    ["2: didn't get to it, 1 finished", [[1, 'done', null], [2, 'skipped', 'get to it']]],
    ['1 and 3 done', [[1, 'done', null], [3, 'done', null]]],
    ['1+2 ✅', [[1, 'done', null], [2, 'done', null]]],
    ['outreach done: sent 6', [[1, 'done', 'sent 6']]],
    ['scorecard is half done, dentist skipped', [[2, 'partial', null], [3, 'skipped', null]]],
    ['Hi Sam! 1 done, 2 stuck: meetings ate Monday, and Tuesday too. Thanks', [[1, 'done', null], [2, 'stuck', 'meetings ate Monday, and Tuesday too']]],
    ['2 mostly done', [[2, 'partial', null]]],
    ['3 not yet', []],
    ['1 done, 3 not started yet', [[1, 'done', null]]],
    ['1 done: n/a, 2 n/a, 3 N/A', [[1, 'done', 'n/a']]],
    ['1 partial: 3 done, 7 to go', [[1, 'partial', '3 done, 7 to go']]],
    ['2 stuck: only 1 done so far', [[2, 'stuck', 'only 1 done so far']]],
    ['2 stuck: 📅 2027-01-01 ✅ 2026-01-01', [[2, 'stuck', '2027-01-01 ✅ 2026-01-01']]],
    ['1 2 3 done', [[1, 'done', null], [2, 'done', null], [3, 'done', null]]],
    ['#1 #2 done', [[1, 'done', null], [2, 'done', null]]],
    ['1-3 done', [[1, 'done', null], [2, 'done', null], [3, 'done', null]]],
    ['2 to 3 skipped', [[2, 'skipped', null], [3, 'skipped', null]]],
    ['1 done - 2 stuck - 3 skipped', [[1, 'done', null], [2, 'stuck', null], [3, 'skipped', null]]],
    ['1 yes 2 no', [[1, 'done', null], [2, 'skipped', null]]],
    ['1 ✔️', [[1, 'done', null]]],
    ['2 blocked: waiting on finance', [[2, 'stuck', 'waiting on finance']]],
  ];
  for (const [reply, expected] of table) {
    it(`“${reply.replace(/\n/g, ' / ')}”`, () => {
      const r = read(reply);
      expect(r.problems).toEqual([]);
      expect(brief(reply)).toEqual(expected);
    });
  }

  it('keeps the words of the reply each check-in came from', () => {
    expect(read('1 done, 2 stuck: meetings ate Monday').checkIns.map((k) => k.source)).toEqual(['1 done', '2 stuck: meetings ate Monday']);
  });
});

describe('what it cannot place is shown, never guessed', () => {
  it('a number with no status', () => {
    const r = read('2: meetings ate Monday');
    expect(r.checkIns).toEqual([]);
    expect(r.unplaced).toEqual([{ text: '2: meetings ate Monday', why: 'it gives a number but no status (done, partly, stuck or skipped)' }]);
  });
  it('a status with no number when several commitments are open', () => {
    const r = read('did it');
    expect(r.checkIns).toEqual([]);
    expect(r.unplaced[0].text).toBe('did it');
  });
  it('emoji with no numbers', () => {
    expect(read('✅✅').checkIns).toEqual([]);
  });
  it('words that fit nothing', () => {
    const r = read('the kids were sick all week');
    expect(r.checkIns).toEqual([]);
    expect(r.unplaced).toHaveLength(1);
  });
  it('one open commitment takes a bare status', () => {
    const one = numbered.slice(0, 1);
    expect(readReply('did it 🎉', one, AS_OF).checkIns.map((k) => [k.n, k.status])).toEqual([[1, 'done']]);
  });
});

describe('problems: nothing may be written', () => {
  it('a number out of range', () => {
    const r = read('1 done, 4 stuck');
    expect(r.problems).toEqual(['There is no 4 in “4 stuck”: the message numbered 1 to 3 (as of Wednesday 25 November).']);
  });
  it('a commitment named twice', () => {
    const r = read('1 done, 1 stuck');
    expect(r.problems).toEqual(['1 (“Send 10 outreach messages”) is named twice: “1 done” and “1 stuck”. Say which one it is.']);
  });
  it('by number and by its words', () => {
    expect(read('1 done, outreach stuck').problems[0]).toMatch(/^1 \(“Send 10 outreach messages”\) is named twice/);
  });
  it('an empty reply', () => {
    expect(read('  ').problems).toEqual(['The reply is empty: paste what the client wrote back.']);
  });
  it('nothing live on the date', () => {
    const r = readReply('1 done', [], AS_OF);
    expect(r.problems[0]).toMatch(/no commitments were live on Wednesday 25 November/);
  });
});

describe('total', () => {
  it('never throws, and only ever places numbers it was given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = readReply(s, numbered, AS_OF);
        for (const k of r.checkIns) expect(numbered.some((x) => x.n === k.n && x.commitment === k.commitment)).toBe(true);
        expect(new Set(r.checkIns.map((k) => k.n)).size).toBe(r.checkIns.length);
      }),
      { numRuns: 400 },
    );
  });
  it('non-string input reads as empty', () => {
    expect(readReply(undefined as unknown as string, numbered, AS_OF).problems).toHaveLength(1);
  });
});

describe('a reply longer than is read at once', () => {
  it('reads the first 10,000 characters and says, among what was not placed, that the rest was not read', () => {
    const r = read(`1 done, 2 stuck: no time. ${'and more words '.repeat(800)}`);
    expect(r.checkIns.map((k) => [k.n, k.status])).toEqual([[1, 'done'], [2, 'stuck']]);
    expect(r.unplaced.at(0)?.why).toMatch(/longer than 10,000 characters and only the first 10,000 were read; log the rest as a reply of its own/);
    expect(read('1 done').unplaced).toEqual([]);
  });
});

describe('a reply about a commitment closed in the note since the message', () => {
  // The message went out on 11-25; the coach ticked #1 on 11-26 and logged #2 let go, so both keep their numbers.
  const closed = vault(
    clientNote('Jane Doe', { accountability: 'active' }),
    sessionNote('Jane Doe', '2026-11-24', [
      '- [x] Send 10 outreach messages [due:: 2026-11-30] [completion:: 2026-11-26] ^out1',
      '- [-] Draft the hiring scorecard [due:: 2026-11-29] [cancelled:: 2026-11-26] ^hir1',
      '- [ ] Book the dentist [due:: 2026-11-28] ^den1',
    ]),
  );
  const idx = indexOf(closed);
  const nums = numberCommitments(idx, idx.client('Jane Doe')!, AS_OF);

  it("'done' on one already done is nothing to log, said as not placed; the rest is logged", () => {
    expect(nums.map((x) => x.n)).toEqual([1, 2, 3]);
    const r = readReply('1 done, 3 done', nums, AS_OF);
    expect(r.problems).toEqual([]);
    expect(r.checkIns.map((k) => [k.n, k.status])).toEqual([[3, 'done']]);
    expect(r.unplaced).toEqual([{ text: '1 done', why: '1 (“Send 10 outreach messages”) is already marked done in the note, so there is nothing to log' }]);
  });

  it('any other status on a closed one is a problem the preview shows, so nothing is written (the write refused it after the preview said yes)', () => {
    const r = readReply('1 stuck, 2 done, 3 done', nums, AS_OF);
    expect(r.problems).toEqual([
      '1 (“Send 10 outreach messages”) is already done in the note, so a check-in saying stuck cannot be logged on it; if it is open again, open its box in the note first, or leave 1 out of the reply.',
      '2 (“Draft the hiring scorecard”) is already let go in the note, so a check-in saying done cannot be logged on it; if it is open again, open its box in the note first, or leave 2 out of the reply.',
    ]);
  });
});
