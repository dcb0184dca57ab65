/**
 * The index keeps none of the texts it read, in every layout: the notes of the real templates in
 * tests/fixtures/layouts*, each grown to 200 kB by a paragraph of its own, read with the layout
 * "Set up from my notes" proposes for them (every reading rule on), and the heap searched, with
 * the index kept and its answers worked out, for any string still holding one of those texts. A
 * string the index keeps that is cut from a note's text (a slice, a match, a memo's key) would
 * keep the whole 200 kB alive.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { VaultIndex } from '../../src/core/index/vault-index';
import { resolveCoreSettings } from '../../src/core/settings';
import { proposeLayout } from '../../src/core/setup/propose';

/** The vault's notes, `[path, text]`, outside folders whose name starts with a dot. */
function notesIn(root: string): [string, string][] {
  return (readdirSync(root, { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => p.endsWith('.md') && !p.split('/').some((part) => part.startsWith('.')))
    .sort()
    .map((p) => [p, readFileSync(join(root, p), 'utf8')]);
}

/** A paragraph no note has: a string of the heap that holds it is a note's text (or a view into one). */
const PAD = new Array<string>(9_000).fill('the week went well and ').join('');

/** How many strings in the heap (after a full collection) hold the padding: texts kept alive. */
function textsAlive(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  const file = join(mkdtempSync(join(tmpdir(), 'ft-heap-')), 'heap.heapsnapshot');
  v8.writeHeapSnapshot(file);
  const snap = JSON.parse(readFileSync(file, 'utf8')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  rmSync(file);
  const { node_fields: fields, node_types: [types] } = snap.snapshot.meta;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  let alive = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    if (!types[snap.nodes[i + type]].includes('string') || snap.nodes[i + size] < 1000) continue;
    if (snap.strings[snap.nodes[i + name]].includes('the week went well and the week')) alive++;
  }
  // PAD itself is one.
  return alive - 1;
}

describe('the index keeps none of the text it read, in the layouts of real templates', () => {
  for (const vault of ['tests/fixtures/layouts/vault', 'tests/fixtures/layouts-holdout/vault']) {
    it(`${vault}: every note grown by 200 kB, the index kept, no text alive`, () => {
      const notes = notesIn(vault);
      const { layout } = proposeLayout({ notes, coach: 'Sam Ortiz' });
      const settings = resolveCoreSettings({ layout });
      const grown = notes.map(([path, text], i): [string, string] => [path, `${text.replace(/\s*$/, '')}\n\n## Background\n\nNote ${i}: ${PAD}\n`]);
      const index = new VaultIndex(settings);
      index.setNotes(grown);
      grown.length = 0;
      // Everything a view asks for is worked out (and cached) before the heap is read.
      for (const c of index.clients()) index.sessionsOf(c);
      const commitments = index.commitments();
      index.diagnostics();
      const plain = new VaultIndex(settings);
      plain.setNotes(notes);
      // The same records as the notes as written (the paragraph is no item of anyone's).
      expect(commitments.map((c) => `${c.session}:${c.line} ${c.text}`)).toEqual(plain.commitments().map((c) => `${c.session}:${c.line} ${c.text}`));
      expect(commitments.length).toBeGreaterThan(20);
      expect(textsAlive()).toBe(0);
      expect(index.size).toBe(plain.size);
    });
  }
});
