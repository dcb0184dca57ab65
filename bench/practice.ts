/**
 * Practice figures at scale: a practice of 20 coaches and 600 clients with a year of biweekly
 * sessions (26 a year each, less those a coach's slips skip and those after an ended client's last:
 * ≈13,500 session notes, 3 commitments each, ≈38,000 commitments), indexed once, then
 * `practiceFigures(index, asOf)` (every figure for every coach, 8 weekly trend points each) timed
 * on its own, median of several runs. Target: 300 ms.
 *
 * The vault is generated here rather than by synth-vault.ts, whose clients have four coaches and
 * mixed cadences: this one needs many coaches, one rhythm, and the practice-level detail the
 * figures read (coach-owned items, nudges and late check-ins, done dates, milestones with done
 * dates, the promise/outcomes convention). Each coach has its own habits (how often sessions
 * slip, how quickly overdue items get a check-in), so the figures differ between coaches. Every
 * note's text is a pure function of (seed, client, session); nothing reads Math.random or the clock.
 *
 *   import { measurePractice } from './practice';
 *   const practice = measurePractice();   // → report.practice; target practiceFiguresMs ≤ 300
 *
 * On a shared machine read `practiceFiguresCpuMs` next to the wall-clock median: other work on
 * the machine inflates wall time, not the process's CPU time.
 */
import * as os from 'node:os';
import { roster } from '../src/core/analytics/roster';
import { VaultIndex } from '../src/core/index/vault-index';
import { practiceFigures } from '../src/core/practice/figures';
import { hash32, Rng } from './prng';
import { collect, median, now, round } from './util';

export interface PracticeBenchOptions {
  coaches: number;
  clients: number;
  /** Days of history before the as-of date. */
  days: number;
  cadence: number;
  commitmentsPerSession: number;
  /** Timed runs of practiceFigures; the median is reported. */
  runs: number;
  /** Untimed runs first. */
  warmup: number;
  seed: number;
  asOf: string;
}

export const DEFAULT_PRACTICE_BENCH: Readonly<PracticeBenchOptions> = Object.freeze({
  coaches: 20,
  clients: 600,
  days: 365,
  cadence: 14,
  commitmentsPerSession: 3,
  runs: 7,
  warmup: 3,
  seed: 20261203,
  asOf: '2026-12-01',
});

export const PRACTICE_TARGET_MS = 300;

export interface PracticeBenchResult {
  method: string;
  parameters: PracticeBenchOptions;
  notes: number;
  clientNotes: number;
  sessionNotes: number;
  commitments: number;
  indexMs: number;
  /** Median of the timed runs of practiceFigures (all coaches, all figures, 8 trend points). */
  practiceFiguresMs: number;
  runsMs: number[];
  /** Process CPU time (user + system) of each run: steadier than wall time on a shared machine. */
  practiceFiguresCpuMs: number;
  runsCpuMs: number[];
  /** For scale: one `roster(index, { asOf })` over the same vault (median of the same number of runs). */
  rosterMs: number;
  loadAvg1: number;
  targetMs: number;
  pass: boolean;
  /** A few of the figures, to see the vault gives the figures something to say. */
  sample: {
    coaches: number;
    activeClients: number;
    rhythmRatio: number | null;
    completionRate: number | null;
    caughtShare: number | null;
    followUpLagDays: number | null;
    coachOwnedOnTimeShare: number | null;
    escalations: number;
    clientsAtRisk: number;
    rhythmRatioRange: [number | null, number | null];
  };
}

