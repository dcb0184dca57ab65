import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, resolveThresholds } from '../../src/core/analytics/thresholds';
import { SIGNAL_NAMES, riskScore } from '../../src/core/analytics/signals';
import {
  clientNote,
  lineOf,
  lineText,
  sessionNote,
  sessionPath,
  signal,
  signalNames,
  signalsOf,
  vault,
  weekly,
  type Files,
} from './fixtures';

const JANE = 'Jane Doe';

describe('thresholds', () => {
  it('have the issue defaults and can be overridden one at a time', () => {
    expect(DEFAULT_THRESHOLDS).toMatchObject({
      stalledCadences: 1.5,
      carriedSessions: 3,
      decliningRate: 0.5,
      recentSessions: 3,
      lowConfidence: 8,
      missedSessions: 2,
      missedWindow: 4,
      followUpDays: 2,
    });
    expect(resolveThresholds({ lowConfidence: 6 })).toEqual({ ...DEFAULT_THRESHOLDS, lowConfidence: 6 });
  });
});

describe('overdue', () => {
  const files = (items: string[]) =>
    vault(clientNote(JANE, { cadence: 'weekly' }), sessionNote(JANE, '2026-11-24', items, { next: '2026-12-01' }));

  it('is raised by one client-owned commitment past its due date, with that line as evidence', () => {
    const f = files(['- [x] Send the invoice [due:: 2026-11-28]', '- [ ] Draft the proposal [due:: 2026-11-28]']);
    const s = signal(f, JANE, '2026-11-29', 'overdue');
    expect(s.evidence).toEqual([
      expect.objectContaining({ kind: 'commitment', path: sessionPath(JANE, '2026-11-24'), line: lineOf(f[sessionPath(JANE, '2026-11-24')], 'Draft the proposal'), date: '2026-11-28' }),
    ]);
    expect(s.message).toBe('1 commitment overdue.');
  });

  it('is not raised on the due date itself', () => {
    expect(signalNames(files(['- [ ] Draft the proposal [due:: 2026-11-28]']), JANE, '2026-11-28')).not.toContain('overdue');
  });

  it('counts partial and stuck, not done, let-go, recommitted or skipped', () => {
    const due = '[due:: 2026-11-26]';
    expect(signalNames(files([`- [/] Draft the proposal ${due}`]), JANE, '2026-11-29')).toContain('overdue');
    expect(signalNames(files([`- [?] Draft the proposal ${due}`]), JANE, '2026-11-29')).toContain('overdue');
    for (const box of ['x', '-', '>']) expect(signalNames(files([`- [${box}] Draft the proposal ${due}`]), JANE, '2026-11-29')).not.toContain('overdue');
    // An open box whose latest check-in is `skipped` has the derived status skipped: not overdue (spec).
    expect(signalNames(files([`- [ ] Draft the proposal ${due}`, '    - 2026-11-27 skipped']), JANE, '2026-11-29')).not.toContain('overdue');
  });

  it('is not raised by a coach-owned or partner-owned item', () => {
    const f = files(['- [ ] Coach: send Jane the template [due:: 2026-11-26]', '- [ ] Check in with Jane [owner:: Alex] [due:: 2026-11-26]']);
    expect(signalNames(f, JANE, '2026-11-27')).not.toContain('overdue');
  });
});

