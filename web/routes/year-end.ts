/**
 * "Tổng kết năm / Year-end summary" (administrators and leadership): `GET /year-end?year=` shows the year's
 * summary of `reports/` (`buildYearSummary`, the model of `twinning report`), `GET /year-end/download?year=&format=`
 * sends the report as the CLI writes it: xlsx, csv, or pdf printed by Chromium (one at a time per process; a
 * server without Chromium answers 503 with what to download instead).
 */
import type { FastifyReply } from 'fastify';
import {
  buildYearSummary,
  defaultReportFileName,
  PdfUnavailableError,
  renderReport,
  type YearSummary,
} from '../../reports';
import { EvaluationSettingsError } from '../../services/evaluation-store';
import { requirePermission } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { HttpError, invalidInput } from '../errors';
import { formText } from '../forms';
import { pageContext, sendPage } from '../render';
import { renderYearEnd, YEAR_END_FORMATS } from '../views/year-end';
import { yearOf } from './home';

/** A download format. */
export type YearEndFormat = (typeof YEAR_END_FORMATS)[number];

const CONTENT_TYPES: Readonly<Record<YearEndFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * The summary of `year`: 404 when the year has no cycle (nothing to sum up), 409 when its evaluation settings
 * are invalid (an administrator must fix them), each with its catalogue message.
 */
export async function yearSummaryOf(deps: RouteDeps, year: number): Promise<YearSummary> {
  if ((await deps.prisma.cycle.count({ where: { year } })) === 0)
    throw new HttpError(404, 'not_found', { key: 'page.yearEnd.noCycles', params: { year } });
  try {
    return await buildYearSummary(deps.prisma, year, { now: deps.now() });
  } catch (error) {
    if (error instanceof EvaluationSettingsError)
      throw new HttpError(409, 'conflict', {
        key: 'page.yearEnd.settings',
        params: { year, problem: error.problem },
      });
    throw error;
  }
}

/** The format of a query (`format=`), 400 when not one of the report's. */
export function formatOf(query: unknown): YearEndFormat {
  const value = formText(query, 'format').trim().toLowerCase();
  if (!(YEAR_END_FORMATS as readonly string[]).includes(value))
    throw invalidInput({ key: 'page.yearEnd.format', params: { value: formText(query, 'format') } });
  return value as YearEndFormat;
}

// Chromium is started per PDF, as the CLI does; one at a time keeps a burst of clicks from starting a dozen.
let printing: Promise<unknown> = Promise.resolve();

/** Sends the report of `year` in `format` as a file. */
export async function sendReport(
  deps: RouteDeps,
  reply: FastifyReply,
  year: number,
  format: YearEndFormat,
): Promise<FastifyReply> {
  const summary = await yearSummaryOf(deps, year);
  let bytes: Buffer;
  try {
    if (format === 'pdf') {
      const job = printing.then(() =>
        renderReport(summary, 'pdf', deps.chromiumPath ? { chromiumPath: deps.chromiumPath } : {}),
      );
      printing = job.catch(() => undefined);
      bytes = await job;
    } else bytes = await renderReport(summary, format);
  } catch (error) {
    if (error instanceof PdfUnavailableError)
      throw new HttpError(
        503,
        'unavailable',
        error.missing.what === 'chromium'
          ? { key: 'page.yearEnd.pdfUnavailable', params: { path: error.missing.path } }
          : { key: 'page.yearEnd.pdfDriverMissing' },
      );
    throw error;
  }
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${defaultReportFileName(year, format)}"`)
    .send(bytes);
}

/** Registers `/year-end` and `/year-end/download`. */
export function registerYearEndRoutes(app: WebApp, deps: RouteDeps): void {
  app.get('/year-end', async (request, reply) => {
    requirePermission(request, 'export');
    const summary = await yearSummaryOf(deps, yearOf(request.query, deps.now()));
    return sendPage(reply, renderYearEnd(pageContext(request, reply), summary));
  });

  app.get('/year-end/download', async (request, reply) => {
    requirePermission(request, 'export');
    return sendReport(deps, reply, yearOf(request.query, deps.now()), formatOf(request.query));
  });
}
