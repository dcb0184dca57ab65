/** Fixture helpers for the practice figures, on top of the analytics fixtures. */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { VaultIndex } from '../../src/core/index/vault-index';
import { practiceFigures, type CoachFigures, type PracticeFigures, type PracticeOptions } from '../../src/core/practice/figures';
import { indexOf, readFolder, type Files } from '../analytics/fixtures';

export * from '../analytics/fixtures';

/** The as-of date most tests use: the window is 2026-11-03 … 2026-11-30. */
export const D = '2026-12-01';

/** A client note with raw frontmatter lines (for lists and maps the `Fm` helper cannot write). */
export function rawClient(name: string, lines: string[]): Files {
  return { [`Clients/${name}.md`]: ['---', 'type: client', ...lines, '---', `# ${name}`, ''].join('\n') };
}

/** Practice figures over fixture files, with the frontmatter reader wired to the same files. */
export function figuresOf(files: Files, asOf = D, options: PracticeOptions = {}): PracticeFigures {
  return practiceFigures(indexOf(files), asOf, options);
}

export function coachOf(f: PracticeFigures, name: string): CoachFigures {
  const c = f.coaches.find((x) => x.coach === name);
  expect(c, `coach column ${name} (have ${f.coaches.map((x) => x.coach).join(', ')})`).toBeDefined();
  return c!;
}

export const DEMO_ROOT = fileURLToPath(new URL('../../examples/demo-vault', import.meta.url));

export function demoEntries(): [string, string][] {
  return readFolder(DEMO_ROOT);
}

export function demoIndex(): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(demoEntries());
  return index;
}
