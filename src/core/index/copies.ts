/**
 * Copies that are not notes (the spec's "What is a note"): a sync tool's conflict copy while the
 * note it copies is in the vault, and a session or client note whose text is identical to
 * another's under a second name. Each copy is filed as one warning naming the note it copies, and
 * nothing else; the copy's own reading is kept aside, so that when its original goes (or the
 * texts part) the copy is read as the note it then is, without reading it again.
 *
 * Which of identical notes is the original: one whose name does not look like a copy (`Note 1`,
 * `Note copy`, `Note (1)`, a conflict copy's), then the first in path order.
 */
import type { ParsedNote } from '../types';
import { noteWithout } from '../parse/unread';
import { conflictCopyOf } from '../vault/conflicts';
import { addTo, byPath, removeFrom } from './keys';

/** Chars hashed per piece: the piece's UTF-8 fits the shared buffer, which stays small. */
const PIECE = 1 << 16;
const encoder = new TextEncoder();
const bytes = new Uint8Array(PIECE * 3 + 8);
const words = new Int32Array(bytes.buffer);

/**
 * A note's text (and what its path adds to the reading, `extra`), to tell identical notes apart:
 * the text's length and two 32-bit hashes of its UTF-8, taken a 32-bit word at a time (the
 * encoder is native, so this costs about a fifth of hashing by character; every session note is
 * hashed as it is read), with `extra`'s characters hashed in after it. Six UTF-16 units: every
 * note's is kept twice, and a string built of parts would keep its parts and the join.
 */
export function textFingerprint(text: string, extra = ''): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let from = 0; from < text.length; from += PIECE) {
    const piece = from === 0 && text.length <= PIECE ? text : text.slice(from, from + PIECE);
    const { written } = encoder.encodeInto(piece, bytes);
    bytes[written] = 0;
    bytes[written + 1] = 0;
    bytes[written + 2] = 0;
    const end = (written + 3) >> 2;
    a = Math.imul(a ^ written, 0x01000193);
    let i = 0;
    for (; i + 1 < end; i += 2) {
      a = Math.imul(a ^ words[i], 0x01000193);
      b = Math.imul(b ^ words[i + 1], 0x5bd1e995);
      b ^= b >>> 13;
    }
    if (i < end) a = Math.imul(a ^ words[i], 0x01000193);
  }
  // `extra` after a separator no text hash ends with, so (text, extra) pairs do not run together.
  a = Math.imul(a ^ 0x7fffffff, 0x01000193);
  for (let i = 0; i < extra.length; i++) {
    const c = extra.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  const n = text.length;
  return String.fromCharCode(n & 0xffff, n >>> 16, a & 0xffff, a >>> 16, b & 0xffff, b >>> 16);
}

/** What copying tools add to a name: `Note 1`, `Note copy`, `Note - Copy`, `Note (2)`. */
const COPY_SUFFIX = /(?:[ \t]\d{1,3}|[ \t]-?[ \t]*copy(?:[ \t]\d{1,3})?|[ \t]\(\d{1,3}\))$/i;
/** A file name as copying tools write it: the above, or `Untitled 3`. */
const COPY_NAME = new RegExp(`${COPY_SUFFIX.source}|^untitled(?:[ \\t]\\d{1,3})?$`, 'i');

function looksLikeCopy(path: string): boolean {
  if (conflictCopyOf(path) !== null) return true;
  const file = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return COPY_NAME.test(file);
}

/**
 * What the path adds to a note's reading, so that identical texts are copies only when they are
 * read as the same records: a session's client and date can come from its file name (two notes
 * of one template, dated by name, are two sessions), and a client note is named by its file
 * (`Sam Lee.md` and `Sam Rivera.md` of one template are two clients; `Jane Doe 2.md`, a copy's
 * name, is Jane Doe's copy).
 */
function readingKey(note: ParsedNote): string {
  // Names as written: client notes whose names differ only in case are twins, one client with
  // a warning of their own (./vault-diagnostics), not copies.
  const sessions = note.sessions.map((s) => `${s.clientRef}@${s.date}@${s.line ?? ''}`).join(';');
  const client = note.client ? note.client.name.replace(COPY_SUFFIX, '') : '';
  return `${sessions}|${client}`;
}

