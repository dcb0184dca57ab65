/**
 * The scan contract's JSON object (docs/note-format.md, "Scan output"). Field order here is the
 * order printed. Absent values are `null`, never omitted. Fields may be added; none may change
 * meaning.
 */
import type {
  AccountabilityLevel,
  ClientStatus,
  CommitmentStatus,
  Coping,
  Diagnostic,
  IsoDate,
  Kind,
  SessionStatus,
} from './types';

export interface ScanClientJson {
  name: string;
  coach: string | null;
  cadence: number;
  accountability: AccountabilityLevel;
  status: ClientStatus;
  path: string | null;
  pausedUntil: IsoDate | null;
}

export interface ScanSessionJson {
  path: string;
  client: string;
  date: IsoDate;
  next: IsoDate | null;
  status: SessionStatus;
  coach: string | null;
  /** For a session that is a dated section of a note, its heading's line; null for a whole note. */
  line: number | null;
}

export interface ScanCheckInJson {
  date: IsoDate;
  status: string;
  note: string | null;
}

export interface ScanCommitmentJson {
  id: string | null;
  client: string;
  session: string;
  sessionDate: IsoDate;
  line: number;
  text: string;
  owner: string;
  kind: Kind;
  status: CommitmentStatus;
  due: IsoDate;
  dueIsDefault: boolean;
  trigger: string | null;
  coping: Coping | null;
  confidence: number | null;
  from: string | null;
  checkIns: ScanCheckInJson[];
  overdue: boolean;
  // Added fields (the contract allows additions).
  doneDate: IsoDate | null;
  letGoDate: IsoDate | null;
  learned: string[];
  notes: string[];
}

export interface ScanOutput {
  asOf: IsoDate;
  clients: ScanClientJson[];
  sessions: ScanSessionJson[];
  commitments: ScanCommitmentJson[];
  diagnostics: Diagnostic[];
}
