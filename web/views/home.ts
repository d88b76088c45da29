/** The signed-in user's start page: the overview of the year (`services/dashboard` `overview`) and the pairs in the user's scope. */
import { formatDate } from '../../domain/format';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { obligationTimelinessChart } from '../../reports/charts';
import type { Overview } from '../../services/dashboard';
import { html, join, type SafeHtml } from './html';
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
  data: {
    readonly pairs: readonly HomePair[];
    readonly window: PageWindow;
    readonly total: number;
    readonly overview: Overview;
  },
): string {
  const { tr } = ctx;
  const body = html`<h1>${tr('web.home.title')}</h1>
    ${overviewSection(ctx, data.overview)}
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

/**
 * The overview: counts, the punctuality chart (the year report's ECharts SVG, as an image so that the strict
 * CSP, which allows no inline style, still applies), the next 14 days, escalations and mail problems.
 */
function overviewSection(ctx: PageContext, o: Overview): SafeHtml {
  const { tr, lang } = ctx;
  const svg = obligationTimelinessChart(o.punctuality, { lang });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  return html`<section data-testid="overview">
    <h2>${tr('web.overview.title', { year: o.year })}</h2>
    <p>${tr('web.overview.cycles', { count: o.cycles })}</p>
    <h3>${tr('web.overview.byPhase')}</h3>
    <ul data-testid="by-phase">
      ${join(o.byPhase.map((p) => html`<li>${cycleVocabulary.phase[p.phase][lang]}: ${p.count}</li>`))}
    </ul>
    <img class="chart" src="${src}" alt="${tr('web.overview.chart')}" />
    <p data-testid="upcoming">
      ${tr('web.overview.upcoming', {
        from: formatDate(o.upcoming.from),
        to: formatDate(o.upcoming.to),
        total: o.upcoming.total,
      })}
    </p>
    <p data-testid="escalations">
      ${tr('web.overview.escalations', { level1: o.escalations.level1, level2: o.escalations.level2 })}
    </p>
    <p data-testid="mail">
      ${tr('web.overview.mail', { failures: o.mail.failures.length, bounced: o.mail.bounced.length })}
    </p>
  </section>`;
}
