/** The diagnostics only the whole vault can see: twin client notes, ambiguous clients, reused and dangling block ids. */
import type { Diagnostic, ParsedNote, SessionNote } from '../types';
import { nameKey } from '../vault/conflicts';
import { byPath } from './keys';
import type { Resolution } from './client-directory';

/** Every note's diagnostics plus the vault's own, by path then line. */
export function vaultDiagnostics(paths: readonly string[], noteAt: (path: string) => ParsedNote, resolve: (s: SessionNote) => Resolution): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Map<string, string>();
  const ids = new Map<string, { path: string; line: number }>();
  for (const path of paths) {
    const note = noteAt(path);
    out.push(...note.diagnostics);
    if (note.client) {
      const key = nameKey(note.client.name);
      const other = names.get(key);
      if (other) {
        const twin = noteAt(other).client?.name;
        const why = twin !== undefined && twin !== note.client.name ? ` (the names differ only in case: '${twin}')` : '';
        out.push({ path, line: 1, severity: 'warning', message: `client '${note.client.name}' also has a client note at ${other}${why}; both are read as one client, with the settings of ${other}` });
      } else names.set(key, path);
    }
    for (const s of note.sessions) {
      const r = resolve(s);
      const line = s.line ?? s.keyLines.client ?? 1;
      if (r.kind === 'ambiguous') {
        out.push({ path, line, severity: 'warning', message: `client '${s.clientRef}' could be ${r.candidates.join(' or ')}; write the full name (or add it to that client note's aliases) so this session counts` });
      } else if (r.kind === 'unknown' && s.weak && s.line === null) {
        out.push({ path, line, severity: 'warning', message: `session's client '${s.clientRef}' (from its folder or file name) matches no client note; add a client note or a client: key so this session counts` });
      }
    }
    for (const c of note.commitments) {
      if (c.id === null) continue;
      const first = ids.get(c.id);
      if (first && first.path !== path) out.push({ path, line: c.line, severity: 'warning', message: `block id ^${c.id} is also used in ${first.path} line ${first.line}` });
      else if (!first) ids.set(c.id, { path, line: c.line });
    }
  }
  for (const path of paths) {
    for (const c of noteAt(path).commitments) {
      if (c.from !== null && !ids.has(c.from)) {
        out.push({ path, line: c.line, severity: 'warning', message: `carried from ^${c.from}, but no commitment has that block id` });
      }
    }
  }
  return out.sort((a, b) => byPath(a.path, b.path) || a.line - b.line);
}
