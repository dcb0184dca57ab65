/**
 * Checking an agreement: what a coach might raise when the partners set it up or review it, each
 * with the line it is about and phrased as a question for the coaching conversation (never a
 * verdict). The heuristics are deliberately simple and explainable; docs/agreements.md
 * ("What `checkAgreement(note, asOf)` asks about") lists them.
 */
import { classifyKind } from '../parse/classify';
import type { IsoDate } from '../types';
import { plural } from '../words';
import { frequencyDays, type Agreement, type AgreementLine } from './parse';

export const AGREEMENT_FINDING_KINDS = [
  'missing-goals',
  'vague-goal',
  'stretch-mismatch',
  'format-too-heavy',
  'missing-support-style',
  'support-not-actionable',
  'no-consequence',
  'no-recalibration-date',
  'recalibration-past',
  'recalibration-dates-differ',
] as const;
export type AgreementFindingKind = (typeof AGREEMENT_FINDING_KINDS)[number];

export interface AgreementFinding {
  kind: AgreementFindingKind;
  /** 1-based line the finding is about (where to add the missing piece, for an absent one). */
  line: number;
  /** The partner it concerns, if one. */
  partner: string | null;
  /** The text it quotes, if any. */
  text: string | null;
  /** A question for the coaching conversation. */
  question: string;
}

export interface AgreementCheckOptions {
  /** Check-in time per week above which the format counts as heavier than the cadence supports. */
  maxWeeklyMinutes?: number;
  /** Minutes one agenda item takes. */
  minutesPerAgendaItem?: number;
}

// ---- goals ----------------------------------------------------------------------------------

const MEASURE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|first|once|twice|half|every|each|daily|weekly|monthly|fortnightly|per|a (?:day|week|month)|this week|next week|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|march|april|june|july|august|september|october|november|december|q[1-4]|end of)\b/i;
const VAGUE_START =
  /^(?:get(?:ting)?\s+(?:better|more|back|into|on top|good|serious)|improve|be\s+(?:more|better|less|a better|healthier|consistent)|become\s+(?:more|better|a better)|work\s+on|focus\s+(?:more\s+)?on|try\s+(?:to|and)|think\s+(?:about|more)|learn\s+(?:more\s+)?about|look\s+into|explore|keep\s+(?:up|on top|going)|stay\s+(?:on top|focused|motivated|consistent)|do\s+(?:more|better)|feel\s|prioriti[sz]e|make\s+progress|grow\s+(?:as|my)|sort\s+out|figure\s+out)\b/i;
/** First words of goals a partner could check off in a week. */
const CHECKABLE_VERBS = new Set(
  (
    'send write publish post ship launch submit apply pitch call book schedule sign hire close finish complete ' +
    'draft record run walk swim read deliver present invoice quote raise land win open release list sell ' +
    'interview email message contact meet attend register file pay create build design update rewrite'
  ).split(' '),
);

function goalText(g: AgreementLine): string {
  return [g.text, ...g.details].join(' ');
}

