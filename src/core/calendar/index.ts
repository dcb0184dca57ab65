/** Calendar export: an iCalendar file of open commitments with nudge alarms. */
export * from './settings';
export {
  buildCalendar,
  calendarEvents,
  calendarFile,
  commitmentUid,
  isOurCalendar,
  obsidianUrl,
  PRODID,
  stableHash,
  UID_DOMAIN,
  type CalendarAlarm,
  type CalendarEvent,
  type CalendarOptions,
} from './ics';
