/**
 * The capture form's actions over a real applier and an in-memory vault: what the coach is told
 * (the count and the note by its title, never its path), when the form closes, and what a refusal
 * leaves; and the form's own checks (tests the pure helpers in src/ui/capture/form.ts).
 */
import { describe, expect, it } from 'vitest';
import { captureActions, captureSummary } from '../../src/app/view-actions';
import { buildCaptureModel } from '../../src/app/models';
import { CommitmentActions } from '../../src/app/actions';
import { EditApplier, type EditVault } from '../../src/app/applier';
import { VaultIndex } from '../../src/core/index/vault-index';
import { changedCount, cleaned, problems } from '../../src/ui/capture/form';

const PATH = 'Sessions/2026-11-24 Daniel Okafor.md';
const NOTE = `---
type: session
client: "[[Daniel Okafor]]"
date: 2026-11-24
next: 2026-12-08
---
## Commitments
- [x] Send the JD to the two referrals [completion:: 2026-11-25] ^do6d1
- Push back on one mid-sprint request
- Write a first draft of the Q1 goals
`;

function setUp(text = NOTE) {
  const files = new Map<string, string>([[PATH, text]]);
  const notices: string[] = [];
  // An in-memory vault whose files are their paths.
  const vault: EditVault<string> = {
    getFileByPath: (p) => (files.has(p) ? p : null),
    read: async (p) => files.get(p) ?? '',
    process: async (p, fn) => {
      const next = fn(files.get(p) ?? '');
      files.set(p, next);
      return next;
    },
    create: async (p, t) => {
      files.set(p, t);
      return p;
    },
    delete: async (p) => void files.delete(p),
    notice: (m) => notices.push(m),
  };
  const index = new VaultIndex();
  index.setNotes([...files.entries()]);
  const applier = new EditApplier<string>(vault);
  const actions = new CommitmentActions(index, applier as never, { today: () => '2026-12-01' });
  return { files, notices, index, actions };
}

describe('capture actions', () => {
  it('says how many commitments were captured in which note, by title, and closes', async () => {
    const { files, index, actions } = setUp();
    const model = buildCaptureModel(index, PATH)!;
    const told: string[] = [];
    let closed = 0;
    const a = captureActions(actions, PATH, model.items, () => closed++, (m) => told.push(m));
    const r = await a.confirm(model.items.map((i) => (i.line === 9 ? { ...i, trigger: 'at sprint planning' } : i)));
    expect(r).toEqual({ ok: true, summary: '3 commitments captured in 2026-11-24 Daniel Okafor' });
    expect(told).toEqual(['3 commitments captured in 2026-11-24 Daniel Okafor']);
    expect(closed).toBe(1);
    expect(files.get(PATH)).toMatch(/^- \[ \] Push back on one mid-sprint request \[trigger:: at sprint planning\] \[due:: 2026-12-06\] \^\w+$/m);

    // Again, nothing to do: it says so, by title, and writes nothing.
    index.setNote(PATH, files.get(PATH)!);
    const again = buildCaptureModel(index, PATH)!;
    const before = files.get(PATH);
    const r2 = await captureActions(actions, PATH, again.items, () => closed++, (m) => told.push(m)).confirm(again.items);
    expect(r2).toEqual({ ok: true, summary: 'Nothing to capture in 2026-11-24 Daniel Okafor: its 3 commitments were already captured.' });
    expect(files.get(PATH)).toBe(before);
  });

  it('keeps the form open on a refusal and tells nothing as a success', async () => {
    const { files, index, actions } = setUp();
    const model = buildCaptureModel(index, PATH)!;
    // The note changed since the form opened.
    files.set(PATH, NOTE.replace('Push back on one mid-sprint request', 'Push back on two requests'));
    const told: string[] = [];
    let closed = 0;
    const r = await captureActions(actions, PATH, model.items, () => closed++, (m) => told.push(m)).confirm(model.items);
    expect(r.ok).toBe(false);
    expect(closed).toBe(0);
    expect(told).toEqual([]);
    expect(files.get(PATH)).toContain('- Push back on two requests');
  });

  it('words one commitment and none as English', () => {
    expect(captureSummary('Note', 1, true)).toBe('1 commitment captured in Note');
    expect(captureSummary('Note', 1, false)).toBe('Nothing to capture in Note: its commitment was already captured.');
  });
});

describe('the capture form’s checks', () => {
  const item = { line: 9, expectedText: '- x', id: null, text: 'x', owner: 'client', due: '2026-12-06', defaultDue: '2026-12-06', trigger: '', coping: '', confidence: null, kind: 'process' as const };

  it('names each field that is wrong, by item', () => {
    expect(problems([item])).toEqual({});
    expect(problems([item, { ...item, text: '  ', due: '', owner: '', confidence: 11 }])).toEqual({
      1: {
        text: 'Say what will be done.',
        due: 'Type a due date, such as "fri", "in 3 days" or a date.',
        owner: 'Who does it: client, coach or a name.',
        confidence: 'Confidence is a whole number from 1 to 10.',
      },
    });
    expect(problems([{ ...item, confidence: 7.5 }])[0].confidence).toBeDefined();
  });

  it('counts the items the coach changed, and an edit typed and undone as none', () => {
    expect(changedCount([item, item], [item, item])).toBe(0);
    expect(changedCount([{ ...item, trigger: 'Mon' }, { ...item, due: '2026-12-04' }], [item, item])).toBe(2);
    expect(changedCount([{ ...item, kind: 'outcome' }, item], [item, item])).toBe(1);
  });

  it('trims what is sent and reads a blank confidence as none', () => {
    expect(cleaned([{ ...item, text: ' x ', owner: ' coach ', trigger: ' Mon ', coping: ' a -> b ', confidence: Number.NaN }])).toEqual([
      { ...item, text: 'x', owner: 'coach', trigger: 'Mon', coping: 'a -> b', confidence: null },
    ]);
  });
});
