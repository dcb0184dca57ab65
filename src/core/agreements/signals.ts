/**
 * What agreements add to a client's view and the roster's signals: the partner's check-ins that
 * were missed or never logged, a recalibration that is due, and partner-owned commitments
 * (`[owner:: Alex]`) that are past due. A released client (paused, ended, within `paused_until`)
 * raises none, as with the roster's own signals.
 */
import { isReleased } from '../analytics/released';
import { plural } from '../words';
import { addDays, daysBetween } from '../dates';
import { isOverdue, type VaultIndex } from '../index/vault-index';
import type { Client, Commitment, IsoDate } from '../types';
import { matchPartner, type Agreement } from './parse';

export const AGREEMENT_SIGNAL_NAMES = ['partner-check-ins-missed', 'recalibration-due', 'partner-commitment-overdue'] as const;
export type AgreementSignalName = (typeof AGREEMENT_SIGNAL_NAMES)[number];

/** Suggested weights in the roster's risk order, alongside SIGNAL_WEIGHT. */
export const AGREEMENT_SIGNAL_WEIGHT: Record<AgreementSignalName, number> = {
  'partner-check-ins-missed': 2,
  'partner-commitment-overdue': 2,
  'recalibration-due': 1,
};

/** The analytics `Evidence` shape, with `agreement` for a line of an agreement note. */
export interface AgreementEvidence {
  kind: 'commitment' | 'session' | 'agreement';
  path: string;
  line: number;
  text: string;
  date: IsoDate;
}

export interface AgreementSignal {
  /** The client (a partner in the agreement, or whose session holds the partner's commitment). */
  client: string;
  name: AgreementSignalName;
  /** One neutral sentence saying what raised it. */
  message: string;
  evidence: AgreementEvidence[];
  /** The agreement note's path, when the signal comes from (or matches) one. */
  agreement: string | null;
}

export interface AgreementSignalOptions {
  /** How many of the latest complete check-in periods to look at. */
  missedWindow?: number;
  /** Missed or unlogged periods in that window that raise the signal. */
  missedCheckIns?: number;
  /** Days ahead of the recalibration date from which it shows as due. */
  recalibrationLeadDays?: number;
}

export interface CheckInPeriod {
  from: IsoDate;
  /** Exclusive. */
  to: IsoDate;
  status: 'held' | 'missed' | 'unlogged';
  /** The log line that shows it (a held or missed entry), or null when nothing was logged. */
  line: number | null;
  note: string | null;
}

/**
 * The agreement's complete check-in periods up to the as-of date, oldest first: one per cadence,
 * counted from `start` (else `created`, else the first logged check-in). A period is held when a
 * held or partial check-in is logged in it, missed when only a missed one is, else unlogged.
 * Empty when the agreement keeps no check-in log or gives no cadence.
 */
export function checkInPeriods(a: Agreement, asOf: IsoDate): CheckInPeriod[] {
  if (!a.sections.log || a.cadence === null || a.cadence <= 0) return [];
  const anchor = a.start ?? a.checkIns[0]?.date ?? null;
  if (anchor === null) return [];
  const out: CheckInPeriod[] = [];
  for (let k = 0; k < 10_000; k++) {
    const from = addDays(anchor, Math.round(k * a.cadence));
    const to = addDays(anchor, Math.round((k + 1) * a.cadence));
    if (to > asOf) break;
    const inside = a.checkIns.filter((c) => c.date >= from && c.date < to);
    const held = inside.find((c) => c.status !== 'missed');
    const missed = inside.find((c) => c.status === 'missed');
    if (held) out.push({ from, to, status: 'held', line: held.line, note: held.note });
    else if (missed) out.push({ from, to, status: 'missed', line: missed.line, note: missed.note });
    else out.push({ from, to, status: 'unlogged', line: null, note: null });
  }
  return out;
}

function rhythm(days: number): string {
  if (days === 1) return 'daily';
  if (days === 7) return 'weekly';
  if (days === 14) return 'fortnightly';
  if (days === 28 || days === 30 || days === 31) return 'monthly';
  return `every-${Math.round(days * 10) / 10}-day`;
}

/** The clients an agreement's partners are (partners who are not clients are left out). */
function partnerClients(index: VaultIndex, a: Agreement): Client[] {
  const out: Client[] = [];
  for (const p of a.partners) {
    const c = index.client(p.name);
    if (c && !out.some((x) => x.name === c.name)) out.push(c);
  }
  return out;
}

/** The agreements a client is a partner in. */
export function agreementsOf(index: VaultIndex, agreements: readonly Agreement[], client: Client | string): Agreement[] {
  const name = typeof client === 'string' ? (index.client(client)?.name ?? client) : client.name;
  return agreements.filter((a) => partnerClients(index, a).some((c) => c.name === name));
}

