/** "Người dùng / Users" (administrators): the accounts, inviting, disabling, sending a reset link. */
import { formatDateTime } from '../../domain/format';
import { disableUser, inviteUser, listUsers, sendPasswordReset } from '../../services/users';
import { requirePermission, setNotice } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';
import { formText } from '../forms';
import { textOf } from '../i18n';
import { pageContext, redirectAfterPost, sendPage } from '../render';
import { renderUsers } from '../views/users';

/** Registers `/users` and its actions. */
export function registerUserRoutes(app: WebApp, deps: RouteDeps): void {
  app.get('/users', async (request, reply) => {
    const users = await listUsers(deps.prisma, deps.now());
    return sendPage(reply, renderUsers(pageContext(request, reply, { forms: true }), { users }));
  });

  app.post('/users', async (request, reply) => {
    const form = {
      email: formText(request.body, 'email'),
      name: formText(request.body, 'name'),
      role: formText(request.body, 'role'),
      unit: formText(request.body, 'unit'),
    };
    const result = await inviteUser(deps, { ...form, unitCode: form.unit });
    if (!result.ok) {
      const ctx = pageContext(request, reply, { forms: true });
      const users = await listUsers(deps.prisma, deps.now());
      const errors = { _form: textOf(result.refusal.message, ctx.lang) };
      const status = result.refusal.kind === 'exists' ? 409 : 400;
      return sendPage(reply, renderUsers(ctx, { users, form, errors }), status);
    }
    const { user, expiresAt, mailError } = result.value;
    setNotice(
      request,
      mailError ? 'error' : 'success',
      mailError
        ? { key: 'auth.user.mailFailed', params: { email: user.email, error: mailError } }
        : { key: 'auth.user.invited', params: { email: user.email, until: formatDateTime(expiresAt) } },
    );
    return redirectAfterPost(reply, '/users');
  });

  app.post<{ Params: { id: string } }>('/users/:id/disable', async (request, reply) => {
    const actor = requirePermission(request, 'manage');
    const target = await deps.prisma.user.findUnique({ where: { id: request.params.id } });
    if (!target) throw notFound();
    if (target.id === actor.userId) setNotice(request, 'error', { key: 'auth.user.notSelf' });
    else {
      const result = await disableUser(deps.prisma, target.email, deps.now());
      setNotice(
        request,
        result.ok ? 'success' : 'error',
        result.ok ? { key: 'auth.user.disabled', params: { email: target.email } } : result.refusal.message,
      );
    }
    return redirectAfterPost(reply, '/users');
  });

  app.post<{ Params: { id: string } }>('/users/:id/reset', async (request, reply) => {
    const target = await deps.prisma.user.findUnique({ where: { id: request.params.id } });
    if (!target) throw notFound();
    const result = await sendPasswordReset(deps, target.email);
    if (!result.ok) setNotice(request, 'error', result.refusal.message);
    else if (result.value.mailError)
      setNotice(request, 'error', {
        key: 'auth.user.mailFailed',
        params: { email: target.email, error: result.value.mailError },
      });
    else
      setNotice(request, 'success', {
        key: 'auth.user.resetSent',
        params: { email: target.email, until: formatDateTime(result.value.expiresAt) },
      });
    return redirectAfterPost(reply, '/users');
  });
}
