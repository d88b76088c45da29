/**
 * Parsers of single cells, shared by the row schemas. Each returns the parsed value or `null` when the text
 * is not acceptable; the caller decides which message that is.
 */

/** A unit or pair code: unaccented letters, digits, `.`, `_`, `-`, 1 to 40 characters. */
export const CODE_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

/** The longest unit name accepted, in characters (code points). */
export const MAX_NAME_LENGTH = 200;

/** The largest staff count accepted; far above any real agency, and within a PostgreSQL `integer`. */
const MAX_STAFF = 1_000_000;

const TRUE_WORDS = new Set(['true', '1', 'yes', 'có']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'không', '']);

/** Reads a yes/no cell: true/false, 1/0, yes/no, có/không (any case); empty means false. */
export function parseBoolean(text: string): boolean | null {
  const word = text.normalize('NFC').trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** Reads a non-negative whole number written with digits only (no sign, no separators, no decimals). */
export function parseStaff(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= MAX_STAFF ? value : null;
}

/**
 * Reads a calendar date written `yyyy-mm-dd` or `dd/mm/yyyy` (day first, as in Vietnam) and returns it as
 * `yyyy-mm-dd`. Impossible dates such as 30/02/2025 are refused rather than rolled over.
 */
export function parseRosterDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  let year: number;
  let month: number;
  let day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (vn) {
    [day, month, year] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  } else {
    return null;
  }
  if (year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The years a bare year of a plan period may name. A typo (`1920`, `2205`) is refused with its own message
 * rather than becoming a century-long pairing.
 */
export const ROSTER_YEARS = { min: 1990, max: 2100 } as const;

/**
 * Reads a bare four-digit year, as officials write a plan period (`2020`, in a JSON number or a CSV/xlsx
 * cell). The range is checked by the caller, which reports it with its own message.
 */
export function parseBareYear(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : null;
}

// The WHATWG "valid e-mail address" grammar, with at least one dot in the domain: addresses on an
// intranet without a dot are not used by the province, and a missing dot is a common typo.
const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Whether a text is an acceptable e-mail address (at most 254 characters, domain with a dot). */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL_PATTERN.test(text);
}

/** One entry of an `emails` cell: the address and whether it carried the `head:` marker. */
export interface EmailEntry {
  readonly text: string;
  readonly head: boolean;
}

/**
 * Splits an `emails` cell into entries. Addresses are separated by `;`, `,` or line breaks (Excel users
 * type Alt+Enter); `head:` before an address marks the head of the unit.
 */
export function splitEmails(text: string): EmailEntry[] {
  return text
    .split(/[;,\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const marker = /^head\s*:\s*/i.exec(part);
      return marker ? { text: part.slice(marker[0].length), head: true } : { text: part, head: false };
    });
}
