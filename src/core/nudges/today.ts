/**
 * The Today panel: the nudges due on the as-of date and the ones that fell due earlier and were
 * not sent, one item per commitment (its latest step that has come round), each with an editable
 * draft, links for the coach's own apps and the edit target for logging a `nudged` check-in.
 *
 * A step counts as sent when the commitment has a `nudged` check-in dated on or after the step's
 * date. Logging one for the current step therefore also covers earlier unsent steps. A
 * client-facing step stops showing once the next step comes round, and the last client-facing
 * step stops the day after the due date: after that only the overdue flag (when the client's
 * level has it) asks the coach to follow up.
 */
import { daysBetween } from '../dates';
import type { EditTarget } from '../edit/types';
import type { CheckInOptions } from '../edit/check-in';
import { passFor, type KeyedPass, type VaultIndex } from '../index/vault-index';
import { inSequence, type Preparation } from '../index/prepare';
import type { AccountabilityLevel, Client, Commitment, Contact, IsoDate } from '../types';
import { firstName, messageDraft, nudgeDraft } from './drafts';
import { nudgeLinks, type NudgeLinks } from './links';
import { clientRhythm, type ClientRhythm } from './rhythm';
import { nudgeSchedule, type NudgeStep } from './schedule';
import type { NudgeKind, NudgeSettings } from './settings';
import { formatDue } from './template';
import { callKeyFor, eachClientsPart, keptPart, type ClientPart, type HeldCommitment, type PartCache } from './nudge-cache';

/** The reply key a numbered message ends with (the same words as client-loop/numbering.ts's `replyKey`). */
function replyKeyFor(numbers: readonly number[]): string {
  if (numbers.length === 1) return `Reply like '${numbers[0]} done' or '${numbers[0]} stuck: what got in the way'.`;
  return `Reply like '${numbers[0]} done, ${numbers[1]} stuck: meetings ate Monday'.`;
}

export interface NudgeItem {
  /** Stable key for a view: `path:line:kind`. */
  key: string;
  client: string;
  clientPath: string | null;
  /** The client's accountability level: the tone of a message that covers several commitments. */
  level: AccountabilityLevel;
  /** The session's coach, else the client's. */
  coach: string | null;
  commitment: Pick<Commitment, 'id' | 'text' | 'due' | 'status' | 'session' | 'sessionDate' | 'line' | 'trigger'>;
  step: NudgeStep;
  /** `today` when the step falls on the as-of date; `late` when it fell earlier and was not sent. */
  timing: 'today' | 'late';
  daysLate: number;
  /** Earlier steps of the schedule that came round and were never sent. */
  missedSteps: NudgeKind[];
  /** The date of the latest `nudged` check-in, if any. */
  lastNudged: IsoDate | null;
  /** One neutral line for the coach saying what this item is. */
  headline: string;
  /** The draft message, in the client's words and the learning frame; editable before sending. */
  draft: string;
  subject: string;
  contact: Contact | null;
  /** Links built from the draft as generated; rebuild with `nudgeLinks` after an edit. */
  links: NudgeLinks;
  /** The commitment line to log the nudge under (the existing `checkIn` edit). */
  target: EditTarget;
  /** The note for the `nudged` check-in line, e.g. "midpoint nudge". */
  logNote: string;
  /** Why this nudge is here: the step's place in the cadence and, for a midpoint, the client's rhythm. */
  why: string;
  /** True when the draft is a check-in question instead of a reminder (a stuck or skipped streak). */
  question: boolean;
}

/** A midpoint nudge the schedule left out for a steady client, so the panel can say why it is not there. */
export interface QuietNudge {
  key: string;
  client: string;
  commitment: Pick<Commitment, 'text' | 'due' | 'session' | 'line'>;
  /** The day the midpoint would have fallen. */
  date: IsoDate;
  reason: string;
}

export interface NudgesDueOptions {
  /** Only this coach's clients (the session's coach, else the client's). */
  coach?: string | null;
  /** Only this client. */
  client?: string | null;
  /**
   * Each client's nudges kept between calls (a live view passes the same cache each time): a
   * client whose notes have not changed since keeps them, so after a one-note change only that
   * client is worked out again, not every commitment of the vault.
   */
  cache?: NudgeCache;
}

/** Nudges by client: each client's part of each list, with what it was worked out for. */
export type NudgeCache = PartCache<{ due: NudgeItem[]; quiet: QuietNudge[] }>;

