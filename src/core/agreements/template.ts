/**
 * The template a "New accountability agreement" command fills in: every section the check reads,
 * with a one-line hint in an HTML comment (hidden in reading view, ignored by the parser).
 */
import { addDays } from '../dates';
import type { IsoDate } from '../types';

/** Placeholders: {{partnerA}}, {{partnerB}}, {{coach}}, {{date}}, {{recalibrate}}. */
export const AGREEMENT_TEMPLATE = `---
type: agreement
partners:
  - "[[{{partnerA}}]]"
  - "[[{{partnerB}}]]"
coach: {{coach}}
created: {{date}}
cadence: weekly
recalibrate: {{recalibrate}}
---
# Accountability agreement: {{partnerA}} and {{partnerB}}

## Goals
<!-- A few goals each that you could check at a weekly check-in: a number, a date or a rhythm ("3 pitches a week", "first draft by 15 March"). -->
### {{partnerA}}
- 

### {{partnerB}}
- 

## Check-in frequency and format
<!-- How often, where and how long. Keep the frequent one light (a few lines by message); save the longer talk for a monthly call. -->
- Weekly, on Fridays, by message: three lines each (did / didn't / next).
- A 30-minute call once a month.

## Support style
<!-- What each of you wants the other to do, and when. Actionable: "If I miss a commitment, ask me what got in the way before offering suggestions." Not yet: "direct but kind". -->
- {{partnerA}}: 
- {{partnerB}}: 

## Consequence mechanism
<!-- What happens after a miss, agreed now while it is easy. Light and specific works better than harsh and vague. -->
- 

## Recalibration date
{{recalibrate}}: review the goals, the format and the pairing.

## Check-in agenda (monthly call)
1. Wins since the last call
2. What I said I'd do, and what I did
3. What got in the way, and what I learned
4. One commitment each for next month, with a date
5. Anything to change about this agreement

## Check-in log
<!-- One line per check-in, newest last: "- 2026-11-20 held: both sent three lines", or "missed" / "partial". -->
`;

export interface AgreementTemplateValues {
  partners: [string, string];
  coach?: string | null;
  /** The creation date (the caller's today). */
  date: IsoDate;
  /** Default: twelve weeks after `date`. */
  recalibrate?: IsoDate | null;
}

/** The template filled in, ready to write as a new note. */
export function agreementTemplate(values: AgreementTemplateValues): string {
  const recalibrate = values.recalibrate ?? addDays(values.date, 84);
  const fill: Record<string, string> = {
    partnerA: values.partners[0].trim(),
    partnerB: values.partners[1].trim(),
    coach: values.coach?.trim() ?? '',
    date: values.date,
    recalibrate,
  };
  return AGREEMENT_TEMPLATE.replace(/\{\{(\w+)\}\}/g, (all, k: string) => fill[k] ?? all).replace(/^coach: $/m, 'coach:');
}

/** A file name for the new note: `Agreements/Alex and Jordan.md`. */
export function agreementFileName(partners: [string, string], folder = 'Agreements'): string {
  const safe = (s: string) => s.trim().replace(/[\\/:*?"<>|#^[\]]/g, '');
  const name = `${safe(partners[0])} and ${safe(partners[1])}.md`;
  return folder ? `${folder.replace(/\/+$/, '')}/${name}` : name;
}