function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export class CopyGate {
  /** Fingerprint by path, for session and client notes. */
  private fingerprints = new Map<string, string>();
  /** Paths by fingerprint: one path, or a set when several notes share the text. */
  private byFingerprint = new Map<string, string | Set<string>>();
  /** Conflict-named paths by the path of the note they are named after. */
  private named = new Map<string, Set<string>>();
  /** Notes filed as something other than their own reading: the reading, and what was filed. */
  private held = new Map<string, { real: ParsedNote; filed: ParsedNote }>();
  /**
   * The path just entered when its text is shared with no other note and its name is no
   * conflict copy's, until the gate next changes: its filing is its own reading, known without
   * looking it up again (every note of a vault read is entered, then filed at once).
   */
  private plain: string | null = null;

  /**
   * Records a note's reading (the text only for a session or client note, else null). Returns
   * the other paths whose filing may change with it. `known` false says the path was never
   * entered (or has left since), so there is nothing of it to leave first.
   */
  enter(path: string, real: ParsedNote, text: string | null, known = true): string[] {
    const others = known ? this.leave(path) : [];
    this.plain = null;
    const original = conflictCopyOf(path);
    if (original !== null) addTo(this.named, original, path);
    let shared = false;
    if (text !== null && (real.type !== null || real.sessions.length > 0)) {
      // The same text saved with other line endings, or without its last newline, is the same text.
      const same = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
      const fp = textFingerprint(same.trimEnd(), readingKey(real));
      this.fingerprints.set(path, fp);
      const group = this.byFingerprint.get(fp);
      if (group === undefined) this.byFingerprint.set(fp, path);
      else {
        const set = typeof group === 'string' ? new Set([group]) : group;
        for (const p of set) others.push(p);
        set.add(path);
        this.byFingerprint.set(fp, set);
        shared = true;
      }
    }
    this.namedAfter(path, others);
    if (original === null && !shared) this.plain = path;
    return others;
  }

  /** Forgets a note. Returns the other paths whose filing may change without it. */
  leave(path: string): string[] {
    const others: string[] = [];
    this.plain = null;
    if (this.held.size > 0) this.held.delete(path);
    const original = conflictCopyOf(path);
    if (original !== null) removeFrom(this.named, original, path);
    const fp = this.fingerprints.get(path);
    if (fp !== undefined) {
      this.fingerprints.delete(path);
      const group = this.byFingerprint.get(fp);
      if (typeof group === 'string') this.byFingerprint.delete(fp);
      else if (group) {
        group.delete(path);
        for (const p of group) others.push(p);
        if (group.size === 1) this.byFingerprint.set(fp, [...group][0]);
      }
    }
    this.namedAfter(path, others);
    return others;
  }

  /** Adds to `others` the conflict-named paths named after `path`. */
  private namedAfter(path: string, others: string[]): void {
    const named = this.named.size > 0 ? this.named.get(path) : undefined;
    if (named !== undefined) for (const p of named) others.push(p);
  }

  /** A note's own reading, whatever was filed for it. */
  realOf(path: string, filed: ParsedNote): ParsedNote {
    return this.held.get(path)?.real ?? filed;
  }

  /** What to file for a note: its reading, or the one warning saying whose copy it is. */
  filing(path: string, real: ParsedNote, exists: (path: string) => boolean): ParsedNote {
    const why = path === this.plain ? null : this.copyMessage(path, exists);
    if (why === null) {
      if (this.held.size > 0) this.held.delete(path);
      return real;
    }
    const kept = this.held.get(path);
    if (kept && kept.real === real && kept.filed.diagnostics[0]?.message === why.message) return kept.filed;
    // A copy is only its warning; a note merely named like one is read, with the warning first.
    const filed = why.read
      ? { ...real, diagnostics: [{ path, line: 1, severity: 'warning' as const, message: why.message }, ...real.diagnostics] }
      : noteWithout(path, 'warning', why.message);
    this.held.set(path, { real, filed });
    return filed;
  }

  private copyMessage(path: string, exists: (path: string) => boolean): { message: string; read: boolean } | null {
    const original = conflictCopyOf(path);
    if (original !== null && exists(original)) {
      return { read: false, message: `sync conflict copy of ${original}: resolve it (keep what you want in the original, then delete this copy); not read` };
    }
    const fp = this.fingerprints.get(path);
    const group = fp === undefined ? undefined : this.byFingerprint.get(fp);
    if (group !== undefined && typeof group !== 'string') {
      let first: string | null = null;
      for (const p of group) {
        const rank = Number(looksLikeCopy(p)) - (first === null ? 2 : Number(looksLikeCopy(first)));
        if (rank < 0 || (rank === 0 && byPath(p, first!) < 0)) first = p;
      }
      if (first !== null && first !== path) {
        return { read: false, message: `identical copy of ${first}: the same text under a second name; not read, so nothing in it counts twice. Delete this copy, or change one of the two if both are meant` };
      }
    }
    if (original !== null) {
      return { read: true, message: `named like a sync conflict copy of ${original}, which is not in the vault: read as a note of its own (rename it to ${basenameOf(original)} if it is that note now)` };
    }
    return null;
  }

  /** Takes over another gate's records (a re-read swapped in). */
  adopt(from: CopyGate): void {
    this.plain = null;
    this.fingerprints = from.fingerprints;
    this.byFingerprint = from.byFingerprint;
    this.named = from.named;
    this.held = from.held;
  }

  clear(): void {
    this.plain = null;
    this.fingerprints.clear();
    this.byFingerprint.clear();
    this.named.clear();
    this.held.clear();
  }
}
