/**
 * The vault-wide diagnostics come from lookups the index keeps current note by note (which notes
 * have diagnostics, which block ids more than one note holds, which notes carry `[from:: id]`,
 * which sessions may not resolve). After any run of changes they must be what a fresh index of
 * the same notes finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VaultIndex } from '../../src/core/index/vault-index';

const IDS = ['aaa111', 'bbb222', 'ccc333'];
const NAMES = ['Jane Doe', 'jane doe', 'Jane Smith', 'Ben Ode', 'Jane', 'Ben'];

const item = fc.record({
  id: fc.option(fc.constantFrom(...IDS)),
  from: fc.option(fc.constantFrom(...IDS, 'zzz999')),
  text: fc.constantFrom('Send the deck', 'Call Ana', 'Write the page'),
});
const note = fc.record({
  kind: fc.constantFrom('session', 'client', 'other'),
  name: fc.constantFrom(...NAMES),
  slot: fc.nat(7),
  items: fc.array(item, { maxLength: 3 }),
  bad: fc.boolean(),
});

function text(n: { kind: string; name: string; slot: number; items: { id: string | null; from: string | null; text: string }[]; bad: boolean }): [string, string] {
  if (n.kind === 'client') return [`Clients/${n.name} ${n.slot % 2}.md`, `---\ntype: client\nname: ${n.name}\n${n.bad ? 'cadence: [x\n' : ''}---\n`];
  const fm = n.kind === 'session' ? `---\ntype: session\nclient: ${n.name}\ndate: 2026-11-0${n.slot + 1}\n${n.bad ? 'next: soon\n' : ''}---\n` : '';
  const items = n.items.map((it) => `- [ ] ${it.text}${it.from ? ` [from:: ${it.from}]` : ''}${it.id ? ` ^${it.id}` : ''}`).join('\n');
  return [`Sessions/${n.slot}.md`, `${fm}## Commitments\n${items}\n`];
}

describe('vault diagnostics', () => {
  it('after any run of writes, renames and deletes, are those of a fresh index of the same notes', () => {
    const step = fc.oneof(
      note.map((n) => ({ op: 'set' as const, n })),
      fc.nat(7).map((slot) => ({ op: 'remove' as const, slot })),
      fc.tuple(note, fc.nat(7)).map(([n, to]) => ({ op: 'rename' as const, n, to })),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const index = new VaultIndex();
        const texts = new Map<string, string>();
        for (const s of steps) {
          if (s.op === 'set') {
            const [path, t] = text(s.n);
            index.setNote(path, t);
            texts.set(path, t);
          } else if (s.op === 'remove') {
            const path = [...texts.keys()].sort()[s.slot % Math.max(1, texts.size)];
            if (path !== undefined) {
              index.removeNote(path);
              texts.delete(path);
            }
          } else {
            const [path, t] = text(s.n);
            const to = `Moved/${s.to}.md`;
            if (!texts.has(path) || texts.has(to)) continue;
            index.renameNote(path, to, t);
            texts.delete(path);
            texts.set(to, t);
          }
        }
        const fresh = new VaultIndex();
        fresh.setNotes(texts);
        expect(index.diagnostics()).toEqual(fresh.diagnostics());
      }),
      { numRuns: 300 },
    );
  });

  it('a first name shared only by case twins of one client note picks out that client', () => {
    const index = new VaultIndex();
    index.setNotes([
      ['Clients/Jane Doe.md', '---\ntype: client\n---\n'],
      ['Other/jane doe.md', '---\ntype: client\n---\n'],
      ['S/1.md', '---\ntype: session\nclient: Jane\ndate: 2026-11-02\n---\n## Commitments\n- [ ] Send the deck\n'],
    ]);
    expect(index.sessions().map((s) => s.client)).toEqual(['Jane Doe']);
    expect(index.diagnostics().filter((d) => d.path === 'S/1.md')).toEqual([]);
  });

  it('names reused and dangling block ids, ambiguous first names and twin client notes, by path then line', () => {
    const index = new VaultIndex();
    index.setNotes([
      ['Clients/Jane Doe.md', '---\ntype: client\n---\n'],
      ['Clients/Jane Smith.md', '---\ntype: client\n---\n'],
      ['Other/jane doe.md', '---\ntype: client\n---\n'],
      ['S/1.md', '---\ntype: session\nclient: Jane Doe\ndate: 2026-11-02\n---\n## Commitments\n- [ ] Send the deck ^aaa111\n'],
      ['S/2.md', '---\ntype: session\nclient: Jane\ndate: 2026-11-09\n---\n## Commitments\n- [ ] Call Ana ^aaa111\n- [ ] Write the page [from:: zzz999]\n'],
    ]);
    expect(index.diagnostics().map((d) => [d.path, d.line, d.message])).toEqual([
      ['Other/jane doe.md', 1, expect.stringMatching(/^client 'jane doe' also has a client note at Clients\/Jane Doe.md/)],
      ['S/2.md', 3, expect.stringMatching(/^client 'Jane' could be Jane Doe or Jane Smith;/)],
      ['S/2.md', 7, 'block id ^aaa111 is also used in S/1.md line 7; an id names one commitment: change or delete one of the two'],
      ['S/2.md', 8, 'carried from ^zzz999, but no commitment has that block id; fix the id, or delete [from:: zzz999] if this commitment is new'],
    ]);
  });
});

describe('a commitment carried from itself', () => {
  it('is a warning at its line, and the link is dropped (no chain of one commitment with itself)', () => {
    const index = new VaultIndex();
    index.setNotes([['S/1.md', '---\ntype: session\nclient: Jane Doe\ndate: 2026-11-02\n---\n## Commitments\n- [ ] Send the deck [from:: abc123] ^abc123\n']]);
    expect(index.diagnostics().map((d) => [d.path, d.line, d.message])).toEqual([
      ['S/1.md', 7, 'carried from ^abc123, its own block id; write the id of the earlier commitment this one carries forward, or delete [from:: abc123] if it is new'],
    ]);
    expect(index.commitments().map((c) => [c.from, c.status])).toEqual([[null, 'open']]);
  });
});

describe('client versions', () => {
  const notes: [string, string][] = [
    ['Clients/Maya Okafor.md', '---\ntype: client\n---\n'],
    ['Clients/Maya Smith.md', '---\ntype: client\n---\n'],
    ['S/1.md', '---\ntype: session\nclient: Maya Okafor\ndate: 2026-11-02\n---\n## Commitments\n- [ ] Send the deck\n'],
    ['S/2.md', '---\ntype: session\nclient: Maya Smith\ndate: 2026-11-02\n---\n## Commitments\n- [ ] Call Ana\n'],
  ];

  it('a session naming a client in full changes only that client’s figures; one naming a first name, every client of that first name', () => {
    const index = new VaultIndex();
    index.setNotes(notes);
    const okafor = index.client('Maya Okafor')!;
    const smith = index.client('Maya Smith')!;
    const before = [index.clientVersion(okafor), index.clientVersion(smith)];
    index.setNote('S/1.md', notes[2][1].replace('Send the deck', 'Send the deck today'));
    expect(index.clientVersion(okafor)).not.toBe(before[0]);
    expect(index.clientVersion(smith)).toBe(before[1]);
    expect(index.commitmentsOf(okafor).map((c) => c.text)).toEqual(['Send the deck today']);
    // `Maya` alone is ambiguous between them: both are worked out again.
    const mid = [index.clientVersion(okafor), index.clientVersion(smith)];
    index.setNote('S/3.md', '---\ntype: session\nclient: Maya\ndate: 2026-11-09\n---\n');
    expect(index.clientVersion(okafor)).not.toBe(mid[0]);
    expect(index.clientVersion(smith)).not.toBe(mid[1]);
  });
});

describe('a re-read swapped in', () => {
  it('answers as a fresh index of the new notes would, whatever the old one had worked out', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 10 }), fc.array(note, { maxLength: 10 }), fc.boolean(), (before, after, conflict) => {
        const index = new VaultIndex();
        index.setNotes(before.map(text));
        // Warm every cache the old notes fill.
        index.clients().forEach((c) => index.commitmentsOf(c));
        index.diagnostics();
        index.overdueCount('2026-11-30');
        const next = after.map(text);
        if (conflict) next.push(['Sessions/0 (conflicted copy 2026-11-30).md', '---\ntype: session\nclient: Jane Doe\ndate: 2026-11-01\n---\n']);
        index.replaceAll({ dueLeadDays: 1 }, next);
        const fresh = new VaultIndex({ dueLeadDays: 1 });
        fresh.setNotes(next);
        expect(index.settings.dueLeadDays).toBe(1);
        expect(index.clients()).toEqual(fresh.clients());
        expect(index.sessions()).toEqual(fresh.sessions());
        expect(index.commitments()).toEqual(fresh.commitments());
        expect(index.diagnostics()).toEqual(fresh.diagnostics());
        expect(index.overdueCount('2026-11-30')).toBe(fresh.overdueCount('2026-11-30'));
        expect(index.paths()).toEqual(fresh.paths());
      }),
      { numRuns: 200 },
    );
  });
});

describe('twin client notes say what sets their names apart', () => {
  it.each([
    ['jane doe', 'case'],
    ['Jose\u0301 Diaz', 'how their accents are encoded (Unicode NFC and NFD)'],
    ['Jos\u00e9\u200b Diaz', 'invisible characters (zero-width or direction marks)'],
  ])('%s beside José Diaz / Jane Doe: "differ only in %s"', (name, how) => {
    const base = name === 'jane doe' ? 'Jane Doe' : 'Jos\u00e9 Diaz';
    const index = new VaultIndex();
    index.setNotes([
      [`Clients/${base}.md`, '---\ntype: client\n---\n'],
      [`Other/${name}.md`, '---\ntype: client\n---\n'],
    ]);
    expect(index.diagnostics().map((d) => d.message)).toEqual([expect.stringContaining(`(the names differ only in ${how}: '${base}')`)]);
  });
});
