/**
 * The note-layout rules' cost: the same vault indexed with the default layout and with the
 * layout "Set up from my notes" proposes for a vault in other templates (every reading rule on),
 * so the closing figure shows what a coach in another layout pays, and that the default path
 * does not pay it.
 */
import { VaultIndex } from '../../src/core/index/vault-index';
import type { Commitment } from '../../src/core/types';
import { EVERY_RULE, resolveLayout } from '../../src/core/layout/layout';
import { proposeLayout } from '../../src/core/setup/propose';
import type { SynthVault } from '../synth-vault';
import { round } from '../util';

export const FLEXIBLE_LAYOUT = resolveLayout({
  sessionTypes: ['session', 'meeting', '1-1', 'coaching'],
  clientTypes: ['client', 'person'],
  clientKeys: ['coachee', 'person', 'with'],
  attendeeKeys: ['attendees'],
  dateKeys: ['meeting_date', 'created'],
  ...EVERY_RULE,
  coachNames: ['Sam Rivera', 'Sam', 'Me', 'I'],
});

function indexMs(vault: SynthVault, layout: ReturnType<typeof resolveLayout> | null, batch = 2000): { ms: number; commitments: number; repeats: number } {
  const index = new VaultIndex(layout ? { layout } : {});
  let ms = 0;
  for (let from = 0; from < vault.noteCount; from += batch) {
    const entries = vault.batch(from, from + batch);
    const t = performance.now();
    index.setNotes(entries);
    ms += performance.now() - t;
  }
  const all = index.commitments();
  return { ms, commitments: all.length, repeats: bareRepeats(all) };
}

/**
 * Bare items written twice in one session (same text, owner, box and due date, no details of
 * their own): the flexible layout counts each once, as docs/note-format.md says, so the two
 * readings of a vault differ by exactly these (the generator writes a few by chance).
 */
function bareRepeats(list: readonly Commitment[]): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const c of list) {
    if (c.id !== null || c.checkIns.length > 0 || c.trigger !== null || c.coping !== null || c.notes.length > 0 || c.learned.length > 0 || c.confidence !== null) continue;
    const key = `${c.sessionKey}\u0000${c.owner}\u0000${c.checkbox}\u0000${c.dueIsDefault ? '' : c.due}\u0000${c.text}`;
    if (seen.has(key)) repeats++;
    else seen.add(key);
  }
  return repeats;
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
    // The same commitments, but for the bare repeats the flexible layout counts once.
    same &&= a.commitments - a.repeats === b.commitments;
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