describe('stalled: days since the last held session > stalledCadences × cadence', () => {
  const biweekly = (extra: Files = {}) =>
    vault(clientNote(JANE, { cadence: 'biweekly' }), sessionNote(JANE, '2026-11-10', [], { next: '2026-11-24' }), extra);

  it('is not stalled at exactly 1.5 × cadence (21 days of 14), is one day later', () => {
    expect(signalNames(biweekly(), JANE, '2026-12-01')).not.toContain('stalled');
    const s = signal(biweekly(), JANE, '2026-12-02', 'stalled');
    expect(s.message).toBe('22 days since the last session; the rhythm is every 14 days.');
  });

  it('with a weekly cadence: 10 days is not stalled, 11 is', () => {
    const f = vault(clientNote(JANE, { cadence: 'weekly' }), sessionNote(JANE, '2026-11-20', [], { next: '2026-11-27' }));
    expect(signalNames(f, JANE, '2026-11-30')).not.toContain('stalled');
    expect(signalNames(f, JANE, '2026-12-01')).toContain('stalled');
  });

  it('uses the default cadence (14) for a client without a client note', () => {
    const f = sessionNote(JANE, '2026-11-10', [], { next: '2026-11-24' });
    expect(signalNames(f, JANE, '2026-12-01')).not.toContain('stalled');
    expect(signalNames(f, JANE, '2026-12-02')).toContain('stalled');
  });

  it('counts from the last held session: a later cancelled one does not reset it; evidence is its date line', () => {
    const f = biweekly(sessionNote(JANE, '2026-11-24', [], { status: 'cancelled', next: '2026-12-08' }));
    const s = signal(f, JANE, '2026-12-02', 'stalled');
    const path = sessionPath(JANE, '2026-11-10');
    expect(s.evidence).toEqual([expect.objectContaining({ kind: 'session', path, date: '2026-11-10' })]);
    expect(lineText(f, path, s.evidence[0].line)).toBe('date: 2026-11-10');
  });

  it('is not raised when no session has been held', () => {
    const f = vault(clientNote(JANE), sessionNote(JANE, '2026-09-01', [], { status: 'no-show', next: '2026-09-15' }));
    expect(signalNames(f, JANE, '2026-12-01')).not.toContain('stalled');
  });

  it('ignores sessions dated after the as-of date', () => {
    const f = biweekly(sessionNote(JANE, '2026-11-30', [], { next: '2026-12-14' }));
    expect(signalNames(f, JANE, '2026-11-29', {})).not.toContain('stalled');
    expect(signalNames(f, JANE, '2026-12-02', {})).not.toContain('stalled');
    expect(signal(f, JANE, '2026-11-28', 'stalled', { stalledCadences: 1 }).evidence[0].date).toBe('2026-11-10');
  });

  it('follows a custom stalledCadences', () => {
    expect(signalNames(biweekly(), JANE, '2026-11-24', { stalledCadences: 1 })).not.toContain('stalled');
    expect(signalNames(biweekly(), JANE, '2026-11-25', { stalledCadences: 1 })).toContain('stalled');
  });
});

describe('no-next-session', () => {
  it('is raised when the latest session has no next date; evidence is that note', () => {
    const f = vault(clientNote(JANE), sessionNote(JANE, '2026-11-10', [], { next: '2026-11-24' }), sessionNote(JANE, '2026-11-24'));
    const s = signal(f, JANE, '2026-11-26', 'no-next-session');
    const path = sessionPath(JANE, '2026-11-24');
    expect(s.evidence).toEqual([expect.objectContaining({ kind: 'session', path })]);
    expect(lineText(f, path, s.evidence[0].line)).toBe('date: 2026-11-24');
  });

  it('looks only at the latest session', () => {
    const f = vault(clientNote(JANE), sessionNote(JANE, '2026-11-10'), sessionNote(JANE, '2026-11-24', [], { next: '2026-12-08' }));
    expect(signalNames(f, JANE, '2026-11-26')).not.toContain('no-next-session');
    // A cancelled latest session with a rebooked date is booked; without one it is not.
    const rebooked = vault(clientNote(JANE), sessionNote(JANE, '2026-11-10'), sessionNote(JANE, '2026-11-24', [], { status: 'cancelled', next: '2026-11-27' }));
    expect(signalNames(rebooked, JANE, '2026-11-26')).not.toContain('no-next-session');
    const dropped = vault(clientNote(JANE), sessionNote(JANE, '2026-11-10', [], { next: '2026-11-24' }), sessionNote(JANE, '2026-11-24', [], { status: 'cancelled' }));
    expect(signalNames(dropped, JANE, '2026-11-26')).toContain('no-next-session');
  });

  it('is not raised when a session note is already written for a later date', () => {
    const f = vault(clientNote(JANE), sessionNote(JANE, '2026-11-24'), sessionNote(JANE, '2026-12-08'));
    expect(signalNames(f, JANE, '2026-11-26')).not.toContain('no-next-session');
  });

  it('is not raised for a client with no sessions at all', () => {
    expect(signalNames(clientNote(JANE), JANE, '2026-11-26')).toEqual([]);
  });
});

