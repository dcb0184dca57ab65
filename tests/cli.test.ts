import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s), today: () => '2026-12-01' });
  return { code, out, err };
}

function vault(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ft-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const note = `---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-11-20\nnext: 2026-12-04\n---\n## Commitments\n- [ ] Send 10 outreach messages [due:: 2026-11-28] ^c7f3a\n`;

describe('follow-through CLI', () => {
  it('prints the contract JSON for scan --json', () => {
    const root = vault({ 'Sessions/a.md': note, '.obsidian/ignored.md': note });
    const r = run(['scan', root, '--json', '--as-of', '2026-12-01']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe('2026-12-01');
    expect(json.sessions.map((s: { path: string }) => s.path)).toEqual(['Sessions/a.md']);
    expect(json.commitments[0]).toMatchObject({ id: 'c7f3a', line: 8, overdue: true, due: '2026-11-28' });
  });

  it('defaults --as-of to today', () => {
    const r = run(['scan', vault({ 'a.md': note }), '--json']);
    expect(JSON.parse(r.out).asOf).toBe('2026-12-01');
  });

  it('prints a readable summary without --json', () => {
    const r = run(['scan', vault({ 'a.md': note, 'bad.md': '---\ntype: session\nclient: X\n---\n' })]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 overdue');
    expect(r.out).toContain('Jane Doe');
    expect(r.out).toMatch(/bad\.md:\d+\s+error\s+session note has no date/);
  });

  it('gives a one-line error and non-zero exit for a missing folder or a file; an unreadable note is a diagnostic', () => {
    const missing = run(['scan', '/no/such/vault']);
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('/no/such/vault');

    const root = vault({ 'a.md': note });
    const notFolder = run(['scan', join(root, 'a.md')]);
    expect(notFolder.code).toBe(1);
    expect(notFolder.err).toMatch(/is not a folder/);

    symlinkSync(join(root, 'gone.md'), join(root, 'broken.md'));
    const unreadable = run(['scan', root]);
    expect(unreadable.code).toBe(0);
    expect(unreadable.err).toBe('');
    expect(unreadable.out).toMatch(/broken\.md:1\s+error\s+not read: no such file or folder/);
    expect(unreadable.out).toContain('Jane Doe');
  });

  it('rejects a bad --as-of and an unknown command with usage', () => {
    expect(run(['scan', '.', '--as-of', '2026-13-01']).code).toBe(2);
    expect(run(['frobnicate', '.']).code).toBe(2);
    expect(run([]).code).toBe(2);
  });

  it('--help prints the usage on stdout and succeeds', () => {
    for (const args of [['--help'], ['scan', '-h']]) {
      const r = run(args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^usage: follow-through COMMAND VAULT/);
      expect(r.err).toBe('');
    }
  });
});

describe('follow-through ics', () => {
  const demo = join(__dirname, '..', 'examples', 'demo-vault');

  it('prints an iCalendar file for one client, and writes it with --out', () => {
    const r = run(['ics', demo, '--as-of', '2026-12-01', '--client', 'Maya Chen']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(r.out).toContain('SUMMARY:Maya Chen: Have the conversation with Dana about the handover');
    expect(r.out).not.toContain('Sofia Alvarez');
    const out = join(mkdtempSync(join(tmpdir(), 'ft-ics-')), 'cal.ics');
    const w = run(['ics', demo, '--as-of', '2026-12-01', '--out', out]);
    expect(w.code).toBe(0);
    expect(w.out).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('END:VCALENDAR');
  });

  it('names the closest clients when the client is unknown', () => {
    const r = run(['ics', demo, '--client', 'Mya Chn']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no client named 'Mya Chn'; closest: Maya Chen/);
  });
});
