/**
 * The web server (Fastify). Today: the landing page with each part's health and `/healthz` for machines.
 * Pages read the Prisma read model; Temporal is asked only for health.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Lang } from '../domain/messages';
import type { PrismaClient } from '../generated/prisma';
import { checkHealth, type HealthDeps } from '../system/health';
import { renderLanding } from './pages/landing';

/** What the web server needs. */
export interface WebDeps extends HealthDeps {
  readonly prisma: PrismaClient;
  readonly defaultLang: Lang;
  readonly temporalUiUrl: string;
}

function langOf(query: unknown, fallback: Lang): Lang {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  return lang === 'en' || lang === 'vi' ? lang : fallback;
}

/** Builds the Fastify instance with every route; the caller listens and closes it. */
export function buildWebServer(deps: WebDeps): FastifyInstance {
  const app = Fastify({ logger: false });

  app.get('/healthz', async (_request, reply) => {
    const health = await checkHealth(deps);
    const ok = health.every((h) => h.ok);
    return reply.code(ok ? 200 : 503).send({ ok, parts: health });
  });

  app.get('/', async (request, reply) => {
    const lang = langOf(request.query, deps.defaultLang);
    const [health, units, pairs] = await Promise.all([
      checkHealth(deps),
      deps.prisma.unit.count().catch(() => undefined),
      deps.prisma.pair.count().catch(() => undefined),
    ]);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        renderLanding({ lang, health, units, pairs, temporalUiUrl: deps.temporalUiUrl, checkedAt: new Date() }),
      );
  });

  return app;
}
