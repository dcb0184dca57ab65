#!/usr/bin/env node
// The command-line entry; `npm run build` bundles it to dist/cli.js.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('follow-through: dist/cli.js is missing; run `npm run build` first\n');
  process.exit(1);
}
await import(cli);
