/**
 * A pair's page, from the dashboard's read model (`services/dashboard` `pairDetail`): both units, every year of
 * the pair, and for the year shown the obligations with their statutory and effective dates, what the cycle
 * waits for in plain words ("waiting on <unit> for <document> since <date>"), the documents and progress entries
 * submitted, the units' rating proposals with their explanation, the timeline of every reminder, escalation,
 * submission and administrator action, the pair's roster history, and the reader's forms. The households
 * helped (personal data) are shown only because the reader's scope holds the pair.
 */
import { formatDate, formatDateTime, formatDong } from '../../domain/format';
import { cycleVocabulary, unitVocabulary } from '../../domain/messages/cycle';
import type { ObligationId } from '../../domain/cycle/types';
import type { PairDetail, PairUnit, PairYear, UnitRating } from '../../services/dashboard';
import { html, join, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { pairAdminForms, unitLink } from './pair-admin';
import { renderPairSubmissions, type PairSubmissionsView } from './pair-submissions';
import { table } from './table';

/** The forms the reader may use on the page, and the workflow's page in the Temporal web UI. */
export interface PairActions {
  /** The reader's submission forms and the year's documents (officers; the documents for every reader). */
  readonly submissions?: PairSubmissionsView;
  /** The administrator's forms (extend, waive, resend, dissolve, end the period). */
  readonly administer: boolean;
  readonly temporalUrl?: string;
}

/** Renders the page of a pair the reader may see, for `year` (the "no cycle this year" page when it has none). */
export function renderPair(
  ctx: PageContext,
  options: {
    readonly year: number;
    readonly detail: PairDetail;
    readonly actions?: PairActions;
  },
): string {
  const { tr } = ctx;
  const { detail, year } = options;
  const code = detail.code;
  const title = tr('web.pair.title', { code, year });
  const selected = detail.selected?.year === year ? detail.selected : undefined;
  const body = html`<h1>${title}</h1>
    ${units(ctx, detail, year)} ${years(ctx, detail, year)}
    ${selected
      ? yearSections(ctx, code, selected, options.actions)
      : html`<p data-testid="no-cycle">${tr('web.pair.none', { code, year })}</p>`}
    ${pairHistory(ctx, detail)}`;
  return layout(ctx, { title, body });
}

/** The word for a stored code in the reader's language (the code itself when the vocabulary lacks it). */
function wordOf(
  words: Readonly<Record<string, { readonly vi: string; readonly en: string }>>,
  code: string,
  ctx: PageContext,
): string {
  return words[code]?.[ctx.lang] ?? code;
}

function unitLine(ctx: PageContext, heading: string, unit: PairUnit, year: number, testId: string): SafeHtml {
  const parent = unit.parent
    ? html` — ${ctx.tr('web.pair.parent')}: ${unit.parent.name} (${unit.parent.code})`
    : '';
  return html`<div data-testid="${testId}" data-unit="${unit.code}">
    <dt>${heading}</dt>
    <dd>
      ${unitLink(ctx, unit, year)} (${unit.code}) ·
      ${wordOf(unitVocabulary.kind, unit.kind, ctx)}${unit.border
        ? html` · ${unitVocabulary.border[ctx.lang]}`
        : ''}${parent}
    </dd>
  </div>`;
}

/** Both sides, the communes the pair covers and the pair's period. */
function units(ctx: PageContext, detail: PairDetail, year: number): SafeHtml {
  const { tr } = ctx;
  const period = detail.validTo
    ? tr('web.pair.periodTo', { from: formatDate(detail.validFrom), to: formatDate(detail.validTo) })
    : tr('web.pair.periodFrom', { from: formatDate(detail.validFrom) });
  return html`<dl class="facts">
    ${unitLine(ctx, tr('web.home.sponsor'), detail.sponsor, year, 'sponsor')}
    ${unitLine(ctx, tr('web.home.recipient'), detail.recipient, year, 'recipient')}
    <div>
      <dt>${tr('web.pair.period')}</dt>
      <dd data-testid="period">${period}</dd>
    </div>
    ${detail.communes.length > 0
      ? html`<div>
          <dt>${tr('web.pair.communes')}</dt>
          <dd data-testid="communes">${detail.communes.join(', ')}</dd>
        </div>`
      : ''}
  </dl>`;
}

/** A link to every year the pair has a cycle, the one shown marked as current. */
function years(ctx: PageContext, detail: PairDetail, year: number): SafeHtml {
  const { tr, lang } = ctx;
  if (detail.years.length === 0) return html``;
  const links = detail.years.map(
    (y) =>
      html`<li>
        <a
          href="/pairs/${encodeURIComponent(detail.code)}?year=${y.year}&amp;lang=${lang}"
          ${y.year === year ? html` aria-current="page"` : ''}
          data-year="${y.year}"
          >${y.year}</a
        >
        (${cycleVocabulary.phase[y.phase][lang]})
      </li>`,
  );
  return html`<nav aria-label="${tr('web.pair.years')}" class="years" data-testid="years">
    <ul>
      ${links}
    </ul>
  </nav>`;
}

function obligationName(ctx: PageContext, o: ObligationId): string {
  return `${o} ${cycleVocabulary.obligation[o][ctx.lang]}`;
}

/** Everything about the year shown. */
function yearSections(
  ctx: PageContext,
  code: string,
  y: PairYear,
  actions: PairActions | undefined,
): SafeHtml {
  const { tr, lang } = ctx;
  const waiting =
    y.waiting.length > 0
      ? html`<ul data-testid="waiting">
          ${y.waiting.map(
            (w) =>
              html`<li
                data-obligation="${w.obligation}"
                data-party="${w.party}"
                ${w.overdue ? html` class="overdue"` : ''}
              >
                ${w[lang]}
              </li>`,
          )}
        </ul>`
      : html`<p data-testid="waiting">${tr('web.pair.nothing')}</p>`;
  return html`<p data-testid="phase">
      ${tr('web.pair.phase')}: <strong>${cycleVocabulary.phase[y.phase][lang]}</strong> ·
      ${tr('web.pair.escalation')}:
      ${y.escalationLevel}${y.overdue ? html` · <strong>${tr('web.pair.overdue')}</strong>` : ''}
    </p>
    <h2>${tr('web.pair.waiting')}</h2>
    ${waiting}
    <h2>${tr('web.pair.obligations')}</h2>
    ${table(ctx, {
      testId: 'obligations',
      label: tr('web.pair.obligations'),
      rows: y.obligations,
      rowAttributes: (o) => ({ obligation: o.obligation, status: o.status }),
      columns: [
        { heading: tr('web.pair.obligation'), cell: (o) => obligationName(ctx, o.obligation) },
        { heading: tr('web.pair.statutory'), cell: (o) => formatDate(o.statutoryDue) },
        { heading: tr('web.pair.effective'), cell: (o) => formatDate(o.effectiveDue) },
        { heading: tr('web.pair.status'), cell: (o) => cycleVocabulary.status[o.status][lang] },
        { heading: tr('web.pair.done'), cell: (o) => (o.completedAt ? formatDateTime(o.completedAt) : '') },
        { heading: tr('web.pair.escalation'), cell: (o) => String(o.escalationLevel), numeric: true },
      ],
    })}
    ${submissions(ctx, y)} ${progress(ctx, y)} ${ratings(ctx, y)}
    <h2>${tr('web.pair.timeline')}</h2>
    <ul data-testid="timeline" class="timeline">
      ${y.timeline.map(
        (e) => html`<li><time datetime="${e.at}">${formatDateTime(e.at)}</time> — ${e[lang]}</li>`,
      )}
    </ul>
    ${actions ? actionForms(ctx, code, y, actions) : ''}`;
}

function sideName(ctx: PageContext, side: string): string {
  const key = side.toLowerCase() as 'sponsor' | 'recipient';
  return cycleVocabulary.side[key]?.[ctx.lang] ?? side;
}

/** The documents submitted in the year, with what they say. */
function submissions(ctx: PageContext, y: PairYear): SafeHtml {
  const { tr } = ctx;
  if (y.submissions.length === 0) return html``;
  const texts = (s: PairYear['submissions'][number]): SafeHtml => {
    const t = s.texts;
    const lines: SafeHtml[] = [];
    if (t.summary) lines.push(html`<p>${t.summary}</p>`);
    if (t.monitoringAssignment)
      lines.push(html`<p>${tr('web.pair.doc.monitoring')}: ${t.monitoringAssignment}</p>`);
    if (t.assessment) lines.push(html`<p>${tr('web.pair.doc.assessment')}: ${t.assessment}</p>`);
    if (t.signatoryName)
      lines.push(
        html`<p>
          ${tr('web.pair.doc.signed', {
            name: t.signatoryName,
            on: t.signedOn ? formatDate(t.signedOn) : '',
          })}
        </p>`,
      );
    if (t.items && t.items.length > 0)
      lines.push(
        html`<ul>
          ${t.items.map(
            (i) =>
              html`<li>
                ${wordOf(cycleVocabulary.category, i.category, ctx)}${i.description
                  ? html` — ${i.description}`
                  : ''}:
                ${formatDong(BigInt(i.estimatedAmountDong), ctx.lang)}
              </li>`,
          )}
        </ul>`,
      );
    return join(lines);
  };
  return html`<h2>${tr('web.pair.submissions')}</h2>
    ${table(ctx, {
      testId: 'submissions',
      label: tr('web.pair.submissions'),
      rows: y.submissions,
      rowAttributes: (s) => ({ obligation: s.obligation, side: s.side.toLowerCase() }),
      columns: [
        { heading: tr('web.pair.obligation'), cell: (s) => obligationName(ctx, s.obligation) },
        { heading: tr('web.pair.side'), cell: (s) => sideName(ctx, s.side) },
        {
          heading: tr('web.pair.submittedAt'),
          cell: (s) => html`${formatDateTime(s.submittedAt)}${s.late ? html` (${tr('web.pair.late')})` : ''}`,
        },
        { heading: tr('web.pair.content'), cell: texts },
      ],
    })}`;
}

/** The progress entries of the year, corrections marked, with the households helped. */
function progress(ctx: PageContext, y: PairYear): SafeHtml {
  const { tr, lang } = ctx;
  if (y.progress.length === 0) return html``;
  return html`<h2>${tr('web.pair.progress')}</h2>
    ${table(ctx, {
      testId: 'progress',
      label: tr('web.pair.progress'),
      rows: y.progress,
      rowAttributes: (p) => ({ entry: p.id, superseded: String(p.superseded) }),
      columns: [
        {
          heading: tr('web.pair.submittedAt'),
          cell: (p) =>
            html`${formatDateTime(p.submittedAt)}${p.superseded ? html` (${tr('web.pair.superseded')})` : ''}`,
        },
        { heading: tr('web.pair.category'), cell: (p) => wordOf(cycleVocabulary.category, p.category, ctx) },
        { heading: tr('web.pair.households'), cell: (p) => String(p.households), numeric: true },
        {
          heading: tr('web.pair.amount'),
          cell: (p) => formatDong(BigInt(p.amountDong), lang),
          numeric: true,
        },
        {
          heading: tr('web.pair.models'),
          cell: (p) => `${p.modelsBuilt} / ${p.modelsReplicated} / ${p.studyTours}`,
        },
        { heading: tr('web.pair.description'), cell: (p) => p.description ?? '' },
        { heading: tr('web.pair.beneficiaries'), cell: (p) => p.beneficiaries.join(', ') },
      ],
    })}`;
}

function ratingBlock(ctx: PageContext, heading: string, rating: UnitRating | null, testId: string): SafeHtml {
  const { tr, lang } = ctx;
  if (!rating)
    return html`<section data-testid="${testId}">
      <h3>${heading}</h3>
      <p>${tr('web.pair.noRating')}</p>
    </section>`;
  const proposed = rating.proposed
    ? tr('web.pair.proposed', { level: rating.proposed[lang], score: rating.score ?? '-' })
    : tr('web.pair.notProposed');
  const final = rating.final
    ? tr('web.pair.final', {
        level: rating.final[lang],
        at: rating.confirmedAt ? formatDateTime(rating.confirmedAt) : '',
      })
    : tr('web.pair.notFinal');
  return html`<section data-testid="${testId}" data-unit="${rating.unitCode}">
    <h3>${heading}</h3>
    <p data-testid="${testId}-proposed">${proposed}</p>
    ${rating.explanation.length > 0
      ? html`<ul>
          ${rating.explanation.map((l) => html`<li>${l[lang]}</li>`)}
        </ul>`
      : ''}
    ${rating.positiveFactors ? html`<p>${tr('web.pair.factors')}: ${rating.positiveFactors}</p>` : ''}
    <p data-testid="${testId}-final">${final}</p>
    ${rating.overrideReason ? html`<p>${tr('web.pair.overrideReason')}: ${rating.overrideReason}</p>` : ''}
    ${rating.decisionNumber ? html`<p>${tr('web.pair.decisionNumber')}: ${rating.decisionNumber}</p>` : ''}
  </section>`;
}

/** The two units' ratings of the year: the proposal with its working, then the decision. */
function ratings(ctx: PageContext, y: PairYear): SafeHtml {
  const { tr } = ctx;
  return html`<h2>${tr('web.pair.ratings')}</h2>
    <div class="ratings">
      ${ratingBlock(ctx, tr('web.home.sponsor'), y.ratings.sponsor, 'rating-sponsor')}
      ${ratingBlock(ctx, tr('web.home.recipient'), y.ratings.recipient, 'rating-recipient')}
    </div>`;
}

/** The pair's roster history: created, re-paired, ended… */
function pairHistory(ctx: PageContext, detail: PairDetail): SafeHtml {
  const { tr } = ctx;
  const links = (codes: readonly string[]): SafeHtml =>
    join(
      codes.map((c) => html`<a href="/pairs/${encodeURIComponent(c)}?lang=${ctx.lang}">${c}</a>`),
      ', ',
    );
  const lines: SafeHtml[] = [];
  if (detail.predecessor)
    lines.push(html`<p>${tr('web.pair.predecessor')}: ${links([detail.predecessor])}</p>`);
  if (detail.successors.length > 0)
    lines.push(html`<p>${tr('web.pair.successors')}: ${links(detail.successors)}</p>`);
  if (detail.history.length > 0)
    lines.push(
      html`<ul data-testid="pair-history">
        ${detail.history.map(
          (h) => html`<li>${formatDateTime(h.at)} — ${h.action}${h.reason ? html`: ${h.reason}` : ''}</li>`,
        )}
      </ul>`,
    );
  return lines.length > 0
    ? html`<h2>${tr('web.pair.history')}</h2>
        ${join(lines)}`
    : html``;
}

/** The forms of the pair page (each posts to its route and comes back here with the workflow's message). */
function actionForms(ctx: PageContext, code: string, y: PairYear, actions: PairActions): SafeHtml {
  const { tr } = ctx;
  const submissions = actions.submissions
    ? renderPairSubmissions(ctx, { code, year: y.year, view: actions.submissions })
    : '';
  const admin = actions.administer ? pairAdminForms(ctx, code, y.year, y.obligations) : '';
  const temporal = actions.temporalUrl
    ? html`<p><a href="${actions.temporalUrl}" data-testid="temporal-link">${tr('web.pair.temporal')}</a></p>`
    : '';
  return html`${submissions}${admin}${temporal}`;
}
