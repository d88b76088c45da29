/**
 * "Hộp thư đi / Outbox" (administrators): the messages the embedded SMTP catcher kept (read from its .eml
 * files), one message in full, and the state of the delivery ledger. Everything shown is escaped; a message's
 * HTML body is shown in a sandboxed frame so its markup cannot act on this page.
 */
import { formatDateTime } from '../../domain/format';
import { mailVocabulary } from '../../domain/messages/mail';
import type { Notification } from '../../generated/prisma';
import type { OutboxEntry, OutboxMessage } from '../../mail/outbox';
import { html } from './html';
import { layout, type PageContext } from './layout';
import { scrollRegion, table } from './table';

/** What the Outbox page shows. */
export interface OutboxPageData {
  readonly dir: string;
  readonly entries: readonly OutboxEntry[];
  readonly ledger: readonly Notification[];
  readonly counts: Readonly<Record<Notification['status'], number>>;
}

function statusOf(row: Notification): keyof typeof mailVocabulary.status {
  return row.status === 'SENT' && row.messageId === null ? 'SKIPPED' : row.status;
}

/** Renders the list of kept messages and the newest ledger rows. */
export function renderOutbox(ctx: PageContext, data: OutboxPageData): string {
  const { tr, lang } = ctx;
  const list =
    data.entries.length === 0
      ? html`<p data-testid="outbox-empty">${tr('web.outbox.noCatcher', { dir: data.dir })}</p>`
      : html`<p>${tr('web.outbox.caught', { dir: data.dir })}</p>
          ${table(ctx, {
            testId: 'outbox',
            rows: data.entries,
            rowAttributes: () => ({ testid: 'outbox-row' }),
            columns: [
              { heading: tr('web.outbox.date'), cell: (e) => (e.date ? formatDateTime(e.date) : '-') },
              {
                heading: tr('web.outbox.to'),
                cell: (e) => html`${e.to}${e.cc ? html`<br /><small>cc: ${e.cc}</small>` : ''}`,
              },
              {
                heading: tr('web.outbox.subject'),
                cell: (e) => html`<a href="/outbox/${encodeURIComponent(e.id)}">${e.subject}</a>`,
              },
              { heading: tr('web.outbox.attachments'), cell: (e) => e.attachments.join(', ') },
            ],
          })}`;
  const c = data.counts;
  const body = html`<h1>${tr('web.outbox.title')}</h1>
    ${list}
    <h2>${tr('web.outbox.ledger')}</h2>
    <p data-testid="ledger-counts">
      ${tr('web.outbox.counts', { pending: c.PENDING, sending: c.SENDING, sent: c.SENT, failed: c.FAILED })}
    </p>
    ${table(ctx, {
      testId: 'ledger',
      rows: data.ledger,
      rowAttributes: (r) => ({ status: r.status }),
      columns: [
        { heading: tr('web.outbox.date'), cell: (r) => formatDateTime(r.createdAt) },
        { heading: tr('web.outbox.kind'), cell: (r) => mailVocabulary.kind[r.kind][lang] },
        { heading: tr('web.outbox.subject'), cell: (r) => r.subject ?? r.idempotencyKey },
        {
          heading: tr('web.outbox.status'),
          cell: (r) =>
            html`<span class="${r.status === 'FAILED' ? 'bad' : r.status === 'SENT' ? 'ok' : ''}"
              >${mailVocabulary.status[statusOf(r)][lang]}</span
            >`,
        },
        { heading: tr('web.outbox.attempts'), cell: (r) => r.attempts, numeric: true },
        {
          heading: tr('web.outbox.reply'),
          cell: (r) => html`<small>${r.lastError ?? r.smtpReply ?? ''}</small>`,
        },
      ],
    })}`;
  return layout(ctx, { title: `${tr('web.outbox.title')} — ${tr('web.title')}`, body });
}

/** Renders one kept message: headers, plain text, HTML in a sandboxed frame. */
export function renderOutboxMessage(ctx: PageContext, message: OutboxMessage): string {
  const { tr } = ctx;
  const back = html`<p><a href="/outbox">${tr('web.outbox.back')}</a></p>`;
  const body = html`${back}
    <h1 data-testid="message-subject">${message.subject}</h1>
    <div class="table-wrap" ${scrollRegion(ctx, tr('web.outbox.headers'))}>
      <table>
        <tbody>
          <tr>
            <th scope="row">${tr('web.outbox.date')}</th>
            <td>${message.date ? formatDateTime(message.date) : '-'}</td>
          </tr>
          <tr>
            <th scope="row">${tr('web.outbox.to')}</th>
            <td>${message.to}${message.cc ? html`<br />cc: ${message.cc}` : ''}</td>
          </tr>
          <tr>
            <th scope="row">Message-ID</th>
            <td>${message.messageId}</td>
          </tr>
          <tr>
            <th scope="row">${tr('web.outbox.attachments')}</th>
            <td>${message.attachments.join(', ')}</td>
          </tr>
        </tbody>
      </table>
    </div>
    ${message.html
      ? html`<iframe
          class="mail-frame"
          sandbox=""
          title="${message.subject}"
          srcdoc="${message.html}"
        ></iframe>`
      : ''}
    <pre class="mail-text">${message.text}</pre>`;
  return layout(ctx, { title: message.subject, body });
}
