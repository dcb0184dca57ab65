/**
 * Calendar export settings. The adapter keeps these under one `calendar` key of the plugin
 * settings; `DEFAULT_CALENDAR_SETTINGS` is frozen.
 */
import { fitsRange, range } from '../number-range';

export interface CalendarSettings {
  /** Rewrite the calendar file in the vault whenever the index changes, for a calendar app to subscribe to through the coach's sync. */
  writeToVault: boolean;
  /** Vault path of that file. */
  vaultPath: string;
  /** The calendar's display name (X-WR-CALNAME / NAME). */
  calendarName: string;
  /** Local hour (0-23) at which nudge alarms go off on their day. */
  alarmHour: number;
  /** Give the coach's own open items (`Coach: …`, `[owner:: coach]`) an event too. */
  includeCoachItems: boolean;
  /** Give partner-owned items (`[owner:: Alex]`) an event too. */
  includePartnerItems: boolean;
  /** Keep alarms for nudge steps already in the past as of the export date. */
  includePastAlarms: boolean;
}

export const DEFAULT_CALENDAR_SETTINGS: Readonly<CalendarSettings> = Object.freeze({
  writeToVault: false,
  vaultPath: 'Follow Through.ics',
  calendarName: 'Follow Through',
  alarmHour: 9,
  includeCoachItems: true,
  includePartnerItems: true,
  includePastAlarms: false,
} satisfies CalendarSettings);

/** The hour of the day an alarm rings (see number-range.ts); settingRepairs names a saved value outside it. */
export const ALARM_HOUR_RANGE = range(0, 23, true, 'hours');

export function resolveCalendarSettings(partial: Partial<CalendarSettings> | null | undefined = {}): CalendarSettings {
  const p = (partial ?? {}) as Partial<Record<keyof CalendarSettings, unknown>>;
  const d = DEFAULT_CALENDAR_SETTINGS;
  const bool = (v: unknown, f: boolean) => (typeof v === 'boolean' ? v : f);
  const str = (v: unknown, f: string) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : f);
  const hour = typeof p.alarmHour === 'number' && fitsRange(p.alarmHour, ALARM_HOUR_RANGE) ? p.alarmHour : d.alarmHour;
  let vaultPath = str(p.vaultPath, d.vaultPath).replace(/^\/+/, '');
  if (!/\.ics$/i.test(vaultPath)) vaultPath += '.ics';
  return {
    writeToVault: bool(p.writeToVault, d.writeToVault),
    vaultPath,
    calendarName: str(p.calendarName, d.calendarName),
    alarmHour: hour,
    includeCoachItems: bool(p.includeCoachItems, d.includeCoachItems),
    includePartnerItems: bool(p.includePartnerItems, d.includePartnerItems),
    includePastAlarms: bool(p.includePastAlarms, d.includePastAlarms),
  };
}
