/**
 * The pre-session brief a coach reads in two minutes before the call, as a model: the facts about
 * the client, what happened since the last session, what is still overdue, the carried chains
 * (each named once, with its history and the question to ask), the signals with their evidence,
 * the patterns worth naming and opening questions in the learning frame. Dates stay ISO for the
 * view to format; notes are referenced by path, title and line so a view can open them. The
 * client view renders it as a component, the CLI as markdown (see `cli/commands/brief-format.ts`).
 */
import type { VaultIndex } from '../index/vault-index';
import { isOverdue } from '../index/vault-index';
import type { AccountabilityLevel, CheckInStatus, Client, ClientStatus, Commitment, CommitmentStatus, IsoDate, Owner } from '../types';
import type { Chain } from './chains';
import { analyseClient, notedCoach, type ClientAnalysis } from './client-analysis';
import { isLive } from './completion';
import { patternsOf, type Observation, type Patterns } from './patterns';
import { computeSignals, type Signal } from './signals';
import { resolveThresholds, type RiskThresholds } from './thresholds';
import { coachOwnName } from '../layout/layout';

/**
 * Note-derived text, escaped so a markdown renderer shows it as written: no HTML (`<img src=…>`),
 * no embeds (`![[…]]`), no links (`[x](javascript:…)`), no emphasis or headings it did not mean.
 * The markdown brief's own structure (headings, list markers, the note links) is written around it.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~=^$]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`)).replace(/(^|\s)-(?=\s)/g, '$1\\-').replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Each accountability level's name and what it asks of the coach in the session. */
export const ACCOUNTABILITY: Readonly<Record<AccountabilityLevel, { name: string; note: string }>> = Object.freeze({
  'self-directed': { name: 'Self-directed', note: 'The client tracks their own; raise commitments only if they do.' },
  'check-in': { name: 'Check-in', note: 'Ask how each commitment went.' },
  active: { name: 'Active', note: 'Go through each commitment and its plan.' },
  consequences: { name: 'Consequences', note: 'Go through each commitment; apply the agreed consequence for misses.' },
});

/** A note the brief points at: its vault path, its title (the file name) and a 1-based line. */
export interface NoteRef {
  path: string;
  title: string;
  line: number;
}

