/**
 * `/api/v1/session`: read the session (and its CSRF token), sign in, sign out. An API client first GETs the
 * session (which sets the session cookie), then sends the token in `x-csrf-token` with every POST, PUT, PATCH
 * and DELETE, sign-in included; signing in rotates the session, so it answers the new token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { endSession } from '../auth/access';
import { signInRequest } from '../auth/sign-in';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { HttpError, refuseBody } from '../errors';
import { signInRateLimit } from '../routes/auth';
import { credentialsSchema, errorResponses, sessionSchema } from './schemas';
import type { ActiveUser } from '../../services/users';

async function sessionBody(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  user: ActiveUser | undefined,
) {
  const unit = user?.unitId
    ? await deps.prisma.unit.findUnique({ where: { id: user.unitId }, select: { code: true } })
    : null;
  return {
    csrfToken: reply.generateCsrf(),
    user: user
      ? { id: user.id, email: user.email, name: user.name, role: user.role, unitCode: unit?.code ?? null }
      : null,
  };
}

/** Registers the session routes. */
export function registerSessionApi(app: WebApp, deps: RouteDeps): void {
  app.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The session: CSRF token and signed-in user',
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => sessionBody(deps, request, reply, request.user),
  );

  app.post(
    '/api/v1/session',
    {
      config: signInRateLimit(deps),
      schema: {
        tags: ['session'],
        summary: 'Sign in (rotates the session; answers the new CSRF token)',
        body: credentialsSchema,
        response: { 200: sessionSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const answer = await signInRequest(request, deps, request.body.email, request.body.password);
      if (!answer.ok)
        throw new HttpError(
          answer.locked ? 429 : 401,
          answer.locked ? 'locked' : 'unauthorized',
          answer.message,
        );
      return sessionBody(deps, request, reply, answer.user);
    },
  );

  app.delete(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: 'Sign out (no body)', response: errorResponses(400, 403) } },
    async (request, reply) => {
      refuseBody(request);
      await endSession(request);
      return reply.code(204).send();
    },
  );
}
