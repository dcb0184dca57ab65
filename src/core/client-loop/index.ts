/** The client's side of the loop: recap, numbering and reply, progress (the client calendar is in core/calendar). */
export { numberCommitments, liveOn, replyKey, type NumberedCommitment } from './numbering';
export { readReply, type PlannedCheckIn, type ReplyReading, type ReplyStatus, type Unplaced } from './reply';
export { recapMessage, followUpLines, whenLine, ifThenLine, dueLine, type ClientMessage, type RecapOptions } from './recap';
export { progressText, RECENT_DONE, type ProgressFigures, type ProgressText } from './progress';
export { checkInChanges, type CheckInToWrite } from './write';
