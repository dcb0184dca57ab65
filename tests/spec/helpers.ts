/**
 * Fixture helpers for the black-box acceptance tests of the vault scanner.
 *
 * These tests are written from the note-format contract (docs/note-format.md, "the note format
 * and the scan contract") only. They use nothing but `scanFiles` and the JSON types.
 */
import { expect } from 'vitest';
import { scanFiles } from '../../src/core/scan';
import type {
  ScanClientJson,
  ScanCommitmentJson,
  ScanOutput,
  ScanSessionJson,
} from '../../src/core/scan-output';

/** The as-of date used when a test does not care. Same as the contract's example. */
export const AS_OF = '2026-12-03';

/** Frontmatter as `key: raw YAML value` pairs; `null`/`undefined` leaves the key out. */
export type Frontmatter = Record<string, string | null | undefined>;

/** Builds a note: frontmatter (when given) followed by the body lines, joined with LF. */
export function note(frontmatter: Frontmatter | null, body: string | string[] = []): string {
  const lines: string[] = [];
  if (frontmatter) {
    lines.push('---');
    for (const [key, value] of Object.entries(frontmatter)) {
      if (value === null || value === undefined) continue;
      lines.push(`${key}: ${value}`);
    }
    lines.push('---');
  }
  const bodyLines = Array.isArray(body) ? body : body.split('\n');
  return [...lines, ...bodyLines].join('\n');
}

/**
 * A session note. Defaults: client `"[[Jane Doe]]"`, date 2026-11-20. Pass `null` to leave a
 * key out; other keys are appended in the order given.
 */
export function sessionNote(fm: Frontmatter = {}, body: string | string[] = []): string {
  return note({ type: 'session', client: '"[[Jane Doe]]"', date: '2026-11-20', ...fm }, body);
}

/** A client note (`type: client`) with the given extra frontmatter keys. */
export function clientNote(fm: Frontmatter = {}, body: string | string[] = []): string {
  return note({ type: 'client', ...fm }, body);
}

/** A session note whose body is just a `## Commitments` heading followed by `items`. */
export function commitmentsNote(items: string[], fm: Frontmatter = {}): string {
  return sessionNote(fm, ['# Session', '', '## Commitments', ...items]);
}

export function scan(files: Record<string, string>, asOf: string = AS_OF): ScanOutput {
  return scanFiles(files, { asOf });
}

/** Scans one session note at `Sessions/2026-11-20 Jane.md`. */
export const SESSION_PATH = 'Sessions/2026-11-20 Jane.md';
export function scanOne(text: string, asOf: string = AS_OF, extra: Record<string, string> = {}): ScanOutput {
  return scan({ [SESSION_PATH]: text, ...extra }, asOf);
}

/** The scan's only commitment (fails the test when there is not exactly one). */
export function only(out: ScanOutput): ScanCommitmentJson {
  expect(out.commitments.map((c) => c.text)).toHaveLength(1);
  return out.commitments[0];
}

export function texts(out: ScanOutput): string[] {
  return out.commitments.map((c) => c.text);
}

export function clientNamed(out: ScanOutput, name: string): ScanClientJson {
  const found = out.clients.filter((c) => c.name === name);
  expect(found.length, `clients named ${JSON.stringify(name)} among ${JSON.stringify(out.clients.map((c) => c.name))}`).toBe(1);
  return found[0];
}

export function sessionAt(out: ScanOutput, path: string): ScanSessionJson {
  const found = out.sessions.filter((s) => s.path === path);
  expect(found.length, `sessions at ${path} among ${JSON.stringify(out.sessions.map((s) => s.path))}`).toBe(1);
  return found[0];
}

/** Error-severity diagnostics (a clean vault should have none). */
export function errors(out: ScanOutput) {
  return out.diagnostics.filter((d) => d.severity === 'error');
}

/** 1-based number of the only line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const lines = text.split(/\r?\n/);
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`fixture: ${JSON.stringify(needle)} found on ${hits.length} lines`);
  return hits[0];
}

/** The same text with CRLF line endings. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Collapses runs of whitespace, for checks where only the words matter. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
