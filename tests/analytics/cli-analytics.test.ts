import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { clientNote, sessionNote, vault, type Files } from './fixtures';

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s), today: () => '2026-12-01' });
  return { code, out, err };
}

function onDisk(files: Files): string {
  const root = mkdtempSync(join(tmpdir(), 'ft-analytics-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const root = onDisk(
  vault(
    clientNote('Maya Chen', { coach: 'Sam Rivera', cadence: 'weekly' }),
    sessionNote('Maya Chen', '2026-11-24', ['- [ ] Send the deck [due:: 2026-11-27]', '- [x] Book the coffees'], { next: '2026-12-01' }),
    clientNote('Hannah Lindqvist', { coach: 'Priya Nair', cadence: 10 }),
    sessionNote('Hannah Lindqvist', '2026-11-24', ['- [x] Two writing mornings'], { next: '2026-12-04' }),
    clientNote('Tom Whitaker', { coach: 'Priya Nair', status: 'paused' }),
    sessionNote('Tom Whitaker', '2026-09-24', ['- [ ] Draft the plan']),
  ),
);

describe('roster', () => {
  it('prints a table, riskiest first, released last', () => {
    const r = run(['roster', root, '--as-of', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Roster as of 2026-12-01');
    const order = ['Maya Chen', 'Hannah Lindqvist', 'Tom Whitaker (paused)'].map((n) => r.out.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.out).toMatch(/Maya Chen .*overdue/);
  });

  it('--json prints the rows', () => {
    const r = run(['roster', root, '--as-of', '2026-12-01', '--json']);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe('2026-12-01');
    expect(json.roster.map((x: { client: string }) => x.client)).toEqual(['Maya Chen', 'Hannah Lindqvist', 'Tom Whitaker']);
    expect(json.roster[0]).toMatchObject({
      coach: 'Sam Rivera',
      accountability: 'check-in',
      status: 'active',
      lastSession: '2026-11-24',
      daysSinceLastSession: 7,
      nextSession: '2026-12-01',
      open: 1,
      overdue: 1,
      done: 1,
      completionRecent: 0.5,
      completionAll: 0.5,
    });
    expect(json.roster[0].signals[0]).toMatchObject({ name: 'overdue', evidence: [{ path: 'Sessions/2026-11-24 Maya Chen.md', line: 10 }] }); // 6 frontmatter lines, title, blank, heading
    expect(typeof json.roster[0].sortKey).toBe('string');
  });

  it('--coach keeps one coach\'s clients', () => {
    const r = run(['roster', root, '--as-of', '2026-12-01', '--json', '--coach', 'Priya Nair']);
    expect(JSON.parse(r.out).roster.map((x: { client: string }) => x.client)).toEqual(['Hannah Lindqvist', 'Tom Whitaker']);
  });

  it('--as-of defaults to today and changes the figures', () => {
    const today = JSON.parse(run(['roster', root, '--json']).out);
    expect(today.asOf).toBe('2026-12-01');
    const earlier = JSON.parse(run(['roster', root, '--json', '--as-of', '2026-11-25']).out);
    expect(earlier.roster.find((x: { client: string }) => x.client === 'Maya Chen').overdue).toBe(0);
  });
});

describe('scan --json', () => {
  it('gains a roster array', () => {
    const json = JSON.parse(run(['scan', root, '--json', '--as-of', '2026-12-01']).out);
    expect(Array.isArray(json.roster)).toBe(true);
    expect(json.roster.map((x: { client: string }) => x.client)).toEqual(['Maya Chen', 'Hannah Lindqvist', 'Tom Whitaker']);
    expect(json.clients).toHaveLength(3);
  });
});

describe('patterns and brief', () => {
  it('patterns VAULT CLIENT prints the client patterns; --json the object', () => {
    const r = run(['patterns', root, 'Maya Chen', '--as-of', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Patterns: Maya Chen as of 2026-12-01');
    expect(r.out).toContain('without one');
    const json = JSON.parse(run(['patterns', root, 'Maya Chen', '--as-of', '2026-12-01', '--json']).out);
    expect(json).toMatchObject({ client: 'Maya Chen', asOf: '2026-12-01' });
    expect(json.ifThen.without).toMatchObject({ done: 1, total: 2 });
  });

  it('brief VAULT CLIENT prints the markdown brief; any case and a first name are enough', () => {
    const r = run(['brief', root, 'maya', '--as-of', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Brief: Maya Chen, Tue 1 Dec');
    expect(r.out).toContain('## Opening questions');
    expect(r.out).toContain("'Send the deck': what got in the way? What did you learn?");
    // Status words, not checkbox markers; signal labels, not ids.
    expect(r.out).toContain('- Send the deck: open, due Fri 27 Nov, overdue');
    expect(r.out).toContain('- Overdue: 1 commitment');
    expect(r.out).not.toMatch(/\[[ x?/>-]\] |\*\*overdue\*\*|\*\*[a-z-]+\*\*:/);
    expect(run(['brief', root, 'MAYA CHEN', '--as-of', '2026-12-01']).out).toBe(r.out);
  });

  it("brief uses the vault's date display format, and --json prints the model with ISO dates", () => {
    const withFormat = onDisk({
      ...vault(clientNote('Maya Chen', { cadence: 'weekly' }), sessionNote('Maya Chen', '2026-11-24', ['- [ ] Send the deck [due:: 2026-11-27]'], { next: '2026-12-01' })),
      '.obsidian/plugins/follow-through/data.json': JSON.stringify({ dateFormat: 'd MMMM yyyy' }),
    });
    const md = run(['brief', withFormat, 'Maya', '--as-of', '2026-12-01']).out;
    expect(md).toContain('# Brief: Maya Chen, 1 December 2026');
    expect(md).toContain('due 27 November 2026');
    const json = JSON.parse(run(['brief', withFormat, 'Maya', '--as-of', '2026-12-01', '--json']).out);
    expect(json).toMatchObject({ client: 'Maya Chen', asOf: '2026-12-01', facts: { nextSession: '2026-12-01' } });
    expect(json.since.items[0]).toMatchObject({ text: 'Send the deck', status: 'open', due: '2026-11-27', overdue: true });
    expect(json.signals.map((s: { name: string }) => s.name)).toContain('overdue');
  });

  it('an unknown client is a one-line error naming the closest clients', () => {
    for (const command of ['brief', 'patterns']) {
      const r = run([command, root, 'Hanna Lindkvist']);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain("'Hanna Lindkvist'");
      expect(r.err).toMatch(/closest: Hannah Lindqvist/);
    }
  });

  it('a missing client name is a usage error', () => {
    expect(run(['brief', root]).code).toBe(2);
    expect(run(['patterns', root]).code).toBe(2);
  });
});
