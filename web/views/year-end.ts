/**
 * "Tổng kết năm / Year-end summary" (administrators and leadership): the year's summary of `reports/` in the
 * reader's language: the report's two charts (ECharts SVG, sent as images so the CSP that forbids inline style
 * holds), the numbers behind them, the totals per kind of unit, every unit's ratings, and the report's downloads.
 */
import { formatDateTime, formatDong, formatNumber } from '../../domain/format';
import type { MessageKey } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { obligationTimelinessChart, ratingDistributionChart } from '../../reports/charts';
import type { KindTotals, UnitSummary, YearSummary } from '../../reports/year-summary';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { table } from './table';

/** The formats the page offers for download. */
export const YEAR_END_FORMATS = ['xlsx', 'csv', 'pdf'] as const;

function chart(svg: string, alt: string, testId: string): SafeHtml {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  return html`<img class="chart" src="${src}" alt="${alt}" data-testid="${testId}" />`;
}

/** The catalogue's name of each kind of unit (a kind the catalogue does not know is shown as its code). */
const KIND_LABELS: Readonly<Record<string, MessageKey>> = {
  DEPARTMENT: 'page.kind.DEPARTMENT',
  LOWLAND_DISTRICT: 'page.kind.LOWLAND_DISTRICT',
  LOWLAND_COMMUNE: 'page.kind.LOWLAND_COMMUNE',
  MOUNTAIN_DISTRICT: 'page.kind.MOUNTAIN_DISTRICT',
  COMMUNE: 'page.kind.COMMUNE',
};

function kindOf(ctx: PageContext, kind: string): string {
  const key = KIND_LABELS[kind];
  return key ? ctx.tr(key) : kind;
}

function totalsTable(ctx: PageContext, totals: readonly KindTotals[]): SafeHtml {
  const { tr, lang } = ctx;
  const n = (value: number | null) => (value === null ? '—' : formatNumber(value, lang));
  return table(ctx, {
    testId: 'year-end-totals',
    caption: tr('page.yearEnd.totals'),
    rows: totals,
    rowAttributes: (t) => ({ kind: t.kind }),
    columns: [
      { heading: tr('page.yearEnd.kind'), cell: (t) => kindOf(ctx, t.kind) },
      { heading: tr('page.yearEnd.units'), cell: (t) => n(t.units), numeric: true },
      {
        heading: tr('page.yearEnd.averageScore'),
        cell: (t) => formatNumber(t.averageScore, lang, 1),
        numeric: true,
      },
      { heading: tr('page.yearEnd.households'), cell: (t) => n(t.households), numeric: true },
      {
        heading: tr('page.yearEnd.amount'),
        cell: (t) => (t.amountDong === null ? '—' : formatDong(t.amountDong, lang)),
        numeric: true,
      },
      { heading: tr('page.yearEnd.models'), cell: (t) => n(t.models), numeric: true },
      { heading: tr('page.yearEnd.studyTours'), cell: (t) => n(t.studyTours), numeric: true },
      { heading: tr('page.yearEnd.onTime'), cell: (t) => n(t.onTime), numeric: true },
      { heading: tr('page.yearEnd.late'), cell: (t) => n(t.late), numeric: true },
      { heading: tr('page.yearEnd.missed'), cell: (t) => n(t.missed), numeric: true },
      { heading: tr('page.yearEnd.final'), cell: (t) => n(t.confirmed), numeric: true },
      { heading: tr('page.yearEnd.criticised'), cell: (t) => n(t.criticised), numeric: true },
      { heading: tr('page.yearEnd.reward'), cell: (t) => n(t.proposedReward), numeric: true },
    ],
  });
}

function ratingsTable(ctx: PageContext, units: readonly UnitSummary[]): SafeHtml {
  const { tr, lang } = ctx;
  const proposed = (u: UnitSummary) =>
    u.proposalStored
      ? u.evaluation.level[lang]
      : tr('page.yearEnd.provisionalMark', { level: u.evaluation.level[lang] });
  return table(ctx, {
    testId: 'year-end-ratings',
    caption: tr('page.yearEnd.ratings'),
    rows: units,
    rowAttributes: (u) => ({
      unit: u.code,
      side: u.side,
      proposed: u.evaluation.level.id,
      final: u.finalLevel?.id ?? '',
    }),
    columns: [
      { heading: tr('page.yearEnd.unit'), cell: (u) => `${u.name} (${u.code})` },
      { heading: tr('page.yearEnd.kind'), cell: (u) => kindOf(ctx, u.kind) },
      { heading: tr('page.yearEnd.side'), cell: (u) => tr(`page.side.${u.side}`) },
      { heading: tr('page.yearEnd.pairs'), cell: (u) => u.pairCodes.join(', ') },
      {
        heading: tr('page.yearEnd.score'),
        cell: (u) => formatNumber(u.evaluation.score, lang, 1),
        numeric: true,
      },
      { heading: tr('page.yearEnd.proposed'), cell: proposed },
      {
        heading: tr('page.yearEnd.final'),
        cell: (u) => (u.finalLevel ? u.finalLevel[lang] : tr('page.yearEnd.notConfirmed')),
      },
      {
        heading: tr('page.yearEnd.criticised'),
        cell: (u) => (u.evaluation.criticised ? tr('page.yes') : ''),
      },
      {
        heading: tr('page.yearEnd.reward'),
        cell: (u) => (u.evaluation.proposedReward ? tr('page.yes') : ''),
      },
    ],
  });
}

