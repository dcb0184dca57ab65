/**
 * The names people read for the risk signals and a client's status, in the views and the CLI
 * alike. Typed against the unions, so a new signal or status cannot go unlabelled.
 */
import type { ClientStatus } from '../types';
import type { SignalName } from './signals';

/** Full names, for selects, popovers and screen readers. */
export const SIGNAL_LABEL: Record<SignalName, string> = {
  overdue: 'Overdue',
  stalled: 'Stalled',
  'no-next-session': 'No next session',
  'carried-over': 'Carried forward',
  declining: 'Declining',
  'low-confidence': 'Low confidence',
  'missed-sessions': 'Missed sessions',
  'coach-follow-up': 'Coach follow-up',
};

/** A client's status, in the views' words. */
export const STATUS_LABEL: Record<ClientStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  ended: 'Ended',
};

/** Compact names for tight labels (each is contained in the full name, so a label keeps its accessible name). */
export const SIGNAL_SHORT: Record<SignalName, string> = {
  overdue: 'overdue',
  stalled: 'stalled',
  'no-next-session': 'no next',
  'carried-over': 'carried',
  declining: 'declining',
  'low-confidence': 'low confidence',
  'missed-sessions': 'missed',
  'coach-follow-up': 'follow-up',
};