// ---- the vault ----------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const COACH_FIRST = ['Sam', 'Priya', 'Alex', 'Jordan', 'Robin', 'Noor', 'Kai', 'Mina', 'Theo', 'Ines', 'Femi', 'Lea', 'Omar', 'Ruth', 'Joel', 'Ayla', 'Ivan', 'Zara', 'Hugo', 'Mei'];
const COACH_LAST = ['Rivera', 'Nair', 'Morgan', 'Lee', 'Adler', 'Haddad', 'Sato', 'Park', 'Brandt', 'Costa', 'Okoye', 'Vogel', 'Saleh', 'Stein', 'Quist', 'Demir', 'Petrov', 'Malik', 'Roux', 'Lin'];
const FIRST = ['Jane', 'Omar', 'Lucas', 'Mei', 'Daniel', 'Sofia', 'Kwame', 'Hannah', 'Mateo', 'Aisha', 'Tom', 'Ingrid', 'Ravi', 'Chloe', 'Jonas', 'Fatima', 'Liam', 'Yuki', 'Elena', 'Nadia', 'Oscar', 'Grace', 'Tariq', 'Leah', 'Finn'];
const LAST = ['Doe', 'Sharma', 'Moreau', 'Chen', 'Okafor', 'Rossi', 'Mensah', 'Schmidt', 'Garcia', 'Khan', 'Walsh', 'Larsen', 'Patel', 'Dubois', 'Weber', 'Ali', 'Murphy', 'Tanaka', 'Popescu', 'Brown', 'Nowak', 'Osei', 'Cohen', 'Byrne', 'Silva'];
const PROCESS = [
  'Send 10 outreach messages to past colleagues',
  'Draft the first page of the proposal',
  'Schedule two discovery calls',
  'Practice the pitch out loud three times',
  'Journal for ten minutes after work',
  'Block Friday mornings for deep work',
  'Write the About page for the website',
  'Ask Dana for feedback on the deck',
  'Post one article on LinkedIn',
  'Rehearse the difficult conversation with a friend',
  'Reach out to three people in the network',
  'Research pricing for the coaching package',
];
const OUTCOME = ['Land a new client', 'Close the deal with Northwind', 'Get an offer from a shortlisted company', 'Hit 10k in monthly revenue'];
const COACH_ITEMS = ['Send the article on time blocking', 'Share the values worksheet', 'Introduce them to the founders group'];
const MILESTONES = ['Launch the website', 'First paying client', 'Finish the certification', 'Run the first workshop'];

interface CoachHabits {
  name: string;
  /** Chance a planned session is skipped (not written at all). */
  slip: number;
  /** Chance an item still open after its due date gets a check-in, and how many days later at most. */
  followUp: number;
  followUpDays: number;
  /** Chance a coach-owned item is done by its due date. */
  ownOnTime: number;
}

function habits(seed: number, k: number): CoachHabits {
  const rng = new Rng(hash32(seed, 0xc0, k));
  return {
    name: `${COACH_FIRST[k % COACH_FIRST.length]} ${COACH_LAST[(k * 7) % COACH_LAST.length]}`,
    slip: 0.02 + rng.float() * 0.2,
    followUp: 0.3 + rng.float() * 0.65,
    followUpDays: 2 + rng.int(10),
    ownOnTime: 0.5 + rng.float() * 0.45,
  };
}

