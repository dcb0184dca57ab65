// Every test reads frontmatter as the command line does: with the `yaml` package. The adapter
// tests' plugin then installs the fake Obsidian's parseYaml on load, as the real plugin does.
import { setYamlParser } from '../../src/core/parse/yaml';
import { yamlPackageParser } from '../../src/cli/yaml';

setYamlParser(yamlPackageParser);
