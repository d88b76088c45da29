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
import { OBLIGATION_IDS } from '../../domain/cycle/types';
import { field, postForm, select } from './forms';
import { renderPairSubmissions, type PairSubmissionsView } from './pair-submissions';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { table } from './table';

/** Renders the page of a pair the reader may see; `detail` undefined gives the "no cycle this year" page. */
export function renderPair(
  ctx: PageContext,
  options: {
    readonly code: string;
    readonly year: number;
    readonly detail: CycleDetail | undefined;
    /** The forms the reader may use and the workflow's page in the Temporal web UI (none in a static page). */
    readonly actions?: PairActions;
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
    <p>${detail.sponsor.name} → ${detail.recipient.name}</p>
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
    ${options.actions ? actionForms(ctx, code, year, options.actions) : ''}`;
  return layout(ctx, { title, body });
}

/** What the pair page offers its reader: the submissions section, the extension form, the Temporal link. */
export interface PairActions {
  readonly submissions?: PairSubmissionsView;
  readonly extend: boolean;
  readonly temporalUrl?: string;
}

/** The forms of the pair page (each posts to its route and comes back here with the workflow's message). */
function actionForms(ctx: PageContext, code: string, year: number, actions: PairActions): SafeHtml {
  const { tr, lang } = ctx;
  const base = `/pairs/${encodeURIComponent(code)}/${year}`;
  const submissions = actions.submissions
    ? renderPairSubmissions(ctx, { code, year, view: actions.submissions })
    : '';
  const extend = actions.extend
    ? html`<h2>${tr('web.pair.extendForm')}</h2>
        ${postForm(ctx, {
          action: `${base}/extend?lang=${lang}`,
          testId: 'extend-form',
          body: html`${select({
              name: 'obligation',
              label: tr('web.pair.obligation'),
              choices: OBLIGATION_IDS.map((o) => ({
                value: o,
                label: `${o} ${cycleVocabulary.obligation[o][lang]}`,
              })),
            })}
            ${field({ name: 'newDate', label: tr('web.pair.newDate'), type: 'date', required: true })}
            ${field({ name: 'reason', label: tr('web.pair.reason'), required: true })}
            ${field({ name: 'decisionNumber', label: tr('web.pair.decisionNumber') })}
            <button type="submit">${tr('web.pair.send')}</button>`,
        })}`
    : '';
  const temporal = actions.temporalUrl
    ? html`<p><a href="${actions.temporalUrl}" data-testid="temporal-link">${tr('web.pair.temporal')}</a></p>`
    : '';
  return html`${submissions}${extend}${temporal}`;
}
