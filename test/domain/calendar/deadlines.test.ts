import {
  dueDate,
  extendedSchedule,
  obligationSchedule,
  pendingAfter,
  progressReminders,
  yearSchedule,
  type ObligationId,
} from '../../../domain/calendar/deadlines';
import { seedCalendarDays } from '../../../domain/calendar/holidays-seed';
import {
  resolveSettings,
  type Policy,
  type YearCalendarSettingsOverrides,
} from '../../../domain/calendar/settings';
import { WorkingCalendar } from '../../../domain/calendar/working-days';

const calendar = WorkingCalendar.fromEntries(seedCalendarDays());

describe('dueDate with the default settings', () => {
  it.each<[number, ObligationId, Policy, string, string]>([
    // The examples of the specification.
    [2021, 'O2', 'roll-forward', '2021-02-28', '2021-03-01'], // Sunday
    [2021, 'O1', 'roll-forward', '2021-02-28', '2021-03-01'],
    [2024, 'O3', 'roll-forward', '2024-03-31', '2024-04-01'], // Sunday
    [2026, 'O1', 'roll-forward', '2026-02-28', '2026-03-02'], // Saturday
    [2026, 'O1', 'fixed', '2026-02-28', '2026-02-28'],
    [2021, 'O2', 'fixed', '2021-02-28', '2021-02-28'],
    // Working days stay.
    [2020, 'O2', 'roll-forward', '2020-02-28', '2020-02-28'], // Friday
    [2025, 'O3', 'roll-forward', '2025-03-31', '2025-03-31'], // Monday
    [2025, 'O6', 'roll-forward', '2025-12-15', '2025-12-15'], // Monday
    [2027, 'O3', 'roll-forward', '2027-03-31', '2027-03-31'], // Wednesday
    // Other weekends.
    [2027, 'O2', 'roll-forward', '2027-02-28', '2027-03-01'], // Sunday
    [2024, 'O5', 'roll-forward', '2024-12-15', '2024-12-16'], // Sunday
    [2024, 'O6', 'fixed', '2024-12-15', '2024-12-15'],
    // O7 is due in the next year.
    [2022, 'O7', 'roll-forward', '2023-01-15', '2023-01-16'], // Sunday
    [2024, 'O7', 'roll-forward', '2025-01-15', '2025-01-15'], // Wednesday
    [2027, 'O7', 'roll-forward', '2028-01-15', '2028-01-17'], // Saturday, a year without holiday data
    // O4 is due with O5.
    [2024, 'O4', 'roll-forward', '2024-12-15', '2024-12-16'],
    [2025, 'O4', 'roll-forward', '2025-12-15', '2025-12-15'],
  ])('%i %s under %s: statutory %s, effective %s', (year, obligation, policy, statutory, effective) => {
    const due = dueDate(year, obligation, resolveSettings(year, { policy }), calendar);
    expect(due).toEqual({
      obligation,
      year,
      policy,
      statutory,
      effective,
      statutoryEndsAt: `${statutory}T17:00:00.000Z`,
      effectiveEndsAt: `${effective}T17:00:00.000Z`,
      rolledForward: statutory !== effective,
    });
  });
});

describe('dueDate rolled forward over holidays', () => {
  it.each<[number, YearCalendarSettingsOverrides, ObligationId, string, string]>([
    // Quốc khánh Thu 2/9 + Fri 3/9 (adjacent day), then the weekend.
    [2021, { dueDates: { O5: '09-02' } }, 'O5', '2021-09-02', '2021-09-06'],
    // Adjacent day Fri 1/9, Quốc khánh Sat 2/9, Sunday, compensatory Mon 4/9.
    [2023, { dueDates: { O3: '09-01' } }, 'O3', '2023-09-01', '2023-09-05'],
    // Tết Tân Sửu: Wed 10/2 – Tue 16/2.
    [2021, { dueDates: { O2: '02-10' } }, 'O2', '2021-02-10', '2021-02-17'],
    // Tết Bính Ngọ: Sat 14/2 – Sun 22/2.
    [2026, { dueDates: { O2: '02-14' } }, 'O2', '2026-02-14', '2026-02-23'],
    // 2024 swap: Sat 27/4 – Wed 1/5 off.
    [2024, { dueDates: { O3: '04-27' } }, 'O3', '2024-04-27', '2024-05-02'],
    // Sat 4/5/2024 is a working day by swap: no roll-forward.
    [2024, { dueDates: { O3: '05-04' } }, 'O3', '2024-05-04', '2024-05-04'],
    // Tết Dương lịch 2023 on Sunday, compensatory Monday, in the next year.
    [2022, { dueDates: { O7: '01-01' } }, 'O7', '2023-01-01', '2023-01-03'],
    // 29 February in a common year is 28 February.
    [2026, { dueDates: { O3: '02-29' } }, 'O3', '2026-02-28', '2026-03-02'],
    // O4 follows O5 unless set on its own.
    [2024, { dueDates: { O5: '12-20' } }, 'O4', '2024-12-20', '2024-12-20'],
    [2024, { dueDates: { O4: '11-30' } }, 'O4', '2024-11-30', '2024-12-02'],
  ])('%i %j: %s statutory %s, effective %s', (year, overrides, obligation, statutory, effective) => {
    const due = dueDate(year, obligation, resolveSettings(year, overrides), calendar);
    expect([due.statutory, due.effective, due.rolledForward]).toEqual([
      statutory,
      effective,
      statutory !== effective,
    ]);
  });
});

