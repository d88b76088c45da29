/**
 * The year-end summary as an Excel workbook (exceljs): sheets "Tổng hợp" (totals per kind, rating distribution,
 * on-time rate per obligation), "Đơn vị", "Chỉ tiêu", "Nghĩa vụ" and "Giải trình" (the working of every
 * proposal). Numbers are written as numbers with a display format; every text cell is neutralised.
 *
 * exceljs cannot draw charts, so the two charts' data are tables on "Tổng hợp" (a reader can insert a chart
 * from them in one click); the HTML and PDF outputs draw the charts.
 */
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../domain/export-safety';
import { formatDate, formatDateTime } from '../domain/format';
import {
  distributionTable,
  obligationTable,
  onTimeTable,
  targetTable,
  totalsTable,
  unitTable,
  type CellValue,
  type Column,
  type Table,
} from './tables';
import type { YearSummary } from './year-summary';

const NUM_FMT: Partial<Record<Column['format'], string>> = {
  int: '#,##0',
  dong: '#,##0',
  score: '0.0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
};

/** The value exceljs should store for a cell. */
function excelValue(value: CellValue, format: Column['format']): ExcelJS.CellValue {
  if (value === null) return null;
  if (format === 'date' && typeof value === 'string') {
    // A calendar day yyyy-mm-dd (a due day): stored at UTC midnight, as spreadsheet dates have no zone.
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d));
  }
  if (typeof value === 'boolean') return value ? 'Có' : '';
  if (typeof value === 'bigint') {
    // Whole đồng fit a double exactly up to 9 × 10^15; beyond that keep the exact digits as text.
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) {
    // A spreadsheet date has no time zone: store the local (Asia/Ho_Chi_Minh) calendar day at UTC midnight.
    const [d, m, y] = formatDate(value).split('/').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d));
  }
  if (typeof value === 'string') return neutraliseCell(value);
  return value;
}

/** Writes `table` at `startRow` (header then rows); returns the next free row. */
function writeTable(sheet: ExcelJS.Worksheet, table: Table, startRow: number, title?: string): number {
  let row = startRow;
  if (title) {
    const cell = sheet.getCell(row, 1);
    cell.value = neutraliseCell(title);
    cell.font = { bold: true, size: 12 };
    row += 1;
  }
  table.columns.forEach((c, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = neutraliseCell(c.header);
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  row += 1;
  for (const values of table.rows) {
    values.forEach((value, i) => {
      const column = table.columns[i]!;
      const cell = sheet.getCell(row, i + 1);
      cell.value = excelValue(value, column.format);
      const fmt = NUM_FMT[column.format];
      if (
        fmt &&
        value !== null &&
        typeof value !== 'boolean' &&
        (typeof value !== 'string' || column.format === 'date')
      )
        cell.numFmt = fmt;
      if (column.format === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row += 1;
  }
  return row;
}

function setWidths(sheet: ExcelJS.Worksheet, columns: readonly Column[]): void {
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, c.width ?? 12);
  });
}

/** Adds `table` as a sheet of its own: header row frozen and filtered, every text cell neutralised. */
export function tableSheet(workbook: ExcelJS.Workbook, table: Table): void {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  writeTable(sheet, table, 1);
  setWidths(sheet, table.columns);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/**
 * Tables as an xlsx workbook, one sheet each (header frozen, auto-filter), with the same cell rules as the
 * year's report: the dashboard's exports use it.
 */
export async function renderTablesXlsx(tables: readonly Table[], created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Twinning engine';
  workbook.created = created;
  for (const table of tables) tableSheet(workbook, table);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

/** The summary as xlsx bytes. */
export async function renderXlsx(summary: YearSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Twinning engine';
  workbook.created = summary.generatedAt;

  const front = workbook.addWorksheet('Tổng hợp');
  front.getCell(1, 1).value = `BÁO CÁO TỔNG KẾT CHƯƠNG TRÌNH KẾT NGHĨA NĂM ${summary.year}`;
  front.getCell(1, 1).font = { bold: true, size: 14 };
  front.getCell(2, 1).value =
    `Lập lúc ${formatDateTime(summary.generatedAt)}; ${summary.cycles} cặp kết nghĩa, ${summary.units.length} lượt đơn vị được đánh giá.`;
  let row = 4;
  const totals = totalsTable(summary);
  row = writeTable(front, totals, row, '1. Tổng hợp theo loại đơn vị') + 1;
  const distribution = distributionTable(summary);
  row = writeTable(front, distribution, row, '2. Phân bố xếp loại (dữ liệu biểu đồ)') + 1;
  const onTime = onTimeTable(summary);
  row = writeTable(front, onTime, row, '3. Tỷ lệ đúng hạn theo nghĩa vụ (dữ liệu biểu đồ)') + 1;
  front.getCell(row, 1).value =
    'Ghi chú: tệp Excel không chứa biểu đồ (thư viện xuất không hỗ trợ); dữ liệu biểu đồ ở mục 2 và 3, biểu đồ có trong bản HTML/PDF.';
  front.getCell(row, 1).font = { italic: true };
  setWidths(front, totals.columns);

  tableSheet(workbook, unitTable(summary));
  tableSheet(workbook, targetTable(summary));
  tableSheet(workbook, obligationTable(summary.obligations));
  tableSheet(workbook, {
    name: 'Giải trình',
    columns: [
      { header: 'Mã đơn vị', format: 'text', width: 14 },
      { header: 'Tên đơn vị', format: 'text', width: 36 },
      { header: 'Giải trình đề xuất xếp loại', format: 'text', width: 100 },
    ],
    rows: summary.units.flatMap((u) =>
      u.evaluation.explanation.map((l): CellValue[] => [u.code, u.name, l.vi]),
    ),
  });

  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
