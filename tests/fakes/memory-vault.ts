/** An EditVault in memory for the app-layer tests: files are their paths, `process` is read-modify-write on the map. */
import type { EditVault } from '../../src/app/applier';

export function memoryVault(files: Map<string, string>): EditVault<string> & { notices: string[]; folders: string[] } {
  const notices: string[] = [];
  const folders: string[] = [];
  return {
    notices,
    folders,
    getFileByPath: (path) => (files.has(path) ? path : null),
    read: async (path) => files.get(path)!,
    process: async (path, fn) => {
      const next = fn(files.get(path)!);
      files.set(path, next);
      return next;
    },
    create: async (path, data) => {
      files.set(path, data);
      return path;
    },
    delete: async (path) => {
      files.delete(path);
    },
    ensureFolder: async (folder) => {
      folders.push(folder);
    },
    notice: (m) => notices.push(m),
  };
}
