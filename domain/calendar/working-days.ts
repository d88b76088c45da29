/**
 * Working days of the public administration: Monday–Friday, minus public holidays and days off, plus the
 * weekend days decreed as working days in a swap. Pure and deterministic.
 */
import { addDays, dayOfWeek, isIsoDate, isWeekend, type IsoDate } from './time';

/** Kinds of calendar-day entry, as in the database enum `DayKind`. */
const DAY_KINDS = ['HOLIDAY', 'DAY_OFF', 'WORKING_DAY'] as const;

/**
 * `HOLIDAY`: a public holiday (Labour Code 2019, Art. 112) or a day of the decreed Tết break; `DAY_OFF`: a
 * compensatory day (nghỉ bù) or a day off given by a swap (hoán đổi); `WORKING_DAY`: a weekend day worked in
 * exchange for a swapped day off (làm bù).
 */
export type DayKind = (typeof DAY_KINDS)[number];

/** One day that differs from the Monday–Friday rule. */
export interface CalendarDayEntry {
  /** The local calendar day, `yyyy-mm-dd`. */
  readonly date: IsoDate;
  readonly kind: DayKind;
  /** Vietnamese name, e.g. «Quốc khánh» or «Nghỉ bù Ngày Quốc tế Lao động». */
  readonly name: string;
}

/** Upper bound on consecutive non-working days searched before the data is declared broken. */
const MAX_NON_WORKING_RUN = 366;

/** Whether a string names a day kind. */
export function isDayKind(value: string): value is DayKind {
  return (DAY_KINDS as readonly string[]).includes(value);
}

/**
 * A working-day calendar built from calendar-day entries (the seed, or the `CalendarDay` table). Days without
 * an entry follow the Monday–Friday rule; a year without entries is simply weekends-only.
 */
export class WorkingCalendar {
  private readonly byDate: ReadonlyMap<IsoDate, CalendarDayEntry>;

  private constructor(entries: ReadonlyMap<IsoDate, CalendarDayEntry>) {
    this.byDate = entries;
  }

  /**
   * Builds a calendar from entries. Throws `RangeError` on an invalid date or kind, or on two entries for the
   * same date (the database has one row per date).
   */
  static fromEntries(entries: readonly CalendarDayEntry[]): WorkingCalendar {
    const byDate = new Map<IsoDate, CalendarDayEntry>();
    for (const entry of entries) {
      if (!isIsoDate(entry.date)) throw new RangeError(`Invalid calendar day: ${JSON.stringify(entry.date)}`);
      if (!isDayKind(entry.kind))
        throw new RangeError(`Invalid day kind for ${entry.date}: ${String(entry.kind)}`);
      if (byDate.has(entry.date)) throw new RangeError(`Two calendar entries for ${entry.date}`);
      byDate.set(entry.date, { date: entry.date, kind: entry.kind, name: entry.name });
    }
    return new WorkingCalendar(byDate);
  }

  /** A calendar with no holidays: Monday–Friday are working days. */
  static weekendsOnly(): WorkingCalendar {
    return new WorkingCalendar(new Map());
  }

  /** The entry for a date, if any. */
  entry(date: IsoDate): CalendarDayEntry | undefined {
    return this.byDate.get(date);
  }

  /** All entries, sorted by date. */
  entries(): CalendarDayEntry[] {
    return [...this.byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Whether the calendar holds at least one entry in `year` (otherwise the year is weekends-only). */
  hasYear(year: number): boolean {
    const prefix = `${String(year).padStart(4, '0')}-`;
    for (const date of this.byDate.keys()) if (date.startsWith(prefix)) return true;
    return false;
  }

  /** Whether civil servants work on `date`. */
  isWorkingDay(date: IsoDate): boolean {
    const entry = this.byDate.get(date);
    if (entry) return entry.kind === 'WORKING_DAY';
    // dayOfWeek validates the date as a side effect.
    dayOfWeek(date);
    return !isWeekend(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.step(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    return this.step(date, -1);
  }

  /** `date` itself when it is a working day, otherwise the next working day. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /**
   * Moves `n` working days from `date`: forward when `n > 0`, backward when `n < 0`; only working days are
   * counted, and `date` itself never is. `n = 0` returns `date` unchanged, working or not.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
    let current = date;
    const direction = n < 0 ? -1 : 1;
    for (let i = 0; i < Math.abs(n); i += 1) current = this.step(current, direction);
    return current;
  }

  private step(date: IsoDate, direction: 1 | -1): IsoDate {
    let current = date;
    for (let i = 0; i < MAX_NON_WORKING_RUN; i += 1) {
      current = addDays(current, direction);
      if (this.isWorkingDay(current)) return current;
    }
    throw new RangeError(
      `No working day within ${MAX_NON_WORKING_RUN} days of ${date}: check the holiday table`,
    );
  }
}
