/**
 * The note-layout rules' cost: the same vault indexed with the default layout and with the
 * layout "Set up from my notes" proposes for a vault in other templates (every reading rule on),
 * so the closing figure shows what a coach in another layout pays, and that the default path
 * does not pay it.
 */
import { VaultIndex } from '../../src/core/index/vault-index';
import { resolveLayout } from '../../src/core/layout/layout';
import { proposeLayout } from '../../src/core/setup/propose';
import type { SynthVault } from '../synth-vault';
import { round } from '../util';

export const FLEXIBLE_LAYOUT = resolveLayout({
  sessionTypes: ['session', 'meeting', '1-1', 'coaching'],
  clientTypes: ['client', 'person'],
  clientKeys: ['coachee', 'person', 'with'],
  attendeeKeys: ['attendees'],
  dateKeys: ['meeting_date', 'created'],
  clientFromBody: true,
  clientFromFolder: true,
  clientFromFilename: true,
  clientFromTitle: true,
  dateFromFilename: true,
  dateFromBody: true,
  datedSections: true,
  coachNames: ['Sam Rivera', 'Sam', 'Me', 'I'],
  flexibleItems: true,
  duePhrases: true,
});

function indexMs(vault: SynthVault, layout: ReturnType<typeof resolveLayout> | null, batch = 2000): { ms: number; commitments: number } {
  const index = new VaultIndex(layout ? { layout } : {});
  let ms = 0;
  for (let from = 0; from < vault.noteCount; from += batch) {
    const entries = vault.batch(from, from + batch);
    const t = performance.now();
    index.setNotes(entries);
    ms += performance.now() - t;
  }
  return { ms, commitments: index.commitments().length };
}

/**
 * "Set up from my notes" over the whole vault (`setup` in the CLI, the settings button in
 * Obsidian): it reads every note's facts and groups them by type, tag and folder. Grouping by
 * copying each group's list per note once took 47 s here; it must stay a small multiple of the index.
 */
function proposeMs(vault: SynthVault): number {
  const notes = vault.batch(0, vault.noteCount);
  const t = performance.now();
  proposeLayout({ notes });
  return performance.now() - t;
}

export function measureLayoutRules(
  vault: SynthVault,
  runs = 3,
): { defaultMs: number; flexibleMs: number; ratio: number; sameCommitments: boolean; proposeMs: number; proposeUsPerNote: number } {
  const d: number[] = [];
  const f: number[] = [];
  let same = true;
  for (let r = 0; r < runs; r++) {
    const a = indexMs(vault, null);
    const b = indexMs(vault, FLEXIBLE_LAYOUT);
    d.push(a.ms);
    f.push(b.ms);
    same &&= a.commitments === b.commitments;
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const propose = proposeMs(vault);
  return {
    defaultMs: round(med(d), 1),
    flexibleMs: round(med(f), 1),
    ratio: round(med(f) / med(d), 2),
    sameCommitments: same,
    proposeMs: round(propose, 1),
    proposeUsPerNote: round((propose * 1000) / vault.noteCount, 1),
  };
}
