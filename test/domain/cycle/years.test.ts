/** The years a cycle may belong to (CLI, web, simulation scenarios). */
import { CYCLE_YEARS, isCycleYear } from '../../../domain/cycle/years';

describe('isCycleYear', () => {
  it('takes whole years from 2000 to 2100 and nothing else', () => {
    expect(CYCLE_YEARS).toEqual({ min: 2000, max: 2100 });
    expect([2000, 2026, 2100].map(isCycleYear)).toEqual([true, true, true]);
    expect([1999, 2101, 2026.5, Number.NaN, 20226].map(isCycleYear)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
