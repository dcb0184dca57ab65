/**
 * Draft messages for nudges: the step's template (the client's own override first), filled in
 * with the commitment as the client worded it.
 */
import type { Client, Commitment, IsoDate } from '../types';
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
