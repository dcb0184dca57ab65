/**
 * A synthetic coaching vault for the benchmark: client notes and session notes written the way
 * docs/note-format.md describes, in the mix of styles real vaults have (Dataview fields and Tasks
 * emoji, if-then sentences and `key: value` details, check-ins, block ids and `[from:: …]` chains,
 * the odd fenced block or HTML comment, and a share of frontmatter that needs the YAML library).
 *
 * Nothing is held in memory: every note's text is a pure function of (seed, note number) and is
 * built when asked for, so a heap figure taken while the vault is "open" measures the index, not
 * the generator. Note numbers run 0…clients-1 for client notes, then the session notes client by
 * client.
 */
import { hash32, Rng } from './prng';

export interface SynthOptions {
  clients: number;
  sessionsPerClient: number;
  commitmentsPerSession: number;
  seed: number;
  /**
   * Share of client notes with milestones/contact maps plus a `summary: |` block scalar: the
   * maps exercise the frontmatter fast path's block support, the block scalar sends the note to
   * the YAML library (the slow path) whatever the fast path learns.
   */
  clientYamlShare: number;
  /**
   * Share of session notes with a `tags:` list (block or flow style, as Obsidian's property
   * editor writes them), which also takes the YAML slow path.
   */
  sessionYamlShare: number;
  /** Share of session notes with an `agenda: |` block scalar, which only the YAML library reads. */
  sessionBlockScalarShare: number;
}

export const DEFAULT_SYNTH_OPTIONS: Readonly<SynthOptions> = Object.freeze({
  clients: 2000,
  sessionsPerClient: 25,
  commitmentsPerSession: 3,
  seed: 20261203,
  clientYamlShare: 0.15,
  sessionYamlShare: 0.1,
  sessionBlockScalarShare: 0.005,
});

// ---- dates --------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const BASE_DAY = Date.UTC(2025, 0, 6) / DAY_MS;

const isoCache = new Map<number, string>();

/** `YYYY-MM-DD` of an epoch day (cached: the generator asks for the same few thousand days). */
function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) isoCache.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return s;
}

// ---- word pools ---------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Jane', 'Omar', 'Priya', 'Lucas', 'Mei', 'Daniel', 'Sofia', 'Kwame', 'Hannah', 'Mateo',
  'Aisha', 'Tom', 'Ingrid', 'Ravi', 'Chloe', 'Jonas', 'Fatima', 'Liam', 'Yuki', 'Elena',
  'Samuel', 'Nadia', 'Oscar', 'Grace', 'Tariq', 'Leah', 'Finn', 'Amara', 'Hugo', 'Zoe',
  'Kenji', 'Rosa', 'Ben', 'Lena', 'Diego', 'Maya', 'Ethan', 'Noor', 'Felix', 'Isla',
  'Arjun', 'Clara', 'Marcus', 'Ada', 'Pablo', 'Eva', 'Theo', 'Sara', 'Idris', 'Nina',
] as const;

const LAST_NAMES = [
  'Doe', 'Haddad', 'Sharma', 'Moreau', 'Chen', 'Okafor', 'Rossi', 'Mensah', 'Schmidt', 'Garcia',
  'Khan', 'Walsh', 'Larsen', 'Patel', 'Dubois', 'Weber', 'Ali', 'Murphy', 'Tanaka', 'Popescu',
  'Brown', 'Nowak', 'Lindqvist', 'Osei', 'Farouk', 'Cohen', 'Byrne', 'Adeyemi', 'Laurent', 'Fischer',
  'Sato', 'Silva', 'Clarke', 'Meyer', 'Torres', 'Reddy', 'Hughes', 'Rahman', 'Novak', 'Ferreira',
  'Iyer', 'Keller', 'Evans', 'Lovelace', 'Ruiz', 'Jansen', 'Baker', 'Nilsson', 'Bello', 'Kowalski',
] as const;

const COACHES = ['Sam Rivera', 'Alex Morgan', 'Jordan Lee', 'Robin Adler'] as const;

