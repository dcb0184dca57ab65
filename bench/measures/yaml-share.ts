/**
 * How much of a full index goes to the `yaml` library: a separate pass that reads only the
 * frontmatter of every note (lines split outside the timer), timing readFrontmatter per note and
 * summing the time of the notes where it needed YAML. Those notes' time includes the failed fast
 * path attempt, which is part of what the fallback costs. yamlShare = that sum / fullIndexMs.
 */
import { readFrontmatter } from '../../src/core/parse/frontmatter';
import { splitLines } from '../../src/core/parse/lines';
import type { SynthVault } from '../synth-vault';
import { spread } from './full-index';
import { now, round } from '../util';

export interface YamlShareResult {
  method: string;
  yamlShare: number;
  /** All frontmatter reading (fast path and YAML) as a share of the full index. */
  frontmatterShare: number;
  yamlMs: number;
  fastPathMs: number;
  yamlNotes: number;
  yamlClientNotes: number;
  yamlSessionNotes: number;
  yamlNoteShare: number;
  usPerYamlNote: number;
  usPerFastNote: number;
}

export function measureYamlShare(vault: SynthVault, fullIndexMs: number, warmupNotes = 5000): YamlShareResult {
  for (const i of spread(vault.noteCount, warmupNotes)) readFrontmatter(splitLines(vault.noteText(i)).lines);

  let yamlMs = 0;
  let fastMs = 0;
  let yamlNotes = 0;
  let yamlClientNotes = 0;
  for (let i = 0; i < vault.noteCount; i++) {
    const { lines } = splitLines(vault.noteText(i));
    const t0 = now();
    const fm = readFrontmatter(lines);
    const dt = now() - t0;
    if (fm?.usedYaml) {
      yamlMs += dt;
      yamlNotes++;
      if (!vault.isSession(i)) yamlClientNotes++;
    } else {
      fastMs += dt;
    }
  }
  const fastNotes = vault.noteCount - yamlNotes;
  return {
    method: 'separate pass: readFrontmatter timed per note (performance.now), lines pre-split untimed; yamlMs = sum over notes with usedYaml; share of the median fullIndexMs',
    yamlShare: round(yamlMs / fullIndexMs, 4),
    frontmatterShare: round((yamlMs + fastMs) / fullIndexMs, 4),
    yamlMs: round(yamlMs, 1),
    fastPathMs: round(fastMs, 1),
    yamlNotes,
    yamlClientNotes,
    yamlSessionNotes: yamlNotes - yamlClientNotes,
    yamlNoteShare: round(yamlNotes / vault.noteCount, 4),
    usPerYamlNote: round(yamlNotes ? (yamlMs * 1000) / yamlNotes : 0, 2),
    usPerFastNote: round(fastNotes ? (fastMs * 1000) / fastNotes : 0, 2),
  };
}
