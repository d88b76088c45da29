/**
 * The system's pages: the public landing page (health, restarts, counts), `/healthz` for machines, and the
 * Outbox (administrators: the embedded catcher's messages and the delivery ledger).
 */
import { checkHealth } from '../../system/health';
import { readSupervisionStatus } from '../../system/supervisor-status';
import { ledgerCounts, listBouncedContacts, recentLedger } from '../../mail/ledger';
import { listOutbox, readOutboxMessage } from '../../mail/outbox';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';
import { pageContext, sendPage } from '../render';
import { renderLanding } from '../views/landing';
import { renderOutbox, renderOutboxMessage } from '../views/outbox';

/** Registers `/`, `/healthz`, `/outbox` and `/outbox/:id`. */
export function registerSystemRoutes(app: WebApp, deps: RouteDeps): void {
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    const health = await checkHealth(deps);
    const ok = health.every((h) => h.ok);
    return reply.code(ok ? 200 : 503).send({ ok, parts: health });
  });

  app.get('/', async (request, reply) => {
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
    const page = renderLanding(pageContext(request, reply), {
      health,
      units,
      pairs,
      temporalUiUrl: deps.temporalUiUrl,
      checkedAt: deps.now(),
      mail,
      supervision,
    });
    return sendPage(reply, page);
  });

  app.get('/outbox', async (request, reply) => {
    const dir = deps.outboxDir ?? '';
    const [entries, ledger, counts] = await Promise.all([
      dir ? listOutbox(dir, 200) : Promise.resolve([]),
      recentLedger(deps.prisma, 100),
      ledgerCounts(deps.prisma),
    ]);
    return sendPage(reply, renderOutbox(pageContext(request, reply), { dir, entries, ledger, counts }));
  });

  app.get<{ Params: { id: string } }>('/outbox/:id', async (request, reply) => {
    const message = deps.outboxDir ? await readOutboxMessage(deps.outboxDir, request.params.id) : undefined;
    if (!message) throw notFound();
    return sendPage(reply, renderOutboxMessage(pageContext(request, reply), message));
  });
}