function firstWord(text: string): string {
  return text.toLowerCase().replace(/^[^a-z0-9$£€]+/, '').replace(/^(?:to|i will|i'll|i’ll|we will)\s+/, '').split(/\s+/, 1)[0] ?? '';
}

/** True when a goal gives nothing a weekly check-in could check: no number, no date or rhythm, no concrete action. */
export function isVagueGoal(text: string): boolean {
  if (MEASURE.test(text)) return false;
  const t = text.trim().replace(/^(?:to|i will|i'll|i’ll|we will)\s+/i, '');
  return VAGUE_START.test(t) || !CHECKABLE_VERBS.has(firstWord(t));
}

/** A rough size of what a partner took on: results count double, goals too vague to check count nothing. */
function stretch(goals: AgreementLine[]): { score: number; parts: number; outcomes: number } {
  let score = 0;
  let parts = 0;
  let outcomes = 0;
  for (const g of goals) {
    for (const part of g.text.split(/\s*;\s*/).filter((x) => x.trim() !== '')) {
      parts++;
      if (isVagueGoal(part)) continue;
      if (classifyKind(part) === 'outcome') {
        outcomes++;
        score += 2;
      } else score += 1;
    }
  }
  return { score, parts, outcomes };
}

// ---- support style --------------------------------------------------------------------------

const SUPPORT_VERBS =
  /\b(?:ask|tell|remind|text|call|message|send|check|offer|give|wait|share|name|point|let|suggest|celebrate|push|nudge|follow up|hold|challenge|listen|help|mention|say|reply|answer|pause|skip|avoid|start|focus|write|book|flag|notice)\b/i;
const CONDITION = /\b(?:if|when|whenever|before|after|until|once|each time|every time|as soon as|instead of)\b/i;

/** True when a support preference says what to do, and when: "If I miss a commitment, ask me…". */
export function isActionableSupport(text: string): boolean {
  const t = text.trim();
  if (!SUPPORT_VERBS.test(t)) return false;
  return CONDITION.test(t) || SUPPORT_VERBS.test(firstWord(t)) || /\bme\b/i.test(t);
}

// ---- check-in format ------------------------------------------------------------------------

/** How long one check-in takes, written or assumed from its format, and whether it is written rather than spoken. */
export function checkInEffort(text: string): { minutes: number; written: boolean } | null {
  const t = text.toLowerCase();
  const written = /\b(?:message|text|whatsapp|slack|signal|email|thread|written|lines?|voice note|form|emoji|checklist)\b/.test(t);
  const spoken = /\b(?:call|video|zoom|facetime|meet|meeting|in person|coffee|lunch|walk|session)\b/.test(t);
  let m: RegExpExecArray | null;
  if ((m = /(\d+(?:\.\d+)?)\s*(?:-|\s)?\s*(?:h|hr|hrs|hour|hours)\b/.exec(t))) return { minutes: Number(m[1]) * 60, written: !spoken && written };
  if ((m = /(\d+)\s*(?:-|\s)?\s*(?:min|mins|minute|minutes)\b/.exec(t))) return { minutes: Number(m[1]), written: !spoken && written };
  if (/\bhalf(?:\s+|-)an?\s+hour\b|\bhalf-hour\b/.test(t)) return { minutes: 30, written: false };
  if (/\b(?:an|one)\s+hour\b|\bhour-long\b/.test(t)) return { minutes: 60, written: false };
  if (spoken) return { minutes: 30, written: false };
  if (written) return { minutes: 5, written: true };
  return null;
}

/** Minutes one check-in takes, written or assumed from its format, or null when it says nothing. */
export function checkInMinutes(text: string): number | null {
  return checkInEffort(text)?.minutes ?? null;
}

function hours(minutes: number): string {
  if (minutes < 90) return `${Math.round(minutes)} minutes`;
  const h = Math.round((minutes / 60) * 2) / 2;
  return `${h} hours`;
}

const FORMAT_WORDS = /\b(call|video|zoom|meeting|coffee|walk|lunch|message|thread|daily|weekly|monthly|fortnightly|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|month|week)\b/gi;

// ---- the check ------------------------------------------------------------------------------

function quote(text: string): string {
  const t = text.trim().replace(/[.!;,]+$/, '');
  return `"${t.length > 80 ? t.slice(0, 79) + '…' : t}"`;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export function checkAgreement(note: Agreement, asOf: IsoDate, options: AgreementCheckOptions = {}): AgreementFinding[] {
  const maxWeekly = options.maxWeeklyMinutes ?? 90;
  const perItem = options.minutesPerAgendaItem ?? 5;
  const out: AgreementFinding[] = [];
  const add = (kind: AgreementFindingKind, line: number, partner: string | null, text: string | null, question: string) =>
    out.push({ kind, line, partner, text, question });
  const names = note.partners.map((p) => p.name);
  const who = (partner: string | null) => (partner ? firstName(partner) : 'you');
  const other = (partner: string | null) => {
    const rest = names.filter((n) => n !== partner);
    return partner && rest.length === 1 ? firstName(rest[0]) : 'your partner';
  };
  const goalsLine = note.sections.goals?.line ?? note.titleLine;

  // Goals: each partner has some; each is checkable in a week; the stretch is comparable.
  for (const p of note.partners) {
    if (!note.goals.some((g) => g.partner === p.name)) {
      add('missing-goals', goalsLine, p.name, null,
        `What is ${firstName(p.name)} working toward in this partnership, in a form you could both check at a weekly check-in?`);
    }
  }
  for (const g of note.goals) {
    if (isVagueGoal(goalText(g))) {
      add('vague-goal', g.line, g.partner, g.text,
        `What would ${quote(g.text)} look like in a single week: what could ${who(g.partner)} do, or point to, by the next check-in?`);
    }
  }
  if (note.partners.length >= 2) {
    const sizes = note.partners.map((p) => ({ name: p.name, ...stretch(note.goals.filter((g) => g.partner === p.name)) }));
    const scored = sizes.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
    if (scored.length >= 2) {
      const hi = scored[0];
      const lo = scored[scored.length - 1];
      if (hi.score >= 2 * lo.score && hi.score - lo.score >= 2) {
        const describe = (s: typeof hi) => `${plural(s.parts, 'goal')}, ${s.outcomes} of them results rather than actions`;
        add('stretch-mismatch', goalsLine, null, null,
          `${firstName(hi.name)}'s goals look like a bigger stretch than ${firstName(lo.name)}'s (${describe(hi)}, against ${describe(lo)}). ` +
            'Is that the balance you both want, or would one of you like to stretch further or scale back?');
      }
    }
  }

  // Check-in format against the cadence.
  const formats = (note.sections.checkins?.lines ?? []).map((l) => {
    const text = [l.text, ...l.details].join(' ');
    const effort = checkInEffort(text);
    const days = frequencyDays(text) ?? (note.cadence !== null && l.line === note.cadenceLine ? note.cadence : null);
    return { line: l, text, days, minutes: effort?.minutes ?? null, written: effort?.written ?? false };
  });
  for (const f of formats) {
    if (f.days === null || f.minutes === null) continue;
    const weekly = (f.minutes * 7) / f.days;
    if (weekly > maxWeekly) {
      add('format-too-heavy', f.line.line, null, f.line.text,
        `${quote(f.line.text)} adds up to about ${hours(weekly)} a week. Will that still feel doable in week six, ` +
          'or would a lighter format between the fuller check-ins hold up better?');
    }
  }
  const agenda = note.sections.agenda;
  if (agenda && agenda.lines.length > 0 && formats.length > 0) {
    const want = new Set([...agenda.heading.matchAll(FORMAT_WORDS)].map((m) => m[1].toLowerCase().replace(/s$/, '')));
    const overlap = (text: string) => [...text.matchAll(FORMAT_WORDS)].filter((m) => want.has(m[1].toLowerCase().replace(/s$/, ''))).length;
    const ranked = [...formats].sort((a, b) => overlap(b.text) - overlap(a.text) || (a.days ?? 999) - (b.days ?? 999));
    const target = ranked[0];
    const need = agenda.lines.length * perItem;
    // An agenda names the check-in it is for ("(monthly call)"); one the format list does not
    // describe, or a written check-in, has no time budget to weigh it against.
    const named = want.size === 0 || overlap(target.text) > 0;
    if (named && !target.written && target.minutes !== null && need > target.minutes) {
      add('format-too-heavy', agenda.line, null, agenda.heading,
        `The agenda has ${agenda.lines.length} items, about ${need} minutes, for ${quote(target.line.text)}. ` +
          'Which items matter most at every check-in, and which could wait for a longer one?');
    }
  }

  // Support style: one per partner, and actionable.
  const supportLine = note.sections.support?.line ?? note.titleLine;
  for (const p of note.partners) {
    if (!note.support.some((s) => s.partner === p.name)) {
      add('missing-support-style', supportLine, p.name, null,
        `When a week goes off track for ${firstName(p.name)}, what would help most from ${other(p.name)}: a question, a reminder, or some space first?`);
    }
  }
  for (const s of note.support) {
    if (!isActionableSupport(s.text)) {
      add('support-not-actionable', s.line, s.partner, s.text,
        `What does ${quote(s.text)} look like in practice? When ${who(s.partner)} misses a commitment, what would ${who(s.partner)} like ${other(s.partner)} to say or do first? ` +
          '(For example: "If I miss a commitment, ask me what got in the way before offering suggestions.")');
    }
  }

  // Consequence mechanism.
  const consequences = note.sections.consequences;
  const empty = (t: string) => /^(?:none|no|n\/a|na|tbd|tbc|-+|nothing(?: yet)?|to be decided|to decide|\?+)\.?$/i.test(t.trim());
  if (!consequences || consequences.lines.every((l) => empty(l.text))) {
    add('no-consequence', consequences?.line ?? note.titleLine, null, null,
      'What happens when one of you misses a check-in or a goal? Is there a light consequence you would both choose now, while it is easy to agree on?');
  }

  // Recalibration date.
  const recal = note.recalibrate;
  if (recal === null) {
    add('no-recalibration-date', note.sections.recalibration?.line ?? note.keyLines.recalibrate ?? note.titleLine, null, null,
      'When will you sit down together to look at what is working and adjust the goals or the pairing? Would a date six to twelve weeks out suit you both?');
  } else {
    if (recal.date < asOf) {
      add('recalibration-past', recal.line, null, recal.date,
        `The recalibration date, due on ${recal.date}, has passed. When will you look together at what is working and what to change, and what date will you set next?`);
    }
    const distinct = [...new Set(note.recalibrateDates.map((d) => d.date))];
    if (distinct.length > 1) {
      const second = note.recalibrateDates.find((d) => d.date !== recal.date)!;
      add('recalibration-dates-differ', second.line, null, second.date,
        `The note gives two recalibration dates, on ${recal.date} and on ${second.date}: which one have you both agreed on?`);
    }
  }

  return out.sort((a, b) => a.line - b.line || AGREEMENT_FINDING_KINDS.indexOf(a.kind) - AGREEMENT_FINDING_KINDS.indexOf(b.kind));
}