describe('carried-over: one commitment carried through carriedSessions (3) or more sessions', () => {
  const chain = (n: number, lastBox = ' ') => {
    const items: string[][] = [];
    for (let i = 0; i < n; i++) {
      const last = i === n - 1;
      items.push([`- [${last ? lastBox : '>'}] Have the conversation with Dana about the handover${i > 0 ? ` [from:: dana${i}]` : ''} ^dana${i + 1}`]);
    }
    return vault(clientNote(JANE, { cadence: 'weekly' }), weekly(JANE, '2026-11-03', items));
  };
  const asOf = (n: number) => ['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25'][n - 1];

  it('2 sessions is not carried over; 3 is, with every link as evidence', () => {
    expect(signalNames(chain(2), JANE, asOf(2))).not.toContain('carried-over');
    const f = chain(3);
    const s = signal(f, JANE, asOf(3), 'carried-over');
    expect(s.message).toBe("'Have the conversation with Dana about the handover' has been carried over 3 sessions running.");
    expect(s.evidence.map((e) => [e.path, e.line])).toEqual(
      ['2026-11-03', '2026-11-10', '2026-11-17'].map((d) => [sessionPath(JANE, d), lineOf(f[sessionPath(JANE, d)], 'Have the conversation')]),
    );
  });

  it('is not raised once the latest link is done or let go', () => {
    expect(signalNames(chain(3, 'x'), JANE, asOf(3))).not.toContain('carried-over');
    expect(signalNames(chain(3, '-'), JANE, asOf(3))).not.toContain('carried-over');
    expect(signalNames(chain(3, '/'), JANE, asOf(3))).toContain('carried-over');
  });

  it('follows a custom carriedSessions', () => {
    expect(signalNames(chain(2), JANE, asOf(2), { carriedSessions: 2 })).toContain('carried-over');
    expect(signalNames(chain(3), JANE, asOf(3), { carriedSessions: 4 })).not.toContain('carried-over');
  });
});

describe('declining: recent completion under decliningRate while the all-time rate is higher', () => {
  // Five weekly sessions, each due date (next − 2) before the as-of date.
  const f = (last3: string[][], first2: string[][] = [['- [x] A1', '- [x] A2'], ['- [x] B1', '- [x] B2']]) =>
    vault(clientNote(JANE, { cadence: 'weekly' }), weekly(JANE, '2026-10-06', [...first2, ...last3]));
  const AS_OF = '2026-11-12';

  it('is not raised at exactly 50%', () => {
    const files = f([['- [x] C1', '- [ ] C2'], ['- [x] D1', '- [-] D2'], ['- [/] E1', '- [/] E2']]);
    expect(signalNames(files, JANE, AS_OF)).not.toContain('declining');
  });

  it('is raised just under 50% when the all-time rate is higher; evidence is the recent misses', () => {
    const files = f([['- [x] C1', '- [ ] C2'], ['- [x] D1', '- [-] D2'], ['- [/] E1', '- [ ] E2']]);
    const s = signal(files, JANE, AS_OF, 'declining');
    expect(s.message).toBe('Completion over the last 3 sessions is 42%, against 65% overall.');
    expect(s.evidence.map((e) => e.text)).toEqual(['C2', 'D2', 'E1', 'E2']);
  });

  it('is not raised when the all-time rate is no higher', () => {
    // Only three sessions: recent = all-time.
    const three = vault(clientNote(JANE, { cadence: 'weekly' }), weekly(JANE, '2026-10-20', [['- [x] C1', '- [ ] C2'], ['- [ ] D1'], ['- [ ] E1']]));
    expect(signalNames(three, JANE, AS_OF)).not.toContain('declining');
    // Earlier sessions were worse still.
    const worse = f([['- [x] C1', '- [ ] C2'], ['- [ ] D1', '- [ ] D2'], ['- [ ] E1', '- [ ] E2']], [['- [ ] A1', '- [ ] A2', '- [ ] A3'], ['- [ ] B1', '- [ ] B2']]);
    expect(signalNames(worse, JANE, AS_OF)).not.toContain('declining');
  });

  it('is not raised when nothing recent has come due', () => {
    const notDue = vault(
      clientNote(JANE, { cadence: 'weekly' }),
      weekly(JANE, '2026-10-06', [['- [x] A1'], ['- [x] B1'], ['- [ ] C1 [due:: 2026-12-30]'], ['- [ ] D1 [due:: 2026-12-30]'], ['- [ ] E1 [due:: 2026-12-30]']]),
    );
    expect(signalNames(notDue, JANE, AS_OF)).not.toContain('declining');
  });

  it('follows a custom decliningRate', () => {
    const files = f([['- [x] C1', '- [ ] C2'], ['- [x] D1', '- [-] D2'], ['- [/] E1', '- [/] E2']]);
    expect(signalNames(files, JANE, AS_OF, { decliningRate: 0.6 })).toContain('declining');
  });
});

