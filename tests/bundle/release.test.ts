/**
 * What the community plugin directory checks, and the version hook that keeps package.json,
 * manifest.json and versions.json together. The manifest rules are those of the directory's
 * validation (obsidianmd/obsidian-releases, .github/workflows/validate-plugin-entry.yml) plus the
 * review's rules for the description (no ":" or "/", one plain sentence ending with a period).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (name: string) => JSON.parse(readFileSync(join(root, name), 'utf8'));

interface Manifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  description: string;
  author: string;
  authorUrl?: string;
  fundingUrl?: string;
  isDesktopOnly: boolean;
}

/** The directory's and the review's manifest rules; an empty list means it passes. */
function manifestProblems(m: Manifest): string[] {
  const out: string[] = [];
  const id = m.id.toLowerCase();
  if (id.includes('obsidian')) out.push('id contains "obsidian"');
  if (id.endsWith('plugin')) out.push('id ends with "plugin"');
  if (!/^[a-z0-9-_]+$/.test(m.id)) out.push('id is not lowercase letters, digits and dashes');
  const name = m.name.toLowerCase();
  if (name.includes('obsidian')) out.push('name contains "Obsidian"');
  if (name.endsWith('plugin')) out.push('name ends with "Plugin"');
  if (/^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/.test(m.author)) out.push('author is an email address');
  if (m.authorUrl === 'https://obsidian.md') out.push('authorUrl points to obsidian.md');
  if (m.fundingUrl === 'https://obsidian.md/pricing') out.push('fundingUrl points to obsidian.md');
  if (!/^[0-9.]+$/.test(m.version)) out.push('version is not numbers and dots');
  if (!/^[0-9.]+$/.test(m.minAppVersion)) out.push('minAppVersion is not numbers and dots');
  const d = m.description;
  if (/obsidian/i.test(d)) out.push('description mentions Obsidian');
  if (/this plugin|a plugin|plugin (that|which|for)/i.test(d)) out.push('description talks about "this plugin"');
  if (/[:/]/.test(d)) out.push('description contains ":" or "/"');
  if (d.length >= 250) out.push('description is 250 characters or more');
  if (!d.endsWith('.')) out.push('description does not end with a period');
  if (/[.!?]\s+\S/.test(d)) out.push('description is more than one sentence');
  if (!/^[A-Z]/.test(d)) out.push('description does not start with a capital letter');
  if (typeof m.isDesktopOnly !== 'boolean') out.push('isDesktopOnly is missing');
  return out;
}

