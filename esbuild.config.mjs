// Builds the plugin (main.js + styles.css at the top level, as Obsidian loads them), the CLI
// (dist/cli.js) and the benchmark (dist/bench.js). `node esbuild.config.mjs` watches for
// development; `node esbuild.config.mjs production` builds once, minified (JS and CSS).
// In development, with OBSIDIAN_VAULT=/path/to/vault set, each rebuild of main.js or styles.css is
// copied, with manifest.json, into the vault's .obsidian/plugins/follow-through/.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import esbuild from 'esbuild';
import esbuildSvelte from 'esbuild-svelte';

const production = process.argv[2] === 'production';

const banner = `/* Follow Through: between-session accountability for coaches. Built from src/ by esbuild. */`;
// Node bundles are ES modules; CommonJS dependencies (yaml's Node build) still call require().
const nodeBanner = `${banner}\nimport { createRequire as __ftCreateRequire } from 'node:module';\nconst require = __ftCreateRequire(import.meta.url);`;

const pluginId = JSON.parse(readFileSync('manifest.json', 'utf8')).id;
const vault = production ? null : (process.env.OBSIDIAN_VAULT ?? null);
const pluginDir = vault ? join(resolve(vault), '.obsidian', 'plugins', pluginId) : null;
if (vault && !existsSync(resolve(vault))) {
  console.error(`OBSIDIAN_VAULT=${vault} does not exist`);
  process.exit(1);
}

/** After each successful build, copies what Obsidian loads into the vault's plugin folder. */
const copyToVault = (files) => ({
  name: 'copy-to-vault',
  setup(build) {
    build.onEnd((result) => {
      if (!pluginDir || result.errors.length > 0) return;
      mkdirSync(pluginDir, { recursive: true });
      for (const f of [...files, 'manifest.json']) if (existsSync(f)) copyFileSync(f, join(pluginDir, f));
      console.log(`copied ${[...files, 'manifest.json'].join(', ')} to ${pluginDir}`);
    });
  },
});

const svelte = () =>
  esbuildSvelte({
    // Svelte 5 reads `<script lang="ts">` itself; component styles live in styles/, not in components.
    compilerOptions: { css: 'external', dev: !production },
  });

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    entryPoints: ['src/main.ts'],
    outfile: 'main.js',
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2021',
    mainFields: ['svelte', 'browser', 'module', 'main'],
    conditions: ['svelte', 'browser'],
    external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    plugins: [svelte(), copyToVault(['main.js'])],
    banner: { js: banner },
    sourcemap: production ? false : 'inline',
    minify: production,
    treeShaking: true,
    logLevel: 'info',
  },
  {
    entryPoints: ['styles/index.css'],
    outfile: 'styles.css',
    bundle: true,
    minify: production,
    plugins: [copyToVault(['styles.css'])],
    logLevel: 'info',
  },
  {
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: nodeBanner },
    sourcemap: true,
    logLevel: 'info',
  },
  {
    entryPoints: ['bench/bench.ts'],
    outfile: 'dist/bench.js',
    bundle: true,
    // The Chromium section builds the browser test page at run time with these.
    external: ['esbuild', 'esbuild-svelte', 'playwright-core'],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: nodeBanner },
    sourcemap: true,
    logLevel: 'info',
  },
];

if (production) {
  await Promise.all(builds.map((b) => esbuild.build(b)));
} else {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
}
