/**
 * The recap a client keeps: what they are working on, in their own words from the note, each
 * commitment numbered (see numbering.ts) with its when, its if-then plan and its date in words,
 * then how the coach will follow up (from the client's nudge steps, their status and any
 * accountability agreement they are in) and the one-line reply key. Plain text in the second
 * person that reads well in an SMS, an email or a chat app: no markdown, no emoji, no judgement.
 * Pure and total.
 */
import { agreementsOf } from '../agreements/signals';
import type { Agreement } from '../agreements/parse';
import type { VaultIndex } from '../index/vault-index';
import { cueText, firstName } from '../nudges/drafts';
import { nudgeLinks, type NudgeLinks } from '../nudges/links';
import { stepsFor } from '../nudges/schedule';
import { resolveNudgeSettings, type NudgeSettings } from '../nudges/settings';
import { formatDue } from '../nudges/template';
import { singleLine, withoutControls } from '../plain-text';
import type { Client, Commitment, Contact, IsoDate } from '../types';
import { numberCommitments, replyKey, type NumberedCommitment } from './numbering';

export interface ClientMessage {
  client: string;
  /** The date the message is drafted for: its numbering's date. */
  asOf: IsoDate;
  subject: string;
  body: string;
  numbered: NumberedCommitment[];
  contact: Contact | null;
  links: NudgeLinks;
}

export interface RecapOptions {
  nudges?: Partial<NudgeSettings>;
  /** The vault's agreements, for a client in an accountability partnership. */
  agreements?: readonly Agreement[];
}

/** Text as it goes into a message: one line, no control characters, no closing full stop. */
function words(text: string): string {
  return singleLine(withoutControls(text)).trim().replace(/[.;:,\s]+$/u, '');
}

/** "When I sit down with my coffee on Monday" (the cue as the client said it). */
export function whenLine(c: Pick<Commitment, 'trigger'>): string | null {
  const cue = cueText(c.trigger);
  return cue === null ? null : `When ${words(cue)}`;
}

/** "If Monday gets swallowed by meetings, then I'll do it first thing Tuesday". */
export function ifThenLine(c: Pick<Commitment, 'coping'>): string | null {
  if (c.coping === null) return null;
  const obstacle = c.coping.obstacle ? words(c.coping.obstacle.replace(/^\s*if\s+/i, '')) : '';
  const response = c.coping.response ? words(c.coping.response.replace(/^\s*then\s+/i, '')) : '';
  if (obstacle && response) return `If ${obstacle}, then ${response}`;
  if (obstacle) return `If ${obstacle}, you have a plan for it`;
  if (response) return `Plan B: ${response}`;
  return null;
}

/** "By Friday 27 November", or, for a date already past, "It was set for Friday 27 November". */
export function dueLine(c: Pick<Commitment, 'due'>, asOf: IsoDate): string {
  return c.due < asOf ? `It was set for ${formatDue(c.due, asOf)}` : `By ${formatDue(c.due, asOf)}`;
}

/** The lines of one numbered commitment. */
function itemLines(nc: NumberedCommitment, asOf: IsoDate, latest: IsoDate | null): string[] {
  const c = nc.commitment;
  const from = latest !== null && c.sessionDate < latest ? ` (from ${formatDue(c.sessionDate, asOf)})` : '';
  const lines = [`${nc.n}. ${words(c.text)}${from}`];
  const when = whenLine(c);
  if (when) lines.push(`   ${when}`);
  const ifThen = ifThenLine(c);
  if (ifThen) lines.push(`   ${ifThen}`);
  lines.push(`   ${dueLine(c, asOf)}`);
  return lines;
}

const STEP_WORDS = {
  midpoint: 'a check-in half way',
  'before-due': 'a reminder the day before each one is due',
} as const;

/** How the coach will follow up, from the client's status, steps and agreements. */
export function followUpLines(index: VaultIndex, client: Client, asOf: IsoDate, options: RecapOptions = {}): string[] {
  const settings = resolveNudgeSettings(options.nudges);
  const lines: string[] = [];
  const latest = index.sessionsOf(client).filter((s) => s.date <= asOf).at(-1) ?? null;
  const next = latest?.next && latest.next >= asOf ? latest.next : null;
  if (client.status === 'ended') lines.push('Our coaching has come to an end, so there are no reminders from me.');
  else if (client.status === 'paused') lines.push('You are taking a break from coaching, so there are no reminders from me for now.');
  else if (client.pausedUntil !== null && client.pausedUntil >= asOf) {
    lines.push(`You asked for a quiet spell, so there are no reminders from me until after ${formatDue(client.pausedUntil, asOf)}.`);
  } else {
    const steps = settings.enabled ? stepsFor(client, settings) : [];
    const said = (['midpoint', 'before-due'] as const).filter((k) => steps.includes(k)).map((k) => STEP_WORDS[k]);
    if (said.length > 0) lines.push(`How I'll follow up: ${said.join(', and ')}.`);
    else lines.push('No reminders from me in between: this part is yours to run.');
    if (steps.includes('overdue')) lines.push('If a date passes, I will get in touch to hear what got in the way.');
  }
  if (next !== null) lines.push(`We'll look at these together on ${formatDue(next, asOf)}.`);
  for (const a of agreementsOf(index, options.agreements ?? [], client)) {
    const others = a.partners.map((p) => p.name).filter((n) => index.client(n)?.name !== client.name && n !== client.name);
    const rhythm = a.sections.checkins?.lines[0]?.text;
    if (others.length > 0 && rhythm) lines.push(`Your check-ins with ${others.join(' and ')}: ${words(rhythm)}.`);
  }
  return lines;
}

/** The recap for `client` as of `asOf`. */
export function recapMessage(index: VaultIndex, client: Client, asOf: IsoDate, options: RecapOptions = {}): ClientMessage {
  const numbered = numberCommitments(index, client, asOf);
  const first = words(firstName(client.name));
  const sessions = index.sessionsOf(client).filter((s) => s.date <= asOf);
  const latest = sessions.at(-1)?.date ?? null;
  const parts: string[] = [];
  if (numbered.length === 0) {
    parts.push(`Hi ${first}, there is nothing open for you between now and our next session.`);
  } else {
    const intro =
      latest !== null && numbered.every((x) => x.commitment.sessionDate === latest)
        ? `Hi ${first}, here is what you're taking on from our session on ${formatDue(latest, asOf)}, in your words:`
        : `Hi ${first}, here is what you're working on, in your words:`;
    parts.push(intro, '');
    // Line by line: a spread into push() overflows the stack past about 120,000 lines.
    numbered.forEach((nc, i) => {
      for (const line of itemLines(nc, asOf, latest)) parts.push(line);
      if (i < numbered.length - 1) parts.push('');
    });
  }
  parts.push('', ...followUpLines(index, client, asOf, options));
  const key = replyKey(numbered.map((x) => x.n));
  if (key) parts.push(key);
  const body = withoutControls(parts.join('\n'));
  const subject = latest !== null ? `Your commitments from our session on ${formatDue(latest, asOf)}` : 'Your commitments';
  return { client: client.name, asOf, subject, body, numbered, contact: client.contact, links: nudgeLinks(client.contact, subject, body) };
}
