/** The one rule for "released from accountability" that the signals, figures, nudges, review queue and roster share. */
import { describe, expect, it } from 'vitest';
import { isReleased } from '../../src/core/analytics/released';

describe('isReleased', () => {
  it('paused and ended clients are released whatever the date', () => {
    expect(isReleased({ status: 'paused', pausedUntil: null }, '2026-12-01')).toBe(true);
    expect(isReleased({ status: 'ended', pausedUntil: '2026-01-01' }, '2026-12-01')).toBe(true);
  });

  it('an active client is released through its paused_until day, and not after', () => {
    const c = { status: 'active' as const, pausedUntil: '2026-12-20' };
    expect([isReleased(c, '2026-12-19'), isReleased(c, '2026-12-20'), isReleased(c, '2026-12-21')]).toEqual([true, true, false]);
    expect(isReleased({ status: 'active', pausedUntil: null }, '2026-12-01')).toBe(false);
  });
});