const PROSE = [
  '{first} arrived energised and opened with the win from last week.',
  'We spent most of the hour on what gets in the way when the week fills up.',
  '{first} noticed a pattern: the plan holds until the first unexpected meeting.',
  'The conversation kept circling back to confidence rather than skill.',
  'We revisited the values exercise and the word that stood out was freedom.',
  'There was a lot of relief in naming the fear out loud.',
  'I asked what would make this week a success and the answer came quickly.',
  'We agreed to keep the commitments small enough to be almost boring.',
  '{first} wants to test the idea with two real people before investing more time.',
  'Energy was lower than usual; sleep has been poor since the move.',
  'We used the scaling question: from a 4 last time to a 6 today.',
  'The team restructure is still the background noise to everything.',
  'A good reminder that progress is not linear, and that a flat week is still data.',
  "{first} laughed when I pointed out how often 'should' came up.",
  "Next time we'll look at the calendar together and protect the mornings.",
  'Money came up again; the pricing conversation still feels heavy.',
  "We celebrated finishing the draft, even though it's rough.",
  'The board meeting went better than expected and the feedback was specific.',
  'I offered an observation about perfectionism and it landed.',
  'We practised the opening line of the negotiation twice.',
  '{first} is weighing two options and neither is clearly better yet.',
  "There's a trip coming up, so the commitments need to survive travel.",
  'We talked about boundaries with the old manager who still calls on Fridays.',
  'The accountability buddy idea got a cautious yes.',
  "Most of last session's commitments moved, one did not, and that's useful information.",
  '{first} described the week as "busy but mine", which felt like a shift.',
  'We mapped where the time actually went, hour by hour, for Tuesday.',
  'The new role starts in three weeks and the nerves are mostly excitement.',
] as const;

const PROCESS_TEXTS = [
  'Send 10 outreach messages to past colleagues',
  'Draft the first page of the proposal',
  'Schedule two discovery calls',
  'Practice the pitch out loud three times',
  'Journal for ten minutes after work',
  'Block Friday mornings for deep work',
  'Call the accountant about the quarterly filing',
  'Write the About page for the website',
  'Read chapter 4 of the negotiation book',
  'Walk 20 minutes at lunch on weekdays',
  'Ask Dana for feedback on the deck',
  "Review last month's spending",
  'Post one article on LinkedIn',
  "Decline two meetings that don't need me",
  'Delegate the weekly report to Sam',
  'Track energy levels each evening',
  'Book the venue for the workshop',
  'Update the CV with the new project',
  'Prepare three questions for the one-to-one',
  'Meditate before the morning stand-up',
  'Outline the talk for the conference',
  'Tidy the inbox down to twenty items',
  'Apply to two roles that fit the brief',
  'Say no to one new request this week',
  'Log every hour spent on admin',
  'Rehearse the difficult conversation with a friend',
  'Reach out to three people in the network',
  'Research pricing for the coaching package',
  'Set up the weekly review on Sunday evening',
  'Finish the first draft of chapter two',
] as const;

const OUTCOME_TEXTS = [
  'Land three new clients before the end of the quarter',
  'Get promoted to team lead',
  'Lose 3 kg by the next session',
  'Close the deal with Northwind',
  'Hit 10k in monthly revenue',
  'Secure funding for the pilot',
  'Get an offer from one of the shortlisted companies',
  'Win the tender for the council project',
  'Reach 500 newsletter subscribers',
] as const;

const COACH_TEXTS = [
  'Send the article on time blocking',
  'Share the values worksheet',
  'Introduce them to Priya from the founders group',
  'Check in by text on Thursday',
] as const;

const TRIGGERS = [
  'I sit down with my coffee on Monday',
  'I close the laptop at 5',
  'the kids are in bed',
  'I get back from the school run',
  'the weekly team meeting ends',
  'I open my calendar on Sunday night',
  'I park at the office',
] as const;

const ACTIONS = [
  "I'll send the first message",
  "I'll write for ten minutes",
  "I'll open the draft and fix one paragraph",
  "I'll put the next call in the diary",
  "I'll do the first rep before anything else",
] as const;

