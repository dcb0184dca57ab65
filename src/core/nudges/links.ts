/**
 * Links that open the coach's own apps with a nudge filled in. The plugin sends nothing itself:
 * `sms:` opens the phone's messages app, `mailto:` the mail app; copying is the adapter's job.
 */
import type { Contact } from '../types';

export interface NudgeLinks {
  /** `sms:+15555550123?&body=…`, or null without a phone number. */
  sms: string | null;
  /** `mailto:a@b.c?subject=…&body=…`, or null without an email address. */
  mailto: string | null;
}

/** RFC 6068/5724 want percent-encoded UTF-8; line breaks as CRLF. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
}

/** A phone number as a URI path: digits and a leading +, nothing else. */
export function phoneForUri(number: string): string | null {
  const trimmed = number.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (digits.length < 3) return null;
  return (trimmed.startsWith('+') ? '+' : '') + digits;
}

/**
 * An `sms:` link. `?&body=` is the form both iOS and Android read (iOS ignores a body after a
 * plain `?`, Android ignores it after `&` alone).
 */
export function smsLink(number: string, body: string): string | null {
  const phone = phoneForUri(number);
  return phone === null ? null : `sms:${phone}?&body=${encode(body)}`;
}

export function mailtoLink(email: string, subject: string, body: string): string | null {
  const to = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(to)) return null;
  // The address may carry characters that are reserved in a URI (`+`, `%`); the `@` stays.
  const address = to.split('@').map(encodeURIComponent).join('@');
  return `mailto:${address}?subject=${encode(subject)}&body=${encode(body)}`;
}

/** Both links for a client's contact; rebuild them after the coach edits the draft. */
export function nudgeLinks(contact: Contact | null, subject: string, body: string): NudgeLinks {
  return {
    sms: contact?.sms ? smsLink(contact.sms, body) : null,
    mailto: contact?.email ? mailtoLink(contact.email, subject, body) : null,
  };
}
