/**
 * "Danh sách đơn vị / Roster" (administrators): the upload form (a form with files, no JavaScript), then either
 * every problem of the file located by file, sheet, row and column, or the dry run (what would be added, changed
 * and ended) with the confirmation form that applies exactly the file checked.
 */
import { formatDate, formatDateTime } from '../../domain/format';
import type { RosterChange } from '../../roster/import';
import type { RosterCheck, RosterProblem } from '../../services/roster-upload';
import { textOf } from '../i18n';
import { hidden, submit } from './forms';
import { html, type SafeHtml } from './html';
import { csrfField, layout, type PageContext } from './layout';
import { table } from './table';

/** What the page shows besides the form. */
export interface RosterPageData {
  readonly units: number;
  readonly pairs: number;
  readonly staffYear: string;
  /** The outcome of a check, or of a confirmation that was refused. */
  readonly check?: RosterCheck;
  readonly refusal?: string;
}

function uploadForm(ctx: PageContext, staffYear: string): SafeHtml {
  const { tr } = ctx;
  return html`<form
    method="post"
    action="/roster/check"
    enctype="multipart/form-data"
    class="narrow"
    data-testid="roster-upload"
  >
    ${csrfField(ctx)}
    <div class="field">
      <label for="f-roster">${tr('page.roster.file')}</label>
      <input id="f-roster" name="roster" type="file" accept=".xlsx,.json,.csv" required />
    </div>
    <div class="field">
      <label for="f-pairs">${tr('page.roster.pairsFile')}</label>
      <input id="f-pairs" name="pairs" type="file" accept=".csv" />
    </div>
    <div class="field">
      <label for="f-year">${tr('page.roster.staffYear')}</label>
      <input id="f-year" name="year" type="number" min="2000" max="2100" value="${staffYear}" />
    </div>
    ${submit(tr('page.roster.check'), { testId: 'roster-check' })}
  </form>`;
}

function problemTable(ctx: PageContext, problems: readonly RosterProblem[]): SafeHtml {
  const { tr } = ctx;
  return html`<div class="error-summary" role="alert" data-testid="roster-invalid">
      <p>${tr('page.roster.invalid', { count: problems.length })}</p>
    </div>
    ${table(ctx, {
      testId: 'roster-errors',
      caption: tr('page.roster.errors'),
      rows: problems,
      rowAttributes: (p) => ({ row: p.row === undefined ? '' : String(p.row) }),
      columns: [
        { heading: tr('page.roster.fileName'), cell: (p) => p.file },
        { heading: tr('page.roster.sheet'), cell: (p) => p.sheet ?? '' },
        {
          heading: tr('page.roster.row'),
          cell: (p) => (p.row === undefined ? '' : String(p.row)),
          numeric: true,
        },
        { heading: tr('page.roster.column'), cell: (p) => p.column ?? '' },
        { heading: tr('page.roster.problem'), cell: (p) => textOf(p.message, ctx.lang) },
      ],
    })}`;
}

function fieldValue(ctx: PageContext, field: string, value: string | null): string {
  if (value === null) return ctx.tr('page.roster.empty');
  return field === 'from' || field === 'to' ? formatDate(value) : value;
}

function changeLines(ctx: PageContext, change: RosterChange): SafeHtml {
  const { tr } = ctx;
  return html`<ul class="changes">
    ${change.fields.map(
      (f) =>
        html`<li>
          ${change.action === 'create'
            ? tr('page.roster.fieldNew', { field: f.field, after: fieldValue(ctx, f.field, f.after) })
            : tr('page.roster.field', {
                field: f.field,
                before: fieldValue(ctx, f.field, f.before),
                after: fieldValue(ctx, f.field, f.after),
              })}
        </li>`,
    )}
  </ul>`;
}

