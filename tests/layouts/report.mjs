#!/usr/bin/env node
// Scores a scan against a layout fixture's expectations and prints the metrics and every miss.
//
//   node bin/follow-through.mjs scan tests/fixtures/layouts/vault --json --as-of 2026-12-01 \
//     | node tests/layouts/report.mjs tests/fixtures/layouts/expected.json
//
// Options: --json (print the metrics object as JSON instead), --max N (misses shown per kind),
// --check (exit 1 when issue 10's acceptance thresholds are not met).
import { readFileSync } from 'node:fs';
import { failedThresholds, formatReport, scoreLayout } from './score.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const maxAt = args.indexOf('--max');
const maxPerKind = maxAt >= 0 ? Number(args[maxAt + 1]) : Infinity;
const expectedPath = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--max');
if (!expectedPath) {
  process.stderr.write('usage: <scan json on stdin> | node tests/layouts/report.mjs EXPECTED.json [--json] [--max N] [--check]\n');
  process.exit(2);
}

let input = '';
try {
  input = readFileSync(0, 'utf8');
} catch {
  input = '';
}
let scan;
try {
  scan = JSON.parse(input);
} catch (e) {
  process.stderr.write(`report: the scan on stdin is not JSON (${e instanceof Error ? e.message : e})\n`);
  process.exit(2);
}
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
const metrics = scoreLayout(scan, expected);
process.stdout.write(flag('--json') ? JSON.stringify(metrics, null, 2) + '\n' : formatReport(metrics, { maxPerKind }));
if (flag('--check')) {
  const failed = failedThresholds(metrics);
  if (failed.length > 0) {
    process.stderr.write(`acceptance: FAIL\n  ${failed.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stderr.write('acceptance: pass\n');
}
