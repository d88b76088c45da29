/** The page of an error (the API answers JSON instead): the message in the reader's language and a way back. */
import { html } from './html';
import { layout, type PageContext } from './layout';

/** Renders an error page. */
export function renderError(
  ctx: PageContext,
  error: { readonly status: number; readonly message: string },
): string {
  const { tr } = ctx;
  const body = html`<h1>${tr('web.error.title')} ${error.status}</h1>
    <p class="notice notice-error" role="alert" data-testid="error-message" data-status="${error.status}">
      ${error.message}
    </p>
    <p><a href="${ctx.user ? '/home' : '/'}">${tr('web.error.back')}</a></p>`;
  return layout(ctx, { title: `${tr('web.error.title')} ${error.status} — ${tr('web.title')}`, body });
}
