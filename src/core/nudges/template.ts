/**
 * The draft templates' small syntax, and the tone check the settings UI and the tests use.
 *
 *   {{name}}              the value, or nothing when it has none
 *   {{#name}}…{{/name}}   kept only when `name` has a value
 *   {{^name}}…{{/name}}   kept only when `name` has no value
 *
 * Names: client, first, text, trigger, due. Sections do not nest; an unknown `{{name}}` is left
 * as written so a typo shows in the draft instead of vanishing.
 */
import { WEEKDAY_NAMES } from '../dates';
import type { IsoDate } from '../types';

export const PLACEHOLDERS = ['client', 'first', 'text', 'trigger', 'due'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string | null>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-01` → `Tuesday 1 December`; the year is added when it differs from `asOf`'s. */
export function formatDue(date: IsoDate, asOf?: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const year = asOf && asOf.slice(0, 4) !== date.slice(0, 4) ? ` ${y}` : '';
  return `${weekday} ${d} ${MONTHS[m - 1]}${year}`;
}

const SECTION = /\{\{([#^])\s*([a-z]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g;
const VALUE = /\{\{\s*([a-z]+)\s*\}\}/g;

function known(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function has(values: TemplateValues, name: string): boolean {
  if (!known(name)) return false;
  const v = values[name];
  return v !== null && v.trim() !== '';
}

/** Fills a template. Whitespace left doubled by an empty value is closed up. */
export function renderTemplate(template: string, values: TemplateValues): string {
  const sections = template.replace(SECTION, (_all, mode: string, name: string, body: string) =>
    (mode === '#') === has(values, name) ? body : '',
  );
  return sections
    .replace(VALUE, (all, name: string) => (known(name) ? (values[name] ?? '') : all))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,;:!?])/g, '$1')
    .trim();
}

/**
 * Words that read as judgement in a nudge. A draft asks what happened and what the client
 * noticed; it does not grade, blame or sigh.
 */
export const JUDGEMENT_PATTERN =
  /\b(?:fail\w*|lazy|laziness|should(?:n't|n’t)?|never|disappoint\w*|again|excuses?|blame\w*|guilt\w*|bad|poor(?:ly)?|let (?:me|us|yourself) down|why didn['’]?t|why haven['’]?t|you forgot|still haven['’]?t|as usual)\b/gi;

/** The judgement words in a text, in order of appearance, lower-cased. */
export function judgementWords(text: string): string[] {
  return [...text.matchAll(JUDGEMENT_PATTERN)].map((m) => m[0].toLowerCase());
}

/** True when a text asks a question in the learning frame (how/what … ?). */
export function asksToLearn(text: string): boolean {
  return /\?/.test(text) && /\b(?:how|what)\b/i.test(text);
}

/**
 * What is wrong with a template, as sentences for the settings UI: unknown placeholders,
 * unclosed sections, judgement words, no learning-frame question. Empty when all is well.
 */
export function templateProblems(template: string): string[] {
  const out: string[] = [];
  const unknown = new Set<string>();
  for (const m of template.matchAll(/\{\{\s*[#^/]?\s*([a-z]*)\s*\}\}/gi)) if (!known(m[1])) unknown.add(m[1]);
  for (const u of unknown) out.push(`{{${u}}} is not a placeholder; use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`);
  const stripped = template.replace(SECTION, '');
  if (/\{\{\s*[#^/]/.test(stripped)) out.push('A {{#…}} or {{^…}} section is not closed with a matching {{/…}}.');
  const words = judgementWords(template.replace(VALUE, ''));
  if (words.length > 0) {
    out.push(`"${[...new Set(words)].join('", "')}" can read as judgement; a question about what happened or what they noticed lands better.`);
  }
  if (!asksToLearn(template.replace(SECTION, (_a, _m, _n, body: string) => body))) {
    out.push('The draft asks no question (how…? what…?); a question invites the client to reflect rather than report.');
  }
  return out;
}
