/** Parsers of option values shared by the commands (commander calls them; a throw reaches `runCli`). */
import { bilingual } from '../domain/messages';

/** The years a cycle, a calendar or a staff count may belong to. */
const YEARS = { min: 2000, max: 2100 } as const;

/** `--year Y`: four digits from 2000 to 2100; anything else is refused with the catalogue's bilingual message. */
export function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || year < YEARS.min || year > YEARS.max) {
    throw new Error(bilingual('invalid.year', { value, min: YEARS.min, max: YEARS.max }));
  }
  return year;
}
