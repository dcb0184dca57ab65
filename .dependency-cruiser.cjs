/**
 * The layers (README, CONTRIBUTING.md): core is pure, app builds view models on the core, ui shows
 * them, obsidian is the thin adapter, cli runs the same core from a terminal. Run: npm run structure.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing of app, ui, obsidian or cli.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(app|ui|obsidian|cli)/' },
    },
    {
      name: 'app-below-views',
      comment:
        'src/app imports no obsidian or cli code, and of src/ui only the props contracts (contracts.ts) its models and actions implement.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(obsidian|cli)/|^src/ui/', pathNot: '^src/ui/(contracts|[a-z-]+/contracts)[.]ts$' },
    },
    {
      name: 'ui-without-obsidian',
      comment: 'src/ui gets data and actions as props: it imports no adapter and no cli code.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(obsidian|cli)/' },
    },
    {
      name: 'cli-without-obsidian',
      comment: 'The CLI runs the core without Obsidian.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(obsidian|ui)/' },
    },
    {
      name: 'no-obsidian-package-below-the-adapter',
      comment: 'Only src/obsidian (and src/main.ts) may import the obsidian package.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(obsidian/|main\\.ts$)' },
      to: { path: '^obsidian$|node_modules/obsidian/', dependencyTypesNot: [] },
    },
    {
      name: 'no-circular',
      comment: 'No import circles (type-only imports included).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'svelte', 'browser'], extensions: ['.ts', '.js', '.mjs', '.svelte', '.d.ts'] },
    exclude: { path: '^(node_modules|dist|test-output)/' },
  },
};
