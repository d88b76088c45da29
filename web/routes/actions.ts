/**
 * The pair page's administrator form: a deadline extension (the officers' forms are in `submissions.ts`).
 * It sends the same Update as the API (`web/api/actions.ts`) and comes back to the pair page with the
 * workflow's own message: the acceptance, or its reason for refusing (shown once, as a notice).
 */
import { cycleVocabulary } from '../../domain/messages/cycle';
import { findPairInScope } from '../../services/access';
import { commandsOf, webActor } from '../api/actions';
import { requirePermission, setNotice } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';
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

/** Registers `POST /pairs/:code/:year/extend`. */
export function registerActionRoutes(app: WebApp, deps: RouteDeps): void {
  app.post<{ Params: Params }>('/pairs/:code/:year/extend', async (request, reply) => {
    const actor = requirePermission(request, 'administer');
    const pair = await findPairInScope(deps.prisma, actor.scope, request.params.code);
    const year = Number(request.params.year);
    if (!pair || !Number.isInteger(year)) throw notFound();
    const commands = await commandsOf(deps);
    const decisionNumber = formText(request.body, 'decisionNumber');
    const result = await commands.extend(pair.code, year, {
      actor: webActor(request),
      // The workflow's envelope refuses anything that is not an obligation id, with its own message.
      obligation: formText(request.body, 'obligation') as 'O1',
      newDate: formText(request.body, 'newDate'),
      reason: formText(request.body, 'reason'),
      ...(decisionNumber !== '' ? { decisionNumber } : {}),
    });
    if (result.ok) {
      const phase = cycleVocabulary.phase[result.value.phase];
      setNotice(request, 'success', {
        key: 'commands.done.extended',
        params: { pair: pair.code, year, phaseVi: phase.vi, phaseEn: phase.en },
      });
    } else setNotice(request, 'error', result.refusal.message);
    return redirectAfterPost(reply, pairPage(pair.code, year));
  });
}
