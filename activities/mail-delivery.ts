/**
 * Delivery of one ledger row (`Notification`) over SMTP, exactly once as far as SMTP allows.
 *
 * 1. The row is claimed with one conditional UPDATE (PENDING, or SENDING whose claim is older than the lease →
 *    SENDING, attempts + 1, claimedAt = now). Only one attempt at a time can hold the claim.
 * 2. The message is composed from the database (roster, read model) and sent with a Message-ID derived from the
 *    idempotency key.
 * 3. As soon as the server accepts (250), the row is marked SENT with the reply and the Message-ID, before
 *    anything else is done. A retry finds the row SENT and does nothing.
 *
 * The one window that can still produce a duplicate: the server has taken the message (end of DATA) and the
 * process dies before the SENT write commits (or the reply is lost on the wire). The next attempt re-claims
 * the stale row and sends again, with the same Message-ID, so a receiving system can drop the copy. Nothing
 * runs between the reply and the write, which keeps this window to one database round trip. See docs/mail.md.
 *
 * Failures: a 4yz reply or a connection problem releases the claim (PENDING) and throws a retryable failure;
 * Temporal retries with backoff until the horizon (MAIL_RETRY_HORIZON, counted from the row's creation), after
 * which the row is FAILED. A 5yz reply marks the row FAILED at once, flags a bounced address on its contact,
 * and throws a non-retryable failure.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import { escalations } from '../domain/calendar/deadlines';
import { OBLIGATION_PARTIES, type ObligationId, type Party } from '../domain/cycle/types';
import {
  classifySmtpFailure,
  describeSmtpFailure,
  isAddressBounce,
  messageIdFor,
  normaliseAddress,
  renderObligationMail,
  renderTestMail,
  replyCodeOf,
  resolveRecipients,
  type RenderedMail,
  type ResolvedRecipients,
  type SmtpErrorLike,
} from '../domain/mail';
import { t } from '../domain/messages';
import type { Notification, PrismaClient } from '../generated/prisma';
import { loadYearCalendar } from '../services/calendar-store';
import type { AppConfig } from '../worker/config';
import {
  MAIL_CLAIM_BUSY,
  MAIL_HORIZON_EXCEEDED,
  MAIL_NO_RECIPIENTS,
  NOTIFICATION_NOT_FOUND,
  SMTP_PERMANENT,
  SMTP_TRANSIENT,
} from './errors';
import { MAIL_CLAIM_LEASE_MS } from './mail-delivery-options';

export { MAIL_DELIVERY_ACTIVITY_OPTIONS, MAIL_CLAIM_LEASE_MS } from './mail-delivery-options';

/** Configuration the delivery reads. */
export type MailDeliveryConfig = Pick<AppConfig, 'smtp' | 'mail' | 'lang' | 'web'>;

/** What the delivery activities need. */
export interface MailDeliveryDeps {
  readonly prisma: PrismaClient;
  readonly mailer: Transporter;
  readonly config: MailDeliveryConfig;
  /** The clock (tests move it to cross the horizon). */
  readonly now?: () => Date;
  /** Age after which a SENDING claim may be re-taken; default {@link MAIL_CLAIM_LEASE_MS}. */
  readonly claimLeaseMs?: number;
}

/** Input of {@link MailDeliveryActivities.deliverNotification}. */
export interface DeliverNotificationInput {
  readonly idempotencyKey: string;
  /**
   * Who still owes the obligation (the `parties` of the machine's notify action). Optional: without it the
   * obligation's default parties are used, narrowed for O3 to the sides that have not signed.
   */
  readonly parties?: readonly Party[];
}

/** Outcome of one delivery. */
export interface DeliveryResult {
  /**
   * `sent`: accepted by the server now; `alreadySent`: an earlier attempt did it; `failed`: the row was
   * already FAILED; `skipped`: not needed any more (the obligation was met or waived meanwhile).
   */
  readonly status: 'sent' | 'alreadySent' | 'failed' | 'skipped';
  readonly messageId?: string;
  /** The server's reply when sent now. */
  readonly smtpReply?: string;
}

/** The activities of this file, by name (workflows proxy them by type only). */
export interface MailDeliveryActivities {
  deliverNotification(input: DeliverNotificationInput): Promise<DeliveryResult>;
}

