/**
 * Who is asking, on every request: the session's user (refused when disabled, or when the session passed its
 * idle or absolute timeout) becomes `request.user` and `request.actor` (`actorOf`, the role and scope of
 * `services/access.ts`); then the route's entry in the route table (`web/routes/policy.ts`) is enforced before
 * the body is read. Handlers that need more (a pair in scope, a side) use {@link requireSignIn},
 * {@link requirePermission} and `services/access.ts`.
 */
import type { FastifyRequest } from 'fastify';
import { can, type Actor, type Permission } from '../../domain/access';
import { sessionEnded, type SessionTimeouts } from '../../domain/accounts';
import type { Message } from '../../domain/messages';
import { actorWithCommunes } from '../../services/access';
import type { ActiveUser } from '../../services/users';
import type { Notice, WebApp } from '../context';
import { forbidden, unauthorized } from '../errors';
import { policyOf } from '../routes/policy';

/** The last-seen instant is written at most this often (one session write per minute, not per request). */
const TOUCH_INTERVAL_MS = 60_000;

/** The signed-in actor, or 401. */
export function requireSignIn(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** The signed-in actor whose role has `permission`, or 401 / 403. */
export function requirePermission(request: FastifyRequest, permission: Permission): Actor {
  const actor = requireSignIn(request);
  if (!can(actor.role, permission)) throw forbidden();
  return actor;
}

/** Leaves a notice for the next page the session shows (after a redirect). */
export function setNotice(request: FastifyRequest, tone: Notice['tone'], message: Message): void {
  request.session.notice = { tone, message };
}

/** The session's notice, removed from it (shown once). */
export function takeNotice(request: FastifyRequest): Notice | undefined {
  const notice = request.session?.notice;
  if (notice) request.session.notice = undefined;
  return notice;
}

/**
 * Signs a user in: a new session ID (the old session is destroyed, so an ID known before sign-in is worth
 * nothing after it, and so is its CSRF token), with the user and the sign-in instant.
 */
export async function startSession(request: FastifyRequest, user: ActiveUser, now: Date): Promise<void> {
  await request.session.regenerate();
  request.session.userId = user.id;
  request.session.signedInAt = now.getTime();
  request.session.lastSeenAt = now.getTime();
}

/** Signs out: the session is destroyed and a new, empty one takes its place. */
export async function endSession(request: FastifyRequest): Promise<void> {
  await request.session.regenerate();
}

/** Installs the route table's enforcement and the resolution of the signed-in user. */
export function installAccess(app: WebApp, options: { timeouts: SessionTimeouts; now: () => Date }): void {
  app.decorateRequest('user', undefined);
  app.decorateRequest('actor', undefined);

  // A route missing from the table cannot be registered: nobody can add one without deciding who may call it.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const policy = policyOf(method, route.url);
      if (!policy) throw new Error(`web: route ${method} ${route.url} is not in web/routes/policy.ts`);
      route.config = { ...(route.config ?? {}), access: policy.access };
    }
  });

  app.addHook('onRequest', async (request) => {
    const session = request.session;
    if (session.userId === undefined) return;
    const now = options.now();
    const ended = sessionEnded(
      { signedInAt: session.signedInAt ?? 0, lastSeenAt: session.lastSeenAt ?? 0 },
      now,
      options.timeouts,
    );
    // Read with the session (web/auth/session-store.ts), so a disabled account is refused on its next request.
    const user = ended ? undefined : session.activeUser;
    if (!user) {
      await endSession(request);
      if (ended === 'idle')
        setNotice(request, 'info', {
          key: 'auth.signIn.expiredIdle',
          params: { minutes: Math.round(options.timeouts.idleTimeoutMs / 60_000) },
        });
      if (ended === 'absolute')
        setNotice(request, 'info', {
          key: 'auth.signIn.expiredAbsolute',
          params: { hours: Math.round(options.timeouts.absoluteTimeoutMs / 3_600_000) },
        });
      return;
    }
    if (now.getTime() - (session.lastSeenAt ?? 0) >= TOUCH_INTERVAL_MS) session.lastSeenAt = now.getTime();
    const { communeIds, ...active } = user;
    request.user = active;
    request.actor = actorWithCommunes(active, communeIds);
  });

  app.addHook('onRequest', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    // No access rule: the not-found handler, which answers 404 to anyone.
    try {
      if (access === 'signedIn') requireSignIn(request);
      else if (access !== undefined && access !== 'public') requirePermission(request, access);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
}
