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
import { html } from './html';
import { layout, type PageContext } from './layout';
import { table } from './table';

/** Renders the page of a pair the reader may see; `detail` undefined gives the "no cycle this year" page. */
export function renderPair(
  ctx: PageContext,
  options: { readonly code: string; readonly year: number; readonly detail: CycleDetail | undefined },
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
    </ul>`;
  return layout(ctx, { title, body });
}
