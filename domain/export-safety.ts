/**
 * Protection against spreadsheet formula injection (CSV/Excel "formula injection", OWASP). Text that
 * starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheet programs skip
 * before looking for those) is run as a formula when a person opens an export. Imported text is stored
 * exactly as written; exports of text cells pass through {@link neutraliseCell}.
 */

/** Characters that make a spreadsheet program treat a cell as a formula. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether a text cell would be taken for a formula by a spreadsheet program. */
export function looksLikeFormula(value: string): boolean {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!);
}

/**
 * The text to write in an exported text cell: a leading `'` is added when the text would otherwise be
 * taken for a formula (Excel and LibreOffice show the text and hide the quote). Apply it to text cells
 * only; numbers are written as numbers, so `-5` stays a number.
 */
export function neutraliseCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}