const OBSTACLES = [
  'Monday gets swallowed by meetings',
  'I feel too tired after work',
  'a client emergency comes in',
  'I start second-guessing the wording',
  'the kids are sick',
  'the train is cancelled',
] as const;

const RESPONSES = [
  "I'll do it first thing Tuesday",
  "I'll do just five minutes",
  "I'll block the next free slot",
  "I'll send the rough version anyway",
  "I'll ask my partner to cover bedtime",
] as const;

const CHECKIN_NOTES = [
  'meetings ate Monday',
  'sent four of ten',
  'felt easier than expected',
  'did it on the train',
  'forgot until Thursday',
  'half done, the rest is booked for Friday',
] as const;

const LEARNED = [
  'mornings work better than evenings',
  'a template cuts the time in half',
  'telling someone makes it stick',
  'smaller steps are fine',
  'the fear was bigger than the task',
] as const;

const DETAIL_NOTES = [
  "Dana said she's happy to review",
  'see the shared doc for the list',
  'linked to the Q3 goals',
  'wants to revisit this in two weeks',
  'resources: [[Outreach templates]]',
] as const;

const MILESTONES = [
  'Launch the website',
  'First paying client',
  'Finish the certification',
  'Hire a virtual assistant',
  'Run the first workshop',
  'Move to four-day week',
] as const;

const SESSION_TAGS = ['coaching', 'session', 'career', 'leadership', 'wellbeing', 'business'] as const;

// ---- client profiles ----------------------------------------------------------------------------

export interface ClientProfile {
  index: number;
  name: string;
  first: string;
  coach: string;
  cadenceDays: number;
  /** What the note's `cadence:` says, or null to leave the key out (the default, 14). */
  cadenceText: string | null;
  accountability: string;
  status: 'active' | 'paused' | 'ended';
  pausedUntil: string | null;
  yaml: boolean;
  startDay: number;
}

const CADENCES: readonly (readonly [readonly [string | null, number], number])[] = [
  [['weekly', 7], 20],
  [['biweekly', 14], 30],
  [['monthly', 28], 10],
  [['14', 14], 15],
  [['7', 7], 5],
  [['21', 21], 5],
  [[null, 14], 15],
];

const ACCOUNTABILITY = ['self-directed', 'check-in', 'check-in', 'active', 'active', 'consequences'] as const;

// ---- the vault ----------------------------------------------------------------------------------

export class SynthVault {
  readonly options: SynthOptions;
  readonly clientCount: number;
  readonly sessionCount: number;
  readonly noteCount: number;
  /** Commitments the index should find: every session note holds exactly commitmentsPerSession. */
  readonly expectedCommitments: number;

  constructor(options: Partial<SynthOptions> = {}) {
    this.options = { ...DEFAULT_SYNTH_OPTIONS, ...options };
    const { clients, sessionsPerClient, commitmentsPerSession } = this.options;
    for (const [k, v] of Object.entries({ clients, sessionsPerClient, commitmentsPerSession })) {
      if (!Number.isInteger(v) || v < 0) throw new Error(`${k} must be a whole number ≥ 0, not ${v}`);
    }
    this.clientCount = clients;
    this.sessionCount = clients * sessionsPerClient;
    this.noteCount = this.clientCount + this.sessionCount;
    this.expectedCommitments = this.sessionCount * commitmentsPerSession;
  }

  // ---- addressing ---------------------------------------------------------------------------

  isSession(i: number): boolean {
    return i >= this.clientCount;
  }

  /** The note number of client c's session s. */
  sessionNote(c: number, s: number): number {
    return this.clientCount + c * this.options.sessionsPerClient + s;
  }

  /** [client, session] of a session note number. */
  sessionOf(i: number): [number, number] {
    const k = i - this.clientCount;
    const spc = this.options.sessionsPerClient;
    return [Math.floor(k / spc), k % spc];
  }

  path(i: number): string {
    if (!this.isSession(i)) return `Clients/${this.client(i).name}.md`;
    const [c, s] = this.sessionOf(i);
    const date = iso(this.sessionDay(c, s));
    return `Sessions/${date.slice(0, 4)}/${date} ${this.client(c).name}.md`;
  }

