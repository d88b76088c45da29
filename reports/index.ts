/** The province's year-end outputs: build the summary from the database and write it as xlsx, csv, html or pdf. */
import { renderCsv } from './render-csv';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';
import type { YearSummary } from './year-summary';

export { buildYearSummary, type YearSummary, type UnitSummary } from './year-summary';
export { PdfUnavailableError, DEFAULT_CHROMIUM_PATH } from './render-pdf';

/** The output formats. */
export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf', 'html'] as const;

/** An output format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The default file name of the year's report: `bao-cao-ket-nghia-<year>.<ext>`. */
export function defaultReportFileName(year: number, format: ReportFormat): string {
  return `bao-cao-ket-nghia-${year}.${format}`;
}

/** The HTML page, its module loaded on demand: its charts load ECharts, which every other command can skip. */
async function htmlOf(summary: YearSummary): Promise<string> {
  const { renderHtml } = await import('./render-html');
  return renderHtml(summary);
}

/** Renders the summary in `format`. */
export async function renderReport(
  summary: YearSummary,
  format: ReportFormat,
  options: { chromiumPath?: string } = {},
): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return renderXlsx(summary);
    case 'csv':
      return renderCsv(summary);
    case 'html':
      return Buffer.from(await htmlOf(summary), 'utf8');
    case 'pdf':
      return renderPdf(
        await htmlOf(summary),
        options.chromiumPath ? { executablePath: options.chromiumPath } : {},
      );
  }
}
