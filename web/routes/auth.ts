/**
 * The account pages, public: sign-in and sign-out, the page of a one-time link (set a password), and the
 * "forgotten password" form. Every form posts with its CSRF token and answers with a redirect on success.
 */
import type { RateLimitOptions } from '@fastify/rate-limit';
import { passwordProblem } from '../../domain/accounts';
import { PASSWORD_LINK_PATH, sendPasswordReset, setPasswordFromLink, userOfLink } from '../../services/users';
import { endSession, setNotice } from '../auth/access';
import { signInRequest } from '../auth/sign-in';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { formText, localPath } from '../forms';
import { textOf } from '../i18n';
import { pageContext, redirectAfterPost, sendPage } from '../render';
import { renderForgot, renderInvalidLink, renderSetPassword, renderSignIn } from '../views/auth';
import type { FormErrors } from '../views/forms';

/** The rate limit of sign-in and reset requests per client address (on top of the per-account lock-out). */
export function signInRateLimit(deps: RouteDeps): { rateLimit: RateLimitOptions } {
  return { rateLimit: { max: deps.signInRateLimitPerMinute ?? 20, timeWindow: 60_000 } };
}

/** Registers the account pages. */
export function registerAuthRoutes(app: WebApp, deps: RouteDeps): void {
  app.get('/sign-in', async (request, reply) => {
    const next = localPath(formText(request.query, 'next'), '');
    return sendPage(reply, renderSignIn(pageContext(request, reply, { forms: true }), { next }));
  });

  app.post('/sign-in', { config: signInRateLimit(deps) }, async (request, reply) => {
    const email = formText(request.body, 'email');
    const next = localPath(formText(request.body, 'next'), '');
    const answer = await signInRequest(request, deps, email, formText(request.body, 'password'));
    if (answer.ok) return redirectAfterPost(reply, next || '/home');
    const ctx = pageContext(request, reply, { forms: true });
    const page = renderSignIn(ctx, { email, next, errors: { _form: textOf(answer.message, ctx.lang) } });
    return sendPage(reply, page, answer.locked ? 429 : 401);
  });

  app.post('/sign-out', async (request, reply) => {
    await endSession(request);
    setNotice(request, 'info', { key: 'auth.signedOut' });
    return redirectAfterPost(reply, '/sign-in');
  });

  app.get(PASSWORD_LINK_PATH, async (request, reply) => {
    const token = formText(request.query, 'token');
    const user = token ? await userOfLink(deps.prisma, token, deps.now()) : undefined;
    const ctx = pageContext(request, reply, { forms: true });
    if (!user) return sendPage(reply, renderInvalidLink(ctx), 404);
    return sendPage(reply, renderSetPassword(ctx, { token, email: user.email }));
  });

  app.post(PASSWORD_LINK_PATH, async (request, reply) => {
    const token = formText(request.body, 'token');
    const password = formText(request.body, 'password');
    const now = deps.now();
    const user = token ? await userOfLink(deps.prisma, token, now) : undefined;
    const ctx = pageContext(request, reply, { forms: true });
    if (!user) return sendPage(reply, renderInvalidLink(ctx), 404);
    const problem = passwordProblem(password);
    const errors: FormErrors | undefined = problem
      ? { password: ctx.tr(problem) }
      : password !== formText(request.body, 'confirm')
        ? { confirm: ctx.tr('auth.password.mismatch') }
        : undefined;
    if (errors) return sendPage(reply, renderSetPassword(ctx, { token, email: user.email, errors }), 400);
    const result = await setPasswordFromLink(deps.prisma, token, password, now);
    if (!result.ok) return sendPage(reply, renderInvalidLink(ctx), 404);
    // Whoever was signed in on this browser is signed out: the next sign-in is with the new password.
    await endSession(request);
    setNotice(request, 'success', { key: 'auth.password.done' });
    return redirectAfterPost(reply, '/sign-in');
  });

  app.get('/account/forgot', async (request, reply) =>
    sendPage(reply, renderForgot(pageContext(request, reply, { forms: true }))),
  );

  app.post('/account/forgot', { config: signInRateLimit(deps) }, async (request, reply) => {
    // The same answer whatever the address: nobody learns from this page which addresses have accounts.
    await sendPasswordReset(deps, formText(request.body, 'email'));
    setNotice(request, 'info', { key: 'auth.forgot.sent' });
    return redirectAfterPost(reply, '/sign-in');
  });
}
