/**
 * The fake metadata cache's parser: a note's text in, `CachedMetadata` out, in the shape
 * obsidian.d.ts gives and the way Obsidian fills it: frontmatter parsed as YAML (absent when the
 * YAML is invalid, `frontmatterPosition` still set), inline tags with their `#` outside code,
 * ATX headings without their closing hashes, wikilinks and embeds, and links in frontmatter
 * values. `getAllTags` combines frontmatter `tags`/`tag` with the inline ones, as Obsidian's does.
 */
import { parse as parseYaml } from 'yaml';

export interface Loc {
  line: number;
  col: number;
  offset: number;
}
export interface Pos {
  start: Loc;
  end: Loc;
}
export interface CacheItem {
  position: Pos;
}
export interface Reference {
  link: string;
  original: string;
  displayText?: string;
}
export interface ReferenceCache extends Reference, CacheItem {}
export type LinkCache = ReferenceCache;
export type EmbedCache = ReferenceCache;
export interface TagCache extends CacheItem {
  tag: string;
}
export interface HeadingCache extends CacheItem {
  heading: string;
  level: number;
}
export interface FrontmatterLinkCache extends Reference {
  key: string;
}
export type FrontMatterCache = Record<string, any>;

export interface CachedMetadata {
  links?: LinkCache[];
  embeds?: EmbedCache[];
  tags?: TagCache[];
  headings?: HeadingCache[];
  frontmatter?: FrontMatterCache;
  frontmatterPosition?: Pos;
  frontmatterLinks?: FrontmatterLinkCache[];
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TAG = /(^|[\s,;(])#([\p{L}\p{N}_/-]+)/gu;
const WIKILINK = /(!?)\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]*?))?\]\]/g;

/** Obsidian's tag rule: letters, digits, `_`, `-`, `/`, and not digits alone. */
const isTag = (name: string) => !/^[\d/_-]*$/.test(name) && /[^\d]/.test(name);

function linksIn(value: string): { link: string; original: string; displayText?: string; index: number; embed: boolean }[] {
  const out = [];
  for (const m of value.matchAll(WIKILINK)) {
    const link = m[2].trim();
    out.push({ link, original: m[0], displayText: m[3] !== undefined ? m[3] : link, index: m.index!, embed: m[1] === '!' });
  }
  return out;
}

function frontmatterLinks(data: Record<string, unknown>): FrontmatterLinkCache[] {
  const out: FrontmatterLinkCache[] = [];
  const visit = (key: string, v: unknown) => {
    if (typeof v === 'string') for (const l of linksIn(v)) out.push({ key, link: l.link, original: l.original, displayText: l.displayText });
    else if (Array.isArray(v)) v.forEach((x, i) => visit(`${key}.${i}`, x));
  };
  for (const [k, v] of Object.entries(data)) visit(k, v);
  return out;
}

/** What Obsidian's metadata cache holds for a note with this text. */
export function computeMetadata(text: string): CachedMetadata {
  const cache: CachedMetadata = {};
  const lines = text.split(/\r?\n/);
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const pos = (line: number, from: number, to: number): Pos => ({
    start: { line, col: from, offset: starts[line] + from },
    end: { line, col: to, offset: starts[line] + to },
  });

  let body = 0;
  if (lines[0] === '---') {
    const end = lines.findIndex((l, i) => i > 0 && (l === '---' || l === '...'));
    if (end > 0) {
      cache.frontmatterPosition = { start: pos(0, 0, 3).start, end: pos(end, 0, 3).end };
      body = end + 1;
      try {
        const data: unknown = parseYaml(lines.slice(1, end).join('\n'));
        if (data && typeof data === 'object' && !Array.isArray(data)) {
          cache.frontmatter = data as FrontMatterCache;
          const fl = frontmatterLinks(cache.frontmatter);
          if (fl.length > 0) cache.frontmatterLinks = fl;
        }
      } catch {
        // Obsidian keeps no frontmatter for invalid YAML (the block's position stays known).
      }
    }
  }

  const tags: TagCache[] = [];
  const headings: HeadingCache[] = [];
  const links: LinkCache[] = [];
  const embeds: EmbedCache[] = [];
  let fence: string | null = null;
  for (let i = body; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    // Inline code hides tags and links.
    const visible = line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    const h = HEADING.exec(visible);
    if (h) headings.push({ heading: (h[2] ?? '').trim(), level: h[1].length, position: pos(i, 0, line.length) });
    for (const m of visible.matchAll(TAG)) {
      if (!isTag(m[2])) continue;
      const from = m.index! + m[1].length;
      tags.push({ tag: `#${m[2]}`, position: pos(i, from, from + m[2].length + 1) });
    }
    for (const l of linksIn(visible)) {
      const item = { link: l.link, original: l.original, displayText: l.displayText, position: pos(i, l.index, l.index + l.original.length) };
      (l.embed ? embeds : links).push(item);
    }
  }
  if (tags.length > 0) cache.tags = tags;
  if (headings.length > 0) cache.headings = headings;
  if (links.length > 0) cache.links = links;
  if (embeds.length > 0) cache.embeds = embeds;
  return cache;
}

/** Obsidian's `getAllTags`: frontmatter `tags` (or `tag`), as a list or a comma/space separated string, then the inline tags; each with its `#`. */
export function getAllTags(cache: CachedMetadata): string[] | null {
  const out: string[] = [];
  const fm = cache.frontmatter;
  if (fm) {
    for (const key of Object.keys(fm)) {
      if (key.toLowerCase() !== 'tags' && key.toLowerCase() !== 'tag') continue;
      const raw = fm[key];
      const list: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,\s]+/) : [];
      for (const t of list) {
        if (typeof t !== 'string' && typeof t !== 'number') continue;
        const name = String(t).trim().replace(/^#/, '');
        if (name !== '') out.push(`#${name}`);
      }
    }
  }
  for (const t of cache.tags ?? []) out.push(t.tag);
  return out;
}
