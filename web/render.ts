/** From a request to a page: the views' {@link PageContext} (language, user, CSRF token, notice) and the reply. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { takeNotice } from './auth/access';
import { translator } from './i18n';
import type {} from './context';
import type { PageContext } from './views/layout';
import { renderError } from './views/error';

/**
 * The context of a page. A CSRF token is made for signed-in users (the sign-out button) and for pages with
 * forms (`forms: true`); an anonymous page without forms makes none, so it stores no session.
 */
export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { readonly forms?: boolean } = {},
): PageContext {
  const url = new URL(request.url, 'http://localhost');
  url.searchParams.delete('lang');
  const hasSession = typeof request.session?.regenerate === 'function';
  const csrfToken = hasSession && (request.user || options.forms) ? reply.generateCsrf() : undefined;
  return {
    lang: request.lang,
    tr: translator(request.lang),
    path: url.pathname,
    query: url.searchParams,
    user: request.user,
    actor: request.actor,
    csrfToken,
    notice: hasSession ? takeNotice(request) : undefined,
  };
}

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, page: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

/** Sends the reader to another page after a form (POST-redirect-GET). */
export function redirectAfterPost(reply: FastifyReply, location: string): FastifyReply {
  return reply.redirect(location, 303);
}

/** The error page of the global error handler. */
export function errorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  error: { readonly status: number; readonly message: string },
): string {
  return renderError(pageContext(request, reply), error);
}
