/** Signing in and out, shared by the sign-in page and `POST /api/v1/session`. */
import type { FastifyRequest } from 'fastify';
import type { Message } from '../../domain/messages';
import { formatDateTime } from '../../domain/format';
import { signIn } from '../../services/users';
import type { ActiveUser } from '../../services/users';
import type { RouteDeps } from '../deps';
import { startSession } from './access';

/** The outcome of a sign-in as the pages and the API tell it. */
export type SignInAnswer =
  | { readonly ok: true; readonly user: ActiveUser }
  | { readonly ok: false; readonly locked: boolean; readonly message: Message };

/**
 * Checks the address and password; on success the session is rotated and holds the user. An unknown address,
 * an account without a password or disabled, and a wrong password all get the same message.
 */
export async function signInRequest(
  request: FastifyRequest,
  deps: RouteDeps,
  email: string,
  password: string,
): Promise<SignInAnswer> {
  const now = deps.now();
  const result = await signIn(deps.prisma, email, password, now, deps.config.web.signIn);
  if (result.kind === 'ok') {
    const { id, name, role, unitId } = result.user;
    const user: ActiveUser = { id, email: result.user.email, name, role, unitId };
    await startSession(request, user, now);
    return { ok: true, user };
  }
  if (result.kind === 'locked')
    return {
      ok: false,
      locked: true,
      message: {
        key: 'auth.signIn.locked',
        params: { count: deps.config.web.signIn.maxFailures, until: formatDateTime(result.until) },
      },
    };
  return { ok: false, locked: false, message: { key: 'auth.signIn.failed' } };
}
