/**
 * What each view's Svelte component is given: a store of plain data (its model) and an object of
 * actions. Components never import `obsidian`; the adapter (or a browser test) builds the model
 * from the core and implements the actions with the core's edits over some vault.
 */
import type { BriefModel } from '../core/analytics/brief';
import type { Patterns } from '../core/analytics/patterns';
import type { MilestoneStatus } from '../core/practice/milestones';
import type { RosterRow } from '../core/analytics/roster';
import type { Evidence, SignalName } from '../core/analytics/signals';
import type { CheckInStatus, Client, Commitment, Diagnostic, IsoDate, Kind } from '../core/types';

/** What an action did: a sentence for a notice either way. */
/** `undoable`: the edit wrote something that `undo` can take back (review queue). */
export type ActionResult = { ok: true; summary: string; undoable?: boolean } | { ok: false; reason: string };

/** Formats a `YYYY-MM-DD` date for display, per the settings' date format. */
export type DateFormatter = (date: IsoDate) => string;

/** How far the start-up read of the vault has got, for the roster's loading line. */
export interface IndexProgress {
  /** Candidate notes read so far. */
  read: number;
  /** Candidate notes to read in all. */
  total: number;
}

// ---- Roster -------------------------------------------------------------------------------------

export interface RosterFilter {
  coach: string | null;
  signal: SignalName | null;
  search: string;
}

export interface RosterModel {
  asOf: IsoDate;
  /** Sorted by the core's sort key (risk, then next session). */
  rows: RosterRow[];
  coaches: string[];
  /** Vault-wide count of overdue commitments, as in the status bar. */
  overdueTotal: number;
  /**
   * The notes the index could not read (errors) or read with a problem (warnings), each with its
   * reason: the roster's "Notes not read" list.
   */
  notRead: Diagnostic[];
  /** Set while the clients' figures are still being worked out (after start-up, or a re-read): how far it has got. */
  preparing?: { done: number; total: number } | null;
}

export interface RosterActions {
  openClient(name: string): void;
  openEvidence(evidence: Evidence): void;
  openReview(client: string | null): void;
  /** Lets the view keep the filter across re-opens. */
  filterChanged?(filter: RosterFilter): void;
  /** First run: start "Set up from my notes". */
  setUp?(): void;
  /** First run: create a client note (the adapter asks for the name). */
  createClientNote?(): void;
  /** First run: insert the session template into a new or the active note. */
  insertSessionTemplate?(): void;
  /** Opens the note a diagnostic names, at its line. */
  openDiagnostic?(d: Diagnostic): void;
}

// ---- Client view --------------------------------------------------------------------------------

export interface CompletionPoint {
  sessionDate: IsoDate;
  path: string;
  /**
   * `rated`: every client-owned commitment of the session has come due, and `rate` is its figure;
   * `pending`: some are not due yet, so the figure is not in (drawn as pending, not as a rate);
   * `none`: the session had no client-owned commitments.
   */
  state: 'rated' | 'pending' | 'none';
  /** Client-owned completion of those that came due (0-1), or null if none did. */
  rate: number | null;
  done: number;
  partial: number;
  total: number;
  /** Client-owned commitments not yet due. */
  pending: number;
}

export interface ClientModel {
  asOf: IsoDate;
  client: Client;
  row: RosterRow;
  patterns: Patterns;
  /** The pre-session brief: facts, what happened, chains, signals, patterns and questions. */
  brief: BriefModel;
  /** Commitments still expected (open, partial, stuck, skipped), oldest first. */
  open: Commitment[];
  completionBySession: CompletionPoint[];
  /** The client note's milestones with the core's state for each as of `asOf`. */
  milestones: MilestoneStatus[];
}

export interface ClientActions {
  checkIn(commitment: Commitment, status: Exclude<CheckInStatus, 'nudged'>, note: string | null): Promise<ActionResult>;
  openEvidence(evidence: Evidence): void;
  openReview(client: string): void;
  /** The client's side of the loop (recap, reply, progress, calendar file), where the host has it. */
  openLoop?(client: string, kind: 'recap' | 'reply' | 'progress' | 'calendar'): void;
}

// ---- Review queue -------------------------------------------------------------------------------

export interface ReviewItem {
  commitment: Commitment;
  /** Why it is in the queue: overdue, stuck or skipped. */
  reason: 'overdue' | 'stuck' | 'skipped';
  /** The due date recommit proposes: from the client's next session. */
  suggestedDue: IsoDate;
}

export interface ReviewModel {
  asOf: IsoDate;
  /** null = every client. */
  client: string | null;
  items: ReviewItem[];
}

export interface ModifyInput {
  text: string;
  trigger: string | null;
  coping: string | null;
  due: IsoDate;
}

export interface LetGoInput {
  reason: string;
  learned: string | null;
}

export interface ReviewActions {
  /** A one-tap check-in: it got done (or partly) after all. */
  checkIn(item: ReviewItem, status: 'done' | 'partial'): Promise<ActionResult>;
  recommit(item: ReviewItem, due: IsoDate): Promise<ActionResult>;
  modify(item: ReviewItem, input: ModifyInput): Promise<ActionResult>;
  letGo(item: ReviewItem, input: LetGoInput): Promise<ActionResult>;
  /** Takes back the queue's latest edit (only if it is still the newest edit). */
  undo(): Promise<ActionResult>;
  openEvidence(evidence: Evidence): void;
  close(): void;
}

// ---- Capture ------------------------------------------------------------------------------------

export interface CaptureItem {
  /** The commitment line as found (1-based line and exact text), so the edit can check it. */
  line: number;
  expectedText: string;
  id: string | null;
  text: string;
  owner: string;
  due: IsoDate;
  /** The default due date (from the next session or cadence), shown beside the field. */
  defaultDue: IsoDate;
  trigger: string;
  /** Written `obstacle -> response`. */
  coping: string;
  confidence: number | null;
  kind: Kind;
  /** Already a checkbox with a block id: left alone unless the coach changes a field. */
  captured?: boolean;
}

export interface CaptureModel {
  path: string;
  client: string;
  sessionDate: IsoDate;
  items: CaptureItem[];
}

export interface CaptureActions {
  confirm(items: CaptureItem[]): Promise<ActionResult>;
  cancel(): void;
}

/** The questions capture asks where the research says a commitment is weak. */
export function capturePrompts(item: Pick<CaptureItem, 'confidence' | 'trigger' | 'kind'>): string[] {
  const out: string[] = [];
  if (item.confidence !== null && item.confidence < 8) out.push('What would get you to an 8?');
  if (item.trigger.trim() === '') out.push('When exactly will this happen?');
  if (item.kind === 'outcome') out.push("What's the process step you control?");
  return out;
}

export const PRE_MORTEM_QUESTION = "Imagine it's the next session and this didn't happen. What got in the way?";
