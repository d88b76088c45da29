/** How one cell value, or an obligation's name, is written as text (csv, html, charts). */
import type { ObligationId } from '../domain/cycle/types';
import { formatDate, formatDong, formatNumber } from '../domain/format';
import type { Lang } from '../domain/messages';
import { cycleVocabulary } from '../domain/messages/cycle';
import type { CellValue, ColumnFormat } from './tables';

/** An obligation as `O3 – chương trình kết nghĩa đã ký` (in English `O3 – signed twinning programme`). */
export function obligationLabel(id: ObligationId, lang: Lang = 'vi'): string {
  return `${id} – ${cycleVocabulary.obligation[id][lang]}`;
}

/**
 * Text for a human reader (html, pdf): đồng with `.` thousands and `đ`, scores and percentages with a comma,
 * dates dd/mm/yyyy in Asia/Ho_Chi_Minh, yes as "Có".
 */
export function displayText(value: CellValue, format: ColumnFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : '';
  if (value instanceof Date || format === 'date') return formatDate(value as Date | string);
  switch (format) {
    case 'dong':
      return typeof value === 'bigint' || typeof value === 'number' ? formatDong(value) : String(value);
    case 'int':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'score':
      return typeof value === 'number' ? formatNumber(value, 'vi', 1) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value * 100, 'vi', 1)}%` : String(value);
    default:
      return typeof value === 'bigint' ? value.toString() : String(value);
  }
}

/**
 * Text for a machine-readable export (csv): plain integers (no separators) and `.` decimals so the numbers can be
 * summed again; dates dd/mm/yyyy; yes as "Có".
 */
export function plainText(value: CellValue, format: ColumnFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : '';
  if (value instanceof Date || format === 'date') return formatDate(value as Date | string);
  if (format === 'percent' && typeof value === 'number') return (Math.round(value * 1000) / 10).toString();
  return typeof value === 'bigint' ? value.toString() : String(value);
}
