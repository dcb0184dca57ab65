/**
 * The acceptance check for the community directory's review: the review's own ESLint rules
 * (eslint-plugin-obsidianmd `recommended`, through our eslint.config.mjs) run programmatically,
 * proven to fire on a sample with known violations, reach the Svelte components, and find no
 * error in the layers this project keeps clean; and manifest.json passes the directory's rules.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { manifestProblems } from './manifest-rules';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.config.mjs' });

const rulesIn = (results: ESLint.LintResult[]) => results.flatMap((r) => r.messages.map((m) => m.ruleId ?? `parse: ${m.message}`));

describe("the review's ESLint rules with our config", () => {
  it('fire on a sample with known violations', async () => {
    const results = await eslint.lintFiles(['tests/review/fixtures/violations.ts']);
    const rules = rulesIn(results);
    expect(rules).toEqual(
      expect.arrayContaining([
        'obsidianmd/prefer-window-timers',
        'obsidianmd/prefer-file-manager-trash-file',
        '@typescript-eslint/no-base-to-string',
        'obsidianmd/platform',
      ]),
    );
    expect(results[0].errorCount).toBeGreaterThan(0);
  }, 120_000);

  it('apply the Obsidian and typed rules to the Svelte components, parsed as Svelte with TypeScript', async () => {
    const config = (await eslint.calculateConfigForFile('src/ui/roster/Roster.svelte')) as { rules: Record<string, unknown>; languageOptions: { parser?: { meta?: { name?: string } } } };
    expect(config.rules['obsidianmd/prefer-window-timers']).toBeDefined();
    expect(config.rules['@typescript-eslint/no-unsafe-argument']).toBeDefined();
    expect(config.rules['svelte/valid-each-key']).toBeDefined();
    expect(config.languageOptions.parser?.meta?.name).toBe('svelte-eslint-parser');
  });

  it('check manifest.json with the manifest rule', async () => {
    const [result] = await eslint.lintFiles(['manifest.json']);
    expect(result.messages).toEqual([]);
    const [bad] = await eslint.lintText('{ "id": "obsidian-follow-through", "name": "Follow Through" }', { filePath: 'manifest.json' });
    expect(bad.messages.map((m) => m.ruleId)).toContain('obsidianmd/validate-manifest');
  });

  it('find no error and no unexplained warning in core, app, the adapter and the roster, practice, agreements and shared components', async () => {
    const results = await eslint.lintFiles(['src/core', 'src/app', 'src/obsidian', 'src/ui/roster', 'src/ui/practice', 'src/ui/agreements', 'src/ui/shared']);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line} ${m.ruleId}: ${m.message}`));
    // The settings tab keeps display(): the declarative settings API needs Obsidian 1.13, above minAppVersion.
    const explained = found.filter((f) => !/settings-tab\.ts:\d+ obsidianmd\/settings-tab\/prefer-setting-definitions/.test(f));
    expect(explained).toEqual([]);
  }, 300_000);
});

describe("the community directory's manifest rules", () => {
  it('manifest.json passes', () => {
    expect(manifestProblems(JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')))).toEqual([]);
  });

  it('catch what the directory refuses', () => {
    const good = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const problems = (change: Record<string, unknown>) => manifestProblems({ ...good, ...change });
    expect(problems({ id: 'obsidian-follow-through' })).toEqual([`id 'obsidian-follow-through' must not contain "obsidian"`]);
    expect(problems({ id: 'follow-through-plugin' })).toEqual([`id 'follow-through-plugin' must not end with "plugin"`]);
    expect(problems({ id: 'Follow Through' })[0]).toContain('lowercase letters');
    expect(problems({ version: 'v0.1.0' })).toEqual([`version 'v0.1.0' must be numbers and dots (no "v")`]);
    expect(problems({ description: 'Commitments: tracked for coaches.' })).toEqual(['the description must not contain ":" or "/"']);
    expect(problems({ description: 'This plugin tracks commitments for Obsidian users.' })).toEqual(['the description must not name Obsidian or say "plugin" (say what it does)']);
    expect(problems({ description: 'tracks commitments' })).toEqual(['the description must start with a capital letter', 'the description must end with a period']);
    expect(problems({ isDesktopOnly: 'no' })).toEqual(["'isDesktopOnly' must be a boolean"]);
    expect(manifestProblems({ id: 'x' })).toContain("'name' is missing");
    expect(problems({ branch: 'main' })).toEqual(["'branch' is not a manifest field"]);
  });
});
