import {
  addDays,
  atLocalTime,
  dayOfWeek,
  diffDays,
  endOfLocalDay,
  formatLocalDateTime,
  fromDbDate,
  isIsoDate,
  localDate,
  LOCAL_OFFSET_MINUTES,
  parseLocalTime,
  startOfLocalDay,
  toDbDate,
  toLocalDate,
  toLocalTime,
} from '../../../domain/calendar/time';

describe('time in Asia/Ho_Chi_Minh (fixed UTC+7)', () => {
  it('uses a fixed offset of 7 hours', () => {
    expect(LOCAL_OFFSET_MINUTES).toBe(420);
  });

  it.each([
    ['2021-02-28', '2021-02-28T17:00:00.000Z'],
    ['2024-03-31', '2024-03-31T17:00:00.000Z'],
    ['2024-12-31', '2024-12-31T17:00:00.000Z'],
  ])('day %s ends at 24:00 local = %s', (date, instant) => {
    expect(endOfLocalDay(date).toISOString()).toBe(instant);
  });

  it.each([
    ['2024-03-31', '08:00', '2024-03-31T01:00:00.000Z'],
    ['2024-01-01', '00:00', '2023-12-31T17:00:00.000Z'],
    ['2024-01-01', '06:59', '2023-12-31T23:59:00.000Z'],
    ['2024-01-01', '07:00', '2024-01-01T00:00:00.000Z'],
    ['2024-02-29', '23:30', '2024-02-29T16:30:00.000Z'],
  ])('%s %s local is %s', (date, time, instant) => {
    expect(atLocalTime(date, time).toISOString()).toBe(instant);
  });

  it('starts a local day at 17:00 UTC of the day before', () => {
    expect(startOfLocalDay('2025-01-01').toISOString()).toBe('2024-12-31T17:00:00.000Z');
  });

  it.each([
    ['2024-03-31T16:59:59.999Z', '2024-03-31', '23:59'],
    ['2024-03-31T17:00:00.000Z', '2024-04-01', '00:00'],
    ['2023-12-31T17:00:00Z', '2024-01-01', '00:00'],
    ['2024-06-15T01:00:00Z', '2024-06-15', '08:00'],
  ])('instant %s is local %s %s', (instant, date, time) => {
    expect(toLocalDate(instant)).toBe(date);
    expect(toLocalTime(new Date(instant))).toBe(time);
  });

  it.each([
    ['1970-01-01', 4],
    ['2021-02-28', 0],
    ['2024-03-31', 0],
    ['2026-02-28', 6],
    ['2024-02-29', 4],
    ['2024-05-04', 6],
    ['2026-03-02', 1],
  ])('%s is day %i of the week (0 = Sunday)', (date, dow) => {
    expect(dayOfWeek(date)).toBe(dow);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2021-03-01', -14, '2021-02-15'],
    ['2026-03-02', 7, '2026-03-09'],
  ])('%s %+i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(diffDays(date, expected)).toBe(days);
  });

  it('validates calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2021-13-01')).toBe(false);
    expect(isIsoDate('2021-1-01')).toBe(false);
    expect(localDate(2026, 2, 28)).toBe('2026-02-28');
    expect(() => localDate(2021, 2, 29)).toThrow(RangeError);
    expect(() => addDays('2021-02-30', 1)).toThrow(RangeError);
  });

  it('validates local times', () => {
    expect(parseLocalTime('08:00')).toBe(480);
    expect(parseLocalTime('24:00')).toBe(1440);
    expect(() => parseLocalTime('24:01')).toThrow(RangeError);
    expect(() => parseLocalTime('8:00')).toThrow(RangeError);
    expect(() => parseLocalTime('12:60')).toThrow(RangeError);
  });

  it('formats an instant as local ISO-8601 with its offset', () => {
    expect(formatLocalDateTime('2024-03-31T01:00:00Z')).toBe('2024-03-31T08:00+07:00');
    expect(formatLocalDateTime(new Date('2024-03-31T17:00:00Z'))).toBe('2024-04-01T00:00+07:00');
  });

  it('maps @db.Date values to calendar days and back', () => {
    expect(fromDbDate(new Date('2024-05-04T00:00:00Z'))).toBe('2024-05-04');
    expect(toDbDate('2024-05-04').toISOString()).toBe('2024-05-04T00:00:00.000Z');
  });
});

describe('toLocalDate input', () => {
  it('refuses strings without an explicit offset or with an impossible date', () => {
    expect(() => toLocalDate('2024-03-31T08:00')).toThrow(RangeError);
    expect(() => toLocalDate('2021-02-29T00:00:00Z')).toThrow(RangeError);
    expect(() => toLocalDate('2024-03-31')).toThrow(RangeError);
    expect(toLocalDate('2024-03-31T23:30:00+07:00')).toBe('2024-03-31');
  });
});
