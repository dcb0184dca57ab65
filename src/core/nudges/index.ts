/** Nudges: the cadence per commitment, the Today panel, drafts and the links that send them. */
export * from './settings';
export { nudgeSchedule, stepsFor, type NudgeStep, type SchedulableClient, type SchedulableCommitment } from './schedule';
export { nudgeDraft, templateFor, templateValues, cueText, firstName, type NudgeDraft } from './drafts';
export { nudgeLinks, smsLink, mailtoLink, phoneForUri, type NudgeLinks } from './links';
export { nudgesDue, nudgeCheckIn, currentStep, quietNudges, checkInQuestion, type NudgeItem, type NudgesDueOptions, type NudgeChannel, type QuietNudge } from './today';
export { clientRhythm, STUCK_STREAK, type ClientRhythm } from './rhythm';
export {
  renderTemplate,
  templateProblems,
  judgementWords,
  asksToLearn,
  formatDue,
  JUDGEMENT_PATTERN,
  PLACEHOLDERS,
  type Placeholder,
  type TemplateValues,
} from './template';
