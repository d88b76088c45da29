/**
 * The per-unit table of the year-end summary as CSV: UTF-8 with a byte-order mark (so Excel shows the
 * Vietnamese diacritics), comma-separated, CRLF line ends (RFC 4180). Every text cell is neutralised against
 * formula injection.
 */
import { neutraliseCell } from '../domain/export-safety';
import { plainText } from './cells';
import { unitTable, type Table } from './tables';
import type { YearSummary } from './year-summary';

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as CSV text (without the byte-order mark). */
export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => quote(neutraliseCell(c.header)))];
  for (const row of table.rows) {
    lines.push(
      row.map((value, i) => {
        const format = table.columns[i]?.format ?? 'text';
        const text = plainText(value, format);
        // Numbers are written as numbers (a negative stays a number); only text can be taken for a formula.
        return quote(typeof value === 'string' && format !== 'date' ? neutraliseCell(text) : text);
      }),
    );
  }
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** Any table as CSV bytes, with the UTF-8 byte-order mark (the dashboard's exports use it too). */
export function renderTableCsv(table: Table): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tableToCsv(table), 'utf8')]);
}

/** The summary's per-unit table as CSV bytes, with the UTF-8 byte-order mark. */
export function renderCsv(summary: YearSummary): Buffer {
  return renderTableCsv(unitTable(summary));
}