describe('the manifest', () => {
  const manifest = readJson('manifest.json') as Manifest;

  it('passes the community directory validator and the review rules', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('says what it does and for whom', () => {
    expect(manifest.description).toMatch(/coach/i);
    expect(manifest.description).toMatch(/commitments/i);
  });

  it('the rules catch the descriptions the review rejects', () => {
    const ok = { ...manifest };
    expect(manifestProblems({ ...ok, description: 'Accountability for coaches: commitments, a roster.' })).toContain('description contains ":" or "/"');
    expect(manifestProblems({ ...ok, description: 'Recommit / modify / let go.' })).toContain('description contains ":" or "/"');
    expect(manifestProblems({ ...ok, description: 'Coaching in Obsidian.' })).toContain('description mentions Obsidian');
    expect(manifestProblems({ ...ok, description: 'Tracks commitments' })).toContain('description does not end with a period');
    expect(manifestProblems({ ...ok, description: 'Tracks commitments. Shows a roster.' })).toContain('description is more than one sentence');
    expect(manifestProblems({ ...ok, description: `${'x'.repeat(260)}.` })).toContain('description is 250 characters or more');
    expect(manifestProblems({ ...ok, id: 'obsidian-follow-through' })).toContain('id contains "obsidian"');
    expect(manifestProblems({ ...ok, version: 'v0.1.0' })).toContain('version is not numbers and dots');
  });
});

describe('versions move together', () => {
  it('package.json, manifest.json and versions.json agree', () => {
    const pkg = readJson('package.json');
    const manifest = readJson('manifest.json') as Manifest;
    const versions = readJson('versions.json') as Record<string, string>;
    expect(manifest.version).toBe(pkg.version);
    expect(versions[manifest.version]).toBe(manifest.minAppVersion);
    expect(readJson('package-lock.json').version).toBe(pkg.version);
  });

  it('the npm `version` hook runs version-bump.mjs and stages the two files', () => {
    expect(readJson('package.json').scripts.version).toBe('node version-bump.mjs && git add manifest.json versions.json');
  });

  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('`npm version minor` bumps all three, keeps the old versions.json entries and stages the files', () => {
    dir = mkdtempSync(join(tmpdir(), 'ft-version-'));
    for (const f of ['package.json', 'manifest.json', 'versions.json', 'version-bump.mjs']) copyFileSync(join(root, f), join(dir, f));
    // An older release in versions.json must survive the bump.
    writeFileSync(join(dir, 'versions.json'), JSON.stringify({ '0.0.9': '1.5.0', ...readJson('versions.json') }, null, 2) + '\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    execFileSync('npm', ['version', 'minor', '--no-git-tag-version', '--ignore-scripts=false'], { cwd: dir, env, encoding: 'utf8', stdio: 'pipe' });

    const before = readJson('package.json').version as string;
    const [major, minor] = before.split('.').map(Number);
    const next = `${major}.${minor + 1}.0`;
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    expect(read('package.json').version).toBe(next);
    expect(read('manifest.json').version).toBe(next);
    expect(read('versions.json')).toEqual({ '0.0.9': '1.5.0', [before]: readJson('manifest.json').minAppVersion, [next]: readJson('manifest.json').minAppVersion });
    // Everything else in the manifest is untouched.
    expect({ ...read('manifest.json'), version: before }).toEqual(readJson('manifest.json'));
    expect(git('diff', '--cached', '--name-only').split('\n').filter(Boolean).sort()).toEqual(['manifest.json', 'versions.json']);
  }, 60_000);

  it('version-bump refuses a version the directory would reject', () => {
    dir = mkdtempSync(join(tmpdir(), 'ft-version-'));
    for (const f of ['manifest.json', 'versions.json']) copyFileSync(join(root, f), join(dir, f));
    expect(() =>
      execFileSync('node', [join(root, 'version-bump.mjs'), '1.0.0-beta.1'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }),
    ).toThrow(/not X\.Y\.Z/);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(readFileSync(join(root, 'manifest.json'), 'utf8'));
  });
});

describe('licence', () => {
  it('is MIT, as the README and package.json say, with the project copyright line', () => {
    const text = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(text.split('\n')[0]).toBe('MIT License');
    expect(text).toContain('Copyright (c) 2026 Follow Through contributors');
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
    expect(readJson('package.json').license).toBe('MIT');
  });
});

describe('the release workflow', () => {
  const workflow = parse(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } };
    jobs: { release: { steps: { run?: string; uses?: string }[] } };
  };
  const runs = workflow.jobs.release.steps.map((s) => s.run ?? s.uses ?? '');
  const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));

  it('runs on a version tag as npm version makes it (no "v")', () => {
    const tag = new RegExp(`^${workflow.on.push.tags[0].replace(/\./g, '\\.')}$`);
    expect(tag.test('0.2.0')).toBe(true);
    expect(tag.test('v0.2.0')).toBe(false);
  });

  it('installs from the lockfile, checks, builds and tests before it releases', () => {
    const order = [/^npm ci\b/, /npm run typecheck/, /npm run lint/, /npm run build/, /npm test/, /gh release create/].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('attaches main.js, manifest.json and styles.css to the release', () => {
    const release = runs[at(/gh release create/)];
    for (const f of ['main.js', 'manifest.json', 'styles.css']) expect(release).toContain(` ${f}`);
  });
});
