/**
 * Review notes: the path, what the generated block says (moved, stuck, escalations and
 * exceptions, milestones reached, links), and updating a note in place: the reader's text kept
 * byte for byte, a re-run for the same data changing nothing, damaged markers refused.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewCommand, reviewPeriod, ReviewWriteError } from '../../src/cli/commands/review';
import { readVault } from '../../src/cli/read-vault';
import { VaultIndex } from '../../src/core/index/vault-index';
import { REVIEW_END, REVIEW_START, renderReview, renderReviewBlock, reviewNotePath, updateReviewNote } from '../../src/core/practice/review';
import { clientNote, demoIndex, indexOf, JUDGEMENT, rawClient, sessionNote, vault } from './helpers';

const AS_OF = '2026-11-29'; // a Sunday: the review of 2026-W48, 2026-11-23 … 2026-11-29
const files = vault(
  rawClient('Jane Doe', [
    'coach: Sam Rivera',
    'cadence: weekly',
    'promise: {text: "Land 3 new clients", target: 3}',
    'outcomes:',
    '  - {date: 2026-11-27, value: 2, note: "signed Holloway"}',
    '  - {date: 2026-11-02, value: 1}',
    'milestones:',
    '  - {name: "Launch the website", due: 2026-11-30, done: 2026-11-26}',
    '  - {name: "Hire an assistant", due: 2026-11-20, done: false}',
  ]),
  sessionNote(
    'Jane Doe',
    '2026-11-17',
    [
      '- [x] Send the invoice [due:: 2026-11-22] [completion:: 2026-11-25] ^j1',
      '- [-] Walk at lunch [due:: 2026-11-22] [cancelled:: 2026-11-24] ^j2',
      '- [>] Draft the proposal ^j3',
      '- [x] Call the printer [completion:: 2026-11-20] ^j4',
      '- [x] Land the Holloway retainer [kind:: outcome] [completion:: 2026-11-27] ^j5',
    ],
    { next: '2026-11-24' },
  ),
  sessionNote(
    'Jane Doe',
    '2026-11-24',
    ['- [ ] Draft the proposal, first page only [from:: j3] [due:: 2026-11-26] ^j6', '    - 2026-11-27 stuck: blank page', '- [ ] Read [[Deep Work|the book]] | chapter 2 [due:: 2026-12-05] ^j7'],
    { next: '2026-12-01' },
  ),
  clientNote('Omar Haddad', { coach: 'Priya Nair', cadence: 'weekly' }),
  sessionNote('Omar Haddad', '2026-10-20', ['- [ ] Send the deck to Dana [due:: 2026-10-30] ^o1'], { next: '2026-10-27' }),
  sessionNote('Omar Haddad', '2026-11-25', [], { status: 'cancelled' }),
  clientNote('Quinn Quiet', { coach: 'Sam Rivera' }),
  sessionNote('Quinn Quiet', '2026-11-20', ['- [ ] Book the venue [due:: 2026-12-02] ^q1'], { next: '2026-12-04' }),
  clientNote('Rita Rest', { coach: 'Sam Rivera', paused_until: '2026-11-28' }),
);
const index = indexOf(files);
const options = { period: 'week' as const, asOf: AS_OF };
const note = renderReview(index, options);
const block = renderReviewBlock(index, options);

describe('reviewNotePath', () => {
  it('names the note by ISO week or month, in the reviews folder', () => {
    expect(reviewNotePath('week', AS_OF)).toBe('Reviews/2026-W48.md');
    expect(reviewNotePath('week', '2026-11-30')).toBe('Reviews/2026-W49.md');
    expect(reviewNotePath('week', '2027-01-02')).toBe('Reviews/2026-W53.md');
    expect(reviewNotePath('month', AS_OF)).toBe('Reviews/2026-11.md');
    expect(reviewNotePath('month', AS_OF, '/Practice/Reviews/')).toBe('Practice/Reviews/2026-11.md');
    expect(reviewNotePath('month', AS_OF, '')).toBe('2026-11.md');
  });
});

describe('renderReview', () => {
  const lines = note.split('\n');

  it('is a note with frontmatter, one generated block between marker lines, and a place for the reader', () => {
    expect(lines.slice(0, 6)).toEqual(['---', 'type: review', 'period: 2026-W48', 'from: 2026-11-23', 'to: 2026-11-29', '---']);
    expect(lines.filter((l) => l === REVIEW_START)).toHaveLength(1);
    expect(lines.filter((l) => l === REVIEW_END)).toHaveLength(1);
    expect(note).toContain(block);
    expect(note.endsWith(`${REVIEW_END}\n\n## Notes\n\n`)).toBe(true);
    expect(lines[7]).toBe('# Weekly review: 2026-W48 (2026-11-23 to 2026-11-29)');
  });

  it('has the practice line and one section per coach, Unassigned last', () => {
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Practice', '## Priya Nair', '## Sam Rivera', '## Notes']);
    expect(note).toMatch(/4 clients counted · sessions held \d+ of [\d.]+ planned/);
  });

  it('what moved in the week: done, let go and carried forward, with links to the commitment’s block', () => {
    expect(note).toContain('- done 2026-11-25: [[Sessions/2026-11-17 Jane Doe#^j1|Send the invoice]]');
    expect(note).toContain('- let go 2026-11-24: [[Sessions/2026-11-17 Jane Doe#^j2|Walk at lunch]]');
    // No date on a [>] item: it moved at the client's next held session.
    expect(note).toContain('- carried forward 2026-11-24: [[Sessions/2026-11-17 Jane Doe#^j3|Draft the proposal]]');
    expect(note).not.toContain('Call the printer'); // done on 11-20, the week before
    expect(note.indexOf('- let go 2026-11-24')).toBeLessThan(note.indexOf('- done 2026-11-25')); // by date
  });

  it('what is stuck as of the date: overdue items with their last check-in, milestones past due', () => {
    expect(note).toContain('- stuck 3 days (due 2026-11-26): [[Sessions/2026-11-24 Jane Doe#^j6|Draft the proposal, first page only]], last check-in 2026-11-27 stuck');
    expect(note).toContain('- milestone overdue since 2026-11-20: Hire an assistant');
    expect(note).toContain('- overdue 30 days (due 2026-10-30): [[Sessions/2026-10-20 Omar Haddad#^o1|Send the deck to Dana]], no check-in');
  });

  it('milestones reached: dated milestones, outcome entries, outcome commitments done in the week', () => {
    expect(note).toContain('- milestone reached 2026-11-26: Launch the website');
    expect(note).toContain('- outcome 2026-11-27: 2 of 3, signed Holloway');
    expect(note).toContain('- outcome done 2026-11-27: [[Sessions/2026-11-17 Jane Doe#^j5|Land the Holloway retainer]]');
    expect(note).not.toContain('2026-11-02'); // an outcome from an earlier week
  });

  it('escalations and exceptions: long overdue, cancelled sessions, no next session, a release ending', () => {
    expect(note).toContain('- overdue: [[Clients/Omar Haddad|Omar Haddad]]: 1 commitment overdue by more than 14 days (the oldest due 2026-10-30).');
    expect(note).toContain('    - [[Sessions/2026-10-20 Omar Haddad#^o1|Send the deck to Dana]] (due 2026-10-30)');
    expect(note).toContain('- [[Clients/Omar Haddad|Omar Haddad]]: session cancelled: [[Sessions/2026-11-25 Omar Haddad|2026-11-25]]');
    expect(note).toContain('- [[Clients/Omar Haddad|Omar Haddad]]: no next session booked after [[Sessions/2026-11-25 Omar Haddad|2026-11-25]]');
    expect(note).toContain('- [[Clients/Rita Rest|Rita Rest]]: released until 2026-11-28; accountability resumes after that');
  });

  it('shows at most 10 items of a long list, and counts the rest: a client carrying 25 overdue items', () => {
    const items = Array.from({ length: 25 }, (_, i) => `- [ ] Step ${String(i + 1).padStart(2, '0')} of the backlog [due:: 2026-10-${String(i + 1).padStart(2, '0')}] ^b${i + 1}`);
    const long = renderReview(indexOf(vault(clientNote('Bea Backlog', { coach: 'Sam Rivera', cadence: 'weekly' }), sessionNote('Bea Backlog', '2026-09-28', items, { next: '2026-12-03' }))), options);
    const evidence = long.slice(long.indexOf('- overdue: [[Clients/Bea Backlog|Bea Backlog]]: 25 commitments overdue'));
    const lines = evidence.split('\n');
    expect(lines.slice(1, 11).every((l) => /^ {4}- \[\[Sessions\/2026-09-28 Bea Backlog#\^b\d+\|Step \d\d of the backlog\]\] \(due 2026-10-\d\d\)$/.test(l))).toBe(true);
    expect(lines[1]).toContain('Step 01');
    expect(lines[10]).toContain('Step 10');
    expect(lines[11]).toBe("    - …and 15 more (Bea Backlog's view lists them all)");
    // The client's Stuck list is cut the same way.
    const stuck = long.slice(long.indexOf('- Stuck:'));
    const stuckLines = stuck.split('\n').slice(1, 12);
    expect(stuckLines.slice(0, 10).every((l) => l.startsWith('    - overdue '))).toBe(true);
    expect(stuckLines[10]).toBe("    - …and 15 more (Bea Backlog's view lists them all)");
    // The small fixture's lists are whole.
    expect(note).not.toContain('…and');
  });

  it('names the clients with nothing to report in one line', () => {
    expect(note).toContain('Nothing moved or stuck: [[Clients/Quinn Quiet|Quinn Quiet]], [[Clients/Rita Rest|Rita Rest]].');
  });

  it('keeps link aliases clean: no pipes or brackets from the commitment text', () => {
    const stuck = renderReview(index, { ...options, asOf: '2026-12-07' }); // j7 overdue by then
    expect(stuck).toContain('[[Sessions/2026-11-24 Jane Doe#^j7|Read the book chapter 2]]');
  });

  it('is the same text every time for the same notes and date, and stays neutral', () => {
    expect(renderReview(index, options)).toBe(note);
    expect(note).not.toMatch(JUDGEMENT);
    expect(renderReview(demoIndex(), { period: 'month', asOf: '2026-11-30' })).not.toMatch(JUDGEMENT);
  });

  it('a monthly review covers the month so far', () => {
    const month = renderReview(index, { ...options, period: 'month' });
    expect(month).toContain('# Monthly review: 2026-11 (2026-11-01 to 2026-11-30)');
    expect(month).toContain('_As of 2026-11-29, 2026-11 so far.');
    expect(month).toContain('- done 2026-11-20: [[Sessions/2026-11-17 Jane Doe#^j4|Call the printer]]');
  });
});

describe('updateReviewNote', () => {
  const later = renderReview(index, { ...options, asOf: '2026-11-27' }); // same week, earlier date: a different block
  const READER_ABOVE = 'Agenda for Monday: ask Priya about Omar.\n\n';
  const READER_BELOW = '\n\n## Notes\n\nSam says Jane is close to the third client. 👍\n- [ ] not a commitment, just my list\n';

  function withReader(generated: string): string {
    const [fm, rest] = [generated.slice(0, generated.indexOf(REVIEW_START)), generated.slice(generated.indexOf(REVIEW_START))];
    const blockEnd = rest.indexOf(REVIEW_END) + REVIEW_END.length;
    return fm + READER_ABOVE + rest.slice(0, blockEnd) + READER_BELOW;
  }

  it('with no note yet, the generated note is the note', () => {
    expect(updateReviewNote(null, note)).toEqual({ ok: true, text: note, changed: true, created: true });
  });

  it('replaces only the block: everything above and below is kept byte for byte', () => {
    const existing = withReader(later);
    const r = updateReviewNote(existing, note);
    if (!r.ok) throw new Error(r.reason);
    expect(r.changed).toBe(true);
    expect(r.created).toBe(false);
    const before = existing.slice(0, existing.indexOf(REVIEW_START));
    const after = existing.slice(existing.indexOf(REVIEW_END) + REVIEW_END.length);
    expect(r.text.startsWith(before)).toBe(true);
    expect(r.text.endsWith(after)).toBe(true);
    expect(r.text).toBe(before + block + after);
    expect(r.text).toContain(READER_ABOVE);
    expect(r.text).toContain(READER_BELOW);
  });

  it('is idempotent: running again for the same notes and date changes nothing', () => {
    const once = updateReviewNote(withReader(later), note);
    if (!once.ok) throw new Error(once.reason);
    const twice = updateReviewNote(once.text, note);
    expect(twice).toEqual({ ok: true, text: once.text, changed: false, created: false });
    // The block alone works as the generated text too.
    expect(updateReviewNote(once.text, block)).toEqual(twice);
  });

  it('replaces what the reader typed inside the block (the block says so) and nothing else', () => {
    const existing = withReader(note).replace('## Practice', '## Practice\n\nmy edit inside the block');
    const r = updateReviewNote(existing, note);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toBe(withReader(note));
  });

  it('keeps a CRLF note in CRLF, the reader’s text untouched', () => {
    const existing = withReader(later).replace(/\n/g, '\r\n');
    const r = updateReviewNote(existing, note);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toBe(withReader(note).replace(/\n/g, '\r\n'));
    expect(updateReviewNote(r.text, note)).toMatchObject({ ok: true, changed: false });
  });

  it('does not take a marker written inside a line of prose for the block’s edge', () => {
    const existing = withReader(later) + `\nI copied ${REVIEW_END} into this sentence.\n`;
    const r = updateReviewNote(existing, note);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text.endsWith(`\nI copied ${REVIEW_END} into this sentence.\n`)).toBe(true);
  });

  it('refuses, with a reason, a note whose markers are missing, repeated or out of order', () => {
    const good = withReader(later);
    const cases: [string, RegExp][] = [
      ['# My own note about the week\n', /no Follow Through review block/],
      [good.replace(REVIEW_END, 'end marker deleted'), /start marker but no end marker/],
      [good.replace(REVIEW_START, 'start marker deleted'), /end marker but no start marker/],
      [good + `\n${REVIEW_START}\n`, /2 start markers/],
      [good + `\n${REVIEW_END}\n`, /2 end markers/],
      [good.replace(REVIEW_START, 'X').replace(REVIEW_END, REVIEW_START).replace(/^X$/m, REVIEW_END), /end marker comes before the start marker/],
    ];
    for (const [text, reason] of cases) {
      const r = updateReviewNote(text, note);
      expect(r.ok, reason.source).toBe(false);
      if (!r.ok) {
        expect(r.reason).toMatch(reason);
        expect(r.reason).toMatch(/left unchanged/);
      }
    }
  });

  it("refuses to write one period's review over another's (a week over last week's, a month over a week)", () => {
    const lastWeek = renderReview(index, { ...options, asOf: '2026-11-20' });
    const existing = withReader(lastWeek);
    const r = updateReviewNote(existing, note);
    expect(r).toEqual({ ok: false, reason: "the note holds the 2026-W47 review, not 2026-W48's; write the 2026-W48 review to a note of its own (the note was left unchanged)" });
    const month = renderReview(index, { ...options, period: 'month' });
    expect(updateReviewNote(withReader(note), month)).toMatchObject({ ok: false, reason: expect.stringMatching(/holds the 2026-W48 review, not 2026-11's/) });
  });

  it('refuses generated text that is not a review block', () => {
    expect(updateReviewNote(null, '# nothing generated')).toMatchObject({ ok: false });
  });
});

describe('the review command', () => {
  const root = mkdtempSync(join(tmpdir(), 'ft-review-'));
  const vaultDir = join(root, 'vault');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(vaultDir, path)), { recursive: true });
    writeFileSync(join(vaultDir, path), text);
  }
  const idx = new VaultIndex();
  idx.setNotes(readVault(vaultDir));

  it('prints the note without --out, reading the promise and outcomes from the client notes on disk', () => {
    const out = reviewCommand(idx, { period: 'week', asOf: AS_OF, out: null });
    expect(out).toBe(note);
  });

  it('writes the note, then updates its block in place, then reports it up to date', () => {
    const file = join(root, 'out', 'Reviews', '2026-W48.md');
    expect(reviewCommand(idx, { period: 'week', asOf: '2026-11-27', out: file })).toMatch(/^wrote the 2026-W48 review to /);
    writeFileSync(file, readFileSync(file, 'utf8') + 'My notes: call Omar.\n');
    expect(reviewCommand(idx, { period: 'week', asOf: AS_OF, out: file })).toMatch(/^updated the 2026-W48 review in .*unchanged/);
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith(`${REVIEW_END}\n\n## Notes\n\nMy notes: call Omar.\n`)).toBe(true);
    expect(text).toContain(block);
    expect(reviewCommand(idx, { period: 'week', asOf: AS_OF, out: file })).toMatch(/already up to date/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('writes into a folder given as --out under the period’s name', () => {
    const dir = join(root, 'folder');
    mkdirSync(dir);
    reviewCommand(idx, { period: 'month', asOf: AS_OF, out: dir });
    expect(existsSync(join(dir, '2026-11.md'))).toBe(true);
  });

  it('a folder not made yet, written with a trailing /, is made; a name that is neither folder nor .md note is refused', () => {
    const dir = join(root, 'new-folder', 'Reviews');
    reviewCommand(idx, { period: 'week', asOf: AS_OF, out: `${dir}/` });
    expect(existsSync(join(dir, '2026-W48.md'))).toBe(true);
    const bare = join(root, 'Reviews2');
    expect(() => reviewCommand(idx, { period: 'week', asOf: AS_OF, out: bare })).toThrow(/not a folder and not a \.md note; end it with \/ for a folder \(the review goes in it as 2026-W48\.md\), or name the note .*Reviews2\.md/);
    expect(existsSync(bare)).toBe(false);
  });

  it("refuses to write a week's review into last week's note, which keeps every byte", () => {
    const file = join(root, 'last-week.md');
    reviewCommand(idx, { period: 'week', asOf: '2026-11-20', out: file });
    const before = readFileSync(file, 'utf8') + 'What I learned this week.\n';
    writeFileSync(file, before);
    expect(() => reviewCommand(idx, { period: 'week', asOf: AS_OF, out: file })).toThrow(/not writing .*last-week\.md: the note holds the 2026-W47 review, not 2026-W48's/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('writes through the guarded note write: a read-only review note is refused and keeps every byte', () => {
    const file = join(root, 'read-only.md');
    reviewCommand(idx, { period: 'week', asOf: '2026-11-27', out: file });
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o444);
    expect(() => reviewCommand(idx, { period: 'week', asOf: AS_OF, out: file })).toThrow(/not writing .*read-only\.md: "read-only" is read-only; nothing was written/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    chmodSync(file, 0o644);
  });

  it('refuses to touch a file without a review block', () => {
    const file = join(root, 'mine.md');
    writeFileSync(file, '# Mine\n');
    expect(() => reviewCommand(idx, { period: 'week', asOf: AS_OF, out: file })).toThrow(ReviewWriteError);
    expect(readFileSync(file, 'utf8')).toBe('# Mine\n');
  });

  it('--week or --month: neither is a week, both is a usage error', () => {
    expect(reviewPeriod({ week: false, month: false })).toBe('week');
    expect(reviewPeriod({ week: false, month: true })).toBe('month');
    expect(() => reviewPeriod({ week: true, month: true })).toThrow(/not both/);
  });
});
