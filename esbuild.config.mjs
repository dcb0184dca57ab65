// Builds the plugin (main.js + styles.css at the top level, as Obsidian loads them), the CLI
// (dist/cli.js) and the benchmark (dist/bench.js). `node esbuild.config.mjs` watches for
// development; `node esbuild.config.mjs production` builds once, minified (JS and CSS).
// In development, with OBSIDIAN_VAULT=/path/to/vault set, each rebuild of main.js or styles.css is
// copied, with manifest.json, into the vault's .obsidian/plugins/follow-through/.
// `pluginBuilds` is exported so the shipped-bundle test builds main.js exactly as a release does.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import esbuild from 'esbuild';
import esbuildSvelte from 'esbuild-svelte';

const root = dirname(fileURLToPath(import.meta.url));

const banner = `/* Follow Through: between-session accountability for coaches. Built from src/ by esbuild. */`;
// Node bundles are ES modules; CommonJS dependencies (yaml's Node build) still call require().
const nodeBanner = `${banner}\nimport { createRequire as __ftCreateRequire } from 'node:module';\nconst require = __ftCreateRequire(import.meta.url);`;

/** After each successful build, copies what Obsidian loads into the vault's plugin folder. */
const copyToVault = (pluginDir, files) => ({
  name: 'copy-to-vault',
  setup(build) {
    build.onEnd((result) => {
      if (!pluginDir || result.errors.length > 0) return;
      mkdirSync(pluginDir, { recursive: true });
      for (const f of [...files, 'manifest.json']) if (existsSync(join(root, f))) copyFileSync(join(root, f), join(pluginDir, f));
      console.log(`copied ${[...files, 'manifest.json'].join(', ')} to ${pluginDir}`);
    });
  },
});

/**
 * The plugin's two builds, main.js and styles.css.
 * @param {{ production: boolean, pluginDir?: string | null }} options
 * @returns {import('esbuild').BuildOptions[]}
 */
export function pluginBuilds({ production, pluginDir = null }) {
  return [
    {
      absWorkingDir: root,
      entryPoints: ['src/main.ts'],
      outfile: 'main.js',
      bundle: true,
      format: 'cjs',
      platform: 'browser',
      target: 'es2021',
      mainFields: ['svelte', 'browser', 'module', 'main'],
      conditions: ['svelte', 'browser'],
      external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      plugins: [
        // Svelte 5 reads `<script lang="ts">` itself; component styles live in styles/, not in components.
        esbuildSvelte({ compilerOptions: { css: 'external', dev: !production } }),
        copyToVault(pluginDir, ['main.js']),
      ],
      banner: { js: banner },
      sourcemap: production ? false : 'inline',
      minify: production,
      treeShaking: true,
      logLevel: 'info',
    },
    {
      absWorkingDir: root,
      entryPoints: ['styles/index.css'],
      outfile: 'styles.css',
      bundle: true,
      minify: production,
      plugins: [copyToVault(pluginDir, ['styles.css'])],
      logLevel: 'info',
    },
  ];
}

/** @returns {import('esbuild').BuildOptions[]} */
function nodeBuilds() {
  return [
    {
      absWorkingDir: root,
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
      absWorkingDir: root,
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
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const production = process.argv[2] === 'production';
  const vault = production ? null : (process.env.OBSIDIAN_VAULT ?? null);
  if (vault && !existsSync(resolve(vault))) {
    console.error(`OBSIDIAN_VAULT=${vault} does not exist`);
    process.exit(1);
  }
  const pluginId = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).id;
  const pluginDir = vault ? join(resolve(vault), '.obsidian', 'plugins', pluginId) : null;
  const builds = [...pluginBuilds({ production, pluginDir }), ...nodeBuilds()];
  if (production) {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  } else {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
  }
}
