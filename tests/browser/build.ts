/**
 * Builds the browser test page: the real Svelte components and the core, bundled by esbuild from
 * tests/browser/entry.ts, with the demo vault's notes embedded, the plugin's styles.css and a
 * stand-in for Obsidian's theme variables (light and dark).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import esbuildSvelte from 'esbuild-svelte';

/** The project root: the nearest folder up from this file (or its bundle) with our package.json. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'follow-through') return dir;
    } catch {
      // not here; go up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the follow-through project root');
    dir = up;
  }
}

const root = projectRoot();
export const BROWSER_OUT = join(root, 'test-output', 'browser');

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** `import demo from 'virtual:demo-vault'` gives the demo vault as `{ path: text }`. */
const demoVault: esbuild.Plugin = {
  name: 'demo-vault',
  setup(build) {
    build.onResolve({ filter: /^virtual:demo-vault$/ }, () => ({ path: 'demo-vault', namespace: 'demo-vault' }));
    build.onLoad({ filter: /.*/, namespace: 'demo-vault' }, () => ({
      contents: `export default ${JSON.stringify(readTree(join(root, 'examples', 'demo-vault')))};`,
      loader: 'js',
    }));
  },
};

let built: Promise<string> | null = null;

/** Builds once per test process; returns the page's file URL. */
export function buildBrowserPage(): Promise<string> {
  built ??= (async () => {
    mkdirSync(BROWSER_OUT, { recursive: true });
    await esbuild.build({
      entryPoints: [join(root, 'tests/browser/entry.ts')],
      outfile: join(BROWSER_OUT, 'bundle.js'),
      bundle: true,
      format: 'iife',
      target: 'es2021',
      platform: 'browser',
      conditions: ['svelte', 'browser'],
      mainFields: ['svelte', 'browser', 'module', 'main'],
      plugins: [demoVault, esbuildSvelte({ compilerOptions: { css: 'external', dev: false } })],
      // The adapter's modals run in the page over the fake Obsidian (its keymap dispatches keys as Obsidian's does).
      alias: { obsidian: join(root, 'tests/fakes/obsidian.ts') },
      sourcemap: 'inline',
      logLevel: 'warning',
    });
    await esbuild.build({
      entryPoints: [join(root, 'styles/index.css')],
      outfile: join(BROWSER_OUT, 'styles.css'),
      bundle: true,
      logLevel: 'warning',
    });
    copyFileSync(join(root, 'tests/browser/page/obsidian-theme.css'), join(BROWSER_OUT, 'obsidian-theme.css'));
    writeFileSync(
      join(BROWSER_OUT, 'index.html'),
      `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="obsidian-theme.css"><link rel="stylesheet" href="styles.css"></head>
<body class="theme-light"><div class="workspace-leaf-content" id="host"><div class="view-content" id="root"></div></div>
<script src="bundle.js"></script></body></html>`,
    );
    return 'file://' + join(BROWSER_OUT, 'index.html');
  })();
  return built;
}
