/** `/api/v1/users` (administrators): list, invite (the e-mail with the one-time link), disable. */
import { z } from 'zod';
import { disableUser, inviteUser, listUsers, type ListedUser } from '../../services/users';
import { requirePermission } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { HttpError, notFound, refuseBody, userRefusalError } from '../errors';
import { errorResponses, idParams, inviteSchema, listedUserSchema, userSchema } from './schemas';

function listed(u: ListedUser) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    unitCode: u.unitCode,
    status: u.status,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  };
}

/** Registers the user routes. */
export function registerUserApi(app: WebApp, deps: RouteDeps): void {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Every user with the account’s status',
        response: { 200: z.object({ users: z.array(listedUserSchema) }), ...errorResponses(401, 403) },
      },
    },
    async () => ({ users: (await listUsers(deps.prisma, deps.now())).map(listed) }),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Invite a user: an e-mail with a one-time link (7 days) to set the password',
        body: inviteSchema,
        response: {
          201: z.object({ user: userSchema, linkExpiresAt: z.string(), mailSent: z.boolean() }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const result = await inviteUser(deps, request.body);
      if (!result.ok) throw userRefusalError(result.refusal);
      const { user, expiresAt, mailError } = result.value;
      return reply.code(201).send({
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          unitCode: request.body.unitCode ?? null,
        },
        linkExpiresAt: expiresAt.toISOString(),
        mailSent: mailError === undefined,
      });
    },
  );

  app.post(
    '/api/v1/users/:id/disable',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable an account (no body): no more sign-in, its sessions end at once',
        params: idParams,
        response: { 200: z.object({ user: listedUserSchema }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'manage');
      refuseBody(request);
      const target = await deps.prisma.user.findUnique({ where: { id: request.params.id } });
      if (!target) throw notFound();
      if (target.id === actor.userId) throw new HttpError(409, 'conflict', { key: 'auth.user.notSelf' });
      const result = await disableUser(deps.prisma, target.email, deps.now());
      if (!result.ok) throw userRefusalError(result.refusal);
      const row = (await listUsers(deps.prisma, deps.now())).find((u) => u.id === target.id);
      if (!row) throw notFound();
      return { user: listed(row) };
    },
  );
}