  *paths(): IterableIterator<string> {
    for (let i = 0; i < this.noteCount; i++) yield this.path(i);
  }

  /** [path, text] pairs for notes from…to-1, each text built as the iteration reaches it. */
  *entries(from = 0, to = this.noteCount): IterableIterator<[string, string]> {
    for (let i = from; i < to; i++) yield [this.path(i), this.noteText(i)];
  }

  /** The same, materialised: for callers that build a batch outside a timer. */
  batch(from: number, to: number): [string, string][] {
    const out: [string, string][] = [];
    for (let i = from; i < Math.min(to, this.noteCount); i++) out.push([this.path(i), this.noteText(i)]);
    return out;
  }

  noteText(i: number): string {
    if (i < 0 || i >= this.noteCount) throw new RangeError(`no note ${i}`);
    return this.isSession(i) ? this.sessionText(i) : this.clientText(i);
  }

  // ---- clients ------------------------------------------------------------------------------

  client(c: number): ClientProfile {
    const seed = this.options.seed;
    const rng = new Rng(hash32(seed, 1, c));
    const F = FIRST_NAMES.length;
    const L = LAST_NAMES.length;
    const first = FIRST_NAMES[c % F];
    const round = Math.floor(c / (F * L));
    const name = `${first} ${LAST_NAMES[Math.floor(c / F) % L]}${round > 0 ? ` ${round + 1}` : ''}`;
    const [cadenceText, cadenceDays] = rng.weighted(CADENCES);
    const status = rng.weighted<'active' | 'paused' | 'ended'>([
      ['active', 88],
      ['paused', 6],
      ['ended', 6],
    ]);
    const startDay = BASE_DAY + rng.int(120);
    return {
      index: c,
      name,
      first,
      coach: COACHES[hash32(seed, 3, c) % COACHES.length],
      cadenceDays,
      cadenceText,
      accountability: rng.pick(ACCOUNTABILITY),
      status,
      pausedUntil: status === 'paused' ? iso(startDay + this.options.sessionsPerClient * cadenceDays + rng.int(30)) : null,
      yaml: hash32(seed, 4, c) / 4294967296 < this.options.clientYamlShare,
      startDay,
    };
  }

  private sessionDay(c: number, s: number): number {
    const p = this.client(c);
    const jitter = s === 0 ? 0 : (hash32(this.options.seed, 5, c, s) % 3) - 1;
    return p.startDay + s * p.cadenceDays + jitter;
  }

  private clientText(c: number): string {
    const p = this.client(c);
    const rng = new Rng(hash32(this.options.seed, 6, c));
    const out: string[] = ['---', 'type: client'];
    out.push(rng.chance(0.2) ? `coach: "[[${p.coach}]]"` : `coach: ${p.coach}`);
    if (p.cadenceText !== null) out.push(`cadence: ${p.cadenceText}`);
    out.push(`accountability: ${p.accountability}`);
    if (rng.chance(0.7) || p.status !== 'active') out.push(`status: ${p.status}`);
    if (p.pausedUntil) out.push(`paused_until: ${p.pausedUntil}`);
    if (p.yaml) {
      out.push('milestones:');
      const n = rng.range(1, 3);
      for (let k = 0; k < n; k++) {
        const m = MILESTONES[(c + k) % MILESTONES.length];
        if (rng.chance(0.3)) {
          out.push(`  - ${m}`);
        } else {
          out.push(`  - name: ${m}`, `    due: ${iso(p.startDay + 60 + k * 90 + rng.int(30))}`, `    done: ${k === 0 && rng.chance(0.4)}`);
        }
      }
      if (rng.chance(0.6)) {
        out.push('contact:', `  sms: "+1555${String(1000000 + c).slice(1)}"`, `  email: ${p.first.toLowerCase()}.${c}@example.com`);
      }
    }
    out.push(`started: ${iso(p.startDay)}`);
    if (p.yaml) out.push('summary: |', `  ${PROSE[c % PROSE.length].replace('{first}', p.first)}`, `  Referred by ${FIRST_NAMES[hash32(this.options.seed, 10, c) % FIRST_NAMES.length]}.`);
    out.push('---', `# ${p.name}`, '');
    out.push('## Goals', '');
    const goals = rng.range(2, 3);
    for (let k = 0; k < goals; k++) out.push(`- ${rng.pick(MILESTONES)}${rng.chance(0.5) ? ' within six months' : ''}`);
    out.push('', '## Background', '', this.paragraph(rng, p.first, 3, 5), '');
    out.push('## Working agreement', '', this.paragraph(rng, p.first, 2, 3), '');
    if (rng.chance(0.3)) {
      out.push('## Sessions', '', '```dataview', `LIST FROM "Sessions" WHERE client = [[${p.name}]] SORT date DESC`, '```', '');
    }
    return out.join('\n');
  }

