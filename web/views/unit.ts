/**
 * One unit's page for a year (`GET /units/:code?year=`): the unit, its pairs the reader may see, and its
 * evaluation from the read model (`UnitEvaluation`): the proposal with its score and explanation, criticism and
 * reward, positive factors, the final rating and who confirmed it. Administrators also get the forms: positive
 * factors and the rating (while it is not confirmed), and merging other units into this one.
 */
import type { LevelRef } from '../../domain/evaluation/confirm';
import { formatDateTime } from '../../domain/format';
import type { Message } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import type { UnitKind } from '../../domain/units';
import type { UnitSummary } from '../../services/dashboard';
import { textOf } from '../i18n';
import { errorSummary, field, postForm, select, submit } from './forms';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { table } from './table';

/** The merge form as it was posted, with the merger's refusals (when it was refused). */
export interface MergeFormState {
  readonly values: Readonly<Record<'from' | 'on' | 'decisionNumber' | 'reason', string>>;
  readonly errors: readonly Message[];
}

/** What the page shows besides the unit. */
export interface UnitPageOptions {
  readonly summary: UnitSummary;
  /** The levels of the year's scale, best first (empty when the year's settings do not parse). */
  readonly levels: readonly LevelRef[];
  /** Show the administrator's forms. */
  readonly administer: boolean;
  readonly merge?: MergeFormState;
  /** The lines of the merger just made (shown once, after the merge form). */
  readonly mergeReport?: { readonly done: readonly Message[]; readonly problems: readonly Message[] };
}

/** The unit page of `year`. */
export function renderUnit(ctx: PageContext, options: UnitPageOptions): string {
  const { tr, lang } = ctx;
  const { summary } = options;
  const { year } = summary;
  const title = tr('web.unit.title', { code: summary.code, year });
  const body = html`<h1>${title}</h1>
    <p data-testid="unit-name">${summary.name}</p>
    <p>
      ${tr('web.unit.kind')}:
      ${tr(`web.unit.kind.${summary.kind as UnitKind}`)}${summary.border
        ? html` — ${tr('web.unit.border')}`
        : ''}
    </p>
    ${summary.parent
      ? html`<p>${tr('web.unit.parent')}: ${summary.parent.name} (${summary.parent.code})</p>`
      : ''}
    <h2>${tr('web.unit.pairs')}</h2>
    ${table(ctx, {
      testId: 'unit-pairs',
      rows: summary.pairs,
      rowAttributes: (p) => ({ pair: p.pairCode }),
      columns: [
        {
          heading: tr('web.unit.pair'),
          cell: (p) =>
            html`<a href="/pairs/${encodeURIComponent(p.pairCode)}?year=${year}">${p.pairCode}</a>`,
        },
        { heading: tr('web.unit.side'), cell: (p) => cycleVocabulary.side[p.side][lang] },
        { heading: tr('web.unit.partner'), cell: (p) => `${p.partner.name} (${p.partner.code})` },
        {
          heading: tr('web.unit.pairStatus'),
          cell: (p) => tr(`web.pairStatus.${p.status as 'ACTIVE' | 'DISSOLVED' | 'REPAIRED'}`),
        },
        {
          heading: tr('web.unit.phase', { year }),
          cell: (p) => (p.cycle ? cycleVocabulary.phase[p.cycle.phase][lang] : tr('web.unit.noCycle')),
        },
      ],
    })}
    ${ratingSection(ctx, options)} ${options.administer ? mergeSection(ctx, options) : ''}`;
  return layout(ctx, { title: `${title} — ${tr('web.title')}`, body });
}

