/**
 * "Progress so far": a text for the client of what they have done since the engagement began,
 * what was carried forward and what was let go (with what they took from it), and the milestones
 * reached and ahead, in neutral words. Plain text, for a session-end email or a note exported as
 * PDF. Each commitment carried from session to session counts once (its chain), as it stands now.
 * Pure and total.
 */
import type { VaultIndex } from '../index/vault-index';
import { firstName } from '../nudges/drafts';
import { formatDue } from '../nudges/template';
import { singleLine, withoutControls } from '../plain-text';
import type { Client, Commitment, IsoDate } from '../types';

export interface ProgressFigures {
  /** Commitments (chains) set since the first session, client-owned, up to the as-of date. */
  set: number;
  done: number;
  partial: number;
  open: number;
  carried: number;
  letGo: number;
  milestonesReached: number;
  milestonesAhead: number;
}

export interface ProgressText {
  client: string;
  asOf: IsoDate;
  since: IsoDate | null;
  figures: ProgressFigures;
  subject: string;
  body: string;
}

const one = (t: string) => singleLine(withoutControls(t)).trim().replace(/[.;:,\s]+$/u, '');
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** How many of the most recent done commitments the text lists by name. */
export const RECENT_DONE = 5;

export function progressText(index: VaultIndex, client: Client, asOf: IsoDate): ProgressText {
  const sessions = index.sessionsOf(client).filter((s) => s.date <= asOf);
  const since = sessions[0]?.date ?? null;
  const { chains } = index.chainsOf(client);
  // Each chain as it stands on the as-of date: its latest link written by then.
  const standing: { last: Commitment; links: Commitment[] }[] = [];
  for (const ch of chains) {
    const links = ch.links.filter((l) => l.owner === 'client' && l.sessionDate <= asOf);
    if (links.length > 0) standing.push({ last: links[links.length - 1], links });
  }
  const done = standing.filter((s) => s.last.status === 'done');
  const partial = standing.filter((s) => s.last.status === 'partial');
  const letGo = standing.filter((s) => s.last.status === 'let-go');
  const open = standing.filter((s) => ['open', 'partial', 'stuck', 'skipped'].includes(s.last.status));
  const carried = standing.filter((s) => new Set(s.links.map((l) => l.session)).size > 1);
  const reached = client.milestones.filter((m) => m.done);
  const ahead = client.milestones.filter((m) => !m.done);
  const first = one(firstName(client.name));

  const lines: string[] = [];
  lines.push(since ? `Progress so far, ${first}: since our first session on ${formatDue(since, asOf)}` : `Progress so far, ${first}`);
  lines.push('');
  if (standing.length === 0) lines.push('No commitments written down yet.');
  else {
    const partly = partial.length > 0 ? ` (and ${partial.length} partly done)` : '';
    lines.push(`Done: ${done.length} of the ${plural(standing.length, 'commitment')} you set${partly}.`);
    const recent = [...done].sort((a, b) => ((a.last.doneDate ?? a.last.due) < (b.last.doneDate ?? b.last.due) ? 1 : -1)).slice(0, RECENT_DONE);
    for (const s of recent) lines.push(`- ${one(s.last.text)}${s.last.doneDate ? `, ${formatDue(s.last.doneDate, asOf)}` : ''}`);
    if (done.length > recent.length) lines.push(`- and ${plural(done.length - recent.length, 'more', 'more')}`);
  }
  if (carried.length > 0) {
    lines.push('', 'Carried forward from one session to the next:');
    for (const s of carried) {
      const n = new Set(s.links.map((l) => l.session)).size;
      const now = s.last.status === 'done' ? 'done' : s.last.status === 'let-go' ? 'let go' : s.last.status === 'partial' ? 'partly done' : 'still open';
      lines.push(`- ${one(s.last.text)}: written in ${n} sessions, now ${now}`);
    }
  }
  if (letGo.length > 0) {
    lines.push('', 'Let go, and what you took from it:');
    for (const s of letGo) {
      const learned = s.links.flatMap((l) => l.learned.map((x) => one(x.text))).filter((t) => t !== '');
      lines.push(`- ${one(s.last.text)}${learned.length > 0 ? `: ${learned.join('; ')}` : ''}`);
    }
  }
  const noticed = standing
    .filter((s) => s.last.status !== 'let-go')
    .flatMap((s) => s.links.flatMap((l) => l.learned.map((x) => ({ text: one(x.text), on: one(s.last.text), date: x.date ?? l.sessionDate }))))
    .filter((x) => x.text !== '')
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, RECENT_DONE);
  if (noticed.length > 0) {
    lines.push('', 'What you noticed along the way:');
    for (const x of noticed) lines.push(`- ${x.text} (${x.on})`);
  }
  if (reached.length > 0) {
    lines.push('', 'Milestones reached:');
    for (const m of reached) lines.push(`- ${one(m.name)}`);
  }
  if (ahead.length > 0) {
    lines.push('', 'Milestones ahead:');
    for (const m of ahead) lines.push(`- ${one(m.name)}${m.due ? `, by ${formatDue(m.due, asOf)}` : ''}`);
  }
  if (open.length > 0) lines.push('', `In progress now: ${plural(open.length, 'commitment')}.`);
  return {
    client: client.name,
    asOf,
    since,
    figures: {
      set: standing.length,
      done: done.length,
      partial: partial.length,
      open: open.length,
      carried: carried.length,
      letGo: letGo.length,
      milestonesReached: reached.length,
      milestonesAhead: ahead.length,
    },
    subject: `Your progress so far (${formatDue(asOf)})`,
    body: withoutControls(lines.join('\n')),
  };
}