describe('low-confidence: an open commitment with confidence under lowConfidence (8) and no coping plan', () => {
  const f = (items: string[]) => vault(clientNote(JANE), sessionNote(JANE, '2026-11-24', items, { next: '2026-12-08' }));
  const AS_OF = '2026-11-26';

  it('confidence 7 raises it, 8 does not', () => {
    const files = f(['- [ ] Send the proposal [confidence:: 7]']);
    const s = signal(files, JANE, AS_OF, 'low-confidence');
    expect(s.evidence[0].line).toBe(lineOf(files[sessionPath(JANE, '2026-11-24')], 'Send the proposal'));
    expect(s.message).toBe('1 open commitment with confidence under 8 and no coping plan.');
    expect(signalNames(f(['- [ ] Send the proposal [confidence:: 8]']), JANE, AS_OF)).not.toContain('low-confidence');
  });

  it('reads confidence from a detail line too', () => {
    expect(signalNames(f(['- [ ] Send the proposal', '    - confidence: 5']), JANE, AS_OF)).toContain('low-confidence');
  });

  it('a coping plan clears it; a trigger alone does not', () => {
    expect(signalNames(f(['- [ ] Send the proposal [confidence:: 5] [coping:: busy Monday -> do it Tuesday]']), JANE, AS_OF)).not.toContain('low-confidence');
    expect(signalNames(f(['- [ ] Send the proposal [confidence:: 5]', '    - If Monday fills up, then I will send it Tuesday']), JANE, AS_OF)).not.toContain('low-confidence');
    expect(signalNames(f(['- [ ] Send the proposal [confidence:: 5] [trigger:: after standup]']), JANE, AS_OF)).toContain('low-confidence');
  });

  it('only while the commitment is still expected (not done, let go or recommitted); no confidence, no signal', () => {
    for (const box of ['x', '-', '>']) expect(signalNames(f([`- [${box}] Send the proposal [confidence:: 4]`]), JANE, AS_OF)).not.toContain('low-confidence');
    expect(signalNames(f(['- [/] Send the proposal [confidence:: 4]']), JANE, AS_OF)).toContain('low-confidence');
    expect(signalNames(f(['- [ ] Send the proposal']), JANE, AS_OF)).not.toContain('low-confidence');
  });

  it('follows a custom lowConfidence', () => {
    expect(signalNames(f(['- [ ] Send the proposal [confidence:: 7]']), JANE, AS_OF, { lowConfidence: 7 })).not.toContain('low-confidence');
    expect(signalNames(f(['- [ ] Send the proposal [confidence:: 6]']), JANE, AS_OF, { lowConfidence: 7 })).toContain('low-confidence');
  });
});

