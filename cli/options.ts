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
 * `--as-of D`: a day (dd/mm/yyyy or yyyy-mm-dd) read as 09:00 of that day in Asia/Ho_Chi_Minh, as an ISO
 * instant; anything else is refused with the catalogue's message.
 */
export function parseAsOf(value: string): string {
  const day = parseUserDate(value);
  if (day === undefined) throw new Error(bilingual('invalid.asOf', { value }));
  return new Date(`${day}T09:00:00+07:00`).toISOString();
}