  /** Whether session note i's frontmatter carries a block scalar (by hash, not the note's rng). */
  private hasBlockScalar(i: number): boolean {
    return hash32(this.options.seed, 9, i) / 4294967296 < this.options.sessionBlockScalarShare;
  }

  // ---- sessions -----------------------------------------------------------------------------

  /** The block id of commitment k of client c's session s, or null when it has none. */
  blockId(c: number, s: number, k: number): string | null {
    const { sessionsPerClient: spc, commitmentsPerSession: cps, seed } = this.options;
    const n = (c * spc + s) * cps + k;
    if (hash32(seed, 7, n) % 100 >= 70) return null;
    // n ↦ n·1000003 mod 36⁶ is a bijection (1000003 is coprime to 2 and 3), so ids never collide.
    return ((n * 1000003 + 12345) % 2176782336).toString(36).padStart(6, '0');
  }

  private paragraph(rng: Rng, first: string, min: number, max: number): string {
    const n = rng.range(min, max);
    const parts: string[] = [];
    for (let k = 0; k < n; k++) parts.push(rng.pick(PROSE).replace('{first}', first));
    return parts.join(' ');
  }

  private sessionText(i: number): string {
    const [c, s] = this.sessionOf(i);
    const { seed, sessionsPerClient: spc, commitmentsPerSession: cps } = this.options;
    const p = this.client(c);
    const rng = new Rng(hash32(seed, 2, i));
    const day = this.sessionDay(c, s);
    const date = iso(day);
    const nextDay = s + 1 < spc ? this.sessionDay(c, s + 1) : day + p.cadenceDays;
    const hasNext = rng.chance(0.93);

    // Frontmatter.
    const fm: string[] = ['---', 'type: session'];
    const ref = rng.weighted<string>([
      [`"[[${p.name}]]"`, 80],
      [`"[[Clients/${p.name}|${p.first}]]"`, 10],
      [p.name, 5],
      [`[[${p.name}]]`, 5],
    ]);
    fm.push(`client: ${ref}`);
    fm.push(rng.chance(0.05) ? `date: ${date}T${rng.range(8, 18)}:00` : `date: ${date}`);
    if (hasNext) fm.push(`next: ${iso(nextDay)}`);
    fm.push(`status: ${rng.weighted<string>([['held', 94], ['no-show', 3], ['cancelled', 3]])}`);
    if (rng.chance(0.05)) fm.push(`coach: ${COACHES[(hash32(seed, 3, c) + 1) % COACHES.length]}`);
    if (hash32(seed, 8, i) / 4294967296 < this.options.sessionYamlShare) {
      const a = rng.pick(SESSION_TAGS);
      if (rng.chance(0.7)) fm.push('tags:', '  - coaching', `  - ${a}`);
      else fm.push(`tags: [coaching, ${a}]`);
    }
    if (this.hasBlockScalar(i)) fm.push('agenda: |', `  Review ${PROCESS_TEXTS[hash32(this.options.seed, 10, i) % PROCESS_TEXTS.length].toLowerCase()}`, '  Check energy and the week ahead');
    fm.push('---');

    const indent = rng.weighted<string>([
      ['    ', 70],
      ['\t', 20],
      ['  ', 10],
    ]);
    // Occasionally the last commitment is written elsewhere, tagged, rather than under the heading.
    const taggedLast = cps > 0 && rng.chance(0.06);
    const underHeading = taggedLast ? cps - 1 : cps;

    const out: string[] = fm;
    out.push(`# Session ${s + 1} with ${p.first}`, '');
    out.push(this.paragraph(rng, p.first, 2, 3), '');

    out.push(rng.chance(0.5) ? '## Notes' : '## Check-in on last time', '');
    out.push(this.paragraph(rng, p.first, 1, 3), '');
    if (rng.chance(0.3)) {
      out.push(`- Win: ${rng.pick(CHECKIN_NOTES)}`, `- Still hard: ${rng.pick(OBSTACLES)}`, '');
    }
    if (rng.chance(0.1)) out.push(`- [ ] Coach to-do: send ${p.first} the reading list`, ''); // untagged: not a commitment
    if (taggedLast) {
      this.commitment(out, rng, p, c, s, cps - 1, day, nextDay, indent, true);
      out.push('');
    }

    const heading = rng.weighted<string>([
      ['## Commitments', 80],
      ['## Action items', 8],
      ['### Homework', 6],
      ['## Between sessions', 6],
    ]);
    out.push(heading, '');
    const comment = rng.float();
    if (comment < 0.05) out.push('<!-- one to three commitments, each with a when-then -->');
    else if (comment < 0.08) out.push('<!--', 'template:', '- [ ] (next small step) [due:: ]', '-->');
    for (let k = 0; k < underHeading; k++) this.commitment(out, rng, p, c, s, k, day, nextDay, indent, false);
    out.push('');

    if (rng.chance(0.05)) {
      out.push('## Resources', '', '```dataview', `TASK FROM "Sessions" WHERE client = [[${p.name}]] AND !completed`, '- [ ] not a commitment: inside a fence', '```', '');
    }
    out.push(rng.pick(['## Coach reflections', '## Next time', '## Observations']), '');
    out.push(this.paragraph(rng, p.first, 1, 2), '');
    return out.join('\n');
  }

