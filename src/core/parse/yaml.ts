/**
 * The YAML reader the core uses for frontmatter beyond plain `key: value` lines. The core imports
 * no YAML library: each host passes its own in once at start-up, so the plugin uses Obsidian's
 * `parseYaml` (and main.js carries no YAML library) while the command line and tests use the
 * `yaml` package (src/cli/yaml.ts).
 */

/**
 * Parses one YAML document. Throws on invalid YAML; a thrown error may carry `line`, the 1-based
 * line of the problem within `source`. Empty input parses as null or undefined.
 */
export type YamlParser = (source: string) => unknown;

let current: YamlParser | null = null;

/** Sets the reader (the plugin on load, the command line at start, the tests' setup). */
export function setYamlParser(parser: YamlParser | null): void {
  current = parser;
}

/** The reader set by the host, or null when none was set. */
export function yamlParser(): YamlParser | null {
  return current;
}

/** The 1-based line a parser's error names, when it names one. */
export function yamlErrorLine(e: unknown): number | null {
  const line = typeof e === 'object' && e !== null ? (e as { line?: unknown }).line : undefined;
  return typeof line === 'number' && Number.isInteger(line) && line >= 1 ? line : null;
}
