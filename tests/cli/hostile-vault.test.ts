/**
 * The CLI over hostile vaults, black-box: generated folders in the temp dir, the CLI's `main()`
 * (or the CLI bundled from src/, in a child process with a time limit, where a regression would
 * hang). Issue 11 items 2, 5, 9, 15, 16; issue 10 §4 (the vault's plugin settings); the
 * contract's "What is a note" (unreadable notes, encodings).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coreSettingsFrom, loadSettings } from '../../src/core/plugin-settings';
import { VaultIndex } from '../../src/core/index/vault-index';
import { scanIndex } from '../../src/core/scan';
import { MAX_NOTE_CHARS } from '../../src/core/parse/unread';
import { listVaultFolder, readVaultFolder, readVaultNotes } from '../../src/cli/read-vault';
import { AS_OF, bundledCli, clientNote, makeVault, run, runChild, scanJson, sessionNote } from './helpers';

const SESSION = sessionNote('[[Jane Doe]]', '2026-11-20', ['- [ ] Send 10 outreach messages [due:: 2026-11-28] ^c7f3a'], ['next: 2026-12-04']);
const BASE = { 'Clients/Jane Doe.md': clientNote('Jane Doe'), 'Sessions/2026-11-20 Jane Doe.md': SESSION };
const isRoot = process.getuid?.() === 0;

/** Control characters iCalendar forbids: every C0 but tab (LF only as part of CRLF), and DEL. */
const ICS_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