describe('missed-sessions: missedSessions (2) or more of the last missedWindow (4) cancelled or no-show', () => {
  const f = (statuses: ('held' | 'cancelled' | 'no-show')[]) => {
    const out: Files = clientNote(JANE, { cadence: 'weekly' });
    statuses.forEach((status, i) => {
      const date = `2026-11-${String(2 + 7 * i).padStart(2, '0')}`;
      Object.assign(out, sessionNote(JANE, date, [], { status, next: `2026-11-${String(9 + 7 * i).padStart(2, '0')}` }));
    });
    return out;
  };
  const AS_OF = '2026-11-24';

  it('1 of the last 4 is not; 2 is, with each missed session (its status line) as evidence', () => {
    expect(signalNames(f(['held', 'cancelled', 'held', 'held']), JANE, AS_OF)).not.toContain('missed-sessions');
    const files = f(['held', 'cancelled', 'held', 'no-show']);
    const s = signal(files, JANE, AS_OF, 'missed-sessions');
    expect(s.message).toBe('2 of the last 4 sessions were cancelled or missed.');
    expect(s.evidence.map((e) => [e.path, lineText(files, e.path, e.line)])).toEqual([
      [sessionPath(JANE, '2026-11-09'), 'status: cancelled'],
      [sessionPath(JANE, '2026-11-23'), 'status: no-show'],
    ]);
  });

  it('counts only the last 4 sessions', () => {
    expect(signalNames(f(['cancelled', 'held', 'held', 'no-show', 'held']), JANE, '2026-12-01')).not.toContain('missed-sessions');
  });

  it('follows a custom missedSessions and missedWindow', () => {
    expect(signalNames(f(['held', 'cancelled', 'held', 'held']), JANE, AS_OF, { missedSessions: 1 })).toContain('missed-sessions');
    expect(signalNames(f(['held', 'cancelled', 'held', 'no-show']), JANE, AS_OF, { missedWindow: 2 })).not.toContain('missed-sessions');
  });
});

describe('coach-follow-up: overdue with no check-in within followUpDays (2) after the due date', () => {
  // Due 2026-11-15; the as-of date is 11-25 unless said otherwise.
  const f = (details: string[], text = 'Draft the proposal') =>
    vault(clientNote(JANE), sessionNote(JANE, '2026-11-10', [`- [ ] ${text} [due:: 2026-11-15]`, ...details.map((d) => `    - ${d}`)], { next: '2026-11-24' }));
  const AS_OF = '2026-11-25';

  it('a check-in on due + 2 counts; on due + 3 it is too late', () => {
    expect(signalNames(f(['2026-11-17 stuck: no numbers yet']), JANE, AS_OF)).not.toContain('coach-follow-up');
    expect(signalNames(f(['2026-11-18 stuck: no numbers yet']), JANE, AS_OF)).toContain('coach-follow-up');
  });

  it('a check-in on the due date counts; one only before it does not', () => {
    expect(signalNames(f(['2026-11-15 partial: half done']), JANE, AS_OF)).not.toContain('coach-follow-up');
    expect(signalNames(f(['2026-11-14 stuck: waiting on numbers']), JANE, AS_OF)).toContain('coach-follow-up');
  });

  it('a logged nudge is a check-in', () => {
    expect(signalNames(f(['2026-11-16 nudged: texted her']), JANE, AS_OF)).not.toContain('coach-follow-up');
  });

  it('waits until the window has passed: not on due + 2, raised on due + 3', () => {
    expect(signalNames(f([]), JANE, '2026-11-17')).toEqual(['overdue']);
    const files = f([]);
    const s = signal(files, JANE, '2026-11-18', 'coach-follow-up');
    expect(s.evidence.map((e) => [e.path, e.line])).toEqual([[sessionPath(JANE, '2026-11-10'), lineOf(files[sessionPath(JANE, '2026-11-10')], 'Draft the proposal')]]);
    expect(s.message).toBe('1 overdue commitment with no check-in within 2 days of the due date.');
  });

  it('is raised by an overdue coach-owned item too (which raises no overdue signal)', () => {
    const names = signalNames(f([], 'Coach: send Jane the template'), JANE, AS_OF);
    expect(names).toContain('coach-follow-up');
    expect(names).not.toContain('overdue');
  });

  it('follows a custom followUpDays', () => {
    expect(signalNames(f(['2026-11-17 stuck']), JANE, AS_OF, { followUpDays: 1 })).toContain('coach-follow-up');
    expect(signalNames(f(['2026-11-18 stuck']), JANE, AS_OF, { followUpDays: 3 })).not.toContain('coach-follow-up');
  });
});

