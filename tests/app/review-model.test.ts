/**
 * The review queue's model (src/app/models.ts `buildReviewModel`), rebuilt after every change
 * while the queue is open: walked client by client with each client's suggested due date worked
 * out once, it must give the cards the first version gave (`referenceReview`, kept here: the
 * vault's commitments sorted by path, filtered, sorted by due date, the date worked out per card).
 */
import { describe, expect, it } from 'vitest';
import { buildReviewModel } from '../../src/app/models';
import { isMissed } from '../../src/core/analytics/completion';
import { isReleased } from '../../src/core/analytics/released';
import { addDays } from '../../src/core/dates';
import { isOverdue, type VaultIndex } from '../../src/core/index/vault-index';
import { DEFAULT_SETTINGS } from '../../src/core/plugin-settings';
import type { Commitment, IsoDate } from '../../src/core/types';
import { apply, change, random, randomVault } from '../calendar/random-vault';
import { indexOf } from '../nudges/helpers';

function referenceReview(index: VaultIndex, asOf: IsoDate, client: string | null, leadDays: number) {
  const list = client === null ? index.commitments() : index.commitmentsOf(client);
  const released = (name: string) => {
    const c = index.client(name);
    return !c || isReleased(c, asOf);
  };
  const due = (c: Commitment) => {
    const who = index.client(c.client);
    const latest = (who ? index.sessionsOf(who) : []).filter((x) => x.date <= asOf).pop();
    const next = latest?.next && latest.next > asOf ? latest.next : null;
    const d = next ? addDays(next, -leadDays) : addDays(asOf, Math.max(1, (who?.cadence ?? 14) - leadDays));
    return d > asOf ? d : addDays(asOf, 1);
  };
  const items = list
    .filter((c) => c.sessionDate <= asOf && isMissed(c, asOf) && !released(c.client))
    .sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.line - y.line))
    .map((c) => ({ commitment: c, reason: isOverdue(c, asOf) ? 'overdue' : c.status === 'skipped' ? 'skipped' : 'stuck', suggestedDue: due(c) }));
  if (client !== null) return items;
  const groups = new Map<string, typeof items>();
  for (const i of items) groups.set(i.commitment.client, [...(groups.get(i.commitment.client) ?? []), i]);
  return [...groups.values()].flat();
}

describe('the review queue model', () => {
  it('gives the cards, in the order, of the first version: all clients and each client, over 30 random vaults and their changes', () => {
    let cards = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const r = random(seed);
      let files = randomVault(r);
      const index = indexOf(files);
      for (let step = 0; step < 6; step++) {
        const asOf = step < 3 ? '2026-12-04' : '2026-12-20';
        const want = referenceReview(index, asOf, null, DEFAULT_SETTINGS.dueLeadDays);
        const got = buildReviewModel(index, asOf, null, DEFAULT_SETTINGS).items;
        // The same commitment objects, in the same order, with the same reason and date.
        expect(got.map((i) => [i.commitment, i.reason, i.suggestedDue])).toEqual(want.map((i) => [i.commitment, i.reason, i.suggestedDue]));
        for (const i in got) expect(got[i].commitment).toBe(want[i].commitment);
        for (const c of index.clients()) {
          const one = buildReviewModel(index, asOf, c.name, DEFAULT_SETTINGS).items;
          expect(one.map((i) => i.commitment)).toEqual(referenceReview(index, asOf, c.name, DEFAULT_SETTINGS.dueLeadDays).map((i) => i.commitment));
        }
        cards += got.length;
        const next = { ...files };
        change(next, r);
        apply(index, files, next);
        files = next;
      }
    }
    expect(cards).toBeGreaterThan(500);
  });
});
