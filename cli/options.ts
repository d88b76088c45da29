/** Parsers of option values shared by the commands (commander calls them; a throw reaches `runCli`). */
import { CYCLE_YEARS, isCycleYear } from '../domain/cycle/years';
import { bilingual } from '../domain/messages';

/** `--year Y`: four digits within {@link CYCLE_YEARS}; anything else is refused with the catalogue's message. */
export function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || !isCycleYear(year)) {
    throw new Error(bilingual('invalid.year', { value, ...CYCLE_YEARS }));
  }
  return year;
}
