/**
 * The records the core reads out of a coach's vault. These mirror the scan contract in
 * docs/note-format.md: absent values are `null`, dates are `YYYY-MM-DD` strings, lines are 1-based.
 */

/** A calendar date as `YYYY-MM-DD`. The core never works with clock times. */
export type IsoDate = string;

export type CheckboxStatus = 'open' | 'done' | 'partial' | 'stuck' | 'let-go' | 'recommitted';
/** Words a check-in line may carry. `nudged` records a coach's follow-up and never changes status. */
export type CheckInStatus = 'done' | 'partial' | 'stuck' | 'skipped' | 'nudged';
/** A commitment's derived status: the checkbox's, or, for an open box, its latest check-in's. */
export type CommitmentStatus = CheckboxStatus | 'skipped';
export type Kind = 'process' | 'outcome';
/** `client`, `coach`, or any other name (an accountability partner). */
export type Owner = string;
export type SessionStatus = 'held' | 'cancelled' | 'no-show';
export type ClientStatus = 'active' | 'paused' | 'ended';
export type AccountabilityLevel = 'self-directed' | 'check-in' | 'active' | 'consequences';
/** `info`: read as written, with a note on what was ignored (not shown as a problem). */
export type Severity = 'error' | 'warning' | 'info';
/** Which field convention a commitment line uses, so edits can write back in the same one. */
export type FieldConvention = 'dataview' | 'emoji';

export interface Diagnostic {
  path: string;
  line: number;
  severity: Severity;
  message: string;
}

export interface Coping {
  obstacle: string | null;
  response: string | null;
}

export interface CheckIn {
  date: IsoDate;
  status: CheckInStatus;
  note: string | null;
  /** 1-based line of the check-in in its note. */
  line: number;
}

export interface Learned {
  /** The date of the check-in this lesson follows, when there is one. */
  date: IsoDate | null;
  text: string;
  line: number;
}

export interface Milestone {
  name: string;
  due: IsoDate | null;
  done: boolean;
}

export interface Contact {
  sms: string | null;
  email: string | null;
}

/** What one client note says about its client. */
export interface ClientNote {
  path: string;
  name: string;
  /** Other names the client goes by (`aliases:` in the frontmatter), as Obsidian reads them. */
  aliases: string[];
  coach: string | null;
  cadence: number;
  /** True when `cadence` came from the default rather than the note. */
  cadenceIsDefault: boolean;
  accountability: AccountabilityLevel;
  status: ClientStatus;
  pausedUntil: IsoDate | null;
  milestones: Milestone[];
  contact: Contact | null;
  /** 1-based line of each frontmatter key, so edits and diagnostics can point at it. */
  keyLines: Record<string, number>;
  /** The whole frontmatter, for conventions beyond the spec (a program's promise, outcomes). */
  frontmatter: Record<string, unknown>;
}

/** An item a later note copies from an earlier session ("Outstanding action items"): a check-in on the original, not a new commitment. */
export interface CopiedItem {
  line: number;
  text: string;
  /** The copy's box, as the later note marks it. */
  status: CheckboxStatus;
  /** An outcome line (`✅ Did it: …` under `**Outcome:**`), which may follow the items of its own session. */
  outcome?: boolean;
}

/** What one session note (or one dated section of a note) says about its session. */
export interface SessionNote {
  path: string;
  /** 1-based line of the dated heading for a session that is a section of a note; null for a whole note. */
  line: number | null;
  /** `path`, or `path#line` for a section: unique per session in the vault. */
  key: string;
  /**
   * True when the note is a session only if its client is a known client (a daily note's section,
   * a file name with a date and a name, a folder name): the index keeps it only then.
   */
  weak: boolean;
  /** Other clients present (a group session), each as written; the commitments say whose they are. */
  attendees: string[];
  /** Earlier items this session copies forward. */
  copies: CopiedItem[];
  /** The client reference as written, reduced to a link target's basename (`Jane Doe`). */
  clientRef: string;
  /** The link target as written (`Clients/Jane Doe`), for path-qualified resolution. */
  clientTarget: string;
  date: IsoDate;
  next: IsoDate | null;
  status: SessionStatus;
  coach: string | null;
  /** Line of the first heading that holds commitments, or null when there is none. */
  commitmentsHeadingLine: number | null;
  keyLines: Record<string, number>;
}

/**
 * A commitment as parsed from its own note, before anything that needs another note
 * (the client's cadence) or a date (overdue) is worked out.
 */
export interface ParsedCommitment {
  id: string | null;
  line: number;
  /** The line's exact text (without its line ending), so edits can check they hit the right line. */
  raw: string;
  /** Last line (1-based, inclusive) of the item including its detail children. */
  endLine: number;
  text: string;
  owner: Owner;
  kind: Kind;
  kindIsDefault: boolean;
  checkbox: CheckboxStatus;
  /** False for a plain bullet under a commitments heading (captured later). */
  hasCheckbox: boolean;
  status: CommitmentStatus;
  due: IsoDate | null;
  doneDate: IsoDate | null;
  letGoDate: IsoDate | null;
  trigger: string | null;
  coping: Coping | null;
  confidence: number | null;
  from: string | null;
  checkIns: CheckIn[];
  learned: Learned[];
  /** Detail lines that are none of the above, kept verbatim (marker removed). */
  notes: string[];
  convention: FieldConvention;
  /** True when the item was found by its `#commitment` tag rather than under a heading. */
  tagged: boolean;
  /** Which of the note's sessions the item belongs to (0 for a whole-note session). */
  sessionIndex: number;
  /** In a group session, the person the line names as its owner (the client it belongs to). */
  person: string | null;
  /** A recurring commitment's rule (`every week`), kept out of the text. */
  recurrence: string | null;
}

export interface ParsedNote {
  path: string;
  type: 'client' | 'session' | null;
  client: ClientNote | null;
  /** The first of `sessions`, or null. */
  session: SessionNote | null;
  /** Every session the note holds: one for a session note, one per dated section for a note with a section per session. */
  sessions: SessionNote[];
  commitments: ParsedCommitment[];
  diagnostics: Diagnostic[];
}

/** A client, whether or not it has a client note. */
export interface Client {
  name: string;
  coach: string | null;
  cadence: number;
  accountability: AccountabilityLevel;
  status: ClientStatus;
  pausedUntil: IsoDate | null;
  milestones: Milestone[];
  contact: Contact | null;
  /** The client note, or null for a client known only from session notes. */
  path: string | null;
}

export interface Session {
  path: string;
  /** `path`, or `path#line` for a dated section of a note. */
  key: string;
  /** The dated heading's line for a section; null for a whole note. */
  line: number | null;
  client: string;
  date: IsoDate;
  next: IsoDate | null;
  status: SessionStatus;
  /** The session's coach, else the client's. */
  coach: string | null;
}

/** A commitment with everything derived except what depends on an as-of date. */
export interface Commitment extends ParsedCommitment {
  client: string;
  session: string;
  /** The session's key (`path`, or `path#line` for a section of a note). */
  sessionKey: string;
  sessionDate: IsoDate;
  /** Always set once resolved: explicit, or the default from the next session or cadence. */
  due: IsoDate;
  dueIsDefault: boolean;
}