/** The download link of a format. */
export function downloadHref(year: number, format: (typeof YEAR_END_FORMATS)[number]): string {
  return `/year-end/download?year=${year}&format=${format}`;
}

/** Renders the year-end summary. */
export function renderYearEnd(ctx: PageContext, summary: YearSummary): string {
  const { tr, lang } = ctx;
  const { year, units } = summary;
  const obligation = (id: keyof typeof cycleVocabulary.obligation) =>
    `${id} ${cycleVocabulary.obligation[id][lang]}`;
  const n = (value: number) => formatNumber(value, lang);
  const body = html`<h1>${tr('page.yearEnd.title', { year })}</h1>
    <form method="get" action="/year-end" class="filters" data-testid="year-end-year">
      <fieldset>
        <label
          >${tr('page.year')} <input type="number" name="year" value="${year}" min="2000" max="2100"
        /></label>
        <button type="submit">${tr('page.show')}</button>
      </fieldset>
    </form>
    <p data-testid="year-end-overview">
      ${tr('page.yearEnd.overview', {
        cycles: n(summary.cycles),
        units: n(units.length),
        confirmed: n(units.filter((u) => u.confirmed).length),
        criticised: n(units.filter((u) => u.evaluation.criticised).length),
        reward: n(units.filter((u) => u.evaluation.proposedReward).length),
        at: formatDateTime(summary.generatedAt),
      })}
    </p>
    <h2>${tr('page.yearEnd.downloads')}</h2>
    <ul data-testid="year-end-downloads">
      ${YEAR_END_FORMATS.map(
        (format) =>
          html`<li>
            <a href="${downloadHref(year, format)}" download data-format="${format}"
              >${tr('page.yearEnd.download', { format: format.toUpperCase() })}</a
            >
          </li>`,
      )}
    </ul>
    <p>${tr('page.yearEnd.pdfNote')}</p>
    <h2>${tr('page.yearEnd.charts')}</h2>
    ${chart(
      ratingDistributionChart(summary.distribution, { lang }),
      tr('page.yearEnd.distributionChart'),
      'chart-ratings',
    )}
    ${chart(
      obligationTimelinessChart(summary.onTime, { lang }),
      tr('page.yearEnd.timelinessChart'),
      'chart-timeliness',
    )}
    ${table(ctx, {
      testId: 'year-end-distribution',
      caption: tr('page.yearEnd.distributionChart'),
      rows: summary.distribution,
      rowAttributes: (d) => ({ level: d.level.id }),
      columns: [
        { heading: tr('page.yearEnd.ratings'), cell: (d) => d.level[lang] },
        { heading: tr('page.yearEnd.proposed'), cell: (d) => n(d.proposed), numeric: true },
        { heading: tr('page.yearEnd.final'), cell: (d) => n(d.final), numeric: true },
      ],
    })}
    ${table(ctx, {
      testId: 'year-end-timeliness',
      caption: tr('page.yearEnd.timelinessChart'),
      rows: summary.onTime,
      rowAttributes: (o) => ({ obligation: o.obligation }),
      columns: [
        { heading: tr('page.calendar.obligation'), cell: (o) => obligation(o.obligation) },
        { heading: tr('page.yearEnd.onTime'), cell: (o) => n(o.onTime), numeric: true },
        { heading: tr('page.yearEnd.late'), cell: (o) => n(o.late), numeric: true },
        { heading: tr('page.yearEnd.missed'), cell: (o) => n(o.missed), numeric: true },
      ],
    })}
    ${totalsTable(ctx, summary.totals)}
    <p>${tr('page.yearEnd.provisional')}</p>
    ${ratingsTable(ctx, units)}`;
  return layout(ctx, { title: `${tr('page.yearEnd.title', { year })} — ${tr('web.title')}`, body });
}
