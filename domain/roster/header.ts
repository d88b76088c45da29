import type { RawTable, RosterError } from './types';

/** Delimiters people use by mistake (Excel in a Vietnamese locale saves CSV with `;`). */
const WRONG_DELIMITERS = [';', '\t', '|'] as const;

/** A header name as compared: trimmed, lower-case, without a stray byte-order mark. */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** What the header of one table must look like. */
export interface TableShape {
  readonly columns: readonly string[];
  readonly required: readonly string[];
  /** Whether a table with a header and no rows is an error (the units table) or fine (the pairs table). */
  readonly rowsRequired: boolean;
}

/**
 * Checks the header of a table. Returns the errors found; when one of them means the rows cannot be read
 * (`fatal`), the caller skips row validation of that table, since every row would only repeat the problem.
 */
export function checkHeader(table: RawTable, shape: TableShape): { errors: RosterError[]; fatal: boolean } {
  const expected = shape.columns.join(',');
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  const errors: RosterError[] = [];

  if (table.header === null) {
    // JSON: each entry carries its keys; an unknown key, or two keys naming one column (`name` and `Name`, of
    // which only one would be read), is reported where it occurs.
    for (const raw of table.rows) {
      const seen = new Set<string>();
      for (const key of Object.keys(raw.cells)) {
        const name = normaliseColumnName(key);
        if (!shape.columns.includes(name)) {
          errors.push({
            ...at,
            row: raw.row,
            column: key,
            key: 'roster.unknownColumn',
            params: { column: key, expected },
          });
        } else if (seen.has(name)) {
          errors.push({
            ...at,
            row: raw.row,
            column: key,
            key: 'roster.duplicateColumn',
            params: { column: name },
          });
        }
        seen.add(name);
      }
    }
    if (shape.rowsRequired && table.rows.length === 0) {
      errors.push({ ...at, key: 'roster.noRows', params: {} });
    }
    return { errors, fatal: false };
  }

  const row = table.headerRow ?? 1;
  const names = table.header.map(normaliseColumnName);
  // A header written with another delimiter arrives as cells that split, on that delimiter, into known
  // column names; a data line taken for the header (which may well contain `;`) does not.
  const found = WRONG_DELIMITERS.find((d) =>
    names.some((n) => n.split(d).filter((part) => shape.columns.includes(part.trim())).length >= 2),
  );
  if (found !== undefined) {
    const shown = found === '\t' ? 'Tab' : found;
    return {
      errors: [{ ...at, row, key: 'roster.wrongDelimiter', params: { found: shown, expected } }],
      fatal: true,
    };
  }

  const known = names.filter((n) => shape.columns.includes(n));
  if (known.length === 0) {
    return { errors: [{ ...at, row, key: 'roster.headerMissing', params: { expected } }], fatal: true };
  }

  const missing = shape.required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    errors.push({
      ...at,
      row,
      key: 'roster.missingColumns',
      params: { missing: missing.join(', '), expected },
    });
  }
  const seen = new Set<string>();
  table.header.forEach((written, index) => {
    const name = names[index] ?? '';
    // An unnamed column (a trailing comma, an empty spreadsheet cell) carries nothing to import.
    if (name === '') return;
    if (!shape.columns.includes(name)) {
      errors.push({
        ...at,
        row,
        column: written.trim(),
        key: 'roster.unknownColumn',
        params: { column: written.trim(), expected },
      });
    } else if (seen.has(name)) {
      errors.push({ ...at, row, column: name, key: 'roster.duplicateColumn', params: { column: name } });
    }
    seen.add(name);
  });
  if (errors.length > 0) return { errors, fatal: true };

  if (shape.rowsRequired && table.rows.length === 0) {
    return { errors: [{ ...at, key: 'roster.noRows', params: {} }], fatal: true };
  }
  return { errors, fatal: false };
}
