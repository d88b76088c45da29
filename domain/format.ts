/**
 * Display formats for Vietnamese users: dates `dd/mm/yyyy` and times `HH:MM` in Asia/Ho_Chi_Minh, numbers with
 * Vietnamese separators, amounts of money in đồng. Pure (no `Intl`, whose locale and time-zone data vary between
 * runtimes).
 */
import type { Lang } from './messages/catalogue';
import {
  dayEndingAt,
  dayOfWeek,
  isIsoDate,
  parseIsoDate,
  toInstant,
  toLocalDate,
  toLocalTime,
} from './calendar/time';

function localDayOf(value: Date | string): string {
  // A bare yyyy-mm-dd is a calendar day (validated by parseIsoDate), never an instant at UTC midnight.
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? value
    : toLocalDate(toInstant(value));
}

/**
 * A date as `dd/mm/yyyy`. A `yyyy-mm-dd` string is taken as a local calendar day as is; a `Date` or an ISO-8601
 * instant string is shown as its day in Asia/Ho_Chi_Minh. Throws `RangeError` on anything else.
 */
export function formatDate(value: Date | string): string {
  const { year, month, day } = parseIsoDate(localDayOf(value));
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

/**
 * The day a deadline instant closes, as `dd/mm/yyyy`. Deadlines are stored as the instant the day ends
 * (24:00 local, which is 00:00 of the next day), so the day shown is that of the last moment before it.
 */
export function formatDueDay(deadline: Date): string {
  return formatDate(dayEndingAt(deadline));
}

/** An instant's local time in Asia/Ho_Chi_Minh as `HH:MM`. */
export function formatTime(instant: Date | string): string {
  return toLocalTime(toInstant(instant));
}

/**
 * An instant as `dd/mm/yyyy HH:MM` in Asia/Ho_Chi_Minh. A bare `yyyy-mm-dd` has no time and is rejected with a
 * `RangeError` rather than shown as midnight.
 */
export function formatDateTime(instant: Date | string): string {
  if (typeof instant === 'string' && isIsoDate(instant)) {
    throw new RangeError(`A calendar day has no time of day: ${instant}`);
  }
  const value = toInstant(instant);
  return `${formatDate(value)} ${formatTime(value)}`;
}

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * A number for reading: `1.234,5` in Vietnamese (`.` groups thousands, `,` before the decimals), `1,234.5` in
 * English; rounded to at most `decimals` places, trailing zeros dropped (`91,6`, `100`). `RangeError` on a value
 * that is not finite.
 */
export function formatNumber(value: number, lang: Lang = 'vi', decimals = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a number to show: ${value}`);
  const [whole = '0', fraction = ''] = Math.abs(value).toFixed(decimals).split('.');
  const kept = fraction.replace(/0+$/, '');
  // A value that rounds to zero is shown as 0, never -0.
  const sign = value < 0 && /[1-9]/.test(whole + kept) ? '-' : '';
  const [group, point] = lang === 'vi' ? ['.', ','] : [',', '.'];
  return `${sign}${groupDigits(whole, group)}${kept ? point + kept : ''}`;
}

/**
 * An amount of money in whole đồng: `200.000.000 đ` in Vietnamese (`.` groups thousands), `200,000,000 VND` in
 * English. Money is never a float: a `number` must be a safe integer, otherwise `RangeError`.
 */
export function formatDong(amount: bigint | number, lang: Lang = 'vi'): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`An amount of đồng must be a whole number: ${amount}`);
  }
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const sign = negative ? '-' : '';
  return lang === 'vi' ? `${sign}${groupDigits(digits, '.')} đ` : `${sign}${groupDigits(digits, ',')} VND`;
}

/**
 * Reads a date typed by a user: `dd/mm/yyyy` (also `d/m/yyyy`) or `yyyy-mm-dd`. Returns the calendar day
 * `yyyy-mm-dd`, or `undefined` when the text is not a date that exists.
 */
export function parseUserDate(text: string): string | undefined {
  const value = text.trim();
  const display = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const candidate = display
    ? `${display[3]}-${(display[2] ?? '').padStart(2, '0')}-${(display[1] ?? '').padStart(2, '0')}`
    : value;
  return isIsoDate(candidate) ? candidate : undefined;
}

const WEEKDAYS: Readonly<Record<Lang, readonly string[]>> = {
  vi: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** The short weekday name of a calendar day: `T2`…`T7`, `CN` in Vietnamese; `Mon`…`Sun` in English. */
export function formatWeekday(date: string, lang: Lang = 'vi'): string {
  return WEEKDAYS[lang][dayOfWeek(date)] ?? '';
}