const LOG_NOTE: Record<NudgeKind, string> = {
  confirm: 'confirm nudge',
  midpoint: 'midpoint nudge',
  'before-due': 'before-due nudge',
  overdue: 'overdue follow-up',
};

function quote(text: string): string {
  const t = text.trim();
  return `"${t.length > 60 ? t.slice(0, 59) + '…' : t}"`;
}

function headline(kind: NudgeKind, c: Commitment, client: Client, asOf: IsoDate): string {
  const who = firstName(client.name);
  switch (kind) {
    case 'confirm':
      return `Confirm ${quote(c.text)} with ${who}`;
    case 'midpoint':
      return `Midpoint check-in with ${who} on ${quote(c.text)}`;
    case 'before-due':
      return `${quote(c.text)} is due ${formatDue(c.due, asOf)}: check in with ${who}`;
    case 'overdue':
      return `${quote(c.text)} passed its due date (${formatDue(c.due, asOf)}): follow up with ${who}`;
  }
}

const STEP_WHY: Record<NudgeKind, string> = {
  confirm: 'Day 0 of the cadence: confirm what was agreed.',
  midpoint: 'Half way from the session to the due date.',
  'before-due': 'The day before it is due.',
  overdue: 'Past its due date: a flag for you to follow up, not a message to send blind.',
};

