/** Safe write-back edits: pure functions from a note's text to its new text, or a refusal. */
export * from './types';
export { splitNote, joinNote, LineEditor, type NoteText, type Eol } from './text';
export { blockIdsIn, newBlockId } from './block-id';
export { locateCommitment, locateIn, type Located } from './locate';
export { checkIn, checkInLineText, type CheckInOptions } from './check-in';
export { letGo, type LetGoOptions } from './let-go';
export { capture, defaultDueDate, type CaptureFields, type CaptureItem, type CaptureOptions } from './capture';
export { recommit, modify, commitmentLine, insertCommitment, type CarryInto, type RecommitOptions, type ModifyOptions } from './carry';
export { releaseAccountability, setFrontmatterValue, yamlScalar, needsYamlQuotes, type FrontmatterEditOptions } from './frontmatter-edit';
export {
  DEFAULT_SESSION_NOTE_SETTINGS,
  DEFAULT_SESSION_TEMPLATE,
  fillPlaceholders,
  formatDate,
  planCarryTarget,
  renderSessionNote,
  sessionNotePath,
  type CarryDestination,
  type CarryPlanInput,
  type CarrySession,
  type SessionNoteSettings,
} from './session-note';
