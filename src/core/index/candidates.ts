/**
 * Which notes can matter to the index, decided from metadata Obsidian has already parsed (its
 * metadata cache), before any text is read: start-up reads only these. The one place for that
 * rule; it must take in every note the parser or the agreements could read something from.
 */
import { COMMITMENT_TAG_NAME } from '../syntax/fields';
import { findWrittenDate } from '../natural-dates';
import { inFolders, isExtendedLayout } from '../layout/layout';
import { headingKey, headingSet, LOOKS_LIKE_ACTIONS, normaliseHeading, sectionKind } from '../parse/headings';
import { frontmatterLookup } from '../parse/records';
import { inSessionFolder, typeValues } from '../parse/session-meta';
import { filenameParts } from '../parse/session-names';
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
const COMMITMENT_TAG = new RegExp(`^#?${COMMITMENT_TAG_NAME}`, 'i');

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
    for (const h of meta.headings) {
      const key = normaliseHeading(h);
      if (wanted.has(key)) return true;
      // Other templates' action headings in a dated note: it may look like a session that is not
      // read, and get its warning in the plugin as in the CLI.
      if (LOOKS_LIKE_ACTIONS.test(key) && dated(meta, settings)) return true;
    }
  }
  return isExtendedLayout(settings.layout) && layoutCandidate(meta, settings);
}

function dated(meta: CandidateMeta, settings: CoreSettings): boolean {
  if (meta.frontmatter && Object.keys(meta.frontmatter).some((k) => /date|created|when/i.test(k))) return true;
  return findWrittenDate(meta.path.slice(meta.path.lastIndexOf('/') + 1), settings.layout.dateOrder) !== null;
}

/** The note layout's own ways of marking a session (docs/note-format.md, "Vaults in other layouts"). */
function layoutCandidate(meta: CandidateMeta, settings: CoreSettings): boolean {
  const layout = settings.layout;
  if (meta.frontmatter) {
    const types = typeValues(meta.frontmatter, settings);
    if (types.some((t) => layout.sessionTypes.includes(t) || layout.clientTypes.includes(t))) return true;
  }
  if (layout.sessionTags.length > 0) {
    const tags = new Set(layout.sessionTags.map((t) => t.replace(/^#/, '').toLowerCase()));
    if (meta.tags.some((t) => tags.has(t.replace(/^#/, '').toLowerCase()))) return true;
  }
  if (inSessionFolder(meta.path, settings)) return true;
  if (layout.dailyNotesFolder.trim() !== '' && inFolders(meta.path, [layout.dailyNotesFolder.replace(/\/+$/, '')])) return true;
  if (layout.clientFromFilename && layout.dateFromFilename) {
    const parts = filenameParts(meta.path, layout);
    if (parts.date && parts.name) return true;
  }
  for (const h of meta.headings) {
    const key = headingKey(h);
    if (sectionKind(key, settings, layout.flexibleItems) !== null) return true;
    if (layout.datedSections && findWrittenDate(h, layout.dateOrder)) return true;
  }
  return false;
}
