/**
 * The landing page: each part's health, the supervisor's restarts, the roster's size, and links (the full
 * dashboard comes later).
 */
import { formatDateTime } from '../../domain/format';
import { t, type Lang } from '../../domain/messages';
import type { HealthResult } from '../../system/health';
import { escapeHtml } from '../../domain/html';
import {
  exitText,
  type PartExit,
  type PartStatus,
  type SupervisionStatus,
} from '../../system/supervisor-status';
import { pageShell } from '../html';

/** What the landing page shows. */
export interface LandingData {
  readonly lang: Lang;
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
function lastExitText(exit: PartExit | undefined, lang: Lang): string {
  if (!exit) return t('web.supervision.never', {}, lang);
  return t('web.supervision.exit', { at: formatDateTime(exit.at), exit: exitText(exit, lang) }, lang);
}

function stateText(part: PartStatus, lang: Lang): string {
  return t(`web.supervision.state.${part.state}`, { pid: part.pid ?? '?' }, lang);
}

/** The supervisor's section: per part its state, restarts since `npm start`, last exit and log file. */
function supervisionSection(data: LandingData): string {
  if (!data.supervision) return '';
  const { lang } = data;
  const rows = data.supervision.parts
    .map(
      (p) => `<tr data-part="${p.name}" data-state="${p.state}" data-restarts="${p.restarts}">
<td>${escapeHtml(t(`web.part.${p.name}`, {}, lang))}</td>
<td class="${p.state === 'running' ? 'ok' : 'bad'}">${escapeHtml(stateText(p, lang))}</td>
<td data-testid="restarts">${p.restarts}</td>
<td data-testid="last-exit">${escapeHtml(lastExitText(p.lastExit, lang))}</td>
<td><code>${escapeHtml(p.logFile ?? '')}</code></td></tr>`,
    )
    .join('\n');
  return `<h2>${escapeHtml(t('web.supervision.heading', {}, lang))}</h2>
<p>${escapeHtml(t('web.supervision.intro', {}, lang))}</p>
<table data-testid="supervision">
<thead><tr><th>${escapeHtml(t('web.health.part', {}, lang))}</th><th>${escapeHtml(t('web.health.status', {}, lang))}</th><th>${escapeHtml(t('web.supervision.restarts', {}, lang))}</th><th>${escapeHtml(t('web.supervision.lastExit', {}, lang))}</th><th>${escapeHtml(t('web.supervision.log', {}, lang))}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** The e-mail section: failed messages and bounced addresses raised to the administrators. */
function mailSection(data: LandingData): string {
  if (!data.mail) return '';
  const { lang } = data;
  const { failures, bounced } = data.mail;
  const lines =
    failures === 0 && bounced === 0
      ? `<p class="ok" data-testid="mail-failures" data-count="0">${escapeHtml(t('web.mail.noFailures', {}, lang))}</p>`
      : `<p class="bad" data-testid="mail-failures" data-count="${failures}">${escapeHtml(t('web.mail.failures', { count: failures }, lang))} <code>twinning mail failures</code></p>` +
        (bounced > 0
          ? `<p class="bad" data-testid="mail-bounced">${escapeHtml(t('web.mail.bounced', { count: bounced }, lang))}</p>`
          : '');
  return `<h2>${escapeHtml(t('web.mail.heading', {}, lang))}</h2>\n${lines}`;
}

/** Renders the landing page. */
export function renderLanding(data: LandingData): string {
  const { lang } = data;
  const rows = data.health
    .map(
      (h) => `<tr data-part="${h.part}" data-ok="${h.ok}">
<td>${escapeHtml(t(`web.part.${h.part}`, {}, lang))}</td>
<td class="${h.ok ? 'ok' : 'bad'}">${escapeHtml(t(h.ok ? 'web.health.ok' : 'web.health.bad', {}, lang))}</td>
<td>${escapeHtml(h.detail)} <small>(${h.ms} ms)</small></td></tr>`,
    )
    .join('\n');
  const roster =
    data.units === undefined || data.pairs === undefined
      ? ''
      : `<p data-testid="roster-summary">${escapeHtml(t('web.roster.summary', { units: data.units, pairs: data.pairs }, lang))}</p>`;
  const body = `<h1>${escapeHtml(t('web.health.heading', {}, lang))}</h1>
<table data-testid="health">
<thead><tr><th>${escapeHtml(t('web.health.part', {}, lang))}</th><th>${escapeHtml(t('web.health.status', {}, lang))}</th><th>${escapeHtml(t('web.health.detail', {}, lang))}</th></tr></thead>
<tbody>${rows}</tbody></table>
<p><small>${escapeHtml(t('web.checkedAt', { at: formatDateTime(data.checkedAt) }, lang))}</small></p>
${supervisionSection(data)}
${roster}
${mailSection(data)}
<h2>${escapeHtml(t('web.links.heading', {}, lang))}</h2>
<ul><li><a href="${escapeHtml(data.temporalUiUrl)}" data-testid="temporal-ui">${escapeHtml(t('web.links.temporalUi', {}, lang))}</a></li>
<li><a href="/outbox?lang=${lang}" data-testid="outbox-link">${escapeHtml(t('web.links.outbox', {}, lang))}</a></li></ul>`;
  return pageShell({ lang, title: t('web.title', {}, lang), body, path: '/' });
}
