/** Accountability agreements: `type: agreement` notes, their check, and the signals they add. */
export {
  parseAgreement,
  isAgreementText,
  matchPartner,
  findDate,
  frequencyDays,
  AGREEMENT_SECTION_KEYS,
  type Agreement,
  type AgreementCheckIn,
  type AgreementCheckInStatus,
  type AgreementLine,
  type AgreementSection,
  type AgreementSectionKey,
  type DatedLine,
  type Partner,
} from './parse';
export {
  checkAgreement,
  isVagueGoal,
  isActionableSupport,
  checkInMinutes,
  checkInEffort,
  AGREEMENT_FINDING_KINDS,
  type AgreementCheckOptions,
  type AgreementFinding,
  type AgreementFindingKind,
} from './check';
export {
  agreementSignals,
  agreementsOf,
  checkInPeriods,
  partnerCommitments,
  AGREEMENT_SIGNAL_NAMES,
  AGREEMENT_SIGNAL_WEIGHT,
  type AgreementEvidence,
  type AgreementSignal,
  type AgreementSignalName,
  type AgreementSignalOptions,
  type CheckInPeriod,
  type PartnerCommitment,
} from './signals';
export { AGREEMENT_TEMPLATE, agreementTemplate, agreementFileName, type AgreementTemplateValues } from './template';
export { AgreementIndex, agreementsFrom } from './store';