  private commitment(
    out: string[],
    rng: Rng,
    p: ClientProfile,
    c: number,
    s: number,
    k: number,
    day: number,
    nextDay: number,
    indent: string,
    tagged: boolean,
  ): void {
    const box = rng.weighted<string | null>([
      [' ', 45],
      ['x', 28],
      ['/', 8],
      ['?', 5],
      ['-', 5],
      ['>', 6],
      [null, tagged ? 0 : 3],
    ]);
    const coachOwned = rng.chance(0.05);
    let text = coachOwned ? `Coach: ${rng.pick(COACH_TEXTS)}` : rng.chance(0.15) ? rng.pick(OUTCOME_TEXTS) : rng.pick(PROCESS_TEXTS);
    if (tagged) text += ' #commitment';

    const fields: string[] = [];
    const due = day + 2 + rng.int(Math.max(1, nextDay - day - 2));
    const convention = rng.weighted<'dataview' | 'emoji' | 'none'>([
      ['dataview', 70],
      ['emoji', 15],
      ['none', 15],
    ]);
    if (convention === 'dataview') {
      if (rng.chance(0.6)) fields.push(`[due:: ${iso(due)}]`);
      if (rng.chance(0.35)) fields.push(`[confidence:: ${rng.range(4, 10)}]`);
      if (rng.chance(0.15)) fields.push(`[trigger:: when ${rng.pick(TRIGGERS)}]`);
      if (rng.chance(0.12)) fields.push(`[coping:: ${rng.pick(OBSTACLES)} -> ${rng.pick(RESPONSES)}]`);
      if (rng.chance(0.05)) fields.push(`[kind:: ${rng.pick(['process', 'outcome'])}]`);
      if (box === 'x' && rng.chance(0.3)) fields.push(`[completion:: ${iso(due - 1)}]`);
    } else if (convention === 'emoji') {
      fields.push(`📅 ${iso(due)}`);
      if (box === 'x') fields.push(`✅ ${iso(due - rng.int(3))}`);
      if (box === '-') fields.push(`❌ ${iso(due - 1)}`);
    }
    // Carried forward: the first commitment of a later session often continues one from the last.
    if (k === 0 && s > 0 && rng.chance(0.3)) {
      const prev = this.blockId(c, s - 1, 0);
      if (prev) fields.push(`[from:: ${prev}]`);
    }
    const id = this.blockId(c, s, k);
    const head = box === null ? '- ' : `- [${box}] `;
    out.push(`${head}${text}${fields.length ? ' ' + fields.join(' ') : ''}${id ? ` ^${id}` : ''}`);

    const children = rng.weighted<number>([
      [0, 30],
      [1, 25],
      [2, 25],
      [3, 12],
      [4, 8],
    ]);
    let checkedIn = false;
    for (let d = 0; d < children; d++) {
      const kind = rng.weighted<string>([
        ['when', 18],
        ['if', 15],
        ['when-field', 4],
        ['coping-field', 4],
        ['confidence', 8],
        ['check-in', 30],
        ['learned', checkedIn ? 10 : 0],
        ['note', 11],
      ]);
      let line: string;
      switch (kind) {
        case 'when':
          line = `When ${rng.pick(TRIGGERS)}, ${rng.pick(ACTIONS)}`;
          break;
        case 'if':
          line = `If ${rng.pick(OBSTACLES)}, then ${rng.pick(RESPONSES)}`;
          break;
        case 'when-field':
          line = `when: ${rng.pick(TRIGGERS)}`;
          break;
        case 'coping-field':
          line = `coping: ${rng.pick(OBSTACLES)} -> ${rng.pick(RESPONSES)}`;
          break;
        case 'confidence':
          line = rng.chance(0.5) ? `confidence: ${rng.range(3, 10)}` : `confidence ${rng.range(3, 10)}/10`;
          break;
        case 'check-in': {
          const when = iso(day + 1 + rng.int(Math.max(1, nextDay - day - 1)));
          const status = rng.weighted<string>([
            ['done', 35],
            ['partial', 25],
            ['stuck', 25],
            ['skipped', 15],
          ]);
          line = rng.chance(0.15) ? `[[${when}]] ${status}` : `${when} ${status}: ${rng.pick(CHECKIN_NOTES)}`;
          checkedIn = true;
          break;
        }
        case 'learned':
          line = `learned: ${rng.pick(LEARNED)}`;
          break;
        default:
          line = rng.pick(DETAIL_NOTES);
      }
      out.push(`${indent}- ${line}`);
    }
  }
}

