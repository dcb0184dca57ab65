/** Accountability agreements: `type: agreement` notes, their check, and the signals they add. */
export {
  parseAgreement,
  findDate,
  frequencyDays,
  type Agreement,
} from './parse';
export {
  checkAgreement,
  isVagueGoal,
  isActionableSupport,
  checkInMinutes,
  AGREEMENT_FINDING_KINDS,
  type AgreementFinding,
} from './check';
export {
  agreementSignals,
  agreementsOf,
  checkInPeriods,
  partnerCommitments,
  AGREEMENT_SIGNAL_NAMES,
  AGREEMENT_SIGNAL_WEIGHT,
} from './signals';
export { AGREEMENT_TEMPLATE, agreementTemplate, agreementFileName } from './template';
export { AgreementIndex, agreementsFrom } from './store';
