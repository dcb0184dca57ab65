import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { configDefaults, defineConfig } from 'vitest/config';
import { CHROMIUM_FOUND, NO_CHROMIUM_LINE } from './tests/browser/chromium';

/** The files that drive a real browser (tests/browser/*.test.ts, and the shipped-bundle test). */
const BROWSER_TESTS = ['tests/browser/**/*.test.ts', 'tests/bundle/**/*.browser.test.ts'];

const ci = process.env.CI === 'true' || process.env.CI === '1';
// A contributor without Chromium still gets a passing `npm test`: the browser test files are left
// out (not registered, not skipped one by one) and one line says so. Under CI a missing browser is
// a failure, so the browser tests can never silently stop running there.
if (!CHROMIUM_FOUND.found) {
  if (ci) throw new Error(`CI=true but no Chromium for the browser tests (${CHROMIUM_FOUND.reason}); install chromium or set CHROMIUM_PATH`);
  console.log(`${NO_CHROMIUM_LINE} (${CHROMIUM_FOUND.reason})`);
}
const browser = CHROMIUM_FOUND.found;

export default defineConfig({
  // The adapter tests mount the real Svelte components (in happy-dom): compile them as the build
  // does (Svelte reads `<script lang="ts">` itself; styles live in styles/), for the client.
  plugins: [svelte({ configFile: false, compilerOptions: { css: 'external' } })],
  resolve: {
    // The real `obsidian` package is types only; tests run the adapter against an in-memory fake.
    alias: { obsidian: fileURLToPath(new URL('./tests/fakes/obsidian.ts', import.meta.url)) },
    // `svelte` resolves to its client runtime (its default export condition is the server one,
    // which cannot mount), as the plugin's esbuild build does.
    conditions: ['browser'],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: browser ? configDefaults.exclude : [...configDefaults.exclude, ...BROWSER_TESTS],
    environment: 'node',
    // The core's YAML reader, as the command line sets it (the plugin passes Obsidian's parseYaml).
    setupFiles: ['tests/setup/yaml.ts'],
    // Builds the browser test page once; not needed when no browser test runs.
    globalSetup: browser ? ['tests/browser/global-setup.ts'] : [],
    // Browser tests launch Chromium; give them room on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
