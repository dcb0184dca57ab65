// Types for the layout scorer. The logic lives in score.mjs (plain JS, so report.mjs runs under
// Node without a build); this module re-exports it typed for the tests.

export type Status = 'open' | 'done' | 'partial' | 'stuck' | 'let-go' | 'recommitted';

/** What the scorer reads from `follow-through scan --json` (extra keys are ignored). */
export interface ScanLike {
  asOf?: string;
  sessions?: Array<{ path: string; line?: number | null; client?: string | null; date?: string | null; next?: string | null }>;
  commitments?: Array<{
    session?: string;
    path?: string;
    line: number;
    client?: string | null;
    sessionDate?: string | null;
    text?: string;
    owner?: string | null;
    status?: string;
    due?: string | null;
    dueIsDefault?: boolean;
    overdue?: boolean;
  }>;
}

export interface ExpectedSession {
  path: string;
  line: number | null;
  client: string | null;
  clients?: string[];
  date: string;
  next: string | null;
}

export interface ExpectedCommitment {
  path: string;
  line: number;
  /** null for a coach item in a group session that names no client */
  client: string | null;
  sessionDate: string;
  text: string;
  /** `client`, `coach`, or another person's name */
  owner: string;
  due: string | null;
  status: Status;
}

export interface Expected {
  asOf: string;
  coach: string;
  sessions: ExpectedSession[];
  commitments: ExpectedCommitment[];
  notSessions: string[];
}

export interface Ratio {
  num: number;
  den: number;
  /** num / den, or null when den is 0 */
  ratio: number | null;
}

export type MissKind =
  | 'session-missed'
  | 'session-extra'
  | 'commitment-missed'
  | 'commitment-extra'
  | 'due'
  | 'due-invented'
  | 'owner'
  | 'status'
  | 'client'
  | 'finished-shown-overdue';

export interface Miss {
  kind: MissKind;
  path: string;
  line: number | null;
  text?: string | null;
  expected?: unknown;
  got?: unknown;
}

export interface Metrics {
  asOf: string;
  /** expected sessions found, matched by path + heading line, else path + date */
  sessions: Ratio;
  /** recall: expected commitments the scan reports at the same path and line */
  commitmentsFound: Ratio;
  /** matched ÷ commitments the scan reports in notes the expectations cover (sessions + notSessions) */
  precision: Ratio;
  /** of expected commitments with a stated due, how many the scan gives that due with dueIsDefault false */
  dueRecall: Ratio;
  /** matched commitments with no stated due for which the scan claims an explicit one */
  dueInvented: number;
  /** of matched */
  ownerAccuracy: Ratio;
  /** of matched */
  statusAccuracy: Ratio;
  /** of matched */
  clientAccuracy: Ratio;
  /** expected done / let-go / recommitted that the scan shows overdue */
  finishedShownOverdue: number;
  misses: Miss[];
}

export type Thresholds = Partial<Record<'sessions' | 'commitmentsFound' | 'precision' | 'dueRecall' | 'ownerAccuracy' | 'statusAccuracy' | 'finishedShownOverdue', number>>;

export { scoreLayout, formatReport, failedThresholds, ACCEPTANCE } from './score.mjs';
