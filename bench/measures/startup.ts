/**
 * Start-up in Obsidian, over the in-memory fake (tests/fakes/obsidian.ts): a vault of mostly
 * ordinary notes with the coaching notes among them, every note's metadata cache ready (as
 * Obsidian has it from its last run), then the plugin's own VaultIndexer reading the vault as it
 * does once the layout is ready. Reported: notes in the vault, candidates, files read (must equal
 * the candidates), the total time, and the longest synchronous slice, measured from outside as the
 * longest wait of a zero-delay timer chain running alongside (the UI's turn: a keystroke, a paint).
 * A re-read with new reading settings (swapped in at once) is timed the same way.
 */
import { AgreementIndex } from '../../src/core/agreements/store';
import { VaultIndex } from '../../src/core/index/vault-index';
import { VaultIndexer } from '../../src/obsidian/vault-indexer';
import { getAllTags, MetadataCache, Vault } from '../../tests/fakes/obsidian';
import { hash32, Rng } from '../prng';
import { SynthVault } from '../synth-vault';
import { collect, now, quantile, round } from '../util';

export interface StartupOptions {
  notes: number;
  coachingNotes: number;
  seed: number;
}

export const DEFAULT_STARTUP_OPTIONS: Readonly<StartupOptions> = Object.freeze({ notes: 50_000, coachingNotes: 12_000, seed: 20261203 });

export interface SliceFigures {
  totalMs: number;
  totalCpuMs: number;
  /** The longest the UI waited for a turn while the indexer worked (wall time). */
  longestSliceMs: number;
  /** The same in this process's CPU time: the work done while the UI waited, without the time the machine gave to others. */
  longestSliceCpuMs: number;
  p95SliceMs: number;
  p95SliceCpuMs: number;
  /** Turns the UI got while the indexer worked. */
  uiTurns: number;
}

export interface StartupResult {
  method: string;
  notes: number;
  coachingNotes: number;
  candidates: number;
  filesRead: number;
  indexedNotes: number;
  commitments: number;
  expectedCommitments: number;
  startup: SliceFigures;
  /** New reading settings: every candidate re-read, then swapped in at once (one synchronous parse). */
  reread: SliceFigures & { filesRead: number };
  /**
   * Start-up again into a fresh index, with each read taking disk time (see `DISK`), as on
   * desktop: what reading costs beside parsing, and how much of it the parse hides.
   */
  withDisk: SliceFigures & { readUs: number; lanes: number; diskMs: number };
}

/** A note read from disk by Obsidian on desktop: a file system read on Node's pool of four threads, about 100 µs each for a small file. */
export const DISK = { readUs: 100, lanes: 4 } as const;

const TOPICS = ['Recipes', 'Reading', 'Projects', 'Journal', 'Travel', 'Garden', 'Research', 'Meetings'] as const;
const HEADINGS = ['Notes', 'Ideas', 'Ingredients', 'Summary', 'Links', 'Questions', 'Log', 'Tasks'] as const;
const WORDS = 'the a of to and in that it with for on as was at by an be this from or have not are but which one all were when we there can more if out so what up about into than them could only other new some time very'.split(' ');