describe('obligationSchedule', () => {
  it('reminds at 08:00 local on D-14, D-7, D-3, D-1, D and escalates on D+1, D+7 (calendar days)', () => {
    const schedule = obligationSchedule(2021, 'O2', resolveSettings(2021), calendar);
    expect(schedule.effective).toBe('2021-03-01');
    expect(schedule.reminders).toEqual([
      { kind: 'deadline', id: 'D-14', offsetDays: 14, date: '2021-02-15', at: '2021-02-15T01:00:00.000Z' },
      { kind: 'deadline', id: 'D-7', offsetDays: 7, date: '2021-02-22', at: '2021-02-22T01:00:00.000Z' },
      { kind: 'deadline', id: 'D-3', offsetDays: 3, date: '2021-02-26', at: '2021-02-26T01:00:00.000Z' },
      { kind: 'deadline', id: 'D-1', offsetDays: 1, date: '2021-02-28', at: '2021-02-28T01:00:00.000Z' },
      { kind: 'deadline', id: 'D-0', offsetDays: 0, date: '2021-03-01', at: '2021-03-01T01:00:00.000Z' },
    ]);
    expect(schedule.escalations).toEqual([
      { level: 1, id: 'E1', offsetDays: 1, date: '2021-03-02', at: '2021-03-02T01:00:00.000Z' },
      { level: 2, id: 'E2', offsetDays: 7, date: '2021-03-08', at: '2021-03-08T01:00:00.000Z' },
    ]);
  });

  it('counts working days when asked to', () => {
    const settings = resolveSettings(2021, { reminderDays: 'working', escalationDays: 'working' });
    const schedule = obligationSchedule(2021, 'O2', settings, calendar);
    expect(schedule.reminders.map((r) => r.date)).toEqual([
      '2021-02-02', // 14 working days back, over Tết
      '2021-02-18',
      '2021-02-24',
      '2021-02-26',
      '2021-03-01',
    ]);
    expect(schedule.escalations.map((e) => e.date)).toEqual(['2021-03-02', '2021-03-10']);
  });

  it('counts from the statutory day under the fixed policy, even on a weekend', () => {
    const schedule = obligationSchedule(2026, 'O1', resolveSettings(2026, { policy: 'fixed' }), calendar);
    expect(schedule.effective).toBe('2026-02-28');
    expect(schedule.reminders.map((r) => r.date)).toEqual([
      '2026-02-14',
      '2026-02-21',
      '2026-02-25',
      '2026-02-27',
      '2026-02-28',
    ]);
    expect(schedule.escalations.map((e) => e.at)).toEqual([
      '2026-03-01T01:00:00.000Z',
      '2026-03-07T01:00:00.000Z',
    ]);
  });

  it('counts from the effective day under roll-forward', () => {
    const schedule = obligationSchedule(2026, 'O1', resolveSettings(2026), calendar);
    expect(schedule.reminders.map((r) => r.date)).toEqual([
      '2026-02-16',
      '2026-02-23',
      '2026-02-27',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(schedule.escalations.map((e) => e.date)).toEqual(['2026-03-03', '2026-03-09']);
  });

  it('honours configured offsets and times', () => {
    const settings = resolveSettings(2025, {
      reminderOffsets: [0, 30, 30],
      reminderTime: '07:30',
      escalationOffsets: { 2: 10 },
      escalationTime: '14:00',
    });
    const schedule = obligationSchedule(2025, 'O3', settings, calendar);
    expect(schedule.reminders.map((r) => [r.id, r.at])).toEqual([
      ['D-30', '2025-03-01T00:30:00.000Z'],
      ['D-0', '2025-03-31T00:30:00.000Z'],
    ]);
    expect(schedule.escalations.map((e) => [e.id, e.at])).toEqual([
      ['E1', '2025-04-01T07:00:00.000Z'],
      ['E2', '2025-04-10T07:00:00.000Z'],
    ]);
  });

  it('gives O4 the progress reminders and no escalation', () => {
    const schedule = obligationSchedule(2024, 'O4', resolveSettings(2024), calendar);
    expect(schedule.effective).toBe('2024-12-16');
    expect(schedule.reminders.map((r) => r.id)).toEqual(['P1', 'P2', 'P3']);
    expect(schedule.escalations).toEqual([]);
  });
});

describe('progressReminders', () => {
  it.each([
    [2024, ['2024-04-01', '2024-07-01', '2024-10-01']],
    [2023, ['2023-04-03', '2023-07-03', '2023-10-02']], // 1/4 and 1/7 Saturdays, 1/10 Sunday
    [2022, ['2022-04-01', '2022-07-01', '2022-10-03']], // 1/10 Saturday
    [2026, ['2026-04-01', '2026-07-01', '2026-10-01']],
  ])('%i: first working day of April, July and October: %j', (year, dates) => {
    const reminders = progressReminders(year, resolveSettings(year), calendar);
    expect(reminders.map((r) => r.date)).toEqual(dates);
    expect(reminders.map((r) => r.at)).toEqual(dates.map((d) => `${d}T01:00:00.000Z`));
    expect(reminders.map((r) => r.sequence)).toEqual([1, 2, 3]);
  });

  it('can keep the configured day even when it is not a working day', () => {
    const settings = resolveSettings(2023, {
      progressReminderOnWorkingDay: false,
      progressReminderDates: ['10-01'],
    });
    expect(progressReminders(2023, settings, calendar).map((r) => r.date)).toEqual(['2023-10-01']);
  });
});

describe('yearSchedule', () => {
  it('lists every obligation in order with the progress reminders', () => {
    const schedule = yearSchedule(2026, resolveSettings(2026), calendar);
    expect(schedule.obligations.map((o) => [o.obligation, o.statutory, o.effective])).toEqual([
      ['O1', '2026-02-28', '2026-03-02'],
      ['O2', '2026-02-28', '2026-03-02'],
      ['O3', '2026-03-31', '2026-03-31'],
      ['O4', '2026-12-15', '2026-12-15'],
      ['O5', '2026-12-15', '2026-12-15'],
      ['O6', '2026-12-15', '2026-12-15'],
      ['O7', '2027-01-15', '2027-01-15'],
    ]);
    expect(schedule.progressReminders).toHaveLength(3);
    expect(schedule.policy).toBe('roll-forward');
  });

  it('is deterministic and serialisable', () => {
    const a = yearSchedule(2025, resolveSettings(2025), calendar);
    const b = yearSchedule(2025, resolveSettings(2025), calendar);
    expect(JSON.parse(JSON.stringify(a))).toEqual(b);
  });
});

describe('extendedSchedule', () => {
  const settings = resolveSettings(2021);
  const original = obligationSchedule(2021, 'O2', settings, calendar);

  it('moves the due day, reminders and escalations, rolling a weekend forward', () => {
    const extended = extendedSchedule(original, '2021-03-13', settings, calendar);
    expect(extended).toMatchObject({
      statutory: '2021-02-28',
      effective: '2021-03-15',
      effectiveEndsAt: '2021-03-15T17:00:00.000Z',
      rolledForward: true,
      extendedFrom: '2021-03-01',
      extendedTo: '2021-03-13',
    });
    expect(extended.reminders.map((r) => r.date)).toEqual([
      '2021-03-01',
      '2021-03-08',
      '2021-03-12',
      '2021-03-14',
      '2021-03-15',
    ]);
    expect(extended.escalations.map((e) => e.date)).toEqual(['2021-03-16', '2021-03-22']);
  });

  it('keeps a working day as given', () => {
    const extended = extendedSchedule(original, '2021-03-10', settings, calendar);
    expect([extended.effective, extended.rolledForward]).toEqual(['2021-03-10', false]);
  });

  it('refuses to end before the current last day', () => {
    expect(() => extendedSchedule(original, '2021-02-27', settings, calendar)).toThrow(RangeError);
  });

  it('keeps O4 progress reminders', () => {
    const o4 = obligationSchedule(2021, 'O4', settings, calendar);
    const extended = extendedSchedule(o4, '2021-12-31', settings, calendar);
    expect(extended.reminders).toEqual(o4.reminders);
    expect(extended.effective).toBe('2021-12-31');
  });
});

describe('pendingAfter', () => {
  it('drops reminders and escalations at or before now', () => {
    const schedule = obligationSchedule(2021, 'O2', resolveSettings(2021), calendar);
    const pending = pendingAfter(schedule, new Date('2021-02-26T01:00:00.000Z'));
    expect(pending.reminders.map((r) => r.id)).toEqual(['D-1', 'D-0']);
    expect(pending.escalations.map((e) => e.id)).toEqual(['E1', 'E2']);
  });
});
