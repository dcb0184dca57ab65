/**
 * Finds a Chromium-family browser already installed on the machine (never a downloaded one) and
 * the flags this machine needs. `findChromium` is pure: the environment, the platform and the
 * file-exists check are passed in, so the search order is tested without touching the disk.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

/** The line printed when no browser is found and the browser tests are left out. */
export const NO_CHROMIUM_LINE = 'browser tests skipped: no Chromium found; install chromium or set CHROMIUM_PATH';

export interface FindChromiumInput {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

export type ChromiumFound =
  | { found: true; path: string; from: 'CHROMIUM_PATH' | 'PATH' | 'usual place' }
  | { found: false; reason: string };

/** Executable names of Chromium-family browsers on Linux (Debian/Ubuntu packages, Google's .deb). */
export const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const LINUX_DIRS = ['/usr/bin', '/snap/bin'];

const MAC_APPS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function windowsCandidates(env: FindChromiumInput['env']): string[] {
  const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA'], 'C:\\Program Files', 'C:\\Program Files (x86)'];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const root of roots) {
    if (!root || seen.has(root)) continue;
    seen.add(root);
    out.push(`${root}\\Google\\Chrome\\Application\\chrome.exe`, `${root}\\Microsoft\\Edge\\Application\\msedge.exe`);
  }
  return out;
}

/** Where to look, in order, after CHROMIUM_PATH: the PATH, then the platform's usual places. */
export function chromiumCandidates(env: FindChromiumInput['env'], platform: NodeJS.Platform): { path: string; from: 'PATH' | 'usual place' }[] {
  const out: { path: string; from: 'PATH' | 'usual place' }[] = [];
  if (platform === 'win32') {
    for (const p of windowsCandidates(env)) out.push({ path: p, from: 'usual place' });
    return out;
  }
  if (platform === 'darwin') {
    for (const p of MAC_APPS) out.push({ path: p, from: 'usual place' });
  }
  const pathDirs = (env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  for (const dir of pathDirs) for (const name of LINUX_NAMES) out.push({ path: join(dir, name), from: 'PATH' });
  if (platform !== 'darwin') {
    for (const dir of LINUX_DIRS) for (const name of LINUX_NAMES) out.push({ path: `${dir}/${name}`, from: 'usual place' });
  }
  return out;
}

/**
 * CHROMIUM_PATH first: when it is set, it is the only place looked at (a wrong setting is reported,
 * not silently replaced by another browser). Otherwise the PATH and the usual install places.
 */
export function findChromium({ env, platform, exists }: FindChromiumInput): ChromiumFound {
  const explicit = env['CHROMIUM_PATH'];
  if (explicit !== undefined && explicit !== '') {
    return exists(explicit) ? { found: true, path: explicit, from: 'CHROMIUM_PATH' } : { found: false, reason: `CHROMIUM_PATH=${explicit} does not exist` };
  }
  for (const c of chromiumCandidates(env, platform)) {
    if (exists(c.path)) return { found: true, path: c.path, from: c.from };
  }
  return { found: false, reason: 'no Chromium, Chrome or Edge in the PATH or the usual install places' };
}

/** The browser on this machine, looked up once. */
export const CHROMIUM_FOUND: ChromiumFound = findChromium({ env: process.env, platform: process.platform, exists: existsSync });

/** The browser to launch; where none was found, the path that was expected (launching it fails clearly). */
export const CHROMIUM: string = CHROMIUM_FOUND.found ? CHROMIUM_FOUND.path : (process.env.CHROMIUM_PATH || '/usr/bin/chromium');
