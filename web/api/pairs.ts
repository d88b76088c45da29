/** `/api/v1/pairs`: the pairs in the caller's scope, and one pair's dashboard detail (404 outside the scope). */
import { z } from 'zod';
import { pairWhere } from '../../services/access';
import { pairDetail } from '../../services/dashboard';
import { requireSignIn } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';
import { formText } from '../forms';
import { yearOf } from '../routes/home';
import { pageOf } from '../views/pagination';
import { readModel } from './dashboard';
import { errorResponses } from './schemas';

const PAGE_SIZE = 100;

const pairSchema = z
  .object({
    code: z.string(),
    status: z.enum(['ACTIVE', 'DISSOLVED', 'REPAIRED']),
    sponsor: z.object({ code: z.string(), name: z.string() }),
    recipient: z.object({ code: z.string(), name: z.string() }),
  })
  .meta({ id: 'Pair' });

const codeParams = z.object({ code: z.string().min(1).max(64) });

/** Registers the pair routes. */
export function registerPairApi(app: WebApp, deps: RouteDeps): void {
  app.get(
    '/api/v1/pairs',
    {
      schema: {
        tags: ['pairs'],
        summary: 'The pairs the caller may see (`?page=`)',
        querystring: z.object({
          page: z
            .string()
            .regex(/^\d{1,6}$/)
            .optional(),
        }),
        response: {
          200: z.object({
            pairs: z.array(pairSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const actor = requireSignIn(request);
      const window = pageOf(request.query, PAGE_SIZE);
      const where = pairWhere(actor.scope);
      const select = { code: true, name: true } as const;
      const [rows, total] = await Promise.all([
        deps.prisma.pair.findMany({
          where,
          include: { sponsor: { select }, recipient: { select } },
          orderBy: { code: 'asc' },
          skip: window.skip,
          take: window.pageSize,
        }),
        deps.prisma.pair.count({ where }),
      ]);
      const pairs = rows.map((p) => ({
        code: p.code,
        status: p.status,
        sponsor: p.sponsor,
        recipient: p.recipient,
      }));
      return { pairs, total, page: window.page, pageSize: window.pageSize };
    },
  );

  app.get(
    '/api/v1/pairs/:code',
    {
      schema: {
        tags: ['pairs'],
        summary:
          'One pair from the dashboard read model: both units, every year, obligations, “waiting on” lines, timeline, ratings (`?year=`, default the latest); 404 when unknown or out of scope',
        params: codeParams,
        querystring: z.object({ year: z.string().optional() }),
        response: {
          200: readModel('PairDetail (docs/web.md, "One pair")'),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const actor = requireSignIn(request);
      const text = formText(request.query, 'year');
      const year = text === '' ? undefined : yearOf(request.query, deps.now());
      const detail = await pairDetail(deps.prisma, actor.scope, request.params.code, {
        ...(year !== undefined ? { year } : {}),
        now: deps.now(),
        includeContacts: actor.role === 'ADMIN',
        temporalNamespace: deps.namespace,
      });
      if (!detail) throw notFound();
      return detail;
    },
  );
}