/** A composed message: what to send, or why not. */
export type Composed =
  | { readonly kind: 'send'; readonly mail: RenderedMail; readonly recipients: ResolvedRecipients }
  | { readonly kind: 'skip'; readonly reason: string };

/** Builds the message of a claimed row; {@link deliverLedgerRow} calls it once per attempt. */
export type Composer = (row: Notification, now: Date) => Promise<Composed>;

/** The reply text stored on a row that was skipped (status SENT without a Message-ID). */
export const SKIPPED_PREFIX = 'skipped: ';

/** Whether a ledger row is a skipped one (recorded as SENT without a Message-ID; see docs/mail.md). */
export function isSkippedRow(row: Pick<Notification, 'status' | 'messageId' | 'smtpReply'>): boolean {
  return row.status === 'SENT' && row.messageId === null && (row.smtpReply ?? '').startsWith(SKIPPED_PREFIX);
}

interface SendInfo {
  readonly response?: string;
  readonly rejected?: ReadonlyArray<string | { address: string }>;
  readonly rejectedErrors?: ReadonlyArray<SmtpErrorLike & { recipient?: string }>;
}

interface SmtpFailure extends SmtpErrorLike {
  readonly rejectedErrors?: ReadonlyArray<SmtpErrorLike & { recipient?: string }>;
}

/** Ban Dân tộc and leadership addresses: users with role ADMIN / LEADERSHIP plus the configured lists. */
export async function standingRecipients(
  prisma: PrismaClient,
  config: MailDeliveryConfig,
): Promise<{ coordinator: string[]; leadership: string[] }> {
  const users = await prisma.user.findMany({
    where: { role: { in: ['ADMIN', 'LEADERSHIP'] } },
    select: { email: true, role: true },
    orderBy: { email: 'asc' },
  });
  const bounced = new Set(
    (await prisma.contact.findMany({ where: { bouncedAt: { not: null } }, select: { email: true } })).map(
      (c) => normaliseAddress(c.email),
    ),
  );
  const live = (list: readonly string[]): string[] => list.filter((a) => !bounced.has(normaliseAddress(a)));
  return {
    coordinator: live([
      ...users.filter((u) => u.role === 'ADMIN').map((u) => u.email),
      ...config.mail.coordinatorEmails,
    ]),
    leadership: live([
      ...users.filter((u) => u.role === 'LEADERSHIP').map((u) => u.email),
      ...config.mail.leadershipEmails,
    ]),
  };
}

