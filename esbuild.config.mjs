// Builds the plugin (main.js + styles.css at the top level, as Obsidian loads them), the CLI
// (dist/cli.js) and the benchmark (dist/bench.js). `node esbuild.config.mjs` watches for
// development; `node esbuild.config.mjs production` builds once, minified.
import { builtinModules } from 'node:module';
import esbuild from 'esbuild';
import esbuildSvelte from 'esbuild-svelte';

const production = process.argv[2] === 'production';

const banner = `/* Follow Through: between-session accountability for coaches. Built from src/ by esbuild. */`;
// Node bundles are ES modules; CommonJS dependencies (yaml's Node build) still call require().
const nodeBanner = `${banner}\nimport { createRequire as __ftCreateRequire } from 'node:module';\nconst require = __ftCreateRequire(import.meta.url);`;

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
    plugins: [svelte()],
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
    minify: false,
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
