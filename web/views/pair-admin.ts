/**
 * The administrator's forms on the pair page: extend, waive or resend one obligation, dissolve the pair now or
 * re-pair it, end its period on a day. Each posts to its route (`web/routes/admin-actions.ts`), which sends the
 * workflow's Update and comes back to the pair page with the workflow's own message. The forms offer every
 * obligation with its status and due day; which one may be acted on is the workflow's decision, not the page's.
 * Also the links from the pair's two units to their unit pages (positive factors, ratings, mergers).
 */
import { OBLIGATION_IDS } from '../../domain/cycle/types';
import { formatDate } from '../../domain/format';
import { cycleVocabulary } from '../../domain/messages/cycle';
import type { PairObligation } from '../../services/dashboard';
import { field, postForm, select, submit } from './forms';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';

/**
 * A unit of the pair page, linked to its unit page for readers who see every unit (administrators, leadership;
 * the unit page holds the rating forms); an officer sees only its own unit's page, so it gets the name alone.
 */
export function unitLink(
  ctx: PageContext,
  unit: { readonly code: string; readonly name: string },
  year: number,
): SafeHtml {
  return ctx.actor?.scope.kind === 'all'
    ? html`<a href="/units/${encodeURIComponent(unit.code)}?year=${year}" data-testid="unit-link"
        >${unit.name}</a
      >`
    : html`${unit.name}`;
}

/** The obligation picker of one form (its own element ID: several forms share the field name). */
function obligationSelect(ctx: PageContext, form: string, obligations: readonly PairObligation[]): SafeHtml {
  const { tr, lang } = ctx;
  return select({
    name: 'obligation',
    id: `${form}-obligation`,
    label: tr('web.pair.obligation'),
    choices: OBLIGATION_IDS.map((o) => {
      const name = cycleVocabulary.obligation[o][lang];
      const row = obligations.find((r) => r.obligation === o);
      return {
        value: o,
        label: row
          ? tr('web.admin.obligationChoice', {
              obligation: o,
              name,
              status: cycleVocabulary.status[row.status][lang],
              due: formatDate(row.effectiveDue),
            })
          : `${o} ${name}`,
      };
    }),
  });
}

/** The administrator's section of the pair page of `code` in `year`, given the cycle's obligations. */
export function pairAdminForms(
  ctx: PageContext,
  code: string,
  year: number,
  obligations: readonly PairObligation[],
): SafeHtml {
  const { tr, lang } = ctx;
  const base = `/pairs/${encodeURIComponent(code)}/${year}`;
  const form = (name: string, title: string, body: SafeHtml): SafeHtml =>
    html`<h3>${title}</h3>
      ${postForm(ctx, {
        action: `${base}/${name}?lang=${lang}`,
        testId: `${name}-form`,
        body: html`${body} ${submit(tr('web.pair.send'))}`,
      })}`;
  const text = (formName: string, name: string, label: string, required = false): SafeHtml =>
    field({ name, id: `${formName}-${name}`, label, required });
  const day = (formName: string, name: string, label: string): SafeHtml =>
    field({ name, id: `${formName}-${name}`, label, type: 'date', required: true });
  return html`<section data-testid="admin-actions">
    <h2>${tr('web.admin.heading')}</h2>
    ${form(
      'extend',
      tr('web.pair.extendForm'),
      html`${obligationSelect(ctx, 'extend', obligations)} ${day('extend', 'newDate', tr('web.pair.newDate'))}
      ${text('extend', 'reason', tr('web.pair.reason'), true)}
      ${text('extend', 'decisionNumber', tr('web.pair.decisionNumber'))}`,
    )}
    ${form(
      'waive',
      tr('web.admin.waiveForm'),
      html`${obligationSelect(ctx, 'waive', obligations)}
      ${text('waive', 'reason', tr('web.pair.reason'), true)}`,
    )}
    ${form('resend', tr('web.admin.resendForm'), obligationSelect(ctx, 'resend', obligations))}
    ${form(
      'dissolve',
      tr('web.admin.dissolveForm'),
      html`${text('dissolve', 'reason', tr('web.pair.reason'), true)}
      ${text('dissolve', 'successorPairCode', tr('web.admin.successor'))}`,
    )}
    ${form(
      'end-period',
      tr('web.admin.endPeriodForm'),
      html`${day('end-period', 'lastDay', tr('web.admin.lastDay'))}
      ${text('end-period', 'reason', tr('web.pair.reason'), true)}
      ${text('end-period', 'successorPairCode', tr('web.admin.successorOptional'))}
      ${text('end-period', 'decisionNumber', tr('web.pair.decisionNumber'))}`,
    )}
  </section>`;
}
