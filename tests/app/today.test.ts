/**
 * The Today panel's model over the demo vault, and Mark sent end to end: the real
 * CommitmentActions and EditApplier over an in-memory vault write a `nudged` check-in under the
 * commitment, and once the index reads the note again the item is off the panel.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CommitmentActions } from '../../src/app/actions';
import { EditApplier } from '../../src/app/applier';
import { buildTodayModel, sentNote, sortTodayItems, todayActions } from '../../src/app/today';
import { readVault } from '../../src/cli/read-vault';
import { VaultIndex } from '../../src/core/index/vault-index';
import { resolveNudgeSettings } from '../../src/core/nudges/settings';
import type { NudgeItem } from '../../src/core/nudges/today';
import { memoryVault } from '../fakes/memory-vault';

const DEMO = fileURLToPath(new URL('../../examples/demo-vault', import.meta.url));
// These tests follow the full cadence; thinning for steady clients is tested in tests/client-loop/thinning.test.ts.
const S = resolveNudgeSettings({ thinAfterOnTime: 0 });
const entries = readVault(DEMO);

function indexOf(files: Iterable<readonly [string, string]>): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(files);
  return index;
}


function setup(asOf: string, withIndex = true) {
  const files = new Map(entries);
  const index = indexOf(files);
  const vault = memoryVault(files);
  const applier = new EditApplier<string>(vault);
  const actions = new CommitmentActions(index, applier, { today: () => asOf });
  const nav = { openEvidence: vi.fn(), openClient: vi.fn() };
  const clipboard = { writeText: vi.fn(async (_text: string) => undefined) };
  const today = todayActions(actions, nav, clipboard, withIndex ? index : undefined);
  const reindex = () => index.setNotes(files);
  return { files, index, vault, today, nav, clipboard, reindex };
}

const summary = (items: NudgeItem[]) => items.map((i) => `${i.client} | ${i.commitment.text} | ${i.step.kind} | ${i.timing} ${i.daysLate}`);

describe('buildTodayModel over the demo vault', () => {
  it('as of 2026-11-27: Maya’s day-before nudge (a day late) and Sofia’s overdue flags, late first then by client', () => {
    const m = buildTodayModel(indexOf(entries), '2026-11-27', S);
    expect(m.asOf).toBe('2026-11-27');
    expect(m.enabled).toBe(true);
    expect(summary(m.items)).toEqual([
      'Maya Chen | Have the conversation with Dana about the handover | before-due | late 1',
      'Sofia Alvarez | Draft the scorecard | overdue | late 12',
      'Sofia Alvarez | Send the wholesale pricing sheet to the three new shops | overdue | late 6',
      'Sofia Alvarez | Tell the team at stand-up about the scorecard miss | overdue | late 1',
    ]);
    const maya = m.items[0];
    expect(maya.step.audience).toBe('client');
    expect(maya.draft).toMatch(/^Hi Maya, "Have the conversation with Dana about the handover" comes up on Friday 27 November\./);
    expect(maya.draft).toMatch(/\?$/);
    expect(maya.links.sms).toMatch(/^sms:\+15555550142\?&body=Hi%20Maya/);
    expect(maya.links.mailto).toMatch(/^mailto:maya@crumbhq\.com\?subject=/);
    expect(m.items.slice(1).every((i) => i.step.audience === 'coach' && i.draft.startsWith('Hi Sofia'))).toBe(true);
  });

  it('as of 2026-12-01: Daniel’s two midpoint nudges (email only) before Sofia’s flags', () => {
    const m = buildTodayModel(indexOf(entries), '2026-12-01', S);
    expect(summary(m.items)).toEqual([
      'Daniel Okafor | Push back on one mid-sprint request with "yes, and here\'s what moves" | midpoint | late 1',
      "Daniel Okafor | Write a first draft of the team's Q1 goals before our next session | midpoint | late 1",
      'Sofia Alvarez | Draft the scorecard | overdue | late 16',
      'Sofia Alvarez | Send the wholesale pricing sheet to the three new shops | overdue | late 10',
      'Sofia Alvarez | Tell the team at stand-up about the scorecard miss | overdue | late 5',
    ]);
    for (const i of m.items) expect(i.draft.length).toBeGreaterThan(40);
    const daniel = m.items[0];
    expect(daniel.draft).toContain("'yes, and here's what moves'");
    expect(daniel.links).toEqual({ sms: null, mailto: expect.stringMatching(/^mailto:daniel\.okafor@ledgerly\.io\?subject=Checking%20in/) });
  });

  it('filters by coach and client, and is empty when nudges are off', () => {
    const index = indexOf(entries);
    expect(buildTodayModel(index, '2026-12-01', S, { client: 'daniel okafor' }).items.map((i) => i.client)).toEqual(['Daniel Okafor', 'Daniel Okafor']);
    expect(buildTodayModel(index, '2026-12-01', S, { coach: 'Priya Nair' }).items).toEqual([]);
    expect(buildTodayModel(index, '2026-12-01', resolveNudgeSettings({ enabled: false }))).toEqual({ asOf: '2026-12-01', items: [], messages: [], flags: [], quiet: [], enabled: false });
  });

  it('sorts late before today, then by client, keeping the core’s order otherwise', () => {
    const item = (client: string, timing: 'today' | 'late', n: number) => ({ client, timing, key: `${client}${n}` }) as unknown as NudgeItem;
    const sorted = sortTodayItems([item('Ann', 'today', 1), item('Bo', 'late', 1), item('Ann', 'late', 2), item('Bo', 'late', 0), item('Ann', 'today', 0)]);
    expect(sorted.map((i) => i.key)).toEqual(['Ann2', 'Bo1', 'Bo0', 'Ann1', 'Ann0']);
  });
});

describe('todayActions.markSent', () => {
  it('one message for Daniel covers both of his commitments; Mark sent logs a check-in under each, and he drops off', async () => {
    const { files, index, today, reindex, vault } = setup('2026-12-01');
    const before = buildTodayModel(index, '2026-12-01', S);
    expect(before.messages.map((m) => `${m.client}: ${m.items.length}`)).toEqual(['Daniel Okafor: 2']);
    const [daniel] = before.messages;
    const path = daniel.items[0].target.path;
    expect(path).toBe('Sessions/2026-11-24 Daniel Okafor.md');

    const r = await today.markSent(daniel, 'Hi Daniel, how are both going? What did you notice?', 'email');
    expect(r).toEqual({ ok: true, summary: 'Nudge to Daniel Okafor logged under 2 commitments.' });
    expect(vault.notices).toEqual([]);
    const lines = files.get(path)!.split('\n');
    const push = lines.findIndex((l) => l.includes('Push back on one mid-sprint request'));
    expect(lines[push + 1].trim()).toBe('- 2026-12-01 nudged: midpoint nudge (email)');
    const goals = lines.findIndex((l) => l.includes('Q1 goals'));
    expect(goals).toBe(push + 2);
    expect(lines[goals + 1].trim()).toBe('- 2026-12-01 nudged: midpoint nudge (email)');

    reindex();
    const after = buildTodayModel(index, '2026-12-01', S);
    expect(after.messages).toEqual([]);
    expect(after.items.every((i) => i.client !== 'Daniel Okafor')).toBe(true);
    for (const item of daniel.items) {
      const c = index.commitments().find((x) => x.text === item.commitment.text)!;
      expect(c.status).toBe('open');
      expect(c.checkIns.map((k) => `${k.date} ${k.status}: ${k.note}`)).toEqual([`2026-12-01 nudged: ${sentNote(item, 'email')}`]);
    }
  });

  it('without the live index, the check-ins still land under their own lines (lowest first)', async () => {
    const { files, index, today } = setup('2026-12-01', false);
    const [daniel] = buildTodayModel(index, '2026-12-01', S).messages;
    expect((await today.markSent(daniel, daniel.draft, 'copy')).ok).toBe(true);
    const lines = files.get(daniel.items[0].target.path)!.split('\n');
    for (const item of daniel.items) {
      const at = lines.indexOf(item.target.expectedText);
      expect(lines[at + 1].trim()).toBe('- 2026-12-01 nudged: midpoint nudge (copy)');
    }
  });

  it('logs Maya’s late day-before nudge under her commitment, after its existing children', async () => {
    const { files, index, today, reindex } = setup('2026-11-27');
    const [maya] = buildTodayModel(index, '2026-11-27', S).messages;
    expect(maya.items).toHaveLength(1);
    // The message is the step's draft with the reply key, numbered as the client's recap numbers it.
    expect(maya.draft.startsWith(`${maya.items[0].draft}\n`)).toBe(true);
    expect(maya.draft).toMatch(/\nReply like '\d+ done' or '\d+ stuck: what got in the way'\.$/);
    expect((await today.markSent(maya, maya.draft, 'sms')).ok).toBe(true);
    const text = files.get(maya.items[0].target.path)!;
    expect(text).toContain(
      "    - 2026-11-28 partial: sent the doc Friday, she replied \"yes let's talk\", nothing booked yet\n    - 2026-11-27 nudged: before-due nudge (sms)\n- [ ] Send the data room link to Kinfolk",
    );
    reindex();
    expect(buildTodayModel(index, '2026-11-27', S).items.map((i) => i.client)).toEqual(['Sofia Alvarez', 'Sofia Alvarez', 'Sofia Alvarez']);
  });

  it('refuses, with a reason, when a line changed since the panel was built, saying how many were logged', async () => {
    const { files, index, today, vault } = setup('2026-12-01');
    const [daniel] = buildTodayModel(index, '2026-12-01', S).messages;
    const path = daniel.items[0].target.path;
    const edited = files.get(path)!.replace('- Push back on one mid-sprint request', '- Push back on two mid-sprint requests');
    files.set(path, edited);
    const r = await today.markSent(daniel, daniel.draft, 'email');
    expect(r.ok).toBe(false);
    // The Q1 goals line (lower in the note) went first and is logged; the changed line is refused.
    expect(r.ok ? '' : r.reason).toMatch(/\(1 of 2 logged before it\)$/);
    const lines = files.get(path)!.split('\n');
    expect(lines.filter((l) => l.includes('nudged:'))).toHaveLength(1);
    expect(vault.notices).toHaveLength(1);
  });

  it('copies through the clipboard and opens evidence and clients through the navigator', async () => {
    const { today, clipboard, nav } = setup('2026-12-01');
    await today.copy('Hi Daniel');
    expect(clipboard.writeText).toHaveBeenCalledWith('Hi Daniel');
    const e = { kind: 'commitment' as const, path: 'Sessions/x.md', line: 3, text: 't', date: '2026-12-01' };
    today.openEvidence(e);
    expect(nav.openEvidence).toHaveBeenCalledWith(e);
    today.openClient?.('Daniel Okafor');
    expect(nav.openClient).toHaveBeenCalledWith('Daniel Okafor');
  });
});
