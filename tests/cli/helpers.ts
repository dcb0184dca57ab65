/**
 * Black-box helpers for the CLI suites: vaults generated in a temp folder, the CLI's `main()` run
 * in-process, and the same CLI bundled from src/ and run as a child process with a time limit,
 * for the cases where a regression would block the process (a FIFO) rather than fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { main } from '../../src/cli/main';

export const AS_OF = '2026-12-01';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** `follow-through ARGS` in-process, with today fixed at AS_OF. */
export function run(...args: string[]): Run {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s), today: () => AS_OF });
  return { code, out, err };
}

/** `scan VAULT --json` parsed, failing loudly when the command did not succeed. */
export function scanJson(vault: string, ...args: string[]): ScanJson {
  const r = run('scan', vault, '--json', '--as-of', AS_OF, ...args);
  if (r.code !== 0) throw new Error(`scan exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as ScanJson;
}

export interface ScanJson {
  clients: { name: string; path: string | null }[];
  sessions: { path: string; client: string; date: string }[];
  commitments: { id: string | null; text: string; status: string; client: string; session: string; line: number; overdue: boolean; due: string }[];
  diagnostics: { path: string; line: number; severity: string; message: string }[];
}

/** A vault folder in the temp dir with these files (text, or bytes as they are). */
export function makeVault(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'ft-hostile-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function clientNote(name: string, extra: string[] = []): string {
  return ['---', 'type: client', ...extra, '---', `# ${name}`, ''].join('\n');
}

export function sessionNote(client: string, date: string, items: string[], extra: string[] = []): string {
  return ['---', 'type: session', `client: "${client}"`, `date: ${date}`, ...extra, '---', '', '## Commitments', ...items, ''].join('\n');
}

let bundled: Promise<string> | null = null;

/** The CLI bundled from the current src/ (as `npm run build` does), once per test file. */
export function bundledCli(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'ft-cli-bundle-')), 'cli.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/cli/bin.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      banner: { js: "import { createRequire as __ftCreateRequire } from 'node:module';\nconst require = __ftCreateRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundled;
}

/** The bundled CLI in a child process, killed after `timeoutMs`: a hang is a failure, not a stuck suite. */
export function runChild(cli: string, args: string[], timeoutMs = 15_000): Run & { timedOut: boolean } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.status ?? -1, out: r.stdout ?? '', err: r.stderr ?? '', timedOut };
}
