/**
 * Dates and instants in Asia/Ho_Chi_Minh, without any time-zone database.
 *
 * Vietnam has used UTC+7 without daylight saving since 1975, so local wall-clock time is the UTC instant
 * shifted by a fixed 7 hours. Everything here is pure and deterministic (no `Date.now()`, no `Intl`), so it
 * runs unchanged inside Temporal workflow code and XState machines.
 *
 * A calendar day is an ISO string `yyyy-mm-dd` ({@link IsoDate}): serialisable in workflow payloads and
 * ordered by plain string comparison. An instant is a `Date` (or its ISO-8601 string).
 */

/** Offset of Asia/Ho_Chi_Minh from UTC, in minutes (UTC+7, no daylight saving). */
export const LOCAL_OFFSET_MINUTES = 420;

/** The IANA name of the local time zone; informative only, never used for arithmetic. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A local calendar day as `yyyy-mm-dd`; compares correctly as a string. */
export type IsoDate = string;

/** A local wall-clock time as `HH:MM` (24-hour, `24:00` allowed as the end of a day). */
export type LocalTime = string;

/** The parts of a calendar day; `month` is 1–12. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = LOCAL_OFFSET_MINUTES * MS_PER_MINUTE;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a string is a valid calendar day `yyyy-mm-dd` (e.g. rejects `2021-02-29`). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits `yyyy-mm-dd` into its parts; throws `RangeError` on anything else. */
export function parseIsoDate(value: IsoDate): DateParts {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date (yyyy-mm-dd): ${JSON.stringify(value)}`);
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

/** The calendar day `year-month-day` as `yyyy-mm-dd`; throws `RangeError` if it does not exist. */
export function localDate(year: number, month: number, day: number): IsoDate {
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!Number.isInteger(year) || year < 1 || year > 9999 || !isIsoDate(date)) {
    throw new RangeError(`No such calendar date: ${year}-${month}-${day}`);
  }
  return date;
}

/** Days since 1970-01-01 of a calendar day (the proleptic Gregorian day number). */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The calendar day that is `epochDay` days after 1970-01-01. */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isInteger(epochDay)) throw new RangeError(`Not a whole day number: ${epochDay}`);
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of the week, JavaScript convention: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** Whether the day is a Saturday or a Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Splits `HH:MM` into minutes since local midnight; accepts 00:00–23:59 and 24:00. */
export function parseLocalTime(time: LocalTime): number {
  const match = LOCAL_TIME.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`Not a local time (HH:MM): ${JSON.stringify(time)}`);
  }
  return hours * 60 + minutes;
}

/** Whether a string is a valid local time `HH:MM` (00:00–23:59, or 24:00). */
export function isLocalTime(value: string): boolean {
  try {
    parseLocalTime(value);
    return true;
  } catch {
    return false;
  }
}

/** The instant at local wall-clock `time` on `date` in Asia/Ho_Chi_Minh (`08:00` → 01:00 UTC). */
export function atLocalTime(date: IsoDate, time: LocalTime): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY + parseLocalTime(time) * MS_PER_MINUTE - OFFSET_MS);
}

/** The instant local `date` begins: 00:00 local = 17:00 UTC of the day before. */
export function startOfLocalDay(date: IsoDate): Date {
  return atLocalTime(date, '00:00');
}

/**
 * The instant local `date` ends: 24:00 local = 17:00 UTC of the same date. A deadline on `date` is met by
 * anything strictly before this instant.
 */
export function endOfLocalDay(date: IsoDate): Date {
  return atLocalTime(date, '24:00');
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Accepts a `Date` or an ISO-8601 instant string with an explicit offset (`…Z` or `…+07:00`); throws
 * `RangeError` otherwise. Strings without an offset are refused: the runtime would read them in its own zone.
 */
export function toInstant(value: Date | string): Date {
  if (typeof value === 'string') {
    const match = ISO_INSTANT.exec(value);
    if (!match || !isIsoDate(match[1] ?? ''))
      throw new RangeError(`Not an ISO-8601 instant: ${JSON.stringify(value)}`);
  }
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an instant: ${String(value)}`);
  return instant;
}

/**
 * The local calendar day of an instant. Note that {@link endOfLocalDay}(D) is 00:00 of D+1, so it maps to D+1.
 */
export function toLocalDate(instant: Date | string): IsoDate {
  return new Date(toInstant(instant).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The local day whose end ({@link endOfLocalDay}) is the instant `end`: its last day. */
export function dayEndingAt(end: Date | string): IsoDate {
  return toLocalDate(new Date(toInstant(end).getTime() - 1));
}

/** The local wall-clock time of an instant as `HH:MM` (seconds are dropped, not rounded). */
export function toLocalTime(instant: Date | string): LocalTime {
  return new Date(toInstant(instant).getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** An instant as ISO-8601 local time with its offset, `yyyy-mm-ddTHH:MM+07:00`, for JSON and logs. */
export function formatLocalDateTime(instant: Date | string): string {
  return `${toLocalDate(instant)}T${toLocalTime(instant)}+07:00`;
}

/** The local calendar day `yyyy-mm-dd` of a database `@db.Date` value (stored as UTC midnight). */
export function fromDbDate(value: Date): IsoDate {
  return toInstant(value).toISOString().slice(0, 10);
}

/** A calendar day as the `Date` Prisma expects for a `@db.Date` column (UTC midnight of that date). */
export function toDbDate(date: IsoDate): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY);
}
