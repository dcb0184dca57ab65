/**
 * Which notes can matter to the index, decided from metadata Obsidian has already parsed (its
 * metadata cache), before any text is read: start-up reads only these. The one place for that
 * rule; it must take in every note the parser or the agreements could read something from.
 */
import { normaliseHeading } from '../parse/note';
import { frontmatterLookup } from '../parse/records';
import type { CoreSettings } from '../settings';

export interface CandidateMeta {
  /** The note's vault path. */
  path: string;
  /** Its parsed frontmatter, or null when it has none (or Obsidian could not parse it). */
  frontmatter: Record<string, unknown> | null;
  /** Every tag, frontmatter and inline, with or without its `#` (Obsidian's `getAllTags`). */
  tags: readonly string[];
  /** Heading texts as Obsidian gives them. */
  headings: readonly string[];
  /** A frontmatter block is there but is not valid YAML: read the note so the parser can say why. */
  frontmatterInvalid?: boolean;
}

/** Frontmatter `type` values (and tags) that make a note one of ours. */
const TYPES = new Set(['client', 'session', 'agreement']);
/** The parser's own test for a `#commitment` tag (a prefix: `#commitments`, `#commitment/x`). */
const COMMITMENT_TAG = /^#?commitment/i;

const headingSets = new WeakMap<readonly string[], Set<string>>();

function headingSet(settings: CoreSettings): Set<string> {
  let set = headingSets.get(settings.commitmentHeadings);
  if (!set) headingSets.set(settings.commitmentHeadings, (set = new Set(settings.commitmentHeadings.map(normaliseHeading))));
  return set;
}

function inFolder(path: string, folder: string): boolean {
  const f = folder.replace(/^\/+|\/+$/g, '');
  return f !== '' && path.startsWith(f + '/');
}

/** True when the note may hold a client, a session, an agreement or commitments, so it must be read. */
export function isCandidateNote(meta: CandidateMeta, settings: CoreSettings): boolean {
  if (meta.frontmatterInvalid) return true;
  if (meta.frontmatter) {
    const type = frontmatterLookup(meta.frontmatter, 'type', settings);
    if (typeof type === 'string' && TYPES.has(type.trim().toLowerCase())) return true;
  }
  if (inFolder(meta.path, settings.sessionsFolder)) return true;
  for (const tag of meta.tags) {
    if (COMMITMENT_TAG.test(tag) || TYPES.has(tag.replace(/^#/, '').toLowerCase())) return true;
  }
  if (meta.headings.length > 0) {
    const wanted = headingSet(settings);
    for (const h of meta.headings) if (wanted.has(normaliseHeading(h))) return true;
  }
  return false;
}
