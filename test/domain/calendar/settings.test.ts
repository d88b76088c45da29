import { ZodError } from 'zod';
import {
  DEFAULT_CALENDAR_SETTINGS,
  monthDayInYear,
  resolveSettings,
  calendarSettingsSchemas,
} from '../../../domain/calendar/settings';

describe('resolveSettings', () => {
  it('returns the documented defaults', () => {
    expect(resolveSettings(2025)).toEqual({
      policy: 'roll-forward',
      dueDates: { O1: '02-28', O2: '02-28', O3: '03-31', O4: null, O5: '12-15', O6: '12-15', O7: '01-15' },
      dueInNextYear: ['O7'],
      reminderOffsets: [14, 7, 3, 1, 0],
      reminderTime: '08:00',
      reminderDays: 'calendar',
      escalationOffsets: { 1: 1, 2: 7 },
      escalationTime: '08:00',
      escalationDays: 'calendar',
      progressReminderDates: ['04-01', '07-01', '10-01'],
      progressReminderTime: '08:00',
      progressReminderOnWorkingDay: true,
    });
    expect(calendarSettingsSchemas().full.parse(DEFAULT_CALENDAR_SETTINGS)).toEqual(
      DEFAULT_CALENDAR_SETTINGS,
    );
  });

  it('merges nested overrides key by key', () => {
    const settings = resolveSettings(2025, { dueDates: { O5: '12-20' }, escalationOffsets: { 2: 10 } });
    expect(settings.dueDates).toMatchObject({ O1: '02-28', O5: '12-20', O6: '12-15' });
    expect(settings.escalationOffsets).toEqual({ 1: 1, 2: 10 });
  });

  it('sorts and deduplicates reminder offsets', () => {
    expect(resolveSettings(2025, { reminderOffsets: [0, 7, 7, 14] }).reminderOffsets).toEqual([14, 7, 0]);
  });

  it('gives the same settings without overrides (no schema built) as through the schemas', () => {
    // An override equal to the default takes the validating path; none at all takes the shortcut.
    const validated = resolveSettings(2025, { policy: 'roll-forward' });
    expect(resolveSettings(2025)).toEqual(validated);
    expect(resolveSettings(2025, {})).toEqual(validated);
    expect(() => resolveSettings(2025, [])).toThrow(ZodError);
  });

  it('ignores undefined values and null overrides', () => {
    expect(resolveSettings(2025, { policy: undefined }).policy).toBe('roll-forward');
    expect(resolveSettings(2025, null)).toEqual(resolveSettings(2025));
  });

  it.each([
    [{ dueDates: { O1: '02-30' } }],
    [{ dueDates: { O1: '2-28' } }],
    [{ policy: 'lenient' }],
    [{ reminderOffsets: [-1] }],
    [{ reminderOffsets: [] }],
    [{ reminderTime: '25:00' }],
    [{ reminderTime: '24:00' }],
    [{ escalationOffsets: { 1: 0 } }],
    [{ escalationOffsets: { 1: 5, 2: 3 } }],
    [{ unknownSetting: true }],
    [{ dueInNextYear: ['O8'] }],
  ])('rejects %j', (overrides) => {
    expect(() => resolveSettings(2025, overrides)).toThrow(ZodError);
  });

  it('rejects a year out of range', () => {
    expect(() => resolveSettings(2025.5)).toThrow(RangeError);
  });

  it('does not let callers mutate the defaults', () => {
    const settings = resolveSettings(2025);
    settings.reminderOffsets.push(99);
    (settings.dueDates as { O1: string }).O1 = '01-01';
    expect(resolveSettings(2025).reminderOffsets).toEqual([14, 7, 3, 1, 0]);
    expect(resolveSettings(2025).dueDates.O1).toBe('02-28');
  });
});

describe('monthDayInYear', () => {
  it.each([
    [2024, '02-29', '2024-02-29'],
    [2026, '02-29', '2026-02-28'],
    [2026, '12-15', '2026-12-15'],
  ])('%i %s is %s', (year, monthDay, date) => {
    expect(monthDayInYear(year, monthDay)).toBe(date);
  });
});
