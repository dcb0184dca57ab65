import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The real `obsidian` package is types only; tests run the adapter against an in-memory fake.
    alias: { obsidian: fileURLToPath(new URL('./tests/fakes/obsidian.ts', import.meta.url)) },
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
