/** The option parsers every command shares. */
import { parseYear } from '../../cli/options';

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
