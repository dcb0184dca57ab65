/**
 * The diagnostics only the whole vault can see (twin client notes, ambiguous clients, reused and
 * dangling block ids), from lookups the note store keeps current as notes come and go, so the
 * roster can ask on every refresh without walking every note and commitment of the vault.
 */
import type { Diagnostic, ParsedNote, SessionNote } from '../types';
import { INVISIBLE_MARKS, nameKey } from '../vault/conflicts';
import type { BlockIds } from './block-ids';
import { byPath } from './keys';
import type { Resolution } from './client-directory';
import type { SessionEntry } from './derive';

/** What the store keeps for them, each kept current on every put and take. */
export interface DiagnosticSources {
  noteAt(path: string): ParsedNote;
  /** Paths of the notes that have diagnostics of their own. */
  diagnosed: Iterable<string>;
  /** The twin client notes' warnings (`clientTwins`), which change only with the client notes. */
  twins: readonly Diagnostic[];
  /** The sessions whose client may not resolve: a weak (folder or file name) reference, or a reference without a space (a first name). */
  unsure: Iterable<SessionEntry>;
  resolve(s: SessionNote): Resolution;
  /** Which notes hold each block id, and carry a commitment from one. */
  blockIds: BlockIds;
}

const sorted = (paths: Iterable<string>) => [...paths].sort(byPath);

/** A warning on each client note whose client another client note (earlier by path) already is. */
/** What sets apart two names that compare as one (see nameKey): case, Unicode form, invisible marks, spacing or an @. */
function howNamesDiffer(a: string, b: string): string {
  if (a.toLowerCase() === b.toLowerCase()) return 'case';
  if (a.normalize('NFC') === b.normalize('NFC')) return 'how their accents are encoded (Unicode NFC and NFD)';
  if (a.replace(INVISIBLE_MARKS, '') === b.replace(INVISIBLE_MARKS, '')) return 'invisible characters (zero-width or direction marks)';
  if (a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()) return 'spacing';
  return 'case, spacing, accents or invisible characters';
}

export function clientTwins(clientPaths: Iterable<string>, noteAt: (path: string) => ParsedNote): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Map<string, string>();
  const paths = sorted(clientPaths);
  for (const path of paths) {
    const client = noteAt(path).client!;
    const key = nameKey(client.name);
    const other = names.get(key);
    if (other === undefined) {
      names.set(key, path);
      continue;
    }
    const twin = noteAt(other).client?.name;
    const why = twin !== undefined && twin !== client.name ? ` (the names differ only in ${howNamesDiffer(twin, client.name)}: '${twin}')` : '';
    out.push({ path, line: 1, severity: 'warning', message: `client '${client.name}' also has a client note at ${other}${why}; both are read as one client, with the settings of ${other}` });
  }
  aliasClashes(paths, noteAt, names, out);
  return out;
}

/**
 * Aliases that name no one for sure: another client's own name (it names that client, so this
 * note's alias is never used) and an alias two clients share (a session naming it is read as
 * neither). Said on the note whose alias it is, at its `aliases:` line.
 */
function aliasClashes(paths: readonly string[], noteAt: (path: string) => ParsedNote, ownNames: Map<string, string>, out: Diagnostic[]): void {
  const byAlias = new Map<string, string>();
  for (const path of paths) {
    const client = noteAt(path).client!;
    const own = nameKey(client.name);
    const line = client.keyLines.aliases ?? 1;
    // Per other note, the aliases this one shares with it: one warning each, however many.
    const shared = new Map<string, string[]>();
    for (const alias of client.aliases) {
      const key = nameKey(alias);
      if (key === '' || key === own) continue;
      const named = ownNames.get(key);
      if (named !== undefined && nameKey(noteAt(named).client!.name) !== own) {
        out.push({ path, line, severity: 'warning', message: `alias '${alias}' is the name of another client (${named}), so it names that client, not '${client.name}'; remove it from this note's aliases` });
        continue;
      }
      const other = byAlias.get(key);
      if (other === undefined) byAlias.set(key, path);
      else if (nameKey(noteAt(other).client!.name) !== own) {
        const list = shared.get(other);
        if (list) list.push(alias);
        else shared.set(other, [alias]);
      }
    }
    for (const [other, aliases] of shared) {
      const named = aliases.length === 1 ? `alias '${aliases[0]}' is` : `aliases ${listed(aliases)} are`;
      const which = aliases.length === 1 ? `'${aliases[0]}'` : 'one of them';
      out.push({ path, line, severity: 'warning', message: `${named} also ${aliases.length === 1 ? 'an alias' : 'aliases'} of '${noteAt(other).client!.name}' (${other}), so a session naming ${which} is read as neither client; keep ${aliases.length === 1 ? 'it' : 'each'} on one of the two notes` });
    }
  }
}

