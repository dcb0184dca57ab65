/**
 * What the client-loop modals are given: plain data and actions, as every view (../contracts.ts).
 * The recap and the progress text are messages with send links; the reply panel reads a pasted
 * reply live and writes its check-ins; the calendar panel saves the client's .ics file.
 */
import type { NudgeLinks } from '../../core/nudges/links';
import type { Contact, IsoDate } from '../../core/types';
import type { ActionResult } from '../contracts';

export type SendChannel = 'sms' | 'email' | 'copy';

export interface NumberedLine {
  n: number;
  text: string;
  due: IsoDate;
}

export interface ClientMessageModel {
  client: string;
  asOf: IsoDate;
  /** "Recap" or "Progress so far". */
  kind: 'recap' | 'progress';
  subject: string;
  body: string;
  contact: Contact | null;
  links: NudgeLinks;
  /** The numbered commitments the message covers (empty for the progress text). */
  numbered: NumberedLine[];
}

export interface ClientMessageActions {
  copy(text: string): Promise<void>;
  /** Logs the sending (the recap: a `nudged` check-in of kind confirm on each commitment). Absent: no Mark sent button. */
  markSent?(channel: SendChannel, body: string): Promise<ActionResult>;
}

export interface ReplyPreview {
  checkIns: { n: number; text: string; status: 'done' | 'partial' | 'stuck' | 'skipped'; note: string | null }[];
  unplaced: { text: string; why: string }[];
  problems: string[];
}

export interface ReplyModel {
  client: string;
  /** The date the message being answered was drafted for: its numbers. */
  asOf: IsoDate;
  /** The check-ins' date (today). */
  today: IsoDate;
  numbered: NumberedLine[];
}

export interface ReplyActions {
  /** Reads a reply against the numbers (pure, immediate). */
  read(reply: string, asOf: IsoDate): ReplyPreview;
  /** The numbers as of another date (the message was drafted for that date). */
  numbers(asOf: IsoDate): NumberedLine[];
  /** Writes the check-ins of `reply` through the guarded applier; refused while the reading has problems. */
  write(reply: string, asOf: IsoDate, date: IsoDate): Promise<ActionResult>;
}

export interface CalendarEventLine {
  uid: string;
  date: IsoDate;
  summary: string;
  status: 'CONFIRMED' | 'CANCELLED';
  sequence: number;
  reminders: number;
}

export interface ClientCalendarModel {
  client: string;
  asOf: IsoDate;
  /** Where the file is saved in the vault. */
  path: string;
  text: string;
  description: string;
  reminders: boolean;
  events: CalendarEventLine[];
  contact: Contact | null;
}

export interface ClientCalendarActions {
  /** Writes the file into the vault (replacing an earlier one of ours only). */
  save(): Promise<ActionResult>;
  copy(text: string): Promise<void>;
}

/** The four client's-side actions. */
export type ClientLoopKind = 'recap' | 'reply' | 'progress' | 'calendar';

export interface ClientLoopButtons {
  recap(): void;
  reply(): void;
  progress(): void;
  calendar(): void;
}
