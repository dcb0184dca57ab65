import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, coreSettingsFrom, loadSettings, migrateSettings, SETTINGS_VERSION } from '../src/core/plugin-settings';

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
