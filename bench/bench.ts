/**
 * `npm run bench`: indexes a synthetic vault (bench/synth-vault.ts) and prints ONE JSON object on
 * stdout, plus a one-line summary on stderr.
 *
 *   node --expose-gc dist/bench.js [--clients 2000] [--sessions 25] [--commitments 3] [--runs 500]
 *     [--full-runs 3] [--seed N] [--client-yaml-share 0.15] [--session-yaml-share 0.1] [--no-cross-check]
 *     [--startup-notes 50000] [--startup-coaching 12000] [--no-startup] [--no-calendar]
 *
 * Adding a section (roster timing, queries…): write `measureX(...)` in bench/measures/x.ts that
 * returns a plain JSON-able object, call it in `main` below in the order it needs (the fully
 * built index is `index`), put its result under its own key in `report`, and, if it has a
 * target, add an entry to `targets`. Sections that allocate a lot should run after `heap`.
 */
import * as os from 'node:os';
import type { VaultIndex } from '../src/core/index/vault-index';
import { DEFAULT_SYNTH_OPTIONS, SynthVault } from './synth-vault';
import { setYamlParser } from '../src/core/parse/yaml';
import { yamlPackageParser } from '../src/cli/yaml';
import { measureFullIndex, measureSingleCall } from './measures/full-index';
import { measureBaseline, measureHeap } from './measures/heap';
import { measureReindex } from './measures/reindex';
import { measureCalendar } from './measures/calendar';
import { measureYamlShare } from './measures/yaml-share';
import { measureRoster } from './measures/roster';
import { measurePathological } from './measures/pathological';
import { measureLayoutRules } from './measures/layout-rules';
import { measureBrowserRoster } from './measures/browser-roster';
import { DEFAULT_STARTUP_OPTIONS, measureStartup } from './measures/startup';
import { measurePractice, PRACTICE_TARGET_MS } from './practice';
import { measureLineScan } from './measures/line-scan';
import { measureMinimalReader } from './measures/minimal-reader';
import { measureColdRoster } from './measures/cold-roster';
import { measureFirstRoster } from './measures/first-roster';
import { DEFAULT_SCALES, measureScaling } from './measures/scaling';
import { gcAvailable, numberArg, parseArgs, round } from './util';

const TARGETS = { indexRatio: 4, coldRosterRatio: 1, firstRosterSliceMs: 50, heapMB: 250, pathologicalSlowerBy: 10, startupLongestSliceMs: 50, fullIndexMs: 1500, reindexP95Ms: 2, rosterMs: 150, rosterOneClientP95Ms: 2, rosterModelLiveP95Ms: 2, practiceFiguresMs: PRACTICE_TARGET_MS, rosterRender500Ms: 100, rosterLiveUpdateMs: 16 } as const;

interface Target {
  limit: number;
  value: number | null;
  pass: boolean;
}

function target(limit: number, value: number | null | undefined): Target {
  const v = value ?? null;
  return { limit, value: v, pass: v !== null && Number.isFinite(v) && v <= limit };
}

const HELP = `usage: node --expose-gc dist/bench.js [--clients N] [--sessions N] [--commitments N] [--runs N]
  [--full-runs N] [--seed N] [--client-yaml-share F] [--session-yaml-share F] [--no-cross-check]
  [--startup-notes N] [--startup-coaching N] [--no-startup] [--scale [CLIENTS,CLIENTS,…]] [--no-practice] [--no-browser] [--no-layout] [--no-calendar]`;

