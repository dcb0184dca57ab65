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
export {
  buildClientCalendar,
  clientCalendar,
  clientUid,
  readPreviousEvents,
  CLIENT_UID_DOMAIN,
  CLOSED_WINDOW_DAYS,
  type ClientCalendar,
  type ClientCalendarEvent,
  type ClientCalendarOptions,
  type PreviousEvent,
} from './client-ics';