export interface PartnerCommitment {
  commitment: Commitment;
  /** The owner as written (`Alex`). */
  partner: string;
  /** The partner's full name from a matching agreement, else the owner as written. */
  partnerName: string;
  /** The agreement between the client and this partner, if the vault has one. */
  agreement: string | null;
  overdue: boolean;
}

/** A client's partner-owned commitments (owner neither the client nor the coach), for the client view. */
export function partnerCommitments(index: VaultIndex, agreements: readonly Agreement[], client: Client | string, asOf: IsoDate): PartnerCommitment[] {
  const c = typeof client === 'string' ? index.client(client) : client;
  if (!c) return [];
  const mine = agreementsOf(index, agreements, c);
  const held = new Set(index.sessionsOf(c).filter((s) => s.date <= asOf).map((s) => s.path));
  return index
    .commitmentsOf(c)
    .filter((x) => held.has(x.session) && x.owner !== 'client' && x.owner !== 'coach')
    .map((x) => {
      let agreement: string | null = null;
      let partnerName = x.owner;
      for (const a of mine) {
        const hit = matchPartner(a.partners, x.owner);
        if (hit && hit !== c.name) {
          agreement = a.path;
          partnerName = hit;
          break;
        }
      }
      return { commitment: x, partner: x.owner, partnerName, agreement, overdue: isOverdue(x, asOf) };
    });
}

/** Every agreement signal as of a date, by client then signal name. */
export function agreementSignals(
  index: VaultIndex,
  agreements: readonly Agreement[],
  asOf: IsoDate,
  options: AgreementSignalOptions = {},
): AgreementSignal[] {
  const window = options.missedWindow ?? 4;
  const threshold = options.missedCheckIns ?? 2;
  const lead = options.recalibrationLeadDays ?? 14;
  const out: AgreementSignal[] = [];

  for (const a of [...agreements].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    const clients = partnerClients(index, a).filter((c) => !isReleased(c, asOf));
    if (clients.length === 0) continue;
    const others = (c: Client) => a.partners.map((p) => p.name).filter((n) => index.client(n)?.name !== c.name && n.toLowerCase() !== c.name.toLowerCase());

    const recent = checkInPeriods(a, asOf).slice(-window);
    const missed = recent.filter((p) => p.status !== 'held');
    if (recent.length > 0 && missed.length >= threshold) {
      const logLine = a.sections.log!.line;
      const evidence: AgreementEvidence[] = missed.map((p) => ({
        kind: 'agreement',
        path: a.path,
        line: p.line ?? logLine,
        text: p.status === 'missed' ? `missed check-in${p.note ? `: ${p.note}` : ''}` : `no check-in logged from ${p.from} to ${addDays(p.to, -1)}`,
        date: p.from,
      }));
      for (const c of clients) {
        const with_ = others(c);
        out.push({
          client: c.name,
          name: 'partner-check-ins-missed',
          message: `${missed.length} of the last ${recent.length} ${rhythm(a.cadence!)} check-ins${with_.length ? ` with ${with_.join(' and ')}` : ''} were missed or not logged.`,
          evidence,
          agreement: a.path,
        });
      }
    }

    const r = a.recalibrate;
    if (r !== null && r.date <= addDays(asOf, lead)) {
      const days = daysBetween(asOf, r.date);
      const when = days < 0 ? `was due on ${r.date}` : days === 0 ? 'is due today' : `is due on ${r.date} (in ${plural(days, 'day')})`;
      for (const c of clients) {
        out.push({
          client: c.name,
          name: 'recalibration-due',
          message: `The recalibration of '${a.title}' ${when}.`,
          evidence: [{ kind: 'agreement', path: a.path, line: r.line, text: `recalibration date ${r.date}`, date: r.date }],
          agreement: a.path,
        });
      }
    }
  }

  for (const c of index.clients()) {
    if (isReleased(c, asOf)) continue;
    const overdue = partnerCommitments(index, agreements, c, asOf).filter((p) => p.overdue);
    if (overdue.length === 0) continue;
    const owners = [...new Set(overdue.map((p) => p.partnerName))];
    out.push({
      client: c.name,
      name: 'partner-commitment-overdue',
      message: `${plural(overdue.length, 'commitment')} ${owners.join(' and ')} took on ${overdue.length === 1 ? 'is' : 'are'} overdue.`,
      evidence: overdue.map((p) => ({ kind: 'commitment', path: p.commitment.session, line: p.commitment.line, text: p.commitment.text, date: p.commitment.due })),
      agreement: overdue.find((p) => p.agreement !== null)?.agreement ?? null,
    });
  }

  const order = (n: AgreementSignalName) => AGREEMENT_SIGNAL_NAMES.indexOf(n);
  return out.sort((x, y) => (x.client < y.client ? -1 : x.client > y.client ? 1 : 0) || order(x.name) - order(y.name));
}
