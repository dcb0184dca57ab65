/** The review note's wording: links to notes, and the figures as one line. */
import { formatRate } from '../analytics/completion';
import type { Commitment, Session } from '../types';
import { plural } from '../words';
import type { FigurePoint } from './figure-types';

/** Text safe inside a wikilink's alias: no pipes, no brackets, links reduced to their text. */
function aliasText(text: string): string {
  return text
    .replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')
    .replace(/[[\]|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function noteLink(path: string, text: string, block?: string | null): string {
  const target = path.replace(/\.md$/i, '');
  return `[[${target}${block ? `#^${block}` : ''}|${aliasText(text) || target}]]`;
}

export function clientLink(name: string, path: string | null): string {
  return path ? noteLink(path, name) : name;
}

export function commitmentLink(c: Commitment): string {
  return noteLink(c.session, c.text, c.id);
}

export function sessionLink(s: Session): string {
  return noteLink(s.path, s.date);
}

function pct(rate: number | null): string {
  return formatRate(rate);
}

function days(n: number | null): string {
  return n === null ? '-' : plural(Number.isInteger(n) ? n : Number(n.toFixed(1)), 'day');
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** One line of figures, for a coach or the practice. */
export function figuresLine(f: FigurePoint): string {
  const r = f.sessionRhythm;
  const parts = [
    `${plural(f.activeClients, 'client')} counted`,
    `sessions held ${r.held} of ${num(r.planned)} planned (${pct(r.ratio)})`,
    `client completion ${pct(f.completion.rate)} (${f.completion.done} done${f.completion.partial ? `, ${f.completion.partial} partly` : ''} of ${f.completion.total} due)`,
    `overdue items caught within a week ${f.caughtSameWeek.caught} of ${f.caughtSameWeek.wentOverdue} (${pct(f.caughtSameWeek.share)})`,
    f.followUpLag.count > 0 ? `follow-up lag ${days(f.followUpLag.medianDays)} (median of ${f.followUpLag.count})` : 'follow-up lag -',
    `coach's own items on time ${f.coachOwnedOnTime.onTime} of ${f.coachOwnedOnTime.total}`,
  ];
  return parts.join(' · ');
}

export function trendLine(trend: readonly FigurePoint[]): string {
  const series = (pick: (p: FigurePoint) => number | null, fmt: (v: number) => string) =>
    trend.map((p) => {
      const v = pick(p);
      return v === null ? '-' : fmt(v);
    }).join(' ');
  const rate = (v: number) => `${Math.round(v * 100)}%`;
  return [
    `rhythm ${series((p) => p.sessionRhythm.ratio, rate)}`,
    `completion ${series((p) => p.completion.rate, rate)}`,
    `caught ${series((p) => p.caughtSameWeek.share, rate)}`,
    `at risk ${series((p) => p.atRiskCount, String)}`,
  ].join('; ');
}
