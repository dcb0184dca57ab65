/**
 * Draft messages for nudges: the step's template (the client's own override first), filled in
 * with the commitment as the client worded it.
 */
import type { AccountabilityLevel, Client, Commitment, IsoDate } from '../types';
import { clientOverride, type NudgeKind, type NudgeSettings } from './settings';
import { formatDue, renderTemplate, type TemplateValues } from './template';

export interface NudgeDraft {
  /** The message, ready to edit before sending. */
  body: string;
  /** A subject line for email. */
  subject: string;
}

/**
 * The client's words ready to sit inside a quoted sentence: no closing full stop, and straight
 * double quotes turned into single ones so they do not close the draft's own quotes.
 */
function phrase(text: string): string {
  return text.trim().replace(/[.!;:,\s]+$/u, '').replace(/"([^"]*)"/g, "'$1'").replace(/"/g, "'");
}

/** The trigger without the "when" a coach may have written in front of it. */
export function cueText(trigger: string | null): string | null {
  if (trigger === null) return null;
  const t = phrase(trigger.replace(/^\s*when(?:ever)?\s+/i, ''));
  return t === '' ? null : t;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function templateValues(
  commitment: Pick<Commitment, 'text' | 'trigger' | 'due'>,
  client: Pick<Client, 'name'>,
  asOf?: IsoDate,
): TemplateValues {
  return {
    client: client.name,
    first: firstName(client.name),
    text: phrase(commitment.text),
    trigger: cueText(commitment.trigger),
    due: formatDue(commitment.due, asOf),
  };
}

/** The template a client gets for a step: their override, else the default. */
export function templateFor(kind: NudgeKind, client: string, settings: NudgeSettings): string {
  return clientOverride(settings, client)?.templates?.[kind] ?? settings.templates[kind];
}

export function nudgeDraft(
  kind: NudgeKind,
  commitment: Pick<Commitment, 'text' | 'trigger' | 'due'>,
  client: Pick<Client, 'name'>,
  settings: NudgeSettings,
  asOf?: IsoDate,
): NudgeDraft {
  const values = templateValues(commitment, client, asOf);
  return {
    body: renderTemplate(templateFor(kind, client.name, settings), values),
    subject: renderTemplate(settings.emailSubject, values),
  };
}

/**
 * How a message covering several commitments opens and closes, per accountability level: lighter
 * for a self-directed client, more specific for one who asked for consequences. Every closing asks
 * a learning-frame question; none judges.
 */
export const MESSAGE_TONE: Readonly<Record<AccountabilityLevel, { opening: string; closing: string }>> = Object.freeze({
  'self-directed': {
    opening: 'Hi {{first}}, a light check-in on what you set yourself:',
    closing: 'No need for a full report: what are you noticing so far?',
  },
  'check-in': {
    opening: 'Hi {{first}}, a quick check-in on what we noted:',
    closing: 'How are these going, and what are you noticing?',
  },
  active: {
    opening: 'Hi {{first}}, checking in on what we agreed:',
    closing: 'How is each one going? If something is in the way, what have you noticed about it?',
  },
  consequences: {
    opening: 'Hi {{first}}, checking in on what you committed to:',
    closing: 'Where does each one stand? If one is stuck, what is in the way, and what is your next step?',
  },
});

/**
 * One draft for several commitments of the same client: the level's opening, one line per
 * commitment in the client's words with its due date, the level's closing question. The subject is
 * the settings' subject with `{{text}}` as "N things we agreed".
 */
export function messageDraft(
  commitments: readonly Pick<Commitment, 'text' | 'trigger' | 'due'>[],
  client: Pick<Client, 'name'>,
  level: AccountabilityLevel,
  settings: NudgeSettings,
  asOf?: IsoDate,
  /** The numbers the client's messages give these commitments (one each), for a numbered list. */
  numbers?: readonly number[],
): NudgeDraft {
  const tone = MESSAGE_TONE[level] ?? MESSAGE_TONE.active;
  const values = templateValues(commitments[0], client, asOf);
  const lines = commitments.map((c, i) => `${numbers?.[i] !== undefined ? `${numbers[i]}.` : '-'} "${phrase(c.text)}", by ${formatDue(c.due, asOf)}`);
  return {
    body: [renderTemplate(tone.opening, values), ...lines, renderTemplate(tone.closing, values)].join('\n'),
    subject: renderTemplate(settings.emailSubject, { ...values, text: `${commitments.length} things we agreed` }),
  };
}
