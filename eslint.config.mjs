// The community directory's review rules over src/ and the Svelte components: eslint-plugin-obsidianmd's
// `recommended` config (ESLint's and typescript-eslint's type-checked recommended sets plus the
// Obsidian rules), typed through typescript-eslint's project service; the Svelte components get the
// same TypeScript and Obsidian rules through svelte-eslint-parser (TypeScript inside <script lang="ts">)
// and eslint-plugin-svelte's recommended set. manifest.json goes through the manifest validator.
// `npm run lint` runs it with --max-warnings 0, so CI fails on any error or warning.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { DEFAULT_BRANDS } from 'eslint-plugin-obsidianmd/dist/lib/rules/ui/brands.js';

/**
 * Sentence case in UI text, as the review asks, knowing the proper names our text uses: the
 * plugin's own name, the plugins it works beside, and month names ("12/2 is December 2").
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const sentenceCase = ['warn', { enforceCamelCaseLower: true, brands: [...DEFAULT_BRANDS, 'Follow Through', 'Tasks', 'Dataview', 'Bases', ...MONTHS] }];

const recommended = obsidianmd.configs.recommended;

/** The recommended config's TypeScript blocks (plugins and rules; the parser stays svelte-eslint-parser), applied to .svelte files as well. */
const tsPattern = '**/*.{ts,cts,mts,tsx}';
const forSvelte = recommended
  .filter((c) => JSON.stringify(c.files ?? null).includes(tsPattern))
  .map(({ languageOptions: _parserSetup, ...c }) => ({ ...c, name: `${c.name ?? 'obsidianmd/recommended'} (svelte)`, files: ['**/*.svelte'] }));

export default defineConfig([
  globalIgnores(['main.js', 'styles.css', 'dist/**', 'node_modules/**', 'test-output/**', 'examples/**']),
  ...recommended,
  ...forSvelte,
  {
    files: ['**/*.ts', '**/*.svelte'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mjs'] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // The directory's manifest rules (obsidianmd/validate-manifest) read manifest.json as an object literal.
    files: ['manifest.json'],
    languageOptions: { parser: tseslint.parser },
    plugins: { obsidianmd },
    rules: { 'obsidianmd/validate-manifest': 'error' },
  },
  {
    files: ['**/*.ts', '**/*.svelte'],
    rules: { 'obsidianmd/ui/sentence-case': sentenceCase },
  },
  {
    // The command line runs under Node, not inside Obsidian: Node's globals, as the recommended
    // config itself gives desktop-only plugins.
    files: ['src/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node, NodeJS: 'readonly' } },
  },
]);