// ---- edits for re-index timing --------------------------------------------------------------------

const TOP_LEVEL_BOX = /^- \[(.)\] /;
const BOXES = [' ', 'x', '/', '?', '-', '>'] as const;

export interface NoteEdit {
  text: string;
  change: 'checkbox' | 'check-in';
  line: number;
}

/**
 * The kind of edit a coach makes between sessions: tick (or otherwise change) a commitment's
 * checkbox, or add a dated check-in under it. Returns null when the note has no checkbox item.
 */
export function editSessionText(text: string, rng: Rng): NoteEdit | null {
  const lines = text.split('\n');
  const candidates: number[] = [];
  let inFence = false;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('```')) inFence = !inFence;
    else if (l === '<!--') inComment = true;
    else if (l === '-->') inComment = false;
    else if (!inFence && !inComment && TOP_LEVEL_BOX.test(l) && !l.includes('Coach to-do')) candidates.push(i);
  }
  if (candidates.length === 0) return null;
  const at = rng.pick(candidates);
  if (rng.chance(0.5)) {
    const current = lines[at].charAt(3);
    const others = BOXES.filter((b) => b !== current);
    lines[at] = `- [${rng.pick(others)}]${lines[at].slice(5)}`;
    return { text: lines.join('\n'), change: 'checkbox', line: at + 1 };
  }
  const date = iso(BASE_DAY + 400 + rng.int(300));
  const status = rng.pick(['done', 'partial', 'stuck', 'skipped']);
  lines.splice(at + 1, 0, `    - ${date} ${status}: ${rng.pick(CHECKIN_NOTES)}`);
  return { text: lines.join('\n'), change: 'check-in', line: at + 2 };
}