/** The practice vault's notes as [path, text], client notes first. */
export function practiceVault(options: Partial<PracticeBenchOptions> = {}): [string, string][] {
  const o = { ...DEFAULT_PRACTICE_BENCH, ...options };
  const end = dayOf(o.asOf);
  const coaches = Array.from({ length: o.coaches }, (_, k) => habits(o.seed, k));
  const clients: [string, string][] = [];
  const sessions: [string, string][] = [];
  for (let c = 0; c < o.clients; c++) {
    const rng = new Rng(hash32(o.seed, 0xc1, c));
    const coach = coaches[c % coaches.length];
    const name = `${FIRST[c % FIRST.length]} ${LAST[Math.floor(c / FIRST.length) % LAST.length]}${c >= FIRST.length * LAST.length ? ` ${c}` : ''}`;
    const status = rng.weighted<'active' | 'paused' | 'ended'>([['active', 90], ['paused', 5], ['ended', 5]]);
    const start = end - o.days + rng.int(o.cadence);
    const stop = status === 'ended' ? end - rng.int(120) : end;

    const fm = ['---', 'type: client', `coach: ${coach.name}`, `cadence: ${o.cadence === 14 ? 'biweekly' : o.cadence}`, 'accountability: check-in', `status: ${status}`];
    if (rng.chance(0.05)) fm.push(`paused_until: ${isoOf(end + rng.int(30))}`);
    fm.push('milestones:');
    for (let m = 0; m < 3; m++) {
      const due = start + 90 * (m + 1) + rng.int(30);
      const done = due < end && rng.chance(0.6) ? `${isoOf(due - rng.int(20))}` : 'false';
      fm.push(`  - {name: "${MILESTONES[(c + m) % MILESTONES.length]}", due: ${isoOf(due)}, done: ${done}}`);
    }
    if (rng.chance(0.5)) {
      fm.push(`promise: {text: "Land ${3 + rng.int(3)} new clients", target: ${3 + rng.int(3)}, by: ${isoOf(end + 60)}}`, 'outcomes:');
      let value = 0;
      for (let day = start + 30; day < end; day += 30 + rng.int(30)) fm.push(`  - {date: ${isoOf(day)}, value: ${++value}, note: "client ${value} signed"}`);
    }
    fm.push('---', `# ${name}`, '', 'Background and working agreement.', '');
    clients.push([`Clients/${name}.md`, fm.join('\n')]);

    // Sessions every cadence days (±1), some skipped by the coach's slip rate.
    const dates: number[] = [];
    for (let day = start, s = 0; day < stop; day += o.cadence, s++) {
      if (s > 0 && rng.chance(coach.slip)) continue;
      dates.push(day + (s === 0 ? 0 : rng.int(3) - 1));
    }
    let carried: string | null = null;
    dates.forEach((day, s) => {
      const srng = new Rng(hash32(o.seed, 0xc2, c, s));
      const next = s + 1 < dates.length ? dates[s + 1] : day + o.cadence;
      const status = srng.weighted<string>([['held', 94], ['cancelled', 3], ['no-show', 3]]);
      const lines = ['---', 'type: session', `client: "[[${name}]]"`, `date: ${isoOf(day)}`];
      if (s + 1 < dates.length || srng.chance(0.7)) lines.push(`next: ${isoOf(next)}`);
      lines.push(`status: ${status}`, '---', `# Session ${s + 1}`, '', 'Notes from the session.', '', '## Commitments');
      if (status === 'held') {
        for (let k = 0; k < o.commitmentsPerSession; k++) {
          const coachOwned = srng.chance(0.08);
          const outcome = !coachOwned && srng.chance(0.1);
          const text = coachOwned ? `Coach: ${srng.pick(COACH_ITEMS)}` : outcome ? srng.pick(OUTCOME) : srng.pick(PROCESS);
          const explicit = srng.chance(0.5);
          const due = explicit ? day + 2 + srng.int(Math.max(1, next - day - 2)) : next - 2;
          const past = due < end;
          let box = ' ';
          let doneDay: number | null = null;
          if (past) {
            const onTime = coachOwned ? coach.ownOnTime : 0.7;
            const r = srng.float();
            if (r < onTime) {
              box = 'x';
              doneDay = due - srng.int(3);
            } else if (r < onTime + 0.1) {
              box = 'x';
              doneDay = due + 1 + srng.int(10);
            } else if (end - due > 35) {
              // Older items have mostly been settled one way or another by now.
              box = srng.weighted<string>([[' ', 1], ['/', 2], ['?', 1], ['-', 50], ['>', 46]]);
            } else {
              box = srng.weighted<string>([[' ', 15], ['/', 15], ['?', 5], ['-', 30], ['>', 35]]);
            }
          }
          const id = `c${c}s${s}k${k}`;
          const fields: string[] = [];
          if (explicit) fields.push(`[due:: ${isoOf(due)}]`);
          if (outcome) fields.push('[kind:: outcome]');
          if (doneDay !== null && doneDay < end && srng.chance(0.5)) fields.push(`[completion:: ${isoOf(doneDay)}]`);
          if (doneDay !== null && doneDay >= end) box = ' ';
          if (k === 0 && carried) fields.push(`[from:: ${carried}]`);
          lines.push(`- [${box}] ${text}${fields.length ? ' ' + fields.join(' ') : ''} ^${id}`);
          if (k === 0) carried = box === '>' ? id : null;
          if (srng.chance(0.3)) lines.push(`    - When I sit down on Monday, I'll start`);
          // The coach's follow-up on items not done by their due date.
          const outstanding = past && (box !== 'x' || (doneDay !== null && doneDay > due));
          if (outstanding && srng.chance(coach.followUp)) {
            const at = due + srng.int(coach.followUpDays + 1);
            if (at < end) {
              const word = box === 'x' && doneDay !== null && at >= doneDay ? 'done' : srng.pick(['partial', 'stuck', 'nudged']);
              lines.push(`    - ${isoOf(at)} ${word}: checked in`);
            }
          }
        }
      }
      lines.push('', '## Next time', '', 'Pick up where we left off.', '');
      sessions.push([`Sessions/${isoOf(day).slice(0, 4)}/${isoOf(day)} ${name}.md`, lines.join('\n')]);
    });
  }
  return [...clients, ...sessions];
}

