import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, coreSettingsFrom, loadSettings, migrateSettings, settingRepairs, SETTINGS_VERSION } from '../src/core/plugin-settings';
import { resolveCoreSettings } from '../src/core/settings';
import { resolveThresholds } from '../src/core/analytics/thresholds';

describe('plugin settings', () => {
  it('has frozen defaults that a loaded copy never shares', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.thresholds)).toBe(true);
    const s = loadSettings(null);
    expect(s).toEqual({ ...DEFAULT_SETTINGS });
    s.thresholds.carriedSessions = 9;
    s.extraHeadings.push('Next steps');
    s.nudges.levels.active.push('overdue');
    expect(DEFAULT_SETTINGS.thresholds.carriedSessions).toBe(3);
    expect(DEFAULT_SETTINGS.extraHeadings).toEqual([]);
    expect(DEFAULT_SETTINGS.nudges.levels.active).not.toContain('overdue');
  });

  it('fills in keys added since the data was saved and keeps the ones it has', () => {
    const s = loadSettings({ settingsVersion: SETTINGS_VERSION, dueLeadDays: 3, thresholds: { lowConfidence: 7 } });
    expect(s.dueLeadDays).toBe(3);
    expect(s.thresholds.lowConfidence).toBe(7);
    expect(s.thresholds.carriedSessions).toBe(DEFAULT_SETTINGS.thresholds.carriedSessions);
    expect(s.calendar.vaultPath).toBe(DEFAULT_SETTINGS.calendar.vaultPath);
    expect(s.reviewsFolder).toBe('Reviews');
  });

  it('reads a number outside its range as the default and a fraction of whole days rounded; the index and thresholds take the same', () => {
    const s = loadSettings({ dueLeadDays: 0.5, defaultCadence: 0, thresholds: { similarity: 3, recentSessions: 2.4, decliningRate: 0.4 }, nudges: { beforeDueDays: 0, thinAfterOnTime: 2.6 } });
    expect(s.dueLeadDays).toBe(1);
    expect(s.defaultCadence).toBe(14);
    expect(s.thresholds).toMatchObject({ similarity: 0.6, recentSessions: 2, decliningRate: 0.4 });
    expect(s.nudges).toMatchObject({ beforeDueDays: 1, thinAfterOnTime: 3 });
    expect(settingRepairs({ dueLeadDays: 3, thresholds: { similarity: 3 } })).toEqual(['thresholds.similarity 3 is not a number from 0.1 to 1; read as 0.6']);
    expect(settingRepairs({ dueLeadDays: 3 })).toEqual([]);
    // The nudge and calendar numbers are named too (the notice and the CLI said nothing of them).
    expect(settingRepairs({ nudges: { beforeDueDays: 0, thinAfterOnTime: 2.6, overdueAfterDays: 3, midpointAt: 1.5 }, calendar: { alarmHour: 24 } })).toEqual([
      'nudges.beforeDueDays 0 is not a whole number of days from 1 to 60; read as 1',
      'nudges.thinAfterOnTime 2.6 is not a whole number of commitments from 0 to 100; read as 3',
      'nudges.midpointAt 1.5 is not a share of the time to the due date above 0 and below 1; read as 0.5',
      'calendar.alarmHour 24 is not a whole number of hours from 0 to 23; read as 9',
    ]);
    expect(settingRepairs({ nudges: { beforeDueDays: 2, midpointAt: 0.25 }, calendar: { alarmHour: 7 } })).toEqual([]);
    const core = resolveCoreSettings({ dueLeadDays: 2.5, defaultCadence: Infinity, chainSimilarity: -1 });
    expect(core).toMatchObject({ dueLeadDays: 3, defaultCadence: 14, chainSimilarity: 0.6 });
    expect(resolveThresholds({ minCount: 0, stalledCadences: 2 })).toMatchObject({ minCount: 3, stalledCadences: 2 });
  });

  it('drops values of the wrong type rather than trusting them', () => {
    const s = loadSettings({ dueLeadDays: 'two', defaultCadence: Number.NaN, extraHeadings: [1, 2], rosterStatuses: 'active', calendar: { alarmHour: 99 } });
    expect(s.dueLeadDays).toBe(2);
    expect(s.defaultCadence).toBe(14);
    expect(s.extraHeadings).toEqual([]);
    expect(s.rosterStatuses).toEqual(['active', 'paused']);
    expect(s.calendar.alarmHour).toBe(DEFAULT_SETTINGS.calendar.alarmHour);
  });

  it('migrates version-1 keys', () => {
    const raw = { leadDays: 1, headings: ['Next steps'], stalledFactor: 2, carriedSessions: 4 };
    const m = migrateSettings(raw);
    expect(m).toMatchObject({ settingsVersion: SETTINGS_VERSION, dueLeadDays: 1, extraHeadings: ['Next steps'], thresholds: { stalledCadences: 2, carriedSessions: 4 } });
    expect(m).not.toHaveProperty('leadDays');
    const s = loadSettings(raw);
    expect(s.dueLeadDays).toBe(1);
    expect(s.thresholds.stalledCadences).toBe(2);
    expect(coreSettingsFrom(s).commitmentHeadings).toContain('Next steps');
  });

  it('gives the parser the spec headings plus the extra ones, and the sessions folder only when asked', () => {
    const s = loadSettings({ extraHeadings: ['Agreed actions', ' '], sessionsFolder: 'Coaching/Sessions' });
    const core = coreSettingsFrom(s);
    expect(core.commitmentHeadings).toEqual(['Commitments', 'Action items', 'Homework', 'Between sessions', 'Agreed actions']);
    expect(core.sessionsFolder).toBe('');
    expect(coreSettingsFrom({ ...s, sessionsFolderIsSessions: true }).sessionsFolder).toBe('Coaching/Sessions');
  });
});
