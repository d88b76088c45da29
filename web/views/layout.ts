/**
 * The shell of every page: the header with the role-aware navigation, the signed-in user and the sign-out
 * button, the language switch, the notice area, and the content. Styles come from `/assets/app.css` only: the
 * Content-Security-Policy allows no inline style or script.
 */
import type { Lang } from '../../domain/messages';
import type { Actor } from '../../domain/access';
import type { ActiveUser } from '../../services/users';
import type { Notice } from '../context';
import { textOf, translator, type Translate } from '../i18n';
import { html, type SafeHtml } from './html';
import { visibleNav } from './nav';

/** What every view gets about the request it renders for. */
export interface PageContext {
  readonly lang: Lang;
  readonly tr: Translate;
  /** The request's path (no query), for the navigation's current entry. */
  readonly path: string;
  /** The request's query without `lang`, kept by the language switch. */
  readonly query: URLSearchParams;
  readonly user: ActiveUser | undefined;
  readonly actor: Actor | undefined;
  /** The session's CSRF token; present on pages with forms and for every signed-in user (sign-out). */
  readonly csrfToken: string | undefined;
  readonly notice: Notice | undefined;
}

/** A context for views rendered outside a request (tests, previews): anonymous, no token. */
export function staticContext(lang: Lang, path = '/'): PageContext {
  return {
    lang,
    tr: translator(lang),
    path,
    query: new URLSearchParams(),
    user: undefined,
    actor: undefined,
    csrfToken: undefined,
    notice: undefined,
  };
}

/** The URL of the current page in the other language. */
function otherLanguageHref(ctx: PageContext): { href: string; lang: Lang } {
  const other: Lang = ctx.lang === 'vi' ? 'en' : 'vi';
  const query = new URLSearchParams(ctx.query);
  query.set('lang', other);
  return { href: `${ctx.path}?${query.toString()}`, lang: other };
}

/** The hidden field that carries the CSRF token in a form. */
export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}" />`;
}

function header(ctx: PageContext): SafeHtml {
  const { tr } = ctx;
  const other = otherLanguageHref(ctx);
  const items = visibleNav(ctx.actor).map(
    (item) =>
      html`<li>
        <a href="${item.href}" ${ctx.path === item.href ? html` aria-current="page"` : ''}
          >${tr(item.label)}</a
        >
      </li>`,
  );
  const account = ctx.user
    ? html`<span class="who" data-testid="signed-in-as"
          >${tr('auth.signedInAs', { name: ctx.user.name, role: tr(`auth.role.${ctx.user.role}`) })}</span
        >
        <form method="post" action="/sign-out" class="inline">
          ${csrfField(ctx)}<button type="submit" class="link" data-testid="sign-out">
            ${tr('auth.signOut')}
          </button>
        </form>`
    : html`<a href="/sign-in" data-testid="sign-in-link">${tr('web.nav.signIn')}</a>`;
  return html`<header class="site-header">
    <a class="brand" href="${ctx.user ? '/home' : '/'}">${tr('web.title')}</a>
    <nav aria-label="${tr('web.nav.label')}">
      <ul>
        ${items}
      </ul>
    </nav>
    <div class="account">
      ${account}
      <a href="${other.href}" hreflang="${other.lang}" lang="${other.lang}" data-testid="lang-switch"
        >${tr('web.lang.other')}</a
      >
    </div>
  </header>`;
}

/** The notice left by the previous request (after a redirect). */
function notice(ctx: PageContext): SafeHtml | '' {
  if (!ctx.notice) return '';
  const role = ctx.notice.tone === 'error' ? 'alert' : 'status';
  return html`<p class="notice notice-${ctx.notice.tone}" role="${role}" data-testid="notice">
    ${textOf(ctx.notice.message, ctx.lang)}
  </p>`;
}

/** A whole page. */
export function layout(ctx: PageContext, page: { readonly title: string; readonly body: SafeHtml }): string {
  return html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">${ctx.tr('web.skipToContent')}</a>
        ${header(ctx)}
        <main id="main">${notice(ctx)} ${page.body}</main>
      </body>
    </html>`.toString();
}
