/**
 * The agreement panel's model (for the client view): the client's agreements with their findings
 * and signals, and the commitments partners took on in the client's sessions. Pure, as of a date.
 */
import { checkAgreement } from '../core/agreements/check';
import type { Agreement } from '../core/agreements/parse';
import { agreementSignals, agreementsOf, checkInPeriods, partnerCommitments, type PartnerCommitment } from '../core/agreements/signals';
import type { AgreementIndex } from '../core/agreements/store';
import { addDays, daysBetween } from '../core/dates';
import type { VaultIndex } from '../core/index/vault-index';
import type { IsoDate } from '../core/types';
import type { AgreementActions, AgreementModel, AgreementSummary } from '../ui/agreements/contracts';
import type { Evidence } from '../core/analytics/signals';
import type { Navigator } from './view-actions';

export type { AgreementActions, AgreementModel };

/** Days ahead of the recalibration date from which it counts as due (the signals' default). */
const RECALIBRATION_LEAD = 14;
/** Check-in periods shown per agreement (the missed-check-ins signal's window). */
const PERIODS = 4;

export function cadenceText(days: number | null): string | null {
  if (days === null) return null;
  if (days === 1) return 'daily';
  if (days === 7) return 'weekly';
  if (days === 14) return 'fortnightly';
  if (days >= 28 && days <= 31) return 'monthly';
  if (days === 3.5) return 'twice a week';
  const d = Math.round(days * 10) / 10;
  return `every ${d} days`;
}

const LIVE = new Set(['open', 'partial', 'stuck', 'skipped']);

/** Overdue first, then the other live ones by due date, then closed ones, latest due first. */
export function sortPartnerCommitments(list: readonly PartnerCommitment[]): PartnerCommitment[] {
  const rank = (p: PartnerCommitment) => (p.overdue ? 0 : LIVE.has(p.commitment.status) ? 1 : 2);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 2 ? cmp(b.commitment.due, a.commitment.due) : cmp(a.commitment.due, b.commitment.due)) ||
      cmp(a.commitment.session, b.commitment.session) ||
      a.commitment.line - b.commitment.line,
  );
}

function summary(a: Agreement, isClient: (partner: string) => boolean, asOf: IsoDate, signals: AgreementModel['signals']): AgreementSummary {
  const partners = a.partners.map((p) => p.name);
  const r = a.recalibrate;
  const lastCheckIn = a.checkIns.filter((c) => c.date <= asOf).pop() ?? null;
  return {
    path: a.path,
    title: a.title,
    titleLine: a.titleLine,
    partners,
    others: partners.filter((n) => !isClient(n)),
    coach: a.coach,
    start: a.start,
    cadence: a.cadence,
    cadenceText: cadenceText(a.cadence),
    recalibrate: r,
    recalibrateInDays: r ? daysBetween(asOf, r.date) : null,
    recalibrateDue: r !== null && r.date <= addDays(asOf, RECALIBRATION_LEAD),
    findings: checkAgreement(a, asOf),
    periods: checkInPeriods(a, asOf).slice(-PERIODS),
    lastCheckIn,
    logLine: a.sections.log?.line ?? null,
    signals: signals.filter((s) => s.agreement === a.path),
  };
}

function listOf(agreements: AgreementIndex | readonly Agreement[]): readonly Agreement[] {
  return 'list' in agreements && typeof agreements.list === 'function' ? agreements.list() : (agreements as readonly Agreement[]);
}

/**
 * A client's agreement panel as of a date. A client the index does not know still gets a model
 * (with nothing in it), so the panel can say so.
 */
export function buildAgreementModel(
  index: VaultIndex,
  agreements: AgreementIndex | readonly Agreement[],
  clientName: string,
  asOf: IsoDate,
): AgreementModel {
  const all = listOf(agreements);
  const client = index.client(clientName);
  const name = client?.name ?? clientName;
  const mine = client ? agreementsOf(index, all, client) : [];
  const signals = client ? agreementSignals(index, mine, asOf).filter((s) => s.client === name) : [];
  const shown = new Set(mine.map((a) => a.path));
  const isClient = (partner: string) => (index.client(partner)?.name ?? partner).toLowerCase() === name.toLowerCase();
  return {
    asOf,
    client: name,
    agreements: mine.map((a) => summary(a, isClient, asOf, signals)),
    partnerCommitments: client ? sortPartnerCommitments(partnerCommitments(index, all, client, asOf)) : [],
    signals: signals.filter((s) => s.agreement === null || !shown.has(s.agreement)),
  };
}

/** The panel's actions over the views' navigator, which opens any note at a line. */
export function agreementActions(nav: Pick<Navigator, 'openEvidence'>): AgreementActions {
  // The navigator reads only the path and the line; an agreement line opens like any other.
  return { openEvidence: (e) => nav.openEvidence(e as Evidence) };
}
