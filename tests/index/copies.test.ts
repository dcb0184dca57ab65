/**
 * Copies that are not notes (the spec's "What is a note"): a session or client note whose text is
 * identical to another's under a second name, and a sync tool's conflict copy while its original
 * is in the vault. Each gets one warning naming the note it copies and is otherwise not read; the
 * index keeps that true as notes come, change, move and go.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VaultIndex } from '../../src/core/index/vault-index';
import { textFingerprint } from '../../src/core/index/copies';
import { resolveLayout } from '../../src/core/layout/layout';

const SESSION = '---\ntype: session\nclient: "[[Jane Doe]]"\ndate: 2026-11-20\n---\n## Commitments\n- [ ] Send 10 outreach messages\n';
const CLIENT = '---\ntype: client\ncadence: weekly\n---\n# Notes\n';
const messages = (index: VaultIndex) => index.diagnostics().map((d) => `${d.path}: ${d.message.replace(/:.*$/, '')}`);
const texts = (index: VaultIndex) => index.commitments().map((c) => `${c.session} ${c.text}`);

describe('a note identical to another under a second name', () => {
  it('is one warning naming the original; its commitments count once', () => {
    const index = new VaultIndex();
    index.setNotes([
      ['Sessions/Jane 20 Nov.md', SESSION],
      ['Sessions/2026-11-20 Jane.md', SESSION],
      ['Sessions/2026-11-20 Jane copy.md', SESSION],
    ]);
    expect(texts(index)).toEqual(['Sessions/2026-11-20 Jane.md Send 10 outreach messages']);
    expect(index.sessions()).toHaveLength(1);
    expect(messages(index)).toEqual(['Sessions/2026-11-20 Jane copy.md: identical copy of Sessions/2026-11-20 Jane.md', 'Sessions/Jane 20 Nov.md: identical copy of Sessions/2026-11-20 Jane.md']);
    expect(index.diagnostics()[0].message).toMatch(/not read, so nothing in it counts twice\. Delete this copy/);
  });

  it('is the same note saved with other line endings or without its last newline', () => {
    const index = new VaultIndex();
    index.setNotes([
      ['Sessions/2026-11-20 Jane.md', SESSION],
      ['Sessions/2026-11-20 Jane 1.md', SESSION.replace(/\n/g, '\r\n')],
      ['Sessions/2026-11-20 Jane 2.md', SESSION.trimEnd()],
      ['Clients/Jane Doe.md', CLIENT],
      ['Clients/Jane Doe 1.md', CLIENT.replace(/\n/g, '\r\n')],
    ]);
    expect(texts(index)).toEqual(['Sessions/2026-11-20 Jane.md Send 10 outreach messages']);
    expect(index.clients().map((c) => c.name)).toEqual(['Jane Doe']);
    expect(messages(index)).toEqual([
      'Clients/Jane Doe 1.md: identical copy of Clients/Jane Doe.md',
      'Sessions/2026-11-20 Jane 1.md: identical copy of Sessions/2026-11-20 Jane.md',
      'Sessions/2026-11-20 Jane 2.md: identical copy of Sessions/2026-11-20 Jane.md',
    ]);
  });

  it('prefers a name that does not look like a copy as the original, whatever the order', () => {
    for (const [copy, original] of [['Notes/A 1.md', 'Notes/B.md'], ['Untitled.md', 'Sessions/x.md'], ['A (2).md', 'Z.md'], ['A - Copy.md', 'Z.md']]) {
      const index = new VaultIndex();
      index.setNotes([[copy, SESSION], [original, SESSION]]);
      expect(texts(index), copy).toEqual([`${original} Send 10 outreach messages`]);
    }
  });

  it('is read again as soon as its original goes, or the two texts part', () => {
    const index = new VaultIndex();
    index.setNotes([['S/a.md', SESSION], ['S/b.md', SESSION]]);
    const heard: string[][] = [];
    index.onChange((paths) => heard.push([...paths]));
    index.setNote('S/a.md', SESSION + '- [ ] Book the dentist\n');
    expect(texts(index)).toEqual(['S/a.md Send 10 outreach messages', 'S/a.md Book the dentist', 'S/b.md Send 10 outreach messages']);
    expect(heard.at(-1)).toEqual(['S/a.md', 'S/b.md']);
    index.setNote('S/a.md', SESSION);
    expect(texts(index)).toEqual(['S/a.md Send 10 outreach messages']);
    index.removeNote('S/a.md');
    expect(texts(index)).toEqual(['S/b.md Send 10 outreach messages']);
    expect(messages(index)).toEqual([]);
    index.renameNote('S/b.md', 'S/c.md', SESSION);
    index.setNote('S/b 1.md', SESSION);
    expect(messages(index)).toEqual(['S/b 1.md: identical copy of S/c.md']);
  });

  it('a client note under a copy’s name is a copy; client notes of one template under two names are two clients', () => {
    const index = new VaultIndex();
    index.setNotes([['Clients/Jane Doe.md', CLIENT], ['Clients/Jane Doe 2.md', CLIENT], ['Clients/Sam Lee.md', CLIENT], ['Clients/Sam Rivera.md', CLIENT]]);
    expect(index.clients().map((c) => c.name)).toEqual(['Jane Doe', 'Sam Lee', 'Sam Rivera']);
    expect(messages(index)).toEqual(['Clients/Jane Doe 2.md: identical copy of Clients/Jane Doe.md']);
  });

  it('notes of one template dated by their file names are two sessions', () => {
    const body = '---\ntype: session\nclient: "[[Jane Doe]]"\n---\n## Commitments\n- [ ] Journal for ten minutes\n';
    const index = new VaultIndex({ layout: resolveLayout({ dateFromFilename: true }) });
    index.setNotes([['Sessions/2026-11-20 Jane Doe.md', body], ['Sessions/2026-11-27 Jane Doe.md', body]]);
    expect(index.sessions().map((s) => s.date)).toEqual(['2026-11-20', '2026-11-27']);
    expect(messages(index)).toEqual([]);
  });
});

describe('textFingerprint', () => {
  it('is the same for the same text and differs for any one character changed, anywhere', () => {
    const base = 'ab\u00e9\u{1F4C5}'.repeat(40_000) + 'tail';
    expect(textFingerprint(base)).toBe(textFingerprint(base.split('').join('')));
    for (const at of [0, 1, 2, 3, 65_535, 65_536, 65_537, base.length - 1]) {
      const changed = base.slice(0, at) + (base[at] === 'x' ? 'y' : 'x') + base.slice(at + 1);
      expect(textFingerprint(changed), String(at)).not.toBe(textFingerprint(base));
    }
    expect(textFingerprint('a')).not.toBe(textFingerprint('a\0'));
    expect(textFingerprint('')).not.toBe(textFingerprint('\0'));
  });

  it('tells apart the same text read differently (what the path adds), and is a short flat key', () => {
    const text = 'one template, two sessions dated by their file names';
    expect(textFingerprint(text, 'Jane Doe@2026-11-20@')).toBe(textFingerprint(text, 'Jane Doe@2026-11-20@'));
    expect(textFingerprint(text, 'Jane Doe@2026-11-20@')).not.toBe(textFingerprint(text, 'Jane Doe@2026-11-27@'));
    expect(textFingerprint(text, 'x')).not.toBe(textFingerprint(text + 'x'));
    expect(textFingerprint(text, 'a|b')).not.toBe(textFingerprint(text, 'ab|'));
    expect(textFingerprint('x'.repeat(5_000_000))).toHaveLength(6);
  });
});

describe('a conflict copy', () => {
  it('is not read while its original is in the vault, and is read, with a warning, while it is not', () => {
    const index = new VaultIndex();
    const copy = 'Sessions/2026-11-20 Jane (conflicted copy).md';
    index.setNote(copy, SESSION + '- [ ] Only in the copy\n');
    expect(texts(index)).toEqual([`${copy} Send 10 outreach messages`, `${copy} Only in the copy`]);
    expect(index.diagnostics().map((d) => d.message)).toEqual([
      'named like a sync conflict copy of Sessions/2026-11-20 Jane.md, which is not in the vault: read as a note of its own (rename it to 2026-11-20 Jane.md if it is that note now)',
    ]);
    index.setNote('Sessions/2026-11-20 Jane.md', SESSION);
    expect(texts(index)).toEqual(['Sessions/2026-11-20 Jane.md Send 10 outreach messages']);
    expect(messages(index)).toEqual([`${copy}: sync conflict copy of Sessions/2026-11-20 Jane.md`]);
    index.removeNote('Sessions/2026-11-20 Jane.md');
    expect(texts(index)).toHaveLength(2);
  });
});

describe('whatever the order of changes', () => {
  const paths = ['S/a.md', 'S/a 1.md', 'S/b.md', 'S/a (conflicted copy).md', 'Clients/Jane Doe.md', 'Clients/Jane Doe 2.md'];
  // Mostly one text, so that copies (and their originals coming and going) are common.
  const bodies = [SESSION, SESSION, SESSION, SESSION + '- [ ] Other\n', CLIENT, CLIENT, '# just a note\n'];
  const step = fc.oneof(
    fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...paths), body: fc.constantFrom(...bodies) }),
    fc.record({ op: fc.constant('remove' as const), path: fc.constantFrom(...paths) }),
    fc.record({ op: fc.constant('rename' as const), path: fc.constantFrom(...paths), to: fc.constantFrom(...paths) }),
    fc.record({ op: fc.constant('reread' as const) }),
  );

  it('the index answers as a fresh index of the notes as they end up', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const index = new VaultIndex();
        const vault = new Map<string, string>();
        for (const s of steps) {
          if (s.op === 'set') {
            vault.set(s.path, s.body);
            index.setNote(s.path, s.body);
          } else if (s.op === 'remove') {
            vault.delete(s.path);
            index.removeNote(s.path);
          } else if (s.op === 'rename') {
            const body = vault.get(s.path);
            if (body === undefined || vault.has(s.to)) continue;
            vault.delete(s.path);
            vault.set(s.to, body);
            index.renameNote(s.path, s.to, body);
          } else index.replaceAll({}, [...vault]);
        }
        const fresh = new VaultIndex();
        fresh.setNotes([...vault].reverse());
        expect(index.diagnostics()).toEqual(fresh.diagnostics());
        expect(index.commitments()).toEqual(fresh.commitments());
        expect(index.clients()).toEqual(fresh.clients());
        expect(index.sessions()).toEqual(fresh.sessions());
      }),
      { numRuns: 1500 },
    );
  });
});