/** `'A', 'B' and 'C'`, or the first three and how many more. */
function listed(items: readonly string[]): string {
  const q = items.slice(0, 3).map((x) => `'${x}'`);
  if (items.length > 3) return `${q.join(', ')} and ${(items.length - 3).toLocaleString('en-US')} more`;
  return q.length === 2 ? `${q[0]} and ${q[1]}` : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/**
 * Every note's diagnostics plus the vault's own, by path then line; at one path and line, a
 * note's own first, then twins, sessions, reused ids and dangling links.
 */
export function vaultDiagnostics(src: DiagnosticSources): Diagnostic[] {
  const out: { d: Diagnostic; kind: number }[] = [];
  const add = (d: Diagnostic, kind: number) => out.push({ d, kind });

  for (const path of sorted(src.diagnosed)) for (const d of src.noteAt(path).diagnostics) add(d, 0);

  for (const d of src.twins) add(d, 1);

  const unsure = [...src.unsure].sort((a, b) => byPath(a.s.path, b.s.path) || a.index - b.index);
  for (const { s } of unsure) {
    const r = src.resolve(s);
    const line = s.line ?? s.keyLines.client ?? 1;
    if (r.kind === 'ambiguous') {
      add({ path: s.path, line, severity: 'warning', message: `client '${s.clientRef}' could be ${r.candidates.join(' or ')}; write the full name (or add it to that client note's aliases) so this session counts` }, 2);
    } else if (r.kind === 'unknown' && s.weak && s.line === null) {
      add({ path: s.path, line, severity: 'warning', message: `session's client '${s.clientRef}' (read from the note's folder, file name or text, as no client: key names one) matches no client note; add a client note for them, or a client: key, so this session counts` }, 2);
    }
  }

  // A reused id: every use in a later note (by path) than the first note that has it.
  const firstHolder = new Map<string, string>();
  const reusing = new Set<string>();
  for (const id of src.blockIds.shared) {
    const [first, ...rest] = sorted(src.blockIds.holders.values(id));
    firstHolder.set(id, first);
    for (const p of rest) reusing.add(p);
  }
  const firstLine = new Map<string, number>();
  const lineOf = (id: string): number => {
    let line = firstLine.get(id);
    if (line === undefined) {
      line = src.noteAt(firstHolder.get(id)!).commitments.find((c) => c.id === id)?.line ?? 1;
      firstLine.set(id, line);
    }
    return line;
  };
  for (const path of sorted(reusing)) {
    for (const c of src.noteAt(path).commitments) {
      if (c.id === null) continue;
      const first = firstHolder.get(c.id);
      if (first !== undefined && first !== path) add({ path, line: c.line, severity: 'warning', message: `block id ^${c.id} is also used in ${first} line ${lineOf(c.id)}; an id names one commitment: change or delete one of the two` }, 3);
    }
  }

  const dangling = new Set<string>();
  for (const id of src.blockIds.dangling) for (const p of src.blockIds.carriedFrom.values(id)) dangling.add(p);
  for (const path of sorted(dangling)) {
    for (const c of src.noteAt(path).commitments) {
      if (c.from !== null && !src.blockIds.holders.has(c.from)) add({ path, line: c.line, severity: 'warning', message: `carried from ^${c.from}, but no commitment has that block id; fix the id, or delete [from:: ${c.from}] if this commitment is new` }, 4);
    }
  }

  // Stable: within one kind the order above (path, then line order in the note) stays.
  out.sort((a, b) => byPath(a.d.path, b.d.path) || a.d.line - b.d.line || a.kind - b.kind);
  return out.map((x) => x.d);
}
