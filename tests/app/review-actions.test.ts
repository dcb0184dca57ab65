/**
 * The review queue's app side: its model is grouped by client in the all-clients queue, and its
 * Undo takes back the queue's own latest edit (re-read into the index at once) and never another
 * edit made after it.
 */
import { describe, expect, it } from 'vitest';
import { CommitmentActions } from '../../src/app/actions';
import { EditApplier } from '../../src/app/applier';
import { buildReviewModel } from '../../src/app/models';
import { reviewActions, type Navigator } from '../../src/app/view-actions';
import { VaultIndex } from '../../src/core/index/vault-index';
import { loadSettings } from '../../src/core/plugin-settings';
import { memoryVault } from '../fakes/memory-vault';
import { seeded } from '../edit/helpers';

const AS_OF = '2026-12-01';
const client = (name: string) => [`Clients/${name}.md`, '---\ntype: client\ncadence: 14\n---\n'] as const;
const session = (name: string, date: string, lines: string[]) =>
  [`Sessions/${date} ${name}.md`, `---\ntype: session\nclient: "[[${name}]]"\ndate: ${date}\n---\n## Commitments\n${lines.join('\n')}\n`] as const;

const NOTES = new Map<string, string>([
  client('Ann Lee'),
  client('Bo Diaz'),
  session('Ann Lee', '2026-11-02', ['- [ ] Ann first [due:: 2026-11-20] ^ann1']),
  session('Ann Lee', '2026-11-10', ['- [ ] Ann second [due:: 2026-11-12] ^ann2']),
  session('Bo Diaz', '2026-11-01', ['- [ ] Bo oldest [due:: 2026-11-05] ^bo1', '- [ ] Bo latest [due:: 2026-11-28] ^bo2']),
]);

function setup() {
  const files = new Map(NOTES);
  const index = new VaultIndex();
  index.setNotes([...files.entries()]);
  const vault = memoryVault(files);
  const applier = new EditApplier(vault);
  const actions = new CommitmentActions(index, applier, { today: () => AS_OF, random: seeded(3) });
  const nav: Navigator = { openClient() {}, openEvidence() {}, openReview() {} };
  return { files, index, vault, applier, actions, review: reviewActions(actions, nav, () => {}) };
}

describe('the review model', () => {
  it('groups the all-clients queue by client, clients in the order of their oldest due date, cards by due date', () => {
    const { index } = setup();
    const all = buildReviewModel(index, AS_OF, null, loadSettings({}));
    expect(all.items.map((i) => i.commitment.text)).toEqual(['Bo oldest', 'Bo latest', 'Ann second', 'Ann first']);
    // One client's queue: by due date only.
    expect(buildReviewModel(index, AS_OF, 'Ann Lee', loadSettings({})).items.map((i) => i.commitment.text)).toEqual(['Ann second', 'Ann first']);
  });
});

describe('the review queue’s undo', () => {
  it('takes back its own latest edit and re-reads the note into the index at once', async () => {
    const { files, index, review } = setup();
    const [item] = buildReviewModel(index, AS_OF, 'Bo Diaz', loadSettings({})).items;
    const r = await review.checkIn(item, 'done');
    expect(r).toMatchObject({ ok: true, undoable: true });
    expect(files.get('Sessions/2026-11-01 Bo Diaz.md')).toContain('- [x] Bo oldest');
    expect(index.commitmentsOf('Bo Diaz').find((c) => c.id === 'bo1')?.status).toBe('done');

    const u = await review.undo();
    expect(u.ok).toBe(true);
    expect(files.get('Sessions/2026-11-01 Bo Diaz.md')).toBe(NOTES.get('Sessions/2026-11-01 Bo Diaz.md'));
    expect(index.commitmentsOf('Bo Diaz').find((c) => c.id === 'bo1')?.status).toBe('open');
    // Once only.
    expect(await review.undo()).toEqual({ ok: false, reason: 'There is no edit from this review to undo.' });
  });

  it('refuses when another edit was made after its own, and undoes neither', async () => {
    const { files, index, actions, vault, review } = setup();
    const [item] = buildReviewModel(index, AS_OF, 'Bo Diaz', loadSettings({})).items;
    await review.letGo(item, { reason: 'not the step', learned: null });
    const ann = index.commitmentsOf('Ann Lee').find((c) => c.id === 'ann2')!;
    expect((await actions.checkIn(ann, { status: 'partial', note: 'half' })).ok).toBe(true);
    const before = new Map(files);

    const u = await review.undo();
    expect(u.ok).toBe(false);
    expect(u.ok ? '' : u.reason).toBe(
      'Cannot undo "Let go of "Bo oldest": not the step": another edit was made after it. Undo that one first ("Undo the last commitment edit" in the command palette), or change the note by hand.',
    );
    expect(files).toEqual(before);
    expect(vault.notices.at(-1)).toBe(u.ok ? '' : u.reason);
  });
});
