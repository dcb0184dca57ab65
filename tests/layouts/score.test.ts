import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { failedThresholds, formatReport, scoreLayout, type Expected, type ScanLike } from './score';

const expected: Expected = {
  asOf: '2026-12-01',
  coach: 'Priya Nair',
  sessions: [
    { path: '1-1s/ben/2026-10-01.md', line: null, client: 'Ben Carter', date: '2026-10-01', next: '2026-10-15' },
    { path: 'People/Lena.md', line: 12, client: 'Lena Fischer', date: '2026-09-10', next: null },
    { path: 'People/Lena.md', line: 20, client: 'Lena Fischer', date: '2026-09-24', next: null },
  ],
  commitments: [
    { path: '1-1s/ben/2026-10-01.md', line: 14, client: 'Ben Carter', sessionDate: '2026-10-01', text: 'Send the budget', owner: 'client', due: '2026-10-08', status: 'done' },
    { path: '1-1s/ben/2026-10-01.md', line: 15, client: 'Ben Carter', sessionDate: '2026-10-01', text: 'Send the article', owner: 'coach', due: null, status: 'open' },
    { path: 'People/Lena.md', line: 14, client: 'Lena Fischer', sessionDate: '2026-09-10', text: 'Quote the rate', owner: 'client', due: '2026-09-20', status: 'recommitted' },
    { path: 'People/Lena.md', line: 22, client: 'Lena Fischer', sessionDate: '2026-09-24', text: 'Hire', owner: 'Ruth', due: null, status: 'partial' },
  ],
  notSessions: ['Recipes/Bread.md'],
};

function c(session: string, line: number, extra: Record<string, unknown> = {}) {
  return { session, line, client: null, owner: 'client', status: 'open', due: null, dueIsDefault: true, overdue: false, ...extra };
}

const perfect: ScanLike = {
  sessions: [
    { path: '1-1s/ben/2026-10-01.md', client: 'Ben Carter', date: '2026-10-01' },
    { path: 'People/Lena.md', line: 12, client: 'Lena Fischer', date: '2026-09-10' },
    { path: 'People/Lena.md', line: 20, client: 'Lena Fischer', date: '2026-09-24' },
  ],
  commitments: [
    c('1-1s/ben/2026-10-01.md', 14, { client: 'Ben Carter', status: 'done', due: '2026-10-08', dueIsDefault: false }),
    c('1-1s/ben/2026-10-01.md', 15, { client: 'Ben Carter', owner: 'coach', due: '2026-10-13', dueIsDefault: true }),
    c('People/Lena.md', 14, { client: 'Lena Fischer', status: 'recommitted', due: '2026-09-20', dueIsDefault: false }),
    c('People/Lena.md', 22, { client: 'Lena Fischer', owner: 'ruth', status: 'partial' }),
  ],
};

