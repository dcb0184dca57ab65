/**
 * A layout with every reading rule for other vaults on (docs/note-format.md, "Vaults in other
 * layouts"), as a coach who ran set-up on a mixed vault would have it: the rule tests and the
 * parser properties start from it and add what their notes need.
 */
import { EVERY_RULE, type NoteLayout } from '../../src/core/layout/layout';

export const FLEX: Partial<NoteLayout> = {
  sessionTypes: ['session', 'meeting', '1-1'],
  clientTypes: ['client', 'person'],
  clientKeys: ['coachee', 'person', 'with'],
  attendeeKeys: ['attendees'],
  dateKeys: ['meeting_date', 'created'],
  nextKeys: ['next_meeting'],
  ...EVERY_RULE,
  coachNames: ['Priya Nair', 'Priya', 'Me', 'I'],
};
