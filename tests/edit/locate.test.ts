import { describe, expect, it } from 'vitest';
import { checkIn } from '../../src/core/edit/check-in';
import { locateCommitment } from '../../src/core/edit/locate';
import { PATH, session, target } from './helpers';

const note = session(['## Commitments', '- [ ] Send 10 outreach messages ^c7f3a', '- [ ] Draft the scorecard', '']);

describe('locateCommitment', () => {
  it('takes the line the caller saw when it still holds the expected text', () => {
    const t = target(note, 'Send 10 outreach messages');
    const r = locateCommitment(note, t);
    expect(r.ok && [r.commitment.line, r.moved]).toEqual([8, false]);
  });

  it('finds a moved line by its block id', () => {
    const t = target(note, 'Send 10 outreach messages');
    const moved = note.replace('## Commitments\n', '## Commitments\n- [ ] A new first line\n');
    const r = locateCommitment(moved, t);
    expect(r.ok && [r.commitment.line, r.moved]).toEqual([9, true]);
  });

  it('finds an edited line by its block id', () => {
    const t = target(note, 'Send 10 outreach messages');
    const edited = note.replace('Send 10 outreach', 'Send 12 outreach');
    const r = locateCommitment(edited, t);
    expect(r.ok && r.commitment.text).toBe('Send 12 outreach messages');
  });

  it('finds a line without a block id that moved, when its exact text is on one line only', () => {
    const t = target(note, 'Draft the scorecard');
    const moved = note.replace('## Commitments\n', '## Commitments\n- [ ] A new first line\n');
    const r = locateCommitment(moved, t);
    expect(r.ok && r.commitment.line).toBe(t.line + 1);
    expect(r.ok && r.moved).toBe(true);
  });

  it('refuses when a line without a block id moved and changed, or its text is now on two lines', () => {
    const t = target(note, 'Draft the scorecard');
    const changed = note.replace('## Commitments\n', '## Commitments\n- [ ] A new first line\n').replace('- [ ] Draft the scorecard', '- [/] Draft the scorecard');
    const r = locateCommitment(changed, t);
    expect(!r.ok && r.reason).toMatch(new RegExp(`^${PATH} line 9 has changed .*no block id`));
    const twice = note.replace('## Commitments\n', '## Commitments\n- [ ] Draft the scorecard\n');
    const r2 = locateCommitment(twice, t);
    expect(!r2.ok && r2.reason).toMatch(/no block id, and its text is on more than one line/);
  });

  it('refuses when the block id is on two commitments', () => {
    const t = target(note, 'Send 10 outreach messages');
    const twice = note.replace('- [ ] Draft the scorecard', '- [ ] Draft the scorecard ^c7f3a').replace('- [ ] Send 10', '- [x] Send 10');
    const r = locateCommitment(twice, { ...t, expectedText: 'something else' });
    expect(!r.ok && r.reason).toMatch(/block id \^c7f3a is on more than one commitment \(lines 8, 9\)/);
  });

  it('refuses when the block id is gone', () => {
    const t = target(note, 'Send 10 outreach messages');
    const gone = note.replace(' ^c7f3a', '');
    const r = locateCommitment(gone, t);
    expect(!r.ok && r.reason).toMatch(/no commitment in the note has block id \^c7f3a/);
  });

  it('refuses a note that is no longer a session note', () => {
    const t = target(note, 'Send 10 outreach messages');
    const r = locateCommitment(note.replace('type: session', 'type: draft'), t);
    expect(!r.ok && r.reason).toMatch(/is not a session note/);
  });

  it('a refused edit returns no text', () => {
    const t = target(note, 'Draft the scorecard');
    const r = checkIn(note.replace('Draft', 'Redraft'), t, { status: 'done', today: '2026-11-28' });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('nothing was changed') });
  });
});
