/**
 * The community directory's manifest rules, as its submission check applies them
 * (obsidianmd/obsidian-releases, .github/workflows/validate-plugin-entry.yml) together with the
 * manifest rules of eslint-plugin-obsidianmd (validate-manifest) and the plugin guidelines:
 * required fields and their types, the id's form, no "obsidian" or trailing "plugin" in id or
 * name, a version of numbers and dots, and a description of one plain sentence (what it does, no
 * ":" or "/", under 250 characters, capital first, a period last, no "this plugin" or Obsidian).
 * Returns the problems as sentences; empty when the manifest passes.
 */
const REQUIRED: Record<string, 'string' | 'boolean'> = {
  id: 'string',
  name: 'string',
  version: 'string',
  minAppVersion: 'string',
  description: 'string',
  author: 'string',
  isDesktopOnly: 'boolean',
};
const OPTIONAL = ['authorUrl', 'fundingUrl'];

export function manifestProblems(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return ['the manifest must be one JSON object'];
  const m = manifest as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, type] of Object.entries(REQUIRED)) {
    if (!(key in m)) problems.push(`'${key}' is missing`);
    else if (typeof m[key] !== type) problems.push(`'${key}' must be a ${type}`);
  }
  for (const key of Object.keys(m)) if (!(key in REQUIRED) && !OPTIONAL.includes(key)) problems.push(`'${key}' is not a manifest field`);
  const text = (k: string) => (typeof m[k] === 'string' ? m[k] : '');

  const id = text('id');
  if (!/^[a-z0-9-_]+$/.test(id)) problems.push(`id '${id}' may hold only lowercase letters, digits, dashes and underscores`);
  if (id.toLowerCase().includes('obsidian')) problems.push(`id '${id}' must not contain "obsidian"`);
  if (id.toLowerCase().endsWith('plugin')) problems.push(`id '${id}' must not end with "plugin"`);

  const name = text('name');
  if (name.toLowerCase().includes('obsidian')) problems.push(`name '${name}' must not contain "Obsidian"`);
  if (name.toLowerCase().endsWith('plugin')) problems.push(`name '${name}' must not end with "Plugin"`);

  for (const k of ['version', 'minAppVersion']) if (!/^\d+(?:\.\d+)*$/.test(text(k))) problems.push(`${k} '${text(k)}' must be numbers and dots (no "v")`);

  if (/^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/.test(text('author'))) problems.push('author should be a name, not an email address');
  if (text('authorUrl') === 'https://obsidian.md') problems.push("authorUrl must not point to Obsidian's website");
  if (m.fundingUrl === 'https://obsidian.md/pricing') problems.push("fundingUrl must not point to Obsidian's website");

  const d = text('description');
  if (d.length < 10 || d.length > 250) problems.push(`the description is ${d.length} characters; keep it between 10 and 250`);
  if (!/^[A-Z]/.test(d)) problems.push('the description must start with a capital letter');
  if (!d.endsWith('.')) problems.push('the description must end with a period');
  if (/[:/]/.test(d)) problems.push('the description must not contain ":" or "/"');
  if (!/^[A-Za-z0-9\s.,!?'":/-]+$/.test(d)) problems.push('the description must be plain text (no emoji or special characters)');
  if (/obsidian|\bplugin\b/i.test(d)) problems.push('the description must not name Obsidian or say "plugin" (say what it does)');
  if (d.replace(/\.$/, '').includes('. ')) problems.push('the description must be one sentence');
  return problems;
}
