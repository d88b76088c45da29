/**
 * The dashboard's read API: the overview of a year, the filtered cycle list and its CSV/XLSX export. Every
 * answer comes from `services/dashboard/` with the caller's scope, so no query parameter reaches a pair outside
 * it. The list's query is the read model's own zod schema (`cycleListQuerySchema`): the page, the API and the
 * export accept and refuse exactly the same parameters with the same catalogue message.
 */
import { z } from 'zod';
import type { Message } from '../../domain/messages';
import {
  CYCLE_EXPORT_FORMATS,
  exportCycles,
  listCycles,
  overview,
  parseCycleListQuery,
} from '../../services/dashboard';
import type { CycleListQuery } from '../../services/dashboard';
import { requireSignIn } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { invalidInput } from '../errors';
import { yearOf } from '../routes/home';
import { errorResponses } from './schemas';

/** The list query of a request, validated by the read model's schema; 400 with its first problem otherwise. */
export function cycleQueryOf(query: unknown, omit: readonly string[] = []): CycleListQuery {
  const fields = { ...((query ?? {}) as Record<string, unknown>) };
  for (const name of omit) delete fields[name];
  const parsed = parseCycleListQuery(fields);
  if (!parsed.ok) throw invalidInput(parsed.errors[0] as Message);
  return parsed.query;
}

// The list's parameters are checked by the read model's schema in the handler (one message per problem, in
// the reader's language); here they are only documented as strings.
const listParameters = z.record(z.string(), z.string()).meta({
  description:
    'year, phase, sponsor, recipient, district, obligation, status, overdue, escalation, rating, ratingStage, sort, dir, page, pageSize (docs/web.md, "The cycle list")',
});

/**
 * A 200 answer that is one of the read model's own types, documented by name: its shape is the TypeScript
 * interface of `services/dashboard/`, not repeated here as a second schema that could drift from it.
 */
export function readModel(description: string) {
  return z.unknown().meta({ description });
}

/** Registers `/api/v1/overview`, `/api/v1/cycles` and `/api/v1/cycles/export`. */
export function registerDashboardApi(app: WebApp, deps: RouteDeps): void {
  app.get(
    '/api/v1/overview',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Counts by phase and obligation status, punctuality, the next 14 days, escalations, mail problems',
        querystring: z.object({ year: z.string().optional() }),
        response: { 200: readModel('Overview (docs/web.md, "Overview")'), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const actor = requireSignIn(request);
      const year = yearOf(request.query, deps.now());
      return overview(deps.prisma, actor.scope, { year, now: deps.now() });
    },
  );

  app.get(
    '/api/v1/cycles',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'One page of the filtered, sorted cycle list (an unknown parameter is refused)',
        querystring: listParameters,
        response: {
          200: readModel('CycleListPage (docs/web.md, "The cycle list")'),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const actor = requireSignIn(request);
      return listCycles(deps.prisma, actor.scope, cycleQueryOf(request.query));
    },
  );

  app.get(
    '/api/v1/cycles/export',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Every row of the filtered list (all pages) as CSV or XLSX (`format=csv|xlsx`, default csv)',
        querystring: listParameters,
        response: {
          200: z.unknown().meta({ description: 'The CSV or XLSX file' }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request, reply) => {
      const actor = requireSignIn(request);
      const format = (request.query as Record<string, string | undefined>).format ?? 'csv';
      if (!(CYCLE_EXPORT_FORMATS as readonly string[]).includes(format))
        throw invalidInput({
          key: 'dashboard.query.choice',
          params: { field: 'format', value: format, allowed: CYCLE_EXPORT_FORMATS.join(', ') },
        });
      const query = cycleQueryOf(request.query, ['format']);
      const file = await exportCycles(deps.prisma, actor.scope, query, format as 'csv' | 'xlsx', {
        now: deps.now(),
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );
}
