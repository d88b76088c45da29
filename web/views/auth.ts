/** The account pages: sign-in, setting a password from a one-time link, asking for a reset link. */
import { html } from './html';
import { layout, type PageContext } from './layout';
import { errorSummary, field, hidden, postForm, submit, type FormErrors } from './forms';

/** The sign-in page; `next` is where to go after signing in (a local path). */
export function renderSignIn(
  ctx: PageContext,
  data: { readonly email?: string; readonly next?: string; readonly errors?: FormErrors },
): string {
  const { tr } = ctx;
  const errors = data.errors ?? {};
  const body = html`<h1>${tr('auth.signIn.title')}</h1>
    ${errorSummary(ctx, errors)}
    ${postForm(ctx, {
      action: '/sign-in',
      testId: 'sign-in-form',
      className: 'narrow',
      body: html`${hidden('next', data.next ?? '')}
      ${field({
        name: 'email',
        type: 'email',
        label: tr('auth.signIn.email'),
        value: data.email ?? '',
        required: true,
        autocomplete: 'username',
      })}
      ${field({
        name: 'password',
        type: 'password',
        label: tr('auth.signIn.password'),
        required: true,
        autocomplete: 'current-password',
      })}
      ${submit(tr('auth.signIn.submit'), { testId: 'sign-in-submit' })}`,
    })}
    <p><a href="/account/forgot" data-testid="forgot-link">${tr('auth.signIn.forgot')}</a></p>`;
  return layout(ctx, { title: `${tr('auth.signIn.title')} — ${tr('web.title')}`, body });
}

/** The page of a one-time link: a new password twice. */
export function renderSetPassword(
  ctx: PageContext,
  data: { readonly token: string; readonly email: string; readonly errors?: FormErrors },
): string {
  const { tr } = ctx;
  const errors = data.errors ?? {};
  const body = html`<h1>${tr('auth.password.title')}</h1>
    <p>${tr('auth.password.intro', { email: data.email })}</p>
    ${errorSummary(ctx, errors)}
    ${postForm(ctx, {
      action: '/account/password',
      testId: 'password-form',
      className: 'narrow',
      body: html`${hidden('token', data.token)}
      ${field({
        name: 'password',
        type: 'password',
        label: tr('auth.password.new'),
        required: true,
        autocomplete: 'new-password',
        ...(errors.password ? { error: errors.password } : {}),
      })}
      ${field({
        name: 'confirm',
        type: 'password',
        label: tr('auth.password.confirm'),
        required: true,
        autocomplete: 'new-password',
        ...(errors.confirm ? { error: errors.confirm } : {}),
      })}
      ${submit(tr('auth.password.submit'), { testId: 'password-submit' })}`,
    })}`;
  return layout(ctx, { title: `${tr('auth.password.title')} — ${tr('web.title')}`, body });
}

/** A link that cannot be used (unknown, used, expired, or its account disabled). */
export function renderInvalidLink(ctx: PageContext): string {
  const { tr } = ctx;
  const body = html`<h1>${tr('auth.password.title')}</h1>
    <p class="notice notice-error" role="alert" data-testid="link-invalid">${tr('auth.link.invalid')}</p>
    <p><a href="/account/forgot">${tr('auth.signIn.forgot')}</a></p>`;
  return layout(ctx, { title: `${tr('auth.password.title')} — ${tr('web.title')}`, body });
}

/** The "forgotten password" page. */
export function renderForgot(ctx: PageContext, data: { readonly errors?: FormErrors } = {}): string {
  const { tr } = ctx;
  const body = html`<h1>${tr('auth.forgot.title')}</h1>
    <p>${tr('auth.forgot.intro')}</p>
    ${errorSummary(ctx, data.errors ?? {})}
    ${postForm(ctx, {
      action: '/account/forgot',
      testId: 'forgot-form',
      className: 'narrow',
      body: html`${field({
        name: 'email',
        type: 'email',
        label: tr('auth.signIn.email'),
        required: true,
        autocomplete: 'username',
      })}
      ${submit(tr('auth.forgot.submit'), { testId: 'forgot-submit' })}`,
    })}`;
  return layout(ctx, { title: `${tr('auth.forgot.title')} — ${tr('web.title')}`, body });
}
