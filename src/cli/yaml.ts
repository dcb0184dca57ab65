/**
 * The `yaml` package as the core's YAML reader, for the command line and the tests (the plugin
 * passes Obsidian's `parseYaml` instead, so main.js carries no YAML library). Duplicate keys are an
 * error, and alias expansion is bounded, so a hostile note cannot make a reader run away.
 */
import { parseDocument } from 'yaml';
import type { YamlParser } from '../core/parse/yaml';

class YamlSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line of the problem within the parsed text. */
    readonly line: number,
  ) {
    super(message);
  }
}

export const yamlPackageParser: YamlParser = (source) => {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const offset = err.pos?.[0] ?? 0;
    throw new YamlSyntaxError(err.message.split('\n')[0], source.slice(0, offset).split('\n').length);
  }
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
};
