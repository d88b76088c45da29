import {
  formatDate,
  formatDateTime,
  formatDueDay,
  formatDong,
  formatNumber,
  formatTime,
  formatWeekday,
  parseUserDate,
} from '../../domain/format';

describe('formatDate', () => {
  it.each<[Date | string, string]>([
    ['2021-03-01', '01/03/2021'],
    ['2026-12-15', '15/12/2026'],
    ['2021-02-28T17:00:00.000Z', '01/03/2021'], // 24:00 local on 28/2 is 00:00 on 1/3
    ['2021-02-28T16:59:59.999Z', '28/02/2021'],
    [new Date('2023-12-31T17:00:00Z'), '01/01/2024'],
    [new Date('2024-01-01T00:00:00Z'), '01/01/2024'],
  ])('%s → %s', (value, text) => {
    expect(formatDate(value)).toBe(text);
  });

  it('rejects what is neither a day nor an instant', () => {
    expect(() => formatDate('2021-02-29')).toThrow(RangeError);
    expect(() => formatDate('tomorrow')).toThrow(RangeError);
  });
});

describe('formatDateTime and formatTime', () => {
  it.each<[Date | string, string]>([
    ['2021-03-01T01:00:00.000Z', '01/03/2021 08:00'],
    ['2024-12-31T17:00:00Z', '01/01/2025 00:00'],
    [new Date('2024-06-15T09:45:30Z'), '15/06/2024 16:45'],
  ])('%s → %s', (value, text) => {
    expect(formatDateTime(value)).toBe(text);
  });

  it('gives the local time', () => {
    expect(formatTime('2021-03-01T01:00:00.000Z')).toBe('08:00');
  });

  it('refuses a day without a time', () => {
    expect(() => formatDateTime('2021-03-01')).toThrow(RangeError);
  });
});

describe('formatDong', () => {
  it.each<[bigint | number, 'vi' | 'en', string]>([
    [200_000_000, 'vi', '200.000.000 đ'],
    [200_000_000n, 'en', '200,000,000 VND'],
    [0, 'vi', '0 đ'],
    [999, 'vi', '999 đ'],
    [1000, 'vi', '1.000 đ'],
    [1_234_567, 'en', '1,234,567 VND'],
    [-50_000, 'vi', '-50.000 đ'],
    [12_345_678_901_234_567_890n, 'vi', '12.345.678.901.234.567.890 đ'],
  ])('%s in %s → %s', (amount, lang, text) => {
    expect(formatDong(amount, lang)).toBe(text);
  });

  it('defaults to Vietnamese', () => {
    expect(formatDong(10_000_000)).toBe('10.000.000 đ');
  });

  it('refuses fractions of a đồng', () => {
    expect(() => formatDong(1.5)).toThrow(RangeError);
    expect(() => formatDong(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it.each<[number, 'vi' | 'en', number, string]>([
    [0, 'vi', 0, '0'],
    [999, 'vi', 0, '999'],
    [1000, 'vi', 0, '1.000'],
    [1000, 'en', 0, '1,000'],
    [1_234_567, 'vi', 0, '1.234.567'],
    [91.6, 'vi', 1, '91,6'],
    [91.6, 'en', 1, '91.6'],
    [100, 'vi', 1, '100'],
    [87.5, 'vi', 0, '88'],
    [1234.56, 'vi', 1, '1.234,6'],
    [1234.56, 'en', 2, '1,234.56'],
    [66.666, 'vi', 1, '66,7'],
    [-2.5, 'vi', 1, '-2,5'],
    [-0.04, 'vi', 1, '0'],
  ])('%s in %s with %s decimals → %s', (value, lang, decimals, text) => {
    expect(formatNumber(value, lang, decimals)).toBe(text);
  });

  it('defaults to Vietnamese whole numbers', () => {
    expect(formatNumber(12_000)).toBe('12.000');
  });

  it('refuses what is not a finite number', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('parseUserDate', () => {
  it.each<[string, string | undefined]>([
    ['02/09/2026', '2026-09-02'],
    ['2/9/2026', '2026-09-02'],
    ['2026-09-02', '2026-09-02'],
    [' 29/02/2024 ', '2024-02-29'],
    ['29/02/2023', undefined],
    ['2026/09/02', undefined],
    ['', undefined],
  ])('%j → %s', (text, date) => {
    expect(parseUserDate(text)).toBe(date);
  });
});

describe('formatWeekday', () => {
  it.each([
    ['2026-03-02', 'T2', 'Mon'],
    ['2026-02-28', 'T7', 'Sat'],
    ['2021-02-28', 'CN', 'Sun'],
  ])('%s is %s / %s', (date, vi, en) => {
    expect(formatWeekday(date)).toBe(vi);
    expect(formatWeekday(date, 'en')).toBe(en);
  });
});

describe('formatDueDay', () => {
  it('shows the day a deadline closes, not the next day its 24:00 falls on', () => {
    // 24:00 on Monday 2 March 2026 in Asia/Ho_Chi_Minh is 17:00 UTC that day.
    expect(formatDueDay(new Date('2026-03-02T17:00:00.000Z'))).toBe('02/03/2026');
    expect(formatDueDay(new Date('2026-12-31T17:00:00.000Z'))).toBe('31/12/2026');
  });
});
