/**
 * Delivery of one ledger row (`Notification`) over SMTP, exactly once as far as SMTP allows.
 *
 * 1. The row is claimed with one conditional UPDATE (PENDING, or SENDING whose claim is older than the lease →
 *    SENDING, attempts + 1, claimedAt = now). Only one attempt at a time can hold the claim.
 * 2. The message is composed from the database (roster, read model; `./compose`, `./digest`) and sent with a
 *    Message-ID derived from the idempotency key.
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
import {
  classifySmtpFailure,
  describeSmtpFailure,
  isAddressBounce,
  messageIdFor,
  replyCodeOf,
  type RenderedMail,
  type ResolvedRecipients,
  type SmtpErrorLike,
} from '../domain/mail';
import { MAIL_CLAIM_LEASE_MS } from '../domain/mail/delivery-options';
import {
  MAIL_CLAIM_BUSY,
  MAIL_HORIZON_EXCEEDED,
  MAIL_NO_RECIPIENTS,
  NOTIFICATION_NOT_FOUND,
  SMTP_PERMANENT,
  SMTP_TRANSIENT,
} from '../domain/mail/failure-types';
import type { Party } from '../domain/cycle/types';
import { t } from '../domain/messages';
import { plainSqlOf, sqlTimestamp } from '../db/plain-sql';
import { Prisma, type Notification, type PrismaClient } from '../generated/prisma';
import type { AppConfig } from '../worker/config';
import { obligationComposer } from './compose';

/** Configuration the delivery reads (of the web settings only the base of links). */
export type MailDeliveryConfig = Pick<AppConfig, 'smtp' | 'mail' | 'lang'> & {
  readonly web: Pick<AppConfig['web'], 'publicBaseUrl'>;
};