/** An ordinary note (no coaching in it): prose, headings, lists and tasks, tags, links, sometimes frontmatter. */
function plainNote(i: number, seed: number): [string, string] {
  const rng = new Rng(hash32(seed, i));
  const topic = TOPICS[rng.int(TOPICS.length)];
  const lines: string[] = [];
  if (rng.chance(0.4)) lines.push('---', `title: ${topic} ${i}`, `tags: [${topic.toLowerCase()}, note]`, `created: 2025-0${1 + rng.int(9)}-1${rng.int(10)}`, '---');
  lines.push(`# ${topic} ${i}`, '');
  const sections = 1 + rng.int(4);
  for (let s = 0; s < sections; s++) {
    lines.push(`## ${HEADINGS[rng.int(HEADINGS.length)]}`);
    const n = 2 + rng.int(6);
    for (let k = 0; k < n; k++) {
      const words = Array.from({ length: 6 + rng.int(14) }, () => WORDS[rng.int(WORDS.length)]).join(' ');
      const kind = rng.int(4);
      if (kind === 0) lines.push(`- ${words}`);
      else if (kind === 1) lines.push(`- [${rng.chance(0.5) ? 'x' : ' '}] ${words}`);
      else lines.push(`${words} #${topic.toLowerCase()} [[${topic} ${rng.int(1000)}]].`);
    }
    lines.push('');
  }
  return [`${topic}/${i}.md`, lines.join('\n')];
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs `work` with a zero-delay timer chain alongside, and reports how long each of its turns
 * waited: in wall time, and in this process's CPU time (on a shared machine the wall figure also
 * counts the time the process was not running at all; the CPU figure is the work done meanwhile,
 * the garbage collector's included).
 */
async function withUiTurns(work: () => Promise<void>): Promise<SliceFigures> {
  // Start from a collected heap (the setup's garbage is not the indexer's), and let the
  // collector's sweeping finish before the clock starts.
  collect();
  await new Promise((r) => setTimeout(r, 200));
  const gaps: number[] = [];
  const cpuGaps: number[] = [];
  let running = true;
  let last = now();
  let lastCpu = cpuMs();
  const turn = () => {
    const t = now();
    const c = cpuMs();
    gaps.push(t - last);
    cpuGaps.push(c - lastCpu);
    last = t;
    lastCpu = c;
    if (running) setTimeout(turn, 0);
  };
  setTimeout(turn, 0);
  const start = now();
  const startCpu = cpuMs();
  await work();
  const totalMs = now() - start;
  const totalCpuMs = cpuMs() - startCpu;
  running = false;
  turn();
  return {
    totalMs: round(totalMs, 1),
    totalCpuMs: round(totalCpuMs, 1),
    longestSliceMs: round(Math.max(...gaps), 1),
    longestSliceCpuMs: round(Math.max(...cpuGaps), 1),
    p95SliceMs: round(quantile(gaps, 0.95), 1),
    p95SliceCpuMs: round(quantile(cpuGaps, 0.95), 1),
    uiTurns: gaps.length,
  };
}

export async function measureStartup(options: StartupOptions = DEFAULT_STARTUP_OPTIONS): Promise<StartupResult> {
  // The adapter uses window's timers, as Obsidian's review asks (popout windows); in Node the global is the window.
  const g = globalThis as { window?: unknown };
  g.window ??= globalThis;
  // Coaching notes from the benchmark's generator: clients and 24 sessions each.
  const sessionsPerClient = 24;
  const clients = Math.max(1, Math.round(options.coachingNotes / (sessionsPerClient + 1)));
  const synth = new SynthVault({ clients, sessionsPerClient, seed: options.seed });
  const vault = new Vault();
  const metadataCache = new MetadataCache();
  vault.metadataCache = metadataCache;
  // Interleave the ordinary notes with the coaching ones, as a real vault's file order would.
  const plain = Math.max(0, options.notes - synth.noteCount);
  const every = Math.max(1, Math.floor(plain / Math.max(1, synth.noteCount)));
  let p = 0;
  for (let i = 0; i < synth.noteCount; i++) {
    vault.seed(synth.path(i), synth.noteText(i));
    for (let k = 0; k < every && p < plain; k++, p++) vault.seed(...plainNote(p, options.seed));
  }
  for (; p < plain; p++) vault.seed(...plainNote(p, options.seed));

  const index = new VaultIndex();
  const indexer = new VaultIndexer({ vault, metadataCache } as never, index, new AgreementIndex(), { getAllTags: getAllTags as never });
  let candidates = 0;
  const stop = indexer.progress.subscribe((p) => (candidates = Math.max(candidates, p?.total ?? 0)));
  const startup = await withUiTurns(() => indexer.indexAll());
  stop();
  const filesRead = [...vault.readCounts.values()].reduce((a, b) => a + b, 0);
  const commitments = index.commitments().length;
  const indexedNotes = index.size;

  vault.readCounts.clear();
  const reread = await withUiTurns(() => indexer.reindex({ ...index.settings, dueLeadDays: index.settings.dueLeadDays + 1 }));
  const rereadFiles = [...vault.readCounts.values()].reduce((a, b) => a + b, 0);

  const diskIndex = new VaultIndex();
  const diskIndexer = new VaultIndexer({ vault, metadataCache } as never, diskIndex, new AgreementIndex(), { getAllTags: getAllTags as never });
  vault.simulateDisk(DISK);
  const withDisk = await withUiTurns(() => diskIndexer.indexAll());
  vault.simulateDisk(null);
  if (diskIndex.size !== indexedNotes) throw new Error(`start-up with disk reads indexed ${diskIndex.size} notes, not ${indexedNotes}`);

  return {
    method: `fake vault, metadata cache ready for every note; VaultIndexer.indexAll() then reindex(new settings), then indexAll() into a fresh index with reads of ${DISK.readUs} µs on ${DISK.lanes} lanes; slices = longest wait of a setTimeout(0) chain alongside`,
    notes: vault.getMarkdownFiles().length,
    coachingNotes: synth.noteCount,
    candidates,
    filesRead,
    indexedNotes,
    commitments,
    expectedCommitments: synth.expectedCommitments,
    startup,
    reread: { ...reread, filesRead: rereadFiles },
    withDisk: { ...withDisk, ...DISK, diskMs: round((candidates * DISK.readUs) / DISK.lanes / 1000, 1) },
  };
}
