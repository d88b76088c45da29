/** `/cycles`: the filtered, sorted, paginated cycle list of the reader's scope (`services/dashboard`). */
import { listCycles } from '../../services/dashboard';
import { currentYearInVietnam } from '../../roster/import';
import { cycleQueryOf } from '../api/dashboard';
import { requireSignIn } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { pageContext, sendPage } from '../render';
import { renderCycles } from '../views/cycles';

/** Registers `/cycles`. */
export function registerCycleRoutes(app: WebApp, deps: RouteDeps): void {
  app.get('/cycles', async (request, reply) => {
    const actor = requireSignIn(request);
    // The form sends every field, empty ones included (the schema reads "" as no filter); `lang` is the page's.
    const query = cycleQueryOf(request.query, ['lang']);
    const year = query.year ?? currentYearInVietnam(deps.now());
    const list = await listCycles(deps.prisma, actor.scope, { ...query, year });
    return sendPage(reply, renderCycles(pageContext(request, reply), { list, year }));
  });
}
