import { seedCalendarDays, SEEDED_YEARS } from '../../../domain/calendar/holidays-seed';
import { dayOfWeek, diffDays, isWeekend } from '../../../domain/calendar/time';
import { WorkingCalendar } from '../../../domain/calendar/working-days';

const calendar = WorkingCalendar.fromEntries(seedCalendarDays());

describe('WorkingCalendar', () => {
  it.each([
    ['2024-04-01', true, 'Monday'],
    ['2021-02-28', false, 'Sunday'],
    ['2026-02-28', false, 'Saturday'],
    ['2024-05-04', true, 'Saturday worked by swap'],
    ['2024-04-29', false, 'Monday given off by swap'],
    ['2025-04-26', true, 'Saturday worked by swap'],
    ['2025-05-02', false, 'Friday given off by swap'],
    ['2022-04-11', false, 'compensatory day for Giỗ Tổ'],
    ['2021-02-15', false, 'Tết'],
    ['2021-09-03', false, 'Quốc khánh, adjacent day'],
    ['2028-01-03', true, 'Monday of a year without data'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2024-04-26', '2024-05-02'],
    ['2021-02-09', '2021-02-17'],
    ['2021-02-26', '2021-03-01'],
    ['2023-04-28', '2023-05-04'],
    ['2023-08-31', '2023-09-05'],
    ['2026-02-13', '2026-02-23'],
    ['2022-12-30', '2023-01-03'],
    ['2024-05-03', '2024-05-04'],
  ])('the working day after %s is %s', (date, next) => {
    expect(calendar.nextWorkingDay(date)).toBe(next);
  });

  it.each([
    ['2024-05-02', -1, '2024-04-26'],
    ['2024-05-02', 2, '2024-05-04'],
    ['2021-03-01', -7, '2021-02-18'],
    ['2021-03-01', -14, '2021-02-02'],
    ['2021-03-01', 7, '2021-03-10'],
    ['2021-02-28', 0, '2021-02-28'],
  ])('%s %+i working days is %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('finds the working day on or after a day', () => {
    expect(calendar.workingDayOnOrAfter('2024-04-01')).toBe('2024-04-01');
    expect(calendar.workingDayOnOrAfter('2023-10-01')).toBe('2023-10-02');
    expect(calendar.previousWorkingDay('2023-01-27')).toBe('2023-01-19');
  });

  it('rejects duplicate or invalid entries', () => {
    expect(() =>
      WorkingCalendar.fromEntries([
        { date: '2024-01-01', kind: 'HOLIDAY', name: 'a' },
        { date: '2024-01-01', kind: 'DAY_OFF', name: 'b' },
      ]),
    ).toThrow(RangeError);
    expect(() => WorkingCalendar.fromEntries([{ date: '2024-02-30', kind: 'HOLIDAY', name: 'a' }])).toThrow(
      RangeError,
    );
  });

  it('is weekends-only without entries', () => {
    const plain = WorkingCalendar.weekendsOnly();
    expect(plain.nextWorkingDay('2026-02-13')).toBe('2026-02-16');
    expect(plain.hasYear(2026)).toBe(false);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2028)).toBe(false);
  });
});

describe('the holiday seed', () => {
  const seed = seedCalendarDays();

  it('covers every seeded year with unique, valid, named entries', () => {
    for (let year = SEEDED_YEARS.first; year <= SEEDED_YEARS.last; year += 1) {
      expect(seedCalendarDays(year).length).toBeGreaterThanOrEqual(10);
    }
    expect(new Set(seed.map((e) => e.date)).size).toBe(seed.length);
    for (const entry of seed) expect(entry.name.trim()).not.toBe('');
  });

  it('puts swapped working days on weekends and days off on weekdays', () => {
    for (const entry of seed) {
      if (entry.kind === 'WORKING_DAY')
        expect([entry.date, isWeekend(entry.date)]).toEqual([entry.date, true]);
      if (entry.kind === 'DAY_OFF') expect([entry.date, isWeekend(entry.date)]).toEqual([entry.date, false]);
      if (entry.name.startsWith('Tết Nguyên đán'))
        expect([entry.date, isWeekend(entry.date)]).toEqual([entry.date, false]);
    }
  });

  it('has five weekdays of Tết each year', () => {
    for (let year = SEEDED_YEARS.first; year <= SEEDED_YEARS.last; year += 1) {
      expect(seedCalendarDays(year).filter((e) => e.name.startsWith('Tết Nguyên đán'))).toHaveLength(5);
    }
  });

  it.each([
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, date) => {
    const gioTo = seedCalendarDays(year).filter((e) => e.name.startsWith('Giỗ Tổ'));
    expect(gioTo[0]?.date).toBe(date);
  });

  it('gives a compensatory weekday after each fixed holiday on a weekend (2021 onwards)', () => {
    const fixed = seed.filter(
      (e) =>
        e.kind === 'HOLIDAY' &&
        !e.name.startsWith('Tết Nguyên đán') &&
        e.date >= '2021-01-01' &&
        isWeekend(e.date),
    );
    for (const holiday of fixed) {
      const compensatory = seed.filter(
        (e) =>
          e.kind === 'DAY_OFF' &&
          e.name.includes(holiday.name) &&
          e.date > holiday.date &&
          diffDays(holiday.date, e.date) <= 4,
      );
      expect([holiday.date, compensatory.length]).toEqual([holiday.date, 1]);
      expect(dayOfWeek(compensatory[0]?.date ?? '1970-01-01')).not.toBe(0);
    }
  });

  it('returns copies', () => {
    const first = seedCalendarDays(2024);
    (first[0] as { name: string }).name = 'changed';
    expect(seedCalendarDays(2024)[0]?.name).toBe('Tết Dương lịch');
  });
});
