/** "Người dùng / Users" (administrators): every account with its status, the invitation form, disable and reset. */
import { ROLES } from '../../domain/accounts';
import { formatDateTime } from '../../domain/format';
import type { ListedUser } from '../../services/users';
import { html } from './html';
import { layout, type PageContext } from './layout';
import { errorSummary, field, postForm, select, submit, type FormErrors } from './forms';
import { table } from './table';

/** What the invitation form shows again after a refusal. */
export interface InviteForm {
  readonly email?: string;
  readonly name?: string;
  readonly role?: string;
  readonly unit?: string;
}

/** Renders the users page. */
export function renderUsers(
  ctx: PageContext,
  data: { readonly users: readonly ListedUser[]; readonly form?: InviteForm; readonly errors?: FormErrors },
): string {
  const { tr } = ctx;
  const form = data.form ?? {};
  const actions = (u: ListedUser) =>
    u.status === 'disabled' || u.id === ctx.user?.id
      ? ''
      : html`${postForm(ctx, {
          action: `/users/${u.id}/reset`,
          className: 'inline',
          body: submit(tr('auth.users.reset'), { secondary: true }),
        })}
        ${postForm(ctx, {
          action: `/users/${u.id}/disable`,
          className: 'inline',
          body: submit(tr('auth.users.disable'), { secondary: true, testId: 'disable' }),
        })}`;
  const body = html`<h1>${tr('auth.users.title')}</h1>
    ${table(ctx, {
      testId: 'users',
      rows: data.users,
      empty: tr('auth.users.none'),
      rowAttributes: (u) => ({ email: u.email, status: u.status }),
      columns: [
        { heading: tr('auth.user.email'), cell: (u) => u.email },
        { heading: tr('auth.user.name'), cell: (u) => u.name },
        { heading: tr('auth.user.role'), cell: (u) => tr(`auth.role.${u.role}`) },
        { heading: tr('auth.user.unit'), cell: (u) => u.unitCode ?? '' },
        {
          heading: tr('auth.user.status'),
          cell: (u) =>
            tr(`auth.status.${u.status}`, { until: u.lockedUntil ? formatDateTime(u.lockedUntil) : '' }),
        },
        {
          heading: tr('auth.user.lastSignIn'),
          cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : tr('auth.user.never')),
        },
        { heading: '', cell: actions },
      ],
    })}
    <h2>${tr('auth.users.invite')}</h2>
    ${errorSummary(ctx, data.errors ?? {})}
    ${postForm(ctx, {
      action: '/users',
      testId: 'invite-form',
      className: 'narrow',
      body: html`${field({
        name: 'email',
        type: 'email',
        label: tr('auth.user.email'),
        value: form.email ?? '',
        required: true,
      })}
      ${field({ name: 'name', label: tr('auth.user.name'), value: form.name ?? '', required: true })}
      ${select({
        name: 'role',
        label: tr('auth.user.role'),
        value: form.role ?? 'SPONSOR_OFFICER',
        choices: ROLES.map((r) => ({ value: r, label: tr(`auth.role.${r}`) })),
      })}
      ${field({
        name: 'unit',
        label: tr('auth.user.unit'),
        hint: tr('auth.user.unitHint'),
        value: form.unit ?? '',
      })}
      ${submit(tr('auth.users.inviteSubmit'), { testId: 'invite-submit' })}`,
    })}`;
  return layout(ctx, { title: `${tr('auth.users.title')} — ${tr('web.title')}`, body });
}
