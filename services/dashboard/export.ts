/**
 * The dashboard's export of the cycle list: exactly the rows the list shows for the same query and scope, every
 * page, as CSV (UTF-8 with BOM, CRLF) or xlsx, with Vietnamese headers. The cells go through the year report's
 * renderers (reports/), so text is neutralised against formulas and numbers stay numbers the same way.
 */
import type { Scope } from '../../domain/access';
import type { CycleListQuery } from '../../domain/dashboard/list-query';
import { cycleVocabulary } from '../../domain/messages/cycle';
import type { PrismaClient } from '../../generated/prisma';
import { renderTableCsv } from '../../reports/render-csv';
import { renderTablesXlsx } from '../../reports/render-xlsx';
import { obligationLabel } from '../../reports/cells';
import type { CellValue, Column, Table } from '../../reports/tables';
import { allCycleRows, type CycleListRow } from './list';

/** The export formats. */
export const CYCLE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/** An export format. */
export type CycleExportFormat = (typeof CYCLE_EXPORT_FORMATS)[number];

/** An export, ready to send. */
export interface CycleExport {
  readonly bytes: Buffer;
  /** `chu-ky-ket-nghia[-<year>].<ext>` */
  readonly fileName: string;
  readonly contentType: string;
  readonly rows: number;
}

const CONTENT_TYPES: Readonly<Record<CycleExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const COLUMNS: readonly Column[] = [
  { header: 'Cặp kết nghĩa', format: 'text', width: 12 },
  { header: 'Năm', format: 'text', width: 6 },
  { header: 'Mã đơn vị giúp đỡ', format: 'text', width: 14 },
  { header: 'Đơn vị giúp đỡ', format: 'text', width: 32 },
  { header: 'Mã đơn vị được giúp đỡ', format: 'text', width: 14 },
  { header: 'Đơn vị được giúp đỡ', format: 'text', width: 32 },
  { header: 'Giai đoạn', format: 'text', width: 20 },
  { header: 'Đang chờ', format: 'text', width: 40 },
  { header: 'Chờ từ ngày', format: 'date', width: 12 },
  { header: 'Nghĩa vụ đến hạn gần nhất', format: 'text', width: 36 },
  { header: 'Hạn gần nhất', format: 'date', width: 12 },
  { header: 'Mức cảnh báo', format: 'int', width: 8 },
  { header: 'Quá hạn', format: 'bool', width: 8 },
  { header: 'Xếp loại đề xuất – đơn vị giúp đỡ', format: 'text', width: 18 },
  { header: 'Xếp loại chính thức – đơn vị giúp đỡ', format: 'text', width: 18 },
  { header: 'Xếp loại đề xuất – đơn vị được giúp đỡ', format: 'text', width: 18 },
  { header: 'Xếp loại chính thức – đơn vị được giúp đỡ', format: 'text', width: 18 },
];

/** The export's columns' headers, in order (for readers of the file and for tests). */
export const CYCLE_EXPORT_HEADERS: readonly string[] = COLUMNS.map((c) => c.header);

function cells(row: CycleListRow): CellValue[] {
  return [
    row.pairCode,
    String(row.year),
    row.sponsor.code,
    row.sponsor.name,
    row.recipient.code,
    row.recipient.name,
    cycleVocabulary.phase[row.phase].vi,
    row.waitingFor.map((o) => obligationLabel(o)).join('; ') || null,
    row.waitingSince ? new Date(row.waitingSince) : null,
    row.nextDeadline ? obligationLabel(row.nextDeadline.obligation) : null,
    row.nextDeadline?.due ?? null,
    row.escalationLevel,
    row.overdue,
    row.ratings.sponsor.proposed?.vi ?? null,
    row.ratings.sponsor.final?.vi ?? null,
    row.ratings.recipient.proposed?.vi ?? null,
    row.ratings.recipient.final?.vi ?? null,
  ];
}

/** The list's rows as a table of the export. */
export function cycleTable(rows: readonly CycleListRow[]): Table {
  return { name: 'Chu kỳ kết nghĩa', columns: COLUMNS, rows: rows.map(cells) };
}

/**
 * Every row that `listCycles` would show on any page for `query` in `scope`, in its order, as a file.
 * `now` is the workbook's creation time.
 */
export async function exportCycles(
  prisma: PrismaClient,
  scope: Scope,
  query: CycleListQuery,
  format: CycleExportFormat,
  options: { readonly now: Date },
): Promise<CycleExport> {
  const rows = await allCycleRows(prisma, scope, query);
  const table = cycleTable(rows);
  const bytes = format === 'csv' ? renderTableCsv(table) : await renderTablesXlsx([table], options.now);
  return {
    bytes,
    fileName: `chu-ky-ket-nghia${query.year !== undefined ? `-${query.year}` : ''}.${format}`,
    contentType: CONTENT_TYPES[format],
    rows: rows.length,
  };
}
