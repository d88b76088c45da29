/**
 * The pair page's form of a recipient officer: the needs proposal (O2); the administrator's forms are in
 * `admin-actions.ts`. It sends the same Update as the API (`web/api/actions.ts`) and comes back to the pair page
 * with the workflow's own message: the acceptance, or its reason for refusing (shown once, as a notice).
 */
import { sideOfRole } from '../../domain/access';
import { findPairInScope } from '../../services/access';
import { commandsOf, webActor } from '../api/actions';
import { requirePermission, setNotice } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { forbidden, notFound } from '../errors';
import { formText } from '../forms';
import { redirectAfterPost } from '../render';

interface Params {
  readonly code: string;
  readonly year: string;
}

/** The pair page of a year, in the reader's language. */
function pairPage(code: string, year: number): string {
  return `/pairs/${encodeURIComponent(code)}?year=${year}`;
}

/** Registers `POST /pairs/:code/:year/needs`. */
export function registerActionRoutes(app: WebApp, deps: RouteDeps): void {
  app.post<{ Params: Params }>('/pairs/:code/:year/needs', async (request, reply) => {
    const actor = requirePermission(request, 'submit');
    // An officer submits for its own side; a sponsor officer's O2 is refused by the workflow (wrong party).
    const side = sideOfRole(actor.role);
    if (!side) throw forbidden();
    const pair = await findPairInScope(deps.prisma, actor.scope, request.params.code);
    const year = Number(request.params.year);
    if (!pair || !Number.isInteger(year)) throw notFound();
    const commands = await commandsOf(deps);
    const result = await commands.submit(pair.code, year, {
      obligation: 'O2',
      side,
      actor: webActor(request),
      data: { summary: formText(request.body, 'summary') },
    });
    if (result.ok)
      setNotice(request, 'success', { key: 'web.pair.submitted', params: { pair: pair.code, year } });
    else setNotice(request, 'error', result.refusal.message);
    return redirectAfterPost(reply, pairPage(pair.code, year));
  });
}
