/**
 * Every line form Follow Through's edits write, produced by the pure edit functions in
 * src/core/edit on small session notes, in both field conventions: each with how Follow Through
 * itself reads the line back (due date, checkbox, block id), for comparing with other readers.
 */
import { capture } from '../../src/core/edit/capture';
import { modify, recommit } from '../../src/core/edit/carry';
import { checkIn } from '../../src/core/edit/check-in';
import { letGo } from '../../src/core/edit/let-go';
import type { EditResult, MultiEditResult } from '../../src/core/edit/types';
import type { FieldConvention, ParsedCommitment } from '../../src/core/types';
import { commitment, PATH, seeded, session, target } from '../edit/helpers';

export type Form =
  | 'capture'
  | 'capture with trigger and confidence'
  | 'check-in done'
  | 'check-in partial'
  | 'check-in stuck'
  | 'recommit: old line'
  | 'recommit: new line'
  | 'modify: old line'
  | 'modify: new line'
  | 'let go';

export interface WrittenLine {
  form: Form;
  convention: FieldConvention;
  /** The line as written. */
  line: string;
  /** Follow Through's own reading of it. */
  read: ParsedCommitment;
}

const TODAY = '2026-11-28';
const NEXT_PATH = 'Sessions/2026-12-04 Jane Doe.md';
const NEXT = ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-12-04', 'next: 2026-12-18', '---', '## Commitments', ''].join('\n');

/** A date field in the given convention. */
const due = (c: FieldConvention, d: string) => (c === 'emoji' ? `📅 ${d}` : `[due:: ${d}]`);

function note(c: FieldConvention): string {
  return session([
    '## Commitments',
    `- Draft the hiring scorecard ${due(c, '2026-11-26')}`,
    `- Review the pitch deck ${due(c, '2026-11-27')}`,
    `- [ ] Send ten outreach messages ${due(c, '2026-11-27')} ^out10`,
    `- [/] Book the offsite venue ${due(c, '2026-11-25')} ^off1`,
    `- [?] Call the recruiter back ${due(c, '2026-11-24')} ^rec1`,
    `- [ ] Update the LinkedIn headline ${due(c, '2026-11-26')} ^lin1`,
    `- [ ] Redo the product photos ${due(c, '2026-11-23')} ^pho1`,
    `- [ ] Ask two clients for referrals ${due(c, '2026-11-29')} ^ref1`,
  ]);
}

function ok(r: EditResult): string {
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}
function okMulti(r: MultiEditResult): { source: string; dest: string } {
  if (!r.ok) throw new Error(r.reason);
  const source = r.changes.find((x) => x.path === PATH)?.after;
  const dest = r.changes.find((x) => x.path === NEXT_PATH)?.after;
  if (source === undefined || dest === undefined) throw new Error('carry did not change both notes');
  return { source, dest };
}

function lineOf(text: string, which: string, path = PATH): WrittenLine['read'] {
  return commitment(text, which, path);
}

/** The lines every edit writes, for one convention. */
export function writtenLines(c: FieldConvention): WrittenLine[] {
  const text = note(c);
  const out: WrittenLine[] = [];
  const add = (form: Form, read: ParsedCommitment) => out.push({ form, convention: c, line: read.raw, read });

  const captured = ok(
    capture(text, PATH, {
      random: seeded(1),
      items: [{ target: target(text, 'Draft the hiring scorecard') }, { target: target(text, 'Review the pitch deck'), fields: { trigger: 'after standup', confidence: 6 } }],
    }),
  );
  add('capture', lineOf(captured, 'Draft the hiring scorecard'));
  add('capture with trigger and confidence', lineOf(captured, 'Review the pitch deck'));

  add('check-in done', lineOf(ok(checkIn(text, target(text, 'Send ten outreach messages'), { status: 'done', today: TODAY, note: 'all ten' })), 'Send ten outreach messages'));
  add('check-in partial', lineOf(ok(checkIn(text, target(text, 'Book the offsite venue'), { status: 'partial', today: TODAY, note: 'two quotes in' })), 'Book the offsite venue'));
  add('check-in stuck', lineOf(ok(checkIn(text, target(text, 'Call the recruiter back'), { status: 'stuck', today: TODAY, note: 'no answer' })), 'Call the recruiter back'));

  const into = { path: NEXT_PATH, text: NEXT, isNew: false, defaultDue: '2026-12-16' };
  const rc = okMulti(recommit(text, target(text, 'Update the LinkedIn headline'), into, { today: TODAY, random: seeded(2) }));
  add('recommit: old line', lineOf(rc.source, 'Update the LinkedIn headline'));
  add('recommit: new line', lineOf(rc.dest, 'Update the LinkedIn headline', NEXT_PATH));

  const md = okMulti(
    modify(text, target(text, 'Ask two clients for referrals'), into, {
      today: TODAY,
      random: seeded(3),
      text: 'Ask one client for a referral',
      trigger: 'at the end of each session',
      confidence: 8,
    }),
  );
  add('modify: old line', lineOf(md.source, 'Ask two clients for referrals'));
  add('modify: new line', lineOf(md.dest, 'Ask one client for a referral', NEXT_PATH));

  add('let go', lineOf(ok(letGo(text, target(text, 'Redo the product photos'), { today: TODAY, reason: 'not the bottleneck' })), 'Redo the product photos'));
  return out;
}

/** The checkbox character Follow Through wrote. */
export function boxOf(line: string): string {
  const m = /^\s*(?:[-*+]|\d+[.)])\s+\[(.)\]/.exec(line);
  if (!m) throw new Error(`not a checkbox line: ${line}`);
  return m[1];
}
