/** `/api/v1/pairs`: the pairs in the caller's scope, and one pair's cycle in a year (404 outside the scope). */
import { z } from 'zod';
import { findPairInScope, pairWhere } from '../../services/access';
import { showCycle } from '../../services/cycle-read';
import { requireSignIn } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';
import { yearOf } from '../routes/home';
import { pageOf } from '../views/pagination';
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

const cycleSchema = z
  .object({
    phase: z.string(),
    escalationLevel: z.number(),
    overdue: z.boolean(),
    waitingFor: z.array(z.string()),
    waitingSince: z.string().nullable(),
    obligations: z.array(
      z.object({
        obligation: z.string(),
        status: z.string(),
        statutoryDue: z.string(),
        effectiveDue: z.string(),
        completedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Cycle', description: 'A cycle from the read model (instants in ISO 8601, UTC)' });

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
        summary: 'One pair’s cycle in a year (`?year=`, default this year); 404 when unknown or out of scope',
        params: codeParams,
        querystring: z.object({ year: z.string().optional() }),
        response: {
          200: z.object({ code: z.string(), year: z.number(), cycle: cycleSchema.nullable() }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const actor = requireSignIn(request);
      const pair = await findPairInScope(deps.prisma, actor.scope, request.params.code);
      if (!pair) throw notFound();
      const year = yearOf(request.query, deps.now());
      const detail = await showCycle(deps.prisma, pair.code, year);
      const cycle = detail
        ? {
            phase: detail.phase,
            escalationLevel: detail.escalationLevel,
            overdue: detail.overdue,
            waitingFor: [...detail.waitingFor],
            waitingSince: detail.waitingSince?.toISOString() ?? null,
            obligations: detail.obligations.map((o) => ({
              obligation: o.obligation,
              status: o.status,
              statutoryDue: o.statutoryDue.toISOString(),
              effectiveDue: o.effectiveDue.toISOString(),
              completedAt: o.completedAt?.toISOString() ?? null,
            })),
          }
        : null;
      return { code: pair.code, year, cycle };
    },
  );
}
