/**
 * Which of the sessions filed under a client's keys are the client's: each once, oldest first.
 * The index files every session under the name keys of the client it names (and its
 * attendees'); a key can hold another client's sessions (a first name, a shared alias), so each
 * is checked against the client by the caller's own reading of references.
 */
import type { SessionNote } from '../types';
import type { SessionEntry } from './derive';
import { byPath } from './keys';

export function sessionsUnderKeys(
  keys: readonly string[],
  byKey: ReadonlyMap<string, ReadonlySet<SessionEntry>>,
  /** Whether the session's own client reference names the client. */
  names: (s: SessionNote) => boolean,
  /** Whether one of the session's attendees is the client. */
  attends: (s: SessionNote) => boolean,
): SessionEntry[] {
  const out: SessionEntry[] = [];
  // A session listed under two of the keys is taken once. Most clients' sessions are all under
  // one key (the full name), and a key's list holds each session once, so no set is needed.
  let seen: Set<SessionEntry> | null = null;
  let lists = 0;
  // A client's sessions mostly name them the same way: the answer for the last reference read
  // serves the next session that writes it alike, with no look in the resolutions.
  let lastRef: string | null = null;
  let lastTarget = '';
  let lastWeak = false;
  let lastNames = false;
  for (const k of keys) {
    const listed = byKey.get(k);
    if (listed === undefined || listed.size === 0) continue;
    if (++lists === 2) seen = new Set(out);
    for (const e of listed) {
      if (seen !== null) {
        if (seen.has(e)) continue;
        seen.add(e);
      }
      const s = e.s;
      if (s.clientRef !== lastRef || s.clientTarget !== lastTarget || s.weak !== lastWeak) {
        lastNames = names(s);
        lastRef = s.clientRef;
        lastTarget = s.clientTarget;
        lastWeak = s.weak;
      }
      if (lastNames || attends(s)) out.push(e);
    }
  }
  return out.sort((a, b) => byPath(a.s.date, b.s.date) || byPath(a.s.path, b.s.path) || (a.s.line ?? 0) - (b.s.line ?? 0));
}
