/**
 * An officer's submission (O1, O2, O3, O5, O6), sent through the cycle-commands client to the workflow's `submit`
 * Update (the administrator's actions are in `admin-actions.ts`), and what every action route shares: the
 * cycle-commands client and the actor. The body is checked with the workflow's own request envelope
 * (`requestEnvelopes()` of `domain/cycle/requests.ts`, without the `actor` and `side` the server fills in from the
 * session); the payload itself is judged by the workflow, whose accept or refuse message is the answer (400 for
 * bad data, 409 for the wrong phase or party, 404 when no cycle runs).
 */
import type { Client } from '@temporalio/client';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { maySubmit, sideOfRole } from '../../domain/access';
import { CYCLE_YEARS } from '../../domain/cycle/years';
import { requestEnvelopes } from '../../domain/cycle/requests';
import { findPairInScope } from '../../services/access';
import { CycleCommands, type CommandResult } from '../../services/cycle-commands';
import type { CycleProjection } from '../../domain/cycle/types';
import { requirePermission } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { forbidden, HttpError, invalidInput, notFound, refusalError } from '../errors';
import { readModel } from './dashboard';
import { errorResponses } from './schemas';

/** The pair and year of an action's URL (`/api/v1/pairs/:code/:year/…`). */
export const pairYearParams = z.object({
  code: z.string().min(1).max(64),
  year: z.coerce.number().int().min(CYCLE_YEARS.min).max(CYCLE_YEARS.max),
});

/**
 * A submission as the API takes it: the workflow's envelope without `actor` and `side` (the session's), and no
 * other field: the workflow reads only `obligation` and `data`, so anything else is refused here, not dropped.
 */
export const submitBody = z.strictObject(requestEnvelopes().submit.omit({ actor: true, side: true }).shape);

/** Who an action is recorded as in the workflow's history and the audit: the signed-in user's address. */
export function webActor(request: FastifyRequest): string {
  return `web:${request.user?.email ?? 'unknown'}`;
}

/** What an `Idempotency-Key` may be: the Update ID it becomes (no personal data: the client chooses it). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request's `Idempotency-Key` header as the options of a command: sent again with the same key (after a
 * timeout or a 503), a submission is the same Update and is recorded once. 400 for a key that is not one.
 */
export function requestIdOf(request: FastifyRequest): { readonly requestId?: string } {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return {};
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
    throw invalidInput({ key: 'web.error.idempotencyKey' });
  return { requestId: key };
}

/** The cycle-commands client, or 503 while Temporal does not answer. */
export async function commandsOf(deps: RouteDeps): Promise<CycleCommands> {
  let client: Client;
  try {
    client = await deps.temporal();
  } catch {
    throw new HttpError(503, 'unavailable', { key: 'web.error.unavailable' });
  }
  return new CycleCommands(client, deps.prisma);
}

/** The projection of an accepted command, or the workflow's refusal as an HTTP error. */
function accepted(result: CommandResult<CycleProjection>): CycleProjection {
  if (!result.ok) throw refusalError(result.refusal);
  return result.value;
}

/** Registers the officer's submission route. */
export function registerActionApi(app: WebApp, deps: RouteDeps): void {
  app.post(
    '/api/v1/pairs/:code/:year/submissions',
    {
      schema: {
        tags: ['actions'],
        summary:
          'An officer submits a document of its side (O1, O2, O3, O5, O6); the workflow accepts or refuses it',
        params: pairYearParams,
        body: submitBody,
        response: {
          200: readModel('The cycle after the submission (CycleProjection)'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'submit');
      const { code, year } = request.params;
      const pair = await findPairInScope(deps.prisma, actor.scope, code);
      if (!pair) throw notFound();
      const side = sideOfRole(actor.role);
      if (!side || !maySubmit(actor, side, pair)) throw forbidden();
      const commands = await commandsOf(deps);
      const { obligation, data } = request.body;
      return accepted(
        await commands.submit(
          pair.code,
          year,
          { obligation, data, side, actor: webActor(request) },
          requestIdOf(request),
        ),
      );
    },
  );
}