describe('scoreLayout', () => {
  it('scores a scan that reads everything as expected at 100% with no misses', () => {
    const m = scoreLayout(perfect, expected);
    expect(m.sessions).toEqual({ num: 3, den: 3, ratio: 1 });
    expect(m.commitmentsFound.ratio).toBe(1);
    expect(m.precision.ratio).toBe(1);
    expect(m.dueRecall).toEqual({ num: 2, den: 2, ratio: 1 });
    expect(m.ownerAccuracy.ratio).toBe(1); // owner names compare case-insensitively
    expect(m.statusAccuracy.ratio).toBe(1);
    expect(m.clientAccuracy.ratio).toBe(1);
    expect(m.finishedShownOverdue).toBe(0);
    expect(m.dueInvented).toBe(0);
    expect(m.misses).toEqual([]);
  });

  it('scores an empty scan as nothing found, with precision undefined rather than perfect', () => {
    const m = scoreLayout({ sessions: [], commitments: [] }, expected);
    expect(m.sessions.ratio).toBe(0);
    expect(m.commitmentsFound).toEqual({ num: 0, den: 4, ratio: 0 });
    expect(m.precision).toEqual({ num: 0, den: 0, ratio: null });
    expect(m.ownerAccuracy.ratio).toBeNull();
    expect(m.misses.filter((x) => x.kind === 'session-missed')).toHaveLength(3);
    expect(m.misses.filter((x) => x.kind === 'commitment-missed').map((x) => x.line)).toEqual([14, 15, 14, 22]);
  });

  it('matches a dated section by its heading line, else by path and date', () => {
    const byDate = scoreLayout({ sessions: [{ path: 'People/Lena.md', date: '2026-09-24' }, { path: 'People/Lena.md', line: 12, date: '2026-09-11' }] }, expected);
    expect(byDate.sessions.num).toBe(2);
    // one scan session cannot satisfy two expected sessions
    const once = scoreLayout({ sessions: [{ path: 'People/Lena.md', line: 12, date: '2026-09-10' }] }, expected);
    expect(once.sessions.num).toBe(1);
  });

  it('counts commitments read in covered notes that are not expected against precision, and ignores other notes', () => {
    const scan: ScanLike = {
      commitments: [
        ...perfect.commitments!,
        c('1-1s/ben/2026-10-01.md', 30), // a copy or a stray bullet in a session note
        c('Recipes/Bread.md', 5), // a recipe checkbox
        c('Elsewhere/Not in fixture.md', 1), // a note the expectations do not cover
      ],
    };
    const m = scoreLayout(scan, expected);
    expect(m.precision).toEqual({ num: 4, den: 6, ratio: 4 / 6 });
    expect(m.misses.filter((x) => x.kind === 'commitment-extra').map((x) => x.path)).toEqual(['1-1s/ben/2026-10-01.md', 'Recipes/Bread.md']);
  });

  it('gives due credit only for the stated date read as explicit, and flags invented dues', () => {
    const scan: ScanLike = {
      commitments: [
        c('1-1s/ben/2026-10-01.md', 14, { client: 'Ben Carter', status: 'done', due: '2026-10-08', dueIsDefault: true }), // right date, but as a default
        c('1-1s/ben/2026-10-01.md', 15, { client: 'Ben Carter', owner: 'coach', due: '2026-10-20', dueIsDefault: false }), // none stated
        c('People/Lena.md', 14, { client: 'Lena Fischer', status: 'recommitted', due: '2026-09-21', dueIsDefault: false }), // wrong date
      ],
    };
    const m = scoreLayout(scan, expected);
    expect(m.dueRecall).toEqual({ num: 0, den: 2, ratio: 0 });
    expect(m.dueInvented).toBe(1);
    expect(m.misses.filter((x) => x.kind === 'due').map((x) => x.line)).toEqual([14, 14]);
    expect(m.misses.find((x) => x.kind === 'due-invented')?.line).toBe(15);
  });

  it('scores owner, status and client over matched commitments only', () => {
    const scan: ScanLike = {
      commitments: [
        c('1-1s/ben/2026-10-01.md', 14, { client: 'Ben', owner: 'coach', status: 'open', due: '2026-10-08', dueIsDefault: false }),
        c('1-1s/ben/2026-10-01.md', 15, { client: 'Ben Carter', owner: 'coach' }),
      ],
    };
    const m = scoreLayout(scan, expected);
    expect(m.ownerAccuracy).toEqual({ num: 1, den: 2, ratio: 0.5 });
    expect(m.statusAccuracy).toEqual({ num: 1, den: 2, ratio: 0.5 });
    expect(m.clientAccuracy).toEqual({ num: 1, den: 2, ratio: 0.5 });
    const owner = m.misses.find((x) => x.kind === 'owner');
    expect(owner).toMatchObject({ path: '1-1s/ben/2026-10-01.md', line: 14, expected: 'client', got: 'coach', text: 'Send the budget' });
  });

  it('counts done, let-go and recommitted items the scan shows overdue, from its flag or from status and due', () => {
    const scan: ScanLike = {
      commitments: [
        c('1-1s/ben/2026-10-01.md', 14, { status: 'open', due: '2026-10-08', overdue: true }), // done in the notes
        { session: 'People/Lena.md', line: 14, status: 'open', due: '2026-09-20' }, // no overdue field: derived
        c('People/Lena.md', 22, { status: 'partial', due: '2026-10-01', overdue: true }), // partial: unfinished, fine
      ],
    };
    const m = scoreLayout(scan, expected);
    expect(m.finishedShownOverdue).toBe(2);
    expect(m.misses.filter((x) => x.kind === 'finished-shown-overdue').map((x) => x.expected)).toEqual(['done', 'recommitted']);
  });

  it('accepts a commitment keyed by path instead of session', () => {
    const m = scoreLayout({ commitments: [{ path: 'People/Lena.md', line: 22, owner: 'Ruth', status: 'partial', client: 'Lena Fischer' }] }, expected);
    expect(m.commitmentsFound.num).toBe(1);
  });

  it('reports extra sessions in covered notes', () => {
    const m = scoreLayout({ sessions: [...perfect.sessions!, { path: 'Recipes/Bread.md', date: '2026-10-11', client: 'Bread' }] }, expected);
    expect(m.misses.filter((x) => x.kind === 'session-extra')).toEqual([{ kind: 'session-extra', path: 'Recipes/Bread.md', line: null, got: { client: 'Bread', date: '2026-10-11' } }]);
  });
});

