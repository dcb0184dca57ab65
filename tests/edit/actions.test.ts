import { beforeEach, describe, expect, it } from 'vitest';
import { App, MarkdownView, Notice, WorkspaceLeaf, type TFile } from '../fakes/obsidian';
import { VaultIndex } from '../../src/core/index/vault-index';
import { EditApplier, type EditVault } from '../../src/app/applier';
import { CommitmentActions } from '../../src/app/actions';
import { obsidianEditVault } from '../../src/obsidian/edits/facade';
import { seeded } from './helpers';

const S1 = 'Sessions/2026-11-20 Jane Doe.md';
const S2 = 'Sessions/2026-12-04 Jane Doe.md';
const client = '---\ntype: client\ncadence: weekly\n---\n# Jane\n';
const s1 = '---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-11-20\n---\n## Commitments\n- Send 10 outreach messages\n- [ ] Draft the scorecard ^sc0re\n- [ ] Book the offsite ^off1\n';
const s2 = '---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-12-04\nnext: 2026-12-18\n---\n## Summary\n';

function setup(files: Record<string, string>, today = '2026-11-28') {
  const app = new App();
  for (const [p, t] of Object.entries(files)) app.vault.seed(p, t);
  const index = new VaultIndex();
  index.setNotes(Object.entries(files));
  const applier = new EditApplier<TFile>(obsidianEditVault(app as never) as unknown as EditVault<TFile>);
  const actions = new CommitmentActions(index, applier, { today: () => today, random: seeded(5) });
  const sync = () => index.setNotes(app.vault.getFiles().map((f) => [f.path, app.vault.text(f.path)!] as const));
  const find = (text: string) => index.commitments().find((c) => c.text === text)!;
  return { app, index, applier, actions, sync, find };
}

beforeEach(() => {
  Notice.shown.length = 0;
});

describe('CommitmentActions', () => {
  it('capture writes the spec’s default due date from the client’s cadence', async () => {
    const { app, actions } = setup({ 'Clients/Jane Doe.md': client, [S1]: s1 });
    const r = await actions.capture(S1);
    expect(r.ok).toBe(true);
    // Only the uncaptured line: the others already have a checkbox and an id.
    expect(app.vault.text(S1)).toMatch(/- \[ \] Send 10 outreach messages \[due:: 2026-11-25\] \^[a-z0-9]{6}\n- \[ \] Draft the scorecard \^sc0re\n/);
  });

  it('recommit goes into the next session’s note when it exists, and a second one follows it there', async () => {
    const { app, actions, sync, find } = setup({ 'Clients/Jane Doe.md': client, [S1]: s1, [S2]: s2 });
    expect((await actions.recommit(find('Draft the scorecard'))).ok).toBe(true);
    sync();
    expect((await actions.recommit(find('Book the offsite'), { due: '2026-12-09' })).ok).toBe(true);
    expect(app.vault.text(S2)).toBe(
      s2 + '\n## Commitments\n- [ ] Draft the scorecard [from:: sc0re] [due:: 2026-12-16] ^' + app.vault.text(S2)!.split('^')[1].slice(0, 6) + '\n- [ ] Book the offsite [from:: off1] [due:: 2026-12-09] ^' + app.vault.text(S2)!.split('^')[2].slice(0, 6) + '\n',
    );
    expect(app.vault.text(S1)).toContain('- [>] Draft the scorecard ^sc0re\n- [>] Book the offsite ^off1\n');
  });

  it('recommit creates the next session note when there is none, next to the old one', async () => {
    const { app, actions, find } = setup({ 'Clients/Jane Doe.md': client, [S1]: s1 }, '2026-11-28');
    const r = await actions.modify(find('Draft the scorecard'), { text: 'Draft half the scorecard' });
    expect(r.ok).toBe(true);
    // weekly cadence from 2026-11-20, rolled past today: 2026-12-04.
    expect(app.vault.text('Sessions/2026-12-04 Jane Doe.md')).toMatch(/^---\ntype: session\nclient: "\[\[Jane Doe\]\]"\ndate: 2026-12-04\n---\n## Summary\n\n## Commitments\n- \[ \] Draft half the scorecard \[from:: sc0re\] \[due:: 2026-12-09\] \^[a-z0-9]{6}\n$/);
  });

  it('reads a note’s unsaved editor text before preparing a multi-note edit', async () => {
    const { app, actions, find } = setup({ 'Clients/Jane Doe.md': client, [S1]: s1, [S2]: s2 });
    const view = new MarkdownView(app, app.vault.getFileByPath(S1)!, s1);
    app.workspace.leaves.push(new WorkspaceLeaf(view));
    view.type(s1.replace('## Commitments\n', '## Commitments\n- [ ] Typed, not saved yet\n'));
    const c = find('Draft the scorecard'); // the index has not seen the typing
    const r = await actions.recommit(c);
    expect(r.ok).toBe(true);
    expect(app.vault.text(S1)).toContain('- [ ] Typed, not saved yet\n- Send 10 outreach messages\n- [>] Draft the scorecard ^sc0re\n');
  });

  it('check-in and let go go through the applier; a client without a note cannot be released', async () => {
    const { app, actions, sync, find } = setup({ [S1]: s1 });
    expect((await actions.checkIn(find('Draft the scorecard'), { status: 'partial', note: 'half' })).ok).toBe(true);
    sync();
    expect((await actions.letGo(find('Book the offsite'), { reason: 'venue gone' })).ok).toBe(true);
    expect(app.vault.text(S1)).toContain('- [ ] Draft the scorecard ^sc0re\n  - 2026-11-28 partial: half\n- [-] Book the offsite [cancelled:: 2026-11-28] ^off1\n  - 2026-11-28 let go: venue gone\n');
    const r = await actions.releaseAccountability('Jane Doe', '2027-01-05');
    expect(r.ok).toBe(false);
    expect(Notice.shown).toEqual(['Jane Doe has no client note to record the release in; nothing was changed.']);
  });

  it('releases a client with a note', async () => {
    const { app, actions } = setup({ 'Clients/Jane Doe.md': client, [S1]: s1 });
    expect((await actions.releaseAccountability('jane doe', '2027-01-05')).ok).toBe(true);
    expect(app.vault.text('Clients/Jane Doe.md')).toBe('---\ntype: client\ncadence: weekly\npaused_until: 2027-01-05\n---\n# Jane\n');
  });
});
