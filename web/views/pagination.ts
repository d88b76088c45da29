/** Pages of a long list: `?page=N` links (previous, "page N of M", next), and reading the page from a query. */
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';

/** A page of a list. */
export interface PageWindow {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  /** Rows to skip (for Prisma's `skip`). */
  readonly skip: number;
}

/** The page a query asks for (`?page=`), 1 when absent or not a positive whole number. */
export function pageOf(query: unknown, pageSize: number): PageWindow {
  const value = Number((query as { page?: unknown } | undefined)?.page);
  const page = Number.isSafeInteger(value) && value >= 1 ? value : 1;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

/** The links to the other pages (nothing when everything fits on one page). */
export function pagination(
  ctx: PageContext,
  options: { readonly window: PageWindow; readonly total: number },
): SafeHtml | '' {
  const pages = Math.max(1, Math.ceil(options.total / options.window.pageSize));
  const page = Math.min(options.window.page, pages);
  if (pages <= 1) return '';
  const href = (n: number): string => {
    const query = new URLSearchParams(ctx.query);
    query.set('page', String(n));
    query.set('lang', ctx.lang);
    return `${ctx.path}?${query.toString()}`;
  };
  return html`<nav class="pagination" aria-label="${ctx.tr('web.pagination.label')}" data-testid="pagination">
    ${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">${ctx.tr('web.pagination.previous')}</a>` : ''}
    <span>${ctx.tr('web.pagination.page', { page, pages })}</span>
    ${page < pages ? html`<a href="${href(page + 1)}" rel="next">${ctx.tr('web.pagination.next')}</a>` : ''}
  </nav>`;
}
