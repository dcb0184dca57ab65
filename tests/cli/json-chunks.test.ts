/**
 * `scan --json` is written in pieces (src/cli/json-chunks.ts) because a large vault's scan is more
 * than one string can hold. The pieces must join to exactly what `JSON.stringify(…, null, 2)`
 * writes, for the demo vault's scan and for values JSON treats specially.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonChunks, lazyList } from '../../src/cli/json-chunks';
import { roster } from '../../src/core/analytics/roster';
import { VaultIndex } from '../../src/core/index/vault-index';
import { scanIndex } from '../../src/core/scan';
import { AS_OF, run } from './helpers';

const DEMO = fileURLToPath(new URL('../../examples/demo-vault', import.meta.url));

function demoNotes(dir = DEMO, out: [string, string][] = []): [string, string][] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) demoNotes(full, out);
    else if (name.endsWith('.md')) out.push([relative(DEMO, full).split('\\').join('/'), readFileSync(full, 'utf8')]);
  }
  return out;
}

const joined = (o: Record<string, unknown>) => [...jsonChunks(o)].join('');

describe('scan --json in pieces', () => {
  it("is byte for byte JSON.stringify(…, null, 2) of the demo vault's scan and roster", () => {
    const index = new VaultIndex();
    index.setNotes(demoNotes());
    const expected = JSON.stringify({ ...scanIndex(index, AS_OF), roster: roster(index, { asOf: AS_OF }) }, null, 2) + '\n';
    const r = run('scan', DEMO, '--json', '--as-of', AS_OF, '--no-settings');
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected);
  });

  it('agrees with JSON.stringify on any object of arrays and values: empty arrays, nested objects, undefined, line breaks in strings', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 5 }), fc.constant(undefined))), (o) => {
        expect(joined(o)).toBe(JSON.stringify(o, null, 2));
      }),
      { numRuns: 300 },
    );
    const special = { a: [], b: {}, c: undefined, d: [undefined, () => 1, 'x\ny'], e: 'line\nbreak', f: [{ g: [1, { h: [] }] }] };
    expect(joined(special)).toBe(JSON.stringify(special, null, 2));
    expect(joined({})).toBe('{}');
  });

  it('hands out pieces of about a megabyte, each item made only as its piece is written', () => {
    let made = 0;
    const items = Array.from({ length: 30_000 }, (_, i) => i);
    const pieces = jsonChunks({ items: lazyList(items, (i) => ((made++), { i, text: 'x'.repeat(90) })) });
    const first = pieces.next();
    expect(first.done).toBe(false);
    expect((first.value as string).length).toBeGreaterThanOrEqual(1 << 20);
    expect((first.value as string).length).toBeLessThan((1 << 20) + 64 * 1024);
    expect(made).toBeLessThan(items.length / 2);
    let rest = '';
    for (const p of pieces) rest += p;
    expect(made).toBe(items.length);
    expect(JSON.parse(first.value + rest).items).toHaveLength(items.length);
  });
});
