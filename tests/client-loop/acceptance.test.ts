/**
 * Acceptance: the CLI's client-loop commands on a copy of the demo vault this test owns:
 * `recap`, `progress`, `ics --for-client` (and again after a due date moved: same UIDs, SEQUENCE
 * raised), `checkin --reply … --write` (the notes gain the check-ins), and the bad input: an
 * unknown client, a reply with a number out of range or a commitment named twice (nothing written).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DEMO_ROOT } from '../nudges/helpers';

const dir = mkdtempSync(join(tmpdir(), 'ft-client-loop-'));
const vault = join(dir, 'vault');
cpSync(DEMO_ROOT, vault, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s), today: () => '2026-12-01' });
  return { code, out, err };
}

const MAYA_OLD = join(vault, 'Sessions/2026-11-17 Maya Chen.md');
const MAYA_NEW = join(vault, 'Sessions/2026-11-24 Maya Chen.md');

describe('follow-through recap / progress / ics --for-client / checkin on a vault of our own', () => {
  it('recap prints the subject and the numbered recap with the reply key', () => {
    const r = cli('recap', vault, 'maya', '--as-of', '2026-12-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Subject: Your commitments from our session on Tuesday 24 November\n\nHi Maya, /);
    expect(r.out).toContain('\n1. Have the conversation with Dana about the handover\n');
    expect(r.out).toContain("\nReply like '1 done, 2 stuck: meetings ate Monday'.\n");
  });

  it('progress prints the neutral progress text', () => {
    const r = cli('progress', vault, 'Maya Chen', '--as-of', '2026-12-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Progress so far, Maya: since our first session on Tuesday 13 October\n/);
  });

  it('an unknown client names the closest', () => {
    const r = cli('recap', vault, 'Maya Chan');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^follow-through: no client named 'Maya Chan'; closest: Maya Chen[,\n]/);
    expect(cli('checkin', vault, 'Mya', '--reply', '1 done').err).toMatch(/closest: Maya Chen/);
  });

  it('ics --for-client writes a file both parsers read; after a due date moves, the same UID has SEQUENCE 1', () => {
    const out = join(dir, 'maya.ics');
    const first = cli('ics', vault, '--for-client', 'Maya Chen', '--out', out, '--as-of', '2026-12-01');
    expect(first.code).toBe(0);
    expect(first.err).toBe(`follow-through: wrote ${out}\n`);
    const v1 = readFileSync(out, 'utf8');
    const uids = new ICAL.Component(ICAL.parse(v1)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids).toContain('dana4@client.follow-through');
    expect(v1).not.toMatch(/Marcus|Daniel|Sofia|obsidian:\/\//);

    const note = readFileSync(MAYA_NEW, 'utf8');
    writeFileSync(MAYA_NEW, note.replace('[due:: 2026-11-27] ^dana4', '[due:: 2026-12-04] ^dana4'));
    expect(cli('ics', vault, '--for-client', 'Maya Chen', '--out', out, '--as-of', '2026-12-01').code).toBe(0);
    const v2 = nodeIcal.sync.parseICS(readFileSync(out, 'utf8'));
    const dana = Object.values(v2).find((e): e is nodeIcal.VEvent => e?.type === 'VEVENT' && (e as nodeIcal.VEvent).uid === 'dana4@client.follow-through')!;
    expect(Number(dana.sequence)).toBe(1);
    expect(dana.start.toISOString().slice(0, 10)).toBe('2026-12-04');
    writeFileSync(MAYA_NEW, note);
  });

  it('ics --for-client refuses to write over a note', () => {
    const r = cli('ics', vault, '--for-client', 'Maya Chen', '--out', MAYA_NEW);
    expect(r.code).toBe(1);
    expect(readFileSync(MAYA_NEW, 'utf8')).toContain('^dana4');
  });

  it('checkin shows the numbers and the check-ins; a problem writes nothing and exits 1', () => {
    const before = [readFileSync(MAYA_OLD, 'utf8'), readFileSync(MAYA_NEW, 'utf8')];
    const preview = cli('checkin', vault, 'Maya Chen', '--reply', '1 done, 2 stuck: meetings ate Monday', '--as-of', '2026-12-01');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('Numbers as of Tuesday 1 December 2026:\n  1. Have the conversation with Dana about the handover\n  2. Reply to the two investors');
    expect(preview.out).toContain('  2. Reply to the two investors\' follow-up questions: stuck (meetings ate Monday)');
    expect(preview.out).toContain('Run again with --write');
    for (const bad of ['1 done, 9 stuck', '1 done, 1 stuck']) {
      const r = cli('checkin', vault, 'Maya Chen', '--reply', bad, '--write');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Problems \(nothing is written until the reply is fixed\):[\s\S]*Nothing was written\.\n$/);
    }
    expect([readFileSync(MAYA_OLD, 'utf8'), readFileSync(MAYA_NEW, 'utf8')]).toEqual(before);
  });

  it('a reply pasted as a list, starting with a dash, is read (the argument parser called it ambiguous)', () => {
    const preview = cli('checkin', vault, 'Maya Chen', '--reply', '- 1 done\n- 2 stuck: meetings ate Monday', '--as-of', '2026-12-01');
    expect(preview.code, preview.err).toBe(0);
    expect(preview.out).toContain("  2. Reply to the two investors' follow-up questions: stuck (meetings ate Monday)");
    // A reply left out before another option is still a usage error, not a reply of '--write'.
    const missing = cli('checkin', vault, 'Maya Chen', '--reply', '--write');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--reply/);
  });

  it('checkin --reply … --write writes the check-ins under the right commitments', () => {
    const r = cli('checkin', vault, 'Maya Chen', '--reply', '1 done, 2 stuck: meetings ate Monday', '--date', '2026-12-01', '--write');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Logged 2 check-ins for Maya Chen dated Tuesday 1 December.');
    const newer = readFileSync(MAYA_NEW, 'utf8');
    expect(newer).toContain('- [x] Have the conversation with Dana about the handover [from:: dana3] [due:: 2026-11-27] [completion:: 2026-12-01] ^dana4');
    expect(newer).toMatch(/nothing booked yet\n    - 2026-12-01 done\n/);
    expect(readFileSync(MAYA_OLD, 'utf8')).toContain("- [?] Reply to the two investors' follow-up questions ^mc6f3\n    - 2026-11-23 partial: answered Ostrom, still drafting for Kinfolk\n    - 2026-12-01 stuck: meetings ate Monday\n");
    // the numbers as of the message's date are the same after the write
    const again = cli('checkin', vault, 'Maya Chen', '--reply', '3 half', '--as-of', '2026-12-01', '--date', '2026-12-02');
    expect(again.out).toContain('  3. Book 5 investor coffees for November: partly done');
    // the scan still reads the vault cleanly
    expect(cli('scan', vault, '--as-of', '2026-12-02').code).toBe(0);
  });

  it('checkin needs --reply', () => {
    expect(cli('checkin', vault, 'Maya Chen').code).toBe(2);
  });
});
