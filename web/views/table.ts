/** A data table: columns with a heading and a cell per row, an empty message, and a wrapper that scrolls on a phone. */
import { html, type HtmlValue, type SafeHtml } from './html';
import type { PageContext } from './layout';

/** The attributes of a wrapper that may scroll: focusable, and a named region for screen readers. */
export function scrollRegion(ctx: PageContext, name?: string): SafeHtml {
  return html`tabindex="0" role="region" aria-label="${name ?? ctx.tr('web.table.region')}"`;
}

/** One column of a {@link table}. */
export interface Column<R> {
  readonly heading: string;
  readonly cell: (row: R) => HtmlValue;
  /** Right-aligned numbers (amounts, counts). */
  readonly numeric?: boolean;
}

/** A table of `rows`; `rowAttributes` adds `data-*` attributes (for tests) to each row. */
export function table<R>(
  ctx: PageContext,
  options: {
    readonly columns: readonly Column<R>[];
    readonly rows: readonly R[];
    readonly testId?: string;
    readonly caption?: string;
    /** The name of the table's scrolling region when it has no caption (a heading above it says the same). */
    readonly label?: string;
    readonly empty?: string;
    readonly rowAttributes?: (row: R) => Readonly<Record<string, string>>;
  },
): SafeHtml {
  if (options.rows.length === 0)
    return html`<p class="empty" ${options.testId ? html` data-testid="${options.testId}-empty"` : ''}>
      ${options.empty ?? ctx.tr('web.table.empty')}
    </p>`;
  const attributes = (row: R): SafeHtml[] =>
    Object.entries(options.rowAttributes?.(row) ?? {}).map(([name, value]) => html` data-${name}="${value}"`);
  // The wrapper scrolls sideways on a phone: a keyboard user must be able to reach it (focusable, named region).
  return html`<div class="table-wrap" ${scrollRegion(ctx, options.caption ?? options.label)}><table${options.testId ? html` data-testid="${options.testId}"` : ''}>
${
  options.caption
    ? html`<caption>
        ${options.caption}
      </caption>`
    : ''
}
<thead><tr>${options.columns.map((c) => html`<th scope="col" ${c.numeric ? html` class="num"` : ''}>${c.heading}</th>`)}</tr></thead>
<tbody>
${options.rows.map((row) => html`<tr${attributes(row)}>${options.columns.map((c) => html`<td${c.numeric ? html` class="num"` : ''}>${c.cell(row)}</td>`)}</tr>\n`)}
</tbody></table></div>`;
}
