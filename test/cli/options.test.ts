/** The option parsers every command shares. */
import { parseAsOf, parseYear } from '../../cli/options';

describe('parseYear', () => {
  it('takes four-digit years from 2000 to 2100', () => {
    expect([parseYear('2000'), parseYear('2026'), parseYear(' 2100 ')]).toEqual([2000, 2026, 2100]);
  });

  it.each(['1999', '2101', '26', '2026.5', '20x6', '', '02026'])(
    'refuses %j with one bilingual message',
    (value) => {
      expect(() => parseYear(value)).toThrow(
        new Error(
          `Năm «${value}» không hợp lệ: hãy ghi năm bằng bốn chữ số, từ 2000 đến 2100 (ví dụ 2026). / ` +
            `Invalid year "${value}": write a four-digit year from 2000 to 2100 (for example 2026).`,
        ),
      );
    },
  );
});

describe('parseAsOf', () => {
  it('reads a day as 09:00 of it, or at the time given, in Asia/Ho_Chi_Minh whatever the machine zone', () => {
    expect([
      parseAsOf('10/03/2026'),
      parseAsOf('2026-03-10'),
      parseAsOf(' 1/3/2026 '),
      parseAsOf('02/03/2026 23:59'),
      parseAsOf('02/03/2026 7:05'),
    ]).toEqual([
      '2026-03-10T02:00:00.000Z',
      '2026-03-10T02:00:00.000Z',
      '2026-03-01T02:00:00.000Z',
      '2026-03-02T16:59:00.000Z',
      '2026-03-02T00:05:00.000Z',
    ]);
  });

  it.each(['31/02/2026', '2026-13-01', 'hôm nay', '', '02/03/2026 24:00', '02/03/2026 9h'])(
    'refuses %j with one bilingual message',
    (value) => {
      expect(() => parseAsOf(value)).toThrow(
        new Error(
          `Thời điểm «${value}» không hợp lệ: hãy ghi dd/mm/yyyy, có thể kèm giờ HH:MM (ví dụ 10/03/2026 hoặc 02/03/2026 23:59). / ` +
            `Invalid moment "${value}": write dd/mm/yyyy, optionally with a time HH:MM (for example 10/03/2026 or 02/03/2026 23:59).`,
        ),
      );
    },
  );
});