/** What delivery needs. */
export interface MailDeliveryDeps {
  readonly prisma: PrismaClient;
  readonly mailer: Transporter;
  readonly config: MailDeliveryConfig;
  /** The clock (tests move it to cross the horizon). */
  readonly now?: () => Date;
  /** Age after which a SENDING claim may be re-taken; default {@link MAIL_CLAIM_LEASE_MS}. */
  readonly claimLeaseMs?: number;
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

/** A composed message: what to send, or why not. */
export type Composed =
  | { readonly kind: 'send'; readonly mail: RenderedMail; readonly recipients: ResolvedRecipients }
  | { readonly kind: 'skip'; readonly reason: string };

/** Builds the message of a claimed row; {@link deliverLedgerRow} calls it once per attempt. */
export type Composer = (row: Notification, now: Date) => Promise<Composed>;

/** The reply text stored on a row that was skipped (status SENT without a Message-ID). */
const SKIPPED_PREFIX = 'skipped: ';

/** Whether a ledger row is a skipped one (recorded as SENT without a Message-ID; see docs/mail.md). */
function isSkippedRow(row: Pick<Notification, 'status' | 'messageId' | 'smtpReply'>): boolean {
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

async function flagBounced(prisma: PrismaClient, address: string, reply: string, now: Date): Promise<void> {
  await prisma.contact.updateMany({
    where: { email: { equals: address, mode: 'insensitive' }, bouncedAt: null },
    data: { bouncedAt: now, bounceReply: reply.slice(0, 500) },
  });
}

/** Flags every recipient refused with a 5yz at RCPT TO: each such refusal is a bounce of that address. */
async function flagRefusedRecipients(
  prisma: PrismaClient,
  refused: ReadonlyArray<SmtpErrorLike & { recipient?: string }>,
  now: Date,
): Promise<void> {
  for (const r of refused) {
    const reply = describeSmtpFailure(r);
    if (r.recipient && isAddressBounce(reply, 'rcpt')) await flagBounced(prisma, r.recipient, reply, now);
  }
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

/** The ledger row of a key: a plain statement on the pool, since every attempt of every message starts here. */
async function ledgerRow(prisma: PrismaClient, idempotencyKey: string): Promise<Notification | undefined> {
  const [row] = await plainSqlOf(prisma).rows<Notification>(
    Prisma.sql`SELECT * FROM "Notification" WHERE "idempotencyKey" = ${idempotencyKey}`,
  );
  return row;
}

/**
 * The claim of a row that is free to send (pending, or sending under a lease that has run out) and within the
 * horizon: one conditional UPDATE, atomic in PostgreSQL, that answers with the claimed row. Every first attempt
 * of a burst takes this path: a plain statement on the pool instead of a read and a compiled update. Undefined
 * when the row is missing, finished, past the horizon or claimed by another attempt: {@link claimOrExplain} then
 * tells which.
 */
async function claimFreeRow(
  prisma: PrismaClient,
  idempotencyKey: string,
  now: Date,
  leaseMs: number,
  horizonMs: number,
): Promise<{ claimedRow: Notification } | undefined> {
  const [row] = await plainSqlOf(prisma).rows<Notification>(
    Prisma.sql`UPDATE "Notification"
      SET status = 'SENDING', attempts = attempts + 1, "claimedAt" = ${sqlTimestamp(now)}
      WHERE "idempotencyKey" = ${idempotencyKey}
        AND "createdAt" >= ${sqlTimestamp(new Date(now.getTime() - horizonMs))}
        AND (status = 'PENDING' OR (status = 'SENDING'
          AND ("claimedAt" IS NULL OR "claimedAt" < ${sqlTimestamp(new Date(now.getTime() - leaseMs))})))
      RETURNING *`,
  );
  return row ? { claimedRow: row } : undefined;
}

/**
 * A row {@link claimFreeRow} did not claim: its earlier result when it is finished, or the failure that says why
 * it cannot be sent now (unknown, past the horizon, claimed by another attempt); or the row, when its lease ran
 * out in between and this claim took it.
 */
async function claimOrExplain(
  deps: MailDeliveryDeps,
  idempotencyKey: string,
  now: Date,
  lease: number,
): Promise<DeliveryResult | { claimedRow: Notification }> {
  const { prisma, config } = deps;
  const row = await ledgerRow(prisma, idempotencyKey);
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
  const claim = await prisma.notification.updateMany({
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
  if (claim.count === 0) {
    const current = await prisma.notification.findUnique({ where: { idempotencyKey } });
    const done = current && resultOfFinished(current);
    if (done) return done;
    // Retry when the claim can be re-taken, not after the growing backoff: an attempt killed with its worker
    // holds the claim until the lease ends, and its message should go out then.
    const heldUntil = (current?.claimedAt?.getTime() ?? now.getTime()) + lease;
    throw ApplicationFailure.create({
      message: `${idempotencyKey} is claimed by another attempt`,
      type: MAIL_CLAIM_BUSY,
      nextRetryDelay: Math.max(1_000, heldUntil - now.getTime() + 1_000),
    });
  }
  return { claimedRow: row };
}

/**
 * Claims, composes, sends and records one ledger row. Shared by every kind of message (reminders, digest,
 * test); throws `ApplicationFailure`s typed as in `domain/mail/failure-types.ts`.
 */
export async function deliverLedgerRow(
  deps: MailDeliveryDeps,
  idempotencyKey: string,
  compose: Composer,
): Promise<DeliveryResult> {
  const { prisma, mailer, config } = deps;
  const now = (deps.now ?? (() => new Date()))();
  const lease = deps.claimLeaseMs ?? MAIL_CLAIM_LEASE_MS;
  const claimed =
    (await claimFreeRow(prisma, idempotencyKey, now, lease, config.mail.retryHorizonMs)) ??
    (await claimOrExplain(deps, idempotencyKey, now, lease));
  if (!('claimedRow' in claimed)) return claimed;
  const row = claimed.claimedRow;

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
    // Every recipient refused at RCPT TO.
    await flagRefusedRecipients(prisma, rejected, now);
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
  // A plain statement on the pool, as the claim: every message of a burst makes it.
  await plainSqlOf(prisma).rows(
    Prisma.sql`UPDATE "Notification"
      SET status = 'SENT', "sentAt" = ${sqlTimestamp(now)}, "smtpReply" = ${(info.response ?? '').slice(0, 500)},
        "messageId" = ${messageId}, subject = ${mail.subject},
        recipients = ${[...recipients.to, ...recipients.cc]}::text[], "lastError" = ${rejectedNote}::text
      WHERE "idempotencyKey" = ${idempotencyKey} AND status = 'SENDING'
      RETURNING id`,
  );
  // Some recipients refused, others accepted: the message counts as sent, the refused ones are flagged.
  await flagRefusedRecipients(prisma, rejectedErrors, now);
  return { status: 'sent', messageId, ...(info.response ? { smtpReply: info.response } : {}) };
}

/** A cycle's ledger row to deliver. */
export interface CycleDelivery {
  readonly idempotencyKey: string;
  /**
   * Who still owes the obligation (the `parties` of the machine's notify action). Optional: without it (ledger
   * rows written before the machine named them) the read model says who owes it (O3: the sides not signed).
   */
  readonly parties?: readonly Party[];
}

/** One attempt at a cycle's ledger row (a reminder, escalation or progress reminder), composed from the database. */
export function deliverCycleRow(deps: MailDeliveryDeps, row: CycleDelivery): Promise<DeliveryResult> {
  return deliverLedgerRow(deps, row.idempotencyKey, obligationComposer(deps, row.parties));
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