/** The unit's evaluation of the year, and the administrator's forms on it while the rating is open. */
function ratingSection(ctx: PageContext, options: UnitPageOptions): SafeHtml {
  const { tr, lang } = ctx;
  const { summary, levels } = options;
  const { rating, year } = summary;
  const base = `/units/${encodeURIComponent(summary.code)}/${year}`;
  const proposal = rating?.proposed
    ? html`<p data-testid="proposal">
          ${tr('unit.proposal', {
            ratingVi: rating.proposed.vi,
            ratingEn: rating.proposed.en,
            scoreVi: String(rating.score ?? '—').replace('.', ','),
            scoreEn: String(rating.score ?? '—'),
          })}
          ${rating.proposedAt ? tr('web.unit.proposedAt', { at: formatDateTime(rating.proposedAt) }) : ''}
        </p>
        ${rating.criticised ? html`<p data-testid="criticised">${tr('web.unit.criticised')}</p>` : ''}
        ${rating.proposedReward ? html`<p data-testid="reward">${tr('web.unit.reward')}</p>` : ''}
        <h3>${tr('web.unit.explanation')}</h3>
        <ul data-testid="explanation">
          ${rating.explanation.map((l) => html`<li>${l[lang]}</li>`)}
        </ul>`
    : html`<p data-testid="no-rating">${tr('web.unit.noRating', { year })}</p>`;
  const factors = html`<h3>${tr('web.unit.factors')}</h3>
    <p data-testid="factors">${rating?.positiveFactors ?? tr('web.unit.noFactors')}</p>`;
  const final = rating?.final
    ? html`<p data-testid="final">
          ${tr('unit.final', {
            ratingVi: rating.final.vi,
            ratingEn: rating.final.en,
            actor: rating.confirmedBy ?? '—',
          })}
        </p>
        ${rating.overrideReason
          ? html`<p>${tr('web.unit.overrideReason', { reason: rating.overrideReason })}</p>`
          : ''}
        ${rating.decisionNumber
          ? html`<p>${tr('web.unit.decision', { number: rating.decisionNumber })}</p>`
          : ''}
        ${rating.confirmedAt
          ? html`<p>${tr('web.unit.confirmedAt', { at: formatDateTime(rating.confirmedAt) })}</p>`
          : ''}`
    : html`<p data-testid="final">${tr('web.unit.notFinal')}</p>`;
  // A confirmed rating is recorded once: the workflow would refuse both forms, so they are not offered.
  const forms =
    options.administer && !rating?.final
      ? html`<h3>${tr('web.unit.factorsForm')}</h3>
          ${postForm(ctx, {
            action: `${base}/factors?lang=${lang}`,
            testId: 'factors-form',
            body: html`${field({
              name: 'text',
              id: 'factors-text',
              label: tr('web.unit.factorsText'),
              value: rating?.positiveFactors ?? '',
            })}
            ${submit(tr('web.pair.send'))}`,
          })}
          <h3>${tr('web.unit.rateForm')}</h3>
          ${postForm(ctx, {
            action: `${base}/rate?lang=${lang}`,
            testId: 'rate-form',
            body: html`${select({
              name: 'rating',
              id: 'rate-rating',
              label: tr('web.unit.level'),
              choices: levels.map((l) => ({
                value: l.id,
                label:
                  l.id === rating?.proposed?.id ? tr('web.unit.levelProposed', { label: l[lang] }) : l[lang],
              })),
              ...(rating?.proposed ? { value: rating.proposed.id } : {}),
            })}
            ${field({ name: 'reason', id: 'rate-reason', label: tr('web.unit.reasonIfOverride') })}
            ${field({
              name: 'decisionNumber',
              id: 'rate-decisionNumber',
              label: tr('web.pair.decisionNumber'),
            })}
            ${submit(tr('web.pair.send'))}`,
          })}`
      : '';
  return html`<section data-testid="rating">
    <h2>${tr('web.unit.rating', { year })}</h2>
    ${proposal} ${factors} ${final} ${forms}
  </section>`;
}

/** The merge form (into this unit) with the refusals of the last attempt or the report of the merger just made. */
function mergeSection(ctx: PageContext, options: UnitPageOptions): SafeHtml {
  const { tr, lang } = ctx;
  const { summary, merge, mergeReport } = options;
  const values = merge?.values;
  const report = mergeReport
    ? html`<h3>${tr('web.unit.mergeReport')}</h3>
        <ul data-testid="merge-report">
          ${mergeReport.done.map((m) => html`<li>${textOf(m, lang)}</li>`)}
          ${mergeReport.problems.map((m) => html`<li class="error">${textOf(m, lang)}</li>`)}
        </ul>`
    : '';
  const errors = merge
    ? errorSummary(ctx, Object.fromEntries(merge.errors.map((m, i) => [i, textOf(m, lang)])))
    : '';
  return html`<section data-testid="merge">
    <h2>${tr('web.unit.mergeForm', { code: summary.code })}</h2>
    ${report} ${errors}
    ${postForm(ctx, {
      action: `/units/${encodeURIComponent(summary.code)}/merge?year=${summary.year}&lang=${lang}`,
      testId: 'merge-form',
      body: html`${field({
        name: 'from',
        id: 'merge-from',
        label: tr('web.unit.mergeFrom'),
        required: true,
        value: values?.from ?? '',
      })}
      ${field({
        name: 'on',
        id: 'merge-on',
        label: tr('web.unit.mergeOn'),
        type: 'date',
        required: true,
        value: values?.on ?? '',
      })}
      ${field({
        name: 'decisionNumber',
        id: 'merge-decisionNumber',
        label: tr('web.pair.decisionNumber'),
        value: values?.decisionNumber ?? '',
      })}
      ${field({
        name: 'reason',
        id: 'merge-reason',
        label: tr('web.unit.mergeReason'),
        value: values?.reason ?? '',
      })}
      ${submit(tr('web.pair.send'))}`,
    })}
  </section>`;
}