function changeTable(
  ctx: PageContext,
  testId: string,
  caption: string,
  rows: readonly RosterChange[],
): SafeHtml | '' {
  const { tr } = ctx;
  if (rows.length === 0) return '';
  return table(ctx, {
    testId,
    caption,
    rows,
    rowAttributes: (c) => ({ code: c.code, table: c.table }),
    columns: [
      { heading: tr('page.roster.table'), cell: (c) => tr(`page.roster.table.${c.table}`) },
      { heading: tr('page.roster.code'), cell: (c) => c.code },
      {
        heading: tr('page.roster.fields'),
        cell: (c) =>
          html`${c.ends
            ? html`<strong>${tr('page.roster.endsOn', { date: formatDate(c.ends) })}</strong>`
            : ''}
          ${changeLines(ctx, c)}`,
      },
    ],
  });
}

function dryRun(ctx: PageContext, check: Extract<RosterCheck, { ok: true }>): SafeHtml {
  const { tr } = ctx;
  const { summary, upload } = check;
  const changes = summary.changes;
  const added = changes.filter((c) => c.action === 'create');
  const ended = changes.filter((c) => c.action === 'update' && c.ends !== null);
  const changed = changes.filter((c) => c.action === 'update' && c.ends === null);
  const confirm =
    changes.length === 0
      ? html`<p data-testid="roster-nothing">${tr('page.roster.nothing')}</p>`
      : html`<p>
            ${tr('page.roster.confirmHint', {
              sha256: upload.sha256,
              until: formatDateTime(upload.expiresAt),
            })}
          </p>
          <form method="post" action="/roster/apply" data-testid="roster-confirm">
            ${csrfField(ctx)} ${hidden('upload', upload.id)} ${hidden('sha256', upload.sha256)}
            ${submit(tr('page.roster.apply'), { testId: 'roster-apply' })}
          </form>`;
  return html`<section data-testid="roster-dry-run">
    <h2>${tr('page.roster.dryRun')}</h2>
    <p data-testid="roster-counts">
      ${tr('page.roster.checked', {
        unitsCreated: summary.units.created,
        unitsUpdated: summary.units.updated,
        unitsUnchanged: summary.units.unchanged,
        pairsCreated: summary.pairs.created,
        pairsUpdated: summary.pairs.updated,
        pairsUnchanged: summary.pairs.unchanged,
        staffYear: summary.staffYear,
      })}
    </p>
    ${table(ctx, {
      testId: 'roster-files',
      rows: upload.files,
      columns: [
        { heading: tr('page.roster.fileName'), cell: (f) => f.name },
        { heading: tr('page.roster.size'), cell: (f) => String(f.size), numeric: true },
        { heading: tr('page.roster.digest'), cell: (f) => html`<code>${f.sha256}</code>` },
      ],
    })}
    ${changeTable(ctx, 'roster-added', tr('page.roster.added'), added)}
    ${changeTable(ctx, 'roster-changed', tr('page.roster.changedList'), changed)}
    ${changeTable(ctx, 'roster-ended', tr('page.roster.ended'), ended)} ${confirm}
  </section>`;
}

/** Renders the roster page. */
export function renderRoster(ctx: PageContext, data: RosterPageData): string {
  const { tr } = ctx;
  const check = data.check;
  const body = html`<h1>${tr('page.roster.title')}</h1>
    <p data-testid="roster-current">${tr('page.roster.current', { units: data.units, pairs: data.pairs })}</p>
    ${data.refusal
      ? html`<div class="error-summary" role="alert" data-testid="roster-refused">
          <p>${data.refusal}</p>
        </div>`
      : ''}
    ${check && !check.ok ? problemTable(ctx, check.problems) : ''}
    ${check && check.ok ? dryRun(ctx, check) : ''}
    <h2>${tr('page.roster.upload')}</h2>
    <p>${tr('page.roster.intro')}</p>
    ${uploadForm(ctx, data.staffYear)}`;
  return layout(ctx, { title: `${tr('page.roster.title')} — ${tr('web.title')}`, body });
}