async function main(argv: readonly string[]): Promise<void> {
  setYamlParser(yamlPackageParser); // as the command line reads frontmatter
  const args = parseArgs(argv);
  if (args.has('help')) {
    process.stderr.write(HELP + '\n');
    return;
  }
  const int = { integer: true, min: 0 };
  const parameters = {
    clients: numberArg(args, 'clients', DEFAULT_SYNTH_OPTIONS.clients, int),
    sessionsPerClient: numberArg(args, 'sessions', DEFAULT_SYNTH_OPTIONS.sessionsPerClient, int),
    commitmentsPerSession: numberArg(args, 'commitments', DEFAULT_SYNTH_OPTIONS.commitmentsPerSession, int),
    seed: numberArg(args, 'seed', DEFAULT_SYNTH_OPTIONS.seed, int),
    clientYamlShare: numberArg(args, 'client-yaml-share', DEFAULT_SYNTH_OPTIONS.clientYamlShare, { min: 0 }),
    sessionYamlShare: numberArg(args, 'session-yaml-share', DEFAULT_SYNTH_OPTIONS.sessionYamlShare, { min: 0 }),
    runs: numberArg(args, 'runs', 500, { integer: true, min: 1 }),
    fullRuns: numberArg(args, 'full-runs', 3, { integer: true, min: 1 }),
  };
  const environment = { node: process.version, cpus: os.cpus().length, loadAvg1AtStart: round(os.loadavg()[0], 2), loadAvg1AtEnd: 0 };
  if (!gcAvailable) process.stderr.write('bench: warning: run with node --expose-gc; heap figures are not after a full GC\n');

  const baselineMB = measureBaseline();
  const vault = new SynthVault({
    clients: parameters.clients,
    sessionsPerClient: parameters.sessionsPerClient,
    commitmentsPerSession: parameters.commitmentsPerSession,
    seed: parameters.seed,
    clientYamlShare: parameters.clientYamlShare,
    sessionYamlShare: parameters.sessionYamlShare,
  });
  if (vault.noteCount === 0) throw new Error('the vault is empty: give --clients and --sessions above 0');

  // ---- sections ------------------------------------------------------------------------------
  const lineScan = measureLineScan(vault, parameters.fullRuns);
  // The floor under the index's ratio: the least reader of this vault's one note shape.
  const minimalReader = measureMinimalReader(vault, parameters.fullRuns);
  const built = await measureFullIndex(vault, { runs: parameters.fullRuns });
  const full = built.result;
  let index: VaultIndex | null = built.index;
  built.index = null; // `index` is now the only reference, so releasing it below frees the index
  if (index === null) throw new Error('the full index produced no index');
  const asOf = args.get('as-of') === undefined ? '2026-12-01' : String(args.get('as-of'));
  const heap = measureHeap(baselineMB, index);
  // The first query of the fresh index; the heap after it includes what a shown roster keeps (per-client commitments and chains).
  const coldRoster = measureColdRoster(index, asOf);
  const heapAfterRoster = measureHeap(baselineMB, index);
  const reindex = measureReindex(vault, index, { runs: parameters.runs, warmup: 50, seed: parameters.seed });
  const yaml = measureYamlShare(vault, full.fullIndexMs);
  // (sections that query the built index go here, before it is released)
  const rosterResult = measureRoster(vault, index, { asOf, runs: 5, oneClientRuns: 300, seed: parameters.seed });
  const calendar = args.has('no-calendar') ? null : measureCalendar(vault, index, asOf, { runs: 30, checked: 3, seed: parameters.seed });
  index = null;
  // The first roster as the plugin shows it: the clients' figures worked out ahead in slices, then read.
  const firstRoster = measureFirstRoster(vault, asOf, { seed: parameters.seed, runs: 50 });
  const pathological = measurePathological();
  const layoutRules = args.has('no-layout') ? null : measureLayoutRules(vault, 1);
  const practice = args.has('no-practice') ? null : measurePractice();
  const browserRoster = args.has('no-browser') ? null : await measureBrowserRoster();
  const rendered = browserRoster && 'firstRender500Ms' in browserRoster ? browserRoster : null;
  const crossCheck = args.has('no-cross-check') ? null : measureSingleCall(vault);
  const startup = args.has('no-startup')
    ? null
    : await measureStartup({
        notes: numberArg(args, 'startup-notes', DEFAULT_STARTUP_OPTIONS.notes, int),
        coachingNotes: numberArg(args, 'startup-coaching', DEFAULT_STARTUP_OPTIONS.coachingNotes, int),
        seed: parameters.seed,
      });

  const scaleArg = args.get('scale');
  const scaling =
    scaleArg === undefined
      ? null
      : await measureScaling(
          { sessionsPerClient: parameters.sessionsPerClient, commitmentsPerSession: parameters.commitmentsPerSession, seed: parameters.seed },
          scaleArg === true ? DEFAULT_SCALES : String(scaleArg).split(',').map((x) => Number(x)).filter((x) => Number.isInteger(x) && x > 0),
          asOf,
        );
  const indexRatio = round(full.fullIndexMs / Math.max(0.001, lineScan.lineScanMs), 2);
  const coldRosterRatio = round(coldRoster.coldRosterMs / Math.max(0.001, lineScan.lineScanMs), 2);
  const floor = {
    ...minimalReader,
    readRatio: round(minimalReader.readMs / Math.max(0.001, lineScan.lineScanMs), 2),
    keptRatio: round(minimalReader.keptMs / Math.max(0.001, lineScan.lineScanMs), 2),
    /** The full index against the least reader that keeps its records. */
    indexOverKept: round(full.fullIndexMs / Math.max(0.001, minimalReader.keptMs), 2),
  };
  // The roster's ratio is the first roster model's read once the work ahead is done (the one block a coach waits on).
  const firstRosterRatio = round(firstRoster.firstModelMs / Math.max(0.001, lineScan.lineScanMs), 2);

  // ---- report --------------------------------------------------------------------------------
  const targets = {
    ...(startup
      ? {
          startupLongestSliceMs: target(TARGETS.startupLongestSliceMs, startup.startup.longestSliceCpuMs),
          // Start-up reads the candidate notes and only those (and there are some: none read is a broken start-up, not a fast one).
          startupReadsCandidatesOnly: { limit: 0, value: startup.filesRead - startup.candidates, pass: startup.candidates > 0 && startup.filesRead === startup.candidates },
        }
      : {}),
    fullIndexMs: target(TARGETS.fullIndexMs, full.fullIndexMs),
    indexRatio: target(TARGETS.indexRatio, indexRatio),
    coldRosterRatio: target(TARGETS.coldRosterRatio, firstRosterRatio),
    firstRosterSliceMs: target(TARGETS.firstRosterSliceMs, firstRoster.longestSliceMs),
    heapMB: target(TARGETS.heapMB, gcAvailable ? heap.heapMB : null),
    reindexP95Ms: target(TARGETS.reindexP95Ms, reindex?.p95Ms),
    rosterMs: target(TARGETS.rosterMs, rosterResult.rosterMs),
    pathologicalSlowerBy: target(TARGETS.pathologicalSlowerBy, full.MBps / Math.max(0.001, Math.min(pathological.defaultLayoutMBps, pathological.flexibleLayoutMBps))),
    rosterOneClientP95Ms: target(TARGETS.rosterOneClientP95Ms, rosterResult.oneClient.p95Ms),
    // Issue 13: "the live update after a one-note change stays under 2 ms p95" (the work ahead and the whole roster model).
    rosterModelLiveP95Ms: target(TARGETS.rosterModelLiveP95Ms, firstRoster.liveUpdate.p95Ms),
    ...(practice ? { practiceFiguresMs: target(TARGETS.practiceFiguresMs, practice.practiceFiguresMs) } : {}),
    ...(rendered
      ? { rosterRender500Ms: target(TARGETS.rosterRender500Ms, rendered.firstRender500Ms), rosterLiveUpdateMs: target(TARGETS.rosterLiveUpdateMs, rendered.liveUpdate2000Ms) }
      : {}),
  };
  environment.loadAvg1AtEnd = round(os.loadavg()[0], 2);
  const report = {
    parameters,
    environment,
    notes: full.notes,
    clientNotes: full.clientNotes,
    sessionNotes: full.sessionNotes,
    commitments: full.commitments,
    expectedCommitments: full.expectedCommitments,
    diagnostics: full.diagnostics,
    totalMB: full.totalMB,
    avgNoteKB: full.avgNoteKB,
    lineScan,
    fullIndexMs: full.fullIndexMs,
    indexRatio,
    minimalReader: floor,
    coldRoster: { ...coldRoster, ratio: coldRosterRatio },
    firstRoster: { ...firstRoster, ratio: firstRosterRatio, indexAndAheadMs: round(full.fullIndexMs + firstRoster.prepareMs, 1) },
    scaling,
    fullIndexRunsMs: full.runsMs,
    fullIndexRunsGcMs: full.runsGcMs,
    fullIndexRunsCpuMs: full.runsCpuMs,
    method: full.method,
    MBps: full.MBps,
    heapMB: heap.heapMB,
    heap,
    heapAfterRoster,
    yamlShare: yaml.yamlShare,
    yaml,
    reindexOneNote: reindex,
    fullIndexCrossCheck: crossCheck,
    roster: rosterResult,
    calendarFile: calendar,
    pathologicalLines: { ...pathological, ordinaryMBps: full.MBps, slowerBy: round(full.MBps / Math.max(0.001, Math.min(pathological.defaultLayoutMBps, pathological.flexibleLayoutMBps)), 1) },
    layoutRules,
    practice,
    browserRoster,
    startup,
    targets: { ...targets, allPass: Object.values(targets).every((t) => t.pass) },
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');

  const mark = (t: Target) => (t.pass ? 'ok' : 'MISS');
  process.stderr.write(
    `bench: ${full.notes} notes, ${full.commitments} commitments, ${full.totalMB} MB: line scan ${lineScan.lineScanMs} ms, full index ${full.fullIndexMs} ms (${full.MBps} MB/s, ×${indexRatio} the line scan) [${mark(targets.indexRatio)} ≤×${TARGETS.indexRatio}], ` +
      `the least reader of this note shape ${floor.readMs} ms (×${floor.readRatio}), keeping what it reads ${floor.keptMs} ms (×${floor.keptRatio}; the index is ×${floor.indexOverKept} that), ` +
      `first roster ${firstRoster.firstModelMs} ms (×${firstRosterRatio} the line scan) [${mark(targets.coldRosterRatio)} ≤×${TARGETS.coldRosterRatio}] after ${firstRoster.prepareMs} ms worked out ahead in ${firstRoster.slices} slices, longest ${firstRoster.longestSliceMs} ms [${mark(targets.firstRosterSliceMs)} ≤${TARGETS.firstRosterSliceMs}] ` +
      `(index + work ahead ${round(full.fullIndexMs + firstRoster.prepareMs, 1)} ms, ×${round((full.fullIndexMs + firstRoster.prepareMs) / Math.max(0.001, lineScan.lineScanMs), 1)}; the roster in one synchronous call, unprepared: ${coldRoster.coldRosterMs} ms, ×${coldRosterRatio}), ` +
      `roster model after a one-note change p95 ${firstRoster.liveUpdate.p95Ms} ms [${mark(targets.rosterModelLiveP95Ms)} ≤${TARGETS.rosterModelLiveP95Ms}], Today (${firstRoster.today.items} nudges) ${firstRoster.today.firstModelMs} ms after ${firstRoster.today.ahead.ms} ms ahead in ${firstRoster.today.ahead.slices} slices (longest ${firstRoster.today.ahead.longestSliceMs} ms), after a one-note change p95 ${firstRoster.today.liveUpdate.p95Ms} ms, practice view ${firstRoster.practice.firstMs} ms after ${firstRoster.practice.ahead.ms} ms ahead in ${firstRoster.practice.ahead.slices} slices (longest ${firstRoster.practice.ahead.longestSliceMs} ms), after a one-note change p95 ${firstRoster.practice.liveUpdate.p95Ms} ms, ` +
      `heap ${heap.heapMB} MB [${mark(targets.heapMB)} ≤${TARGETS.heapMB}] (${heapAfterRoster.heapMB} MB once the roster is shown), ` +
      `re-index p95 ${reindex?.p95Ms ?? 'n/a'} ms [${mark(targets.reindexP95Ms)} ≤${TARGETS.reindexP95Ms}], yaml ${(yaml.yamlShare * 100).toFixed(1)}% of index time, ` +
      `pathological lines ${pathological.defaultLayoutMBps}/${pathological.flexibleLayoutMBps} MB/s [${mark(targets.pathologicalSlowerBy)} within 10× of ${full.MBps}], ` +
      (layoutRules ? `layout rules on: ${layoutRules.flexibleMs} ms vs ${layoutRules.defaultMs} ms (×${layoutRules.ratio}, same commitments but bare repeats: ${layoutRules.sameCommitments}), set-up proposal ${layoutRules.proposeMs} ms, ` : '') +
      `warm roster ${rosterResult.rosterMs} ms [${mark(targets.rosterMs)} ≤${TARGETS.rosterMs}], one client p95 ${rosterResult.oneClient.p95Ms} ms [${mark(targets.rosterOneClientP95Ms)} ≤${TARGETS.rosterOneClientP95Ms}]` +
      (calendar ? `, calendar file (${calendar.events} events, ${calendar.MB} MB) ${calendar.firstBuildMs} ms (worked out ahead in ${calendar.ahead.slices} slices, longest ${calendar.ahead.longestSliceMs} ms, then ${calendar.ahead.buildAfterMs} ms), again after a one-note change p95 ${calendar.afterEditP95Ms} ms (from nothing ${calendar.fromNothingMs} ms; ${calendar.mismatches} mismatches)` : '') +
      (practice ? `, practice ${practice.practiceFiguresMs} ms [${mark(targets.practiceFiguresMs!)} ≤${TARGETS.practiceFiguresMs}]` : '') +
      (rendered
        ? `, roster render 500 rows ${rendered.firstRender500Ms} ms [${mark(targets.rosterRender500Ms!)} ≤100], 2000 rows ${rendered.firstRender2000Ms} ms, live update ${rendered.liveUpdate2000Ms} ms [${mark(targets.rosterLiveUpdateMs!)} ≤16]`
        : '') +
      (startup
        ? `, start-up ${startup.filesRead} of ${startup.notes} files read (${startup.candidates} candidates) in ${startup.startup.totalMs} ms, longest slice ${startup.startup.longestSliceCpuMs} ms CPU (${startup.startup.longestSliceMs} ms wall) [${mark(targets.startupLongestSliceMs!)} ≤${TARGETS.startupLongestSliceMs}] [${mark(targets.startupReadsCandidatesOnly!)} candidates only]; with reads of ${startup.withDisk.readUs} µs ${startup.withDisk.lanes} at a time (${startup.withDisk.diskMs} ms of disk) ${startup.withDisk.totalMs} ms`
        : '') +
      '\n' +
      (scaling
        ? scaling
            .map((r) => `bench: scale ${r.notes} notes (${r.MB} MB): line scan ${r.lineScanMs} ms, index ${r.fullIndexMs} ms (×${r.indexRatio}, ${r.indexUsPerNote} µs/note), cold roster ${r.coldRosterMs} ms (×${r.rosterRatio}, ${r.rosterUsPerClient} µs/client), heap ${r.heapMB} MB\n`)
            .join('')
        : ''),
  );
  if (full.commitments !== full.expectedCommitments) {
    process.stderr.write(`bench: warning: index found ${full.commitments} commitments, generator wrote ${full.expectedCommitments}\n`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