describe('released clients raise no signals', () => {
  // Every signal but declining would be raised for an active client: overdue with no check-in,
  // carried over, low confidence, two missed of the last four, stalled, no next session.
  const troubled = (fm: Record<string, string>) =>
    vault(
      clientNote(JANE, { cadence: 'weekly', ...fm }),
      sessionNote(JANE, '2026-10-06', ['- [>] Send the pricing sheet to the three shops ^p1'], { next: '2026-10-13' }),
      sessionNote(JANE, '2026-10-13', ['- [>] Send the pricing sheet to the three shops [from:: p1] ^p2'], { next: '2026-10-20' }),
      sessionNote(JANE, '2026-10-20', [], { status: 'cancelled', next: '2026-10-27' }),
      sessionNote(JANE, '2026-10-27', ['- [ ] Send the pricing sheet to the three shops [from:: p2] [confidence:: 5] ^p3']),
      sessionNote(JANE, '2026-11-03', [], { status: 'no-show' }),
    );
  const AS_OF = '2026-12-01';
  const ALL_BUT_DECLINING = SIGNAL_NAMES.filter((n) => n !== 'declining');

  it('an active client with those notes raises them all', () => {
    expect([...signalNames(troubled({}), JANE, AS_OF)].sort()).toEqual([...ALL_BUT_DECLINING].sort());
  });

  it('paused or ended: none', () => {
    expect(signalNames(troubled({ status: 'paused' }), JANE, AS_OF)).toEqual([]);
    expect(signalNames(troubled({ status: 'ended' }), JANE, AS_OF)).toEqual([]);
  });

  it('paused_until on or after the as-of date: none; the day after it: all again', () => {
    expect(signalNames(troubled({ paused_until: AS_OF }), JANE, AS_OF)).toEqual([]);
    expect(signalNames(troubled({ paused_until: '2026-12-20' }), JANE, AS_OF)).toEqual([]);
    expect([...signalNames(troubled({ paused_until: '2026-11-30' }), JANE, AS_OF)].sort()).toEqual([...ALL_BUT_DECLINING].sort());
  });
});

describe('evidence', () => {
  it('points every commitment at its own line and every session at a frontmatter line of its note', () => {
    const files = vault(
      clientNote(JANE, { cadence: 'weekly' }),
      sessionNote(JANE, '2026-10-06', ['- [x] Unrelated done thing', '- [>] Send the pricing sheet to the three shops ^p1', '    - 2026-10-08 stuck'], { next: '2026-10-13' }),
      sessionNote(JANE, '2026-10-13', ['- [>] Send the pricing sheet to the three shops [from:: p1] ^p2'], { next: '2026-10-20' }),
      sessionNote(JANE, '2026-10-20', [], { status: 'cancelled', next: '2026-10-27' }),
      sessionNote(JANE, '2026-10-27', ['- [x] Another done thing', '- [ ] Send the pricing sheet to the three shops [from:: p2] [confidence:: 5] ^p3']),
      sessionNote(JANE, '2026-11-03', [], { status: 'no-show' }),
    );
    const signals = signalsOf(files, JANE, '2026-12-01');
    expect(signals.length).toBeGreaterThanOrEqual(7);
    for (const s of signals) {
      expect(s.evidence.length, s.name).toBeGreaterThan(0);
      for (const e of s.evidence) {
        const text = lineText(files, e.path, e.line);
        if (e.kind === 'commitment') expect(text, `${s.name} ${e.path}:${e.line}`).toContain(e.text);
        else expect(text, `${s.name} ${e.path}:${e.line}`).toMatch(/^(date|status): /);
      }
    }
  });
});

describe('risk score', () => {
  it('weighs overdue and stalled above low-confidence and no-next-session', () => {
    const s = (name: (typeof SIGNAL_NAMES)[number]) => ({ name, message: '', evidence: [] });
    expect(riskScore([s('overdue')])).toBeGreaterThan(riskScore([s('low-confidence')]));
    expect(riskScore([s('stalled')])).toBeGreaterThan(riskScore([s('no-next-session')]));
    expect(riskScore([s('overdue'), s('low-confidence')])).toBeGreaterThan(riskScore([s('overdue')]));
    expect(riskScore([])).toBe(0);
  });
});
