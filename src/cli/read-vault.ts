/** Reads a vault folder's markdown notes for the command-line entry. Node only. */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export class VaultReadError extends Error {}

/** Folders Obsidian and tools keep their own files in; never notes. */
const SKIP_DIRS = new Set(['.obsidian', '.trash', '.git', 'node_modules']);

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return e.message ?? String(err);
  }
}

/** Checks that a path is a readable folder, with a one-line reason when it is not. */
export function checkVaultFolder(root: string): void {
  let st;
  try {
    st = statSync(root);
  } catch (err) {
    throw new VaultReadError(`cannot open vault ${root}: ${describe(err)}`);
  }
  if (!st.isDirectory()) throw new VaultReadError(`${root} is not a folder`);
}

/** Every `.md` note under `root`, as `[vault-relative path with '/', text]`, in path order. */
export function readVault(root: string): [string, string][] {
  checkVaultFolder(root);
  const out: [string, string][] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(dir);
      names = readdirSync(dir);
    } catch (err) {
      throw new VaultReadError(`cannot read folder ${dir}: ${describe(err)}`);
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of names.sort()) {
      if (name.startsWith('.') && (SKIP_DIRS.has(name) || name === '.DS_Store')) continue;
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch (err) {
        if (name.toLowerCase().endsWith('.md')) throw new VaultReadError(`cannot read note ${full}: ${describe(err)}`);
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(full);
      } else if (name.toLowerCase().endsWith('.md')) {
        let text: string;
        try {
          text = readFileSync(full, 'utf8');
        } catch (err) {
          throw new VaultReadError(`cannot read note ${full}: ${describe(err)}`);
        }
        out.push([relative(root, full).split(sep).join('/'), text]);
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
