/** The signed-in user's start page and the pair page, both limited to the user's scope. */
import { CYCLE_YEARS, isCycleYear } from '../../domain/cycle/years';
import { currentYearInVietnam } from '../../roster/import';
import { findPairInScope, pairWhere } from '../../services/access';
import { overview } from '../../services/dashboard';
import { requireSignIn } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { invalidInput, notFound } from '../errors';
import { formText } from '../forms';
import { pageContext, sendPage } from '../render';
import { sendPairPage } from './pair-page';
import { renderHome } from '../views/home';
import { pageOf } from '../views/pagination';

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
    const pair = await findPairInScope(deps.prisma, actor.scope, request.params.code);
    if (!pair) throw notFound();
    return sendPairPage(deps, request, reply, {
      actor,
      pairCode: pair.code,
      year: yearOf(request.query, deps.now()),
    });
  });
}
