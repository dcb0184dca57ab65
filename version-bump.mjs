// The `version` npm script hook: `npm version patch|minor|major|X.Y.Z` bumps package.json, then this
// writes the same version into manifest.json and records it in versions.json against the
// manifest's minAppVersion (as Obsidian's sample plugin does); the npm script stages both files so
// they land in npm's version commit and tag.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes `version` into DIR/manifest.json and DIR/versions.json; returns what it wrote. */
export function bumpVersion(dir, version) {
  if (!/^[0-9]+\.[0-9]+\.[0-9]+$/.test(version ?? '')) {
    throw new Error(`version-bump: "${version}" is not X.Y.Z (the directory accepts numbers and dots only)`);
  }
  const manifestPath = join(dir, 'manifest.json');
  const versionsPath = join(dir, 'versions.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.version = version;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  const versions = JSON.parse(readFileSync(versionsPath, 'utf8'));
  versions[version] = manifest.minAppVersion;
  writeFileSync(versionsPath, JSON.stringify(versions, null, 2) + '\n');
  return { manifest, versions };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const version = process.argv[2] ?? process.env.npm_package_version;
  bumpVersion(process.cwd(), version);
  console.log(`manifest.json and versions.json at ${version}`);
}
