/**
 * What the agreement panel is given: a client's accountability agreements (each with its
 * findings, phrased as questions for the coaching conversation), the commitments partners took on
 * in the client's sessions, and the agreement signals. Plain data in a store; navigation out
 * through the actions. Built by `buildAgreementModel` (src/app/agreements.ts).
 */
import type { Readable } from 'svelte/store';
import type { AgreementFinding } from '../../core/agreements/check';
import type { AgreementCheckIn, DatedLine } from '../../core/agreements/parse';
import type { AgreementEvidence, AgreementSignal, CheckInPeriod, PartnerCommitment } from '../../core/agreements/signals';
import type { IsoDate } from '../../core/types';
import type { DateFormatter } from '../contracts';

export type { AgreementEvidence, AgreementFinding, AgreementSignal, CheckInPeriod, PartnerCommitment };

export interface AgreementSummary {
  path: string;
  title: string;
  /** The line to open the note at (its title). */
  titleLine: number;
  /** Every partner, as named in the agreement. */
  partners: string[];
  /** The partners other than the client. */
  others: string[];
  coach: string | null;
  start: IsoDate | null;
  /** Days between check-ins, or null when the agreement gives no rhythm. */
  cadence: number | null;
  /** `weekly`, `every 10 days`…, or null. */
  cadenceText: string | null;
  recalibrate: DatedLine | null;
  /** Days from the as-of date to the recalibration date (negative when past). */
  recalibrateInDays: number | null;
  /** Within the signals' lead time (14 days), or past. */
  recalibrateDue: boolean;
  /** What to ask about, in the order the check raises them. */
  findings: AgreementFinding[];
  /** The latest complete check-in periods (up to 4), oldest first; empty without a log. */
  periods: CheckInPeriod[];
  lastCheckIn: AgreementCheckIn | null;
  /** Line of the check-in log heading, or null without one. */
  logLine: number | null;
  /** The agreement signals for this client that come from this agreement. */
  signals: AgreementSignal[];
}

export interface AgreementModel {
  asOf: IsoDate;
  client: string;
  /** The agreements the client is a partner in, by path. */
  agreements: AgreementSummary[];
  /** Commitments someone else (a partner) took on in the client's sessions: overdue, open by due, then closed. */
  partnerCommitments: PartnerCommitment[];
  /** The client's agreement signals not tied to a listed agreement (a partner commitment without one). */
  signals: AgreementSignal[];
}

export interface AgreementActions {
  /** Opens the note at the evidence's line (an agreement line, or a partner commitment's line). */
  openEvidence(evidence: AgreementEvidence): void;
}

export interface AgreementPanelProps {
  model: Readable<AgreementModel>;
  actions: AgreementActions;
  formatDate?: DateFormatter;
}