/** The midpoint draft for a client with a stuck or skipped streak: a question, not a reminder. */
export function checkInQuestion(c: Pick<Commitment, 'text'>, client: Pick<Client, 'name'>): string {
  const text = c.text.trim().replace(/[.!;:,\s]+$/u, '').replace(/"/g, "'");
  return `Hi ${firstName(client.name)}, a question rather than a reminder: what is one small part of "${text}" you could do this week, and what might get in the way of it?`;
}

const isSent = (c: Commitment, step: NudgeStep, asOf: IsoDate) =>
  c.checkIns.some((k) => k.status === 'nudged' && k.date >= step.date && k.date <= asOf);

/** The step the Today panel shows for a commitment, or null. */
export function currentStep(c: Commitment, steps: readonly NudgeStep[], asOf: IsoDate): { step: NudgeStep; missed: NudgeKind[] } | null {
  const come = steps.filter((s) => s.date <= asOf);
  if (come.length === 0) return null;
  const step = come[come.length - 1];
  if (isSent(c, step, asOf)) return null;
  if (step.audience === 'client' && c.due < asOf) return null; // past due: only the overdue flag speaks now
  const missed = come.slice(0, -1).filter((s) => !isSent(c, s, asOf)).map((s) => s.kind);
  return { step, missed };
}

/** The latest `nudged` check-in date on or before `asOf`. */
function lastNudge(c: Commitment, asOf: IsoDate): IsoDate | null {
  let last: IsoDate | null = null;
  for (const k of c.checkIns) if (k.status === 'nudged' && k.date <= asOf && (last === null || k.date > last)) last = k.date;
  return last;
}

/**
 * The commitments the nudge schedule looks at: active clients (one, or one coach's), and each
 * client's commitments from sessions held by the date (a note written ahead is not agreed yet),
 * with the session's coach.
 */
function* nudgeable(index: VaultIndex, asOf: IsoDate, options: NudgesDueOptions): Generator<{ client: Client; commitments: Iterable<HeldCommitment> }> {
  const coach = coachFilter(options);
  for (const client of index.clients()) if (isNudgeable(client, options)) yield { client, commitments: clientCommitments(index, client, asOf, coach) };
}

function coachFilter(options: NudgesDueOptions): string | null {
  return options.coach?.trim().toLowerCase() || null;
}

/** An active client (the one asked for, when one is). */
function isNudgeable(client: Client, options: NudgesDueOptions): boolean {
  if (client.status !== 'active') return false;
  const only = options.client?.trim().toLowerCase() || null;
  return only === null || client.name.toLowerCase() === only;
}

/** Where the last finished `prepareNudges` pass over a cache stood, and for what call. */
const passes = new WeakMap<NudgeCache, KeyedPass>();

/**
 * Works each client's part of `nudgesDue` and `quietNudges` out ahead into `options.cache`, a
 * slice at a time (../index/prepare), so the Today panel that follows reads them: at start-up
 * the whole vault's nudges at once held the UI for a third of a second on the benchmark's vault.
 * After a finished pass, only the clients a change touched are worked again.
 */
export function prepareNudges(index: VaultIndex, asOf: IsoDate, settings: NudgeSettings, options: NudgesDueOptions & { cache: NudgeCache }): Preparation {
  if (!settings.enabled) return index.prepareClients();
  const { cache } = options;
  const callKey = callKeyFor(cache, asOf, settings, options.coach);
  const coach = coachFilter(options);
  const pass = passFor(passes, cache, index, `${callKey}|${options.client?.trim().toLowerCase() ?? ''}`);
  return inSequence(
    index.prepareClients(),
    index.prepareEachClient(pass, (client) => {
      if (!isNudgeable(client, options)) return;
      keptPart(index, cache, callKey, client, 'due', () => clientNudgesDue(index, client, clientCommitments(index, client, asOf, coach), asOf, settings));
      keptPart(index, cache, callKey, client, 'quiet', () => clientQuietNudges(index, client, clientCommitments(index, client, asOf, coach), asOf, settings));
    }),
  );
}

function* clientCommitments(index: VaultIndex, client: Client, asOf: IsoDate, coach: string | null): Generator<HeldCommitment> {
  const sessions = new Map(index.sessionsOf(client).map((s) => [s.path, s]));
  for (const c of index.commitmentsOf(client)) {
    const session = sessions.get(c.session);
    if (!session || session.date > asOf) continue;
    const sessionCoach = session.coach ?? client.coach;
    if (coach !== null && (sessionCoach ?? '').toLowerCase() !== coach) continue;
    yield { c, sessionCoach };
  }
}

export function nudgesDue(index: VaultIndex, asOf: IsoDate, settings: NudgeSettings, options: NudgesDueOptions = {}): NudgeItem[] {
  if (!settings.enabled) return [];
  return eachClientsPart(index, asOf, settings, options, 'due', nudgeable(index, asOf, options), clientNudgesDue).sort(
    (a, b) =>
      (a.step.date < b.step.date ? -1 : a.step.date > b.step.date ? 1 : 0) ||
      (a.client < b.client ? -1 : a.client > b.client ? 1 : 0) ||
      (a.target.path < b.target.path ? -1 : a.target.path > b.target.path ? 1 : 0) ||
      a.target.line - b.target.line,
  );
}

const clientNudgesDue: ClientPart<NudgeItem> = (index, client, commitments, asOf, settings) => {
  const out: NudgeItem[] = [];
  let rhythm: ClientRhythm | null = null;
  for (const { c, sessionCoach } of commitments) {
    rhythm ??= clientRhythm(index, client, asOf, settings);
    const current = currentStep(c, nudgeSchedule(c, client, settings, rhythm), asOf);
    if (current === null) continue;
    const { step, missed } = current;
    const question = step.kind === 'midpoint' && rhythm.kind === 'stuck';
    const generated = nudgeDraft(step.kind, c, client, settings, asOf);
    const draft = question ? { ...generated, body: checkInQuestion(c, client) } : generated;
    const why = step.kind === 'midpoint' ? `${STEP_WHY.midpoint} ${rhythm.reason}` : STEP_WHY[step.kind];
    const daysLate = daysBetween(step.date, asOf);
    out.push({
      key: `${c.session}:${c.line}:${step.kind}`,
      client: client.name,
      clientPath: client.path,
      level: client.accountability,
      coach: sessionCoach,
      commitment: { id: c.id, text: c.text, due: c.due, status: c.status, session: c.session, sessionDate: c.sessionDate, line: c.line, trigger: c.trigger },
      step,
      timing: daysLate === 0 ? 'today' : 'late',
      daysLate,
      missedSteps: missed,
      lastNudged: lastNudge(c, asOf),
      headline: headline(step.kind, c, client, asOf),
      draft: draft.body,
      subject: draft.subject,
      contact: client.contact,
      links: nudgeLinks(client.contact, draft.subject, draft.body),
      target: { path: c.session, line: c.line, expectedText: c.raw, id: c.id },
      logNote: LOG_NOTE[step.kind],
      why,
      question,
    });
  }
  return out;
};

/**
 * The midpoint nudges the schedule left out today for steady clients: the ones that would be on
 * the panel with the full cadence (the same filters as `nudgesDue`), with the reason.
 */
export function quietNudges(index: VaultIndex, asOf: IsoDate, settings: NudgeSettings, options: NudgesDueOptions = {}): QuietNudge[] {
  if (!settings.enabled) return [];
  return eachClientsPart(index, asOf, settings, options, 'quiet', nudgeable(index, asOf, options), clientQuietNudges).sort(
    (a, b) => (a.client < b.client ? -1 : a.client > b.client ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

const clientQuietNudges: ClientPart<QuietNudge> = (index, client, commitments, asOf, settings) => {
  const out: QuietNudge[] = [];
  let rhythm: ClientRhythm | null = null;
  for (const { c } of commitments) {
    rhythm ??= clientRhythm(index, client, asOf, settings);
    if (rhythm.kind !== 'steady') break;
    const full = currentStep(c, nudgeSchedule(c, client, settings), asOf);
    if (full === null || full.step.kind !== 'midpoint') continue;
    out.push({
      key: `${c.session}:${c.line}:midpoint`,
      client: client.name,
      commitment: { text: c.text, due: c.due, session: c.session, line: c.line },
      date: full.step.date,
      reason: rhythm.reason,
    });
  }
  return out;
};

export type NudgeChannel = 'sms' | 'email' | 'copy';

/**
 * The options for the existing `checkIn` edit that log a sent nudge:
 * `checkIn(text, item.target, nudgeCheckIn(item, today, 'sms'))` writes
 * `- 2026-12-01 nudged: midpoint nudge (sms)` under the commitment; it never changes status.
 */
export function nudgeCheckIn(item: Pick<NudgeItem, 'logNote'>, today: IsoDate, channel?: NudgeChannel): CheckInOptions {
  return { status: 'nudged', today, note: channel ? `${item.logNote} (${channel})` : item.logNote };
}

/**
 * One message to a client for the day: every client-facing nudge of theirs that is due (or came
 * round earlier and was not sent), in one draft. Sending it logs a `nudged` check-in under each
 * commitment in `items`.
 */
export interface NudgeMessage {
  /** Stable for the client and the day: `client|asOf`. */
  key: string;
  client: string;
  clientPath: string | null;
  coach: string | null;
  level: AccountabilityLevel;
  /** The commitments the message covers, each with its step and its edit target, in the core's order. */
  items: NudgeItem[];
  /** `late` when any of its steps fell before the as-of date; `daysLate` is the longest wait. */
  timing: 'today' | 'late';
  daysLate: number;
  /** The draft: the step's own template for one commitment, the level's combined wording for several. */
  draft: string;
  subject: string;
  contact: Contact | null;
  links: NudgeLinks;
}

/**
 * The client-facing items as one message per client (coach flags are left out: they are not
 * sent). Clients in the order their first item comes in `items`.
 */
export function nudgeMessages(
  items: readonly NudgeItem[],
  settings: NudgeSettings,
  asOf: IsoDate,
  /**
   * The number a client's messages give a commitment as of `asOf` (client-loop/numbering.ts), or
   * null. With it, a message numbers its commitments and ends with the one-line reply key.
   */
  numberOf?: (item: NudgeItem) => number | null,
): NudgeMessage[] {
  const byClient = new Map<string, NudgeItem[]>();
  for (const item of items) {
    if (item.step.audience !== 'client') continue;
    const list = byClient.get(item.client);
    if (list) list.push(item);
    else byClient.set(item.client, [item]);
  }
  return [...byClient.values()].map((list) => {
    const first = list[0];
    const numbers = numberOf ? list.map((i) => numberOf(i)) : [];
    const numbered = numbers.length > 0 && numbers.every((n): n is number => n !== null);
    let draft =
      list.length === 1
        ? { body: first.draft, subject: first.subject }
        : messageDraft(
            list.map((i) => i.commitment),
            { name: first.client },
            first.level,
            settings,
            asOf,
            numbered ? numbers : undefined,
          );
    if (numbered) draft = { ...draft, body: `${draft.body}\n${replyKeyFor(numbers)}` };
    const daysLate = list.reduce((most, i) => Math.max(most, i.daysLate), -Infinity);
    return {
      key: `${first.client}|${asOf}`,
      client: first.client,
      clientPath: first.clientPath,
      coach: first.coach,
      level: first.level,
      items: list,
      timing: list.some((i) => i.timing === 'late') ? 'late' : 'today',
      daysLate,
      draft: draft.body,
      subject: draft.subject,
      contact: first.contact,
      links: list.length === 1 && !numbered ? first.links : nudgeLinks(first.contact, draft.subject, draft.body),
    };
  });
}
