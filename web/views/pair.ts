/**
 * One pair's cycle in a year, from the read model: what the e-mails link to. Obligations with their statutory
 * and effective due dates and status, what the cycle waits for and since when, and its timeline. It shows no
 * personal data (households helped are never listed here).
 */
import { formatDateTime, formatDueDay } from '../../domain/format';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { obligationStatusFromDb, type CyclePhase, type ObligationId } from '../../domain/cycle/types';
import { timelineLines } from '../../domain/cycle/timeline';
import type { CycleDetail } from '../../services/cycle-read';
import { field, postForm } from './forms';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { pairAdminForms, unitLink } from './pair-admin';
import { table } from './table';

/** Renders the page of a pair the reader may see; `detail` undefined gives the "no cycle this year" page. */
export function renderPair(
  ctx: PageContext,
  options: {
    readonly code: string;
    readonly year: number;
    readonly detail: CycleDetail | undefined;
    /** The forms the reader may use and the workflow's page in the Temporal web UI (none in a static page). */
    readonly actions?: {
      readonly needs: boolean;
      readonly administer: boolean;
      readonly temporalUrl?: string;
    };
  },
): string {
  const { tr, lang } = ctx;
  const { code, year, detail } = options;
  const title = tr('web.pair.title', { code, year });
  if (!detail) {
    return layout(ctx, {
      title,
      body: html`<h1>${title}</h1>
        <p data-testid="no-cycle">${tr('web.pair.none', { code, year })}</p>`,
    });
  }
  const phase = cycleVocabulary.phase[detail.phase as CyclePhase]?.[lang] ?? detail.phase;
  const obligationName = (o: string): string => cycleVocabulary.obligation[o as ObligationId]?.[lang] ?? '';
  const waiting =
    detail.waitingFor.length > 0
      ? `${tr('web.pair.waiting')}: ${detail.waitingFor.map((o) => `${o} ${obligationName(o)}`).join('; ')} ${tr('web.pair.since')} ${detail.waitingSince ? formatDateTime(detail.waitingSince) : '?'}`
      : tr('web.pair.nothing');
  const events = timelineLines(detail, { levels: detail.ratingLevels }).map(
    (e) => html`<li>${formatDateTime(e.at)} — ${e[lang]}</li> `,
  );
  const body = html`<h1>${title}</h1>
    <p>${unitLink(ctx, detail.sponsor, year)} → ${unitLink(ctx, detail.recipient, year)}</p>
    <p data-testid="phase">${tr('web.pair.phase')}: <strong>${phase}</strong></p>
    <p data-testid="waiting">${waiting}</p>
    <p>${tr('web.pair.escalation')}: ${detail.escalationLevel}</p>
    ${table(ctx, {
      testId: 'obligations',
      rows: detail.obligations,
      rowAttributes: (o) => ({ obligation: o.obligation, status: o.status }),
      columns: [
        {
          heading: tr('web.pair.obligation'),
          cell: (o) => `${o.obligation} ${obligationName(o.obligation)}`,
        },
        { heading: tr('web.pair.statutory'), cell: (o) => formatDueDay(o.statutoryDue) },
        { heading: tr('web.pair.effective'), cell: (o) => formatDueDay(o.effectiveDue) },
        {
          heading: tr('web.pair.status'),
          cell: (o) => cycleVocabulary.status[obligationStatusFromDb(o.status)][lang],
        },
        { heading: tr('web.pair.done'), cell: (o) => (o.completedAt ? formatDateTime(o.completedAt) : '') },
      ],
    })}
    <h2>${tr('web.pair.timeline')}</h2>
    <ul data-testid="timeline">
      ${events}
    </ul>
    ${options.actions ? actionForms(ctx, code, year, options.actions, detail.obligations) : ''}`;
  return layout(ctx, { title, body });
}

/** The forms of the pair page (each posts to its route and comes back here with the workflow's message). */
function actionForms(
  ctx: PageContext,
  code: string,
  year: number,
  actions: { readonly needs: boolean; readonly administer: boolean; readonly temporalUrl?: string },
  obligations: CycleDetail['obligations'],
): SafeHtml {
  const { tr, lang } = ctx;
  const base = `/pairs/${encodeURIComponent(code)}/${year}`;
  const needs = actions.needs
    ? html`<h2>${tr('web.pair.needsForm')}</h2>
        ${postForm(ctx, {
          action: `${base}/needs?lang=${lang}`,
          testId: 'needs-form',
          body: html`${field({ name: 'summary', label: tr('web.pair.needsSummary'), required: true })}
            <button type="submit">${tr('web.pair.send')}</button>`,
        })}`
    : '';
  const admin = actions.administer ? pairAdminForms(ctx, code, year, obligations) : '';
  const temporal = actions.temporalUrl
    ? html`<p><a href="${actions.temporalUrl}" data-testid="temporal-link">${tr('web.pair.temporal')}</a></p>`
    : '';
  return html`${needs}${admin}${temporal}`;
}
