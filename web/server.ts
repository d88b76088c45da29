/**
 * The web server (Fastify). Today: the landing page with each part's health and restarts, `/healthz` for
 * machines, the pair page and the Outbox. Pages read the Prisma read model; Temporal is asked only for health.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { CYCLE_YEARS, isCycleYear } from '../domain/cycle/years';
import { bilingual, type Lang } from '../domain/messages';
import type { PrismaClient } from '../generated/prisma';
import { checkHealth, type HealthDeps } from '../system/health';
import { readSupervisionStatus } from '../system/supervisor-status';
import { renderLanding } from './pages/landing';
import { renderOutbox, renderOutboxMessage } from './pages/outbox';
import { renderPair } from './pages/pair';
import { showCycle } from '../services/cycle-read';
import { currentYearInVietnam } from '../roster/import';
import { ledgerCounts, listBouncedContacts, recentLedger } from '../mail/ledger';
import { listOutbox, readOutboxMessage } from '../mail/outbox';

/** What the web server needs. */
export interface WebDeps extends HealthDeps {
  readonly prisma: PrismaClient;
  readonly defaultLang: Lang;
  readonly temporalUiUrl: string;
  /** Where the embedded SMTP catcher keeps messages (`<DATA_DIR>/outbox`), for the Outbox page. */
  readonly outboxDir?: string;
  /** The status file of `npm start`'s supervisor (`<DATA_DIR>/supervisor.json`), for the landing page. */
  readonly supervisionStatusFile?: string;
  /** The clock pages read "today" from (tests inject one); default: the system clock. */
  readonly now?: () => Date;
}

function langOf(query: unknown, fallback: Lang): Lang {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  return lang === 'en' || lang === 'vi' ? lang : fallback;
}

/** Builds the Fastify instance with every route; the caller listens and closes it. */
export function buildWebServer(deps: WebDeps): FastifyInstance {
  const app = Fastify({ logger: false });
  const now = deps.now ?? (() => new Date());

  app.get('/healthz', async (_request, reply) => {
    const health = await checkHealth(deps);
    const ok = health.every((h) => h.ok);
    return reply.code(ok ? 200 : 503).send({ ok, parts: health });
  });

  app.get('/', async (request, reply) => {
    const lang = langOf(request.query, deps.defaultLang);
    const [health, units, pairs, supervision] = await Promise.all([
      checkHealth(deps),
      deps.prisma.unit.count().catch(() => undefined),
      deps.prisma.pair.count().catch(() => undefined),
      deps.supervisionStatusFile ? readSupervisionStatus(deps.supervisionStatusFile) : undefined,
    ]);
    const mail = await Promise.all([
      deps.prisma.notification.count({ where: { status: 'FAILED' } }),
      listBouncedContacts(deps.prisma).then((b) => b.length),
    ]).then(
      ([failures, bounced]) => ({ failures, bounced }),
      () => undefined,
    );
    return reply.type('text/html; charset=utf-8').send(
      renderLanding({
        lang,
        health,
        units,
        pairs,
        temporalUiUrl: deps.temporalUiUrl,
        checkedAt: now(),
        mail,
        supervision,
      }),
    );
  });

  app.get<{ Params: { code: string }; Querystring: { year?: string; lang?: string } }>(
    '/pairs/:code',
    async (request, reply) => {
      const lang = langOf(request.query, deps.defaultLang);
      const year = Number(request.query.year ?? currentYearInVietnam(now()));
      if (!isCycleYear(year)) {
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send(bilingual('invalid.year', { value: request.query.year ?? '', ...CYCLE_YEARS }));
      }
      const detail = await showCycle(deps.prisma, request.params.code, year);
      return reply
        .code(detail ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(renderPair({ lang, code: request.params.code, year, detail }));
    },
  );

  app.get('/outbox', async (request, reply) => {
    const lang = langOf(request.query, deps.defaultLang);
    const dir = deps.outboxDir ?? '';
    const [entries, ledger, counts] = await Promise.all([
      dir ? listOutbox(dir, 200) : Promise.resolve([]),
      recentLedger(deps.prisma, 100),
      ledgerCounts(deps.prisma),
    ]);
    return reply.type('text/html; charset=utf-8').send(renderOutbox({ lang, dir, entries, ledger, counts }));
  });

  app.get<{ Params: { id: string } }>('/outbox/:id', async (request, reply) => {
    const lang = langOf(request.query, deps.defaultLang);
    const message = deps.outboxDir ? await readOutboxMessage(deps.outboxDir, request.params.id) : undefined;
    return reply
      .code(message ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(renderOutboxMessage(lang, message));
  });

  return app;
}
