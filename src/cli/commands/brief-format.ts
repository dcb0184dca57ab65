/**
 * The brief as markdown, from the core's brief model, in the client view's words: signal labels
 * (not ids), dates in the display format, status words (never `[x]`/`[?]` boxes, which a markdown
 * viewer draws as ticked checkboxes), notes linked by title. Each fact is said once; a chain is
 * named once, under "Carried forward". Note text is escaped so it shows as written.
 */
import { ACCOUNTABILITY, escapeMarkdown as e, type BriefChain, type BriefItem, type BriefModel, type NoteRef } from '../../core/analytics/brief';
import { formatRate } from '../../core/analytics/completion';
import { sayObservation } from '../../core/analytics/patterns';
import type { IsoDate } from '../../core/types';
import { CHECK_IN_WORD, STATUS_WORD } from '../../core/words';
import { SIGNAL_LABEL, STATUS_LABEL } from '../../core/analytics/labels';

export type DateWords = (date: IsoDate) => string;

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A wikilink to the note, shown as its title; a path a wikilink cannot hold is named, not linked. */
function noteLink(ref: NoteRef): string {
  const file = ref.path.replace(/\.md$/i, '');
  return /[\][|#^]/.test(file) ? e(ref.title) : `[[${file}|${e(ref.title)}]]`;
}

/** A session note linked under its date in the display words. */
function dated(ref: NoteRef, date: IsoDate, d: DateWords): string {
  return noteLink({ ...ref, title: d(date) });
}

function daysAgo(n: number): string {
  return n === 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`;
}

/** `Call the printer: stuck, due Fri 20 Nov, overdue; last check-in Sat 21 Nov, stuck: "the quote…"` */
function itemLine(x: BriefItem, d: DateWords, withNote: boolean): string {
  const parts = [STATUS_WORD[x.status], `due ${d(x.due)}`];
  if (x.overdue) parts.push('overdue');
  if (x.owner !== 'client') parts.push(`owner ${e(x.owner)}`);
  let line = `- ${e(x.text)}: ${parts.join(', ')}`;
  const k = x.lastCheckIn;
  if (k) line += `; last check-in ${d(k.date)}, ${CHECK_IN_WORD[k.status]}${k.note ? `: “${e(k.note)}”` : ''}`;
  return withNote ? `${line} (from ${dated(x.note, x.sessionDate, d)})` : line;
}

function chainLines(ch: BriefChain, d: DateWords): string[] {
  const head = `- ${e(ch.text)}: ${ch.sessions} sessions${ch.live ? '' : ', closed'}; now ${STATUS_WORD[ch.latest.status]}, due ${d(ch.latest.due)}${ch.latest.overdue ? ', overdue' : ''}`;
  const out = [head];
  if (ch.firstText !== null) out.push(`    - First written as “${e(ch.firstText)}”`);
  out.push(`    - ${ch.links.map((l) => `${dated(l.note, l.sessionDate, d)} ${STATUS_WORD[l.status]}`).join(' → ')}`);
  if (ch.question) out.push(`    - Ask: ${e(ch.question)}`);
  return out;
}

export function briefMarkdown(b: BriefModel, d: DateWords): string {
  const f = b.facts;
  const out: string[] = [`# Brief: ${e(b.client)}, ${d(b.asOf)}`, ''];
  const level = ACCOUNTABILITY[f.accountability];
  const facts = [
    f.coach ? `Coach: ${e(f.coach)}${f.coachIsYou ? ' (you: no note names a coach)' : ''}` : 'Coach: none set',
    `Accountability: ${level.name}. ${level.note}`,
    `Rhythm: every ${plural(f.cadenceDays, 'day')}`,
    f.lastSession ? `Last session: ${dated(f.lastSession.note, f.lastSession.date, d)} (${daysAgo(f.lastSession.daysAgo)})` : 'Last session: none held yet',
    f.nextSession ? `Next session: ${d(f.nextSession)}` : 'Next session: not booked',
    `Completion: ${formatRate(f.completion.recent)} over the last ${f.completion.recentSessions} sessions, ${formatRate(f.completion.all)} overall`,
  ];
  if (f.status !== 'active') facts.push(`Status: ${STATUS_LABEL[f.status]}`);
  if (f.releasedUntil) facts.push(`Released from accountability until ${d(f.releasedUntil)}`);
  for (const x of facts) out.push(`- ${x}`);
  out.push('');

  if (b.signals.length > 0) {
    out.push('## Signals');
    for (const s of b.signals) {
      // The carried chains are named under "Carried forward"; the signal only points there.
      const said = s.name === 'carried-over' ? `${plural(b.chains.filter((c) => c.carried).length, 'commitment')}, under Carried forward.` : s.message.replace(ISO_DATE, d);
      out.push(`- ${SIGNAL_LABEL[s.name]}: ${e(said)}`);
    }
    out.push('');
  }

  out.push('## Since the last session');
  if (b.since.session === null) out.push('No session held yet.');
  else if (b.since.items.length === 0) out.push(b.chains.some((c) => c.latest.sessionDate === b.since.session!.date) ? 'Only carried commitments, below.' : 'No commitments were written at the last session.');
  for (const x of b.since.items) out.push(itemLine(x, d, false));
  out.push('');

  if (b.overdue.length > 0) {
    out.push('## Still overdue from earlier');
    for (const x of b.overdue) out.push(itemLine(x, d, true));
    out.push('');
  }

  if (b.chains.length > 0) {
    out.push('## Carried forward');
    for (const ch of b.chains) out.push(...chainLines(ch, d));
    out.push('');
  }

  if (b.observations.length > 0) {
    out.push('## Patterns worth naming');
    for (const o of b.observations) out.push(`- ${e(sayObservation(o, d))}`);
    out.push('');
  }

  if (b.questions.length > 0) {
    out.push('## Opening questions');
    for (const q of b.questions) out.push(`- ${e(q.question)}`);
    out.push('');
  }
  return out.join('\n');
}
