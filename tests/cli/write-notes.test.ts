/**
 * `checkin --write` writes a note as it was kept: through a symbolic link to its real file (the
 * link stays a link), keeping hard links, permissions, the encoding and the byte-order mark; a
 * read-only note is refused with nothing written.
 */
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientNote, makeVault, run, sessionNote } from './helpers';
import { writeNoteChanges } from '../../src/cli/write-notes';

const PATH = 'Sessions/2026-11-20 Jane Doe.md';
const SESSION = sessionNote('[[Jane Doe]]', '2026-11-20', ['- [ ] Send 10 outreach messages [due:: 2026-11-28] ^c7f3a'], ['next: 2026-12-04']);
const checkin = (root: string) => run('checkin', root, 'Jane Doe', '--reply', '1 stuck: no time', '--date', '2026-11-28', '--as-of', '2026-11-27', '--write');

function vault(): string {
  return makeVault({ 'Clients/Jane Doe.md': clientNote('Jane Doe'), [PATH]: SESSION });
}

describe('checkin --write keeps the note as it was kept', () => {
  it('through a symbolic link: the real note gets the check-in and the link stays a link', () => {
    const root = vault();
    mkdirSync(join(root, 'real'));
    renameSync(join(root, PATH), join(root, 'real', 'target.txt'));
    symlinkSync(join(root, 'real', 'target.txt'), join(root, PATH));
    const r = checkin(root);
    expect(r.code, r.err).toBe(0);
    expect(lstatSync(join(root, PATH)).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real', 'target.txt'), 'utf8')).toContain('2026-11-28 stuck: no time');
  });

  it('a hard-linked note stays one file under both names', () => {
    const root = vault();
    linkSync(join(root, PATH), join(root, 'other-name.txt'));
    expect(checkin(root).code).toBe(0);
    expect(statSync(join(root, PATH)).nlink).toBe(2);
    expect(readFileSync(join(root, 'other-name.txt'), 'utf8')).toContain('2026-11-28 stuck: no time');
  });

  it('keeps a private note private', () => {
    const root = vault();
    chmodSync(join(root, PATH), 0o600);
    expect(checkin(root).code).toBe(0);
    expect(statSync(join(root, PATH)).mode & 0o777).toBe(0o600);
  });

  it('refuses a read-only note, even as root, and writes nothing', () => {
    const root = vault();
    chmodSync(join(root, PATH), 0o444);
    const r = checkin(root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is read-only; nothing was written\. Make it writable/);
    expect(readFileSync(join(root, PATH), 'utf8')).toBe(SESSION);
  });

  it.each([
    ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SESSION, 'utf16le')]), (b: Buffer) => b.subarray(2).toString('utf16le')],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SESSION, 'utf16le').swap16()]), (b: Buffer) => Buffer.from(b.subarray(2)).swap16().toString('utf16le')],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SESSION, 'utf8')]), (b: Buffer) => b.subarray(3).toString('utf8')],
  ] as const)('keeps a note in %s so', (_name, bytes, decode) => {
    const root = vault();
    writeFileSync(join(root, PATH), bytes);
    expect(checkin(root).code).toBe(0);
    const after = readFileSync(join(root, PATH));
    expect(after.subarray(0, bytes[0] === 0xef ? 3 : 2)).toEqual(bytes.subarray(0, bytes[0] === 0xef ? 3 : 2));
    const text = decode(after);
    expect(text).toContain('2026-11-28 stuck: no time');
    expect(text.replace(/\n[ \t]+- 2026-11-28 stuck: no time/, '')).toBe(SESSION);
  });
});

describe('a note to create', () => {
  it('is not written over a file that appeared after the change was prepared (another program’s), and says so', () => {
    const root = makeVault({ 'a.md': 'x\n' });
    writeFileSync(join(root, 'new.md'), 'written meanwhile\n');
    expect(() => writeNoteChanges(root, [{ path: 'new.md', before: null, after: 'mine\n', changedLines: [1] }], { during: 'the layout was prepared', what: 'the layout' })).toThrow(
      /"new" appeared while the layout was prepared; nothing was written/,
    );
    expect(readFileSync(join(root, 'new.md'), 'utf8')).toBe('written meanwhile\n');
  });
});

describe('checkin --write refuses rather than guesses', () => {
  it('in a note still holding merge-conflict markers: nothing is written on either side', () => {
    const conflicted = SESSION.replace(
      '- [ ] Send 10 outreach messages [due:: 2026-11-28] ^c7f3a',
      ['<<<<<<< ours', '- [ ] Send 10 outreach messages [due:: 2026-11-28] ^c7f3a', '=======', '- [ ] Send 10 outreach messages [due:: 2026-11-28] ^c7f3a', '    - 2026-11-21 partial: theirs', '>>>>>>> theirs'].join('\n'),
    );
    const root = makeVault({ 'Clients/Jane Doe.md': clientNote('Jane Doe'), [PATH]: conflicted });
    const r = checkin(root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/still holds merge-conflict markers \(<<<<<<< on line \d+\); resolve the conflict first/);
    expect(readFileSync(join(root, PATH), 'utf8')).toBe(conflicted);
  });

  it('the same reply twice: the second run writes nothing and says the check-in was logged before', () => {
    const root = vault();
    expect(checkin(root).code).toBe(0);
    const once = readFileSync(join(root, PATH), 'utf8');
    const again = checkin(root);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already has this check-in \(2026-11-28 stuck: no time, line \d+\), so it was logged before/);
    expect(readFileSync(join(root, PATH), 'utf8')).toBe(once);
  });
});

describe('checkin --date is a date a reply can have', () => {
  it('refuses a date after today, or more than a year back, and writes nothing', () => {
    for (const [date, message] of [
      ['2062-11-28', /--date 2062-11-28 is after today \(2026-12-0\d\); a check-in records a reply already given/],
      ['2006-11-28', /--date 2006-11-28 is more than a year before today .*write the check-in into the note by hand/],
    ] as const) {
      const root = vault();
      const r = run('checkin', root, 'Jane Doe', '--reply', '1 stuck: no time', '--date', date, '--write');
      expect(r.code).toBe(2); // a usage error
      expect(r.err).toMatch(message);
      expect(readFileSync(join(root, PATH), 'utf8')).toBe(SESSION);
    }
  });
});
