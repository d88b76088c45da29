/** The signed-in user's start page and the pair page, both limited to the user's scope. */
import { can, sideOfRole } from '../../domain/access';
import { CYCLE_YEARS, isCycleYear } from '../../domain/cycle/years';
import { cycleWorkflowId } from '../../domain/workflow-ids';
import { currentYearInVietnam } from '../../roster/import';
import { pairWhere } from '../../services/access';
import { overview, pairDetail } from '../../services/dashboard';
import { requireSignIn } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { invalidInput, notFound } from '../errors';
import { formText } from '../forms';
import { pageContext, sendPage } from '../render';
import { renderHome } from '../views/home';
import { pageOf } from '../views/pagination';
import { renderPair } from '../views/pair';

/** Pairs per page of the start page. */
const PAGE_SIZE = 50;

/** The year a query asks for (`?year=`), the current year in Vietnam when absent; 400 when not a cycle year. */
export function yearOf(query: unknown, now: Date): number {
  const text = formText(query, 'year');
  const year = text === '' ? currentYearInVietnam(now) : Number(text);
  if (!isCycleYear(year))
    throw invalidInput({ key: 'invalid.year', params: { value: text, ...CYCLE_YEARS } });
  return year;
}

/** Registers `/home` and `/pairs/:code`. */
export function registerHomeRoutes(app: WebApp, deps: RouteDeps): void {
  app.get('/home', async (request, reply) => {
    const actor = requireSignIn(request);
    const window = pageOf(request.query, PAGE_SIZE);
    const where = pairWhere(actor.scope);
    const year = yearOf(request.query, deps.now());
    const [rows, total, summary] = await Promise.all([
      deps.prisma.pair.findMany({
        where,
        include: { sponsor: { select: { name: true } }, recipient: { select: { name: true } } },
        orderBy: { code: 'asc' },
        skip: window.skip,
        take: window.pageSize,
      }),
      deps.prisma.pair.count({ where }),
      overview(deps.prisma, actor.scope, { year, now: deps.now(), limit: 10 }),
    ]);
    const pairs = rows.map((p) => ({
      code: p.code,
      sponsorName: p.sponsor.name,
      recipientName: p.recipient.name,
      status: p.status,
    }));
    return sendPage(
      reply,
      renderHome(pageContext(request, reply), { pairs, window, total, overview: summary }),
    );
  });

  app.get<{ Params: { code: string } }>('/pairs/:code', async (request, reply) => {
    const actor = requireSignIn(request);
    const year = yearOf(request.query, deps.now());
    const detail = await pairDetail(deps.prisma, actor.scope, request.params.code, {
      year,
      now: deps.now(),
      includeContacts: can(actor.role, 'manage'),
      temporalNamespace: deps.namespace,
    });
    if (!detail) throw notFound();
    const workflowId = cycleWorkflowId(detail.code, year);
    const actions = {
      needs: sideOfRole(actor.role) === 'recipient',
      administer: can(actor.role, 'administer'),
      temporalUrl: `${deps.temporalUiUrl}/namespaces/${encodeURIComponent(deps.namespace)}/workflows/${encodeURIComponent(workflowId)}`,
    };
    return sendPage(reply, renderPair(pageContext(request, reply), { year, detail, actions }));
  });
}
