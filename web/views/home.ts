/** The signed-in user's start page: the pairs in the user's scope (the dashboard's overview comes later). */
import { html } from './html';
import { layout, type PageContext } from './layout';
import { table } from './table';
import { pagination, type PageWindow } from './pagination';

/** A pair in the list. */
export interface HomePair {
  readonly code: string;
  readonly sponsorName: string;
  readonly recipientName: string;
  readonly status: 'ACTIVE' | 'DISSOLVED' | 'REPAIRED';
}

/** Renders the start page. */
export function renderHome(
  ctx: PageContext,
  data: { readonly pairs: readonly HomePair[]; readonly window: PageWindow; readonly total: number },
): string {
  const { tr } = ctx;
  const body = html`<h1>${tr('web.home.title')}</h1>
    <h2>${tr('web.home.pairs')}</h2>
    ${table(ctx, {
      testId: 'my-pairs',
      rows: data.pairs,
      empty: tr('web.home.none'),
      rowAttributes: (p) => ({ pair: p.code }),
      columns: [
        {
          heading: tr('web.home.code'),
          cell: (p) => html`<a href="/pairs/${encodeURIComponent(p.code)}">${p.code}</a>`,
        },
        { heading: tr('web.home.sponsor'), cell: (p) => p.sponsorName },
        { heading: tr('web.home.recipient'), cell: (p) => p.recipientName },
        { heading: tr('web.home.pairStatus'), cell: (p) => tr(`web.pairStatus.${p.status}`) },
      ],
    })}
    ${pagination(ctx, { window: data.window, total: data.total })}`;
  return layout(ctx, { title: `${tr('web.home.title')} — ${tr('web.title')}`, body });
}
