/** The landing page: each part's health, the roster's size, and links (the full dashboard comes later). */
import { formatDateTime } from '../../domain/format';
import { t, type Lang } from '../../domain/messages';
import type { HealthResult } from '../../system/health';
import { escapeHtml } from '../../domain/html';
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
${roster}
${mailSection(data)}
<h2>${escapeHtml(t('web.links.heading', {}, lang))}</h2>
<ul><li><a href="${escapeHtml(data.temporalUiUrl)}" data-testid="temporal-ui">${escapeHtml(t('web.links.temporalUi', {}, lang))}</a></li>
<li><a href="/outbox?lang=${lang}" data-testid="outbox-link">${escapeHtml(t('web.links.outbox', {}, lang))}</a></li></ul>`;
  return pageShell({ lang, title: t('web.title', {}, lang), body, path: '/' });
}
