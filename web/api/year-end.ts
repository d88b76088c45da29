/**
 * The year-end summary as JSON (administrators and leadership): `GET /api/v1/year-end/:year` gives the model of
 * `twinning report` (`reports/render-json.ts`: money as decimal strings, instants as ISO strings);
 * `GET /api/v1/year-end/:year/export?format=xlsx|csv|pdf` the report file, as `/year-end/download` sends it.
 */
import { z } from 'zod';
import { yearSummaryJson } from '../../reports/render-json';
import { requirePermission } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { cycleYearOf } from '../routes/calendar';
import { formatOf, sendReport, yearSummaryOf } from '../routes/year-end';
import { readModel } from './dashboard';
import { errorResponses } from './schemas';

const params = z.object({ year: z.string().max(10) });

/** Registers the year-end API. */
export function registerYearEndApi(app: WebApp, deps: RouteDeps): void {
  app.get(
    '/api/v1/year-end/:year',
    {
      schema: {
        tags: ['year-end'],
        summary:
          "The year's summary: totals per kind of unit, the rating distribution, on-time rates, every unit's ratings",
        params,
        response: {
          200: readModel('YearSummaryJson (reports/render-json.ts)'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      requirePermission(request, 'export');
      return yearSummaryJson(await yearSummaryOf(deps, cycleYearOf(request.params.year)));
    },
  );

  app.get(
    '/api/v1/year-end/:year/export',
    {
      schema: {
        tags: ['year-end'],
        summary:
          'The year-end report as a file: `format=xlsx|csv|pdf` (PDF printed by Chromium; 503 without it)',
        params,
        querystring: z.object({ format: z.string().max(20).optional() }),
        response: {
          200: z.unknown().meta({ description: 'The XLSX, CSV or PDF file' }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'export');
      return sendReport(deps, reply, cycleYearOf(request.params.year), formatOf(request.query));
    },
  );
}