describe('failedThresholds and formatReport', () => {
  it('passes a perfect scan and names each failing threshold otherwise', () => {
    expect(failedThresholds(scoreLayout(perfect, expected))).toEqual([]);
    const failed = failedThresholds(scoreLayout({ sessions: [], commitments: [] }, expected));
    expect(failed).toEqual(['sessions 0.0% < 90.0%', 'commitmentsFound 0.0% < 85.0%', 'dueRecall 0.0% < 80.0%']);
  });

  it('prints the metrics and every miss with its place', () => {
    const text = formatReport(scoreLayout({ sessions: [], commitments: [] }, expected));
    expect(text).toContain('commitments found     0 / 4    0.0%');
    expect(text).toContain('commitment-missed (4)');
    expect(text).toContain('People/Lena.md:22  "Hire"');
    expect(formatReport(scoreLayout({}, expected), { maxPerKind: 1 })).toContain('… 3 more');
  });
});

describe('the layout fixtures', () => {
  for (const dir of ['layouts', 'layouts-holdout']) {
    it(`${dir}: expectations are well formed and a scan equal to them scores 100%`, () => {
      let exp: Expected;
      try {
        exp = JSON.parse(readFileSync(new URL(`../fixtures/${dir}/expected.json`, import.meta.url), 'utf8'));
      } catch {
        return; // the fixture is not there yet
      }
      const statuses = new Set(['open', 'done', 'partial', 'stuck', 'let-go', 'recommitted']);
      const date = /^\d{4}-\d{2}-\d{2}$/;
      for (const e of exp.commitments) {
        expect(statuses.has(e.status), `${e.path}:${e.line} ${e.status}`).toBe(true);
        expect(e.due === null || date.test(e.due), `${e.path}:${e.line} due`).toBe(true);
        expect(date.test(e.sessionDate)).toBe(true);
        expect(e.text).toBe(e.text.trim());
      }
      const keys = exp.commitments.map((e) => `${e.path}:${e.line}`);
      expect(new Set(keys).size).toBe(keys.length);
      const mirror: ScanLike = {
        sessions: exp.sessions.map((s) => ({ ...s })),
        commitments: exp.commitments.map((e) => ({ session: e.path, line: e.line, client: e.client, owner: e.owner, status: e.status, due: e.due, dueIsDefault: e.due === null, overdue: false })),
      };
      const m = scoreLayout(mirror, exp);
      expect(m.misses).toEqual([]);
    });

    it(`${dir}: every note is covered and every expected line is where the note has it`, () => {
      const root = new URL(`../fixtures/${dir}/`, import.meta.url);
      let exp: Expected;
      try {
        exp = JSON.parse(readFileSync(new URL('expected.json', root), 'utf8'));
      } catch {
        return;
      }
      const vault = new URL('vault/', root);
      const notes = (readdirSync(vault, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).filter((p) => p.endsWith('.md'));
      const covered = new Set([...exp.sessions.map((s) => s.path), ...exp.notSessions]);
      expect(notes.filter((p) => !covered.has(p))).toEqual([]);
      expect([...covered].filter((p) => !notes.includes(p))).toEqual([]);
      const lines = (path: string) => readFileSync(new URL(path, vault), 'utf8').split('\n');
      for (const s of exp.sessions) {
        if (s.line !== null) expect(lines(s.path)[s.line - 1], `${s.path}:${s.line}`).toMatch(/^#{1,6} /);
      }
      for (const c of exp.commitments) {
        const line = lines(c.path)[c.line - 1] ?? '';
        expect(line, `${c.path}:${c.line}`).toMatch(/^[>\s]*- /);
        expect(line.replace(/~~|\*\*/g, ''), `${c.path}:${c.line}`).toContain(c.text);
      }
    });
  }
});

describe('report.mjs', () => {
  const script = fileURLToPath(new URL('./report.mjs', import.meta.url));
  const expectedPath = fileURLToPath(new URL('../fixtures/layouts/expected.json', import.meta.url));
  const run = (input: string, ...args: string[]) => spawnSync(process.execPath, [script, expectedPath, ...args], { input, encoding: 'utf8' });

  it('prints the metrics and misses, and --check fails an empty scan', () => {
    const r = run(JSON.stringify({ sessions: [], commitments: [] }), '--check', '--max', '1');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('commitments found');
    expect(r.stdout).toContain('commitment-missed');
    expect(r.stderr).toContain('acceptance: FAIL');
  });

  it('passes --check for a scan equal to the expectations, and prints JSON with --json', () => {
    const exp: Expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
    const scan = {
      sessions: exp.sessions,
      commitments: exp.commitments.map((e) => ({ session: e.path, line: e.line, client: e.client, owner: e.owner, status: e.status, due: e.due, dueIsDefault: e.due === null, overdue: false })),
    };
    const r = run(JSON.stringify(scan), '--check', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).commitmentsFound.ratio).toBe(1);
    expect(r.stderr).toContain('acceptance: pass');
  });

  it('says so when stdin is not JSON', () => {
    const r = run('not json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not JSON');
  });
});
