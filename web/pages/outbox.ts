/**
 * "Hộp thư đi / Outbox": the messages the embedded SMTP catcher kept (read from its .eml files), one message
 * in full, and the state of the delivery ledger. Everything shown is escaped; a message's HTML body is shown
 * in a sandboxed frame so its markup cannot act on this page.
 */
import { formatDateTime } from '../../domain/format';
import { t, type Lang } from '../../domain/messages';
import { mailVocabulary } from '../../domain/messages/mail';
import type { Notification } from '../../generated/prisma';
import type { OutboxEntry, OutboxMessage } from '../../mail/outbox';
import { escapeHtml } from '../../domain/html';
import { pageShell } from '../html';

/** What the Outbox page shows. */
export interface OutboxPageData {
  readonly lang: Lang;
  readonly dir: string;
  readonly entries: readonly OutboxEntry[];
  readonly ledger: readonly Notification[];
  readonly counts: Readonly<Record<Notification['status'], number>>;
}

function statusOf(row: Notification): keyof typeof mailVocabulary.status {
  return row.status === 'SENT' && row.messageId === null ? 'SKIPPED' : row.status;
}

/** Renders the list of kept messages and the newest ledger rows. */
export function renderOutbox(data: OutboxPageData): string {
  const { lang } = data;
  const h = (key: Parameters<typeof t>[0]): string => escapeHtml(t(key, {}, lang));
  const rows = data.entries
    .map(
      (e) => `<tr data-testid="outbox-row"><td>${escapeHtml(e.date ? formatDateTime(e.date) : '-')}</td>
<td>${escapeHtml(e.to)}${e.cc ? `<br><small>cc: ${escapeHtml(e.cc)}</small>` : ''}</td>
<td><a href="/outbox/${escapeHtml(e.id)}?lang=${lang}">${escapeHtml(e.subject)}</a></td>
<td>${escapeHtml(e.attachments.join(', '))}</td></tr>`,
    )
    .join('\n');
  const list =
    data.entries.length === 0
      ? `<p data-testid="outbox-empty">${escapeHtml(t('web.outbox.noCatcher', { dir: data.dir }, lang))}</p>`
      : `<p>${escapeHtml(t('web.outbox.caught', { dir: data.dir }, lang))}</p>
<table data-testid="outbox"><thead><tr><th>${h('web.outbox.date')}</th><th>${h('web.outbox.to')}</th><th>${h('web.outbox.subject')}</th><th>${h('web.outbox.attachments')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
  const ledgerRows = data.ledger
    .map((r) => {
      const status = mailVocabulary.status[statusOf(r)][lang];
      return `<tr data-status="${r.status}"><td>${escapeHtml(formatDateTime(r.createdAt))}</td><td>${escapeHtml(mailVocabulary.kind[r.kind][lang])}</td>
<td>${escapeHtml(r.subject ?? r.idempotencyKey)}</td><td class="${r.status === 'FAILED' ? 'bad' : r.status === 'SENT' ? 'ok' : ''}">${escapeHtml(status)}</td>
<td>${r.attempts}</td><td><small>${escapeHtml(r.lastError ?? r.smtpReply ?? '')}</small></td></tr>`;
    })
    .join('\n');
  const c = data.counts;
  const body = `<h1>${h('web.outbox.title')}</h1>
${list}
<h2>${h('web.outbox.ledger')}</h2>
<p data-testid="ledger-counts">${escapeHtml(t('web.outbox.counts', { pending: c.PENDING, sending: c.SENDING, sent: c.SENT, failed: c.FAILED }, lang))}</p>
<table data-testid="ledger"><thead><tr><th>${h('web.outbox.date')}</th><th>${h('web.outbox.kind')}</th><th>${h('web.outbox.subject')}</th><th>${h('web.outbox.status')}</th><th>${h('web.outbox.attempts')}</th><th>${h('web.outbox.reply')}</th></tr></thead>
<tbody>${ledgerRows}</tbody></table>`;
  return pageShell({
    lang,
    title: `${t('web.outbox.title', {}, lang)} — ${t('web.title', {}, lang)}`,
    body,
    path: '/outbox',
  });
}

/** Renders one kept message: headers, plain text, HTML in a sandboxed frame. */
export function renderOutboxMessage(lang: Lang, message: OutboxMessage | undefined): string {
  const back = `<p><a href="/outbox?lang=${lang}">${escapeHtml(t('web.outbox.back', {}, lang))}</a></p>`;
  if (!message) {
    return pageShell({
      lang,
      title: t('web.outbox.title', {}, lang),
      body: `${back}<p>${escapeHtml(t('web.outbox.notFound', {}, lang))}</p>`,
      path: '/outbox',
    });
  }
  const frame = message.html
    ? `<iframe sandbox="" style="width:100%;height:480px;border:1px solid #d9dde3;background:#fff" srcdoc="${escapeHtml(message.html)}"></iframe>`
    : '';
  const body = `${back}<h1 data-testid="message-subject">${escapeHtml(message.subject)}</h1>
<table><tbody>
<tr><th>${escapeHtml(t('web.outbox.date', {}, lang))}</th><td>${escapeHtml(message.date ? formatDateTime(message.date) : '-')}</td></tr>
<tr><th>${escapeHtml(t('web.outbox.to', {}, lang))}</th><td>${escapeHtml(message.to)}${message.cc ? `<br>cc: ${escapeHtml(message.cc)}` : ''}</td></tr>
<tr><th>Message-ID</th><td>${escapeHtml(message.messageId)}</td></tr>
<tr><th>${escapeHtml(t('web.outbox.attachments', {}, lang))}</th><td>${escapeHtml(message.attachments.join(', '))}</td></tr>
</tbody></table>
${frame}
<pre style="white-space:pre-wrap;background:#fff;border:1px solid #d9dde3;padding:12px">${escapeHtml(message.text)}</pre>`;
  return pageShell({ lang, title: message.subject, body, path: '/outbox' });
}
