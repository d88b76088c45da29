/**
 * What every request carries once the plugins ran, and the types route modules are written against: the
 * Fastify instance with the zod type provider, the reader's language, the signed-in user and actor, the route's
 * access rule, and the session's fields.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
// The plugins' declarations of `request.session`, `request.cookies` and `reply.generateCsrf`.
import type {} from '@fastify/cookie';
import type {} from '@fastify/csrf-protection';
import type {} from '@fastify/session';
import type { Actor } from '../domain/access';
import type { Lang, Message } from '../domain/messages';
import type { ActiveUser, ActiveUserWithCommunes } from '../services/users';
import type { Access } from './routes/policy';

/** The Fastify instance route modules register on (zod schemas validate and type requests). */
export type WebApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A notice shown once on the next page (after a redirect): a catalogue message and its tone. */
export interface Notice {
  readonly tone: 'info' | 'success' | 'error';
  readonly message: Message;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The reader's language: `?lang=`, then the `lang` cookie, then `APP_LANG`. */
    lang: Lang;
    /** The signed-in user, or undefined for an anonymous request. */
    user: ActiveUser | undefined;
    /** The signed-in user's access rules (role, scope), or undefined for an anonymous request. */
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    /** Who may call the route, from the route table (`web/routes/policy.ts`). */
    access?: Access;
  }
  /** The fields of a web session (`@fastify/session`, stored in `WebSession.data`). */
  interface Session {
    /** The signed-in user's ID. */
    userId?: string;
    /** When the user signed in (ms since the epoch, by the server's clock): the absolute timeout. */
    signedInAt?: number;
    /** The last request of the session (ms): the idle timeout. */
    lastSeenAt?: number;
    /** A notice for the next page. */
    notice?: Notice;
    /**
     * Not stored: the user of `userId` as the store read it with the session, in the same statement, null when
     * the account may no longer sign in (web/auth/session-store.ts). The access check takes it as the request's
     * user.
     */
    activeUser?: ActiveUserWithCommunes | null;
  }
}
