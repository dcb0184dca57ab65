/**
 * Process or outcome: does the commitment name an action the client fully controls (send,
 * practice, draft…) or a result they can only influence (land three clients, get promoted…)?
 * Used only when the line gives no `[kind:: …]`.
 */
import type { Kind } from '../types';

/** Results the client can influence but not decide; matched anywhere in the text. */
const OUTCOME_PATTERNS: RegExp[] = [
  /^(?:land|win|secure|close|sign|earn|hit|reach|achieve|attain|double|triple|grow|increase|boost|raise|lose|gain|convert|surpass|exceed|beat|obtain|receive)\b/,
  /^get (?:promoted|hired|accepted|selected|funded|signed|published|approved|elected|certified|admitted|a raise|(?:an?|the|my) (?:(?:new|first|better|dream|full-time|part-time|permanent) )?(?:offer|job|yes|promotion|interview|contract|client|deal|role|position|grant|funding|loan|visa|place|spot|scholarship|account|raise|investment)|\d+|three|two|four|five|ten|more|new)\b/,
  /^find (?:an?|the|my) (?:(?:new|first|better|dream|full-time|part-time|permanent) )?(?:job|role|position|partner|co-?founder|investor|client|home|flat|apartment|house|publisher|agent)\b/,
  /^pass (?:the |my |an? )?(?:\w+ )?(?:exam|test|interview|certification|bar|audit|probation)\b/,
  /^(?:be|become) (?:promoted|hired|the|an?|fluent|debt|profitable|fit|published)\b/,
  /^make (?:partner|director|senior|principal|vp|head|the (?:team|cut|shortlist))\b/,
  /^(?:make|generate|bring in) (?:\$|£|€|\d+k?\b|a profit|revenue|the sale|sales)/,
  /^(?:finalise|finalize) the deal\b/,
];

/** Result words that make a text an outcome whatever its verb. */
const OUTCOME_WORDS = /\b(?:\d+ ?(?:kg|kilos?|lbs?|pounds)|revenue|promoted|promotion|signed clients?|new clients|paying clients|job offer|the deal closed)\b/;

/**
 * A result measured against the clock or a count, whatever the verb ("Run a marathon under 4h",
 * "Reach 10k subscribers"): the action is the client's, the figure is not.
 */
const MEASURED_RESULT = /\b(?:in )?under \d+(?:[.:]\d+)? ?(?:h|hrs?|hours?|m|mins?|minutes?)\b|\bsub-?\d+(?:[.:]\d+)? ?(?:h|hrs?|hours?)\b|\bpersonal best\b|^reach (?!out\b)/;

/** First words of actions the client controls. */
const PROCESS_VERBS = new Set(
  (
    'send email message text call phone ring draft write rewrite edit outline sketch plan schedule book block ' +
    'practice practise rehearse journal read review reread research study learn list track log record measure ' +
    'meditate walk run swim stretch exercise train cook prepare prep set spend take have hold ask tell talk ' +
    'discuss share post publish submit apply pitch reach contact follow update clean clear tidy sort organise ' +
    'organize file pay delegate decline cancel say stop start try test map document reflect visit attend meet ' +
    'join sign-up register create build design ship finish complete do go check note pick choose decide ' +
    'identify define brainstorm invite introduce thank give open put limit protect turn leave use work'
  ).split(' '),
);

/** The first word when the text starts with a plain ASCII word (and not `to`, `I`, `try`), else null. */
function plainFirstWord(text: string): string | null {
  let i = 0;
  for (; i < text.length && i < 24; i++) {
    const c = text.charCodeAt(i) | 32;
    if (!(c >= 97 && c <= 122) && !(i > 0 && c === 45 /* - */)) break;
  }
  if (i === 0 || (i < text.length && !/\s/.test(text[i]))) return null;
  const word = text.slice(0, i).toLowerCase();
  return word === 'to' || word === 'i' || word === 'try' ? null : word;
}

export function classifyKind(text: string): Kind {
  // The common case without lower-casing and splitting the whole text: a process verb first.
  const plain = plainFirstWord(text);
  if (plain !== null && PROCESS_VERBS.has(plain) && plain !== 'reach' && !/\d/.test(text)) return 'process';
  const t = text
    .toLowerCase()
    .replace(/^[^a-z0-9$£€]+/, '')
    .replace(/^(?:to|i will|i'll|i’ll|try to)\s+/, '');
  if (MEASURED_RESULT.test(t)) return 'outcome';
  const first = t.split(/\s+/, 1)[0];
  // Most commitments start with an action verb; no outcome pattern starts with one.
  if (PROCESS_VERBS.has(first)) return 'process';
  if (OUTCOME_PATTERNS.some((p) => p.test(t))) return 'outcome';
  return OUTCOME_WORDS.test(t) ? 'outcome' : 'process';
}
