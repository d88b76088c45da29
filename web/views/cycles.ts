/**
 * The cycle list page: a GET form of filters (works without JavaScript; the URL is the query, so a filtered
 * list can be bookmarked and exported), the rows of `services/dashboard` `listCycles`, pagination and the
 * CSV/XLSX links of exactly the same query.
 */
import { CYCLE_PHASES, OBLIGATION_IDS } from '../../domain/cycle/types';
import { LIST_SORTS, LIST_STATUSES, RATING_STAGES } from '../../domain/dashboard/list-query';
import { formatDate } from '../../domain/format';
import { cycleVocabulary } from '../../domain/messages/cycle';
import type { CycleListPage } from '../../services/dashboard';
import { html, join, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { pagination } from './pagination';
import { table } from './table';

function select(
  name: string,
  label: string,
  current: string,
  options: readonly { readonly value: string; readonly label: string }[],
): SafeHtml {
  return html`<label
    >${label}
    <select name="${name}">
      ${join(
        options.map(
          (o) =>
            html`<option value="${o.value}" ${o.value === current ? 'selected' : ''}>${o.label}</option>`,
        ),
      )}
    </select></label
  >`;
}

function input(name: string, label: string, current: string, type = 'text'): SafeHtml {
  return html`<label>${label} <input type="${type}" name="${name}" value="${current}" /></label>`;
}

/** Renders the list; `query` is the request's own query (shown back in the form and in the export links). */
export function renderCycles(
  ctx: PageContext,
  data: { readonly list: CycleListPage; readonly year: number },
): string {
  const { tr, lang } = ctx;
  const q = (name: string): string => ctx.query.get(name) ?? '';
  const everyValue = { value: '', label: tr('web.cycles.any') };
  const exportHref = (format: 'csv' | 'xlsx'): string => {
    const query = new URLSearchParams(ctx.query);
    query.delete('page');
    query.delete('pageSize');
    query.set('format', format);
    return `/api/v1/cycles/export?${query.toString()}`;
  };
  const phase = (id: string): string =>
    (cycleVocabulary.phase as Record<string, { vi: string; en: string } | undefined>)[id]?.[lang] ?? id;
  const obligation = (id: string): string =>
    `${(cycleVocabulary.obligation as Record<string, { vi: string; en: string } | undefined>)[id]?.[lang] ?? id} (${id})`;
  const body = html`<h1>${tr('web.cycles.title')}</h1>
    <form method="get" action="/cycles" class="filters" data-testid="filters">
      <fieldset>
        <legend>${tr('web.cycles.filters')}</legend>
        <input type="hidden" name="lang" value="${lang}" />
        ${input('year', tr('web.cycles.year'), q('year') || String(data.year), 'number')}
        ${select('phase', tr('web.cycles.phase'), q('phase'), [
          everyValue,
          ...CYCLE_PHASES.map((p) => ({ value: p, label: phase(p) })),
        ])}
        ${input('sponsor', tr('web.cycles.sponsor'), q('sponsor'))}
        ${input('recipient', tr('web.cycles.recipient'), q('recipient'))}
        ${input('district', tr('web.cycles.district'), q('district'))}
        ${select('overdue', tr('web.cycles.overdue'), q('overdue'), [
          everyValue,
          { value: 'true', label: tr('web.cycles.yes') },
          { value: 'false', label: tr('web.cycles.no') },
        ])}
        ${select('escalation', tr('web.cycles.escalation'), q('escalation'), [
          everyValue,
          ...['0', '1', '2'].map((v) => ({ value: v, label: v })),
        ])}
        ${select('obligation', tr('web.cycles.obligation'), q('obligation'), [
          everyValue,
          ...OBLIGATION_IDS.map((o) => ({ value: o, label: obligation(o) })),
        ])}
        ${select('status', tr('web.cycles.status'), q('status'), [
          everyValue,
          ...LIST_STATUSES.map((st) => ({ value: st, label: cycleVocabulary.status[st][lang] })),
        ])}
        ${input('rating', tr('web.cycles.rating'), q('rating'))}
        ${select(
          'ratingStage',
          tr('web.cycles.ratingStage'),
          q('ratingStage'),
          RATING_STAGES.map((st) => ({ value: st, label: tr(`web.cycles.ratingStage.${st}`) })),
        )}
        ${select(
          'sort',
          tr('web.cycles.sort'),
          q('sort'),
          LIST_SORTS.map((st) => ({ value: st, label: tr(`web.cycles.sort.${st}`) })),
        )}
        ${select(
          'dir',
          tr('web.cycles.dir'),
          q('dir'),
          (['asc', 'desc'] as const).map((d) => ({ value: d, label: tr(`web.cycles.dir.${d}`) })),
        )}
        <button type="submit">${tr('web.cycles.apply')}</button>
      </fieldset>
    </form>
    <p data-testid="total">
      ${tr('web.cycles.total', { total: data.list.total })} ·
      <a href="${exportHref('csv')}" download>${tr('web.cycles.exportCsv')}</a> ·
      <a href="${exportHref('xlsx')}" download>${tr('web.cycles.exportXlsx')}</a>
    </p>
    ${table(ctx, {
      testId: 'cycles',
      rows: data.list.rows,
      empty: tr('web.cycles.none'),
      rowAttributes: (r) => ({ pair: r.pairCode }),
      columns: [
        {
          heading: tr('web.cycles.pair'),
          cell: (r) =>
            html`<a href="/pairs/${encodeURIComponent(r.pairCode)}?year=${r.year}&amp;lang=${lang}"
              >${r.pairCode}</a
            >`,
        },
        { heading: tr('web.home.sponsor'), cell: (r) => `${r.sponsor.name} (${r.sponsor.code})` },
        { heading: tr('web.home.recipient'), cell: (r) => `${r.recipient.name} (${r.recipient.code})` },
        { heading: tr('web.cycles.phase'), cell: (r) => phase(r.phase) },
        { heading: tr('web.cycles.waitingFor'), cell: (r) => r.waitingFor.map(obligation).join(', ') },
        {
          heading: tr('web.cycles.nextDeadline'),
          cell: (r) =>
            r.nextDeadline
              ? `${obligation(r.nextDeadline.obligation)} ${formatDate(r.nextDeadline.due)}`
              : '',
        },
        { heading: tr('web.cycles.escalation'), cell: (r) => String(r.escalationLevel), numeric: true },
        {
          heading: tr('web.cycles.overdue'),
          cell: (r) => tr(r.overdue ? 'web.cycles.yes' : 'web.cycles.no'),
        },
      ],
    })}
    ${pagination(ctx, {
      window: { page: data.list.page, pageSize: data.list.pageSize, skip: 0 },
      total: data.list.total,
    })}`;
  return layout(ctx, { title: `${tr('web.cycles.title')} — ${tr('web.title')}`, body });
}
