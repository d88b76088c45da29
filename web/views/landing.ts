/**
 * The landing page, public: each part's health, the supervisor's restarts, the roster's size, the e-mail
 * failures' count, and links (sign-in, the Temporal UI). It shows no personal data.
 */
import { table } from './table';
import { formatDateTime } from '../../domain/format';
import type { Lang } from '../../domain/messages';
import type { HealthResult } from '../../system/health';
import {
  exitText,
  type PartExit,
  type PartStatus,
  type SupervisionStatus,
} from '../../system/supervisor-status';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { mayOpen } from './nav';

/** What the landing page shows. */
export interface LandingData {
  readonly health: readonly HealthResult[];
  readonly units: number | undefined;
  readonly pairs: number | undefined;
  readonly temporalUiUrl: string;
  readonly checkedAt: Date;
  /** Failed messages and bounced addresses (undefined when the database did not answer). */
  readonly mail?: { readonly failures: number; readonly bounced: number } | undefined;
  /** The supervisor's status file (undefined when not run by `npm start`). */
  readonly supervision?: SupervisionStatus | undefined;
}

/** A part's last exit: `16/02/2026 08:00, tín hiệu SIGKILL`. */
function lastExitText(ctx: PageContext, exit: PartExit | undefined, lang: Lang): string {
  if (!exit) return ctx.tr('web.supervision.never');
  return ctx.tr('web.supervision.exit', { at: formatDateTime(exit.at), exit: exitText(exit, lang) });
}

function stateText(ctx: PageContext, part: PartStatus): string {
  return ctx.tr(`web.supervision.state.${part.state}`, { pid: part.pid ?? '?' });
}

/** The supervisor's section: per part its state, restarts since `npm start`, last exit and log file. */
function supervisionSection(ctx: PageContext, data: LandingData): SafeHtml | '' {
  if (!data.supervision) return '';
  const { tr } = ctx;
  return html`<h2>${tr('web.supervision.heading')}</h2>
    <p>${tr('web.supervision.intro')}</p>
    ${table(ctx, {
      testId: 'supervision',
      rows: data.supervision.parts,
      rowAttributes: (p) => ({ part: p.name, state: p.state, restarts: String(p.restarts) }),
      columns: [
        { heading: tr('web.health.part'), cell: (p) => tr(`web.part.${p.name}`) },
        {
          heading: tr('web.health.status'),
          cell: (p) =>
            html`<span class="${p.state === 'running' ? 'ok' : 'bad'}">${stateText(ctx, p)}</span>`,
        },
        {
          heading: tr('web.supervision.restarts'),
          cell: (p) => html`<span data-testid="restarts">${p.restarts}</span>`,
        },
        {
          heading: tr('web.supervision.lastExit'),
          cell: (p) => html`<span data-testid="last-exit">${lastExitText(ctx, p.lastExit, ctx.lang)}</span>`,
        },
        { heading: tr('web.supervision.log'), cell: (p) => html`<code>${p.logFile ?? ''}</code>` },
      ],
    })}`;
}

/** The e-mail section: failed messages and bounced addresses raised to the administrators. */
function mailSection(ctx: PageContext, data: LandingData): SafeHtml | '' {
  if (!data.mail) return '';
  const { tr } = ctx;
  const { failures, bounced } = data.mail;
  const lines =
    failures === 0 && bounced === 0
      ? html`<p class="ok" data-testid="mail-failures" data-count="0">${tr('web.mail.noFailures')}</p>`
      : html`<p class="bad" data-testid="mail-failures" data-count="${failures}">
            ${tr('web.mail.failures', { count: failures })} <code>twinning mail failures</code>
          </p>
          ${bounced > 0
            ? html`<p class="bad" data-testid="mail-bounced">
                ${tr('web.mail.bounced', { count: bounced })}
              </p>`
            : ''}`;
  return html`<h2>${tr('web.mail.heading')}</h2>
    ${lines}`;
}

/** Renders the landing page. */
export function renderLanding(ctx: PageContext, data: LandingData): string {
  const { tr } = ctx;
  const roster =
    data.units === undefined || data.pairs === undefined
      ? ''
      : html`<p data-testid="roster-summary">
          ${tr('web.roster.summary', { units: data.units, pairs: data.pairs })}
        </p>`;
  const body = html`<h1>${tr('web.health.heading')}</h1>
    ${table(ctx, {
      testId: 'health',
      rows: data.health,
      rowAttributes: (h) => ({ part: h.part, ok: String(h.ok) }),
      columns: [
        { heading: tr('web.health.part'), cell: (h) => tr(`web.part.${h.part}`) },
        {
          heading: tr('web.health.status'),
          cell: (h) =>
            html`<span class="${h.ok ? 'ok' : 'bad'}"
              >${tr(h.ok ? 'web.health.ok' : 'web.health.bad')}</span
            >`,
        },
        { heading: tr('web.health.detail'), cell: (h) => html`${h.detail} <small>(${h.ms} ms)</small>` },
      ],
    })}
    <p><small>${tr('web.checkedAt', { at: formatDateTime(data.checkedAt) })}</small></p>
    ${supervisionSection(ctx, data)} ${roster} ${mailSection(ctx, data)}
    <h2>${tr('web.links.heading')}</h2>
    <ul>
      ${ctx.user ? '' : html`<li><a href="/sign-in" data-testid="sign-in">${tr('web.links.signIn')}</a></li>`}
      <li><a href="${data.temporalUiUrl}" data-testid="temporal-ui">${tr('web.links.temporalUi')}</a></li>
      ${mayOpen(ctx.actor, 'manage')
        ? html`<li><a href="/outbox" data-testid="outbox-link">${tr('web.links.outbox')}</a></li>`
        : ''}
    </ul>`;
  return layout(ctx, { title: tr('web.title'), body });
}