/** The link to a pair's page on the web server (the page of the pair's cycle in `year`). */
export function pairPageUrl(publicBaseUrl: string, pairCode: string, year: number): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/pairs/${encodeURIComponent(pairCode)}?year=${year}`;
}

const SETTLED = new Set(['SUBMITTED', 'LATE', 'WAIVED', 'NOT_APPLICABLE']);

/** The yyyy-mm-dd of a stored end-of-day instant (17:00 UTC of the day = 24:00 local). */
function dayOfEndInstant(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Composes reminders, progress reminders, escalations and the test message from the database. */
export function obligationComposer(
  deps: Pick<MailDeliveryDeps, 'prisma' | 'config'>,
  parties?: readonly Party[],
): Composer {
  const { prisma, config } = deps;
  return async (row, now) => {
    if (row.kind === 'TEST') {
      const mail = renderTestMail(
        { idempotencyKey: row.idempotencyKey, at: now, server: smtpServerName(config.smtp.url) },
        config.lang,
      );
      return { kind: 'send', mail, recipients: { to: [...row.recipients], cc: [], skippedBounced: [] } };
    }
    if (!row.cycleId || !row.obligation)
      throw ApplicationFailure.nonRetryable(
        `ledger row ${row.idempotencyKey} has no cycle`,
        NOTIFICATION_NOT_FOUND,
      );
    const cycle = await prisma.cycle.findUnique({
      where: { id: row.cycleId },
      include: {
        pair: {
          include: {
            sponsor: { include: { contacts: true } },
            recipient: { include: { contacts: true } },
          },
        },
        obligations: { where: { obligation: row.obligation } },
        submissions: { where: { obligation: 'O3' }, select: { side: true } },
      },
    });
    if (!cycle)
      throw ApplicationFailure.nonRetryable(
        `the cycle of ${row.idempotencyKey} is gone`,
        NOTIFICATION_NOT_FOUND,
      );
    const obligation: ObligationId = row.obligation;
    const state = cycle.obligations[0];
    // A reminder delayed by SMTP trouble must not chase an obligation that was met or waived meanwhile. Quarterly
    // progress reminders are periodic: they ask for the next entries whatever O4's status, so they always go.
    if (row.kind !== 'PROGRESS_REMINDER' && state && SETTLED.has(state.status))
      return { kind: 'skip', reason: `${obligation} is ${state.status}` };
    const signed = new Set(cycle.submissions.map((s) => (s.side === 'SPONSOR' ? 'sponsor' : 'recipient')));
    const owing: readonly Party[] =
      parties ??
      OBLIGATION_PARTIES[obligation].filter(
        (p) => obligation !== 'O3' || p === 'coordinator' || !signed.has(p),
      );
    const { pair } = cycle;
    const unitOf = (p: Party): typeof pair.sponsor | undefined =>
      p === 'sponsor' ? pair.sponsor : p === 'recipient' ? pair.recipient : undefined;
    const standing = await standingRecipients(prisma, config);
    const responsible = owing.flatMap((p) => {
      const unit = unitOf(p);
      return unit
        ? [
            {
              code: unit.code,
              name: unit.name,
              contacts: unit.contacts.map((c) => ({
                email: c.email,
                role: c.role,
                bounced: c.bouncedAt !== null,
              })),
            },
          ]
        : [];
    });
    const kind =
      row.kind === 'ESCALATION'
        ? 'escalation'
        : row.kind === 'PROGRESS_REMINDER'
          ? 'progressReminder'
          : 'reminder';
    const recipients = resolveRecipients({
      kind,
      ...(row.level !== null ? { level: row.level } : {}),
      responsible,
      coordinatorOwes: owing.includes('coordinator'),
      coordinator: standing.coordinator,
      leadership: standing.leadership,
    });
    const dueDate = dayOfEndInstant(row.dueAt ?? state?.effectiveDue ?? now);
    const statutoryDue = state ? dayOfEndInstant(state.statutoryDue) : undefined;
    let escalationDates: { 1?: string; 2?: string } | undefined;
    try {
      const year = await loadYearCalendar(prisma, cycle.year);
      const list = escalations(dueDate, year.settings, year.calendar);
      escalationDates = Object.fromEntries(list.map((e) => [e.level, e.date]));
    } catch {
      // Invalid stored settings must not stop a reminder: the text then names no escalation dates.
      escalationDates = undefined;
    }
    const mail = renderObligationMail(
      {
        kind,
        ...(row.level !== null ? { level: row.level } : {}),
        idempotencyKey: row.idempotencyKey,
        workflowId: cycle.workflowId,
        obligation,
        pairCode: pair.code,
        year: cycle.year,
        sponsorName: pair.sponsor.name,
        recipientName: pair.recipient.name,
        owing: owing.map((p) => ({ party: p, name: unitOf(p)?.name ?? '' })),
        dueDate,
        ...(statutoryDue ? { statutoryDue } : {}),
        ...(escalationDates ? { escalationDates } : {}),
        now,
        pairUrl: pairPageUrl(config.web.publicBaseUrl, pair.code, cycle.year),
      },
      config.lang,
    );
    return { kind: 'send', mail, recipients };
  };
}

/** `host:port` of an SMTP URL, without credentials (for messages and logs). */
export function smtpServerName(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'SMTP';
  }
}

async function flagBounced(prisma: PrismaClient, address: string, reply: string, now: Date): Promise<void> {
  await prisma.contact.updateMany({
    where: { email: { equals: address, mode: 'insensitive' }, bouncedAt: null },
    data: { bouncedAt: now, bounceReply: reply.slice(0, 500) },
  });
}

async function markFailed(
  prisma: PrismaClient,
  key: string,
  data: { lastError: string; smtpReply?: string | null; now: Date },
): Promise<void> {
  // Never overwrite SENT: a zombie attempt failing late must not undo a delivery.
  await prisma.notification.updateMany({
    where: { idempotencyKey: key, status: { in: ['PENDING', 'SENDING'] } },
    data: {
      status: 'FAILED',
      lastError: data.lastError,
      smtpReply: data.smtpReply ?? null,
      claimedAt: data.now,
    },
  });
}

function resultOfFinished(row: Notification): DeliveryResult | undefined {
  if (row.status === 'SENT') {
    return isSkippedRow(row)
      ? { status: 'skipped' }
      : { status: 'alreadySent', ...(row.messageId ? { messageId: row.messageId } : {}) };
  }
  if (row.status === 'FAILED') return { status: 'failed' };
  return undefined;
}

/**
 * Claims, composes, sends and records one ledger row. Shared by every kind of message (reminders, digest,
 * test); throws `ApplicationFailure`s typed as in `./errors`.
 */
export async function deliverLedgerRow(
  deps: MailDeliveryDeps,
  idempotencyKey: string,
  compose: Composer,
): Promise<DeliveryResult> {
  const { prisma, mailer, config } = deps;
  const now = (deps.now ?? (() => new Date()))();
  const lease = deps.claimLeaseMs ?? MAIL_CLAIM_LEASE_MS;
  const row = await prisma.notification.findUnique({ where: { idempotencyKey } });
  if (!row)
    throw ApplicationFailure.nonRetryable(`no ledger row for ${idempotencyKey}`, NOTIFICATION_NOT_FOUND);
  const finished = resultOfFinished(row);
  if (finished) return finished;

  const horizonHours = Math.round(config.mail.retryHorizonMs / 3_600_000);
  if (now.getTime() - row.createdAt.getTime() > config.mail.retryHorizonMs) {
    const lastError = t('mail.error.horizon', { hours: horizonHours, error: row.lastError ?? '-' }, 'en');
    await markFailed(prisma, idempotencyKey, { lastError, smtpReply: row.smtpReply, now });
    throw ApplicationFailure.nonRetryable(lastError, MAIL_HORIZON_EXCEEDED);
  }

  // The claim: one conditional UPDATE, atomic in PostgreSQL. A SENDING row whose claim is older than the
  // lease belongs to an attempt that is over (the worker was killed or the attempt timed out).
  const claimed = await prisma.notification.updateMany({
    where: {
      idempotencyKey,
      OR: [
        { status: 'PENDING' },
        { status: 'SENDING', claimedAt: null },
        { status: 'SENDING', claimedAt: { lt: new Date(now.getTime() - lease) } },
      ],
    },
    data: { status: 'SENDING', attempts: { increment: 1 }, claimedAt: now },
  });
  if (claimed.count === 0) {
    const current = await prisma.notification.findUnique({ where: { idempotencyKey } });
    const done = current && resultOfFinished(current);
    if (done) return done;
    throw ApplicationFailure.retryable(`${idempotencyKey} is claimed by another attempt`, MAIL_CLAIM_BUSY);
  }

  const composed = await compose(row, now).catch(async (error: unknown) => {
    // Release the claim so that the retry does not wait for the lease.
    await prisma.notification.updateMany({
      where: { idempotencyKey, status: 'SENDING' },
      data: { status: 'PENDING' },
    });
    throw error;
  });
  if (composed.kind === 'skip') {
    await prisma.notification.updateMany({
      where: { idempotencyKey, status: 'SENDING' },
      data: { status: 'SENT', smtpReply: `${SKIPPED_PREFIX}${composed.reason}`, sentAt: now },
    });
    return { status: 'skipped' };
  }
  const { mail, recipients } = composed;
  if (recipients.to.length === 0) {
    const lastError = t('mail.error.noRecipients', {}, 'en');
    await prisma.notification.updateMany({
      where: { idempotencyKey, status: 'SENDING' },
      data: { status: 'FAILED', lastError, subject: mail.subject, recipients: [] },
    });
    throw ApplicationFailure.nonRetryable(lastError, MAIL_NO_RECIPIENTS);
  }

  const messageId = messageIdFor(idempotencyKey);
  let info: SendInfo;
  try {
    info = (await mailer.sendMail({
      from: config.smtp.from,
      to: recipients.to,
      ...(recipients.cc.length > 0 ? { cc: recipients.cc } : {}),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Twinning-Kind': row.kind },
      attachments: mail.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
      })),
    })) as SendInfo;
  } catch (caught) {
    const error = (caught ?? {}) as SmtpFailure;
    const reply = describeSmtpFailure(error);
    const code = replyCodeOf(error);
    const rejected = error.rejectedErrors ?? [];
    const failure = classifySmtpFailure(error);
    // Every recipient refused at RCPT TO: each 5yz refusal is a bounce of that address.
    for (const r of rejected) {
      const rReply = describeSmtpFailure(r);
      if (r.recipient && isAddressBounce(rReply, 'rcpt')) await flagBounced(prisma, r.recipient, rReply, now);
    }
    const anyTransientRcpt = rejected.some((r) => classifySmtpFailure(r) === 'transient');
    if (failure === 'permanent' && !anyTransientRcpt) {
      if (
        rejected.length === 0 &&
        isAddressBounce(reply, 'data') &&
        recipients.to.length + recipients.cc.length === 1
      ) {
        await flagBounced(prisma, recipients.to[0] ?? '', reply, now);
      }
      await markFailed(prisma, idempotencyKey, { lastError: reply, smtpReply: code ? reply : null, now });
      await prisma.notification.updateMany({
        where: { idempotencyKey },
        data: { subject: mail.subject, recipients: [...recipients.to, ...recipients.cc] },
      });
      throw ApplicationFailure.nonRetryable(`SMTP refused ${idempotencyKey}: ${reply}`, SMTP_PERMANENT);
    }
    if (now.getTime() - row.createdAt.getTime() > config.mail.retryHorizonMs) {
      await markFailed(prisma, idempotencyKey, { lastError: reply, now });
      throw ApplicationFailure.nonRetryable(reply, MAIL_HORIZON_EXCEEDED);
    }
    // We know the server did not confirm: release the claim so the next attempt can take it at once.
    await prisma.notification.updateMany({
      where: { idempotencyKey, status: 'SENDING' },
      data: { status: 'PENDING', lastError: reply, smtpReply: code ? reply : null },
    });
    throw ApplicationFailure.retryable(`SMTP trouble for ${idempotencyKey}: ${reply}`, SMTP_TRANSIENT);
  }

  // The server accepted: record it before anything else (this write closes the duplicate window).
  const rejectedErrors = info.rejectedErrors ?? [];
  const rejectedNote =
    rejectedErrors.length > 0
      ? rejectedErrors.map((r) => `${r.recipient ?? '?'}: ${describeSmtpFailure(r)}`).join('; ')
      : null;
  await prisma.notification.updateMany({
    where: { idempotencyKey, status: 'SENDING' },
    data: {
      status: 'SENT',
      sentAt: now,
      smtpReply: (info.response ?? '').slice(0, 500),
      messageId,
      subject: mail.subject,
      recipients: [...recipients.to, ...recipients.cc],
      lastError: rejectedNote,
    },
  });
  for (const r of rejectedErrors) {
    const rReply = describeSmtpFailure(r);
    if (r.recipient && isAddressBounce(rReply, 'rcpt')) await flagBounced(prisma, r.recipient, rReply, now);
  }
  return { status: 'sent', messageId, ...(info.response ? { smtpReply: info.response } : {}) };
}

/** Builds the delivery activities. */
export function createMailDeliveryActivities(deps: MailDeliveryDeps): MailDeliveryActivities {
  return {
    async deliverNotification(input) {
      return deliverLedgerRow(deps, input.idempotencyKey, obligationComposer(deps, input.parties));
    },
  };
}

/** Result of {@link sendTestMessage}. */
export interface TestMessageResult {
  readonly idempotencyKey: string;
  readonly messageId: string;
  readonly smtpReply: string;
}

/**
 * Sends one TEST message to `to` through the configured transport, recorded in the ledger like any other
 * message (kind TEST); one attempt, no retry. Throws the delivery's `ApplicationFailure` on failure.
 */
export async function sendTestMessage(deps: MailDeliveryDeps, to: string): Promise<TestMessageResult> {
  const now = (deps.now ?? (() => new Date()))();
  const idempotencyKey = `test:${now.toISOString()}:${Math.random().toString(36).slice(2, 10)}`;
  await deps.prisma.notification.create({
    data: { idempotencyKey, kind: 'TEST', scheduledFor: now, recipients: [to] },
  });
  const result = await deliverLedgerRow(deps, idempotencyKey, obligationComposer(deps));
  return { idempotencyKey, messageId: result.messageId ?? '', smtpReply: result.smtpReply ?? '' };
}