/** The title a note is named by: its file name without folder or `.md`. */
export function noteTitle(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

const noteRef = (path: string, line = 1): NoteRef => ({ path, title: noteTitle(path), line });

export interface BriefFacts {
  /** The client's coach (`coach:` of the client note, else of the latest session), else the coach's own name from the layout. */
  coach: string | null;
  /** The coach is the one named in the layout's coach names (the coach using the vault), as no note names one. */
  coachIsYou: boolean;
  accountability: AccountabilityLevel;
  cadenceDays: number;
  lastSession: { date: IsoDate; daysAgo: number; note: NoteRef } | null;
  nextSession: IsoDate | null;
  completion: { recent: number | null; all: number | null; recentSessions: number };
  status: ClientStatus;
  /** Released from accountability (paused, ended or within `paused_until`): no signals are raised. */
  released: boolean;
  /** The `paused_until` date while it is still ahead (or today). */
  releasedUntil: IsoDate | null;
}

export interface BriefCheckIn {
  date: IsoDate;
  status: CheckInStatus;
  note: string | null;
}

/** One commitment as the brief states it. */
export interface BriefItem {
  text: string;
  status: CommitmentStatus;
  due: IsoDate;
  overdue: boolean;
  owner: Owner;
  sessionDate: IsoDate;
  /** The session note, at the commitment's line. */
  note: NoteRef;
  lastCheckIn: BriefCheckIn | null;
}

export interface BriefChainLink {
  sessionDate: IsoDate;
  status: CommitmentStatus;
  note: NoteRef;
}

/** A commitment written in two or more sessions, named once with its whole history. */
export interface BriefChain {
  text: string;
  /** The first link's text when it was written differently. */
  firstText: string | null;
  sessions: number;
  live: boolean;
  /** Live and carried through `carriedSessions` or more: what the carried-over signal is about. */
  carried: boolean;
  /** The latest link: its status, due date and check-in are the chain's. */
  latest: BriefItem;
  links: BriefChainLink[];
  /** The question to ask about it, without naming it again; null when nothing needs asking. */
  question: string | null;
}

export interface OpeningQuestion {
  reason: 'done' | 'missed' | 'carried' | 'low-confidence' | 'no-commitments';
  question: string;
}

export interface BriefModel {
  client: string;
  asOf: IsoDate;
  facts: BriefFacts;
  /** The last held session and the commitments written at it that are not in a chain below. */
  since: { session: { date: IsoDate; note: NoteRef } | null; items: BriefItem[] };
  /** Overdue commitments from earlier sessions, not in a chain below. */
  overdue: BriefItem[];
  chains: BriefChain[];
  /** The risk signals, by id with their evidence (none for a released client). */
  signals: Signal[];
  /** Pattern sentences worth naming (chains are named in `chains`, not here). */
  observations: Observation[];
  /** Opening questions about what is not in a chain (a chain carries its own question). */
  questions: OpeningQuestion[];
}

interface Asked extends OpeningQuestion {
  /** The commitment the question is about, when it is about one. */
  about: Commitment | null;
  /** The chain a carried question is about. */
  chain: Chain | null;
}

const carriedQuestion = 'Recommit, modify, or let it go?';
const missedQuestion = 'What got in the way? What did you learn?';

function ask(a: ClientAnalysis, t: RiskThresholds, since: readonly Commitment[]): Asked[] {
  const out: Asked[] = [];
  const carried = new Set<string>();
  for (const ch of a.chains) {
    if (!ch.live || ch.sessions < t.carriedSessions) continue;
    const text = ch.links[ch.links.length - 1].text;
    carried.add(text);
    out.push({ reason: 'carried', question: `'${text}' has been carried over ${ch.sessions} sessions running. ${carriedQuestion}`, about: null, chain: ch });
  }
  for (const c of since) {
    if (c.owner === 'coach' || carried.has(c.text)) continue;
    if (c.status === 'done') {
      out.push({ reason: 'done', question: `You did exactly what you said: ${lowerFirst(c.text)}. What made it work?`, about: c, chain: null });
    } else if (isOverdue(c, a.asOf) || c.status === 'stuck' || c.status === 'skipped' || c.status === 'partial') {
      out.push({ reason: 'missed', question: `'${c.text}': ${missedQuestion.replace(/^W/, 'w')}`, about: c, chain: null });
    }
  }
  for (const c of a.clientOwned) {
    if (isLive(c) && c.confidence !== null && c.confidence < t.lowConfidence && !isOverdue(c, a.asOf)) {
      out.push({ reason: 'low-confidence', question: `You put your confidence in '${c.text}' at ${c.confidence}. What would get you to an 8?`, about: c, chain: null });
    }
  }
  if (out.length === 0) out.push({ reason: 'no-commitments', question: 'What would make the time between this session and the next one count?', about: null, chain: null });
  return out;
}

/** Questions chosen by what happened, at most one of each kind per commitment. */
export function openingQuestions(a: ClientAnalysis, _p: Patterns, t: RiskThresholds, since: Commitment[]): OpeningQuestion[] {
  return ask(a, t, since).map(({ reason, question }) => ({ reason, question }));
}

/** A question about a chain, said without naming the chain again (the chain is named above it). */
function chainQuestion(q: Asked): string {
  switch (q.reason) {
    case 'carried':
      return carriedQuestion;
    case 'missed':
      return missedQuestion;
    case 'done':
      return 'Done this time: what made it work?';
    case 'low-confidence':
      return `Confidence ${q.about?.confidence ?? ''}: what would get you to an 8?`;
    default:
      return q.question;
  }
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

function item(c: Commitment, asOf: IsoDate): BriefItem {
  const last = c.checkIns.filter((k) => k.date <= asOf).at(-1);
  return {
    text: c.text,
    status: c.status,
    due: c.due,
    overdue: isOverdue(c, asOf),
    owner: c.owner,
    sessionDate: c.sessionDate,
    note: noteRef(c.session, c.line),
    lastCheckIn: last ? { date: last.date, status: last.status, note: last.note } : null,
  };
}

/** `ownCoach`: the coach's own name (see `coachOwnName`), the coach of a client no note gives one. */
export function briefOf(a: ClientAnalysis, p: Patterns, signals: Signal[], t: RiskThresholds, ownCoach: string | null = null): BriefModel {
  const c = a.client;
  const asOf = a.asOf;
  const since = a.lastHeld ? a.commitments.filter((x) => x.sessionKey === a.lastHeld!.key) : [];
  const asked = ask(a, t, since);

  // Chains of two sessions or more are named once, in `chains`; their links leave the lists.
  const chained = a.chains.filter((ch) => ch.sessions >= 2);
  const inChain = new Set(chained.flatMap((ch) => ch.links));
  const chains: BriefChain[] = chained
    .map((ch) => {
      const last = ch.links[ch.links.length - 1];
      const q = asked.find((x) => x.chain === ch || (x.about !== null && ch.links.includes(x.about)));
      return {
        text: last.text,
        firstText: ch.links[0].text !== last.text ? ch.links[0].text : null,
        sessions: ch.sessions,
        live: ch.live,
        carried: ch.live && ch.sessions >= t.carriedSessions,
        latest: item(last, asOf),
        links: ch.links.map((l) => ({ sessionDate: l.sessionDate, status: l.status, note: noteRef(l.session, l.line) })),
        question: q ? chainQuestion(q) : null,
      };
    })
    .sort((x, y) => Number(y.live) - Number(x.live) || y.sessions - x.sessions);

  const questions = asked.filter((q) => q.chain === null && (q.about === null || !inChain.has(q.about))).map(({ reason, question }) => ({ reason, question }));
  if (questions.length === 0 && !chains.some((ch) => ch.question !== null)) {
    questions.push({ reason: 'no-commitments', question: 'What would make the time between this session and the next one count?' });
  }

  const noted = notedCoach(c, a.latest);
  return {
    client: c.name,
    asOf,
    facts: {
      coach: noted ?? ownCoach,
      coachIsYou: noted === null && ownCoach !== null,
      accountability: c.accountability,
      cadenceDays: c.cadence,
      lastSession: a.lastHeld ? { date: a.lastHeld.date, daysAgo: a.daysSinceLastHeld ?? 0, note: noteRef(a.lastHeld.path) } : null,
      nextSession: a.nextSession,
      completion: { recent: a.completionRecent.rate, all: a.completionAll.rate, recentSessions: t.recentSessions },
      status: c.status,
      released: a.released,
      releasedUntil: c.pausedUntil !== null && asOf <= c.pausedUntil ? c.pausedUntil : null,
    },
    since: {
      session: a.lastHeld ? { date: a.lastHeld.date, note: noteRef(a.lastHeld.path) } : null,
      items: since.filter((x) => !inChain.has(x)).map((x) => item(x, asOf)),
    },
    overdue: a.commitments.filter((x) => isOverdue(x, asOf) && !since.includes(x) && !inChain.has(x)).map((x) => item(x, asOf)),
    chains,
    signals,
    observations: p.observations.filter((o) => o.kind !== 'carried'),
    questions,
  };
}

export function clientBrief(index: VaultIndex, client: Client, asOf: IsoDate, thresholds?: Partial<RiskThresholds>): BriefModel {
  const t = resolveThresholds(thresholds);
  const a = analyseClient(index, client, asOf, t);
  return briefOf(a, patternsOf(a, t), computeSignals(a, t), t, coachOwnName(index.settings.layout));
}