describe('item 2: only regular files are read; nothing blocks', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await bundledCli();
  });

  it('a FIFO named x.md (and a link to it) is skipped with a warning, and every command finishes', () => {
    const root = makeVault(BASE);
    execFileSync('mkfifo', [join(root, 'x.md')]);
    execFileSync('mkfifo', [join(root, 'pipe')]);
    symlinkSync(join(root, 'pipe'), join(root, 'Sessions', 'linked.md'));
    symlinkSync('loop.md', join(root, 'loop.md'));
    symlinkSync('..', join(root, 'Sessions', 'up'));

    const scan = runChild(cli, ['scan', root, '--json', '--as-of', AS_OF]);
    expect(scan.timedOut).toBe(false);
    expect(scan.code).toBe(0);
    const json = JSON.parse(scan.out);
    expect(json.commitments).toHaveLength(1);
    const diag = (path: string) => json.diagnostics.find((d: { path: string }) => d.path === path);
    expect(diag('x.md')).toMatchObject({ severity: 'warning', line: 1 });
    expect(diag('x.md').message).toMatch(/named pipe \(FIFO\), not a note; move or delete it/);
    expect(diag('Sessions/linked.md').message).toMatch(/named pipe/);
    expect(diag('loop.md').message).toMatch(/symbolic links/);

    for (const args of [['roster', root], ['brief', root, 'Jane'], ['review', root, '--week'], ['ics', root]]) {
      const r = runChild(cli, [...args, '--as-of', AS_OF]);
      expect({ args, timedOut: r.timedOut, code: r.code }).toEqual({ args, timedOut: false, code: 0 });
    }
  });

  it('a link to a folder holding the vault, or into /proc, is not followed: a warning, and the scan ends at once', () => {
    const outer = makeVault({ 'vault/Clients/Jane Doe.md': clientNote('Jane Doe'), 'vault/Sessions/2026-11-20 Jane Doe.md': SESSION });
    const root = join(outer, 'vault');
    symlinkSync(outer, join(root, 'Sessions', 'outer'));
    symlinkSync('/', join(root, 'everything'));
    symlinkSync('/proc/self', join(root, 'proc'));
    const scan = runChild(cli, ['scan', root, '--json', '--as-of', AS_OF]);
    expect(scan.timedOut).toBe(false);
    const json = JSON.parse(scan.out);
    expect(json.commitments).toHaveLength(1);
    const messages = Object.fromEntries(json.diagnostics.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(messages['Sessions/outer']).toMatch(/link to a folder that holds the vault itself; remove the link/);
    expect(messages['everything']).toMatch(/link to a folder that holds the vault itself/);
    expect(messages['proc']).toMatch(/link to the system folder \/proc\//);
  });

  it('setup with a named pipe for data.json or templates.json finishes: refused with the file named, or the pipe left unread', () => {
    const root = makeVault(BASE);
    mkdirSync(join(root, '.obsidian', 'plugins', 'follow-through'), { recursive: true });
    execFileSync('mkfifo', [join(root, '.obsidian', 'plugins', 'follow-through', 'data.json')]);
    execFileSync('mkfifo', [join(root, '.obsidian', 'templates.json')]);
    const r = runChild(cli, ['setup', root, '--coach', 'Priya Nair', '--write']);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot read settings .*data\.json: it is a named pipe \(FIFO\)/);
  });

  it('a folder named data.json: the vault is read with the defaults and stderr says why; --settings naming a folder is refused', () => {
    const root = makeVault(BASE);
    const data = join(root, '.obsidian', 'plugins', 'follow-through', 'data.json');
    mkdirSync(data, { recursive: true });
    const r = run('scan', root, '--as-of', AS_OF);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/settings .*data\.json is a folder, not a settings file, so the defaults are used; remove it/);
    const explicit = run('scan', root, '--settings', data);
    expect(explicit.code).toBe(1);
    expect(explicit.err).toMatch(/cannot read settings .*data\.json: it is a folder, not a settings file; give --settings the data\.json file itself/);
  });

  it('review --out and ics --out through a link to nothing are refused, so no file appears where it points', () => {
    const root = makeVault(BASE);
    symlinkSync(join(root, 'Sessions', 'new-note.md'), join(root, 'out.ics'));
    symlinkSync(join(root, 'Sessions', 'other-note.md'), join(root, 'review.md'));
    for (const args of [['ics', root, '--out', join(root, 'out.ics')], ['review', root, '--week', '--out', join(root, 'review.md')]]) {
      const r = runChild(cli, [...args, '--as-of', AS_OF]);
      expect({ args, code: r.code }).toEqual({ args, code: 1 });
      expect(r.err).toMatch(/is a symbolic link to .*, which does not exist; give a file that is not a link/);
    }
    expect(scanJson(root).sessions.map((s) => s.path)).toEqual(['Sessions/2026-11-20 Jane Doe.md']);
  });

  it('setup --write refuses, with the file named and nothing changed, a data.json holding a value nested too deeply to write back', () => {
    const root = makeVault(BASE);
    const deep = `{"settingsVersion": 3, "other": ${'['.repeat(20000)}${']'.repeat(20000)}}`;
    mkdirSync(join(root, '.obsidian', 'plugins', 'follow-through'), { recursive: true });
    const data = join(root, '.obsidian', 'plugins', 'follow-through', 'data.json');
    writeFileSync(data, deep);
    const r = run('setup', root, '--coach', 'Priya Nair', '--write');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not saving the layout: .*data\.json holds a value nested too deeply to write back as it was; nothing was changed/);
    expect(readFileSync(data, 'utf8')).toBe(deep);
  });

  it('setup --write refuses, with the number named and nothing changed, a data.json whose numbers would not survive being written back', () => {
    for (const number of ['9007199254740993', '1e400', '0.12345678901234567890123']) {
      const root = makeVault(BASE);
      const saved = `{"settingsVersion": 3, "sync": {"lastId": ${number}, "note": "a \\"quoted\\" 12345678901234567890 in a string is left alone"}}\n`;
      mkdirSync(join(root, '.obsidian', 'plugins', 'follow-through'), { recursive: true });
      const data = join(root, '.obsidian', 'plugins', 'follow-through', 'data.json');
      writeFileSync(data, saved);
      const r = run('setup', root, '--coach', 'Priya Nair', '--write');
      expect({ number, code: r.code }).toEqual({ number, code: 1 });
      expect(r.err).toContain(`holds the number ${number.slice(0, 40)}`);
      expect(r.err).toMatch(/cannot be written back exactly .*nothing was changed/);
      expect(readFileSync(data, 'utf8')).toBe(saved);
    }
    // Numbers that do survive (other spellings of the same value included) are written back.
    const root = makeVault(BASE);
    const data = join(root, '.obsidian', 'plugins', 'follow-through', 'data.json');
    mkdirSync(join(root, '.obsidian', 'plugins', 'follow-through'), { recursive: true });
    writeFileSync(data, '{"settingsVersion": 3, "a": 9007199254740991, "b": 1.50, "c": -0.0, "d": 2e-7, "e": 1E21}\n');
    expect(run('setup', root, '--coach', 'Priya Nair', '--write').code).toBe(0);
    expect(JSON.parse(readFileSync(data, 'utf8'))).toMatchObject({ a: 9007199254740991, b: 1.5, d: 2e-7, e: 1e21 });
  });

  it('setup --write keeps a layout set by hand (a heading, the coach names, flexible items): the proposal is added to it, and running it again changes nothing', () => {
    const session = (d: string) => ['---', 'type: session', 'client: Jane Doe', `date: 2026-11-${d}`, '---', '## Client tasks', `- [ ] Task A from ${d}`, `- [ ] Task B from ${d}`, ''].join('\n');
    const root = makeVault({ 'Sessions/a.md': session('01'), 'Sessions/b.md': session('08'), 'Sessions/c.md': session('15') });
    mkdirSync(join(root, '.obsidian', 'plugins', 'follow-through'), { recursive: true });
    const data = join(root, '.obsidian', 'plugins', 'follow-through', 'data.json');
    writeFileSync(data, JSON.stringify({ layout: { actionHeadings: ['Client tasks'], coachNames: ['Priya'], flexibleItems: true } }));
    expect(scanJson(root).commitments).toHaveLength(6);
    const r = run('setup', root, '--coach', 'Priya Nair', '--write');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/With it: 3 sessions, 6 commitments, 1 client/);
    expect(r.out).toMatch(/added to the layout already saved there \(nothing you had set was taken away\)/);
    const layout = JSON.parse(readFileSync(data, 'utf8')).layout;
    expect(layout).toMatchObject({ actionHeadings: ['Client tasks'], flexibleItems: true });
    expect(layout.coachNames.slice(0, 2)).toEqual(['Priya', 'Priya Nair']);
    expect(scanJson(root).commitments).toHaveLength(6);
    const once = readFileSync(data, 'utf8');
    expect(run('setup', root, '--coach', 'Priya Nair', '--write').code).toBe(0);
    expect(readFileSync(data, 'utf8')).toBe(once);
  });

  it('setup --write refuses a data.json that is a link to nothing, so no file appears where it points', () => {
    const root = makeVault(BASE);
    mkdirSync(join(root, '.obsidian', 'plugins', 'follow-through'), { recursive: true });
    const outside = join(root, '..', `ft-outside-${process.pid}.json`);
    symlinkSync(outside, join(root, '.obsidian', 'plugins', 'follow-through', 'data.json'));
    const r = run('setup', root, '--coach', 'Priya Nair', '--write');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not saving the layout: .*link/);
    expect(() => readFileSync(outside)).toThrow();
  });

  it('a reader that stops early (| head) ends the output without a crash', async () => {
    const files: Record<string, string> = { 'Clients/Jane Doe.md': clientNote('Jane Doe') };
    for (let i = 0; i < 400; i++) files[`Sessions/s${i}.md`] = SESSION.replace('^c7f3a', `^id${i}`).replace('2026-11-20', `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`);
    const root = makeVault(files);
    const child = spawn(process.execPath, [cli, 'scan', root, '--json', '--as-of', AS_OF], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('review --out and ics --out naming a FIFO are refused, not opened', () => {
    const root = makeVault(BASE);
    execFileSync('mkfifo', [join(root, 'out.md')]);
    execFileSync('mkfifo', [join(root, 'out.ics')]);
    for (const args of [['review', root, '--week', '--out', join(root, 'out.md')], ['ics', root, '--out', join(root, 'out.ics')]]) {
      const r = runChild(cli, [...args, '--as-of', AS_OF]);
      expect({ args, timedOut: r.timedOut, code: r.code }).toEqual({ args, timedOut: false, code: 1 });
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('item 9 and the contract: what is a note', () => {
  it('dot-folders and dot-files are not read, as in Obsidian', () => {
    const root = makeVault({
      ...BASE,
      '.stversions/Sessions/2026-11-20 Jane Doe~20261121-101010.md': SESSION,
      '.sync/Archive/2026-11-20 Jane Doe.md': SESSION,
      '.trash/2026-11-20 Jane Doe.md': SESSION,
      '.obsidian/snippets/x.md': SESSION,
      'Sessions/.draft.md': SESSION,
      '.hidden/deep/Clients/Other.md': clientNote('Other'),
    });
    const json = scanJson(root);
    expect(json.sessions.map((s) => s.path)).toEqual(['Sessions/2026-11-20 Jane Doe.md']);
    expect(json.commitments).toHaveLength(1);
    expect(json.clients.map((c) => c.name)).toEqual(['Jane Doe']);
    expect(json.diagnostics).toEqual([]);
  });

  it('a note that cannot be read is a diagnostic naming it, and the scan goes on with exit 0', () => {
    const root = makeVault({ ...BASE, 'Sessions/locked.md': SESSION.replace('^c7f3a', '^lock1') });
    symlinkSync(join(root, 'gone.md'), join(root, 'Sessions', 'broken.md'));
    if (!isRoot) chmodSync(join(root, 'Sessions', 'locked.md'), 0o000);
    else symlinkSync('loop.md', join(root, 'Sessions', 'loop.md')); // root reads any file: a link loop stands in (a FIFO would block in-process)
    // A folder named like a note is a folder, as in Obsidian: its notes are read.
    mkdirSync(join(root, 'Odd.md'));
    writeFileSync(join(root, 'Odd.md', 'Inside Client.md'), clientNote('Inside Client'));

    const r = run('scan', root, '--as-of', AS_OF);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Sessions\/broken\.md:1\s+error\s+not read: no such file or folder; it is a symbolic link to a file that is not there/);
    if (!isRoot) expect(r.out).toMatch(/Sessions\/locked\.md:1\s+error\s+not read: permission denied/);
    else expect(r.out).toMatch(/Sessions\/loop\.md:1\s+error\s+not read: too many symbolic links/);
    expect(r.out).toContain('Jane Doe');
    expect(r.out).toContain('Inside Client');
  });

  it('a vault of more notes than one reading batch is read in path order, each batch let go before the next, to the same index as one read', () => {
    // 1,300 session notes in three folders whose names sort apart from the walk's order, three of
    // them unreadable (a link to nothing), and a client note per ten sessions.
    const files: Record<string, string> = {};
    for (let i = 0; i < 1300; i++) {
      const client = `Client ${String(i % 130).padStart(3, '0')}`;
      const folder = ['Sessions b', 'Sessions', 'Sessions/a'][i % 3];
      files[`${folder}/2026-11-${String(1 + (i % 28)).padStart(2, '0')} ${client} ${i}.md`] = sessionNote(`[[${client}]]`, `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, [`- [ ] Send draft ${i} ^n${i}`]);
      if (i < 130) files[`Clients/${client}.md`] = clientNote(client);
    }
    const root = makeVault(files);
    for (const at of [0, 600, 1299]) symlinkSync(join(root, 'gone.md'), join(root, 'Sessions', `zz broken ${at}.md`));

    const listing = listVaultFolder(root);
    const batches: string[][] = [];
    const unreadable = readVaultNotes(listing, (batch) => batches.push(batch.map(([path]) => path)));
    const read = batches.flat();
    expect(batches.length).toBeGreaterThan(2);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(500);
    expect(read).toEqual([...read].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(read).toHaveLength(1430);
    expect(unreadable.map((u) => u.path)).toEqual(['Sessions/zz broken 0.md', 'Sessions/zz broken 1299.md', 'Sessions/zz broken 600.md']);

    // The CLI feeds the index batch by batch: the same scan as an index given every note at once.
    const whole = new VaultIndex();
    const all = readVaultFolder(root);
    whole.setNotes(all.notes);
    for (const u of all.unreadable) whole.setUnreadable(u.path, u.message, u.severity);
    expect(all.notes.map(([path]) => path)).toEqual(read);
    const { roster: _roster, ...cliScan } = scanJson(root) as ScanWithRoster;
    expect(cliScan.commitments).toHaveLength(1300);
    expect(cliScan).toEqual(JSON.parse(JSON.stringify(scanIndex(whole, AS_OF))));
  });

  it('a missing vault or a path that is not a folder stays a one-line error, exit 1', () => {
    const root = makeVault(BASE);
    for (const args of [['scan', join(root, 'nope')], ['roster', join(root, 'Clients', 'Jane Doe.md')]]) {
      const r = run(...args);
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(args[1]);
    }
  });

  it('UTF-16 notes with a byte-order mark are decoded; a UTF-8 byte-order mark is dropped', () => {
    const le = Buffer.from('\ufeff' + sessionNote('[[Jane Doe]]', '2026-11-21', ['- [ ] Draft the budget 📅 2026-11-26 ^le16']), 'utf16le');
    const be = Buffer.from('\ufeff' + sessionNote('[[Jane Doe]]', '2026-11-21', ['- [ ] Draft the budget 📅 2026-11-26 ^be16']), 'utf16le').swap16();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sessionNote('[[Jane Doe]]', '2026-11-22', ['- [ ] Café with Zoë 📅 2026-11-27 ^u8bom']))]);
    const root = makeVault({ ...BASE, 'Sessions/le.md': le, 'Sessions/be.md': be, 'Sessions/bom.md': bom });
    const json = scanJson(root);
    expect(json.diagnostics).toEqual([]);
    const byId = Object.fromEntries(json.commitments.map((c) => [c.id, c]));
    expect(byId.le16).toMatchObject({ text: 'Draft the budget', due: '2026-11-26', session: 'Sessions/le.md' });
    expect(byId.u8bom).toMatchObject({ text: 'Café with Zoë', session: 'Sessions/bom.md' });
    expect(byId.be16).toMatchObject({ text: 'Draft the budget', due: '2026-11-26', session: 'Sessions/be.md' });
  });

  it('invalid UTF-8, UTF-16 without its mark, UTF-32 and CR-only line breaks are named in a diagnostic, never read as garbage', () => {
    const latin1 = Buffer.from(sessionNote('[[Jane Doe]]', '2026-11-21', ['- [ ] Caf\u00e9 au lait ^lat1']), 'latin1');
    const noBom = Buffer.from(sessionNote('[[Jane Doe]]', '2026-11-22', ['- [ ] Plain ^nob1']), 'utf16le');
    // UTF-32 LE with its mark (FF FE 00 00), which a UTF-16 reader would take for its own.
    const utf32 = Buffer.alloc(4 * 200);
    [...('\ufeff' + sessionNote('[[Jane Doe]]', '2026-11-23', ['- [ ] Wide ^u32a']))].slice(0, 200).forEach((ch, i) => utf32.writeUInt32LE(ch.codePointAt(0)!, 4 * i));
    const crOnly = Buffer.from(sessionNote('[[Jane Doe]]', '2026-11-24', ['- [ ] Old Mac ^cr01']).replace(/\n/g, '\r'));
    const root = makeVault({ ...BASE, 'Sessions/latin1.md': latin1, 'Sessions/nobom.md': noBom, 'Sessions/utf32.md': utf32, 'Sessions/cr.md': crOnly });
    const r = run('scan', root, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('\ufffd');
    const json = JSON.parse(r.out);
    expect(json.commitments.map((c: { id: string }) => c.id)).toEqual(['c7f3a']);
    const d = Object.fromEntries(json.diagnostics.map((x: { path: string; message: string; severity: string }) => [x.path, x]));
    expect(d['Sessions/latin1.md']).toMatchObject({ severity: 'warning', message: expect.stringMatching(/not valid UTF-8 text.*save it again as UTF-8/) });
    expect(d['Sessions/nobom.md']).toMatchObject({ severity: 'warning', message: expect.stringMatching(/NUL bytes/) });
    expect(d['Sessions/utf32.md']).toMatchObject({ severity: 'warning', message: expect.stringMatching(/UTF-32.*save it again as UTF-8/) });
    expect(d['Sessions/cr.md']).toMatchObject({ line: 1, severity: 'error', message: expect.stringMatching(/carriage returns only.*LF or CRLF/) });
  });
});

describe('notes far larger than any note', () => {
  it('a 40 MB file is refused by its size without being read, a note over 10 million characters is not parsed, and 150,000 commitments in one note are read and used', { timeout: 60_000 }, () => {
    // 150,000 one-word commitments in 1.2 MB are read (linear time, and one client may hold them all).
    const many = sessionNote('[[Jane Doe]]', '2026-11-23', Array.from({ length: 150_000 }, () => '- [ ] x'));
    const root = makeVault({ ...BASE, 'Sessions/many.md': many, 'Sessions/huge.md': '', 'Sessions/long.md': sessionNote('[[Jane Doe]]', '2026-11-24', ['- [ ] ' + 'y'.repeat(MAX_NOTE_CHARS)]) });
    // A sparse file: 40 MB by its size, nothing written.
    truncateSync(join(root, 'Sessions/huge.md'), 40_000_000);
    const r = run('scan', root, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.commitments.filter((c: { session: string }) => c.session === 'Sessions/many.md')).toHaveLength(150_000);
    // More items than a spread into push() takes (about 120,000), and one evidence lookup per
    // overdue item: every command that walks them finishes, in linear time.
    for (const args of [['recap', root, 'Jane Doe'], ['review', root, '--week'], ['brief', root, 'Jane Doe', '--json'], ['progress', root, 'Jane Doe']]) {
      const out = run(...(args as [string, ...string[]]), '--as-of', AS_OF);
      expect([args[0], out.code, out.err]).toEqual([args[0], 0, '']);
    }
    const d = Object.fromEntries(json.diagnostics.map((x: { path: string; message: string; severity: string }) => [x.path, x]));
    expect(d['Sessions/huge.md']).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^not read: the note is 40\.0 MB long, more than the 30 MB this plugin reads .*; split it/) });
    expect(d['Sessions/long.md']).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^not read: the note is 10\.0 million characters long, more than the 10 million characters this plugin reads/) });
  });
});

describe('item 5: ics --out never overwrites what is not ours', () => {
  it('refuses a session note, leaving it byte-identical; refuses a foreign .ics and a folder; writes a new file and over its own export', () => {
    const root = makeVault(BASE);
    const target = join(root, 'Sessions', '2026-11-20 Jane Doe.md');
    const before = readFileSync(target);
    const r = run('ics', root, '--as-of', AS_OF, '--out', target);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(target);
    expect(readFileSync(target).equals(before)).toBe(true);

    const foreign = join(root, 'work.ics');
    writeFileSync(foreign, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nEND:VCALENDAR\r\n');
    const f = run('ics', root, '--as-of', AS_OF, '--out', foreign);
    expect(f.code).toBe(1);
    expect(f.err).toMatch(/not a calendar exported by Follow Through/);
    expect(readFileSync(foreign, 'utf8')).toContain('Google');

    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'my notes');
    expect(run('ics', root, '--out', notes).code).toBe(1);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    expect(run('ics', root, '--out', join(root, 'Sessions')).code).toBe(1);
    expect(run('ics', root, '--out', join(root, 'Sessions', 'new.md')).code).toBe(1);

    const ours = join(root, 'cal.ics');
    expect(run('ics', root, '--as-of', '2026-11-21', '--out', ours).code).toBe(0);
    const first = readFileSync(ours, 'utf8');
    const again = run('ics', root, '--as-of', AS_OF, '--out', ours);
    expect(again.code).toBe(0);
    expect(readFileSync(ours, 'utf8')).not.toBe(first);
    expect(readFileSync(ours, 'utf8')).toContain('UID:c7f3a@follow-through');
  });
});

describe('review --out never rewrites what it cannot read as text', () => {
  it('a review note that is not UTF-8 is refused and left byte for byte', () => {
    const root = makeVault(BASE);
    const out = join(root, 'Reviews', '2026-W49.md');
    expect(run('review', root, '--week', '--as-of', AS_OF, '--out', out).code).toBe(0);
    const latin1 = Buffer.concat([readFileSync(out), Buffer.from('Caf\u00e9 notes\n', 'latin1')]);
    writeFileSync(out, latin1);
    const r = run('review', root, '--week', '--as-of', '2026-12-02', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not writing .*2026-W49\.md: it is not valid UTF-8 text/);
    expect(readFileSync(out).equals(latin1)).toBe(true);
  });

  it('a review note kept in UTF-16 is updated in UTF-16, its own words kept', () => {
    const root = makeVault(BASE);
    const out = join(root, 'Reviews', '2026-W49.md');
    expect(run('review', root, '--week', '--as-of', AS_OF, '--out', out).code).toBe(0);
    const text = `${readFileSync(out, 'utf8')}\nMy own notes: café\n`;
    writeFileSync(out, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = run('review', root, '--week', '--as-of', '2026-12-02', '--out', out);
    expect(r.code, r.err).toBe(0);
    const after = readFileSync(out);
    expect([...after.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(after.subarray(2).toString('utf16le')).toContain('My own notes: café');
  });
});

describe('item 15: calendar UIDs unique per event and stable', () => {
  const dupes = sessionNote('[[Jane Doe]]', '2026-11-20', [
    '- [ ] Call the bank [due:: 2026-12-05] ^same1',
    '- [ ] Book the venue [due:: 2026-12-06] ^same1',
    '- [ ] Pay the deposit [due:: 2026-12-07] ^same1',
    '- [ ] Journal every evening [due:: 2026-12-08]',
    '- [ ] Journal every evening [due:: 2026-12-09]',
    '- [ ] Journal every evening [due:: 2026-12-10]',
  ]);
  const other = sessionNote('[[Jane Doe]]', '2026-11-27', ['- [ ] Review the plan [due:: 2026-12-12] ^same1']);
  const uids = (ics: string) => [...ics.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]);
  const icsOf = (root: string) => {
    const r = run('ics', root, '--as-of', AS_OF);
    expect(r.code).toBe(0);
    return r.out;
  };

  it('three lines with one block id and the same text three times give six distinct UIDs, the same on every run', () => {
    const root = makeVault({ 'Clients/Jane Doe.md': clientNote('Jane Doe'), 'Sessions/a.md': dupes, 'Sessions/b.md': other });
    const first = uids(icsOf(root));
    expect(first).toHaveLength(7);
    expect(new Set(first).size).toBe(7);
    expect(uids(icsOf(root))).toEqual(first);
    expect(first).toContain('same1@follow-through');
  });

  it('UIDs do not change when an unrelated note changes, or when another event with the same text is settled', () => {
    const files = { 'Clients/Jane Doe.md': clientNote('Jane Doe'), 'Sessions/a.md': dupes, 'Sessions/b.md': other };
    const root = makeVault(files);
    const before = new Map(icsOf(root).split('BEGIN:VEVENT').slice(1).map((e) => [e.match(/SUMMARY:(.*)\r/)![1] + e.match(/DTSTART;VALUE=DATE:(\d+)/)![1], e.match(/UID:(.*)\r/)![1]]));

    // Another client's note with the same text (for Jane's own earlier session it would be the same
    // commitment carried forward, which the calendar rightly shows once).
    writeFileSync(join(root, 'Sessions', '0 earlier.md'), sessionNote('[[Sam Lee]]', '2026-11-10', ['- [ ] Journal every evening [due:: 2026-12-03]', '- [ ] Sort the files [due:: 2026-12-04] ^other']));
    writeFileSync(join(root, 'Sessions', 'a.md'), dupes.replace('- [ ] Journal every evening [due:: 2026-12-08]', '- [x] Journal every evening [due:: 2026-12-08]'));
    const after = new Map(icsOf(root).split('BEGIN:VEVENT').slice(1).map((e) => [e.match(/SUMMARY:(.*)\r/)![1] + e.match(/DTSTART;VALUE=DATE:(\d+)/)![1], e.match(/UID:(.*)\r/)![1]]));
    for (const [key, uid] of before) if (after.has(key)) expect({ key, uid: after.get(key) }).toEqual({ key, uid });
    expect(after.size).toBe(before.size - 1 + 2);
    expect(new Set(after.values()).size).toBe(after.size);
  });
});

describe('item 16: control characters and line breaks in names', () => {
  const root = () =>
    makeVault({
      'Clients/Jane Doe.md': clientNote('Jane Doe', ['name: "Jane\\aDoe\\n<!-- follow-through:review:end -->"', 'coach: "Sam\\nRivera\\0"']),
      'Sessions/2026-11-20 Jane Doe.md': sessionNote('[[Jane Doe]]', '2026-11-20', [
        '- [ ] Call the bank\u0007 twice\u0000 today\u001b[31m [due:: 2026-11-25] ^bel1',
        '- [ ] Ask about\u000b the\u000c venue [due:: 2026-12-05]',
      ]),
    });

  it('never reach the .ics file, and names stay on one line', () => {
    const r = run('ics', root(), '--as-of', AS_OF);
    expect(r.code).toBe(0);
    for (const line of r.out.split('\r\n')) expect(ICS_CONTROL.test(line)).toBe(false);
    expect(r.out).toContain('SUMMARY:Jane');
    expect(r.out.replace(/\r\n /g, '')).toContain('SUMMARY:JaneDoe <!-- follow-through:review:end -->: Call the bank twice today[31m\r\n');
  });

  it('a line break in a coach or client name never blocks the review note, and every name is one line', () => {
    const vault = root();
    const out = join(vault, 'Reviews', 'week.md');
    const first = run('review', vault, '--week', '--as-of', AS_OF, '--out', out);
    expect(first.code).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8') + 'My own notes.\n');
    const second = run('review', vault, '--week', '--as-of', '2026-12-02', '--out', out);
    expect(second.err).toBe('');
    expect(second.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('My own notes.');
    expect(text).toContain('## Sam Rivera\n');
    const lines = text.split('\n');
    expect(lines.filter((l) => l.trim() === '<!-- follow-through:review:end -->')).toHaveLength(1);
    expect(lines.filter((l) => l.trim() === '<!-- follow-through:review:start -->')).toHaveLength(1);
    expect(text).toContain('[[Clients/Jane Doe|JaneDoe <!-- follow-through:review:end -->]]');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe('issue 10 §4: the vault plugin settings, read as the plugin reads them', () => {
  const settings = {
    extraHeadings: ['Action Items'],
    keyAliases: { client: ['coachee'] },
    rosterStatuses: ['active'],
    calendar: { calendarName: 'Coaching follow-ups', includeCoachItems: false },
    someFutureKey: { kept: true },
  };
  const note = [
    '---',
    'type: session',
    'coachee: "[[Jane Doe]]"',
    'date: 2026-11-20',
    '---',
    '## Action Items',
    '- [ ] Send the proposal [due:: 2026-11-28] ^ai1',
    '- [ ] Coach: send the worksheet [due:: 2026-12-03] ^ai2',
    '',
  ].join('\n');
  const files = {
    'Clients/Jane Doe.md': clientNote('Jane Doe'),
    'Clients/Paul Paused.md': clientNote('Paul Paused', ['status: paused']),
    'Sessions/a.md': note,
    'Sessions/p.md': sessionNote('[[Paul Paused]]', '2026-11-18', ['- [ ] Rest [due:: 2026-11-30]']),
  };
  const withSettings = (json: string) => makeVault({ ...files, '.obsidian/plugins/follow-through/data.json': json });

  it('reads data.json with the plugin loader: the same reading as the plugin, custom heading and key alias included', () => {
    const root = withSettings(JSON.stringify(settings));
    const cli = scanJson(root);
    expect(cli.commitments.filter((c) => c.session === 'Sessions/a.md').map((c) => c.id)).toEqual(['ai1', 'ai2']);
    expect(cli.commitments[0]).toMatchObject({ client: 'Jane Doe', overdue: true });

    const plugin = new VaultIndex(coreSettingsFrom(loadSettings(settings)));
    plugin.setNotes(Object.entries(files));
    const { roster: _roster, ...cliScan } = cli as ScanWithRoster;
    expect(cliScan).toEqual(JSON.parse(JSON.stringify(scanIndex(plugin, AS_OF))));
  });

  it('--no-settings reads with the defaults; --settings FILE reads another file', () => {
    const root = withSettings(JSON.stringify(settings));
    const mine = (j: ReturnType<typeof scanJson>) => j.commitments.filter((c) => c.session === 'Sessions/a.md');
    expect(mine(scanJson(root, '--no-settings'))).toEqual([]);
    const elsewhere = join(makeVault({}), 'other.json');
    writeFileSync(elsewhere, JSON.stringify({ extraHeadings: ['Action Items'] }));
    const other = scanJson(root, '--settings', elsewhere);
    expect(mine(other)).toEqual([]); // the heading, but not the coachee alias: not a session's client
    expect(other.sessions.map((s) => s.path)).not.toContain('Sessions/a.md');
    expect(run('scan', root, '--settings', elsewhere, '--no-settings').code).toBe(2);
  });

  it('roster statuses and calendar settings apply to roster and ics as in the plugin', () => {
    const root = withSettings(JSON.stringify(settings));
    const roster = run('roster', root, '--json', '--as-of', AS_OF);
    expect(JSON.parse(roster.out).roster.map((r: { client: string }) => r.client)).toEqual(['Jane Doe']);
    expect(JSON.parse(run('roster', root, '--json', '--as-of', AS_OF, '--no-settings').out).roster).toHaveLength(2);
    const ics = run('ics', root, '--as-of', AS_OF).out;
    expect(ics).toContain('X-WR-CALNAME:Coaching follow-ups');
    expect(ics).toContain('UID:ai1@follow-through');
    expect(ics).not.toContain('UID:ai2@follow-through');
  });

  it('thresholds apply to roster and brief, and nudges to the calendar alarms, as in the plugin', () => {
    const root = makeVault({ ...BASE, '.obsidian/plugins/follow-through/data.json': JSON.stringify({ thresholds: { followUpDays: 30 }, nudges: { enabled: false } }) });
    const signals = (...args: string[]) => JSON.parse(run('roster', root, '--json', '--as-of', AS_OF, ...args).out).roster[0].signals.map((x: { name: string }) => x.name);
    expect(signals('--no-settings')).toContain('coach-follow-up');
    expect(signals()).not.toContain('coach-follow-up');
    expect(run('brief', root, 'Jane', '--as-of', AS_OF).out).not.toBe(run('brief', root, 'Jane', '--as-of', AS_OF, '--no-settings').out);
    expect(run('ics', root, '--as-of', '2026-11-21', '--no-settings').out).toContain('BEGIN:VALARM');
    expect(run('ics', root, '--as-of', '2026-11-21').out).not.toContain('BEGIN:VALARM');
  });

  it('a number in data.json outside what the setting takes is read as the default and named on stderr; dates and the calendar stay whole', () => {
    const bad = { dueLeadDays: 0.5, defaultCadence: 0, thresholds: { similarity: 0, carriedSessions: 1.2 }, refreshDebounceMs: -1 };
    const root = makeVault({ ...BASE, '.obsidian/plugins/follow-through/data.json': JSON.stringify(bad) });
    const scan = run('scan', root, '--json', '--as-of', AS_OF);
    expect(scan.code).toBe(0);
    const json = JSON.parse(scan.out) as ReturnType<typeof scanJson>;
    for (const c of json.commitments) expect(c.due ?? '2026-01-01').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json).toEqual(scanJson(root, '--no-settings'));
    const warned = scan.err.trim().split('\n');
    expect(warned).toEqual([
      expect.stringMatching(/data\.json: dueLeadDays 0\.5 is not a whole number of days from 0 to 60; read as 1; fix it there/),
      expect.stringMatching(/defaultCadence 0 is not a whole number of days from 1 to 366; read as 14/),
      expect.stringMatching(/refreshDebounceMs -1 is not a whole number of milliseconds from 0 to 10000; read as 300/),
      expect.stringMatching(/thresholds\.carriedSessions 1\.2 is not a whole number of sessions from 2 to 100; read as 3/),
      expect.stringMatching(/thresholds\.similarity 0 is not a number from 0\.1 to 1; read as 0\.6/),
    ]);
    const ics = run('ics', root, '--as-of', AS_OF);
    expect(ics.code).toBe(0);
    expect(ics.out).toContain('END:VCALENDAR');
    expect(run('scan', root, '--as-of', AS_OF, '--no-settings').err).toBe('');
  });

  it('a malformed data.json is a one-line error naming the file, exit 1', () => {
    for (const bad of ['{"extraHeadings": [', '[]', '"text"', 'null', '']) {
      const root = withSettings(bad);
      const r = run('scan', root, '--as-of', AS_OF);
      expect({ bad, code: r.code }).toEqual({ bad, code: 1 });
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(join(root, '.obsidian/plugins/follow-through/data.json'));
      expect(r.out).toBe('');
    }
    const missing = run('scan', makeVault(files), '--settings', '/no/such/settings.json');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^follow-through: cannot read settings \/no\/such\/settings\.json: no such file or folder/);
  });
});

type ScanWithRoster = ReturnType<typeof scanJson> & { roster: unknown };
