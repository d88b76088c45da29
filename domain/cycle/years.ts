/**
 * The years a cycle may belong to, wherever a year is typed (the CLI's `--year`, a pair page's `?year=`, a
 * simulation scenario): a typo such as `20226` or `1926` is refused instead of opening an empty year.
 */
export const CYCLE_YEARS = { min: 2000, max: 2100 } as const;

/** Whether `year` is a whole number within {@link CYCLE_YEARS}. */
export function isCycleYear(year: number): boolean {
  return Number.isInteger(year) && year >= CYCLE_YEARS.min && year <= CYCLE_YEARS.max;
}
