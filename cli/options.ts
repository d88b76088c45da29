/** Parsers of option values shared by the commands (commander calls them; a throw reaches `runCli`). */
import { CYCLE_YEARS, isCycleYear } from '../domain/cycle/years';
import { parseUserDate } from '../domain/format';
import { bilingual } from '../domain/messages';

/** `--year Y`: four digits within {@link CYCLE_YEARS}; anything else is refused with the catalogue's message. */
export function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || !isCycleYear(year)) {
    throw new Error(bilingual('invalid.year', { value, ...CYCLE_YEARS }));
  }
  return year;
}

/**
 * `--as-of D [HH:MM]`: a day (dd/mm/yyyy or yyyy-mm-dd) and a time of day in Asia/Ho_Chi_Minh (default 09:00),
 * as an ISO instant; anything else is refused with the catalogue's message.
 */
export function parseAsOf(value: string): string {
  const parts = /^\s*(\S+)(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(value);
  const day = parts ? parseUserDate(parts[1]!) : undefined;
  const hour = Number(parts?.[2] ?? 9);
  const minute = Number(parts?.[3] ?? 0);
  if (day === undefined || hour > 23 || minute > 59) throw new Error(bilingual('invalid.asOf', { value }));
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return new Date(`${day}T${time}:00+07:00`).toISOString();
}