// ---- the measurement ----------------------------------------------------------------------------

/** Builds and indexes the practice vault, then times `practiceFigures` (median of `runs`). */
export function measurePractice(options: Partial<PracticeBenchOptions> = {}): PracticeBenchResult {
  const o = { ...DEFAULT_PRACTICE_BENCH, ...options };
  const entries = practiceVault(o);
  const index = new VaultIndex();
  const t0 = now();
  index.setNotes(entries);
  const indexMs = now() - t0;

  collect();
  let figures = practiceFigures(index, o.asOf);
  for (let i = 1; i < o.warmup; i++) figures = practiceFigures(index, o.asOf);
  const runsMs: number[] = [];
  const runsCpuMs: number[] = [];
  // Back to back, as a view refreshing would run them: a forced full GC before each run shrinks
  // the young generation and makes the next run pay for regrowing it (2× on this benchmark).
  for (let i = 0; i < o.runs; i++) {
    const c0 = process.cpuUsage();
    const t = now();
    figures = practiceFigures(index, o.asOf);
    runsMs.push(now() - t);
    const c1 = process.cpuUsage(c0);
    runsCpuMs.push((c1.user + c1.system) / 1000);
  }
  const ms = median(runsMs);
  const rosterRuns: number[] = [];
  roster(index, { asOf: o.asOf });
  for (let i = 0; i < o.runs; i++) {
    const t = now();
    roster(index, { asOf: o.asOf });
    rosterRuns.push(now() - t);
  }
  const total = figures.total;
  const ratios = figures.coaches.map((c) => c.sessionRhythm.ratio).filter((r): r is number => r !== null);
  const r2 = (v: number | null) => (v === null ? null : round(v, 3));
  return {
    method: `generated vault (${o.coaches} coaches, ${o.clients} clients, ${o.days} days of sessions every ${o.cadence} days), indexed once with setNotes; practiceFigures(index, '${o.asOf}') with the promise/outcomes frontmatter reader (parsed once, cached), one GC, ${o.warmup} untimed run(s), then ${o.runs} runs back to back timed with performance.now (and process CPU time), median reported; the roster over the same index, timed the same way, for scale`,
    parameters: o,
    notes: entries.length,
    clientNotes: o.clients,
    sessionNotes: entries.length - o.clients,
    commitments: index.commitments().length,
    indexMs: round(indexMs, 1),
    practiceFiguresMs: round(ms, 1),
    runsMs: runsMs.map((v) => round(v, 1)),
    practiceFiguresCpuMs: round(median(runsCpuMs), 1),
    runsCpuMs: runsCpuMs.map((v) => round(v, 1)),
    rosterMs: round(median(rosterRuns), 1),
    loadAvg1: round(os.loadavg()[0], 2),
    targetMs: PRACTICE_TARGET_MS,
    pass: ms <= PRACTICE_TARGET_MS,
    sample: {
      coaches: figures.coaches.length,
      activeClients: total.activeClients,
      rhythmRatio: r2(total.sessionRhythm.ratio),
      completionRate: r2(total.completion.rate),
      caughtShare: r2(total.caughtSameWeek.share),
      followUpLagDays: total.followUpLagDays,
      coachOwnedOnTimeShare: r2(total.coachOwnedOnTime.share),
      escalations: total.escalations.length,
      clientsAtRisk: total.clientsAtRisk.length,
      rhythmRatioRange: [ratios.length ? r2(Math.min(...ratios)) : null, ratios.length ? r2(Math.max(...ratios)) : null],
    },
  };
}
