/** Obsidian's own YAML reader (`parseYaml`) as the core's, so main.js needs no YAML library. */
import { parseYaml } from 'obsidian';
import type { YamlParser } from '../core/parse/yaml';

/** Obsidian's parser throws js-yaml's YAMLException, whose `mark.line` is 0-based. */
function lineOf(e: unknown): number | undefined {
  const mark = typeof e === 'object' && e !== null ? (e as { mark?: { line?: unknown } }).mark : undefined;
  return typeof mark?.line === 'number' ? mark.line + 1 : undefined;
}

export const obsidianYaml: YamlParser = (source) => {
  try {
    return parseYaml(source) as unknown;
  } catch (e) {
    const error = new Error(e instanceof Error ? e.message : 'frontmatter is not valid YAML');
    throw Object.assign(error, { line: lineOf(e) });
  }
};
