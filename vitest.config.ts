import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

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
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    // Browser tests launch Chromium; give them room on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
